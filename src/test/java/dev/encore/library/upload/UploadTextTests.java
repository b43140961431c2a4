package dev.encore.library.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text cut to a limit is cut in characters (code points), never between the halves of a pair. */
class UploadTextTests {

    private static final String NOTE = "\uD83C\uDFB5"; // one character, two UTF-16 units

    @Test
    void probedTagsAreCutInCharacters() {
        assertThat(Upload.cut(NOTE.repeat(255), 255)).isEqualTo(NOTE.repeat(255));
        assertThat(Upload.cut(NOTE.repeat(300), 255)).isEqualTo(NOTE.repeat(255));
        assertThat(Upload.cut("a".repeat(51), 50)).isEqualTo("a".repeat(50));
        assertThat(Upload.cut(null, 50)).isNull();
    }

    @Test
    void aTitleFromAFileNameKeepsUpTo255Characters() {
        assertThat(ContentSources.titleOf(NOTE.repeat(200) + ".mp3")).as("400 units").isEqualTo(NOTE.repeat(200));
        assertThat(ContentSources.titleOf(NOTE.repeat(256) + ".mp3")).isEqualTo(NOTE.repeat(255));
        assertThat(ContentSources.titleOf("clip.mp4")).isEqualTo("clip");
    }

    @Test
    void anUploadsFileNameIsCutWithoutSplittingAPair() {
        assertThat(UploadReceiver.displayName(NOTE.repeat(200) + ".mp3")).as("the 255th unit opens a pair")
                .isEqualTo(NOTE.repeat(127));
        assertThat(UploadReceiver.displayName("a" + NOTE.repeat(200) + ".mp3")).as("the 255th unit closes one")
                .isEqualTo("a" + NOTE.repeat(127));
    }
}
