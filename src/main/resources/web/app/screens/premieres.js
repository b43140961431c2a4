import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { live, epochMs } from '../core/live.js';
import { sameOrigin } from '../core/links.js';
import { icon } from '../components/icons.js';
import { emptyState, failedState } from '../components/states.js';
import { tone } from '../components/library-kit.js';
import { countdown, itemsOf, liveStyles, when } from '../components/live-kit.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/**
 * Premieres (`/premieres`): what is live now and what starts soon (`GET /api/v1/premieres`, public
 * ones, with the server's time), each upcoming one with a countdown that ticks every second on the
 * server's clock (the answer's `serverTime` gives the offset), and my own premieres
 * (`GET /api/v1/premieres/mine`) with their state. A premiere is scheduled from its video's page.
 */
class Premieres extends LitElement {
  static properties = { tick: { state: true } };

  static styles = [shared, page, liveStyles, css`
    .head h1 { font-size: 2rem; }
    h2.title { margin: var(--space-6) 0 var(--space-3); font-size: 1.25rem; display: flex; align-items: center; gap: var(--space-2); }
    .grid { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-5); grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
    .grid.featured { grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); }
    a.tile { display: grid; gap: var(--space-2); color: inherit; text-decoration: none; }
    a.tile:hover strong { color: var(--accent); }
    .poster { position: relative; display: block; aspect-ratio: 16 / 9; border-radius: var(--radius-l); overflow: hidden; box-shadow: var(--shadow); }
    .poster img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; transition: transform 400ms ease; }
    a.tile:hover .poster img { transform: scale(1.03); }
    .poster .veil { position: absolute; inset: 0; background: linear-gradient(to top, rgba(0, 0, 0, .8), rgba(0, 0, 0, .15) 65%); }
    .poster .pill-live { position: absolute; top: var(--space-3); left: var(--space-3); }
    .poster .pill-live.soon { background: rgba(0, 0, 0, .62); color: #fff; backdrop-filter: blur(4px); }
    .poster .viewers { position: absolute; top: var(--space-3); right: var(--space-3); display: inline-flex; align-items: center; gap: 4px; padding: 2px 8px; border-radius: 999px; background: rgba(0, 0, 0, .6); color: #fff; font-size: .8rem; font-weight: 600; }
    .poster .viewers svg { width: 14px; height: 14px; }
    .poster .clock { position: absolute; left: var(--space-3); bottom: var(--space-3); color: #fff; display: grid; }
    .poster .clock span { font-size: .72rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; opacity: .8; }
    .poster .clock strong { font-size: 1.6rem; font-variant-numeric: tabular-nums; letter-spacing: .02em; }
    a.tile strong { font-size: 1.02rem; }
    .sub { color: var(--text-muted); font-size: .88rem; }
    .mine { list-style: none; margin: 0; padding: 0; }
    .mine li { display: flex; align-items: center; gap: var(--space-3); padding: var(--space-3) var(--space-4); border-bottom: 1px solid var(--border); }
    .mine li:last-child { border-bottom: 0; }
    .mine a { flex: 1; font-weight: 600; color: var(--text); text-decoration: none; }
    .mine a:hover { color: var(--accent); }
    @media (max-width: 860px) {
      .grid, .grid.featured { grid-template-columns: 1fr; }
      .head h1 { font-size: 1.5rem; }
    }
  `];

  #list = new Loader(this, async () => {
    const answer = await api.get('/api/v1/premieres', { query: { size: 48 } });
    live.hint(answer?.serverTime ?? itemsOf(answer)[0]?.serverTime);
    return itemsOf(answer);
  });

  #mine = new Loader(this, () => api.get('/api/v1/premieres/mine').then(itemsOf));
  #timer = 0;

  constructor() {
    super();
    this.tick = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  /** Every second: the countdowns move; one that reaches zero reads the list again (it is live now). */
  #tick() {
    this.tick += 1;
    const started = (this.#list.value ?? []).some((p) => p.state === 'scheduled' && epochMs(p.startsAt) <= live.now() - 1500);
    if (started && this.tick % 5 === 0) this.#list.reload();
  }

  render() {
    return html`<header class="head"><div><span class="eyebrow">Live</span><h1>Premieres</h1>
      <p class="lead">Watch new videos together, the moment they come out.</p></div></header>
      ${this.#body()}${this.#mineSection()}`;
  }

  #body() {
    const { state, value, error, reload } = this.#list;
    if (state === 'failed') return failedState('Premieres could not be loaded', error, reload);
    if (state === 'loading' && !value) {
      return html`<ul class="grid" aria-hidden="true">${[1, 2, 3].map(() => html`<li><span class="poster skeleton"></span></li>`)}</ul>
        <span class="visually-hidden" role="status">Loading premieres…</span>`;
    }
    const now = value.filter((p) => p.state === 'live');
    const soon = value.filter((p) => p.state === 'scheduled').sort((a, b) => epochMs(a.startsAt) - epochMs(b.startsAt));
    if (!now.length && !soon.length) {
      return emptyState('premiere', 'No premieres scheduled', 'Schedule one from the page of a video of yours: everyone watches it together when it starts.');
    }
    return html`
      ${now.length ? html`<h2 class="title" id="live-title"><span class="pill-live">Live</span> Live now</h2>
        <ul class="grid featured" aria-labelledby="live-title">${now.map((p) => this.#tile(p))}</ul>` : ''}
      ${soon.length ? html`<h2 class="title" id="soon-title">${icon('calendar')}Upcoming</h2>
        <ul class="grid" aria-labelledby="soon-title">${soon.map((p) => this.#tile(p))}</ul>` : ''}`;
  }

  #tile(premiere) {
    const video = premiere.video ?? premiere;
    const title = premiere.title ?? video.title;
    const isLive = premiere.state === 'live';
    const thumb = video.posterUrl ?? video.thumbnailUrl;
    return html`<li><a class="tile" href="/premieres/${premiere.id}">
      <span class="poster tone-${tone(title)}">
        ${thumb ? html`<img src=${sameOrigin(thumb).href} alt="" loading="lazy" decoding="async">` : ''}
        <span class="veil"></span>
        <span class="pill-live ${isLive ? '' : 'soon'}">${isLive ? 'Live' : 'Premiere'}</span>
        ${isLive ? html`<span class="viewers">${icon('eye')}${premiere.viewerCount ?? 0} watching</span>`
          : html`<span class="clock"><span>Starts in</span><strong>${countdown(epochMs(premiere.startsAt) - live.now())}</strong></span>`}
      </span>
      <strong>${title}</strong>
      <span class="sub">${isLive ? `Started ${when(premiere.startsAt)}` : when(premiere.startsAt)}${premiere.ownerName ? ` · ${premiere.ownerName}` : ''}</span>
    </a></li>`;
  }

  #mineSection() {
    const mine = this.#mine.value ?? [];
    if (!mine.length) return '';
    return html`<h2 class="title" id="mine-title">${icon('user')}Your premieres</h2>
      <ul class="mine card" aria-labelledby="mine-title">${mine.map((p) => html`<li>
        <a href="/premieres/${p.id}">${p.title ?? p.video?.title}</a>
        <span class="sub">${when(p.startsAt)}</span>
        <span class="pill ${p.state === 'live' ? 'bad' : p.state === 'ended' ? '' : 'accent'}">${p.state}</span>
      </li>`)}</ul>`;
  }
}

customElements.define('encore-premieres', Premieres);
