import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { safePath } from '../core/router.js';
import { session } from '../core/session.js';
import { shared } from '../styles/shared.js';
import { authFrame, authStyles } from './auth-frame.js';
import { problemAlert } from '../components/problem-alert.js';
import { oidcProviders, authorizeUrl, oidcError } from '../core/oidc.js';

/**
 * Sign in with a username or email and a password; when the account has two-factor
 * authentication, the API answers 401 mfa-required and this screen asks for the code from the
 * authenticator app, or one of the recovery codes instead. When identity providers are configured,
 * a "Sign in with …" button each: a full navigation to the provider, which sends the browser back
 * signed in (the app's refresh picks the session up), here with `?oidc=mfa` for the second factor
 * (`POST /api/v1/auth/oidc/mfa`), or here with `?oidc-error=<problem type>`, shown above the form.
 */
class SignIn extends LitElement {
  static properties = {
    step: { state: true }, // 'password', 'totp' or 'recovery'
    resetAvailable: { state: true }, // the server mails reset links: "Forgot password?" shows
    busy: { state: true },
    error: { state: true },
    providers: { state: true },
  };

  static styles = [shared, authStyles, css`
    .or {
      display: flex; align-items: center; gap: var(--space-3); color: var(--text-muted); font-size: .87rem;
    }
    .or::before, .or::after { content: ''; flex: 1; border-top: 1px solid var(--border); }
    .providers { display: grid; gap: var(--space-2); }
    .forgot { justify-self: end; margin-top: calc(-1 * var(--space-2)); font-weight: 600; font-size: .92rem; }
    .notice {
      display: grid; gap: var(--space-1); padding: var(--space-3) var(--space-4); border-radius: var(--radius);
      background: var(--warning-bg); color: var(--warning-text);
    }
  `];

  /** Why the last session ended, when it was not this browser's own sign-out: said once, above the form. */
  #ended = ['expired', 'signed-out-elsewhere', 'deleted'].includes(session.endReason) ? session.endReason : null;

  #credentials = null;

  /** Whether the second factor finishes a provider's sign-in (its ticket is in an HttpOnly cookie). */
  #viaProvider = false;

  constructor() {
    super();
    this.step = 'password';
    this.busy = false;
    this.error = null;
    this.providers = [];
    this.resetAvailable = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.error = oidcError(this.query?.get('oidc-error'));
    if (this.query?.get('oidc') === 'mfa') {
      this.#viaProvider = true;
      this.step = 'totp';
    }
    oidcProviders().then((providers) => { this.providers = providers; });
    api.get('/api/v1/auth/password-reset').then((answer) => { this.resetAvailable = answer.available; }, () => {});
  }

  render() {
    return authFrame(html`<div class="panel">
      ${this.step === 'password' ? this.#passwordStep() : this.#secondFactorStep()}
    </div>`);
  }

  updated(changed) {
    if (changed.has('step') && changed.get('step') !== undefined) {
      this.renderRoot.querySelector('input')?.focus(); // the new step's first field
    }
  }

  #passwordStep() {
    return html`
      <header>
        <h1>Welcome back</h1>
        <p>Sign in to your Encore library.</p>
      </header>
      ${this.#ended && !this.error ? html`<div class="notice" role="status">
        <strong>${this.#ended === 'deleted' ? 'Your account was deleted' : 'You were signed out'}</strong>
        <span>${this.#ended === 'deleted' ? 'Everything it held is gone. Thank you for using Encore.'
          : this.#ended === 'expired'
          ? 'Your session ended: it expired, or was signed out on another device or by an administrator. Sign in again to go on.'
          : 'You signed out in another tab. Sign in again to go on.'}</span></div>` : ''}
      ${problemAlert(this.error)}
      <form @submit=${this.#signIn} novalidate>
        <div class="field">
          <label for="identifier">Username or email</label>
          <input id="identifier" name="identifier" autocomplete="username" required autocapitalize="none"
            spellcheck="false">
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
        </div>
        ${this.resetAvailable ? html`<a class="forgot" href="/forgot-password">Forgot password?</a>` : ''}
        <div class="actions">
          <button class="button primary block" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Signing in…' : 'Sign in'}</button>
        </div>
      </form>
      ${this.providers.length ? html`<div class="or">or</div>
        <div class="providers">${this.providers.map((provider) => html`
          <a class="button secondary block" href=${authorizeUrl(provider.id)}>Sign in with ${provider.displayName}</a>`)}
        </div>` : ''}
      <p class="switch">New to Encore? <a href="/register">Create an account</a></p>`;
  }

  #secondFactorStep() {
    const totp = this.step === 'totp';
    return html`
      <header>
        <h1>Two-step verification</h1>
        <p>${totp ? 'Enter the 6-digit code from your authenticator app.'
          : 'Enter one of the recovery codes you saved when you turned on two-step verification. Each works once.'}</p>
      </header>
      ${problemAlert(this.error)}
      <form @submit=${this.#verify} novalidate>
        <div class="field">
          <label for="code">${totp ? 'Authentication code' : 'Recovery code'}</label>
          ${totp
            ? html`<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]*"
                maxlength="6" required>`
            : html`<input id="code" name="code" autocomplete="off" autocapitalize="none" spellcheck="false"
                maxlength="32" required>`}
        </div>
        <button class="link-button" type="button" @click=${this.#switchFactor}>
          ${totp ? 'Use a recovery code instead' : 'Use the authenticator app instead'}</button>
        <div class="actions">
          <button class="button primary block" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Verifying…' : 'Verify and sign in'}</button>
          <button class="button secondary block" type="button" @click=${this.#back}>Back</button>
        </div>
      </form>`;
  }

  #signIn(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.#credentials = { identifier: form.get('identifier').trim(), password: form.get('password') };
    if (!this.#credentials.identifier || !this.#credentials.password) {
      this.error = { title: 'Enter your username or email and your password.' };
      return;
    }
    this.#login({});
  }

  #verify(event) {
    event.preventDefault();
    const code = new FormData(event.target).get('code').trim();
    if (!code) {
      this.error = { title: 'Enter the code.' };
      return;
    }
    this.#login(this.step === 'totp' ? { totpCode: code } : { recoveryCode: code });
  }

  async #login(secondFactor) {
    this.busy = true;
    this.error = null;
    try {
      const tokens = this.#viaProvider ? await api.post('/api/v1/auth/oidc/mfa', secondFactor)
        : await api.post('/api/v1/auth/login?cookie=true', { ...this.#credentials, ...secondFactor });
      session.accept(tokens);
      this.router.navigate(safePath(this.query?.get('next')), { replace: true });
    } catch (error) {
      if (error.code === 'mfa-required') {
        this.step = 'totp';
      } else if (error.code === 'oidc-mfa-expired') {
        this.#back();
        this.error = error;
      } else {
        this.error = error;
      }
    } finally {
      this.busy = false;
    }
  }

  #switchFactor() {
    this.error = null;
    this.step = this.step === 'totp' ? 'recovery' : 'totp';
  }

  #back() {
    this.error = null;
    this.#viaProvider = false;
    this.step = 'password';
  }
}

customElements.define('encore-sign-in', SignIn);
