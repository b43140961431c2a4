import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { shared } from '../styles/shared.js';
import { authFrame, authStyles } from './auth-frame.js';
import { problemAlert } from '../components/problem-alert.js';

/**
 * "Forgot password?": asks for a reset link by e-mail (`POST /api/v1/auth/password-reset`). The answer
 * is the same whether an account matched or not, and so is what this screen says.
 */
class ForgotPassword extends LitElement {
  static properties = {
    busy: { state: true },
    error: { state: true },
    sent: { state: true },
  };

  static styles = [shared, authStyles, css`
    .notice { display: grid; gap: var(--space-2); padding: var(--space-4); border-radius: var(--radius);
      background: var(--accent-soft); }
  `];

  constructor() {
    super();
    this.busy = false;
    this.error = null;
    this.sent = null;
  }

  render() {
    return authFrame(html`<div class="panel">
      <header>
        <h1>Reset your password</h1>
        <p>Enter your username or e-mail address. If an account matches, we mail it a link to choose a new
          password.</p>
      </header>
      ${this.sent ? html`<div class="notice" role="status"><strong>Check your mail</strong><span>${this.sent}</span></div>`
        : html`${problemAlert(this.error)}
      <form @submit=${this.#ask} novalidate>
        <div class="field">
          <label for="identifier">Username or email</label>
          <input id="identifier" name="identifier" autocomplete="username" required autocapitalize="none"
            spellcheck="false" maxlength="254">
        </div>
        <div class="actions">
          <button class="button primary block" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Sending…' : 'Send reset link'}</button>
        </div>
      </form>`}
      <p class="switch"><a href="/sign-in">Back to sign in</a></p>
    </div>`);
  }

  async #ask(event) {
    event.preventDefault();
    const identifier = new FormData(event.target).get('identifier').trim();
    if (!identifier) {
      this.error = { title: 'Enter your username or email.' };
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      this.sent = (await api.post('/api/v1/auth/password-reset', { identifier })).message;
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('encore-forgot-password', ForgotPassword);
