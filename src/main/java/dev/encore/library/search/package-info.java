/**
 * The library's search port ({@link dev.encore.library.search.SearchEngine}) and its two adapters:
 * a Lucene index under the data directory (embedded) and PostgreSQL full-text + trigram search
 * shared by every node (distributed). Internal to the library module.
 */
package dev.encore.library.search;
