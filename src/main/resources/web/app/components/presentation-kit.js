/**
 * What the presentation screens share: how many slides a presentation has and where its rendering
 * stands. Slide pictures come as signed, short-lived URLs (`thumbnailUrl` of a presentation, and
 * `thumbUrl`/`fullUrl` of each slide in `GET /api/v1/presentations/{id}/slides`), loaded by plain
 * `<img>` elements from this page's origin (core/links.js `sameOrigin`): no token in a URL.
 */

/** The number of slides (the PDF's pages). */
export function slideCount(presentation) {
  return presentation?.pageCount ?? presentation?.slideCount ?? 0;
}

/** `{state, progress, failureReason}`: `processing`, `ready` or `failed`. */
export function processingOf(presentation) {
  const processing = presentation?.processing ?? {};
  return {
    state: String(processing.state ?? 'ready').toLowerCase(),
    progress: processing.progress ?? 0,
    failureReason: processing.failureReason ?? null,
  };
}
