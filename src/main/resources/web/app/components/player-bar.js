import { LitElement, html, css } from 'lit';
import { player, QUALITIES } from '../core/player.js';
import { icon } from './icons.js';
import { shared } from '../styles/shared.js';
import { clock } from './library-kit.js';
import './cover-art.js';
import { iconButtonStyles } from './player-queue.js';

const SEEK_STEP = 5;

/**
 * The persistent player: the one `<audio>` element (driven by core/player.js), what plays, the
 * transport (previous, play/pause, next), the scrubber, volume and mute, shuffle, repeat, quality,
 * and the queue panel (player-queue.js). It lives in the app's frame, outside the screens, so navigation never stops
 * it. Keyboard: space plays/pauses, ←/→ seek 5 s, shift+←/→ previous/next (not while typing or on a
 * control that uses those keys). On phones the bar is compact; "More controls" shows the rest.
 */
class PlayerBar extends LitElement {
  static properties = {
    queueOpen: { state: true },
    more: { state: true },
    scrubbing: { state: true },
  };

  static styles = [shared, iconButtonStyles, css`
    :host { display: contents; }
    .bar {
      position: fixed; left: 0; right: 0; bottom: 0; z-index: 20;
      display: grid; grid-template-columns: minmax(180px, 1fr) minmax(320px, 2fr) minmax(180px, 1fr);
      align-items: center; gap: var(--space-4); height: var(--player-height); padding: 0 var(--space-4);
      background: color-mix(in srgb, var(--sidebar-bg) 94%, transparent); backdrop-filter: blur(16px);
      border-top: 1px solid var(--border); box-shadow: 0 -8px 24px rgba(0, 0, 0, .06);
    }
    .now { display: flex; align-items: center; gap: var(--space-3); min-width: 0; }
    .now .text { display: grid; min-width: 0; }
    .now .text > * { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .now strong { font-weight: 650; }
    .now .text span { color: var(--text-muted); font-size: .86rem; }
    .art { flex: none; width: 52px; height: 52px; border-radius: var(--radius-s); }
    .center { display: grid; gap: var(--space-1); justify-items: center; min-width: 0; }
    .transport { display: flex; align-items: center; gap: var(--space-2); }
    .right { display: flex; align-items: center; justify-content: flex-end; gap: var(--space-1); min-width: 0; }

    .icon-button[aria-pressed="true"], .icon-button[aria-expanded="true"] { color: var(--accent); }
    .main-button {
      display: grid; place-items: center; width: 44px; height: 44px; border-radius: 50%; border: 0;
      background: var(--text); color: var(--bg-raised); cursor: pointer; transition: transform var(--transition);
    }
    .main-button:hover { transform: scale(1.05); }
    .main-button svg { width: 20px; height: 20px; }
    .main-button.busy { animation: breathe 1s ease-in-out infinite; }
    @keyframes breathe { 50% { opacity: .7; } }

    .scrub { display: grid; grid-template-columns: 44px 1fr 44px; align-items: center; gap: var(--space-2); width: 100%; }
    .time { color: var(--text-muted); font-size: .78rem; font-variant-numeric: tabular-nums; text-align: center; }
    input[type=range] {
      --fill: 0%; appearance: none; -webkit-appearance: none; width: 100%; height: 20px; margin: 0;
      background: transparent; cursor: pointer;
    }
    input[type=range]::-webkit-slider-runnable-track {
      height: 4px; border-radius: 2px;
      background: linear-gradient(to right, var(--accent) var(--fill), var(--border-strong) var(--fill));
    }
    input[type=range]::-moz-range-track { height: 4px; border-radius: 2px; background: var(--border-strong); }
    input[type=range]::-moz-range-progress { height: 4px; border-radius: 2px; background: var(--accent); }
    input[type=range]::-webkit-slider-thumb {
      -webkit-appearance: none; width: 14px; height: 14px; margin-top: -5px; border-radius: 50%;
      background: var(--text); border: 0;
    }
    input[type=range]::-moz-range-thumb { width: 14px; height: 14px; border-radius: 50%; background: var(--text); border: 0; }
    input[type=range]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
    .volume { width: 110px; }
    select {
      min-height: 36px; max-width: 130px; padding: 0 var(--space-2); border-radius: var(--radius);
      border: 1px solid var(--border-strong); background: var(--bg-raised); color: var(--text); font: inherit; font-size: .85rem;
    }
    .error { color: var(--danger); font-size: .8rem; }
    .more-toggle { display: none; }


    @media (max-width: 860px) {
      .bar {
        grid-template-columns: 1fr auto; grid-template-areas: "scrub scrub" "now transport" "extra extra";
        height: auto; min-height: var(--player-height); gap: 0 var(--space-2); padding: var(--space-1) var(--space-2) var(--space-1) var(--space-3);
      }
      .center { display: contents; }
      .scrub { grid-area: scrub; grid-template-columns: 40px 1fr 40px; }
      .now { grid-area: now; }
      .transport { grid-area: transport; gap: 0; }
      .art { width: 40px; height: 40px; }
      .right { display: none; grid-area: extra; justify-content: space-between; padding: var(--space-1) 0; }
      .right.open { display: flex; }
      .more-toggle { display: grid; }
      .volume { width: 90px; }
      .transport .shuffle, .transport .repeat { display: none; }
    }
    @media (min-width: 861px) {
      .right .shuffle-alt, .right .repeat-alt { display: none; }
    }
  `];

  #onChange = () => this.requestUpdate();
  #onKey = (event) => this.#key(event);
  /** Keeps --player-space (the room the frame leaves at the bottom) the bar's real height. */
  #resize = new ResizeObserver((entries) => {
    const height = Math.ceil(entries[0]?.borderBoxSize?.[0]?.blockSize ?? entries[0]?.contentRect.height ?? 0);
    document.documentElement.style.setProperty('--player-space', `${height}px`);
  });
  #observed = null;

  constructor() {
    super();
    this.queueOpen = false;
    this.more = false;
    this.scrubbing = null;
  }

  connectedCallback() {
    super.connectedCallback();
    player.addEventListener('change', this.#onChange);
    document.addEventListener('keydown', this.#onKey);
  }

  disconnectedCallback() {
    player.removeEventListener('change', this.#onChange);
    document.removeEventListener('keydown', this.#onKey);
    this.#resize.disconnect();
    this.#observed = null;
    document.documentElement.style.setProperty('--player-space', '0px');
    super.disconnectedCallback();
  }

  firstUpdated() {
    player.attach(this.renderRoot.querySelector('audio'));
  }

  updated() {
    const seek = this.renderRoot.querySelector('#seek');
    if (seek) seek.style.setProperty('--fill', `${percent(seek.value, seek.max)}%`);
    const volume = this.renderRoot.querySelector('#volume');
    if (volume) volume.style.setProperty('--fill', `${percent(volume.value, 1)}%`);
    // the frame keeps room at the bottom for the bar (sidebar height, content padding): its height
    const bar = this.renderRoot.querySelector('.bar');
    if (bar !== this.#observed) {
      if (this.#observed) this.#resize.unobserve(this.#observed);
      if (bar) this.#resize.observe(bar);
      else document.documentElement.style.setProperty('--player-space', '0px');
      this.#observed = bar;
    }
  }

  render() {
    const track = player.track;
    return html`<audio></audio>${track ? this.#bar(track) : ''}${track && this.queueOpen
      ? html`<encore-player-queue id="queue" @close=${() => this.#toggleQueue(false)}></encore-player-queue>` : ''}`;
  }

  #bar(track) {
    const position = this.scrubbing ?? player.position;
    const duration = player.duration || track.durationMs / 1000;
    const repeatLabel = { off: 'Repeat: off', all: 'Repeat: all', one: 'Repeat: this track' }[player.repeat];
    const shuffle = (extra) => html`<button class="icon-button shuffle${extra}" type="button" aria-label="Shuffle"
      aria-pressed=${player.shuffle ? 'true' : 'false'} title="Shuffle" @click=${() => player.toggleShuffle()}>${icon('shuffle')}</button>`;
    const repeat = (extra) => html`<button class="icon-button repeat${extra}" type="button" aria-label=${repeatLabel}
      aria-pressed=${player.repeat === 'off' ? 'false' : 'true'} title=${repeatLabel}
      @click=${() => player.cycleRepeat()}>${icon(player.repeat === 'one' ? 'repeatOne' : 'repeat')}</button>`;
    return html`<section class="bar" aria-label="Player">
      <div class="now">
        <encore-cover class="art" .src=${track.coverUrl} .label=${track.album || track.title}></encore-cover>
        <div class="text"><strong class="title">${track.title}</strong>
          ${player.error ? html`<span class="error" role="alert">${player.error}</span>`
            : html`<span>${[track.artist, track.album].filter(Boolean).join(' · ')}</span>`}</div>
      </div>
      <div class="center">
        <div class="transport">
          ${shuffle('')}
          <button class="icon-button previous" type="button" aria-label="Previous" title="Previous (shift+←)"
            @click=${() => player.previous()}>${icon('previous')}</button>
          <button class="main-button play-pause ${player.buffering && player.playing ? 'busy' : ''}" type="button"
            aria-label=${player.playing ? 'Pause' : 'Play'} title=${player.playing ? 'Pause (space)' : 'Play (space)'}
            @click=${() => player.toggle()}>${icon(player.playing ? 'pause' : 'play')}</button>
          <button class="icon-button next" type="button" aria-label="Next" title="Next (shift+→)"
            ?disabled=${!player.hasNext} @click=${() => player.next()}>${icon('next')}</button>
          ${repeat('')}
          <button class="icon-button more-toggle" type="button" aria-label="More controls" aria-controls="extras"
            aria-expanded=${this.more ? 'true' : 'false'} @click=${() => { this.more = !this.more; }}>${icon('more')}</button>
        </div>
        <div class="scrub">
          <span class="time" aria-hidden="true">${clock(position)}</span>
          <input id="seek" type="range" min="0" max=${Math.max(1, Math.floor(duration))} step="1"
            .value=${String(Math.floor(position))} aria-label="Seek"
            aria-valuetext=${`${spoken(position)} of ${spoken(duration)}`}
            @input=${(event) => { this.scrubbing = Number(event.target.value); }}
            @change=${(event) => this.#seek(Number(event.target.value))}>
          <span class="time" aria-hidden="true">${clock(duration)}</span>
        </div>
      </div>
      <div id="extras" class="right ${this.more ? 'open' : ''}">
        ${shuffle('-alt')}${repeat('-alt')}
        <label class="visually-hidden" for="quality">Quality</label>
        <select id="quality" title="Quality" @change=${(event) => player.setQuality(event.target.value)}>
          ${QUALITIES.map((q) => html`<option value=${q.value} ?selected=${q.value === player.quality}>${q.label}</option>`)}
        </select>
        <button class="icon-button mute" type="button" aria-label="Mute" aria-pressed=${player.muted ? 'true' : 'false'}
          title=${player.muted ? 'Unmute' : 'Mute'} @click=${() => player.toggleMute()}>${icon(player.muted || player.volume === 0 ? 'mute' : 'volume')}</button>
        <input id="volume" class="volume" type="range" min="0" max="1" step="0.05" .value=${String(player.muted ? 0 : player.volume)}
          aria-label="Volume" aria-valuetext=${`${Math.round((player.muted ? 0 : player.volume) * 100)}%`}
          @input=${(event) => player.setVolume(Number(event.target.value))}>
        <button class="icon-button queue-toggle" type="button" aria-label="Queue" title="Queue" aria-controls="queue"
          aria-expanded=${this.queueOpen ? 'true' : 'false'} @click=${() => this.#toggleQueue()}>${icon('queue')}</button>
      </div>
    </section>`;
  }

  #seek(seconds) {
    this.scrubbing = null;
    player.seek(seconds);
  }

  async #toggleQueue(open = !this.queueOpen) {
    this.queueOpen = open;
    await this.updateComplete;
    const target = this.renderRoot.querySelector(open ? 'encore-player-queue' : '.queue-toggle');
    target?.focus();
  }

  /** The player's shortcuts, unless typing, or on a control that uses the key itself. */
  #key(event) {
    if (!player.track || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (target instanceof Element && (target.isContentEditable
        || target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))) return;
    const onControl = target instanceof Element && target.closest('button, a, [role=button], [role=menuitem], [role=option], [role=slider], [role=listbox]');
    if (event.key === ' ' && !onControl) {
      event.preventDefault();
      player.toggle();
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      if (onControl && target.closest('[role=menuitem], [role=option], [role=slider], [role=listbox]')) return;
      event.preventDefault();
      const forward = event.key === 'ArrowRight';
      if (event.shiftKey) {
        if (forward) player.next(); else player.previous();
      } else {
        player.seek(player.position + (forward ? SEEK_STEP : -SEEK_STEP));
      }
    }
  }
}

function percent(value, max) {
  const total = Number(max) || 1;
  return Math.max(0, Math.min(100, (Number(value) / total) * 100));
}

/** "1 minute 5 seconds", for the scrubber's aria-valuetext. */
function spoken(seconds) {
  const whole = Math.max(0, Math.floor(seconds || 0));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

customElements.define('encore-player-bar', PlayerBar);
