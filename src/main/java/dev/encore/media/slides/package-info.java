/**
 * PDF slides: opening PDFs within limits (PDFBox, scratch files on disk) for {@code SlideRenderer}.
 */
package dev.encore.media.slides;
