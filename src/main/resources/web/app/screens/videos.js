import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { sameOrigin } from '../core/links.js';
import { icon } from '../components/icons.js';
import { duration, libraryStyles, tone, toneStyles } from '../components/library-kit.js';
import { gridHead, pageNumber, pager, withPage } from '../components/browse-grid.js';
import { emptyState, failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';

const PAGE_SIZE = 24;

/**
 * Library → Videos: the videos I may see (`GET /api/v1/videos`), newest first, as 16:9 cards with
 * their length and their thumbnail (`thumbnailUrl`, signed) once processed — before that a frame of
 * the original through its signed stream URL, and the processing's progress; each opens its own page
 * (`/videos/{id}`), where it plays. `?page=` in the URL.
 */
class Videos extends LitElement {
  static styles = [shared, libraryStyles, toneStyles, css`
    .grid { grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }
    .poster {
      position: relative; display: grid; place-items: center; aspect-ratio: 16 / 9; border-radius: var(--radius);
      overflow: hidden; color: #fff; box-shadow: var(--shadow); isolation: isolate;
    }
    .poster::after { content: ''; position: absolute; inset: 0; z-index: -1; background: radial-gradient(circle at 30% 20%, rgba(255, 255, 255, .18), rgba(0, 0, 0, .35)); }
    .poster video, .poster img { position: absolute; inset: 0; z-index: -2; width: 100%; height: 100%; object-fit: cover; background: transparent; }
    .state-chip {
      position: absolute; left: var(--space-2); top: var(--space-2); padding: 1px 8px; border-radius: 999px;
      background: rgba(0, 0, 0, .72); color: #fff; font-size: .75rem; font-weight: 700; font-variant-numeric: tabular-nums;
    }
    .state-chip.failed { background: var(--danger); color: #fff; }
    .poster .glyph {
      display: grid; place-items: center; width: 52px; height: 52px; border-radius: 50%;
      background: rgba(0, 0, 0, .38); backdrop-filter: blur(4px); transition: transform var(--transition);
    }
    .poster .glyph svg { width: 22px; height: 22px; margin-left: 3px; }
    .tile:hover .glyph { transform: scale(1.08); }
    .length {
      position: absolute; right: var(--space-2); bottom: var(--space-2); padding: 1px 6px; border-radius: 4px;
      background: rgba(0, 0, 0, .72); color: #fff; font-size: .8rem; font-weight: 600; font-variant-numeric: tabular-nums;
    }
    .tile-skeleton .square { aspect-ratio: 16 / 9; }
    @media (max-width: 860px) { .grid { grid-template-columns: 1fr; } }
  `];

  #videos = new Loader(this, () => api.get('/api/v1/videos', { query: { page: pageNumber(this.query), size: PAGE_SIZE } }));

  render() {
    const { state, value: page } = this.#videos;
    return html`${gridHead('Videos', state === 'ready' ? page : null, 'video')}${this.#body()}`;
  }

  #body() {
    const { state, value: page } = this.#videos;
    if (state === 'loading') {
      return html`<ul class="grid" aria-hidden="true">${Array.from({ length: 6 }, () => html`<li class="tile-skeleton">
        <span class="skeleton square"></span><span class="skeleton"></span></li>`)}</ul>
        <span class="visually-hidden" role="status">Loading videos…</span>`;
    }
    if (state === 'failed') return failedState('Your videos could not be loaded', this.#videos.error, this.#videos.reload);
    if (page.items.length === 0) {
      return emptyState('videos', 'No videos yet', 'Upload a video file and save it to your library: it plays here, '
        + 'streamed in the quality your connection allows.');
    }
    return html`<ul class="grid" aria-label="Videos">${page.items.map((video) => html`<li>
        <a class="tile" href="/videos/${video.id}">
          <span class="poster tone-${tone(video.title)}" aria-hidden="true">
            ${picture(video)}
            <span class="glyph">${icon('play')}</span>
            ${chip(video)}
            <span class="length">${duration(video.durationMs)}</span></span>
          <strong>${video.title}</strong>
          <span class="sub">${[video.category, video.visibility].filter(Boolean).join(' · ')}</span>
        </a></li>`)}</ul>
      ${pager(page, (n) => withPage('/library/videos', n))}`;
  }
}

/**
 * A card's picture: the processed thumbnail once the video is ready, else a frame of the original
 * itself (metadata and one frame only).
 */
function picture(video) {
  if (video.processing?.state === 'ready' && video.thumbnailUrl) {
    return html`<img src=${sameOrigin(video.thumbnailUrl).href} alt="" loading="lazy" decoding="async">`;
  }
  return html`<video src="${sameOrigin(video.streamUrl).href}#t=0.5" preload="metadata" muted playsinline tabindex="-1"></video>`;
}

/** "Processing 42 %" or "Failed" on the card of a video that is not ready yet. */
function chip(video) {
  const state = video.processing?.state;
  if (state === 'processing') return html`<span class="state-chip">Processing ${Math.round(video.processing.progress ?? 0)}%</span>`;
  if (state === 'failed') return html`<span class="state-chip failed">Not streamable</span>`;
  return '';
}

customElements.define('encore-videos', Videos);
