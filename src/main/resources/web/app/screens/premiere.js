import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { session } from '../core/session.js';
import { player } from '../core/player.js';
import { sameOrigin } from '../core/links.js';
import { live, epochMs, positionAt, DriftCorrector } from '../core/live.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { clock } from '../components/library-kit.js';
import { connectionPill, countdown, liveStyles, when } from '../components/live-kit.js';
import '../components/live-chat.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/**
 * A premiere's page (`/premieres/{id}`), from `GET /api/v1/premieres/{id}` (its state, the server's
 * time, the playback while live, the viewer count and the video with a signed `hlsUrl`) and then its
 * live session (`state` messages at the start and the end, `presence` for the viewer count, chat).
 *
 * - **Scheduled**: the poster with a countdown on the server's clock; the chat is open already.
 * - **Live**: the video plays where the premiere is (the playback state at the server's time now;
 *   a late joiner starts at the live position) and a {@link DriftCorrector} keeps it there. Its
 *   controls have no seek bar: pause is local, and "Back to live" (or play) catches up; nobody can
 *   be ahead of live. Mute, volume and full screen are the viewer's.
 * - **Ended**: a link to the video, an ordinary video now.
 */
class PremierePage extends LitElement {
  static properties = {
    premiere: { state: true },
    viewers: { state: true },
    status: { state: true },
    paused: { state: true },
    blocked: { state: true },
    muted: { state: true },
    tick: { state: true },
  };

  static styles = [shared, page, liveStyles, css`
    .stage { position: relative; aspect-ratio: 16 / 9; background: #000; border-radius: var(--radius-l); overflow: hidden; box-shadow: var(--shadow); color: #fff; isolation: isolate; }
    .stage video, .stage .poster { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; background: #000; }
    .stage .poster { object-fit: cover; filter: saturate(.7) blur(3px); transform: scale(1.06); }
    .stage .veil { position: absolute; inset: 0; background: radial-gradient(circle at 50% 45%, rgba(0, 0, 0, .45), rgba(0, 0, 0, .78)); }
    .stage .pill-live.soon, .stage .pill-live.ended { background: rgba(0, 0, 0, .6); color: #fff; }
    .countdown { position: absolute; inset: 0; display: grid; place-content: center; justify-items: center; gap: var(--space-2); text-align: center; padding: var(--space-4); }
    .countdown span { font-size: .8rem; font-weight: 700; letter-spacing: .12em; text-transform: uppercase; opacity: .85; }
    .countdown strong { font-size: clamp(2.4rem, 8vw, 4.8rem); font-weight: 800; font-variant-numeric: tabular-nums; letter-spacing: .02em; line-height: 1; }
    .countdown p { opacity: .85; }
    .overlay { position: absolute; left: 0; right: 0; bottom: 0; display: flex; align-items: center; gap: var(--space-2); padding: var(--space-6) var(--space-3) var(--space-2);
      background: linear-gradient(to top, rgba(0, 0, 0, .78), transparent); z-index: 2; }
    .overlay .icon-button { color: #fff; }
    .overlay .icon-button:hover { background: rgba(255, 255, 255, .16); }
    .overlay .time { font-size: .85rem; font-variant-numeric: tabular-nums; margin: 0 var(--space-2); white-space: nowrap; }
    .overlay .spacer { flex: 1; }
    .overlay input[type=range] { width: 84px; accent-color: #fff; }
    .go-live { border: 0; border-radius: 999px; padding: 4px 10px; font: inherit; font-size: .75rem; font-weight: 800; letter-spacing: .06em; text-transform: uppercase; cursor: pointer; background: rgba(255, 255, 255, .18); color: #fff; }
    .go-live.at-live { background: #e5183d; }
    .top { position: absolute; top: var(--space-3); left: var(--space-3); right: var(--space-3); display: flex; gap: var(--space-2); align-items: center; z-index: 2; }
    .viewers { display: inline-flex; align-items: center; gap: 4px; padding: 2px 10px; border-radius: 999px; background: rgba(0, 0, 0, .6); font-size: .8rem; font-weight: 600; }
    .viewers svg { width: 14px; height: 14px; }
    .listen { position: absolute; inset: 0; display: grid; place-items: center; z-index: 3; background: rgba(0, 0, 0, .45); }
    .listen .button { background: #fff; color: #18181b; }
    .about { display: grid; gap: var(--space-2); margin-top: var(--space-4); }
    .about h1 { font-size: 1.6rem; }
    .about .meta { color: var(--text-muted); display: flex; gap: var(--space-3); flex-wrap: wrap; align-items: center; }
    .about .description { white-space: pre-line; color: var(--text-muted); max-width: 75ch; }
    /* not .ended: the "Ended" pill carries that class, and stretched over the page it caught every click */
    .finale { position: absolute; inset: 0; display: grid; place-content: center; justify-items: center; gap: var(--space-3); text-align: center; z-index: 2; padding: var(--space-4); }
    .finale .button { background: #fff; color: #18181b; }
    @media (max-width: 860px) {
      .stage { border-radius: var(--radius); margin: 0 calc(-1 * var(--space-2)); }
      .about h1 { font-size: 1.3rem; }
      .overlay input[type=range] { display: none; }
      .overlay { padding-top: var(--space-5); gap: 0; }
    }
  `];

  #live = null;
  #corrector = null;
  #hls = null;
  #timer = 0;
  #source = '';

  #loader = new Loader(this, async () => {
    const premiere = await api.get(`/api/v1/premieres/${encodeURIComponent(this.params?.id ?? '')}`);
    live.hint(premiere.serverTime);
    document.title = `${premiere.title} · Premiere · Encore`;
    this.premiere = premiere;
    this.viewers = premiere.viewerCount ?? 0;
    this.#connect(premiere.id);
    return premiere;
  });

  constructor() {
    super();
    this.premiere = null;
    this.viewers = 0;
    this.status = live.status;
    this.paused = false;
    this.blocked = false;
    this.muted = false;
    this.tick = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    live.addEventListener('status', this.#statusChanged);
    this.#timer = setInterval(() => this.#everySecond(), 1000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    live.removeEventListener('status', this.#statusChanged);
    clearInterval(this.#timer);
    this.#corrector?.stop();
    this.#hls?.destroy();
    this.#live?.leave();
    this.#live = null;
  }

  #statusChanged = () => { this.status = live.status; };

  #everySecond() {
    this.tick += 1;
    const p = this.premiere;
    // the start is the server's to announce; if its message is late, read the premiere again
    if (p?.state === 'scheduled' && epochMs(p.startsAt) < live.now() - 3000 && this.tick % 3 === 0) this.#loader.reload();
  }

  #connect(id) {
    if (this.#live) return;
    this.#live = live.join('premiere', id);
    const on = (type, handler) => this.#live.addEventListener(type, (event) => handler(event.detail));
    on('snapshot', (data) => {
      this.#merge({ ...data, playback: data.playback ?? null });
      if (data.presence) this.viewers = data.presence.count ?? this.viewers;
    });
    on('state', (data) => {
      this.#merge({ state: data.state, startsAt: data.startsAt ?? this.premiere.startsAt, endsAt: data.endsAt ?? this.premiere.endsAt,
        playback: data.playback ?? null });
      if (data.state === 'live' && !this.premiere.video?.hlsUrl) this.#loader.reload();
    });
    on('presence', (data) => { this.viewers = data.count ?? this.viewers; });
    // the video was made private or deleted: read the premiere again, which now says it is gone
    on('error', (error) => { if (error.type === 'live-access-ended') this.#loader.reload(); });
  }

  #merge(partial) {
    this.premiere = { ...this.premiere, ...partial, video: partial.video ?? this.premiere?.video };
    if (partial.viewerCount !== undefined) this.viewers = partial.viewerCount;
    this.#corrector?.correct();
  }

  /** Where the premiere is now, in seconds (its playback state at the server's time; from the start when it has none). */
  #livePosition() {
    const p = this.premiere;
    const playback = p.playback ?? { positionMs: 0, atServerTime: p.startsAt, playing: true, rate: 1 };
    const length = p.video?.durationMs ?? Infinity;
    return Math.min(positionAt(playback), length) / 1000;
  }

  updated() {
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    this.#attach(video);
    if (!this.#corrector) {
      this.#corrector = new DriftCorrector(video, () => (this.premiere?.state === 'live' && !this.paused
        ? { seconds: this.#livePosition(), playing: this.premiere.playback?.playing ?? true } : null));
      this.#corrector.addEventListener('blocked', () => { this.blocked = this.#corrector.blocked; });
      video.addEventListener('loadedmetadata', () => this.#corrector.correct());
      video.addEventListener('play', () => player.pause());
      this.#corrector.start();
    }
  }

  async #attach(video) {
    const url = this.premiere.video?.hlsUrl;
    // the snapshot signs the same playlist again: only another playlist is attached anew
    if (!url || this.#source === sameOrigin(url).pathname) return;
    this.#source = sameOrigin(url).pathname;
    const src = sameOrigin(url).href;
    const { default: Hls } = await import('hls.js');
    if (Hls.isSupported()) {
      this.#hls?.destroy();
      this.#hls = new Hls({ enableWorker: false, capLevelToPlayerSize: true, debug: false });
      this.#hls.loadSource(src);
      this.#hls.attachMedia(video);
    } else {
      video.src = src;
    }
  }

  render() {
    const back = html`<a class="back" href="/premieres">${icon('chevronLeft')}Premieres</a>`;
    const { state, error } = this.#loader;
    if (state === 'failed') {
      return html`${back}${failedState(error?.status === 404 ? 'This premiere is not there' : 'This premiere could not be loaded', error, this.#loader.reload)}`;
    }
    if (!this.premiere) {
      return html`${back}<div class="stage skeleton" aria-hidden="true"></div><span class="visually-hidden" role="status">Loading the premiere…</span>`;
    }
    const p = this.premiere;
    return html`${back}<div class="layout">
      <div>
        ${this.#stage(p)}
        <section class="about" aria-labelledby="premiere-title">
          <h1 id="premiere-title">${p.title}</h1>
          <div class="meta">
            <span class="pill-live ${p.state === 'live' ? '' : p.state === 'ended' ? 'ended' : 'soon'}">${p.state === 'live' ? 'Live' : p.state === 'ended' ? 'Ended' : 'Premiere'}</span>
            <span>${p.state === 'scheduled' ? `Starts ${when(p.startsAt)}` : `Started ${when(p.startsAt)}`}</span>
            <span>${p.state === 'ended' ? `${p.peakViewers ?? 0} watched at the peak` : `${this.viewers} ${p.state === 'live' ? 'watching' : 'waiting'}`}</span>
            ${connectionPill(this.status)}
          </div>
          ${p.description ? html`<p class="description">${p.description}</p>` : ''}
        </section>
      </div>
      <aside class="side card panel" aria-labelledby="chat-title">
        <div class="panel-head"><h2 id="chat-title">${icon('chat')}Live chat</h2><span class="count-badge">${this.viewers}</span></div>
        <encore-live-chat .live=${this.#live} history="/api/v1/premieres/${p.id}/chat"
          ?moderator=${p.ownerId === session.user?.id || session.isAdmin}></encore-live-chat>
      </aside>
    </div>`;
  }

  #stage(p) {
    const poster = p.video?.posterUrl ? sameOrigin(p.video.posterUrl).href : '';
    if (p.state === 'scheduled') {
      const left = epochMs(p.startsAt) - live.now();
      return html`<section class="stage" aria-label="Countdown">
        ${poster ? html`<img class="poster" src=${poster} alt="">` : ''}<span class="veil"></span>
        <div class="top"><span class="pill-live soon">Premiere</span><span class="viewers">${icon('eye')}${this.viewers} waiting</span></div>
        <div class="countdown" role="timer" aria-label="Starts in ${countdown(left)}">
          <span>${left > 0 ? 'Starts in' : 'Starting'}</span><strong aria-hidden="true">${countdown(left)}</strong>
          <p>${when(p.startsAt)}</p></div>
      </section>`;
    }
    if (p.state === 'ended' || p.state === 'cancelled') {
      return html`<section class="stage" aria-label="Ended">
        ${poster ? html`<img class="poster" src=${poster} alt="">` : ''}<span class="veil"></span>
        <div class="finale"><h2>${p.state === 'ended' ? 'The premiere has ended' : 'The premiere was cancelled'}</h2>
          <a class="button" href="/videos/${p.videoId}">${icon('play')}Watch the video</a></div>
      </section>`;
    }
    const video = this.renderRoot.querySelector('video');
    const at = video && !video.paused ? video.currentTime : this.#livePosition();
    const behind = this.#livePosition() - at > 2;
    return html`<section class="stage" aria-label="Premiere video">
      <video playsinline poster=${poster || undefined} aria-label=${p.title}></video>
      <div class="top"><span class="pill-live">Live</span><span class="viewers">${icon('eye')}${this.viewers} watching</span></div>
      ${this.blocked && !this.paused ? html`<div class="listen"><button class="button" type="button" @click=${() => this.#corrector.resume()}>
        ${icon('play')}Join the premiere</button></div>` : ''}
      <div class="overlay">
        <button class="icon-button" type="button" aria-label=${this.paused ? 'Play' : 'Pause'} @click=${this.#togglePause}>${icon(this.paused ? 'play' : 'pause')}</button>
        <button class="go-live ${behind || this.paused ? '' : 'at-live'}" type="button" @click=${this.#goLive}
          aria-label=${behind || this.paused ? 'Back to live' : 'At the live position'}>Live</button>
        <span class="time">${clock(at)} / ${clock((p.video?.durationMs ?? 0) / 1000)}</span>
        <span class="spacer"></span>
        <button class="icon-button" type="button" aria-label=${this.muted ? 'Unmute' : 'Mute'} @click=${this.#toggleMute}>${icon(this.muted ? 'mute' : 'volume')}</button>
        <input type="range" min="0" max="1" step="0.05" value="1" aria-label="Volume" @input=${(e) => { if (video) video.volume = Number(e.target.value); }}>
        <button class="icon-button" type="button" aria-label="Full screen" @click=${this.#fullscreen}>${icon('fullscreen')}</button>
      </div>
    </section>`;
  }

  #togglePause() {
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    if (this.paused) {
      this.#goLive();
      return;
    }
    this.paused = true;
    video.pause();
  }

  /** Back to the live position (and playing): the corrector takes over again. */
  #goLive() {
    this.paused = false;
    this.updateComplete.then(() => this.#corrector?.resume());
  }

  #toggleMute() {
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    video.muted = !video.muted;
    this.muted = video.muted;
  }

  #fullscreen() {
    const stage = this.renderRoot.querySelector('.stage');
    if (document.fullscreenElement) document.exitFullscreen(); else stage?.requestFullscreen?.();
  }
}

customElements.define('encore-premiere', PremierePage);
