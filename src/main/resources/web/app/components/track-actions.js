import { LitElement, html, css } from 'lit';
import { playlists } from '../core/playlists.js';
import { icon } from './icons.js';
import { shared } from '../styles/shared.js';

/**
 * `<encore-track-actions .track=${track}>`: a track's menu (a button with aria-haspopup): Play
 * next, Add to queue, Add to playlist… (my playlists, and a new one). Arrow keys move between the
 * items, Escape closes and gives the focus back to the button. What it did is said in a polite
 * live region. The queue is asked through the `encore-play` event (core/player.js).
 */
class TrackActions extends LitElement {
  static properties = {
    track: { attribute: false },
    open: { state: true }, // false, 'main', 'playlists' or 'new'
    lists: { state: true },
    error: { state: true },
    busy: { state: true },
    message: { state: true },
  };

  static styles = [shared, css`
    :host { display: inline-block; }
    .trigger {
      display: grid; place-items: center; width: 36px; height: 36px; border-radius: 50%; border: 0;
      background: transparent; color: var(--text-muted); cursor: pointer;
    }
    .trigger:hover, .trigger[aria-expanded="true"] { background: var(--bg-hover); color: var(--text); }
    .trigger svg { width: 20px; height: 20px; }
    [role=menu] { display: grid; gap: 2px; }
    .menu {
      position: fixed; left: var(--menu-x, 0); top: var(--menu-y, 0); z-index: 30;
      min-width: 230px; max-width: min(300px, calc(100vw - 16px)); max-height: 60vh; overflow: auto;
      padding: var(--space-1); display: grid; gap: 2px; text-align: left;
    }
    .menu [role=menuitem] {
      display: flex; align-items: center; gap: var(--space-3); width: 100%; min-height: 40px; padding: 0 var(--space-3);
      border: 0; border-radius: var(--radius-s); background: transparent; color: var(--text); font: inherit;
      text-align: left; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
    }
    .menu [role=menuitem]:hover, .menu [role=menuitem]:focus-visible { background: var(--bg-hover); outline: none; }
    .menu [role=menuitem]:focus-visible { box-shadow: inset 0 0 0 2px var(--focus); }
    .menu svg { width: 18px; height: 18px; flex: none; color: var(--text-muted); }
    .menu .label { padding: var(--space-2) var(--space-3) var(--space-1); color: var(--text-faint); font-size: .75rem;
      font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
    .menu .note { padding: var(--space-2) var(--space-3); color: var(--text-muted); font-size: .88rem; }
    .menu form { display: grid; gap: var(--space-2); padding: var(--space-2); }
    .menu form .button { min-height: 38px; }
    .new-playlist { border-top: 1px solid var(--border) !important; border-radius: 0 !important; }
    .toast {
      position: fixed; left: 50%; bottom: calc(var(--player-space, 0px) + var(--space-4)); z-index: 40; transform: translateX(-50%);
      padding: var(--space-2) var(--space-4); border-radius: 999px; background: var(--text); color: var(--bg-raised);
      font-weight: 600; font-size: .9rem; box-shadow: var(--shadow); white-space: nowrap;
    }
    .toast:empty { display: none; }
  `];

  #timer = 0;
  #outside = (event) => {
    if (!event.composedPath().includes(this)) this.#close(false);
  };

  constructor() {
    super();
    this.track = null;
    this.open = false;
    this.lists = null;
    this.error = null;
    this.busy = false;
    this.message = '';
  }

  disconnectedCallback() {
    document.removeEventListener('pointerdown', this.#outside, true);
    clearTimeout(this.#timer);
    super.disconnectedCallback();
  }

  render() {
    const title = this.track?.title ?? 'track';
    return html`<button class="trigger" type="button" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu" aria-label=${`More actions for ${title}`} title="More actions"
        @click=${() => (this.open ? this.#close() : this.#show('main'))} @keydown=${this.#triggerKey}>${icon('more')}</button>
      ${this.open ? html`<div class="menu card" @keydown=${this.#menuKey}>${this.#items(title)}</div>` : ''}
      <div class="toast" role="status" aria-live="polite">${this.message}</div>`;
  }

  #items(title) {
    if (this.open === 'main') {
      return html`<div id="menu" role="menu" aria-label=${`Actions for ${title}`}>
        <button role="menuitem" type="button" class="play-next" @click=${() => this.#queue('next')}>${icon('playNext')}Play next</button>
        <button role="menuitem" type="button" class="add-to-queue" @click=${() => this.#queue('queue')}>${icon('queue')}Add to queue</button>
        <button role="menuitem" type="button" class="add-to-playlist" @click=${() => this.#show('playlists')}>${icon('playlist')}Add to playlist…</button></div>`;
    }
    if (this.open === 'new') {
      return html`<form @submit=${this.#create}>
        <div class="field"><label for="new-name">Playlist name</label>
          <input id="new-name" name="name" required maxlength="100" autocomplete="off"></div>
        <button class="button primary" type="submit" ?disabled=${this.busy}>Create and add</button>
        ${this.error ? html`<span class="note" role="alert">${this.error.title}</span>` : ''}
      </form>`;
    }
    const lists = this.lists;
    return html`<div class="label" aria-hidden="true">Add to playlist</div>
      ${lists === null && !this.error ? html`<div class="note" role="status">Loading your playlists…</div>` : ''}
      ${this.error ? html`<div class="note" role="alert">${this.error.title}</div>` : ''}
      <div id="menu" role="menu" aria-label=${`Add ${title} to a playlist`}>
        ${(lists ?? []).map((playlist) => html`<button role="menuitem" type="button" class="playlist"
          ?disabled=${this.busy} @click=${() => this.#add(playlist)}>${icon('playlist')}${playlist.name}</button>`)}
        <button role="menuitem" type="button" class="new-playlist" @click=${() => this.#show('new')}>${icon('plus')}New playlist</button>
      </div>`;
  }

  async #show(what) {
    this.open = what;
    this.error = null;
    document.addEventListener('pointerdown', this.#outside, true);
    await this.updateComplete;
    this.#place();
    const first = this.renderRoot.querySelector('.menu [role=menuitem], .menu input');
    first?.focus();
    if (what === 'playlists') {
      try {
        this.lists = await playlists.load();
      } catch (error) {
        this.error = error;
      }
      await this.updateComplete;
      this.#place();
      if (this.open === 'playlists') this.renderRoot.querySelector('.menu [role=menuitem]')?.focus();
    }
  }

  /** Below the button, or above it when there is no room, inside the window. */
  #place() {
    const menu = this.renderRoot.querySelector('.menu');
    const trigger = this.renderRoot.querySelector('.trigger');
    if (!menu || !trigger) return;
    const at = trigger.getBoundingClientRect();
    const size = menu.getBoundingClientRect();
    const room = window.innerHeight - at.bottom;
    const top = room > size.height + 8 ? at.bottom + 4 : Math.max(8, at.top - size.height - 4);
    const left = Math.min(Math.max(8, at.right - size.width), window.innerWidth - size.width - 8);
    menu.style.setProperty('--menu-x', `${left}px`);
    menu.style.setProperty('--menu-y', `${top}px`);
  }

  #close(focus = true) {
    this.open = false;
    this.busy = false;
    document.removeEventListener('pointerdown', this.#outside, true);
    if (focus) this.renderRoot.querySelector('.trigger')?.focus();
  }

  #queue(mode) {
    window.dispatchEvent(new CustomEvent('encore-play', { detail: { tracks: [this.track], index: 0, mode } }));
    this.#close();
    this.#say(mode === 'next' ? `${this.track.title} plays next` : `${this.track.title} added to the queue`);
  }

  async #add(playlist) {
    this.busy = true;
    try {
      await playlists.add(playlist.id, this.track.id);
      this.#close();
      this.#say(`Added to ${playlist.name}`);
    } catch (error) {
      this.busy = false;
      this.error = error;
    }
  }

  async #create(event) {
    event.preventDefault();
    const name = new FormData(event.target).get('name').trim();
    if (!name) return;
    this.busy = true;
    try {
      const created = await playlists.create({ name });
      await this.#add(created);
    } catch (error) {
      this.busy = false;
      this.error = error;
    }
  }

  #say(message) {
    this.message = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => { this.message = ''; }, 3500);
  }

  #triggerKey = (event) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !this.open) {
      event.preventDefault();
      this.#show('main');
    }
  };

  #menuKey = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#close();
      return;
    }
    if (event.key === 'Tab') {
      this.#close(false);
      return;
    }
    const items = [...this.renderRoot.querySelectorAll('.menu [role=menuitem]:not([disabled])')];
    const at = items.indexOf(this.renderRoot.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined || items.length === 0 || at < 0 && event.target.tagName === 'INPUT') return;
    event.preventDefault();
    event.stopPropagation();
    items[(to + items.length) % items.length].focus();
  };
}

customElements.define('encore-track-actions', TrackActions);
