import { LitElement, html, css } from 'lit';
import { icon } from './icons.js';
import { session } from '../core/session.js';
import { albumHref, artistHref, dragTrack, duration, play } from './library-kit.js';
import './cover-art.js';

const COLUMNS = [
  { key: 'title', label: 'Title' },
  { key: 'artist', label: 'Artist' },
  { key: 'album', label: 'Album' },
  { key: 'durationMs', label: 'Duration' },
];

/**
 * A list of tracks as a table: number (a play button on hover and focus), cover, title, artist,
 * album, duration, then edit (my own tracks) and the track's actions menu. Play dispatches
 * `encore-play` with every track shown; rows drag into playlists. With `sortable`, the column
 * headers are buttons that dispatch `sort` (`detail`: `title,asc`…); `edit` asks the screen to open
 * the editor for `detail`. While `loading`, skeleton rows.
 *
 * It renders into the light DOM of the screen that uses it (one table in the screen's own tree, which
 * tests and find-in-page see), so the screen adds {@link trackTableStyles} to its `static styles`.
 */
class TrackTable extends LitElement {
  static properties = {
    tracks: { attribute: false },
    offset: { type: Number },
    loading: { type: Boolean },
    sortable: { type: Boolean },
    sort: {},
    caption: {},
  };

  createRenderRoot() {
    return this;
  }

  static styles = [css`
    encore-track-table { display: block; }
    table { width: 100%; border-collapse: collapse; table-layout: fixed; }
    th {
      padding: var(--space-2) var(--space-3); text-align: left; color: var(--text-faint);
      font-size: .78rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase;
      border-bottom: 1px solid var(--border); white-space: nowrap;
    }
    th .sorter {
      display: inline-flex; align-items: center; gap: var(--space-1); padding: var(--space-1) 0; border: 0; background: none;
      color: inherit; font: inherit; letter-spacing: inherit; text-transform: inherit; cursor: pointer;
    }
    th .sorter:hover, th[aria-sort] .sorter { color: var(--text); }
    th svg { width: 16px; height: 16px; vertical-align: -3px; }
    td { padding: var(--space-2) var(--space-3); border-bottom: 1px solid var(--border); vertical-align: middle; }
    tbody tr { transition: background var(--transition); }
    tbody tr:hover, tbody tr:focus-within { background: var(--bg-hover); }
    tbody tr[draggable="true"] { cursor: grab; }
    .num { width: 64px; text-align: right; color: var(--text-faint); font-variant-numeric: tabular-nums; }
    .num .n { display: inline-block; min-width: 36px; text-align: center; }
    .col-artist, .col-album { width: 22%; }
    .col-duration { width: 92px; text-align: right; }
    .col-actions { width: 96px; }
    td.duration { text-align: right; color: var(--text-muted); font-variant-numeric: tabular-nums; }
    td.actions { text-align: right; white-space: nowrap; }
    .title-cell { display: flex; align-items: center; gap: var(--space-3); min-width: 0; }
    .title-cell encore-cover { flex: none; width: 44px; height: 44px; border-radius: var(--radius-s); font-size: .5rem; }
    .title-text { min-width: 0; display: grid; }
    .title-text strong, .ellipsis { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .title-text strong { font-weight: 600; }
    .title-text .sub { display: none; color: var(--text-muted); font-size: .86rem; }
    td a { color: inherit; text-decoration: none; }
    td a:hover { color: var(--text); text-decoration: underline; }
    .muted, td.artist, td.album { color: var(--text-muted); }

    .play, .icon {
      display: inline-grid; place-items: center; width: 36px; height: 36px; border-radius: 50%;
      border: 0; background: transparent; color: var(--text); cursor: pointer; vertical-align: middle;
    }
    .play { background: var(--accent); color: var(--accent-text); }
    .play svg { width: 16px; height: 16px; margin-left: 2px; }
    .icon { color: var(--text-muted); }
    .icon:hover { background: var(--bg-active); color: var(--text); }
    .icon svg { width: 18px; height: 18px; }
    /* the number until the row is pointed at or focused, then the play button in its place */
    .num .play { position: absolute; opacity: 0; pointer-events: none; }
    .num { position: relative; }
    .num .play:focus-visible, tr:hover .num .play { position: static; opacity: 1; pointer-events: auto; }
    tr:hover .num .n, tr:focus-within .num .n:has(+ .play:focus-visible) { display: none; }
    .num:has(.play:focus-visible) .n { display: none; }
    .skeleton-cover { width: 44px; height: 44px; border-radius: var(--radius-s); flex: none; }

    @media (max-width: 860px) {
      table { table-layout: auto; }
      td.title { width: 100%; max-width: 0; }
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      .col-artist, .col-album, td.artist, td.album { display: none; }
      td { padding: var(--space-2) var(--space-1); }
      .num { width: 44px; }
      .num .n { display: none; }
      .num .play { position: static; opacity: 1; pointer-events: auto; background: var(--bg-hover); color: var(--accent); }
      .title-text .sub { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .col-duration { width: 52px; }
      .col-actions { width: auto; }
    }
  `];

  constructor() {
    super();
    this.tracks = [];
    this.offset = 0;
    this.loading = false;
    this.sortable = false;
    this.sort = null;
    this.caption = 'Tracks';
  }

  render() {
    return html`<table aria-busy=${this.loading ? 'true' : 'false'}>
      <caption class="visually-hidden">${this.caption}</caption>
      <thead><tr>
        <th class="num" scope="col">#</th>
        ${COLUMNS.map((column) => this.#header(column))}
        <th class="col-actions" scope="col"><span class="visually-hidden">Actions</span></th>
      </tr></thead>
      <tbody>${this.loading ? skeletonRows() : this.tracks.map((track, i) => this.#row(track, i))}</tbody>
    </table>`;
  }

  #header({ key, label }) {
    const [field, direction] = (this.sort ?? '').split(',');
    const sorted = field === key;
    const className = key === 'durationMs' ? 'col-duration' : key === 'title' ? '' : `col-${key}`;
    const text = key === 'durationMs' ? html`<span class="visually-hidden">${label}</span>${icon('clock')}` : label;
    if (!this.sortable) return html`<th class=${className} scope="col">${text}</th>`;
    const next = sorted && direction !== 'desc' ? 'desc' : 'asc';
    return html`<th class=${className} scope="col" aria-sort=${sorted ? (direction === 'desc' ? 'descending' : 'ascending') : 'none'}>
      <button class="sorter" type="button" @click=${() => this.#sortBy(`${key},${next}`)}
        title="Sort by ${label.toLowerCase()}">${text}${sorted ? icon(direction === 'desc' ? 'sortDown' : 'sortUp') : ''}</button></th>`;
  }

  #row(track, index) {
    const mine = track.ownerId === session.user?.id || session.user?.roles?.includes?.('ADMIN');
    return html`<tr draggable="true" @dragstart=${(event) => dragTrack(event, track)}>
      <td class="num"><span class="n">${this.offset + index + 1}</span><button class="play" type="button"
        aria-label="Play ${track.title}" title="Play" @click=${() => play(this, this.tracks, index)}>${icon('play')}</button></td>
      <td class="title"><div class="title-cell">
        <encore-cover .src=${track.coverUrl} .label=${track.album || track.title}></encore-cover>
        <span class="title-text"><strong>${track.title}</strong>
          <span class="sub">${[track.artist, track.album].filter(Boolean).join(' · ')}</span></span>
      </div></td>
      <td class="artist ellipsis"><a href=${artistHref(track.artist)}>${track.artist}</a></td>
      <td class="album ellipsis">${track.album ? html`<a href=${albumHref(track.album, track.artist)}>${track.album}</a>`
        : html`<span class="muted">—</span>`}</td>
      <td class="duration">${duration(track.durationMs)}</td>
      <td class="actions">${mine ? html`<button class="icon edit" type="button" aria-label="Edit ${track.title}" title="Edit"
          @click=${() => this.#edit(track)}>${icon('edit')}</button>` : ''}<encore-track-actions .track=${track}></encore-track-actions></td>
    </tr>`;
  }

  #sortBy(sort) {
    this.dispatchEvent(new CustomEvent('sort', { detail: sort }));
  }

  #edit(track) {
    this.dispatchEvent(new CustomEvent('edit', { detail: track }));
  }
}

function skeletonRows() {
  return Array.from({ length: 8 }, () => html`<tr aria-hidden="true">
    <td class="num"><span class="skeleton"></span></td>
    <td class="title"><div class="title-cell"><span class="skeleton skeleton-cover"></span>
      <span class="title-text"><span class="skeleton"></span></span></div></td>
    <td class="artist"><span class="skeleton"></span></td>
    <td class="album"><span class="skeleton"></span></td>
    <td class="duration"><span class="skeleton"></span></td>
    <td></td>
  </tr>`);
}

/** The table's look, for the `static styles` of the screen that holds it. */
export const trackTableStyles = TrackTable.styles;

customElements.define('encore-track-table', TrackTable);
