import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { session } from '../core/session.js';
import { sameOrigin } from '../core/links.js';
import { live } from '../core/live.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { problemAlert } from '../components/problem-alert.js';
import { connectionPill, liveStyles } from '../components/live-kit.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

const POINTER_MS = 50;
const WAIT_MS = 10000;

/**
 * A presentation, live (`/presentations/{id}/live`).
 *
 * - **Presenter** (the owner): "Go live" starts a session (`POST /api/v1/presentations/{id}/live`);
 *   then the current slide large, the next one beside it, ‹ › and the keys (←/→, PageUp/PageDown,
 *   Space, Home/End) send `slide {slide}`, and moving over the slide sends the pointer
 *   (`pointer {x, y}` in 0..1, at most every 50 ms; `null` when it leaves). The viewer count and
 *   "End session" (`DELETE …/live`).
 * - **Viewer** (whoever may see the presentation): the session (`GET …/live`; a 404 means none, read
 *   again every 10 s) and its live topic: the snapshot gives the current slide at once, then every
 *   `slide` and `pointer` message; `ended` says the presenter ended it.
 *
 * Slides come from `GET /api/v1/presentations/{id}/slides` (signed picture URLs), as on the
 * presentation's page.
 */
class PresentationLive extends LitElement {
  static properties = {
    liveSession: { state: true },
    slide: { state: true },
    pointer: { state: true },
    viewers: { state: true },
    ended: { state: true },
    status: { state: true },
    actionError: { state: true },
    busy: { state: true },
  };

  static styles = [shared, page, liveStyles, css`
    .bar { display: flex; align-items: center; gap: var(--space-3); flex-wrap: wrap; margin-bottom: var(--space-4); }
    .bar h1 { font-size: 1.4rem; flex: 1 1 240px; }
    .viewers { display: inline-flex; align-items: center; gap: 4px; color: var(--text-muted); font-weight: 600; }
    .viewers svg { width: 18px; height: 18px; }
    .deck { display: grid; gap: var(--space-4); grid-template-columns: minmax(0, 1fr) 280px; align-items: start; }
    .deck.viewer { grid-template-columns: minmax(0, 1fr); }
    .screen { position: relative; background: #0f0f12; border-radius: var(--radius-l); overflow: hidden; box-shadow: var(--shadow); touch-action: none; }
    .screen img { display: block; width: 100%; height: auto; max-height: calc(100vh - 260px); object-fit: contain; }
    .dot { position: absolute; width: 18px; height: 18px; margin: -9px 0 0 -9px; border-radius: 50%; pointer-events: none;
      background: rgba(229, 24, 61, .9); box-shadow: 0 0 0 6px rgba(229, 24, 61, .25), 0 0 18px rgba(229, 24, 61, .8); left: var(--x); top: var(--y); transition: left 60ms linear, top 60ms linear; }
    .next { display: grid; gap: var(--space-2); }
    .next img { width: 100%; border-radius: var(--radius); border: 1px solid var(--border); background: var(--bg-sunken); }
    .next .label { color: var(--text-faint); font-size: .75rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
    .controls { display: flex; align-items: center; gap: var(--space-3); margin-top: var(--space-3); }
    .counter { font-weight: 700; font-variant-numeric: tabular-nums; }
    .counter span { color: var(--text-muted); font-weight: 500; }
    .controls .spacer { flex: 1; }
    .start { display: grid; justify-items: center; gap: var(--space-4); text-align: center; padding: var(--space-7) var(--space-4); }
    .start .badge { width: 72px; height: 72px; }
    .start p { color: var(--text-muted); max-width: 46ch; }
    .hint { color: var(--text-muted); font-size: .88rem; }
    @media (max-width: 860px) {
      .deck { grid-template-columns: 1fr; }
      .next { display: none; }
      .screen { border-radius: var(--radius); }
    }
  `];

  #live = null;
  #away = false;
  #waitTimer = 0;
  #lastPointer = 0;
  #pointerTimer = 0;

  #presentation = new Loader(this, async () => {
    const id = encodeURIComponent(this.params?.id ?? '');
    const [presentation, slides] = await Promise.all([
      api.get(`/api/v1/presentations/${id}`), api.get(`/api/v1/presentations/${id}/slides`)]);
    document.title = `${presentation.title} · Live · Encore`;
    await this.#find(presentation.id);
    return { presentation, slides: slides?.slides ?? [] };
  });

  constructor() {
    super();
    this.liveSession = null;
    this.slide = 1;
    this.pointer = null;
    this.viewers = 0;
    this.ended = false;
    this.status = live.status;
    this.actionError = null;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    // capture: the slides take the arrows and Space before the player bar, which listens on the document too
    document.addEventListener('keydown', this.#keys, { capture: true });
    live.addEventListener('status', this.#statusChanged);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#keys, { capture: true });
    live.removeEventListener('status', this.#statusChanged);
    clearTimeout(this.#waitTimer);
    clearTimeout(this.#pointerTimer);
    this.#live?.leave();
    this.#live = null;
  }

  #statusChanged = () => { this.status = live.status; };

  get #presenter() {
    const presentation = this.#presentation.value?.presentation;
    return Boolean(presentation && presentation.ownerId === session.user?.id);
  }

  /** The presentation's session, if any; a viewer asks again every few seconds while there is none. */
  async #find(presentationId) {
    clearTimeout(this.#waitTimer);
    try {
      this.#follow(await api.get(`/api/v1/presentations/${presentationId}/live`));
    } catch (error) {
      if (error.status !== 404) throw error;
      this.liveSession = null;
      this.#waitTimer = setTimeout(() => this.#find(presentationId).catch(() => {}), WAIT_MS);
    }
  }

  #follow(liveSession) {
    this.liveSession = liveSession;
    this.ended = false;
    this.slide = liveSession.slide ?? 1;
    this.pointer = liveSession.pointer ?? null;
    this.viewers = liveSession.viewerCount ?? 0;
    this.#live?.leave();
    this.#live = live.join('presentation', liveSession.id);
    const on = (type, handler) => this.#live.addEventListener(type, (event) => handler(event.detail));
    on('snapshot', (data) => {
      if (data.slide) this.slide = data.slide;
      this.pointer = data.pointer ?? null;
      if (data.viewerCount !== undefined) this.viewers = data.viewerCount;
      if (data.presence) this.viewers = data.presence.count ?? this.viewers;
    });
    on('slide', (data) => { this.slide = data.slide ?? this.slide; this.pointer = null; });
    on('pointer', (data) => { this.pointer = data.x === undefined || data.x === null ? (data.pointer ?? null) : data; });
    on('presence', (data) => { this.viewers = data.count ?? this.viewers; });
    on('ended', (data) => { this.#away = data.reason === 'presenter-away'; this.#end(); });
    on('error', (error) => { this.actionError = { title: error.title ?? 'Refused', detail: error.detail }; });
  }

  #end() {
    this.ended = true;
    this.pointer = null;
    this.#live?.leave();
    this.#live = null;
  }

  updated() {
    const dot = this.renderRoot.querySelector('.dot');
    if (dot && this.pointer) {
      dot.style.setProperty('--x', `${this.pointer.x * 100}%`);
      dot.style.setProperty('--y', `${this.pointer.y * 100}%`);
    }
  }

  render() {
    const back = html`<a class="back" href="/presentations/${this.params?.id}">${icon('chevronLeft')}Presentation</a>`;
    const { state, value, error, reload } = this.#presentation;
    if (state === 'failed') return html`${back}${failedState('This presentation could not be opened', error, reload)}`;
    if (!value) return html`${back}<div class="screen skeleton" aria-hidden="true"></div><span class="visually-hidden" role="status">Loading…</span>`;
    const { presentation } = value;
    if (!this.liveSession || this.ended) return html`${back}${this.#idle(presentation)}`;
    const count = value.slides.length;
    return html`${back}
      <div class="bar">
        <h1>${presentation.title}</h1>
        <span class="pill-live">Live</span>${connectionPill(this.status)}
        <span class="viewers">${icon('eye')}${this.viewers} watching</span>
        ${this.#presenter ? html`<button class="button secondary small" type="button" ?disabled=${this.busy} @click=${this.#stop}>
          ${icon('close')}End session</button>` : ''}
      </div>
      ${problemAlert(this.actionError)}
      <div class="deck ${this.#presenter ? '' : 'viewer'}">
        <div>
          <div class="screen" @pointermove=${this.#move} @pointerleave=${this.#leave}>
            ${this.#picture(this.slide, `Slide ${this.slide}`)}
            ${this.pointer ? html`<span class="dot" aria-hidden="true"></span>` : ''}
          </div>
          <div class="controls">
            ${this.#presenter ? html`<button class="icon-button" type="button" aria-label="Previous slide" ?disabled=${this.slide <= 1}
              @click=${() => this.#go(this.slide - 1)}>${icon('chevronLeft')}</button>` : ''}
            <span class="counter" role="status" aria-live="polite">Slide ${this.slide} <span>of ${count}</span></span>
            ${this.#presenter ? html`<button class="icon-button" type="button" aria-label="Next slide" ?disabled=${this.slide >= count}
              @click=${() => this.#go(this.slide + 1)}>${icon('chevronRight')}</button>` : ''}
            <span class="spacer"></span>
            <span class="hint">${this.#presenter ? 'Move over the slide to point; ← → to page.' : `Following ${presentation.ownerName ?? 'the presenter'}`}</span>
          </div>
        </div>
        ${this.#presenter ? html`<div class="next"><span class="label">Next</span>
          ${this.slide < count ? this.#picture(this.slide + 1, `Next: slide ${this.slide + 1}`, 'thumbUrl') : html`<p class="hint">The last slide.</p>`}</div>` : ''}
      </div>`;
  }

  #idle(presentation) {
    if (this.#presenter) {
      return html`<section class="start card" aria-labelledby="start-title"><span class="badge">${icon('slides')}</span>
        <h1 id="start-title">Present ${presentation.title} live</h1>
        <p>Everyone with the link follows your slides and your pointer as you go. ${this.ended ? 'The last session has ended.' : ''}</p>
        ${problemAlert(this.actionError)}
        <button class="button primary" type="button" ?disabled=${this.busy} @click=${this.#start}>${icon('radio')}Go live</button></section>`;
    }
    return html`<section class="start card" aria-labelledby="start-title"><span class="badge">${icon('slides')}</span>
      <h1 id="start-title">${!this.ended ? 'Not live yet' : this.#away ? 'The presenter left: the session ended' : 'The presenter ended the session'}</h1>
      <p>${this.ended ? 'Thanks for watching.' : 'This page follows the presenter as soon as they go live.'}</p>
      <a class="button secondary" href="/presentations/${presentation.id}">Browse the slides</a></section>`;
  }

  #picture(number, alt, which = 'fullUrl') {
    const slide = this.#presentation.value.slides.find((s) => s.number === number);
    if (!slide) return '';
    return html`<img src=${sameOrigin(slide[which] ?? slide.fullUrl).href} alt=${slide.text ? `${alt}: ${slide.text}` : alt}
      @error=${() => Date.parse(this.#presentation.value.slides.urlsExpireAt) <= Date.now() && this.#presentation.reload()}>`;
  }

  #go(n) {
    const count = this.#presentation.value?.slides.length ?? 0;
    const next = Math.min(Math.max(1, n), count);
    if (!this.#presenter || next === this.slide) return;
    this.slide = next;
    this.#live?.send('slide', { slide: next });
  }

  #keys = (event) => {
    if (!this.#presenter || !this.liveSession || this.ended || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName)) return;
    const moves = { ArrowRight: 1, PageDown: 1, ' ': 1, ArrowLeft: -1, PageUp: -1 };
    if (event.key in moves) { event.preventDefault(); this.#go(this.slide + moves[event.key]); }
    if (event.key === 'Home') this.#go(1);
    if (event.key === 'End') this.#go(Number.MAX_SAFE_INTEGER);
  };

  // At most one pointer message every POINTER_MS; a move inside the interval is sent at its end, so
  // viewers always end up where the presenter's pointer stopped.
  #move(event) {
    if (!this.#presenter || !this.#live) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    this.pointer = { x, y };
    this.#sendPointer();
  }

  #leave() {
    if (!this.#presenter || !this.#live) return;
    this.pointer = null;
    this.#sendPointer();
  }

  #sendPointer() {
    clearTimeout(this.#pointerTimer);
    const wait = this.#lastPointer + POINTER_MS - performance.now();
    if (wait > 0) {
      this.#pointerTimer = setTimeout(() => this.#sendPointer(), wait);
      return;
    }
    this.#lastPointer = performance.now();
    const at = this.pointer;
    this.#live?.send('pointer', at ? { x: at.x, y: at.y } : { x: null, y: null });
  }

  async #start() {
    await this.#act(async () => this.#follow(await api.post(`/api/v1/presentations/${this.params.id}/live`)));
  }

  async #stop() {
    await this.#act(async () => {
      await api.delete(`/api/v1/presentations/${this.params.id}/live`);
      this.#end();
    });
  }

  async #act(call) {
    this.busy = true;
    this.actionError = null;
    try {
      await call();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('encore-presentation-live', PresentationLive);
