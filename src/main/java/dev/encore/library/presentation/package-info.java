/**
 * Presentations: PDF uploads rendered to slide images by a job, their details, filters, views and
 * the /api/v1/presentations endpoints.
 */
package dev.encore.library.presentation;
