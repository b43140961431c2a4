import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { session } from '../core/session.js';
import { player } from '../core/player.js';
import { sameOrigin } from '../core/links.js';
import { live, positionAt, DriftCorrector } from '../core/live.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { problemAlert } from '../components/problem-alert.js';
import { clock, tone } from '../components/library-kit.js';
import { avatar, connectionPill, hostNameOf, itemsOf, liveStyles, nameOf } from '../components/live-kit.js';
import '../components/live-chat.js';
import '../components/room-queue.js';
import '../components/room-people.js';
import '../components/room-invite.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

const WIDE = '(min-width: 1100px)';

/**
 * A listening room (`/rooms/{id}`): what plays, for everyone at the same second.
 *
 * The room is read once (`GET /api/v1/rooms/{id}`; opening a public room I am not in joins it,
 * `POST …/members`), then kept by the room's live session (`core/live.js`): the snapshot on joining
 * and every `state`, `queue`, `suggestions`, `presence`, `host` and `closed` message. The page's own
 * `<audio>` plays the current track's signed `streamUrl` (a room-scoped grant: valid while I am a
 * member) and a {@link DriftCorrector} holds it at the room's position at the server's time now.
 * Browsers let a page play sound only after a gesture: until then a "Listen along" button shows.
 *
 * The host plays, pauses, seeks (the bar) and skips; the page applies the host's own command at once
 * and the server's broadcast confirms it. Beside the player: the queue and suggestions
 * (`components/room-queue.js`), the chat (`components/live-chat.js`) and the people here (the host
 * can hand the room over). People are shown by their display name (`displayName`, `hostDisplayName`;
 * the username when they have none). The host copies the invite link (and makes a new one), and closes the room.
 */
class RoomPage extends LitElement {
  static properties = {
    room: { state: true },
    presence: { state: true },
    tab: { state: true },
    wide: { state: true },
    blocked: { state: true },
    closed: { state: true },
    status: { state: true },
    notice: { state: true },
    actionError: { state: true },
    tick: { state: true },
  };

  static styles = [shared, page, liveStyles, css`
    .main { display: grid; gap: var(--space-5); min-width: 0; }

    .stage {
      position: relative; overflow: hidden; border-radius: var(--radius-l); padding: var(--space-6); color: #fff;
      display: grid; grid-template-columns: 200px minmax(0, 1fr); gap: var(--space-6); align-items: center;
      box-shadow: var(--shadow); isolation: isolate; min-height: 200px;
    }
    .stage::before { content: ''; position: absolute; inset: 0; z-index: -1; background: linear-gradient(160deg, rgba(0, 0, 0, .05), rgba(0, 0, 0, .6)); }
    .art {
      width: 200px; aspect-ratio: 1; border-radius: var(--radius); display: grid; place-items: center; font-size: 4.5rem; font-weight: 800;
      background: rgba(255, 255, 255, .14); box-shadow: 0 18px 40px rgba(0, 0, 0, .35); text-transform: uppercase; text-shadow: 0 2px 10px rgba(0, 0, 0, .3);
    }
    .now { display: grid; gap: var(--space-2); min-width: 0; }
    .now .eyebrow { color: rgba(255, 255, 255, .75); display: flex; gap: var(--space-2); align-items: center; flex-wrap: wrap; }
    .now h1 { font-size: 2rem; overflow-wrap: anywhere; }
    .now .artist { color: rgba(255, 255, 255, .85); font-size: 1.05rem; }
    .now .room-name { color: rgba(255, 255, 255, .7); font-size: .9rem; }
    .bar { display: grid; grid-template-columns: auto 1fr auto; gap: var(--space-3); align-items: center; margin-top: var(--space-3); font-size: .82rem; font-variant-numeric: tabular-nums; color: rgba(255, 255, 255, .85); }
    input[type=range] { width: 100%; accent-color: #fff; cursor: pointer; }
    .progress { height: 4px; border-radius: 2px; background: rgba(255, 255, 255, .25); overflow: hidden; }
    .progress .fill { height: 100%; width: var(--played, 0%); background: #fff; }
    .controls { display: flex; align-items: center; gap: var(--space-3); margin-top: var(--space-2); }
    .controls .icon-button { color: #fff; }
    .controls .icon-button:hover { background: rgba(255, 255, 255, .16); }
    .controls .icon-button.big { background: #fff; color: #18181b; }
    .listening { display: inline-flex; align-items: center; gap: var(--space-2); color: rgba(255, 255, 255, .85); font-size: .9rem; }
    .listening svg { width: 18px; height: 18px; }
    .join-audio {
      position: absolute; inset: 0; display: grid; place-items: center; align-content: center; gap: var(--space-3);
      background: rgba(10, 10, 14, .62); backdrop-filter: blur(6px); z-index: 2; text-align: center; padding: var(--space-4);
    }
    .join-audio .button { background: #fff; color: #18181b; }

    .strip { display: flex; gap: var(--space-3); align-items: center; justify-content: space-between; flex-wrap: wrap; }
    .strip .who { display: flex; align-items: center; gap: var(--space-2); color: var(--text-muted); }
    .faces { display: flex; }
    .faces .avatar { border: 2px solid var(--bg); margin-left: -8px; }
    .faces .avatar:first-child { margin-left: 0; }

    .tabs { display: flex; gap: var(--space-1); padding: var(--space-2); border-bottom: 1px solid var(--border); }
    .tabs button {
      flex: 1; min-height: 38px; border: 0; border-radius: 999px; background: transparent; color: var(--text-muted);
      font: inherit; font-weight: 650; cursor: pointer; display: inline-flex; align-items: center; justify-content: center; gap: 6px;
    }
    .tabs button[aria-selected=true] { background: var(--accent-soft); color: var(--accent); }
    .tabs button svg { width: 16px; height: 16px; }
    .tabpanel { flex: 1; min-height: 0; display: flex; flex-direction: column; overflow-y: auto; }
    .queue-card { padding: var(--space-4); }
    .notice { padding: var(--space-3) var(--space-4); border-radius: var(--radius); background: var(--warning-bg); color: var(--warning-text); font-weight: 600; }
    .host-tools { display: flex; gap: var(--space-2); flex-wrap: wrap; }

    @media (max-width: 860px) {
      .stage { grid-template-columns: 1fr; justify-items: center; text-align: center; padding: var(--space-5) var(--space-4); gap: var(--space-4); }
      .art { width: min(62vw, 240px); font-size: 3.5rem; }
      .now { width: 100%; justify-items: center; }
      .now .eyebrow { justify-content: center; }
      .now h1 { font-size: 1.45rem; }
      .bar { width: 100%; }
      .controls { justify-content: center; }
    }
  `];

  #live = null;
  #corrector = null;
  #media = matchMedia(WIDE);
  #timer = 0;
  #me = session.user?.id;

  #loader = new Loader(this, async () => {
    const id = encodeURIComponent(this.params?.id ?? '');
    let room = await api.get(`/api/v1/rooms/${id}`);
    if (!(room.members ?? []).some((m) => m.userId === this.#me)) room = await api.post(`/api/v1/rooms/${id}/members`);
    document.title = `${room.name} · Encore`;
    this.#merge(room);
    this.#connect(room.id);
    return room;
  });

  /** My signed stream URLs by queue entry id: broadcasts carry none (they are per member), room reads do. */
  #urls = new Map();
  #reading = null;

  constructor() {
    super();
    this.room = null;
    this.presence = { count: 0, members: [] };
    this.tab = 'chat';
    this.wide = this.#media.matches;
    this.blocked = false;
    this.closed = false;
    this.status = live.status;
    this.notice = '';
    this.actionError = null;
    this.tick = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#media.addEventListener('change', this.#resized);
    live.addEventListener('status', this.#statusChanged);
    this.#timer = setInterval(() => { this.tick += 1; }, 500);
    if (!this.wide) this.tab = 'queue';
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#media.removeEventListener('change', this.#resized);
    live.removeEventListener('status', this.#statusChanged);
    clearInterval(this.#timer);
    this.#corrector?.stop();
    this.#live?.leave();
    this.#live = null;
  }

  #resized = () => {
    this.wide = this.#media.matches;
    if (this.wide && this.tab === 'queue') this.tab = 'chat';
  };

  #statusChanged = () => { this.status = live.status; };

  get #host() {
    return Boolean(this.room && this.room.hostId === this.#me);
  }

  /** The room's position now, in seconds, as the server's state says. */
  #position() {
    return positionAt(this.room?.state) / 1000;
  }

  #current() {
    const current = this.room?.current;
    if (!current) return null;
    const known = this.#urls.get(current.id);
    const streamUrl = current.streamUrl ?? known?.streamUrl;
    const expires = Date.parse(current.streamUrlExpiresAt ?? known?.streamUrlExpiresAt ?? '');
    if (!streamUrl || expires - Date.now() < 30000) this.#readUrls();
    return { ...current, streamUrl };
  }

  /** Reads the room again for my stream URLs (once at a time): a new track, or URLs about to expire. */
  #readUrls() {
    if (this.#reading || !this.room?.id) return;
    this.#reading = api.get(`/api/v1/rooms/${this.room.id}`)
      .then((room) => { this.#keepUrls(room); this.requestUpdate(); })
      .catch(() => {})
      .finally(() => { setTimeout(() => { this.#reading = null; }, 2000); });
  }

  #keepUrls(room) {
    [room.current, ...(room.queue ?? [])].filter((entry) => entry?.streamUrl)
      .forEach((entry) => this.#urls.set(entry.id, { streamUrl: entry.streamUrl, streamUrlExpiresAt: entry.streamUrlExpiresAt }));
  }

  #connect(id) {
    if (this.#live) return;
    const session = live.join('room', id);
    this.#live = session;
    const on = (type, handler) => session.addEventListener(type, (event) => handler(event.detail));
    // the server leaves null fields out: no `current` means nothing plays
    on('snapshot', (data) => {
      if (data.presence) this.presence = data.presence;
      this.#merge({ ...data, current: data.current ?? null });
    });
    on('state', (data) => this.#merge({ state: data.state, current: data.current ?? null }));
    on('queue', (data) => this.#merge({ queue: data.queue ?? itemsOf(data) }));
    on('suggestions', (data) => this.#merge({ suggestions: data.suggestions ?? itemsOf(data) }));
    on('members', (data) => this.#merge({ memberCount: data.memberCount, members: data.members ?? [] }));
    on('room', (data) => this.#merge({ name: data.name, isPublic: data.isPublic, maxListeners: data.maxListeners }));
    on('presence', (data) => { this.presence = { count: data.count ?? 0, members: data.members ?? [] }; });
    on('host', (data) => {
      this.#merge({ hostId: data.hostId ?? data.userId, hostName: data.hostName ?? data.username,
        hostDisplayName: data.hostDisplayName ?? data.hostName ?? data.username });
      if (this.#host) this.#loader.reload();
    });
    on('closed', () => this.#close());
    on('error', (error) => { this.notice = error.detail || error.title || 'That did not work.'; });
  }

  #merge(partial) {
    if (!partial) return;
    this.#keepUrls(partial);
    this.room = { ...this.room, ...partial };
    this.#corrector?.correct();
  }

  #close() {
    this.closed = true;
    this.#corrector?.stop();
    this.renderRoot.querySelector('audio')?.pause();
  }

  updated() {
    const audio = this.renderRoot.querySelector('audio');
    if (audio && !this.#corrector) {
      this.#corrector = new DriftCorrector(audio, () => (this.#current()?.streamUrl && !this.closed
        ? { seconds: this.#position(), playing: Boolean(this.room?.state?.playing) } : null));
      this.#corrector.addEventListener('blocked', () => { this.blocked = this.#corrector.blocked; });
      audio.addEventListener('loadedmetadata', () => this.#corrector.correct());
      audio.addEventListener('play', () => player.pause());
      this.#corrector.start();
    }
    const url = this.#current()?.streamUrl;
    const src = url ? sameOrigin(url).href : '';
    if (audio && audio.dataset.src !== src) {
      audio.dataset.src = src;
      if (src) audio.src = src; else audio.removeAttribute('src');
    }
    const fill = this.renderRoot.querySelector('.progress .fill');
    const length = (this.#current()?.durationMs ?? 0) / 1000;
    fill?.style.setProperty('--played', `${length ? Math.min(100, (this.#shownTime() / length) * 100) : 0}%`);
  }

  #shownTime() {
    const audio = this.renderRoot.querySelector('audio');
    return audio && !audio.paused ? audio.currentTime : this.#position();
  }

  render() {
    const back = html`<a class="back" href="/rooms">${icon('chevronLeft')}Rooms</a>`;
    const { state, error } = this.#loader;
    if (state === 'failed') {
      const title = error?.code === 'room-full' ? 'This room is full'
        : error?.status === 404 ? 'This room is not there (any more)' : 'This room could not be opened';
      return html`${back}${failedState(title, error, this.#loader.reload)}`;
    }
    if (!this.room) {
      return html`${back}<div class="stage skeleton" aria-hidden="true"></div><span class="visually-hidden" role="status">Joining the room…</span>`;
    }
    if (this.closed) {
      return html`${back}<section class="state card" aria-labelledby="closed-title"><span class="badge">${icon('radio')}</span>
        <h2 id="closed-title">The room was closed</h2><p>The host closed ${this.room.name}. Start one of your own?</p>
        <a class="button primary" href="/rooms">Back to rooms</a></section>`;
    }
    return html`${back}
      <div class="layout">
        <div class="main">
          ${this.#stage()}
          ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : ''}
          ${problemAlert(this.actionError)}
          ${this.#strip()}
          ${this.#host && this.room.inviteUrl ? html`<encore-room-invite .room=${this.room}
            @encore-room-invite=${(event) => this.#merge(event.detail)}></encore-room-invite>` : ''}
          ${this.wide ? html`<section class="card queue-card" aria-label="Queue">${this.#queue()}</section>` : ''}
        </div>
        <aside class="side card" aria-label="Room activity">${this.#tabs()}</aside>
      </div>`;
  }

  #stage() {
    const track = this.#current();
    const length = (track?.durationMs ?? 0) / 1000;
    const at = Math.min(this.#shownTime(), length || Infinity);
    const playing = Boolean(this.room.state?.playing && track);
    return html`<section class="stage tone-${tone(track?.title ?? this.room.name)}" aria-labelledby="track-title">
      <audio preload="auto"></audio>
      <span class="art" aria-hidden="true">${(track?.title ?? this.room.name ?? '?').slice(0, 1)}</span>
      <div class="now">
        <span class="eyebrow">${playing ? html`<span class="pill-live">Live</span>` : ''}${connectionPill(this.status)}
          <span class="room-name">${this.room.name}</span></span>
        <h1 id="track-title">${track?.title ?? 'Nothing playing'}</h1>
        <span class="artist">${track ? track.artist ?? '' : this.#host ? 'Add a track to the queue and press play.' : 'Waiting for the host to play something.'}</span>
        ${track ? html`<div class="bar">
          <span>${clock(at)}</span>
          ${this.#host ? html`<input type="range" min="0" max=${Math.max(1, Math.floor(length))} step="1" .value=${String(Math.floor(at))}
            aria-label="Seek" aria-valuetext="${clock(at)} of ${clock(length)}" @change=${this.#seek}>`
            : html`<div class="progress" role="progressbar" aria-label="Position" aria-valuemin="0" aria-valuemax=${Math.floor(length)}
              aria-valuenow=${Math.floor(at)} aria-valuetext="${clock(at)} of ${clock(length)}"><div class="fill"></div></div>`}
          <span>${clock(length)}</span>
        </div>` : ''}
        <div class="controls">
          ${this.#host ? html`
            <button class="icon-button big" type="button" aria-label=${playing ? 'Pause for everyone' : 'Play for everyone'}
              ?disabled=${!track && !(this.room.queue ?? []).length} @click=${this.#toggle}>${icon(playing ? 'pause' : 'play')}</button>
            <button class="icon-button" type="button" aria-label="Next track" ?disabled=${!(this.room.queue ?? []).length}
              @click=${() => this.#send('next')}>${icon('next')}</button>`
            : html`<span class="listening">${icon('radio')}${playing ? 'Listening along with' : 'Hosted by'} ${hostNameOf(this.room) || 'the host'}</span>`}
        </div>
      </div>
      ${this.blocked && playing ? html`<div class="join-audio"><p>The room is playing.</p>
        <button class="button" type="button" @click=${() => this.#corrector.resume()}>${icon('play')}Listen along</button></div>` : ''}
    </section>`;
  }

  #strip() {
    const members = this.presence.members ?? [];
    return html`<div class="strip">
      <div class="who"><span class="faces">${members.slice(0, 5).map((m) => avatar(nameOf(m)))}</span>
        <span>${this.presence.count || members.length} listening · ${this.room.memberCount ?? members.length} of ${this.room.maxListeners} places</span></div>
      <div class="host-tools">
        ${this.#host ? html`<button class="button secondary small" type="button" @click=${this.#closeRoom}>${icon('close')}Close room</button>` : ''}
        <button class="button quiet small" type="button" @click=${this.#leave}>${icon('signOut')}Leave</button>
      </div>
    </div>`;
  }

  #queue() {
    return html`<encore-room-queue .room=${this.room} .live=${this.#live} ?host=${this.#host}></encore-room-queue>`;
  }

  #tabs() {
    const tabs = [...(this.wide ? [] : [['queue', 'Queue', 'queue']]), ['chat', 'Chat', 'chat'], ['people', 'People', 'users']];
    return html`<div class="tabs" role="tablist" aria-label="Room">
        ${tabs.map(([id, label, glyph]) => html`<button role="tab" id="tab-${id}" aria-controls="panel-${id}" type="button"
          aria-selected=${this.tab === id ? 'true' : 'false'} tabindex=${this.tab === id ? '0' : '-1'}
          @click=${() => { this.tab = id; }} @keydown=${(event) => this.#tabKey(event, tabs)}>${icon(glyph)}${label}
          ${id === 'people' ? html`<span class="count-badge">${this.room.memberCount ?? (this.room.members ?? []).length}</span>` : ''}</button>`)}
      </div>
      <div class="tabpanel" role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}">
        ${this.tab === 'queue' ? html`<div class="queue-card">${this.#queue()}</div>` : ''}
        ${this.tab === 'chat' ? html`<encore-live-chat .live=${this.#live} history="/api/v1/rooms/${this.room.id}/chat"
          ?moderator=${this.#host || session.isAdmin}></encore-live-chat>` : ''}
        ${this.tab === 'people' ? html`<encore-room-people .room=${this.room} .presence=${this.presence} ?host=${this.#host}
          @encore-room-host=${(event) => this.#merge(event.detail)}></encore-room-people>` : ''}
      </div>`;
  }

  #tabKey(event, tabs) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex(([id]) => id === this.tab);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length][0];
    this.tab = next;
    this.updateComplete.then(() => this.renderRoot.querySelector(`#tab-${next}`)?.focus());
  }

  #send(command, body = {}) {
    this.notice = '';
    if (!this.#live?.send(command, body)) this.notice = 'Reconnecting… try again in a moment.';
  }

  #toggle() {
    const positionMs = Math.round(this.#position() * 1000);
    const playing = !this.room.state?.playing;
    this.#send(playing ? 'play' : 'pause', { positionMs });
    this.#merge({ state: { ...this.room.state, positionMs, atServerTime: live.now(), playing } });
  }

  #seek(event) {
    const positionMs = Math.round(Number(event.target.value) * 1000); // the API takes whole milliseconds
    this.#send('seek', { positionMs });
    this.#merge({ state: { ...this.room.state, positionMs, atServerTime: live.now() } });
  }

  async #act(call) {
    this.actionError = null;
    try {
      return await call();
    } catch (error) {
      this.actionError = error;
      return null;
    }
  }

  async #leave() {
    await this.#act(() => api.delete(`/api/v1/rooms/${this.room.id}/members/me`));
    if (!this.actionError) this.router.navigate('/rooms');
  }

  async #closeRoom() {
    await this.#act(() => api.delete(`/api/v1/rooms/${this.room.id}`));
    if (!this.actionError) this.router.navigate('/rooms');
  }
}

customElements.define('encore-room', RoomPage);
