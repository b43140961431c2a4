import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from '../components/icons.js';
import { libraryStyles, play, plural } from '../components/library-kit.js';
import { shared } from '../styles/shared.js';
import { trackTableStyles } from '../components/track-table.js';
import '../components/track-editor.js';
import { emptyState, failedState } from '../components/states.js';

const PAGE_SIZE = 50;
const SORTS = new Set(['title', 'artist', 'album', 'durationMs', 'createdAt', 'year']);
/** The orders the phone layout offers in a menu (wide screens sort by the column headers). */
const ORDERS = [
  { value: '', label: 'Recently added' },
  { value: 'title,asc', label: 'Title' },
  { value: 'artist,asc', label: 'Artist' },
  { value: 'album,asc', label: 'Album' },
  { value: 'durationMs,asc', label: 'Shortest first' },
  { value: 'durationMs,desc', label: 'Longest first' },
];

/**
 * Library → Tracks: the tracks I may see (`GET /api/v1/tracks`), a page at a time, sortable by
 * column and filtered by text (title, artist or album). Page, sort and filter live in the URL
 * (`?q=night&sort=title,asc&page=2`), so reload and back keep them. Every row plays, drags into a
 * playlist, and (my own) opens the editor. Skeleton rows while loading, an empty state that says how
 * to fill the library, an error state with the problem and a retry.
 */
class Tracks extends LitElement {
  static properties = {
    page: { state: true },
    state: { state: true }, // 'loading', 'ready' or 'failed'
    error: { state: true },
    filter: { state: true },
    sort: { state: true },
  };

  static styles = [shared, libraryStyles, trackTableStyles, css`
    .tools { display: flex; align-items: center; gap: var(--space-3); }
    .filter { position: relative; flex: 0 1 300px; min-width: 200px; }
    .filter svg { position: absolute; left: 12px; top: 50%; width: 18px; height: 18px; transform: translateY(-50%); color: var(--text-faint); pointer-events: none; }
    .filter input {
      width: 100%; min-height: 40px; padding: 0 var(--space-3) 0 40px; border-radius: 999px;
      border: 1px solid var(--border-strong); background: var(--bg-raised); color: var(--text); font: inherit;
    }
    .filter input:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
    .play-all svg { width: 18px; height: 18px; }
    .order { display: none; }
    .order select {
      min-height: 40px; padding: 0 var(--space-3); border-radius: 999px; border: 1px solid var(--border-strong);
      background: var(--bg-raised); color: var(--text); font: inherit;
    }
    .no-match { padding: var(--space-6) var(--space-4); text-align: center; color: var(--text-muted); }
    @media (max-width: 860px) {
      .tools { width: 100%; flex-wrap: wrap; }
      .filter { min-width: 0; }
      .tools .play-all { flex: none; }
      .filter { flex: 1 1 100%; order: 3; }
      .order { display: block; margin-left: auto; }
    }
  `];

  #typing = null;

  constructor() {
    super();
    this.page = null;
    this.state = 'loading';
    this.error = null;
    this.filter = '';
    this.sort = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.filter = this.query?.get('q') ?? '';
    const sort = this.query?.get('sort') ?? '';
    this.sort = SORTS.has(sort.split(',')[0]) ? sort : null;
    this.#load(Math.max(0, Number.parseInt(this.query?.get('page') ?? '1', 10) - 1 || 0));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#typing);
  }

  async #load(number = this.page?.page ?? 0) {
    this.state = 'loading';
    try {
      this.page = await api.get('/api/v1/tracks', {
        query: { page: number, size: PAGE_SIZE, sort: this.sort, q: this.filter.trim() },
      });
      this.state = 'ready';
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    }
  }

  render() {
    const filtering = this.filter.trim() !== '';
    const total = this.page?.totalItems ?? 0;
    const everything = this.state === 'ready' && total === 0 && !filtering;
    return html`
      <div class="head">
        <div>
          <div class="eyebrow">Library</div>
          <h1>Tracks</h1>
          ${this.state === 'ready' && total > 0
            ? html`<p class="count">${plural(total, 'track')}${filtering ? ` matching “${this.filter.trim()}”` : ''}</p>` : ''}
        </div>
        ${everything || this.state === 'failed' ? '' : html`<div class="tools">
          <button class="button primary play-all" type="button" ?disabled=${this.state !== 'ready' || !this.page.items.length}
            @click=${() => play(this, this.page.items, 0)}>${icon('play')}Play</button>
          <div class="filter" role="search">${icon('search')}
            <input type="search" aria-label="Filter tracks by title, artist or album" placeholder="Filter tracks"
              .value=${this.filter} @input=${this.#filtered}></div>
          <div class="order"><label class="visually-hidden" for="order">Sort tracks by</label>
            <select id="order" @change=${(event) => this.#sorted({ detail: event.target.value || null })}>
              ${ORDERS.map((order) => html`<option value=${order.value} ?selected=${(this.sort ?? '') === order.value}>${order.label}</option>`)}
            </select></div>
        </div>`}
      </div>
      ${this.#body(everything, filtering)}
      <encore-track-editor @saved=${this.#saved} @deleted=${this.#deleted}></encore-track-editor>`;
  }

  #body(everything, filtering) {
    if (this.state === 'failed') return this.#failed();
    if (everything) return this.#empty();
    const loading = this.state === 'loading';
    if (!loading && this.page.items.length === 0 && filtering) {
      return html`<p class="no-match" role="status">No track matches “${this.filter.trim()}”.</p>`;
    }
    return html`
      <encore-track-table sortable .sort=${this.sort} ?loading=${loading} .tracks=${loading ? [] : this.page.items}
        .offset=${loading ? 0 : this.page.page * this.page.size}
        caption=${loading ? 'Your tracks' : `Your tracks, page ${this.page.page + 1}`}
        @sort=${this.#sorted} @edit=${(event) => this.#editor().open(event.detail)}></encore-track-table>
      ${loading ? html`<span class="visually-hidden" role="status">Loading tracks…</span>` : this.#pager()}`;
  }

  #pager() {
    if (this.page.totalPages <= 1) return '';
    const current = this.page.page + 1;
    return html`<nav class="pager" aria-label="Pages">
      <a class="button secondary" href=${this.#href(current - 1)} aria-disabled=${this.page.hasPrevious ? 'false' : 'true'}
        tabindex=${this.page.hasPrevious ? '0' : '-1'}>${icon('chevronLeft')}Previous</a>
      <span>Page ${current} of ${this.page.totalPages}</span>
      <a class="button secondary" href=${this.#href(current + 1)} aria-disabled=${this.page.hasNext ? 'false' : 'true'}
        tabindex=${this.page.hasNext ? '0' : '-1'}>Next${icon('chevronRight')}</a>
    </nav>`;
  }

  /** This screen's URL with its filter, sort and the page (1-based; the first page has none). */
  #href(page = 1) {
    const query = new URLSearchParams();
    if (this.filter.trim()) query.set('q', this.filter.trim());
    if (this.sort) query.set('sort', this.sort);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return `/library/tracks${text ? `?${text}` : ''}`;
  }

  #filtered(event) {
    this.filter = event.target.value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => {
      history.replaceState(null, '', this.#href());
      this.#load(0);
    }, 250);
  }

  #sorted(event) {
    this.sort = event.detail;
    history.replaceState(null, '', this.#href());
    this.#load(0);
  }

  #saved(event) {
    const saved = event.detail;
    if (this.page) {
      this.page = { ...this.page, items: this.page.items.map((track) => (track.id === saved.id ? saved : track)) };
    }
  }

  /** A track deleted from the editor: this page is read again (the counts and the next page move up). */
  #deleted() {
    const last = this.page && this.page.items.length === 1 && this.page.page > 0;
    if (last) history.replaceState(null, '', this.#href(this.page.page));
    this.#load(last ? this.page.page - 1 : this.page?.page ?? 0);
  }

  #editor() {
    return this.renderRoot.querySelector('encore-track-editor');
  }

  #empty() {
    return emptyState('library', 'No tracks yet',
      'Import a link or upload your files, save them to your library, and they appear here, ready to play.');
  }

  #failed() {
    return failedState('Your tracks could not be loaded', this.error, () => this.#load());
  }
}

customElements.define('encore-tracks', Tracks);
