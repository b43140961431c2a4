import { LitElement, html, css, nothing } from 'lit';
import { sameOrigin } from '../core/links.js';
import { icon } from './icons.js';
import { clock } from './library-kit.js';
import { shared } from '../styles/shared.js';

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/**
 * The video player of a video's page (`<encore-video-player .video=${videoView}>`).
 *
 * What it plays: once the video is processed (`processing.state` is `ready`), its HLS ladder from
 * the signed `hlsUrl` through hls.js wherever MediaSource works (imported here on first use — it is
 * big: no other screen loads it — with no worker, so the page's CSP needs no `blob:` script source;
 * MediaSource itself is a `blob:` media source, which it allows), and natively where it does not
 * but the browser says it plays HLS (iPhone Safari). hls.js comes first because it offers the
 * quality menu, and because `canPlayType` no longer means Safari: Chromium answers "maybe" too.
 * Before that, and where neither works, the original file from `streamUrl`. Every URL is loaded
 * from this page's origin (`sameOrigin`), signed, with no token.
 *
 * Its own controls: play, a seek bar that shows storyboard previews (the WebVTT of `storyboardUrl`:
 * each cue's time range points at a region `#xywh=` of a sprite sheet) while it is hovered or
 * dragged, the time, mute and volume, a quality menu (Auto and each rendition hls.js found in the
 * master playlist), fullscreen, and keys: Space/K play or pause, ←/→ 5 s, J/L 10 s, M mute, F
 * fullscreen. The poster shows until the first frame.
 *
 * A changed `video` (a fresh stream URL after one expired, or processing that just finished) is
 * attached again where it was, playing if it was. A dead source fires `encore-video-expired`
 * when its URL has expired, so the page reads the video again.
 */
class VideoPlayer extends LitElement {
  static properties = {
    video: { attribute: false },
    mode: { state: true },
    playing: { state: true },
    started: { state: true },
    waiting: { state: true },
    time: { state: true },
    length: { state: true },
    muted: { state: true },
    volume: { state: true },
    levels: { state: true },
    level: { state: true },
    playingLevel: { state: true },
    menuOpen: { state: true },
    preview: { state: true },
    fullscreen: { state: true },
    idle: { state: true },
  };

  static styles = [shared, css`
    :host { display: block; }
    .stage {
      position: relative; background: #000; border-radius: var(--radius-l); overflow: hidden; box-shadow: var(--shadow);
      aspect-ratio: 16 / 9; max-height: 72vh; width: 100%; color: #fff; isolation: isolate;
    }
    .stage.fullscreen { border-radius: 0; max-height: none; height: 100%; aspect-ratio: auto; }
    .stage.idle { cursor: none; }
    video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; background: #000; }
    .big-play {
      position: absolute; inset: 0; margin: auto; width: 76px; height: 76px; border-radius: 50%; border: 0;
      display: grid; place-items: center; background: rgba(0, 0, 0, .55); color: #fff; cursor: pointer;
      backdrop-filter: blur(6px); transition: transform var(--transition), background var(--transition); z-index: 2;
    }
    .big-play:hover { transform: scale(1.06); background: var(--accent); }
    .big-play svg { width: 34px; height: 34px; margin-left: 4px; }
    .spinner {
      position: absolute; inset: 0; margin: auto; width: 48px; height: 48px; border-radius: 50%; z-index: 1;
      border: 4px solid rgba(255, 255, 255, .25); border-top-color: #fff; animation: spin .9s linear infinite;
    }
    @keyframes spin { to { transform: rotate(360deg); } }
    @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }

    .controls {
      position: absolute; left: 0; right: 0; bottom: 0; z-index: 3; padding: var(--space-6) var(--space-3) var(--space-2);
      background: linear-gradient(to top, rgba(0, 0, 0, .78), rgba(0, 0, 0, .35) 60%, transparent);
      transition: opacity 240ms ease;
    }
    .stage.idle .controls { opacity: 0; }
    .row { display: flex; align-items: center; gap: var(--space-1); }
    .row .time { margin: 0 var(--space-2); font-size: .88rem; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .row .spacer { flex: 1; }
    .control {
      display: inline-grid; place-items: center; width: 40px; height: 40px; border-radius: 50%; border: 0;
      background: transparent; color: #fff; cursor: pointer; font: inherit; transition: background var(--transition);
    }
    .control:hover { background: rgba(255, 255, 255, .16); }
    .control svg { width: 22px; height: 22px; }
    .control:focus-visible, .seek:focus-visible, .volume:focus-visible, .menu button:focus-visible {
      outline: 2px solid #fff; outline-offset: 1px;
    }
    .quality-button { width: auto; padding: 0 var(--space-2); gap: var(--space-1); grid-auto-flow: column; border-radius: 999px; }
    .quality-button .label { font-size: .8rem; font-weight: 700; white-space: nowrap; }
    .hd { font-size: .62rem; font-weight: 800; background: var(--accent); color: #fff; border-radius: 3px; padding: 0 3px; line-height: 1.4; }

    .scrub { position: relative; height: 22px; display: flex; align-items: center; }
    input[type=range] { -webkit-appearance: none; appearance: none; background: transparent; margin: 0; cursor: pointer; }
    .seek { width: 100%; height: 22px; --played: 0%; --buffered: 0%; }
    .seek::-webkit-slider-runnable-track {
      height: 4px; border-radius: 2px; transition: height 120ms ease;
      background: linear-gradient(to right, var(--accent) 0 var(--played), rgba(255, 255, 255, .5) var(--played) var(--buffered), rgba(255, 255, 255, .25) var(--buffered));
    }
    .scrub:hover .seek::-webkit-slider-runnable-track { height: 6px; }
    .seek::-webkit-slider-thumb { -webkit-appearance: none; width: 14px; height: 14px; margin-top: -5px; border-radius: 50%; background: var(--accent); border: 0; }
    .scrub:hover .seek::-webkit-slider-thumb { margin-top: -4px; }
    .seek::-moz-range-track { height: 4px; border-radius: 2px; background: linear-gradient(to right, var(--accent) 0 var(--played), rgba(255, 255, 255, .5) var(--played) var(--buffered), rgba(255, 255, 255, .25) var(--buffered)); }
    .seek::-moz-range-thumb { width: 14px; height: 14px; border-radius: 50%; background: var(--accent); border: 0; }
    .volume { width: 84px; height: 22px; --level: 100%; }
    .volume::-webkit-slider-runnable-track { height: 4px; border-radius: 2px; background: linear-gradient(to right, #fff 0 var(--level), rgba(255, 255, 255, .3) var(--level)); }
    .volume::-webkit-slider-thumb { -webkit-appearance: none; width: 12px; height: 12px; margin-top: -4px; border-radius: 50%; background: #fff; }
    .volume::-moz-range-track { height: 4px; background: rgba(255, 255, 255, .3); }
    .volume::-moz-range-thumb { width: 12px; height: 12px; border-radius: 50%; background: #fff; border: 0; }

    .preview {
      position: absolute; bottom: 28px; left: 0; display: grid; justify-items: center; gap: 4px; pointer-events: none;
      transform: translateX(-50%); z-index: 4;
    }
    .preview .frame {
      border: 2px solid #fff; border-radius: var(--radius-s); background-color: #000; background-repeat: no-repeat;
      box-shadow: 0 6px 20px rgba(0, 0, 0, .5);
    }
    .preview .at {
      padding: 1px 8px; border-radius: 999px; background: rgba(0, 0, 0, .78); font-size: .82rem; font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .quality { position: relative; }
    .menu {
      position: absolute; right: 0; bottom: calc(100% + 8px); min-width: 190px; padding: var(--space-2) 0; margin: 0;
      background: rgba(20, 20, 24, .94); border-radius: var(--radius); box-shadow: 0 12px 32px rgba(0, 0, 0, .5);
      backdrop-filter: blur(8px); z-index: 5;
    }
    .menu .title { padding: var(--space-1) var(--space-4) var(--space-2); font-size: .75rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: rgba(255, 255, 255, .7); }
    .menu button {
      display: flex; align-items: center; gap: var(--space-2); width: 100%; min-height: 38px; padding: 0 var(--space-4);
      border: 0; background: transparent; color: #fff; font: inherit; font-size: .92rem; text-align: left; cursor: pointer;
    }
    .menu button:hover, .menu button:focus-visible { background: rgba(255, 255, 255, .12); outline-offset: -2px; }
    .menu .tick { width: 18px; height: 18px; display: grid; place-items: center; }
    .menu .tick svg { width: 16px; height: 16px; }
    .menu .detail { margin-left: auto; color: rgba(255, 255, 255, .6); font-size: .8rem; font-variant-numeric: tabular-nums; }

    @media (max-width: 860px) {
      .stage { border-radius: var(--radius); }
      .controls { padding: var(--space-5) var(--space-1) 0; }
      .volume { display: none; }
      .quality-button .auto { display: none; }
      .control { width: 38px; height: 38px; }
      .control.quality-button { width: auto; }
      .row .time { font-size: .8rem; margin: 0 var(--space-1); }
    }
  `];

  #hls = null;
  #source = '';
  #run = 0;
  #cues = [];
  #storyboard = '';
  #scrubbing = false;
  #idleTimer = 0;
  #recoveries = 0;

  constructor() {
    super();
    this.video = null;
    this.mode = '';
    this.playing = false;
    this.started = false;
    this.waiting = false;
    this.time = 0;
    this.length = 0;
    this.muted = false;
    this.volume = 1;
    this.levels = [];
    this.level = -1;
    this.playingLevel = -1;
    this.menuOpen = false;
    this.preview = null;
    this.fullscreen = false;
    this.idle = false;
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.#fullscreenChanged);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.#fullscreenChanged);
    clearTimeout(this.#idleTimer);
    this.#detach();
  }

  get #media() {
    return this.renderRoot?.querySelector('video');
  }

  /** The `<video>` element (for the page and tests). */
  get media() {
    return this.#media;
  }

  updated(changed) {
    if (changed.has('video') && this.video) {
      this.#attach();
      this.#loadStoryboard();
    }
    const seek = this.renderRoot.querySelector('.seek');
    if (seek) {
      seek.style.setProperty('--played', `${this.length ? (this.time / this.length) * 100 : 0}%`);
      seek.style.setProperty('--buffered', `${this.#bufferedPercent()}%`);
    }
    this.renderRoot.querySelector('.volume')?.style.setProperty('--level', `${this.muted ? 0 : this.volume * 100}%`);
    const frame = this.renderRoot.querySelector('.preview .frame');
    const at = this.renderRoot.querySelector('.preview');
    if (this.preview && at) {
      at.style.setProperty('left', `${this.preview.x}px`);
      if (frame && this.preview.cue) {
        const { cue } = this.preview;
        const scale = Math.min(1, this.#previewWidth() / cue.w);
        frame.style.setProperty('width', `${Math.round(cue.w * scale)}px`);
        frame.style.setProperty('height', `${Math.round(cue.h * scale)}px`);
        frame.style.setProperty('background-image', `url("${cue.src}")`);
        frame.style.setProperty('background-size', cue.sheet ? `${cue.sheet.w * scale}px ${cue.sheet.h * scale}px` : 'auto');
        frame.style.setProperty('background-position', `-${cue.x * scale}px -${cue.y * scale}px`);
      }
    }
  }

  /** Which source the video plays now: the HLS ladder once ready, else the original. */
  async #attach() {
    const video = this.video;
    const ready = video.processing?.state === 'ready' && video.hlsUrl;
    const url = sameOrigin(ready ? video.hlsUrl : video.streamUrl).href;
    if (url === this.#source) return;
    const media = this.#media;
    const run = ++this.#run;
    const resumeAt = this.#source ? media.currentTime : 0;
    const resume = this.#source && !media.paused;
    this.#detach();
    this.#source = url;
    this.#recoveries = 0;
    const native = ready && media.canPlayType(HLS_TYPE) !== '';
    if (ready && 'MediaSource' in window) {
      const { default: Hls } = await import('hls.js');
      if (run !== this.#run) return;
      if (Hls.isSupported()) {
        this.mode = 'hls';
        this.#startHls(Hls, url, resumeAt);
      } else {
        this.mode = native ? 'native' : 'original';
        media.src = native ? url : sameOrigin(video.streamUrl).href;
      }
    } else if (native) {
      this.mode = 'native';
      media.src = url;
    } else {
      this.mode = 'original';
      media.src = url;
    }
    if (resumeAt > 0 && this.mode !== 'hls') {
      media.addEventListener('loadedmetadata', () => { media.currentTime = resumeAt; }, { once: true });
    }
    if (resume) media.play().catch(() => {});
  }

  #startHls(Hls, url, startPosition) {
    const hls = new Hls({
      enableWorker: false, // no blob: worker for the CSP
      capLevelToPlayerSize: true,
      startPosition: startPosition > 0 ? startPosition : -1,
      debug: false,
    });
    this.#hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      this.levels = hls.levels.map((level, index) => ({ index, width: level.width, height: level.height,
        bitrate: level.bitrate, label: levelLabel(level) })).filter((level) => level.height > 0);
      this.level = hls.manualLevel ?? -1;
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (event, data) => {
      this.playingLevel = data.level;
    });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (!data.fatal) return;
      if (this.#expired()) {
        this.#announceExpiry();
      } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.#recoveries++ < 2) {
        hls.recoverMediaError();
      } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && this.#recoveries++ < 3) {
        hls.startLoad();
      } else { // the ladder does not play here: the original does
        this.#detach();
        this.mode = 'original';
        this.#media.src = sameOrigin(this.video.streamUrl).href;
      }
    });
    hls.loadSource(url);
    hls.attachMedia(this.#media);
  }

  #detach() {
    if (this.#hls) {
      this.#hls.destroy();
      this.#hls = null;
    }
    this.levels = [];
    this.level = -1;
    this.playingLevel = -1;
    this.menuOpen = false;
  }

  #expired() {
    return Date.parse(this.video?.streamUrlExpiresAt) <= Date.now();
  }

  #announceExpiry() {
    this.dispatchEvent(new CustomEvent('encore-video-expired', { bubbles: true, composed: true }));
  }

  #mediaError() {
    if (this.mode !== 'hls' && this.#expired()) this.#announceExpiry();
  }

  /** The storyboard's cues: times → a region of a sprite sheet (absolute URLs on this origin). */
  async #loadStoryboard() {
    const url = this.video.processing?.state === 'ready' && this.video.storyboardUrl
      ? sameOrigin(this.video.storyboardUrl).href : '';
    if (url === this.#storyboard) return;
    this.#storyboard = url;
    this.#cues = [];
    if (!url) return;
    try {
      const response = await fetch(url, { credentials: 'omit', cache: 'no-store' });
      if (!response.ok || this.#storyboard !== url) return;
      this.#cues = parseStoryboard(await response.text(), url);
      this.#measureSheets();
    } catch {
      // no previews: the seek bar still works
    }
  }

  /** Each sprite sheet's size, for previews drawn smaller than the tiles. */
  #measureSheets() {
    const sheets = new Map();
    for (const cue of this.#cues) {
      if (!sheets.has(cue.src)) {
        const sheet = { w: 0, h: 0 };
        sheets.set(cue.src, sheet);
        const image = new Image();
        image.onload = () => { sheet.w = image.naturalWidth; sheet.h = image.naturalHeight; };
        image.src = cue.src;
      }
      cue.sheet = sheets.get(cue.src);
    }
  }

  #previewWidth() {
    return this.getBoundingClientRect().width < 500 ? 128 : 176;
  }

  // --- media events

  #timeUpdate = () => {
    if (!this.#scrubbing) this.time = this.#media.currentTime;
  };

  #metadata = () => {
    this.length = Number.isFinite(this.#media.duration) ? this.#media.duration : (this.video?.durationMs ?? 0) / 1000;
  };

  #played = () => {
    this.playing = true;
    this.started = true;
    this.#wake();
  };

  #paused = () => {
    this.playing = false;
    this.idle = false;
  };

  #volumeChanged = () => {
    this.muted = this.#media.muted;
    this.volume = this.#media.volume;
  };

  #fullscreenChanged = () => {
    this.fullscreen = document.fullscreenElement === this;
  };

  // --- controls

  toggle() {
    const media = this.#media;
    if (media.paused) media.play().catch(() => {});
    else media.pause();
  }

  #seekBy(seconds) {
    const media = this.#media;
    media.currentTime = Math.min(Math.max(0, media.currentTime + seconds), this.length || media.duration || 0);
    this.time = media.currentTime;
  }

  #scrubInput(event) {
    this.#scrubbing = true;
    this.time = Number(event.target.value);
    this.#showPreview(this.time);
  }

  #scrubChange(event) {
    this.#scrubbing = false;
    this.#media.currentTime = Number(event.target.value);
    this.time = this.#media.currentTime;
  }

  #hover(event) {
    if (!this.length) return;
    const bar = event.currentTarget.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - bar.left) / bar.width));
    this.#showPreview(fraction * this.length, event.clientX - bar.left);
  }

  #showPreview(time, x) {
    const scrub = this.renderRoot.querySelector('.scrub');
    if (!scrub || !this.length) return;
    const width = scrub.getBoundingClientRect().width;
    const at = x ?? (time / this.length) * width;
    const half = this.#cues.length ? this.#previewWidth() / 2 + 2 : 30;
    this.preview = { time, x: Math.min(Math.max(at, half), Math.max(half, width - half)), cue: cueAt(this.#cues, time) };
  }

  #hidePreview() {
    if (!this.#scrubbing) this.preview = null;
  }

  #mute() {
    this.#media.muted = !this.#media.muted;
  }

  #setVolume(event) {
    this.#media.volume = Number(event.target.value);
    this.#media.muted = this.#media.volume === 0;
  }

  #chooseLevel(index) {
    if (this.#hls) {
      this.#hls.currentLevel = index; // -1: automatic
      this.level = index;
    }
    this.menuOpen = false;
    this.renderRoot.querySelector('.quality-button')?.focus();
  }

  async #toggleMenu() {
    this.menuOpen = !this.menuOpen;
    if (this.menuOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector('.menu [aria-checked=true]')?.focus();
    }
  }

  #menuKeys(event) {
    const items = [...this.renderRoot.querySelectorAll('.menu [role=menuitemradio]')];
    const index = items.indexOf(this.renderRoot.activeElement);
    const moves = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      items[(index + moves[event.key] + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      this.menuOpen = false;
      if (event.key === 'Escape') this.renderRoot.querySelector('.quality-button')?.focus();
    }
    event.stopPropagation();
  }

  async #toggleFullscreen() {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await this.requestFullscreen?.().catch(() => {});
  }

  #keys(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const onRange = event.target?.matches?.('input[type=range]');
    const onButton = event.target?.matches?.('button');
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const actions = {
      ' ': () => this.toggle(), k: () => this.toggle(), m: () => this.#mute(), f: () => this.#toggleFullscreen(),
      j: () => this.#seekBy(-10), l: () => this.#seekBy(10),
      ArrowLeft: () => this.#seekBy(-5), ArrowRight: () => this.#seekBy(5),
    };
    if (!(key in actions)) return;
    if ((onRange && key.startsWith('Arrow')) || (onButton && key === ' ')) return;
    event.preventDefault();
    actions[key]();
    this.#wake();
  }

  /** Shows the controls; while playing they hide after a moment without a move. */
  #wake() {
    this.idle = false;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      const focused = this.renderRoot.activeElement;
      if (this.playing && !this.menuOpen && !this.preview && !focused?.matches('.seek, .volume')) this.idle = true;
    }, 2800);
  }

  #bufferedPercent() {
    const media = this.#media;
    if (!media || !this.length) return 0;
    const { buffered } = media;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) <= media.currentTime + 0.5 && buffered.end(i) >= media.currentTime) {
        return Math.min(100, (buffered.end(i) / this.length) * 100);
      }
    }
    return 0;
  }

  render() {
    const video = this.video;
    const ready = video?.processing?.state === 'ready';
    const poster = ready && video.posterUrl ? sameOrigin(video.posterUrl).href : undefined;
    const title = video?.title ?? '';
    const current = this.levels.find((level) => level.index === this.playingLevel);
    const qualityLabel = this.level >= 0 ? this.levels.find((level) => level.index === this.level)?.label ?? 'Auto' : 'Auto';
    const shown = this.level >= 0 ? this.levels.find((level) => level.index === this.level) : current;
    const hd = Math.min(shown?.width ?? 0, shown?.height ?? 0) >= 720;
    return html`<div class="stage ${this.fullscreen ? 'fullscreen' : ''} ${this.idle ? 'idle' : ''}" data-mode=${this.mode}
        @keydown=${this.#keys} @pointermove=${this.#wake} @pointerdown=${this.#wake}>
      <video playsinline preload="metadata" poster=${poster ?? nothing} aria-label=${title}
        @click=${this.toggle} @dblclick=${this.#toggleFullscreen}
        @play=${this.#played} @pause=${this.#paused} @ended=${this.#paused}
        @timeupdate=${this.#timeUpdate} @progress=${() => this.requestUpdate()} @loadedmetadata=${this.#metadata}
        @durationchange=${this.#metadata} @waiting=${() => { this.waiting = true; }}
        @playing=${() => { this.waiting = false; }} @canplay=${() => { this.waiting = false; }}
        @seeked=${() => { this.waiting = false; }}
        @volumechange=${this.#volumeChanged} @error=${this.#mediaError}></video>
      ${this.waiting && this.started ? html`<span class="spinner" role="status" aria-label="Loading"></span>` : ''}
      ${this.started ? '' : html`<button class="big-play" type="button" aria-label="Play ${title}" @click=${this.toggle}>
        ${icon('play')}</button>`}
      <div class="controls">
        <div class="scrub" @pointermove=${this.#hover} @pointerleave=${this.#hidePreview}>
          ${this.preview ? html`<div class="preview" aria-hidden="true">
            ${this.preview.cue ? html`<div class="frame"></div>` : ''}
            <span class="at">${clock(this.preview.time)}</span></div>` : ''}
          <input class="seek" type="range" min="0" max=${this.length || 0} step="any" .value=${String(this.time)}
            aria-label="Seek" aria-valuetext="${clock(this.time)} of ${clock(this.length)}"
            @input=${this.#scrubInput} @change=${this.#scrubChange}
            @pointerup=${() => { this.#scrubbing = false; this.preview = null; }}
            @blur=${() => { this.preview = null; }}>
        </div>
        <div class="row">
          <button class="control play" type="button" aria-label=${this.playing ? 'Pause' : 'Play'} @click=${this.toggle}>
            ${icon(this.playing ? 'pause' : 'play')}</button>
          <button class="control mute" type="button" aria-label=${this.muted ? 'Unmute' : 'Mute'} @click=${this.#mute}>
            ${icon(this.muted ? 'mute' : 'volume')}</button>
          <input class="volume" type="range" min="0" max="1" step="0.05" .value=${String(this.muted ? 0 : this.volume)}
            aria-label="Volume" @input=${this.#setVolume}>
          <span class="time"><span class="visually-hidden">Time </span>${clock(this.time)} / ${clock(this.length)}</span>
          <span class="spacer"></span>
          ${this.levels.length ? html`<div class="quality" @keydown=${this.menuOpen ? this.#menuKeys : null}>
            <button class="control quality-button" type="button" aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'}
              aria-controls="quality-menu" aria-label="Quality: ${qualityLabel}${this.level < 0 && current ? ` (${current.label})` : ''}"
              @click=${this.#toggleMenu}>${icon('settings')}<span class="label">${this.level < 0 && current
                ? html`<span class="auto">Auto · </span>${current.label}` : qualityLabel}</span>${hd ? html`<span class="hd">HD</span>` : ''}</button>
            ${this.menuOpen ? html`<div class="menu">
              <div class="title" aria-hidden="true">Quality</div>
              <div id="quality-menu" role="menu" aria-label="Quality">${[{ index: -1, label: 'Auto', detail: current ? current.label : '' },
                ...[...this.levels].sort((a, b) => b.height * b.width - a.height * a.width || b.bitrate - a.bitrate)
                  .map((level) => ({ ...level, detail: kbps(level.bitrate) }))]
                .map((item) => html`<button type="button" role="menuitemradio" aria-checked=${item.index === this.level ? 'true' : 'false'}
                  tabindex="-1" data-level=${item.index} @click=${() => this.#chooseLevel(item.index)}>
                  <span class="tick">${item.index === this.level ? icon('check') : ''}</span>${item.label}
                  <span class="detail">${item.detail}</span></button>`)}</div>
            </div>` : ''}
          </div>` : ''}
          <button class="control" type="button" aria-label=${this.fullscreen ? 'Exit full screen' : 'Full screen'}
            @click=${this.#toggleFullscreen}>${icon(this.fullscreen ? 'exitFullscreen' : 'fullscreen')}</button>
        </div>
      </div>
    </div>`;
  }
}

/** `720p` from a level's size (its short side, so a portrait 720×1280 is 720p too). */
function levelLabel(level) {
  const short = Math.min(level.width || level.height, level.height || level.width);
  return short ? `${short}p` : `${Math.round(level.bitrate / 1000)} kbps`;
}

function kbps(bitrate) {
  if (!bitrate) return '';
  return bitrate >= 1e6 ? `${(bitrate / 1e6).toFixed(1)} Mbps` : `${Math.round(bitrate / 1000)} kbps`;
}

/**
 * The cues of a storyboard WebVTT: `{start, end, src, x, y, w, h}` with `src` resolved against the
 * VTT's own URL (sprites are relative to it) and the region from the `#xywh=` fragment.
 */
export function parseStoryboard(text, base) {
  const cues = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => line.includes('-->'));
    if (at < 0 || !lines[at + 1]) continue;
    const [start, end] = lines[at].split('-->').map((part) => seconds(part.trim().split(/\s+/)[0]));
    const target = new URL(lines[at + 1].trim(), base);
    const region = /xywh=(?:pixel:)?(\d+),(\d+),(\d+),(\d+)/.exec(target.hash);
    target.hash = '';
    if (!region || !Number.isFinite(start) || !Number.isFinite(end)) continue;
    const [x, y, w, h] = region.slice(1).map(Number);
    cues.push({ start, end, src: target.href, x, y, w, h });
  }
  return cues;
}

function seconds(stamp) {
  const parts = stamp.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function cueAt(cues, time) {
  if (!cues.length) return null;
  return cues.find((cue) => time >= cue.start && time < cue.end) ?? (time >= cues.at(-1).end ? cues.at(-1) : cues[0]);
}

customElements.define('encore-video-player', VideoPlayer);
