package dev.encore.library.presentation;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.media.UnusablePdfException;
import dev.encore.platform.Problems;

/** PDFs refused as presentations: 422, one problem type per reason. */
public final class PresentationProblems {

    private PresentationProblems() {
    }

    public static ErrorResponseException refused(UnusablePdfException refused) {
        String slug = switch (refused.reason()) {
            case ENCRYPTED -> "pdf-encrypted";
            case MALFORMED -> "pdf-malformed";
            case TOO_MANY_PAGES -> "pdf-too-many-pages";
            case PAGE_TOO_LARGE -> "pdf-page-too-large";
        };
        String title = switch (refused.reason()) {
            case ENCRYPTED -> "PDF encrypted";
            case MALFORMED -> "PDF damaged";
            case TOO_MANY_PAGES -> "Too many pages";
            case PAGE_TOO_LARGE -> "Page too large";
        };
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                slug, title, refused.getMessage()), refused);
    }
}
