import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { shared } from '../styles/shared.js';
import { authFrame, authStyles } from './auth-frame.js';
import { problemAlert } from '../components/problem-alert.js';
import { field, hasFieldErrors } from '../components/form-field.js';

/**
 * Where a reset mail's link leads (`/reset-password#token=…`): choose a new password
 * (`POST /api/v1/auth/password-reset/confirm`). The token is in the fragment, so it never reaches a
 * server log or a Referer; the screen takes it out of the address bar at once.
 */
class ResetPassword extends LitElement {
  static properties = {
    busy: { state: true },
    error: { state: true },
    done: { state: true },
  };

  static styles = [shared, authStyles, css`
    .notice { display: grid; gap: var(--space-2); padding: var(--space-4); border-radius: var(--radius);
      background: var(--accent-soft); }
  `];

  #token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';

  constructor() {
    super();
    this.busy = false;
    this.error = null;
    this.done = false;
  }

  connectedCallback() {
    super.connectedCallback();
    if (location.hash) {
      history.replaceState(history.state, '', location.pathname); // the token stays out of the history
    }
  }

  render() {
    const general = this.error && !hasFieldErrors(this.error) ? this.error : null;
    return authFrame(html`<div class="panel">
      <header>
        <h1>Choose a new password</h1>
        <p>Setting it signs you out on every device.</p>
      </header>
      ${this.done ? html`<div class="notice" role="status"><strong>Your password is set</strong>
          <span>Sign in with it now.</span></div>
          <a class="button primary block" href="/sign-in">Sign in</a>`
        : !this.#token ? html`${problemAlert({ title: 'This link is incomplete',
            detail: 'Open the link from the mail again, or ask for a new one.' })}
          <a class="button primary block" href="/forgot-password">Ask for a new link</a>`
        : html`${problemAlert(general)}
          ${general?.code === 'invalid-reset-token' ? html`<a href="/forgot-password">Ask for a new link</a>` : ''}
          <form @submit=${this.#set} novalidate>
            ${field(this.error, 'newPassword', 'New password', { type: 'password', autocomplete: 'new-password',
              required: true, hint: 'At least 8 characters with upper and lower case and a digit; not a common password.' })}
            <div class="actions">
              <button class="button primary block" type="submit" ?disabled=${this.busy}>
                ${this.busy ? 'Saving…' : 'Set password'}</button>
            </div>
          </form>`}
      ${this.done ? '' : html`<p class="switch"><a href="/sign-in">Back to sign in</a></p>`}
    </div>`);
  }

  async #set(event) {
    event.preventDefault();
    const newPassword = new FormData(event.target).get('newPassword');
    if (!newPassword) {
      this.error = { title: 'Enter a new password.' };
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await api.post('/api/v1/auth/password-reset/confirm', { token: this.#token, newPassword });
      this.done = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('encore-reset-password', ResetPassword);
