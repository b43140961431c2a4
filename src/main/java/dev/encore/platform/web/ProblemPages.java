package dev.encore.platform.web;

import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import dev.encore.platform.Problems;
import dev.encore.platform.web.ProblemCatalogue.ProblemType;

/**
 * The HTML of the problem type pages, made from {@link ProblemCatalogue}: one page per type and an
 * index. Every text is escaped; the pages carry no script and no inline style (one stylesheet from
 * the same origin), so they pass Encore's strict Content-Security-Policy.
 */
final class ProblemPages {

    private final String publicUrl;

    /** @param publicUrl Encore's public URL without a trailing slash, the base of every type URI */
    ProblemPages(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The page of one type, served at {@code /problems/{name}}. */
    String page(ProblemType type) {
        return document(type.title(), "problems.css", """
                <p class="crumb"><a href="../problems">Encore problem types</a></p>
                <h1>%s</h1>
                <p class="meta">HTTP %d &middot; <code>%s</code></p>
                <h2>What it means</h2>
                <p>%s</p>
                <h2>What to do</h2>
                <p>%s</p>
                <p class="note">Every problem answer also carries a <code>requestId</code>: quote it when you report \
                something to the operator.</p>
                """.formatted(escape(type.title()), type.status(), escape(typeUri(type)), escape(type.meaning()),
                escape(type.action())));
    }

    /** The list of every type, served at {@code /problems}. */
    String index() {
        String rows = ProblemCatalogue.TYPES.stream().map(type -> """
                <tr><td><a href="problems/%s">%s</a></td><td>%d</td><td>%s</td></tr>"""
                .formatted(escape(type.name()), escape(type.name()), type.status(), escape(type.title())))
                .collect(Collectors.joining("\n"));
        return document("Problem types", "problems/problems.css", """
                <h1>Encore problem types</h1>
                <p>Every error Encore answers is an RFC 9457 problem (<code>application/problem+json</code>) whose \
                <code>type</code> is one of these pages.</p>
                <table>
                <thead><tr><th scope="col">type</th><th scope="col">status</th><th scope="col">title</th></tr></thead>
                <tbody>
                %s
                </tbody>
                </table>
                """.formatted(rows));
    }

    private String typeUri(ProblemType type) {
        return publicUrl + Problems.TYPE_PATH + type.name();
    }

    private static String document(String title, String stylesheet, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s &middot; Encore</title>
                <link rel="stylesheet" href="%s">
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), stylesheet, body);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
