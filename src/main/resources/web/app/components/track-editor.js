import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from './icons.js';
import { problemAlert } from './problem-alert.js';
import { trackChanges } from '../core/track-changes.js';
import { shared } from '../styles/shared.js';
import './confirm-delete.js';

const TEXT_FIELDS = [
  { name: 'title', label: 'Title', max: 255 },
  { name: 'artist', label: 'Artist', max: 255 },
  { name: 'album', label: 'Album', max: 255, optional: true },
  { name: 'genre', label: 'Genre', max: 50, optional: true },
];

const VISIBILITIES = [
  { value: 'private', label: 'Private', hint: 'Only you' },
  { value: 'unlisted', label: 'Unlisted', hint: 'Anyone with the link, not listed' },
  { value: 'public', label: 'Public', hint: 'Everyone on this server' },
];

/**
 * Edits a track's metadata and visibility in a modal dialog: `open(track)` shows it filled in;
 * Save sends `PATCH /api/v1/tracks/{id}` with `If-Match` (the version read), shows the API's field
 * errors under their fields, and on success dispatches `saved` with the track as it now is. A 412
 * (someone changed it elsewhere) says so and offers to load the latest version. "Delete track…",
 * confirmed, sends `DELETE /api/v1/tracks/{id}`, closes the dialog and dispatches `deleted` with the
 * track. Both are told to `core/track-changes.js` too, so the player's bar and queue follow.
 */
class TrackEditor extends LitElement {
  static properties = {
    track: { state: true },
    busy: { state: true },
    error: { state: true },
    stale: { state: true },
  };

  static styles = [shared, css`
    dialog {
      width: min(560px, calc(100vw - 2 * var(--space-4))); max-height: calc(100dvh - 2 * var(--space-4));
      padding: 0; border: 1px solid var(--border); border-radius: var(--radius-l);
      background: var(--bg-raised); color: var(--text); box-shadow: var(--shadow); overflow: auto;
    }
    dialog::backdrop { background: rgba(8, 8, 12, .55); backdrop-filter: blur(3px); }
    form { display: grid; gap: var(--space-4); padding: var(--space-5); }
    header { display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); }
    .close {
      display: grid; place-items: center; width: 40px; height: 40px; border-radius: 50%;
      border: 0; background: transparent; color: var(--text-muted); cursor: pointer;
    }
    .close:hover { background: var(--bg-hover); color: var(--text); }
    .close svg { width: 20px; height: 20px; }
    .row { display: grid; grid-template-columns: 1fr 1fr; align-items: start; gap: var(--space-4); }
    .field select {
      width: 100%; min-height: 44px; padding: 0 var(--space-3);
      border: 1px solid var(--border-strong); border-radius: var(--radius);
      background: var(--bg-raised); color: var(--text); font: inherit;
    }
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: var(--space-2); }
    legend { font-weight: 600; font-size: .92rem; margin-bottom: var(--space-2); }
    .choices { display: grid; grid-template-columns: repeat(3, 1fr); gap: var(--space-2); }
    .choice {
      display: grid; gap: 2px; padding: var(--space-3); border: 1px solid var(--border-strong); border-radius: var(--radius);
      cursor: pointer; transition: border-color var(--transition), background var(--transition);
    }
    .choice:has(input:checked) { border-color: var(--accent); background: var(--accent-soft); }
    .choice:has(input:focus-visible) { outline: 2px solid var(--focus); outline-offset: 2px; }
    .choice input { position: absolute; opacity: 0; width: 1px; height: 1px; }
    .choice strong { font-size: .95rem; }
    .choice span { color: var(--text-muted); font-size: .8rem; }
    .actions { display: flex; justify-content: end; gap: var(--space-3); }
    .stale { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-3); }
    .delete { padding-top: var(--space-4); border-top: 1px solid var(--border); }
    @media (max-width: 520px) {
      .row, .choices { grid-template-columns: 1fr; }
      form { padding: var(--space-4); }
    }
  `];

  constructor() {
    super();
    this.track = null;
    this.busy = false;
    this.error = null;
    this.stale = false;
  }

  /** Shows the dialog for `track` (as the API returned it). */
  async open(track) {
    this.track = track;
    this.error = null;
    this.stale = false;
    await this.updateComplete;
    this.#form().reset();
    this.#dialog().showModal();
    this.renderRoot.querySelector('#title')?.focus();
  }

  render() {
    const track = this.track ?? {};
    return html`<dialog aria-labelledby="editor-title" @close=${() => { this.track = null; }}>
      ${this.track ? html`<form novalidate @submit=${this.#save}>
        <header><h2 id="editor-title">Edit track</h2>
          <button class="close" type="button" aria-label="Close" @click=${() => this.#dialog().close()}>${icon('close')}</button>
        </header>
        ${this.#problem()}
        ${TEXT_FIELDS.slice(0, 2).map((field) => this.#field(field, track[field.name]))}
        <div class="row">${TEXT_FIELDS.slice(2).map((field) => this.#field(field, track[field.name]))}</div>
        <div class="row">
          ${this.#field({ name: 'year', label: 'Year', type: 'number', optional: true }, track.year ?? '')}
          ${this.#field({ name: 'tags', label: 'Tags', optional: true, hint: 'Separated by commas' }, (track.tags ?? []).join(', '))}
        </div>
        <fieldset>
          <legend>Visibility</legend>
          <div class="choices">${VISIBILITIES.map((choice) => html`<label class="choice">
            <input type="radio" name="visibility" value=${choice.value} ?checked=${track.visibility === choice.value}>
            <strong>${choice.label}</strong><span>${choice.hint}</span></label>`)}</div>
          ${this.#message('visibility')}
        </fieldset>
        <div class="actions">
          <button class="button secondary" type="button" @click=${() => this.#dialog().close()}>Cancel</button>
          <button class="button primary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : 'Save'}</button>
        </div>
        <div class="delete"><encore-confirm-delete path="/api/v1/tracks/${track.id}" noun="track" .name=${track.title}
          note="It leaves every playlist that holds it." @deleted=${this.#deleted}></encore-confirm-delete></div>
      </form>` : ''}
    </dialog>`;
  }

  #field({ name, label, max, type = 'text', optional = false, hint = '' }, value) {
    const message = this.error?.fieldError?.(name) ?? '';
    const described = [hint ? `${name}-hint` : '', message ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name}>${label}${optional ? html` <span class="hint">(optional)</span>` : ''}</label>
      <input id=${name} name=${name} type=${type} .defaultValue=${String(value ?? '')} maxlength=${max ?? undefined}
        inputmode=${type === 'number' ? 'numeric' : undefined} autocomplete="off"
        aria-invalid=${message ? 'true' : 'false'} aria-describedby=${described || undefined}>
      ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : ''}
      ${this.#message(name)}
    </div>`;
  }

  #message(name) {
    const message = this.error?.fieldError?.(name) ?? '';
    return message ? html`<span class="error" id="${name}-error">${capitalize(message)}</span>` : '';
  }

  #problem() {
    if (this.stale) {
      return html`<div class="alert stale" role="alert"><strong>This track was changed elsewhere</strong>
        <span>Someone (perhaps you, in another tab) saved it since you opened it. Reload it to see their changes,
          then edit again.</span>
        <button class="button secondary" type="button" @click=${this.#reload}>${icon('retry')}Reload</button></div>`;
    }
    if (!this.error) return '';
    if (this.error.errors?.length) {
      return html`<div class="alert" role="alert"><strong>${this.error.title}</strong><span>Check the fields marked below.</span></div>`;
    }
    return problemAlert(this.error);
  }

  async #save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const text = (name) => form.get(name) ?? '';
    const year = text('year').trim();
    const body = {
      title: text('title'), artist: text('artist'), album: text('album'), genre: text('genre'),
      year: year === '' ? undefined : Number(year),
      tags: text('tags').split(',').map((tag) => tag.trim()).filter(Boolean),
      visibility: form.get('visibility') ?? undefined,
    };
    this.busy = true;
    this.error = null;
    try {
      const saved = await api.patch(`/api/v1/tracks/${this.track.id}`, body,
        { headers: { 'If-Match': `"${this.track.version}"` } });
      this.dispatchEvent(new CustomEvent('saved', { detail: saved }));
      trackChanges.edited(saved);
      this.#dialog().close();
    } catch (error) {
      this.error = error;
      this.stale = error.status === 412;
      await this.updateComplete;
      (this.renderRoot.querySelector('[aria-invalid="true"]') ?? this.renderRoot.querySelector('.alert button'))?.focus();
    } finally {
      this.busy = false;
    }
  }

  #deleted() {
    const track = this.track;
    this.#dialog().close();
    this.dispatchEvent(new CustomEvent('deleted', { detail: track }));
    trackChanges.deleted(track);
  }

  async #reload() {
    try {
      const fresh = await api.get(`/api/v1/tracks/${this.track.id}`);
      this.stale = false;
      this.error = null;
      this.track = fresh;
      await this.updateComplete;
      this.#form().reset();
      this.dispatchEvent(new CustomEvent('saved', { detail: fresh }));
      trackChanges.edited(fresh);
      this.renderRoot.querySelector('#title')?.focus();
    } catch (error) {
      this.stale = false;
      this.error = error;
    }
  }

  #dialog() {
    return this.renderRoot.querySelector('dialog');
  }

  #form() {
    return this.renderRoot.querySelector('form');
  }
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

customElements.define('encore-track-editor', TrackEditor);
