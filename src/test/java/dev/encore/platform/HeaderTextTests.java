package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Header values read as ISO-8859-1 by the container, as clients sent them. */
class HeaderTextTests {

    private static String asContainerReadsIt(String sent) {
        return new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8AgentsAreDecodedAndOthersKeptAsTheyCame() {
        assertThat(HeaderText.utf8(asContainerReadsIt("Jörg’s iPhone — €"))).isEqualTo("Jörg’s iPhone — €");
        assertThat(HeaderText.utf8("Mozilla/5.0 (X11)")).isEqualTo("Mozilla/5.0 (X11)");
        assertThat(HeaderText.utf8("J\u00f6rg")).as("Latin-1, not UTF-8").isEqualTo("J\u00f6rg");
        assertThat(HeaderText.utf8(null)).isNull();
    }

    @Test
    void theFirewallTakesUtf8ButNotControls() {
        assertThat(HeaderText.ALLOWED_VALUES.test(asContainerReadsIt("Jörg’s iPhone — €"))).isTrue();
        assertThat(HeaderText.ALLOWED_VALUES.test("plain value")).isTrue();
        assertThat(HeaderText.ALLOWED_VALUES.test("bell\u0007")).isFalse();
        assertThat(HeaderText.ALLOWED_VALUES.test("del\u007f")).isFalse();
        assertThat(HeaderText.ALLOWED_VALUES.test("line\nbreak")).isFalse();
    }
}
