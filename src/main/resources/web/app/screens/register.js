import { LitElement, html } from 'lit';
import { api } from '../core/api.js';
import { session } from '../core/session.js';
import { shared } from '../styles/shared.js';
import { authFrame, authStyles } from './auth-frame.js';
import { problemAlert } from '../components/problem-alert.js';

const FIELDS = ['username', 'email', 'displayName', 'password', 'adminKey'];

/**
 * Create an account, then sign in with it. The API checks every field and answers all the
 * mistakes at once (a 400 problem with `errors[]`): each is shown under its field. The first
 * admin registers with the admin key, behind a disclosure most people never open.
 */
class Register extends LitElement {
  static properties = {
    busy: { state: true },
    error: { state: true },
  };

  static styles = [shared, authStyles];

  constructor() {
    super();
    this.busy = false;
    this.error = null;
  }

  render() {
    const generalError = this.error && !this.#hasFieldErrors() ? this.error : null;
    return authFrame(html`<div class="panel">
      <header>
        <h1>Create your account</h1>
        <p>Your library, playlists and imports, in one place.</p>
      </header>
      ${problemAlert(generalError)}
      ${this.#hasFieldErrors() ? html`<div class="alert" role="alert"><strong>${this.error.title}</strong>
        <span>Check the fields marked below.</span></div>` : ''}
      <form @submit=${this.#register} novalidate>
        ${this.#field('username', 'Username', { autocomplete: 'username',
          hint: '3–50 letters, digits or underscores.' })}
        ${this.#field('email', 'Email', { type: 'email', autocomplete: 'email' })}
        ${this.#field('displayName', 'Display name (optional)', { autocomplete: 'nickname', required: false })}
        ${this.#field('password', 'Password', { type: 'password', autocomplete: 'new-password',
          hint: 'At least 8 characters, with an upper-case letter, a lower-case letter and a digit.' })}
        <details ?open=${!!this.error?.fieldError('adminKey')}>
          <summary>I have an admin key</summary>
          ${this.#field('adminKey', 'Admin key', { autocomplete: 'off', required: false,
            hint: 'Only for the first administrator of this server.' })}
        </details>
        <div class="actions">
          <button class="button primary block" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Creating your account…' : 'Create account'}</button>
        </div>
      </form>
      <p class="switch">Already have an account? <a href="/sign-in">Sign in</a></p>
    </div>`);
  }

  #field(name, label, { type = 'text', autocomplete, hint = '', required = true }) {
    const message = this.error?.fieldError?.(name) ?? '';
    const described = [hint ? `${name}-hint` : '', message ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} ?required=${required}
        autocapitalize=${type === 'text' ? 'none' : 'off'} spellcheck="false"
        aria-invalid=${message ? 'true' : 'false'} aria-describedby=${described || undefined}>
      ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : ''}
      ${message ? html`<span class="error" id="${name}-error">${capitalize(message)}</span>` : ''}
    </div>`;
  }

  #hasFieldErrors() {
    return this.error?.errors?.length > 0;
  }

  async #register(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = Object.fromEntries(FIELDS.map((name) => [name, form.get(name)?.trim() || undefined]));
    body.password = form.get('password');
    this.busy = true;
    this.error = null;
    try {
      await api.post('/api/v1/auth/register', body);
      session.accept(await api.post('/api/v1/auth/login?cookie=true',
        { identifier: body.username, password: body.password }));
      this.router.navigate('/library/tracks', { replace: true });
    } catch (error) {
      this.error = error;
      await this.updateComplete;
      this.renderRoot.querySelector('[aria-invalid="true"]')?.focus();
    } finally {
      this.busy = false;
    }
  }
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

customElements.define('encore-register', Register);
