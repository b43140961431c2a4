import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from './icons.js';
import { problemAlert } from './problem-alert.js';
import { shared } from '../styles/shared.js';

/**
 * A deletion asked for, then confirmed (`<encore-confirm-delete path="/api/v1/videos/…" noun="video"
 * name="Harbour at Dawn" note="…">`): "Delete video…" first, then the question with a danger
 * "Delete video" and "Keep it". The confirmed button sends `DELETE path` and dispatches `deleted`;
 * a problem from the API is shown under the question, which stays open to try again.
 */
class ConfirmDelete extends LitElement {
  static properties = {
    path: {},
    noun: {},
    name: {},
    note: {},
    asking: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  static styles = [shared, css`
    :host { display: block; }
    .question { display: grid; gap: var(--space-3); }
    .question p { color: var(--text-muted); }
    .question p strong { color: var(--text); }
    .row { display: flex; gap: var(--space-3); flex-wrap: wrap; }
    .button.quiet.ask-delete:hover { color: var(--danger); }
  `];

  constructor() {
    super();
    this.noun = 'item';
    this.name = '';
    this.note = '';
    this.asking = false;
    this.busy = false;
    this.error = null;
  }

  render() {
    if (!this.asking) {
      return html`<div class="row"><button class="button quiet ask-delete" type="button" @click=${this.#ask}>
        ${icon('trash')}Delete ${this.noun}…</button></div>`;
    }
    return html`<div class="question">
      <p id="delete-question">Delete <strong>“${this.name}”</strong> for good?${this.note ? ` ${this.note}` : ''}</p>
      ${problemAlert(this.error)}
      <div class="row">
        <button class="button danger confirm-delete" type="button" aria-describedby="delete-question" ?disabled=${this.busy}
          @click=${this.#delete}>${icon('trash')}${this.busy ? 'Deleting…' : `Delete ${this.noun}`}</button>
        <button class="button secondary keep" type="button" ?disabled=${this.busy} @click=${this.#keep}>Keep it</button>
      </div>
    </div>`;
  }

  async #ask() {
    this.asking = true;
    this.error = null;
    await this.updateComplete;
    this.renderRoot.querySelector('.confirm-delete')?.focus({ preventScroll: true });
    // in the middle of the window: at its bottom edge the player bar would cover the buttons
    this.renderRoot.querySelector('.question')?.scrollIntoView({ block: 'center' });
  }

  async #keep() {
    this.asking = false;
    this.error = null;
    await this.updateComplete;
    this.renderRoot.querySelector('.ask-delete')?.focus();
  }

  async #delete() {
    this.busy = true;
    this.error = null;
    try {
      await api.delete(this.path);
      this.dispatchEvent(new CustomEvent('deleted'));
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('encore-confirm-delete', ConfirmDelete);
