import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from './icons.js';
import { cover, coverStyles } from './track-art.js';
import { duration } from './library-kit.js';
import { itemsOf, liveStyles, nameOf } from './live-kit.js';
import { shared } from '../styles/shared.js';

/**
 * A room's queue and suggestions (`<encore-room-queue .room=${room} .live=${liveSession} ?host=${…}>`).
 *
 * Everyone sees what is up next and the suggestions waiting. A search of my tracks
 * (`GET /api/v1/tracks?q=`, the host's own library: the API refuses what the host may not see) adds
 * a track (`queue/add {trackId}`) for the host, or suggests it (`suggest {trackId}`) for a member; the
 * query and its results stay after a pick (announced politely), so several tracks go in a row;
 * the host may also queue a whole playlist of theirs (`queue/add {playlistId}`). The host moves
 * (`queue/move {entryId, index}`) and removes (`queue/remove {entryId}`) entries, and accepts or
 * rejects suggestions (`suggestion/accept|reject {suggestionId}`). Every change comes back from the
 * server as a `queue` or `suggestions` message, which the room page puts in `room`.
 */
class RoomQueue extends LitElement {
  static properties = {
    room: { attribute: false },
    live: { attribute: false },
    host: { type: Boolean },
    results: { state: true },
    playlists: { state: true },
    q: { state: true },
    announcement: { state: true },
  };

  static styles = [shared, liveStyles, coverStyles, css`
    :host { display: grid; gap: var(--space-4); align-content: start; }
    h3 { font-size: .78rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--text-faint); margin: 0 0 var(--space-2); }
    ol, ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
    .entry { display: grid; grid-template-columns: 24px 44px 1fr auto; gap: var(--space-3); align-items: center; padding: var(--space-2); border-radius: var(--radius); }
    .entry:hover { background: var(--bg-hover); }
    .entry .n { color: var(--text-faint); font-variant-numeric: tabular-nums; text-align: right; font-size: .88rem; }
    .entry .what { min-width: 0; display: grid; }
    .entry .what strong, .entry .what span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .entry .what span { color: var(--text-muted); font-size: .86rem; }
    .entry .actions { display: flex; align-items: center; gap: 2px; color: var(--text-faint); font-size: .85rem; font-variant-numeric: tabular-nums; }
    .suggestion { grid-template-columns: 44px 1fr auto; }
    .by { color: var(--text-faint); font-size: .8rem; }
    .quiet { color: var(--text-muted); font-size: .92rem; padding: var(--space-2); }
    .add { display: grid; gap: var(--space-2); }
    .add-row { display: flex; gap: var(--space-2); flex-wrap: wrap; }
    .add-row .search { flex: 1 1 220px; position: relative; }
    .add-row .search svg { position: absolute; left: 12px; top: 50%; transform: translateY(-50%); width: 18px; height: 18px; color: var(--text-faint); }
    input, select {
      width: 100%; min-height: 42px; padding: 0 var(--space-3); border-radius: 999px; border: 1px solid var(--border-strong);
      background: var(--bg-raised); color: var(--text); font: inherit;
    }
    .search input { padding-left: 38px; }
    select { flex: 0 1 220px; width: auto; }
    input:focus-visible, select:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
    .results { border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-1); background: var(--bg-raised); }
  `];

  #typing = 0;

  constructor() {
    super();
    this.results = [];
    this.playlists = [];
    this.q = '';
    this.announcement = '';
  }

  updated(changed) {
    if (changed.has('host') && this.host && !this.playlists.length) {
      api.get('/api/v1/playlists', { query: { size: 50 } }).then((answer) => { this.playlists = itemsOf(answer); }, () => {});
    }
  }

  render() {
    const queue = this.room?.queue ?? [];
    const suggestions = this.room?.suggestions ?? [];
    return html`
      <section aria-labelledby="next-title">
        <h3 id="next-title">Up next</h3>
        ${queue.length ? html`<ol aria-labelledby="next-title">${queue.map((entry, index) => this.#entry(entry, index, queue.length))}</ol>`
          : html`<p class="quiet">${this.host ? 'The queue is empty: add a track below.' : 'Nothing queued yet. Suggest a track below.'}</p>`}
      </section>
      ${suggestions.length || this.host ? html`<section aria-labelledby="suggest-title">
        <h3 id="suggest-title">Suggestions</h3>
        ${suggestions.length ? html`<ul aria-labelledby="suggest-title">${suggestions.map((s) => this.#suggestion(s))}</ul>`
          : html`<p class="quiet">Members' suggestions show here for you to accept.</p>`}
      </section>` : ''}
      <section class="add" aria-labelledby="add-title">
        <h3 id="add-title">${this.host ? 'Add to the queue' : 'Suggest a track'}</h3>
        <div class="add-row">
          <div class="search" role="search">${icon('search')}
            <label class="visually-hidden" for="track-search">Search your tracks</label>
            <input id="track-search" type="search" placeholder="Search your tracks" .value=${this.q} @input=${this.#search}>
          </div>
          ${this.host && this.playlists.length ? html`<label class="visually-hidden" for="playlist-pick">Queue a playlist</label>
            <select id="playlist-pick" @change=${this.#queuePlaylist}>
              <option value="">Queue a playlist…</option>
              ${this.playlists.map((p) => html`<option value=${p.id}>${p.name ?? p.title}</option>`)}
            </select>` : ''}
        </div>
        ${this.results.length ? html`<ul class="results" aria-label="Search results">${this.results.map((track) => html`<li class="entry suggestion">
          ${cover(track)}
          <span class="what"><strong>${track.title}</strong><span>${track.artist ?? ''}</span></span>
          <span class="actions"><button class="button secondary small" type="button" aria-label="${this.host ? 'Queue' : 'Suggest'} ${track.title}"
            @click=${() => this.#add(track)}>${icon('plus')}${this.host ? 'Queue' : 'Suggest'}</button></span>
        </li>`)}</ul>` : ''}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      </section>`;
  }

  #entry(entry, index, count) {
    const track = entry.track ?? entry;
    const id = entry.entryId ?? entry.id;
    return html`<li class="entry">
      <span class="n">${index + 1}</span>
      ${cover(track)}
      <span class="what"><strong>${track.title}</strong><span>${track.artist ?? ''}</span></span>
      <span class="actions">
        ${this.host ? html`
          <button class="icon-button small" type="button" aria-label="Move ${track.title} up" ?disabled=${index === 0}
            @click=${() => this.live?.send('queue/move', { entryId: id, index: index - 1 })}>${icon('arrowUp')}</button>
          <button class="icon-button small" type="button" aria-label="Move ${track.title} down" ?disabled=${index === count - 1}
            @click=${() => this.live?.send('queue/move', { entryId: id, index: index + 1 })}>${icon('arrowDown')}</button>
          <button class="icon-button small" type="button" aria-label="Remove ${track.title} from the queue"
            @click=${() => this.live?.send('queue/remove', { entryId: id })}>${icon('close')}</button>`
          : html`<span>${track.durationMs ? duration(track.durationMs) : ''}</span>`}
      </span>
    </li>`;
  }

  #suggestion(suggestion) {
    const track = suggestion.track ?? suggestion;
    const id = suggestion.suggestionId ?? suggestion.id;
    return html`<li class="entry suggestion">
      ${cover(track)}
      <span class="what"><strong>${track.title}</strong>
        <span class="by">${track.artist ?? ''}${nameOf(suggestion) ? ` · from ${nameOf(suggestion)}` : ''}</span></span>
      <span class="actions">${this.host ? html`
        <button class="icon-button small" type="button" aria-label="Accept ${track.title}"
          @click=${() => this.live?.send('suggestion/accept', { suggestionId: id })}>${icon('check')}</button>
        <button class="icon-button small" type="button" aria-label="Reject ${track.title}"
          @click=${() => this.live?.send('suggestion/reject', { suggestionId: id })}>${icon('close')}</button>` : html`<span>Waiting</span>`}
      </span>
    </li>`;
  }

  #search(event) {
    this.q = event.target.value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(async () => {
      const q = this.q.trim();
      if (!q) { this.results = []; return; }
      try {
        this.results = itemsOf(await api.get('/api/v1/tracks', { query: { q, size: 6 } }));
      } catch {
        this.results = [];
      }
    }, 250);
  }

  /** Queues or suggests a track; the search and its results stay, for the next pick. */
  #add(track) {
    if (!this.live?.send(this.host ? 'queue/add' : 'suggest', { trackId: track.id })) {
      this.announcement = 'Reconnecting… try again in a moment.';
      return;
    }
    this.announcement = this.host ? `${track.title} added to the queue.` : `${track.title} suggested to the host.`;
  }

  #queuePlaylist(event) {
    const playlistId = event.target.value;
    if (!playlistId) return;
    this.live?.send('queue/add', { playlistId });
    event.target.value = '';
  }
}

customElements.define('encore-room-queue', RoomQueue);
