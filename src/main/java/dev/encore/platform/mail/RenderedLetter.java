package dev.encore.platform.mail;

import org.springframework.web.util.HtmlUtils;

import dev.encore.platform.MailLetter;

/**
 * A {@link MailLetter} as the two bodies of its mail: plain text, and simple HTML with every part
 * escaped (a display name with markup in it shows as typed, it makes no element).
 */
public record RenderedLetter(String text, String html) {

    /** Renders {@code letter}. */
    public static RenderedLetter of(MailLetter letter) {
        String name = MailLetter.oneLine(letter.name());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;"
                + "line-height:1.5;color:#1b1b1f;max-width:36rem;margin:0 auto;padding:1rem\">");
        String greeting = name.isEmpty() ? "Hello," : "Hello " + name + ",";
        text.append(greeting).append("\n\n");
        html.append("<p>").append(HtmlUtils.htmlEscape(greeting)).append("</p>");
        for (String paragraph : letter.paragraphs()) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>");
        }
        if (letter.actionUrl() != null) {
            String url = letter.actionUrl().toASCIIString();
            text.append(letter.actionLabel()).append(":\n").append(url).append("\n\n");
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(url)).append("\" style=\"display:inline-block;"
                    + "padding:.6rem 1.1rem;border-radius:.4rem;background:#5b3fd6;color:#fff;text-decoration:none\">")
                    .append(HtmlUtils.htmlEscape(letter.actionLabel())).append("</a></p><p style=\"font-size:.85rem;"
                            + "color:#555\">Or open this address: ")
                    .append(HtmlUtils.htmlEscape(url)).append("</p>");
        }
        text.append("-- \nEncore");
        html.append("<p>Encore</p>");
        if (letter.footer() != null) {
            text.append("\n").append(letter.footer());
            html.append("<p style=\"font-size:.8rem;color:#666\">").append(HtmlUtils.htmlEscape(letter.footer()))
                    .append("</p>");
        }
        return new RenderedLetter(text.append('\n').toString(), html.append("</body></html>").toString());
    }
}
