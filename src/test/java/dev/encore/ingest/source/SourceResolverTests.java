package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.config.IngestProperties;

/** What yt-dlp's info JSON says, read into {@link SourceMetadata}. */
class SourceResolverTests {

    private final IngestProperties properties = mock(IngestProperties.class);
    private final SourceResolver resolver = new SourceResolver(null, null, null, null, JsonMapper.builder().build(),
            properties, null, null);

    @Test
    void aSourcesTitlesWithControlCharactersAreCleanedNotRefused() {
        when(properties.maxPlaylistItems()).thenReturn(10);
        SourceMetadata metadata = resolver.describe("""
                {"_type": "playlist", "extractor_key": "Generic", "id": "x1", "title": "t\\"\\r\\nX: y",
                 "uploader": "\\u001b[31mRed", "album": "\\n",
                 "entries": [{"url": "https://www.youtube.com/watch?v=a", "title": "one\\ttwo\\u0007"}]}""");
        assertThat(metadata.title()).isEqualTo("t\" X: y");
        assertThat(metadata.artist()).isEqualTo("[31mRed");
        assertThat(metadata.album()).isNull();
        assertThat(metadata.entries()).extracting(SourceMetadata.Entry::title).containsExactly("one two");
    }
}
