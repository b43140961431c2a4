import { LitElement, html, css } from 'lit';
import { icon } from './icons.js';
import { KINDS, playFound, search } from './search-results.js';
import { shared } from '../styles/shared.js';

const DEBOUNCE_MS = 200;

/**
 * Search as you type, in the app's sidebar: a combobox whose list shows the best matches grouped by
 * kind (ARIA combobox with a listbox: arrows move, Enter opens a result or plays a track, Escape
 * closes). Asks the API 200 ms after the last key, cancelling the question before; the last option
 * opens the full results page (`/search?q=`). `focus()` is what the `/` shortcut calls.
 */
class SearchBox extends LitElement {
  static properties = {
    router: { attribute: false },
    value: { state: true },
    answer: { state: true },
    open: { state: true },
    active: { state: true },
    failed: { state: true },
  };

  static styles = [shared, css`
    :host { position: relative; }
    .box { position: relative; }
    .box svg { position: absolute; left: 12px; top: 50%; width: 18px; height: 18px; transform: translateY(-50%); color: var(--text-faint); pointer-events: none; }
    input {
      width: 100%; min-height: 40px; padding: 0 40px 0 38px; border-radius: 999px;
      border: 1px solid var(--border); background: var(--bg-hover); color: var(--text); font: inherit;
    }
    input::placeholder { color: var(--text-faint); }
    input:focus-visible { outline: none; border-color: var(--focus); background: var(--bg-raised); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
    input::-webkit-search-cancel-button { display: none; }
    kbd {
      position: absolute; right: 10px; top: 50%; transform: translateY(-50%); min-width: 22px; padding: 0 6px;
      border: 1px solid var(--border-strong); border-radius: 6px; color: var(--text-faint); font: 600 .75rem var(--font-mono); text-align: center;
    }
    input:focus ~ kbd { display: none; }
    .popup {
      position: absolute; left: 0; top: calc(100% + 6px); z-index: 20; width: max(100%, 340px); max-height: min(70vh, 560px); overflow: auto;
      padding: var(--space-2); border: 1px solid var(--border); border-radius: var(--radius-l); background: var(--bg-raised); box-shadow: var(--shadow);
    }
    ul { list-style: none; margin: 0; padding: 0; }
    .group-label { padding: var(--space-2) var(--space-3) var(--space-1); color: var(--text-faint); font-size: .72rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
    [role="option"] {
      display: flex; align-items: center; gap: var(--space-3); padding: var(--space-2) var(--space-3); border-radius: var(--radius);
      cursor: pointer; min-width: 0;
    }
    [role="option"]:hover { background: var(--bg-hover); }
    [role="option"][aria-selected="true"] { background: var(--accent-soft); box-shadow: inset 0 0 0 2px var(--focus); }
    .glyph { flex: none; display: grid; place-items: center; width: 32px; height: 32px; border-radius: var(--radius-s); background: var(--bg-hover); color: var(--text-muted); }
    .glyph svg { width: 16px; height: 16px; position: static; transform: none; color: inherit; }
    .text { display: grid; min-width: 0; }
    .text strong, .text span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .text strong { font-weight: 600; }
    .text span { color: var(--text-muted); font-size: .84rem; }
    .all { border-top: 1px solid var(--border); margin-top: var(--space-2); padding-top: var(--space-2); }
    .note { padding: var(--space-3); color: var(--text-muted); }
  `];

  #timer = null;
  #inflight = null;

  constructor() {
    super();
    this.value = '';
    this.answer = null;
    this.open = false;
    this.active = -1;
    this.failed = null;
  }

  focus() {
    this.renderRoot.querySelector('input')?.focus();
  }

  /** Every option, in order: the results of each group, then "all results". */
  #options() {
    if (!this.answer) return [];
    const found = KINDS.flatMap(({ key }) => this.answer.groups[key]);
    return [...found, { kind: 'all', title: `All results for “${this.value.trim()}”`,
      href: `/search?q=${encodeURIComponent(this.value.trim())}` }];
  }

  render() {
    const options = this.#options();
    const expanded = this.open && this.value.trim() !== '';
    return html`<div class="box" role="search">${icon('search')}
      <input type="search" role="combobox" aria-label="Search your library" placeholder="Search" autocomplete="off"
        spellcheck="false" aria-autocomplete="list" aria-controls="search-results" aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && this.active >= 0 ? `search-option-${this.active}` : ''}
        .value=${this.value} @input=${this.#typed} @keydown=${this.#key} @focus=${() => { this.open = true; }}
        @blur=${() => { this.open = false; }}>
      <kbd aria-hidden="true">/</kbd></div>
      <div class="popup" ?hidden=${!expanded}>
        <ul id="search-results" role="listbox" aria-label="Search results">${this.#groups(options)}</ul>
        ${this.answer && options.length === 1 ? html`<p class="note">Nothing found for “${this.value.trim()}”.</p>` : ''}
        ${this.failed ? html`<p class="note">Search is not answering right now${this.failed.requestId
          ? ` (request ${this.failed.requestId})` : ''}.</p>` : ''}
        ${!this.answer && !this.failed ? html`<p class="note">Searching…</p>` : ''}
      </div>
      <span class="visually-hidden" role="status">${expanded && this.answer
        ? `${options.length - 1 ? `${options.length - 1} results` : 'No results'}` : ''}</span>`;
  }

  #groups(options) {
    if (!this.answer) return '';
    let index = 0;
    const entries = KINDS.filter(({ key }) => this.answer.groups[key].length).map(({ key, label }) => html`<li role="presentation">
      <ul role="group" aria-labelledby="group-${key}"><li role="presentation" class="group-label" id="group-${key}">${label}</li>
        ${this.answer.groups[key].map((entry) => this.#option(entry, index++))}</ul></li>`);
    const all = options.at(-1);
    return html`${entries}<li role="presentation" class="all"><ul role="group" aria-label="More">${this.#option(all, index)}</ul></li>`;
  }

  #option(entry, index) {
    const glyph = { track: 'play', artist: 'artists', album: 'albums', video: 'videos', presentation: 'slides', playlist: 'library', all: 'search' }[entry.kind];
    return html`<li role="option" id="search-option-${index}" aria-selected=${index === this.active ? 'true' : 'false'}
      @mousedown=${(event) => event.preventDefault()} @click=${() => this.#choose(entry)}>
      <span class="glyph" aria-hidden="true">${icon(glyph)}</span>
      <span class="text"><strong>${entry.title}</strong>${entry.detail ? html`<span>${entry.detail}</span>` : ''}</span></li>`;
  }

  #typed(event) {
    this.value = event.target.value;
    this.open = true;
    this.active = -1;
    clearTimeout(this.#timer);
    this.#inflight?.abort();
    if (!this.value.trim()) {
      this.answer = null;
      return;
    }
    this.#timer = setTimeout(() => this.#ask(this.value.trim()), DEBOUNCE_MS);
  }

  async #ask(q) {
    const controller = new AbortController();
    this.#inflight = controller;
    try {
      const answer = await search(q, { signal: controller.signal });
      if (this.#inflight !== controller) return;
      this.answer = answer;
      this.failed = null;
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.answer = null;
      this.failed = error;
    }
  }

  #key(event) {
    const options = this.#options();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        this.open = true;
        if (!options.length) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = (this.active + step + options.length + (this.active < 0 && step < 0 ? 1 : 0)) % options.length;
        this.updateComplete.then(() => this.renderRoot.querySelector(`#search-option-${this.active}`)
          ?.scrollIntoView({ block: 'nearest' }));
        break;
      }
      case 'Enter': {
        event.preventDefault();
        const chosen = this.active >= 0 ? options[this.active] : (this.value.trim() ? options.at(-1) : null);
        if (chosen) this.#choose(chosen);
        break;
      }
      case 'Escape':
        if (this.open && this.value) {
          event.preventDefault();
          this.open = false;
          this.active = -1;
        } else {
          this.value = '';
          this.answer = null;
        }
        break;
      default:
    }
  }

  async #choose(entry) {
    this.open = false;
    this.active = -1;
    if (entry.kind === 'track') {
      try {
        await playFound(this, entry);
      } catch (error) {
        this.failed = error;
        this.open = true;
      }
      return;
    }
    this.router?.navigate(entry.href);
  }
}

customElements.define('encore-search-box', SearchBox);
