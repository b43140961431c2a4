package dev.encore.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.platform.MailLetter;

class RenderedLetterTests {

    @Test
    void rendersTextAndEscapedHtmlWithTheLink() {
        RenderedLetter letter = RenderedLetter.of(new MailLetter("a@example.org", "<Ann & Co>", "Subject",
                List.of("First \"one\".", "Second <i>two</i>."), "Open", URI.create("https://m.example.org/x?a=1&b=2"),
                "Why you get this."));
        assertThat(letter.text()).isEqualTo("Hello <Ann & Co>,\n\nFirst \"one\".\n\nSecond <i>two</i>.\n\n"
                + "Open:\nhttps://m.example.org/x?a=1&b=2\n\n-- \nEncore\nWhy you get this.\n");
        assertThat(letter.html()).contains("<p>Hello &lt;Ann &amp; Co&gt;,</p>", "Second &lt;i&gt;two&lt;/i&gt;.",
                "href=\"https://m.example.org/x?a=1&amp;b=2\"", ">Open</a>").doesNotContain("<i>");
    }

    @Test
    void greetsWithoutANameWhenThereIsNone() {
        assertThat(RenderedLetter.of(new MailLetter("a@example.org", null, "S", List.of(), null, null, null)).text())
                .startsWith("Hello,\n\n").doesNotContain("null");
    }

    @Test
    void headerValuesStayOnOneLine() {
        assertThat(MailLetter.oneLine("Eve\r\nBcc: x@example.org")).isEqualTo("Eve Bcc: x@example.org");
        assertThat(MailLetter.oneLine("a\u2028b\u202Ec\td\u0000")).isEqualTo("a b c d");
        assertThat(MailLetter.oneLine(" x".repeat(300))).hasSize(200);
        assertThat(MailLetter.oneLine("DJ \uD83D\uDC69\u200D\uD83C\uDFA4")).as("an emoji sequence stays whole")
                .isEqualTo("DJ \uD83D\uDC69\u200D\uD83C\uDFA4");
        assertThat(MailLetter.oneLine("\uD83C\uDFB5".repeat(250))).as("cut between characters")
                .isEqualTo("\uD83C\uDFB5".repeat(200));
        assertThat(MailLetter.oneLine(null)).isEmpty();
    }

    @Test
    void linksGoUnderThePublicUrlWithOrWithoutItsTrailingSlash() {
        assertThat(MailLetter.link(URI.create("https://m.example.org/"), "/account")).hasToString("https://m.example.org/account");
        assertThat(MailLetter.link(URI.create("https://m.example.org/encore"), "/account"))
                .hasToString("https://m.example.org/encore/account");
    }

    @Test
    void anActionNeedsBothParts() {
        assertThatThrownBy(() -> new MailLetter("a@example.org", "A", "S", List.of(), "Open", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
