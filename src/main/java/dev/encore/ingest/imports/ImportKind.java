package dev.encore.ingest.imports;

/** What an import was asked to fetch. */
public enum ImportKind {
    /** One link. */
    SINGLE,
    /** A playlist link, fanned out into its items. */
    PLAYLIST,
    /** A list of links. */
    BATCH
}
