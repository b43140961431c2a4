import { html, css } from 'lit';
import { api } from '../core/api.js';
import { session } from '../core/session.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { field, hasFieldErrors } from '../components/form-field.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';
import { OwnerProofScreen, accountStyles, REAUTHENTICATION_FOR } from './account.js';
import '../components/connected-accounts.js';

/**
 * Account → Security: change the password (`POST /api/v1/me/password`: the current one and a new
 * one; every other session is signed out), and two-step verification: set it up with the password
 * (`POST /api/v1/me/mfa/totp {password}`, so that a stolen session cannot turn it on) by scanning the
 * QR code the API draws, confirm with a code, keep the recovery codes (shown once: copy or download
 * them), make new recovery codes with a code (`POST /api/v1/me/mfa/recovery-codes`: the earlier ones stop
 * working), or turn it off with a code (`DELETE /api/v1/me/mfa/totp`). Connected accounts (identity
 * providers) below, when the server offers any: `<encore-connected-accounts>`.
 *
 * An account made through a provider has no password: it sets one instead ("Set a password", the same
 * endpoint without `currentPassword`) and turns two-step verification on without one, after confirming it
 * is its owner by signing in at a connected provider again (`POST /api/v1/me/connections/{provider}/reauthentication`;
 * the browser comes back with `?reauthenticated=<provider>`, and for 5 minutes this session needs no password).
 */
class AccountSecurity extends OwnerProofScreen {
  static path = '/account/security';
  static failedTitle = 'Your security settings could not be loaded';

  static properties = {
    user: { state: true },
    passwordError: { state: true },
    passwordBusy: { state: true },
    passwordChanged: { state: true },
    mfaStep: { state: true }, // 'idle', 'password', 'scan', 'codes', 'renew' or 'disable'
    enrolment: { state: true },
    recoveryCodes: { state: true },
    mfaError: { state: true },
    mfaBusy: { state: true },
    copied: { state: true },
    announcement: { state: true },
  };

  static styles = [shared, page, accountStyles, css`
    .grid { display: grid; gap: var(--space-4); grid-template-columns: repeat(2, minmax(0, 1fr)); align-items: start; }
    .title-row { display: flex; align-items: center; gap: var(--space-3); flex-wrap: wrap; }
    .steps { display: grid; gap: var(--space-4); }
    .scan { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: var(--space-5); align-items: center; }
    .qr { width: 188px; height: 188px; padding: var(--space-2); border-radius: var(--radius); background: #fff; box-shadow: var(--shadow); }
    .qr svg { display: block; width: 100%; height: 100%; }
    .qr path { fill: #111; }
    .secret {
      display: block; padding: var(--space-2) var(--space-3); border-radius: var(--radius-s); background: var(--bg-sunken);
      font-family: var(--font-mono); font-size: .95rem; letter-spacing: .08em; overflow-wrap: anywhere; user-select: all;
    }
    ol.how { margin: 0; padding-left: 1.2em; display: grid; gap: var(--space-2); color: var(--text-muted); }
    .codes {
      list-style: none; margin: 0; padding: var(--space-4); display: grid; grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--space-2) var(--space-5); border-radius: var(--radius); background: var(--bg-sunken);
      font-family: var(--font-mono); font-size: 1rem; letter-spacing: .04em;
    }
    .once { padding: var(--space-3) var(--space-4); border-radius: var(--radius); background: var(--warning-bg); color: var(--warning-text); }
    .mfa { grid-column: 1 / -1; }
    .connections { align-self: stretch; }
    .grid > .section + .section { margin-top: 0; } /* the grid's gap spaces them: side by side they line up */
    @media (max-width: 860px) {
      .grid { grid-template-columns: 1fr; }
      .scan { grid-template-columns: 1fr; justify-items: center; }
      .scan > .steps { justify-self: stretch; }
    }
    @media (max-width: 400px) { .codes { grid-template-columns: 1fr; } }
  `];

  constructor() {
    super();
    this.user = null;
    this.passwordError = null;
    this.passwordBusy = false;
    this.passwordChanged = false;
    this.mfaStep = 'idle';
    this.enrolment = null;
    this.recoveryCodes = [];
    this.mfaError = null;
    this.mfaBusy = false;
    this.copied = false;
    this.announcement = '';
  }

  accept(data) {
    super.accept(data);
    const back = new URLSearchParams(location.search).has('reauthenticated');
    if (back && sessionStorage.getItem(REAUTHENTICATION_FOR) === 'delete-account') {
      // confirmed for deleting the account (Account → Profile), not for anything here
      sessionStorage.removeItem(REAUTHENTICATION_FOR);
      if (!this.hasPassword && this.confirmed()) {
        location.replace('/account?confirm-delete');
        return;
      }
    }
    if (!this.hasPassword && this.confirmed() && back) {
      this.announcement = 'Confirmed. For 5 minutes you can set a password or set up two-step verification.';
    }
  }



  /** Off to the provider for a fresh sign-in; it sends the browser back here. */
  async #reauthenticate() {
    const connection = this.confirmWith();
    this.passwordBusy = true;
    try {
      const { authorizationUrl } = await api.post(
        `/api/v1/me/connections/${encodeURIComponent(connection.provider)}/reauthentication`);
      location.assign(authorizationUrl);
    } catch (error) {
      this.passwordError = error;
      this.passwordBusy = false;
    }
  }

  renderContent() {
    if (this.state === 'loading') {
      return html`<div class="grid" aria-busy="true">
        <section class="card section"><span class="skeleton"></span><span class="skeleton"></span></section>
        <section class="card section"><span class="skeleton"></span><span class="skeleton"></span></section>
        <span class="visually-hidden" role="status">Loading your security settings…</span>
      </div>`;
    }
    return html`<div class="grid">
      ${this.#twoFactor()}
      ${this.#password()}
      <encore-connected-accounts class="connections"></encore-connected-accounts>
    </div>
    <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /** For an account without a password: confirm with the provider, then choose one. */
  #setPassword() {
    const general = this.passwordError && !hasFieldErrors(this.passwordError) ? this.passwordError : null;
    const provider = this.confirmWith();
    const head = html`<div class="section-head"><div><h2 id="password-title">Password</h2>
      <p>Your account was made through a sign-in provider and has no password. Set one to sign in with your
        username or email as well; it signs out every other session.</p></div></div>`;
    if (!this.confirmed()) {
      return html`<section class="card section" aria-labelledby="password-title">${head}${problemAlert(general)}
        ${provider ? html`<p class="muted">First confirm it is you: you sign in again with
          ${provider.displayName} and come back here.</p>
        <div class="row-actions"><button class="button primary" type="button" ?disabled=${this.passwordBusy}
          @click=${() => this.#reauthenticate()}>${icon('lock')}${this.passwordBusy ? 'Opening…' : 'Set a password'}</button></div>` : ''}
      </section>`;
    }
    return html`<section class="card section" aria-labelledby="password-title">${head}${problemAlert(general)}
      <form class="stack" @submit=${this.#changePassword} novalidate>
        <input type="text" name="username" autocomplete="username" .value=${this.user.username} hidden>
        ${field(this.passwordError, 'newPassword', 'New password', { type: 'password', autocomplete: 'new-password',
          required: true, hint: 'At least 8 characters; not a common password, nor your username.' })}
        <div class="row-actions">
          <button class="button primary" type="submit" ?disabled=${this.passwordBusy}>
            ${this.passwordBusy ? 'Setting…' : 'Set a password'}</button>
        </div>
      </form>
    </section>`;
  }

  #password() {
    if (!this.hasPassword) return this.#setPassword();
    const general = this.passwordError && !hasFieldErrors(this.passwordError) ? this.passwordError : null;
    return html`<section class="card section" aria-labelledby="password-title">
      <div class="section-head"><div><h2 id="password-title">Password</h2>
        <p>Changing it signs out every other session; this one stays signed in.</p></div></div>
      ${problemAlert(general)}
      <form class="stack" @submit=${this.#changePassword} novalidate>
        <input type="text" name="username" autocomplete="username" .value=${this.user.username} hidden>
        ${field(this.passwordError, 'currentPassword', 'Current password', { type: 'password',
          autocomplete: 'current-password', required: true })}
        ${field(this.passwordError, 'newPassword', 'New password', { type: 'password', autocomplete: 'new-password',
          required: true, hint: 'At least 8 characters; not a common password, nor your username.' })}
        <div class="row-actions">
          <button class="button primary" type="submit" ?disabled=${this.passwordBusy}>
            ${this.passwordBusy ? 'Changing…' : 'Change password'}</button>
          <span role="status">${this.passwordChanged ? html`<span class="saved">${icon('check')}${this.passwordChanged}</span>` : ''}</span>
        </div>
      </form>
    </section>`;
  }

  #twoFactor() {
    const on = this.user.mfaEnabled;
    return html`<section class="card section mfa" aria-labelledby="mfa-title">
      <div class="section-head"><div>
        <div class="title-row"><h2 id="mfa-title">Two-step verification</h2>
          ${on ? html`<span class="pill good">${icon('check')}On</span>` : html`<span class="pill">Off</span>`}</div>
        <p>${on ? `Signing in asks for a code from your authenticator app after ${this.hasPassword ? 'your password' : 'the provider\'s sign-in'}.`
          : `Protect your account with a code from an authenticator app (such as Aegis, Google Authenticator or 1Password) as well as ${this.hasPassword ? 'your password' : 'your sign-in provider'}.`}</p>
      </div></div>
      ${this.#mfaBody(on)}
    </section>`;
  }

  #mfaBody(on) {
    switch (this.mfaStep) {
      case 'password': return this.#passwordStep();
      case 'scan': return this.#scanStep();
      case 'codes': return this.#codesStep();
      case 'disable': return this.#disableStep();
      case 'renew': return this.#renewStep();
      default: return html`${problemAlert(this.mfaError)}<div class="row-actions">${on
        ? html`<button class="button secondary" type="button" @click=${() => this.#to('disable')}>Turn off…</button>
            <button class="button secondary" type="button" @click=${() => this.#to('renew')}>New recovery codes…</button>`
        : html`<button class="button primary" type="button" @click=${() => this.#setUp()}>
            ${icon('shield')}Set up two-step verification</button>`}</div>`;
    }
  }

  /** A step's form: its problem (unless a field shows it), the fields, the submit button and Cancel. */
  #stepForm(submit, fields, { label, busyLabel, kind = 'primary' }) {
    const general = this.mfaError && !hasFieldErrors(this.mfaError) ? this.mfaError : null;
    return html`${problemAlert(general)}
      <form class="stack" @submit=${submit} novalidate>
        ${fields}
        <div class="row-actions">
          <button class="button ${kind}" type="submit" ?disabled=${this.mfaBusy}>${this.mfaBusy ? busyLabel : label}</button>
          <button class="button quiet" type="button" @click=${() => this.#to('idle')}>Cancel</button>
        </div>
      </form>`;
  }

  #passwordStep() {
    return html`<div class="steps">${this.#stepForm(this.#start, html`
      <input type="text" name="username" autocomplete="username" .value=${this.user.username} hidden>
      ${field(this.mfaError, 'password', 'Your password', { type: 'password', autocomplete: 'current-password',
        required: true, id: 'mfa-password', hint: 'First confirm it is you: setting up two-step verification needs your password.' })}`,
    { label: 'Continue', busyLabel: 'Starting…' })}</div>`;
  }

  #scanStep() {
    const { qrCode, secret } = this.enrolment;
    return html`<div class="steps">
      <div class="scan">
        <div class="qr">
          <svg viewBox="-2 -2 ${qrCode.size + 4} ${qrCode.size + 4}" role="img" aria-labelledby="qr-label"
            shape-rendering="crispEdges"><title id="qr-label">QR code to scan with your authenticator app</title>
            <path d=${qrCode.path}></path></svg>
        </div>
        <div class="steps">
          <ol class="how">
            <li>Open your authenticator app and add an account.</li>
            <li>Scan the QR code, or type this key instead:</li>
          </ol>
          <code class="secret" id="totp-secret">${group(secret)}</code>
        </div>
      </div>
      ${this.#stepForm(this.#confirm, field(this.mfaError, 'code', 'Enter the 6-digit code the app shows', {
        inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, required: true, id: 'confirm-code' }),
      { label: 'Turn on', busyLabel: 'Checking…' })}
    </div>`;
  }

  #codesStep() {
    return html`<div class="steps">
      <p class="once" role="alert"><strong>Save these recovery codes now.</strong> They are shown only this once. Each
        signs you in a single time if you lose your phone.</p>
      <ul class="codes" aria-label="Recovery codes">${this.recoveryCodes.map((code) => html`<li>${code}</li>`)}</ul>
      <div class="row-actions">
        <button class="button secondary" type="button" @click=${this.#copy}>${icon('copy')}${this.copied ? 'Copied' : 'Copy'}</button>
        <a class="button secondary" href=${this.#downloadUrl} download="encore-recovery-codes.txt">${icon('download')}Download .txt</a>
        <button class="button primary" type="button" @click=${this.#done}>I have saved them</button>
      </div>
    </div>`;
  }

  #disableStep() {
    return html`<div class="steps">${this.#stepForm(this.#disable, field(this.mfaError, 'code',
      'Code from your authenticator app, or a recovery code', { autocomplete: 'one-time-code', maxlength: 24,
        required: true, id: 'disable-code',
        hint: 'Turning it off needs a current code. Lost your authenticator? One of your recovery codes works too.' }),
    { label: 'Turn off', busyLabel: 'Turning off…', kind: 'danger' })}</div>`;
  }

  #renewStep() {
    return html`<div class="steps">${this.#stepForm(this.#renew, field(this.mfaError, 'code',
      'Code from your authenticator app, or a recovery code', { autocomplete: 'one-time-code', maxlength: 24,
        required: true, id: 'renew-code',
        hint: 'You get 10 new recovery codes; the ones you have now stop working.' }),
    { label: 'Make new codes', busyLabel: 'Making…' })}</div>`;
  }

  #downloadUrl = '';

  async #to(step) {
    this.mfaError = null;
    this.mfaStep = step;
    await this.updateComplete;
    this.renderRoot.querySelector('.mfa input:not([hidden]), .mfa .codes, .mfa button')?.focus();
  }

  /** Set up two-step verification: with the password, or without one once confirmed at the provider. */
  async #setUp() {
    if (this.hasPassword) {
      await this.#to('password');
    } else if (this.confirmed()) {
      await this.#start(null);
    } else {
      await this.#reauthenticate();
    }
  }

  async #start(event) {
    let body = {};
    if (event) {
      event.preventDefault();
      const password = new FormData(event.target).get('password');
      if (!password) {
        this.mfaError = localError('password', 'enter your password', 'Check your password');
        return;
      }
      body = { password };
    }
    this.mfaBusy = true;
    this.mfaError = null;
    try {
      this.enrolment = await api.post('/api/v1/me/mfa/totp', body);
      this.announcement = 'Scan the QR code, then enter the code your app shows.';
      await this.#to('scan');
    } catch (error) {
      this.mfaError = error;
      await this.updateComplete;
      this.renderRoot.querySelector('#mfa-password')?.focus();
    } finally {
      this.mfaBusy = false;
    }
  }

  /** The code typed in the submitted form; none (and the field says so) when it is empty. */
  #codeOf(event) {
    event.preventDefault();
    const code = new FormData(event.target).get('code').trim();
    if (!code) {
      this.mfaError = localError('code', 'enter the code from your app');
      return '';
    }
    this.mfaBusy = true;
    this.mfaError = null;
    return code;
  }

  async #confirm(event) {
    const code = this.#codeOf(event);
    if (!code) return;
    try {
      const { recoveryCodes } = await api.post('/api/v1/me/mfa/totp/confirm', { code });
      this.#keep(recoveryCodes);
      this.enrolment = null;
      this.user = { ...this.user, mfaEnabled: true };
      session.update({ mfaEnabled: true });
      this.announcement = 'Two-step verification is on. Save your recovery codes.';
      await this.#to('codes');
    } catch (error) {
      this.mfaError = error.code === 'invalid-mfa-code' ? localError('code', 'that code is not right; try the one the app shows now') : error;
    } finally {
      this.mfaBusy = false;
    }
  }

  /** Recovery codes to show once, and the download of them. */
  #keep(recoveryCodes) {
    this.recoveryCodes = recoveryCodes;
    URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = URL.createObjectURL(new Blob([recoveryText(this.user.username, recoveryCodes)],
      { type: 'text/plain;charset=utf-8' }));
  }

  async #renew(event) {
    const code = this.#codeOf(event);
    if (!code) return;
    try {
      const { recoveryCodes } = await api.post('/api/v1/me/mfa/recovery-codes', { code });
      this.#keep(recoveryCodes);
      this.announcement = 'New recovery codes made; the earlier ones no longer work. Save these.';
      await this.#to('codes');
    } catch (error) {
      this.mfaError = error.code === 'invalid-mfa-code' ? localError('code', 'that code is not right') : error;
    } finally {
      this.mfaBusy = false;
    }
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.recoveryCodes.join('\n'));
      this.copied = true;
      this.announcement = 'Recovery codes copied.';
    } catch {
      this.announcement = 'Copying is not allowed here: select the codes, or download them.';
    }
  }

  #done() {
    URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = '';
    this.recoveryCodes = [];
    this.copied = false;
    this.#to('idle');
  }

  async #disable(event) {
    const code = this.#codeOf(event);
    if (!code) return;
    try {
      await api.delete('/api/v1/me/mfa/totp', { body: { code } });
      this.user = { ...this.user, mfaEnabled: false };
      session.update({ mfaEnabled: false });
      this.announcement = 'Two-step verification is off.';
      await this.#to('idle');
    } catch (error) {
      this.mfaError = error.code === 'invalid-mfa-code' ? localError('code', 'that code is not right') : error;
    } finally {
      this.mfaBusy = false;
    }
  }

  async #changePassword(event) {
    event.preventDefault();
    const element = event.target; // an event's target is retargeted to the host once dispatch ends
    const form = new FormData(element);
    this.passwordBusy = true;
    this.passwordError = null;
    this.passwordChanged = false;
    const first = !this.hasPassword;
    try {
      await api.post('/api/v1/me/password', first ? { newPassword: form.get('newPassword') } : {
        currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword'),
      });
      element.reset();
      this.passwordChanged = first ? 'Password set' : 'Password changed';
      this.hasPassword = true;
      this.announcement = this.passwordChanged;
    } catch (error) {
      if (error.code === 'reauthentication-required') this.reauthenticatedUntil = null;
      this.passwordError = error;
      await this.updateComplete;
      this.renderRoot.querySelector('[aria-invalid="true"]')?.focus();
    } finally {
      this.passwordBusy = false;
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    URL.revokeObjectURL(this.#downloadUrl);
  }
}

/** A problem of this screen's own for one field, shaped like the API's. */
function localError(name, message, title = 'Check the code') {
  return { title, errors: [{ field: name, message }], fieldError: (f) => (f === name ? message : '') };
}

/** The key in groups of four, as authenticator apps show it. */
function group(secret) {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function recoveryText(username, codes) {
  return `Encore recovery codes for ${username}\n`
    + `Each code signs you in once, instead of the authenticator app. Keep them somewhere safe.\n\n${codes.join('\n')}\n`;
}

customElements.define('encore-account-security', AccountSecurity);
