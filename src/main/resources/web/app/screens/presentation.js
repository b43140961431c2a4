import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { sameOrigin } from '../core/links.js';
import { follow } from '../core/sse.js';
import { session } from '../core/session.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { libraryStyles, plural } from '../components/library-kit.js';
import { processingOf, slideCount } from '../components/presentation-kit.js';
import { shared } from '../styles/shared.js';
import '../components/confirm-delete.js';

const POLL_MS = 3000;
const SWIPE_PX = 48;

/**
 * A presentation's page (`/presentations/{id}?slide=n`): the slide at full size, a strip of every
 * slide's thumbnail, and the slide's number in the URL (replaced, not pushed, as people page, so
 * a reload or a shared link opens the same slide and Back leaves the presentation).
 *
 * The slides (`GET /api/v1/presentations/{id}/slides`: each one's size, text and signed image URLs)
 * load as plain `<img>` elements from this origin; when the signed URLs have expired they are read
 * again. Paging: the buttons beside the slide, the strip, the keys ←/→ (and PageUp/PageDown, Space)
 * and Home/End anywhere on the page outside a field, and a swipe on the slide. The slide's text
 * (from the PDF) is its picture's description and is shown under it, and a polite live region says
 * "Slide 3 of 12". The next and previous slides are fetched ahead, so paging shows them at once.
 *
 * While the PDF is being rendered a bar shows the progress, live from the presentation's event
 * stream (`GET /api/v1/presentations/{id}/events`, read with fetch like the imports'; the
 * presentation read every few seconds when the stream is not there), and the slides appear when
 * it is done; a failed rendering shows why. Its owner (or an admin) can delete it ("Delete
 * presentation…", confirmed), which goes back to the presentations.
 */
class PresentationPage extends LitElement {
  static properties = {
    current: { state: true },
    fullscreen: { state: true },
  };

  static styles = [shared, libraryStyles, css`
    .back { display: inline-flex; align-items: center; gap: var(--space-1); margin-bottom: var(--space-4); font-weight: 600; text-decoration: none; }
    .back svg { width: 18px; height: 18px; }
    header { display: grid; gap: var(--space-1); margin-bottom: var(--space-4); }
    header h1 { font-size: 1.6rem; }
    .meta { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-3); color: var(--text-muted); align-items: center; }
    .live-link { display: inline-flex; align-items: center; gap: var(--space-1); font-weight: 650; text-decoration: none; }
    .live-link svg { width: 18px; height: 18px; }
    .pill { padding: 2px 10px; border-radius: 999px; background: var(--bg-hover); color: var(--text); font-size: .82rem; font-weight: 600; text-transform: capitalize; }

    .viewer { display: grid; gap: var(--space-3); }
    .stage {
      position: relative; display: grid; place-items: center; background: #0f0f12; border-radius: var(--radius-l);
      overflow: hidden; box-shadow: var(--shadow); touch-action: pan-y; user-select: none; -webkit-user-select: none;
    }
    .stage.fullscreen { border-radius: 0; height: 100%; }
    .slide { position: relative; width: 100%; aspect-ratio: var(--ratio, 16 / 9); max-height: max(280px, calc(100vh - 330px)); }
    .stage.fullscreen .slide { max-height: 100vh; height: 100%; width: auto; max-width: 100%; }
    .slide img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
    .slide .under { filter: blur(2px); }
    .slide.skeleton { height: auto; border-radius: 0; }
    .nav {
      position: absolute; top: 50%; transform: translateY(-50%); display: grid; place-items: center;
      width: 48px; height: 48px; border-radius: 50%; border: 0; cursor: pointer; z-index: 2;
      background: rgba(0, 0, 0, .5); color: #fff; backdrop-filter: blur(6px);
      opacity: 0; transition: opacity var(--transition), background var(--transition);
    }
    .stage:hover .nav, .nav:focus-visible { opacity: 1; }
    @media (hover: none) { .nav { display: none; } }
    .nav:hover { background: var(--accent); }
    .nav[disabled] { opacity: 0 !important; pointer-events: none; }
    .nav.prev { left: var(--space-3); }
    .nav.next { right: var(--space-3); }
    .nav svg { width: 26px; height: 26px; }
    .nav:focus-visible, .tools button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }

    .bar-row { display: flex; align-items: center; gap: var(--space-3); }
    .counter { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .counter span { color: var(--text-muted); font-weight: 500; }
    .track { flex: 1; height: 4px; border-radius: 2px; background: var(--bg-sunken); overflow: hidden; }
    .track .fill { height: 100%; width: var(--progress, 0%); background: var(--accent-gradient); transition: width var(--transition); }
    .tools { display: flex; gap: var(--space-1); }
    .tool {
      display: grid; place-items: center; width: 40px; height: 40px; border-radius: 50%; border: 1px solid var(--border-strong);
      background: var(--bg-raised); color: var(--text); cursor: pointer;
    }
    .tool:hover { background: var(--bg-hover); }
    .tool[disabled] { opacity: .4; cursor: default; }
    .tool svg { width: 20px; height: 20px; }

    .strip {
      position: relative; display: flex; gap: var(--space-3); list-style: none; margin: 0; padding: var(--space-2) var(--space-1) var(--space-3);
      overflow-x: auto; scroll-snap-type: x proximity; scrollbar-width: thin;
    }
    .strip li { flex: none; scroll-snap-align: center; }
    .thumb {
      display: grid; gap: var(--space-1); padding: 0; border: 0; background: none; color: var(--text-muted);
      font: inherit; font-size: .78rem; font-weight: 600; cursor: pointer; text-align: center;
    }
    .thumb img {
      display: block; width: 148px; aspect-ratio: var(--ratio, 16 / 9); object-fit: contain; background: var(--bg-sunken);
      border-radius: var(--radius-s); border: 2px solid var(--border);
      transition: border-color var(--transition), transform var(--transition);
    }
    .thumb:hover img { border-color: var(--border-strong); transform: translateY(-2px); }
    .thumb[aria-current=true] { color: var(--accent); }
    .thumb[aria-current=true] img { border-color: var(--accent); box-shadow: 0 0 0 2px var(--accent-soft); }
    .thumb:focus-visible { outline: none; }
    .thumb:focus-visible img { outline: 2px solid var(--focus); outline-offset: 2px; }

    .notes { padding: var(--space-4) var(--space-5); display: grid; gap: var(--space-2); margin-top: var(--space-4); }
    .notes h2 { font-size: 1rem; }
    .notes p { color: var(--text-muted); white-space: pre-line; max-width: 80ch; }

    .processing { display: grid; gap: var(--space-3); padding: var(--space-5); }
    .processing-head { display: flex; align-items: center; gap: var(--space-3); }
    .processing-head svg { width: 22px; height: 22px; color: var(--accent); }
    .processing-head strong { flex: 1; }
    .processing .percent { font-weight: 700; font-variant-numeric: tabular-nums; }
    .processing p { color: var(--text-muted); }
    .progress { position: relative; height: 8px; border-radius: 999px; background: var(--bg-sunken); overflow: hidden; }
    .progress .fill { height: 100%; width: var(--progress, 0%); border-radius: inherit; background: var(--accent-gradient); transition: width 400ms ease; }
    .processing.failed .processing-head svg { color: var(--danger); }
    .delete { margin-top: var(--space-5); padding-top: var(--space-4); border-top: 1px solid var(--border); }

    @media (max-width: 860px) {
      header h1 { font-size: 1.3rem; }
      .stage { border-radius: var(--radius); margin: 0 calc(-1 * var(--space-2)); }
      .thumb img { width: 112px; }
      .notes { padding: var(--space-3) var(--space-4); }
    }
    @media (prefers-reduced-motion: reduce) { .track .fill, .progress .fill { transition: none; } }
  `];

  #following = null;
  #pollTimer = 0;
  #swipe = null;

  #presentation = new Loader(this, async () => {
    const presentation = await api.get(`/api/v1/presentations/${encodeURIComponent(this.params?.id ?? '')}`);
    document.title = `${presentation.title} · Encore`;
    this.#latest = presentation;
    this.#watch(presentation);
    if (processingOf(presentation).state === 'ready') this.#slides.reload();
    return presentation;
  });

  /** The presentation as last read (the slides' loader runs before the other shows it). */
  #latest = null;

  #slides = new Loader(this, async () => {
    const presentation = this.#latest;
    if (!presentation || processingOf(presentation).state !== 'ready') return null;
    return api.get(`/api/v1/presentations/${encodeURIComponent(presentation.id)}/slides`);
  });

  constructor() {
    super();
    this.current = 1;
    this.fullscreen = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.current = Math.max(1, Number.parseInt(this.query?.get('slide') ?? '1', 10) || 1);
    // capture: the slides take the arrows and Space before the player bar, which listens on the document too
    document.addEventListener('keydown', this.#keys, { capture: true });
    document.addEventListener('fullscreenchange', this.#fullscreenChanged);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#keys, { capture: true });
    document.removeEventListener('fullscreenchange', this.#fullscreenChanged);
    this.#stopWatching();
  }

  willUpdate() {
    const count = this.#count();
    if (count && this.current > count) this.current = count;
  }

  updated(changed) {
    const slides = this.#slides.value?.slides ?? [];
    const slide = slides.find((s) => s.number === this.current) ?? slides[0];
    const ratio = slide?.width && slide?.height ? `${slide.width} / ${slide.height}` : '16 / 9';
    this.renderRoot.querySelectorAll('.slide, .thumb img').forEach((element) => element.style.setProperty('--ratio', ratio));
    const count = this.#count();
    this.renderRoot.querySelector('.track .fill')?.style.setProperty('--progress', `${count ? (this.current / count) * 100 : 0}%`);
    this.renderRoot.querySelectorAll('[data-progress]').forEach((fill) => fill.style.setProperty('--progress', `${fill.dataset.progress}%`));
    if (changed.has('current') || this.#shownSlides !== this.#slides.value) {
      this.#shownSlides = this.#slides.value;
      this.#ahead();
      this.#centerThumb();
    }
  }

  #shownSlides = null;

  /** Scrolls the strip (only the strip, never the page) so that the current slide's thumbnail is in its middle. */
  #centerThumb() {
    const strip = this.renderRoot.querySelector('.strip');
    const thumb = strip?.querySelector('.thumb[aria-current=true]')?.closest('li');
    if (!thumb) return;
    const left = thumb.offsetLeft - (strip.clientWidth - thumb.clientWidth) / 2;
    strip.scrollTo({ left: Math.max(0, left), behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  /** How many slides there are (once they are listed). */
  #count() {
    return this.#slides.value?.slides?.length ?? 0;
  }

  /** Fetches the next and previous slides ahead, so paging shows them at once. */
  #ahead() {
    const slides = this.#slides.value?.slides ?? [];
    [this.current + 1, this.current - 1].map((n) => slides.find((s) => s.number === n)).filter(Boolean)
      .forEach((slide) => { new Image().src = sameOrigin(slide.fullUrl).href; });
  }

  /** A slide's picture did not load: if the signed URLs expired, read them again. */
  #slideFailed() {
    if (Date.parse(this.#slides.value?.urlsExpireAt) <= Date.now()) this.#slides.reload();
  }

  /** Goes to slide `n` (clamped), keeping it in the URL. */
  go(n) {
    const count = this.#count();
    if (!count) return;
    const next = Math.min(Math.max(1, n), count);
    if (next === this.current) return;
    this.current = next;
    const path = `/presentations/${this.params.id}${next > 1 ? `?slide=${next}` : ''}`;
    history.replaceState(null, '', path);
  }

  #keys = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (this.closest('[inert]') || !this.isConnected) return;
    const moves = {
      ArrowRight: () => this.go(this.current + 1), ArrowDown: () => this.go(this.current + 1),
      PageDown: () => this.go(this.current + 1), ArrowLeft: () => this.go(this.current - 1),
      ArrowUp: () => this.go(this.current - 1), PageUp: () => this.go(this.current - 1),
      Home: () => this.go(1), End: () => this.go(Number.MAX_SAFE_INTEGER),
    };
    const onControl = target instanceof HTMLElement && ['BUTTON', 'A'].includes(target.tagName);
    if (event.key === ' ' && !onControl) {
      event.preventDefault();
      this.go(this.current + (event.shiftKey ? -1 : 1));
      return;
    }
    if (!(event.key in moves) || !this.#count()) return;
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !this.renderRoot.activeElement) return; // the page scrolls
    event.preventDefault();
    moves[event.key]();
  };

  #pointerDown(event) {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    this.#swipe = { x: event.clientX, y: event.clientY };
  }

  #pointerUp(event) {
    if (!this.#swipe) return;
    const dx = event.clientX - this.#swipe.x;
    const dy = event.clientY - this.#swipe.y;
    this.#swipe = null;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy) * 1.5) this.go(this.current + (dx < 0 ? 1 : -1));
  }

  #fullscreenChanged = () => {
    this.fullscreen = document.fullscreenElement === this.renderRoot.querySelector('.stage');
  };

  async #toggleFullscreen() {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await this.renderRoot.querySelector('.stage')?.requestFullscreen?.().catch(() => {});
  }

  render() {
    const back = html`<a class="back" href="/library/presentations">${icon('chevronLeft')}Presentations</a>`;
    const { state, value: presentation, error } = this.#presentation;
    if (state === 'failed') {
      return html`${back}${failedState(error?.status === 404 ? 'This presentation is not there'
        : 'This presentation could not be loaded', error, this.#presentation.reload)}`;
    }
    if (state === 'loading' && !presentation) {
      return html`${back}<div aria-hidden="true"><span class="skeleton"></span></div>
        <span class="skeleton slide" aria-hidden="true"></span>
        <span class="visually-hidden" role="status">Loading the presentation…</span>`;
    }
    const count = slideCount(presentation);
    const processing = processingOf(presentation);
    return html`${back}
      <header>
        <div class="eyebrow">Presentation</div>
        <h1 id="presentation-title">${presentation.title}</h1>
        <div class="meta">
          ${count ? html`<span>${plural(count, 'slide')}</span>` : ''}
          ${presentation.createdAt ? html`<span>${new Date(presentation.createdAt).toLocaleDateString(undefined,
            { year: 'numeric', month: 'short', day: 'numeric' })}</span>` : ''}
          ${presentation.category ? html`<span class="pill">${presentation.category}</span>` : ''}
          ${presentation.visibility ? html`<span class="pill">${presentation.visibility}</span>` : ''}
          ${processing.state === 'ready' ? html`<a class="live-link" href="/presentations/${presentation.id}/live">${icon('radio')}${
            presentation.ownerId === session.user?.id ? 'Present live' : 'Live view'}</a>` : ''}
        </div>
      </header>
      ${processing.state === 'ready' ? this.#viewer() : this.#processing(processing)}
      ${presentation.description ? html`<section class="notes card" aria-labelledby="about-title">
        <h2 id="about-title">About</h2><p>${presentation.description}</p></section>` : ''}
      ${this.#delete(presentation)}`;
  }

  #delete(presentation) {
    if (session.user?.id !== presentation.ownerId && !session.isAdmin) return '';
    return html`<encore-confirm-delete class="delete" path="/api/v1/presentations/${presentation.id}" noun="presentation"
      .name=${presentation.title} note="Its slides go too, and nobody can open it or present it live any more."
      @deleted=${() => this.router?.navigate('/library/presentations', { replace: true })}></encore-confirm-delete>`;
  }

  #viewer() {
    const { state, value, error } = this.#slides;
    if (state === 'failed') return failedState('The slides could not be loaded', error, this.#slides.reload);
    if (!value) {
      return html`<div class="viewer" aria-busy="true"><div class="stage"><span class="slide skeleton"></span></div></div>`;
    }
    const count = this.#count();
    if (!count) return this.#processing({ state: 'failed', failureReason: 'This PDF has no pages to show.' });
    const n = this.current;
    const slide = value.slides.find((s) => s.number === n) ?? value.slides[0];
    const text = (slide.text ?? '').trim();
    return html`<section class="viewer" aria-labelledby="presentation-title">
      <div class="stage ${this.fullscreen ? 'fullscreen' : ''}" @pointerdown=${this.#pointerDown}
        @pointerup=${this.#pointerUp} @pointercancel=${() => { this.#swipe = null; }}>
        <div class="slide">
          <img class="under" src=${sameOrigin(slide.thumbUrl).href} alt="" draggable="false">
          <img class="full" src=${sameOrigin(slide.fullUrl).href} draggable="false" @error=${this.#slideFailed}
            alt="Slide ${n} of ${count}${text ? `: ${text.slice(0, 300)}` : ''}">
        </div>
        <button class="nav prev" type="button" aria-label="Previous slide" ?disabled=${n <= 1}
          @click=${() => this.go(n - 1)}>${icon('chevronLeft')}</button>
        <button class="nav next" type="button" aria-label="Next slide" ?disabled=${n >= count}
          @click=${() => this.go(n + 1)}>${icon('chevronRight')}</button>
      </div>
      <div class="bar-row">
        <span class="counter" role="status" aria-live="polite">Slide ${n} <span>of ${count}</span></span>
        <span class="track" aria-hidden="true"><span class="fill"></span></span>
        <span class="tools">
          <button class="tool" type="button" aria-label="Previous" ?disabled=${n <= 1} @click=${() => this.go(n - 1)}>
            ${icon('chevronLeft')}</button>
          <button class="tool" type="button" aria-label="Next" ?disabled=${n >= count} @click=${() => this.go(n + 1)}>
            ${icon('chevronRight')}</button>
          <button class="tool" type="button" aria-label="Full screen" @click=${this.#toggleFullscreen}>
            ${icon('fullscreen')}</button>
        </span>
      </div>
      <ol class="strip" aria-label="Slides">
        ${value.slides.map((item) => html`<li>
          <button class="thumb" type="button" aria-label="Slide ${item.number}" aria-current=${item.number === n ? 'true' : 'false'}
            @click=${() => this.go(item.number)}>
            <img src=${sameOrigin(item.thumbUrl).href} alt="" loading="lazy" decoding="async" draggable="false">
            <span aria-hidden="true">${item.number}</span>
          </button></li>`)}
      </ol>
      ${text ? html`<section class="notes card" aria-labelledby="slide-text-title">
        <h2 id="slide-text-title">On this slide</h2><p>${text}</p></section>` : ''}
    </section>`;
  }

  #processing(processing) {
    if (processing.state === 'processing') {
      const percent = Math.max(0, Math.min(100, Math.round(processing.progress)));
      return html`<section class="processing card" aria-labelledby="rendering-title">
        <div class="processing-head">${icon('slides')}<strong id="rendering-title">Rendering the slides</strong>
          <span class="percent" aria-hidden="true">${percent}%</span></div>
        <div class="progress" role="progressbar" aria-labelledby="rendering-title" aria-valuemin="0" aria-valuemax="100"
          aria-valuenow=${percent}><div class="fill" data-progress=${percent}></div></div>
        <p>Every page of the PDF becomes a slide; they show here when all are ready.</p>
      </section>`;
    }
    return html`<section class="processing card failed" aria-labelledby="rendering-title">
      <div class="processing-head">${icon('alert')}<strong id="rendering-title">The slides could not be made</strong></div>
      <p>${processing.failureReason || 'This PDF has no pages to show.'}</p>
    </section>`;
  }

  /** Follows the rendering: its event stream, or the presentation read every few seconds. */
  #watch(presentation) {
    if (processingOf(presentation).state !== 'processing' || this.#following?.id === presentation.id) return;
    this.#stopWatching();
    const controller = new AbortController();
    this.#following = { id: presentation.id, controller };
    follow(`/api/v1/presentations/${presentation.id}/events`, (name, data) => this.#event(data), controller.signal)
      .then(() => this.#settle(presentation.id), () => !controller.signal.aborted && this.#poll(presentation.id));
  }

  #stopWatching() {
    this.#following?.controller?.abort();
    this.#following = null;
    clearTimeout(this.#pollTimer);
  }

  /** An event of the stream (`{id, state, progress, failureReason}`): the bar moves; an end reads the presentation. */
  #event(data) {
    const presentation = this.#presentation.value;
    if (!presentation || typeof data !== 'object' || !data) return;
    const state = String(data.state ?? 'processing').toLowerCase();
    if (state === 'processing') {
      this.#presentation.show({ ...presentation, processing: { ...presentation.processing, state, progress: data.progress ?? 0 } });
    } else {
      this.#settle(presentation.id);
    }
  }

  async #settle(id) {
    if (!id || this.#following?.id !== id) return;
    try {
      const presentation = await api.get(`/api/v1/presentations/${id}`);
      if (this.#following?.id !== id) return;
      if (processingOf(presentation).state === 'processing') {
        this.#presentation.show(presentation);
        this.#poll(id);
        return;
      }
      this.#stopWatching();
      this.#latest = presentation;
      this.#presentation.show(presentation);
      this.#slides.reload();
    } catch {
      this.#poll(id);
    }
  }

  #poll(id) {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = setTimeout(() => this.#settle(id), POLL_MS);
  }
}

customElements.define('encore-presentation', PresentationPage);
