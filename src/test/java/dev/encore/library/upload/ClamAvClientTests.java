package dev.encore.library.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClamAvClientTests {

    @Test
    void readsClamdsVerdicts() {
        assertThat(ClamAvClient.verdict("stream: OK")).isEqualTo(new ClamAvClient.Clean());
        assertThat(ClamAvClient.verdict("stream: Eicar-Test-Signature FOUND"))
                .isEqualTo(new ClamAvClient.Infected("Eicar-Test-Signature"));
        assertThat(ClamAvClient.verdict("INSTREAM size limit exceeded. ERROR"))
                .isEqualTo(new ClamAvClient.Failed("INSTREAM size limit exceeded. ERROR"));
        assertThat(ClamAvClient.verdict("")).isInstanceOf(ClamAvClient.Failed.class);
    }
}
