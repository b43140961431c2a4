/**
 * What tracks and videos share: the content base class, stored media, visibility filters, sources, ETags, problems and clean-up.
 */
package dev.encore.library.content;
