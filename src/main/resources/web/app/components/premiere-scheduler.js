import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from './icons.js';
import { problemAlert } from './problem-alert.js';
import { field } from './form-field.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/**
 * "Schedule a premiere" on a video's page, for its owner (`<encore-premiere-scheduler .video=${video}
 * .router=${router}>`): a dialog with the start (a local date and time, sent as an instant), an
 * optional title and description → `POST /api/v1/premieres {videoId, startsAt, title?, description?}`,
 * then the premiere's page. The API's field errors (a start in the past or more than a year ahead, a
 * video that is not ready) show under their field.
 */
class PremiereScheduler extends LitElement {
  static properties = {
    video: { attribute: false },
    router: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  static styles = [shared, page, css`
    :host { display: inline-block; }
    .field textarea {
      width: 100%; min-height: 88px; padding: var(--space-2) var(--space-3); border: 1px solid var(--border-strong);
      border-radius: var(--radius); background: var(--bg-raised); color: var(--text); font: inherit; resize: vertical;
    }
    dialog h2 { display: flex; align-items: center; gap: var(--space-2); }
    dialog h2 svg { width: 22px; height: 22px; color: var(--accent); }
    dialog p { color: var(--text-muted); }
  `];

  constructor() {
    super();
    this.error = null;
    this.busy = false;
  }

  render() {
    return html`<button class="button secondary" type="button" @click=${this.#open}>${icon('premiere')}Schedule a premiere</button>
      <dialog aria-labelledby="premiere-dialog-title" @close=${() => { this.error = null; }}>
        <form @submit=${this.#submit} novalidate>
          <h2 id="premiere-dialog-title">${icon('premiere')}Schedule a premiere</h2>
          <p>Everyone watches ${this.video?.title ?? 'the video'} together from the start time, with a live chat.</p>
          ${this.error && !this.error.errors?.length ? problemAlert(this.error) : ''}
          ${field(this.error, 'startsAt', 'Starts at', { type: 'datetime-local', required: true, value: inAnHour(),
            hint: 'Your local time, within the next year' })}
          ${field(this.error, 'title', 'Title', { value: this.video?.title ?? '', maxlength: 200 })}
          <div class="field"><label for="description">Description</label>
            <textarea id="description" name="description" maxlength="5000"></textarea></div>
          <div class="row-actions">
            <button class="button secondary" type="button" @click=${() => this.#dialog().close()}>Cancel</button>
            <button class="button primary" type="submit" ?disabled=${this.busy}>Schedule</button>
          </div>
        </form>
      </dialog>`;
  }

  #dialog() {
    return this.renderRoot.querySelector('dialog');
  }

  #open() {
    this.error = null;
    this.#dialog().showModal();
  }

  async #submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const local = String(form.get('startsAt') ?? '');
    const startsAt = local ? new Date(local) : null;
    this.busy = true;
    try {
      const premiere = await api.post('/api/v1/premieres', {
        videoId: this.video.id,
        startsAt: startsAt && !Number.isNaN(startsAt.getTime()) ? startsAt.toISOString() : null,
        title: String(form.get('title') ?? '').trim() || null,
        description: String(form.get('description') ?? '').trim() || null,
      });
      this.#dialog().close();
      this.router?.navigate(`/premieres/${premiere.id}`);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

/** The next full hour and an hour more, as a `datetime-local` value. */
function inAnHour() {
  const date = new Date(Date.now() + 2 * 3600000);
  date.setMinutes(0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

customElements.define('encore-premiere-scheduler', PremiereScheduler);
