/**
 * Uploads: single-request and resumable (tus) uploads, staging, quotas, malware scanning and the upload pipeline.
 */
package dev.encore.library.upload;
