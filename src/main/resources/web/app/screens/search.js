import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from '../components/icons.js';
import { group } from '../components/search-results.js';
import { duration, libraryStyles, plural, tone, toneStyles } from '../components/library-kit.js';
import { trackTableStyles } from '../components/track-table.js';
import { shared } from '../styles/shared.js';
import '../components/cover-art.js';
import '../components/track-editor.js';
import { failedState } from '../components/states.js';

const SIZE = 50;
const TRACKS = 10;
const DEBOUNCE_MS = 200;

/**
 * All results of a search (`/search?q=`, which survives a reload): the field (focused on arrival),
 * then the matches grouped by kind: tracks (a full track table: play, drag, edit, actions), artists
 * and albums of those tracks, videos and playlists. The query goes into the URL as you type.
 */
class Search extends LitElement {
  static properties = {
    q: { state: true },
    state: { state: true }, // 'idle', 'loading', 'ready', 'failed'
    error: { state: true },
    found: { state: true },
  };

  static styles = [shared, libraryStyles, trackTableStyles, toneStyles, css`
    .field-row { position: relative; max-width: 640px; margin: var(--space-4) 0 var(--space-6); }
    .field-row svg { position: absolute; left: 16px; top: 50%; width: 22px; height: 22px; transform: translateY(-50%); color: var(--text-faint); pointer-events: none; }
    .field-row input {
      width: 100%; min-height: 52px; padding: 0 var(--space-4) 0 50px; border-radius: 999px;
      border: 1px solid var(--border-strong); background: var(--bg-raised); color: var(--text); font: inherit; font-size: 1.05rem;
    }
    .field-row input:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
    section { margin-bottom: var(--space-6); display: grid; gap: var(--space-3); }
    .links { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-1); }
    .links a { display: flex; align-items: center; gap: var(--space-3); padding: var(--space-2) var(--space-3); border-radius: var(--radius); color: var(--text); text-decoration: none; }
    .links a:hover { background: var(--bg-hover); }
    .links .glyph { flex: none; display: grid; place-items: center; width: 56px; height: 36px; border-radius: var(--radius-s); color: #fff; }
    .links .glyph svg { width: 16px; height: 16px; }
    .links span.sub { color: var(--text-muted); margin-left: auto; font-variant-numeric: tabular-nums; }
    .hint { color: var(--text-muted); }
    section .grid { grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }
    @media (max-width: 860px) {
      section .grid { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      .tile .sub { font-size: .8rem; }
    }
  `];

  #timer = null;

  constructor() {
    super();
    this.q = '';
    this.state = 'idle';
    this.error = null;
    this.found = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.q = this.query?.get('q') ?? '';
    if (this.q.trim()) this.#load();
  }

  firstUpdated() {
    // after the app has moved focus to the new screen's main region, into the field
    setTimeout(() => this.renderRoot.querySelector('input')?.focus());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  async #load() {
    const q = this.q.trim();
    this.state = 'loading';
    try {
      const page = await api.get('/api/v1/search', { query: { q, size: SIZE } });
      const ids = page.items.filter((item) => item.type === 'track').slice(0, TRACKS).map((item) => item.id);
      const tracks = (await Promise.all(ids.map((id) => api.get(`/api/v1/tracks/${id}`).catch(() => null))))
        .filter(Boolean);
      if (q !== this.q.trim()) return;
      this.found = { total: page.totalItems, tracks, groups: group(page.items, SIZE) };
      this.state = 'ready';
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    }
  }

  #typed(event) {
    this.q = event.target.value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const q = this.q.trim();
      history.replaceState(null, '', q ? `/search?q=${encodeURIComponent(q)}` : '/search');
      if (q) {
        this.#load();
      } else {
        this.state = 'idle';
        this.found = null;
      }
    }, DEBOUNCE_MS);
  }

  render() {
    return html`<div class="eyebrow">Library</div>
      <h1>Search</h1>
      <div class="field-row" role="search">${icon('search')}
        <input type="search" aria-label="Search tracks, artists, albums, videos and playlists" placeholder="What do you want to hear?"
          autocomplete="off" spellcheck="false" .value=${this.q} @input=${this.#typed}></div>
      ${this.#body()}
      <encore-track-editor @saved=${this.#saved} @deleted=${this.#deleted}></encore-track-editor>`;
  }

  #body() {
    if (this.state === 'idle') {
      return html`<p class="hint">Type a few letters: titles, artists, albums, tags and playlist names match, and a typo is forgiven.</p>`;
    }
    if (this.state === 'failed') {
      return failedState('Search did not answer', this.error, () => this.#load());
    }
    if (this.state === 'loading' && !this.found) {
      return html`<encore-track-table loading caption="Searching"></encore-track-table>
        <span class="visually-hidden" role="status">Searching…</span>`;
    }
    const { groups, tracks, total } = this.found;
    if (total === 0) {
      return html`<section class="state card" aria-labelledby="none-title" role="status"><span class="badge">${icon('search')}</span>
        <h2 id="none-title">Nothing found for “${this.q.trim()}”</h2>
        <p>Check the spelling of longer words, or try fewer words.</p></section>`;
    }
    return html`<p class="visually-hidden" role="status">${plural(total, 'result')}</p>
      ${tracks.length ? html`<section aria-labelledby="tracks-title"><h2 id="tracks-title">Tracks</h2>
        <encore-track-table .tracks=${tracks} caption="Tracks found"
          @edit=${(event) => this.renderRoot.querySelector('encore-track-editor').open(event.detail)}></encore-track-table></section>` : ''}
      ${this.#tiles('artists', 'Artists', groups.artists, tracks, true)}
      ${this.#tiles('albums', 'Albums', groups.albums, tracks, false)}
      ${this.#links('videos', 'Videos', groups.videos, 'videos')}
      ${this.#links('presentations', 'Presentations', groups.presentations, 'slides')}
      ${this.#links('playlists', 'Playlists', groups.playlists, 'library')}`;
  }

  #tiles(key, label, entries, tracks, round) {
    if (!entries.length) return '';
    const coverOf = (entry) => tracks.find((track) => track.coverUrl
      && (round ? track.artist === entry.title : track.album === entry.title))?.coverUrl;
    return html`<section aria-labelledby="${key}-title"><h2 id="${key}-title">${label}</h2>
      <ul class="grid">${entries.map((entry) => html`<li><a class="tile ${round ? 'round' : ''}" href=${entry.href}>
        <encore-cover ?round=${round} .src=${coverOf(entry)} .label=${entry.title}></encore-cover>
        <strong>${entry.title}</strong><span class="sub">${entry.detail}</span></a></li>`)}</ul></section>`;
  }

  #links(key, label, entries, glyph) {
    if (!entries.length) return '';
    return html`<section aria-labelledby="${key}-title"><h2 id="${key}-title">${label}</h2>
      <ul class="links">${entries.map((entry) => html`<li><a href=${entry.href}>
        <span class="glyph tone-${tone(entry.title)}" aria-hidden="true">${icon(glyph)}</span><strong>${entry.title}</strong>
        ${entry.durationMs ? html`<span class="sub">${duration(entry.durationMs)}</span>` : ''}</a></li>`)}</ul></section>`;
  }

  #deleted(event) {
    const tracks = this.found.tracks.filter((track) => track.id !== event.detail.id);
    this.found = { ...this.found, tracks, total: this.found.total - (this.found.tracks.length - tracks.length) };
  }

  #saved(event) {
    this.found = { ...this.found, tracks: this.found.tracks.map((track) => (track.id === event.detail.id ? event.detail : track)) };
  }
}

customElements.define('encore-search', Search);
