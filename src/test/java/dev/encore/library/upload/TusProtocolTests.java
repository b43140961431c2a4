package dev.encore.library.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class TusProtocolTests {

    @Test
    void takesTheFileNameFromUploadMetadataSanitized() {
        assertThat(TusProtocol.filename("relativePath null,filename " + base64("../../etc/Song.mp3") + ",private"))
                .isEqualTo("Song.mp3");
        assertThat(TusProtocol.filename("filename " + base64("clip\u202Egpj.exe\r\n.mp3"))).isEqualTo("clip_gpj.exe__.mp3");
        assertThat(TusProtocol.filename("filetype " + base64("audio/mpeg"))).isEqualTo("upload");
        assertThat(TusProtocol.filename(null)).isEqualTo("upload");
    }

    @Test
    void refusesMalformedUploadMetadata() {
        for (String bad : new String[] { "filename not*base64", "filename a b", ",filename " + base64("x") }) {
            assertThatThrownBy(() -> TusProtocol.filename(bad)).as(bad).isInstanceOf(ErrorResponseException.class)
                    .satisfies(ex -> assertThat(((ErrorResponseException) ex).getStatusCode().value()).isEqualTo(400));
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
