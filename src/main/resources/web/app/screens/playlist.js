import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { session } from '../core/session.js';
import { playlists, carriesTrack, droppedTrack } from '../core/playlists.js';
import { player } from '../core/player.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { cover, coverStyles } from '../components/track-art.js';
import { clock } from '../components/library-kit.js';
import { shared } from '../styles/shared.js';
import { playlistScreenStyles } from '../components/playlist-card.js';

/** The drag type of an item moved inside the list. */
const ITEM_TYPE = 'application/x-encore-playlist-item';

/**
 * One playlist (`/playlists/:id`): play it, and for its owner edit name, description and
 * visibility, reorder (drag and drop, the move buttons, or alt+↑/↓ on a row, announced in a live
 * region), remove items and drop tracks on it. Every edit sends `If-Match` with the version shown:
 * a 412 means it changed elsewhere (another tab, another device), which is said with a Reload.
 *
 * Its owner shares it by link (Share: `POST …/share` gives a token, shown as the app's address
 * `/playlists/shared/<token>` with a Copy button; Stop sharing is `DELETE …/share`). That address
 * opens this screen too (`params.token`, `GET /api/v1/playlists/shared/<token>`), read-only for
 * whoever is signed in; its owner is sent on to the playlist's own page.
 */
class PlaylistScreen extends LitElement {
  static properties = {
    state: { state: true }, // 'loading', 'ready' or 'failed'
    playlist: { state: true },
    error: { state: true },
    editError: { state: true },
    stale: { state: true },
    editing: { state: true },
    busy: { state: true },
    announcement: { state: true },
    dropping: { state: true },
    confirmingDelete: { state: true },
    sharing: { state: true }, // the share panel is open
    shareLink: { state: true }, // the app's address of the share link, once known
    shareError: { state: true },
    copied: { state: true },
  };

  static styles = [shared, coverStyles, playlistScreenStyles, css`
    .hero { display: flex; gap: var(--space-5); align-items: end; margin-bottom: var(--space-5); }
    .hero .mosaic {
      flex: none; display: grid; grid-template-columns: 1fr 1fr; width: 180px; height: 180px; border-radius: var(--radius-l);
      overflow: hidden; background: var(--bg-sunken); color: var(--text-faint); box-shadow: var(--shadow);
    }
    .hero .mosaic.single { grid-template-columns: 1fr; place-items: center; }
    .hero .mosaic.single svg { width: 40%; height: 40%; }
    .hero .mosaic .cover { width: 100%; height: 100%; border-radius: 0; font-size: 2rem; }
    .hero .info { display: grid; gap: var(--space-2); min-width: 0; }
    .eyebrow { display: flex; align-items: center; gap: var(--space-1); color: var(--text-faint); font-size: .78rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
    .eyebrow svg { width: 14px; height: 14px; }
    h1 { margin: 0; font-size: clamp(1.6rem, 4vw, 2.6rem); line-height: 1.1; overflow-wrap: anywhere; }
    .description { color: var(--text-muted); margin: 0; white-space: pre-line; }
    .meta { color: var(--text-muted); font-size: .9rem; }
    .actions { display: flex; gap: var(--space-3); flex-wrap: wrap; margin-bottom: var(--space-4); align-items: center; }
    .play-all { min-width: 120px; }

    .stale { display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); flex-wrap: wrap;
      padding: var(--space-3) var(--space-4); margin-bottom: var(--space-4); border-radius: var(--radius);
      background: var(--warning-bg); color: var(--warning-text); }
    .stale strong { display: block; }
    .stale .button { min-height: 38px; }
    .message { margin-bottom: var(--space-4); }

    .edit { display: grid; gap: var(--space-3); padding: var(--space-5); margin-bottom: var(--space-5); max-width: 560px; }
    .edit h2 { margin: 0; font-size: 1.1rem; }
    .row { display: flex; gap: var(--space-3); flex-wrap: wrap; }
    .delete { display: grid; gap: var(--space-2); padding-top: var(--space-3); border-top: 1px solid var(--border); }
    .delete p { margin: 0; color: var(--text-muted); }

    .list { border-radius: var(--radius-l); border: 2px dashed transparent; transition: border-color var(--transition), background var(--transition); }
    .list.dropping { border-color: var(--accent); background: var(--accent-soft); }
    ol { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: var(--space-2); padding: var(--space-2) var(--space-2);
      border-bottom: 1px solid var(--border); border-radius: var(--radius-s); }
    li:hover, li:focus-within { background: var(--bg-hover); }
    li:focus-visible { outline: 2px solid var(--focus); outline-offset: -2px; }
    li.now .track strong { color: var(--accent); }
    li.drop-before { box-shadow: inset 0 3px 0 var(--accent); }
    li.dragging { opacity: .4; }
    .pos { width: 28px; text-align: right; color: var(--text-faint); font-variant-numeric: tabular-nums; flex: none; }
    .grip { display: grid; color: var(--text-faint); cursor: grab; flex: none; }
    .grip svg { width: 18px; height: 18px; }
    .track { flex: 1; min-width: 0; display: flex; align-items: center; gap: var(--space-3); }
    .track .text { display: grid; min-width: 0; }
    .track strong, .track span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .track strong { font-weight: 600; }
    .track .sub { color: var(--text-muted); font-size: .86rem; }
    .dur { color: var(--text-muted); font-variant-numeric: tabular-nums; font-size: .9rem; flex: none; }
    .icon-button {
      flex: none; display: grid; place-items: center; width: 36px; height: 36px; border-radius: 50%;
      border: 0; background: transparent; color: var(--text-muted); cursor: pointer;
    }
    .icon-button:hover { background: var(--bg-active); color: var(--text); }
    .icon-button[disabled] { opacity: .35; cursor: default; background: transparent; }
    .icon-button svg { width: 18px; height: 18px; }
    .icon-button.play { background: var(--accent); color: var(--accent-text); }
    .icon-button.play svg { width: 14px; height: 14px; }
    .drop-hint { padding: var(--space-3); color: var(--text-muted); font-size: .9rem; text-align: center; }

    .share { display: grid; gap: var(--space-3); padding: var(--space-5); margin-bottom: var(--space-5); max-width: 640px; }
    .share h2 { display: flex; align-items: center; gap: var(--space-2); margin: 0; font-size: 1.1rem; }
    .share h2 svg { width: 20px; height: 20px; color: var(--accent); }
    .share p { margin: 0; color: var(--text-muted); }
    .share .link { display: flex; gap: var(--space-2); }
    .share .link input { flex: 1; min-width: 0; font-family: var(--font-mono, monospace); font-size: .88rem; }
    .shared-note { display: inline-flex; align-items: center; gap: var(--space-2); color: var(--text-muted); font-size: .9rem; }
    .shared-note svg { width: 16px; height: 16px; }

    .skeleton-hero { width: 180px; height: 180px; border-radius: var(--radius-l); }
    .skeleton-title { width: 240px; height: 2rem; }
    .hero .info .skeleton:last-child { width: 140px; }

    @media (max-width: 860px) {
      .share { padding: var(--space-4); }
      .share .link { flex-wrap: wrap; }
      .share .link input { flex-basis: 100%; }
      .hero { flex-direction: column; align-items: start; gap: var(--space-4); }
      .hero .mosaic { width: 132px; height: 132px; }
      .dur, .pos, .grip, .track .cover { display: none; }
      li { padding: var(--space-2) var(--space-1); gap: var(--space-1); }
      .icon-button { width: 34px; height: 34px; }
    }
  `];

  #dragItem = -1;
  #copiedTimer = 0;
  #onPlayer = () => this.requestUpdate();
  #onPlaylists = (event) => {
    const { id, source } = event.detail ?? {};
    if (id && id === this.playlist?.id && source !== this && !this.busy) this.#load();
  };

  constructor() {
    super();
    this.state = 'loading';
    this.playlist = null;
    this.error = null;
    this.editError = null;
    this.stale = false;
    this.editing = false;
    this.busy = false;
    this.announcement = '';
    this.dropping = false;
    this.confirmingDelete = false;
    this.sharing = false;
    this.shareLink = '';
    this.shareError = null;
    this.copied = false;
  }

  connectedCallback() {
    super.connectedCallback();
    playlists.addEventListener('change', this.#onPlaylists);
    player.addEventListener('change', this.#onPlayer);
    this.#load();
  }

  disconnectedCallback() {
    clearTimeout(this.#copiedTimer);
    playlists.removeEventListener('change', this.#onPlaylists);
    player.removeEventListener('change', this.#onPlayer);
    super.disconnectedCallback();
  }

  /** Mine, on its own page (a share link shows it read-only, even to me until I am sent on). */
  get #mine() {
    return !this.#shared && this.playlist?.ownerId === session.user?.id;
  }

  /** Opened through a share link (`/playlists/shared/<token>`). */
  get #shared() {
    return Boolean(this.params?.token);
  }

  async #load() {
    this.state = this.playlist ? 'ready' : 'loading';
    try {
      const playlist = await api.get(this.#shared
        ? `/api/v1/playlists/shared/${encodeURIComponent(this.params.token)}`
        : `/api/v1/playlists/${encodeURIComponent(this.params.id)}`);
      if (this.#shared && playlist.ownerId === session.user?.id && this.router) {
        this.router.navigate(`/playlists/${playlist.id}`, { replace: true });
        return;
      }
      this.playlist = playlist;
      this.shareLink = playlist.shareToken ? this.#linkFor(playlist.shareToken) : '';
      this.stale = false;
      this.editError = null;
      this.state = 'ready';
      document.title = `${this.playlist.name} · Encore`;
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    }
  }

  render() {
    if (this.state === 'failed') return this.#failed();
    if (this.state === 'loading') return this.#loading();
    const playlist = this.playlist;
    return html`
      ${this.#hero(playlist)}
      <div class="actions">
        <button class="button primary play-all" type="button" ?disabled=${playlist.items.length === 0}
          @click=${() => this.#play(0)}>${icon('play')}Play</button>
        ${this.#mine && !this.editing ? html`<button class="button secondary edit-details" type="button"
          @click=${this.#openEdit}>${icon('edit')}Edit details</button>` : ''}
        ${this.#mine ? html`<button class="button secondary share-toggle" type="button" aria-expanded=${this.sharing ? 'true' : 'false'}
          aria-controls="share-panel" @click=${this.#toggleShare}>${icon('link')}Share</button>` : ''}
        ${this.#shared ? html`<span class="shared-note">${icon('link')}Shared with you by link · you can play it, not change it</span>` : ''}
      </div>
      ${this.#mine && this.sharing ? this.#sharePanel() : ''}
      ${this.stale ? html`<div class="stale" role="alert">
        <span><strong>Changed elsewhere</strong>This playlist was changed in another tab or device since you opened it.
          Reload to see it as it is now, then make your change again.</span>
        <button class="button secondary reload" type="button" @click=${() => this.#load()}>${icon('retry')}Reload</button>
      </div>` : ''}
      ${this.editError ? html`<div class="message">${problemAlert(this.editError)}</div>` : ''}
      ${this.editing ? this.#editForm(playlist) : ''}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#list(playlist)}`;
  }

  #hero(playlist) {
    const tracks = playlist.items.slice(0, 4).map((item) => item.track);
    const total = playlist.items.reduce((sum, item) => sum + item.track.durationMs, 0) / 1000;
    const count = playlist.items.length;
    return html`<header class="hero">
      <span class="mosaic ${tracks.length < 4 ? 'single' : ''}" aria-hidden="true">
        ${tracks.length < 4 ? (tracks.length ? cover(tracks[0]) : icon('playlist')) : tracks.map((track) => cover(track))}</span>
      <div class="info">
        <span class="eyebrow">${this.#shared ? html`${icon('link')}Shared playlist`
          : html`${icon(playlist.isPublic ? 'globe' : 'lock')}${playlist.isPublic ? 'Public playlist' : 'Private playlist'}`}</span>
        <h1>${playlist.name}</h1>
        ${playlist.description ? html`<p class="description">${playlist.description}</p>` : ''}
        <span class="meta">${count} ${count === 1 ? 'track' : 'tracks'}${count ? html` · ${clock(total)}` : ''}</span>
      </div>
    </header>`;
  }

  #editForm(playlist) {
    return html`<form class="edit card" aria-labelledby="edit-title" @submit=${this.#save}>
      <h2 id="edit-title">Edit details</h2>
      <div class="field"><label for="name">Name</label>
        <input id="name" name="name" required maxlength="100" autocomplete="off" .value=${playlist.name}
          aria-invalid=${this.editError?.fieldError?.('name') ? 'true' : 'false'}></div>
      <div class="field"><label for="description">Description</label>
        <textarea id="description" name="description" maxlength="500" .value=${playlist.description ?? ''}></textarea></div>
      <label class="check"><input type="checkbox" name="isPublic" .checked=${playlist.isPublic}>
        Public: everyone on this server can see and play it</label>
      <div class="row">
        <button class="button primary" type="submit" ?disabled=${this.busy}>Save</button>
        <button class="button secondary" type="button" @click=${() => { this.editing = false; }}>Cancel</button>
      </div>
      <div class="delete">${this.confirmingDelete ? html`
        <p id="delete-question">Delete “${playlist.name}” for good? Its tracks stay in your library.</p>
        <div class="row">
          <button class="button danger confirm-delete" type="button" aria-describedby="delete-question"
            ?disabled=${this.busy} @click=${this.#delete}>${icon('trash')}Delete playlist</button>
          <button class="button secondary" type="button" @click=${() => { this.confirmingDelete = false; }}>Keep it</button>
        </div>` : html`<div class="row"><button class="button quiet ask-delete" type="button"
          @click=${this.#askDelete}>${icon('trash')}Delete playlist…</button></div>`}
      </div>
    </form>`;
  }

  #sharePanel() {
    const link = this.shareLink;
    return html`<section id="share-panel" class="share card" aria-labelledby="share-title">
      <h2 id="share-title">${icon('link')}Share by link</h2>
      <p>Anyone signed in to this server who has the link can open this playlist and play it, even while it is private.
        They cannot change it, and they only see the tracks they may see: not the ones you keep private.</p>
      ${problemAlert(this.shareError)}
      ${link ? html`
        <div class="field"><label for="share-link">Share link</label>
          <div class="link"><input id="share-link" readonly .value=${link} @focus=${(event) => event.target.select()}>
            <button class="button primary copy-link" type="button" @click=${this.#copyLink}>${icon(this.copied === 'copied'
              ? 'check' : 'copy')}${this.copied === 'copied' ? 'Copied' : 'Copy link'}</button></div></div>
        <div class="row share-foot">
          <button class="button quiet stop-sharing" type="button" ?disabled=${this.busy} @click=${this.#unshare}>
            ${icon('close')}Stop sharing</button>
          <span class="visually-hidden" role="status">${{ copied: 'Share link copied',
            selected: 'Share link selected: copy it with Ctrl+C' }[this.copied] ?? ''}</span></div>`
        : html`<p>The link stays the same until you stop sharing; stopping turns it off for everyone who has it.</p>
          <div class="row"><button class="button primary create-link" type="button" ?disabled=${this.busy}
            @click=${this.#share}>${icon('link')}Get link</button></div>`}
    </section>`;
  }

  #list(playlist) {
    const mine = this.#mine;
    const drop = mine ? {
      over: (event) => this.#listDragOver(event), leave: () => { this.dropping = false; }, drop: (event) => this.#listDrop(event),
    } : {};
    if (playlist.items.length === 0) {
      return html`<section class="list state card ${this.dropping ? 'dropping' : ''}" aria-labelledby="empty-title"
          @dragover=${drop.over} @dragleave=${drop.leave} @drop=${drop.drop}>
        <span class="badge">${icon('playlist')}</span>
        <h2 id="empty-title">This playlist is empty</h2>
        <p>${mine ? 'Add tracks with “Add to playlist…” in any track’s menu, or drag a track here.'
          : 'Its owner has not added any tracks yet.'}</p>
      </section>`;
    }
    return html`<section class="list ${this.dropping ? 'dropping' : ''}" aria-label="Tracks"
        @dragover=${drop.over} @dragleave=${drop.leave} @drop=${drop.drop}>
      <ol aria-describedby=${mine ? 'reorder-help' : undefined}>
        ${playlist.items.map((item, index) => this.#item(item, index, mine))}</ol>
      ${mine ? html`<p id="reorder-help" class="drop-hint">Drag to reorder, or use the arrows (alt+↑/↓ on a row). Drop a track here to add it.</p>` : ''}
    </section>`;
  }

  #item(item, index, mine) {
    const { track } = item;
    const last = this.playlist.items.length - 1;
    const current = player.track?.id === track.id;
    const pause = current && player.playing;
    return html`<li data-item=${item.id} class=${current ? 'now' : ''} tabindex=${mine ? '0' : '-1'} draggable=${mine ? 'true' : 'false'}
        aria-label=${`${index + 1}. ${track.title}, ${track.artist}`}
        @keydown=${mine ? (event) => this.#rowKey(event, index) : null}
        @dragstart=${mine ? (event) => this.#dragStart(event, index) : null}
        @dragend=${(event) => event.currentTarget.classList.remove('dragging')}
        @dragover=${mine ? (event) => this.#itemDragOver(event) : null}
        @dragleave=${(event) => event.currentTarget.classList.remove('drop-before')}
        @drop=${mine ? (event) => this.#itemDrop(event, index) : null}>
      <span class="pos" aria-hidden="true">${index + 1}</span>
      ${mine ? html`<span class="grip" aria-hidden="true">${icon('grip')}</span>` : ''}
      <button class="icon-button play" type="button" aria-label=${`${pause ? 'Pause' : 'Play'} ${track.title}`}
        @click=${() => (current ? player.toggle() : this.#play(index))}>${icon(pause ? 'pause' : 'play')}</button>
      <span class="track">${cover(track)}<span class="text"><strong>${track.title}</strong>
        <span class="sub">${[track.artist, track.album].filter(Boolean).join(' · ')}</span></span></span>
      <span class="dur">${clock(track.durationMs / 1000)}</span>
      ${mine ? html`
        <button class="icon-button move-up" type="button" aria-label=${`Move ${track.title} up`} ?disabled=${index === 0 || this.busy}
          @click=${() => this.#move(index, index - 1)}>${icon('arrowUp')}</button>
        <button class="icon-button move-down" type="button" aria-label=${`Move ${track.title} down`} ?disabled=${index === last || this.busy}
          @click=${() => this.#move(index, index + 1)}>${icon('arrowDown')}</button>
        <button class="icon-button remove" type="button" aria-label=${`Remove ${track.title} from the playlist`}
          ?disabled=${this.busy} @click=${() => this.#remove(item)}>${icon('trash')}</button>` : ''}
      <encore-track-actions .track=${track}></encore-track-actions>
    </li>`;
  }

  #play(index) {
    const tracks = this.playlist.items.map((item) => item.track);
    window.dispatchEvent(new CustomEvent('encore-play', { detail: { tracks, index, mode: 'now' } }));
  }

  async #openEdit() {
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector('#name')?.focus();
  }

  async #save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const ok = await this.#edit(() => api.patch(`/api/v1/playlists/${this.playlist.id}`, {
      name: form.get('name').trim(), description: form.get('description').trim(), isPublic: form.get('isPublic') === 'on',
    }, this.#ifMatch()));
    if (ok) {
      this.editing = false;
      this.announcement = 'Details saved';
    }
  }

  async #toggleShare() {
    this.sharing = !this.sharing;
    this.shareError = null;
    this.copied = false;
    if (!this.sharing) return;
    await this.updateComplete;
    this.renderRoot.querySelector('.create-link, .copy-link')?.focus();
  }

  /** A share link (the same one while it is not stopped: the API keeps one token per playlist). */
  async #share() {
    this.busy = true;
    this.shareError = null;
    try {
      const { token } = await api.post(`/api/v1/playlists/${this.playlist.id}/share`);
      this.shareLink = this.#linkFor(token);
      this.announcement = 'Share link created';
      await this.updateComplete;
      this.renderRoot.querySelector('.copy-link')?.focus();
    } catch (error) {
      this.shareError = error;
    } finally {
      this.busy = false;
    }
  }

  /** The app's address of a share token: the API's own path needs a token a browser does not send. */
  #linkFor(token) {
    return new URL(`/playlists/shared/${encodeURIComponent(token)}`, location.origin).href;
  }

  async #unshare() {
    this.busy = true;
    this.shareError = null;
    try {
      await api.delete(`/api/v1/playlists/${this.playlist.id}/share`);
      this.shareLink = '';
      this.copied = false;
      this.announcement = 'Sharing stopped: the link no longer opens this playlist';
      await this.updateComplete;
      this.renderRoot.querySelector('.create-link')?.focus();
    } catch (error) {
      this.shareError = error;
    } finally {
      this.busy = false;
    }
  }

  async #copyLink() {
    try {
      await navigator.clipboard.writeText(this.shareLink);
      this.copied = 'copied';
    } catch {
      this.renderRoot.querySelector('#share-link')?.select(); // the clipboard refused: selected, ready for ctrl+C
      this.copied = 'selected';
    }
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => { this.copied = false; }, 2500);
  }

  async #askDelete() {
    this.confirmingDelete = true;
    await this.updateComplete;
    this.renderRoot.querySelector('.confirm-delete')?.focus();
  }

  /** Deletes the playlist as of the version shown (412: changed elsewhere), then goes to the list. */
  async #delete() {
    this.busy = true;
    this.editError = null;
    try {
      await api.delete(`/api/v1/playlists/${this.playlist.id}`, this.#ifMatch());
      await playlists.changed(this.playlist.id, this);
      this.router?.navigate('/playlists', { replace: true });
    } catch (error) {
      if (error.status === 412) this.stale = true;
      else this.editError = error;
    } finally {
      this.busy = false;
      this.confirmingDelete = false;
    }
  }

  async #move(from, to) {
    if (to < 0 || to >= this.playlist.items.length || from === to) return;
    const items = this.playlist.items.slice();
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved);
    const ok = await this.#edit(() => api.put(`/api/v1/playlists/${this.playlist.id}/items/order`,
      { itemIds: items.map((item) => item.id) }, this.#ifMatch()));
    if (!ok) return;
    this.announcement = `${moved.track.title} moved to position ${to + 1} of ${items.length}`;
    await this.updateComplete;
    this.renderRoot.querySelector(`li[data-item="${moved.id}"]`)?.focus();
  }

  async #remove(item) {
    const at = this.playlist.items.indexOf(item);
    const ok = await this.#edit(() => api.delete(`/api/v1/playlists/${this.playlist.id}/items/${item.id}`, this.#ifMatch()));
    if (!ok) return;
    this.announcement = `${item.track.title} removed from the playlist`;
    await this.updateComplete;
    const rows = this.renderRoot.querySelectorAll('li');
    (rows[Math.min(at, rows.length - 1)] ?? this.renderRoot.querySelector('.play-all'))?.focus();
  }

  async #add(track) {
    const ok = await this.#edit(() => api.post(`/api/v1/playlists/${this.playlist.id}/items`, { trackId: track.id },
      this.#ifMatch()));
    if (ok) this.announcement = `${track.title} added to ${this.playlist.name}`;
  }

  /** One edit as of the version shown: the new playlist, or "changed elsewhere" on 412. */
  async #edit(send) {
    this.busy = true;
    this.editError = null;
    try {
      this.playlist = await send();
      this.stale = false;
      playlists.changed(this.playlist.id, this);
      return true;
    } catch (error) {
      if (error.status === 412) {
        this.stale = true;
        this.announcement = 'Changed elsewhere. Reload to see the latest version.';
      } else {
        this.editError = error;
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  #ifMatch() {
    return { headers: { 'If-Match': `"${this.playlist.version}"` } };
  }

  #rowKey(event, index) {
    if (!event.altKey || event.target !== event.currentTarget) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      this.#move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
    }
  }

  #dragStart(event, index) {
    this.#dragItem = index;
    event.currentTarget.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(ITEM_TYPE, String(index));
    event.dataTransfer.setData('text/plain', this.playlist.items[index].track.title);
  }

  #itemDragOver(event) {
    if (![...event.dataTransfer.types].includes(ITEM_TYPE)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    event.currentTarget.classList.add('drop-before');
  }

  #itemDrop(event, index) {
    if (![...event.dataTransfer.types].includes(ITEM_TYPE)) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.classList.remove('drop-before');
    const from = Number(event.dataTransfer.getData(ITEM_TYPE));
    this.#dragItem = -1;
    if (Number.isInteger(from)) this.#move(from, from < index ? index - 1 : index);
  }

  #listDragOver(event) {
    if (!carriesTrack(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dropping = true;
  }

  #listDrop(event) {
    this.dropping = false;
    const track = droppedTrack(event);
    if (!track) return;
    event.preventDefault();
    this.#add(track);
  }

  #loading() {
    return html`<div aria-busy="true">
      <div class="hero"><span class="skeleton skeleton-hero"></span>
        <div class="info"><span class="skeleton skeleton-title"></span><span class="skeleton"></span></div></div>
      <ol>${Array.from({ length: 5 }, () => html`<li aria-hidden="true"><span class="skeleton cover"></span>
        <span class="track"><span class="skeleton"></span></span></li>`)}</ol>
      <span class="visually-hidden" role="status">Loading the playlist…</span>
    </div>`;
  }

  #failed() {
    const missing = this.error?.status === 404;
    return html`<section class="state" aria-labelledby="failed-title">
      <span class="badge">${icon('alert')}</span>
      <h1 id="failed-title">${missing ? 'No such playlist' : 'This playlist could not be loaded'}</h1>
      ${missing ? html`<p>${this.#shared ? 'Its owner stopped sharing it, or deleted it.'
        : 'It was deleted, or it is private and not yours.'}</p>` : problemAlert(this.error)}
      <div class="row">
        ${missing ? '' : html`<button class="button primary" type="button" @click=${() => this.#load()}>${icon('retry')}Try again</button>`}
        <a class="button secondary" href="/playlists">All playlists</a>
      </div>
    </section>`;
  }
}

customElements.define('encore-playlist', PlaylistScreen);
