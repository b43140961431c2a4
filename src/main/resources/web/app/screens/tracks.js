import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { shared } from '../styles/shared.js';
import { TRACK_TYPE } from '../core/playlists.js';

const PAGE_SIZE = 50;
const TONES = 6;

/**
 * Library → Tracks: the tracks I may see, a page at a time (`GET /api/v1/tracks`), newest first.
 * Skeleton rows while loading, an empty state that says how to fill the library, an error state
 * with the problem and a retry. The page number is in the URL (`?page=2`), so reload and back work.
 */
class Tracks extends LitElement {
  static properties = {
    page: { state: true },
    state: { state: true }, // 'loading', 'ready' or 'failed'
    error: { state: true },
  };

  static styles = [shared, css`
    .head { display: flex; align-items: end; justify-content: space-between; gap: var(--space-4); margin-bottom: var(--space-5); }
    .eyebrow { color: var(--text-faint); font-size: .78rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
    .count { color: var(--text-muted); margin-top: var(--space-1); }

    table { width: 100%; border-collapse: collapse; table-layout: fixed; }
    th {
      padding: var(--space-2) var(--space-3); text-align: left; color: var(--text-faint);
      font-size: .78rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase;
      border-bottom: 1px solid var(--border);
    }
    td { padding: var(--space-2) var(--space-3); border-bottom: 1px solid var(--border); vertical-align: middle; }
    tbody tr { transition: background var(--transition); }
    tbody tr:hover { background: var(--bg-hover); }
    .num { width: 56px; text-align: right; color: var(--text-faint); font-variant-numeric: tabular-nums; }
    .col-artist, .col-album { width: 24%; }
    .col-duration { width: 96px; text-align: right; }
    .col-actions { width: 52px; }
    td.actions { text-align: right; padding-left: 0; padding-right: 0; }
    .play {
      flex: none; display: grid; place-items: center; width: 36px; height: 36px; border-radius: 50%; border: 0;
      background: var(--accent); color: var(--accent-text); cursor: pointer; transition: transform var(--transition);
    }
    .play:hover { transform: scale(1.06); }
    .play svg { width: 16px; height: 16px; }
    th svg { width: 16px; height: 16px; vertical-align: -3px; }
    td.duration { text-align: right; color: var(--text-muted); font-variant-numeric: tabular-nums; }
    .title-cell { display: flex; align-items: center; gap: var(--space-3); min-width: 0; }
    .title-text { min-width: 0; display: grid; }
    .title-text strong, .ellipsis { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .title-text strong { font-weight: 600; }
    .title-text .sub { display: none; color: var(--text-muted); font-size: .86rem; }
    .muted { color: var(--text-muted); }
    .cover {
      flex: none; display: grid; place-items: center; width: 44px; height: 44px; border-radius: var(--radius-s);
      color: rgba(255, 255, 255, .92); font-weight: 800; font-size: 1.05rem; text-transform: uppercase;
      box-shadow: inset 0 0 0 1px rgba(255, 255, 255, .08);
    }
    .tone-0 { background: linear-gradient(135deg, #ff7a59, #e0356b); }
    .tone-1 { background: linear-gradient(135deg, #7f5af0, #2cb1bc); }
    .tone-2 { background: linear-gradient(135deg, #2f80ed, #56ccf2); }
    .tone-3 { background: linear-gradient(135deg, #11998e, #38ef7d); }
    .tone-4 { background: linear-gradient(135deg, #f7971e, #c8553d); }
    .tone-5 { background: linear-gradient(135deg, #8e2de2, #e0356b); }
    .skeleton-cover { background: var(--skeleton); }

    .pager { display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); margin-top: var(--space-5); }
    .pager span { color: var(--text-muted); }
    .pager .button { min-height: 40px; padding: 0 var(--space-4); }
    .pager .button[aria-disabled="true"] { opacity: .45; pointer-events: none; }

    .state { display: grid; justify-items: center; gap: var(--space-4); padding: var(--space-7) var(--space-4); text-align: center; }
    .state p { color: var(--text-muted); max-width: 46ch; }
    .badge { display: grid; place-items: center; width: 72px; height: 72px; border-radius: 50%; background: var(--accent-soft); color: var(--accent); }
    .badge svg { width: 34px; height: 34px; }
    .state .alert { text-align: left; max-width: 520px; }

    @media (max-width: 860px) {
      h1 { font-size: 1.5rem; }
      table { table-layout: auto; }
      td.title { width: 100%; max-width: 0; }
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      .col-artist, .col-album, td.artist, td.album, .num { display: none; }
      td { padding: var(--space-2) var(--space-1); }
      .title-text .sub { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .col-duration { width: 64px; }
    }
  `];

  constructor() {
    super();
    this.page = null;
    this.state = 'loading';
    this.error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  async #load() {
    const number = Math.max(0, Number.parseInt(this.query?.get('page') ?? '1', 10) - 1 || 0);
    this.state = 'loading';
    try {
      this.page = await api.get('/api/v1/tracks', { query: { page: number, size: PAGE_SIZE } });
      this.state = 'ready';
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    }
  }

  render() {
    return html`
      <div class="head">
        <div>
          <div class="eyebrow">Library</div>
          <h1>Tracks</h1>
          ${this.state === 'ready' && this.page.totalItems > 0
            ? html`<p class="count">${this.page.totalItems} ${this.page.totalItems === 1 ? 'track' : 'tracks'}</p>` : ''}
        </div>
      </div>
      ${this.#body()}`;
  }

  #body() {
    if (this.state === 'failed') return this.#failed();
    if (this.state === 'ready' && this.page.items.length === 0) return this.#empty();
    const loading = this.state === 'loading';
    return html`
      <table aria-busy=${loading ? 'true' : 'false'} aria-describedby=${loading ? 'loading' : undefined}>
        <caption class="visually-hidden">Your tracks${loading ? '' : `, page ${this.page.page + 1}`}</caption>
        <thead><tr>
          <th class="num" scope="col">#</th><th scope="col">Title</th>
          <th class="col-artist" scope="col">Artist</th><th class="col-album" scope="col">Album</th>
          <th class="col-duration" scope="col"><span class="visually-hidden">Duration</span>${icon('clock')}</th>
          <th class="col-actions" scope="col"><span class="visually-hidden">Actions</span></th>
        </tr></thead>
        <tbody>${loading ? this.#skeletonRows() : this.page.items.map((track, i) => this.#row(track, i))}</tbody>
      </table>
      ${loading ? html`<span id="loading" class="visually-hidden" role="status">Loading tracks…</span>` : this.#pager()}`;
  }

  #row(track, index) {
    const number = this.page.page * this.page.size + index + 1;
    return html`<tr draggable="true" @dragstart=${(event) => drag(event, track)}>
      <td class="num">${number}</td>
      <td class="title"><div class="title-cell">
        <button class="play" type="button" aria-label=${`Play ${track.title}`} @click=${() => this.#play(index)}>${icon('play')}</button>
        <span class="cover tone-${tone(track.album || track.title)}" aria-hidden="true">${(track.title || '?').slice(0, 1)}</span>
        <span class="title-text"><strong>${track.title}</strong>
          <span class="sub">${[track.artist, track.album].filter(Boolean).join(' · ')}</span></span>
      </div></td>
      <td class="artist ellipsis">${track.artist}</td>
      <td class="album ellipsis ${track.album ? '' : 'muted'}">${track.album || '—'}</td>
      <td class="duration">${duration(track.durationMs)}</td>
      <td class="actions"><encore-track-actions .track=${track}></encore-track-actions></td>
    </tr>`;
  }

  /** Plays the page's tracks from this one (the player bar takes it from there). */
  #play(index) {
    window.dispatchEvent(new CustomEvent('encore-play', { detail: { tracks: this.page.items, index, mode: 'now' } }));
  }

  #skeletonRows() {
    return Array.from({ length: 8 }, () => html`<tr aria-hidden="true">
      <td class="num"><span class="skeleton"></span></td>
      <td><div class="title-cell"><span class="cover skeleton-cover skeleton"></span>
        <span class="title-text"><span class="skeleton"></span></span></div></td>
      <td class="artist"><span class="skeleton"></span></td>
      <td class="album"><span class="skeleton"></span></td>
      <td class="duration"><span class="skeleton"></span></td>
      <td class="actions"></td>
    </tr>`);
  }

  #pager() {
    if (this.page.totalPages <= 1) return '';
    const current = this.page.page + 1;
    return html`<nav class="pager" aria-label="Pages">
      <a class="button secondary" href="?page=${current - 1}" aria-disabled=${this.page.hasPrevious ? 'false' : 'true'}
        tabindex=${this.page.hasPrevious ? '0' : '-1'}>${icon('chevronLeft')}Previous</a>
      <span>Page ${current} of ${this.page.totalPages}</span>
      <a class="button secondary" href="?page=${current + 1}" aria-disabled=${this.page.hasNext ? 'false' : 'true'}
        tabindex=${this.page.hasNext ? '0' : '-1'}>Next${icon('chevronRight')}</a>
    </nav>`;
  }

  #empty() {
    return html`<section class="state card" aria-labelledby="empty-title">
      <span class="badge">${icon('library')}</span>
      <h2 id="empty-title">No tracks yet</h2>
      <p>Import a link or upload your files, save them to your library, and they appear here, ready to play.</p>
    </section>`;
  }

  #failed() {
    return html`<section class="state" aria-labelledby="failed-title">
      <span class="badge">${icon('alert')}</span>
      <h2 id="failed-title">Your tracks could not be loaded</h2>
      ${problemAlert(this.error)}
      <button class="button primary" type="button" @click=${() => this.#load()}>${icon('retry')}Try again</button>
    </section>`;
  }
}

/** A row carries its track to drop targets (playlists): `application/x-encore-track`. */
function drag(event, track) {
  event.dataTransfer.effectAllowed = 'copy';
  event.dataTransfer.setData(TRACK_TYPE, JSON.stringify({ id: track.id, title: track.title }));
  event.dataTransfer.setData('text/plain', track.title);
}

/** One of the cover tones, the same for the same album every time. */
function tone(text) {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return hash % TONES;
}

function duration(ms) {
  const seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

customElements.define('encore-tracks', Tracks);
