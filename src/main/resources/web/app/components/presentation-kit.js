import { LitElement, html, css } from 'lit';
import { picture } from './cover-art.js';

/**
 * What the presentation screens share: how many slides a presentation has, where its processing
 * stands, and its slide pictures. A slide's picture is an API path that needs the token
 * (`GET /api/v1/presentations/{id}/slides/{n}?size=thumb|full`, n from 1), which an `<img>` request
 * cannot send, so it is read through the API client and shown as a `data:` URL, once per tab
 * (`picture()` of cover-art.js; the CSP allows `data:` images).
 */

/** The number of slides (0 until the PDF is rendered). */
export function slideCount(presentation) {
  return presentation?.slideCount ?? presentation?.pageCount ?? presentation?.slides?.length ?? 0;
}

/** `{state, progress, failureReason}`: `processing`, `ready`, `failed` or `cancelled`. */
export function processingOf(presentation) {
  const processing = presentation?.processing ?? {};
  return {
    state: String(processing.state ?? presentation?.state ?? 'ready').toLowerCase(),
    progress: processing.progress ?? presentation?.progress ?? 0,
    failureReason: processing.failureReason ?? presentation?.failureReason ?? null,
  };
}

/** The API path of slide `n` (from 1) at `size` (`thumb` or `full`). */
export function slidePath(presentation, n, size) {
  return `/api/v1/presentations/${encodeURIComponent(presentation.id)}/slides/${n}?size=${size}`;
}

/** Slide `n` as a `data:` URL (null when it cannot be read). */
export function slidePicture(presentation, n, size) {
  return picture(slidePath(presentation, n, size));
}

/**
 * A slide's picture (`<encore-slide .presentation=${p} n="3" size="thumb">`): a shimmer until it is
 * read, then the image. Decorative unless `alt` is given.
 */
class SlideImage extends LitElement {
  static properties = {
    presentation: { attribute: false },
    n: { type: Number },
    size: {},
    alt: {},
    src: { state: true },
  };

  static styles = css`
    :host { display: block; position: relative; overflow: hidden; background: var(--bg-sunken); }
    img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
    .shimmer {
      position: absolute; inset: 0;
      background: linear-gradient(90deg, var(--skeleton) 0%, var(--skeleton-shine) 50%, var(--skeleton) 100%);
      background-size: 200% 100%; animation: shimmer 1.4s ease-in-out infinite;
    }
    @keyframes shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
    @media (prefers-reduced-motion: reduce) { .shimmer { animation: none; } }
  `;

  constructor() {
    super();
    this.presentation = null;
    this.n = 1;
    this.size = 'thumb';
    this.alt = '';
    this.src = null;
  }

  willUpdate(changed) {
    if (changed.has('presentation') || changed.has('n') || changed.has('size')) this.#load();
  }

  async #load() {
    const { presentation, n, size } = this;
    if (!presentation) return;
    const path = slidePath(presentation, n, size);
    const cached = this.src && this.loaded === path;
    if (cached) return;
    this.src = null;
    const shown = await picture(path);
    if (this.presentation === presentation && this.n === n && this.size === size) {
      this.src = shown;
      this.loaded = path;
    }
  }

  render() {
    return this.src
      ? html`<img src=${this.src} alt=${this.alt} decoding="async">`
      : html`<span class="shimmer" aria-hidden="true"></span>`;
  }
}

customElements.define('encore-slide', SlideImage);
