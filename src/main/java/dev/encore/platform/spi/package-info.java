/**
 * Contracts that {@code platform} defines and other modules implement: downloadable files
 * ({@link dev.encore.platform.spi.DeliverableFiles}), hand-over of finished files
 * ({@link dev.encore.platform.spi.FileClaims}), blob references and storage usage for collection and
 * quotas ({@link dev.encore.platform.spi.BlobReferences}, {@link dev.encore.platform.spi.StorageUsage}),
 * signed stream URLs and the grants that lend content beyond the library's rules
 * ({@link dev.encore.platform.spi.StreamLinks}, {@link dev.encore.platform.spi.StreamGrants}), request field rules
 * ({@link dev.encore.platform.spi.FieldRules}), and what the admin status page shows of a module
 * ({@link dev.encore.platform.spi.StatusSource}). Other modules reach them as the named interface
 * {@code platform::spi}.
 */
@NamedInterface("spi")
package dev.encore.platform.spi;

import org.springframework.modulith.NamedInterface;
