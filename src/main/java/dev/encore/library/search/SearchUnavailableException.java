package dev.encore.library.search;

/** The engine cannot answer: its index is missing, corrupt or unreachable. */
class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
