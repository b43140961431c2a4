import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { icon } from './icons.js';
import { failedState } from './states.js';
import { libraryStyles, play, plural, totalDuration } from './library-kit.js';
import { trackTableStyles } from './track-table.js';
import { shared } from '../styles/shared.js';
import './cover-art.js';
import './track-editor.js';

const MAX_TRACKS = 100;

/**
 * The base of a screen that shows one collection of tracks (an album, an artist, a genre): a header
 * with its cover, kind, name and length, a Play button, an optional part above the tracks (an
 * artist's albums), then the tracks in a table with the usual play, drag, edit and actions. A
 * subclass says what it shows (`describe()`) and which tracks (`trackQuery()`); it may load more in
 * `loadMore()` and show it in `renderMore()`.
 */
export class TrackCollection extends LitElement {
  static styles = [shared, libraryStyles, trackTableStyles, css`
    .hero { display: flex; align-items: end; gap: var(--space-5); margin-bottom: var(--space-5); }
    .hero encore-cover { flex: none; width: 200px; box-shadow: var(--shadow); font-size: 1.6rem; }
    .hero .skeleton-cover { width: 200px; height: 200px; border-radius: var(--radius); flex: none; }
    .hero-text { display: grid; gap: var(--space-2); min-width: 0; }
    .hero h1 { font-size: clamp(1.6rem, 4vw, 2.8rem); font-weight: 800; letter-spacing: -.02em; overflow-wrap: anywhere; }
    .meta { color: var(--text-muted); }
    .meta a { color: var(--text); font-weight: 650; text-decoration: none; }
    .meta a:hover { text-decoration: underline; }
    .controls { display: flex; gap: var(--space-3); margin: 0 0 var(--space-5); }
    .controls svg { width: 18px; height: 18px; }
    .more { margin-bottom: var(--space-6); display: grid; gap: var(--space-4); }
    h2.section { font-size: 1.15rem; }
    @media (max-width: 860px) {
      .hero { flex-direction: column; align-items: center; text-align: center; gap: var(--space-4); }
      .hero encore-cover, .hero .skeleton-cover { width: min(220px, 60vw); height: auto; }
      .hero .skeleton-cover { aspect-ratio: 1; }
      .controls { justify-content: center; }
    }
  `];

  #tracks = new Loader(this, async () => {
    const [page] = await Promise.all([
      api.get('/api/v1/tracks', { query: { size: MAX_TRACKS, ...this.trackQuery() } }),
      this.loadMore(),
    ]);
    return page.items;
  });

  /** The tracks shown (none while they load). */
  get tracks() {
    return this.#tracks.value ?? [];
  }

  /** `{kind, name, cover?, round?, meta?}`: what the header shows. */
  describe() {
    throw new Error('a collection describes itself');
  }

  /** The query of `GET /api/v1/tracks` that lists this collection. */
  trackQuery() {
    return {};
  }

  /** More to load beside the tracks (in parallel). */
  async loadMore() {}

  renderMore() {
    return '';
  }

  render() {
    const about = this.describe();
    if (this.#tracks.state === 'failed') {
      return failedState(`This ${about.kind.toLowerCase()} could not be loaded`, this.#tracks.error, this.#tracks.reload);
    }
    const loading = this.#tracks.state === 'loading';
    const length = this.tracks.reduce((sum, track) => sum + (track.durationMs ?? 0), 0);
    const cover = about.cover ?? this.tracks.find((track) => track.coverUrl)?.coverUrl;
    return html`
      <header class="hero">
        <encore-cover ?round=${about.round} .src=${cover} .label=${about.name}></encore-cover>
        <div class="hero-text">
          <div class="eyebrow">${about.kind}</div>
          <h1>${about.name}</h1>
          <p class="meta">${about.meta ?? ''}${about.meta ? ' · ' : ''}${loading ? 'Loading…'
            : `${plural(this.tracks.length, 'track')}, ${totalDuration(length)}`}</p>
        </div>
      </header>
      ${loading || this.tracks.length ? html`<div class="controls">
        <button class="button primary" type="button" ?disabled=${loading} @click=${() => play(this, this.tracks, 0)}>
          ${icon('play')}Play</button></div>` : ''}
      ${this.renderMore()}
      ${!loading && this.tracks.length === 0
        ? html`<p class="meta" role="status">No tracks you can see here any more.</p>`
        : html`<encore-track-table ?loading=${loading} .tracks=${this.tracks} caption="Tracks of ${about.name}"
          @edit=${(event) => this.renderRoot.querySelector('encore-track-editor').open(event.detail)}></encore-track-table>`}
      ${loading ? html`<span class="visually-hidden" role="status">Loading tracks…</span>` : ''}
      <encore-track-editor @saved=${this.#saved} @deleted=${this.#deleted}></encore-track-editor>`;
  }

  #deleted(event) {
    this.#tracks.show(this.tracks.filter((track) => track.id !== event.detail.id));
  }

  #saved(event) {
    this.#tracks.show(this.tracks.map((track) => (track.id === event.detail.id ? event.detail : track)));
  }
}
