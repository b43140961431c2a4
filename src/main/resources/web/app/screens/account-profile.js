import { html, css } from 'lit';
import { api } from '../core/api.js';
import { session } from '../core/session.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { field, hasFieldErrors } from '../components/form-field.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';
import { OwnerProofScreen, accountStyles, REAUTHENTICATION_FOR } from './account.js';

/**
 * Account → Profile: the display name and email (`PATCH /api/v1/me`, each problem under its
 * field), links to the admin screens for admins (the phone's top bar has no room for them), and
 * deleting the account (`DELETE /api/v1/me` with the password, confirmed in a dialog). An account made
 * through an identity provider has no password: it confirms by signing in at its provider again
 * (`POST /api/v1/me/connections/{provider}/reauthentication`), which sends the browser back to
 * Account → Security, which sends it on here (`?confirm-delete`) to the dialog, now without a password.
 */
class AccountProfile extends OwnerProofScreen {
  static path = '/account';
  static failedTitle = 'Your account could not be loaded';

  static properties = {
    user: { state: true },
    busy: { state: true },
    error: { state: true },
    saved: { state: true },
    deleteError: { state: true },
    deleting: { state: true },
  };

  static styles = [shared, page, accountStyles, css`
    .grid { display: grid; gap: var(--space-4); grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr); align-items: start; }
    .facts { display: grid; gap: var(--space-3); margin: 0; }
    .facts div { display: grid; gap: 2px; }
    .facts dt { color: var(--text-faint); font-size: .78rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .admin-links { display: grid; gap: var(--space-2); }
    .admin-links a {
      display: flex; align-items: center; gap: var(--space-3); min-height: 44px; padding: 0 var(--space-3);
      border-radius: var(--radius); background: var(--bg-hover); color: var(--text); font-weight: 600; text-decoration: none;
    }
    .admin-links a:hover { background: var(--bg-active); }
    .admin-links svg { width: 20px; height: 20px; color: var(--accent); }
    .danger-zone { border-color: color-mix(in srgb, var(--danger) 40%, var(--border)); }
    .danger-zone h2 { color: var(--danger); }
    dialog h2 { font-size: 1.15rem; }
    dialog p { color: var(--text-muted); }
    @media (max-width: 860px) { .grid { grid-template-columns: 1fr; } }
  `];

  constructor() {
    super();
    this.user = null;
    this.busy = false;
    this.error = null;
    this.saved = false;
    this.deleteError = null;
    this.deleting = false;
  }

  accept(data) {
    super.accept(data);
    if (new URLSearchParams(location.search).has('confirm-delete') && !this.hasPassword && this.confirmed()) {
      history.replaceState(history.state, '', '/account');
      this.#askDeleteOnceShown = true;
    }
  }

  /** Back from the provider: the dialog opens once the screen shows it (after `accept`, not in it). */
  #askDeleteOnceShown = false;

  updated() {
    if (this.#askDeleteOnceShown && this.state === 'ready' && this.#dialog()) {
      this.#askDeleteOnceShown = false;
      this.#askDelete();
    }
  }



  renderContent() {
    if (this.state === 'loading') {
      return html`<div class="grid" aria-busy="true">
        <section class="card section"><span class="skeleton"></span><span class="skeleton"></span>
          <span class="skeleton"></span></section>
        <section class="card section"><span class="skeleton"></span></section>
        <span class="visually-hidden" role="status">Loading your account…</span>
      </div>`;
    }
    return html`<div class="grid">
      <div>${this.#profile()}${this.#danger()}</div>
      <div>${this.#about()}${session.isAdmin ? this.#admin() : ''}</div>
    </div>
    ${this.#deleteDialog()}`;
  }

  #profile() {
    const general = this.error && !hasFieldErrors(this.error) ? this.error : null;
    return html`<section class="card section" aria-labelledby="profile-title">
      <div class="section-head"><div><h2 id="profile-title">Profile</h2>
        <p>Your display name is what Encore shows beside your username.</p></div></div>
      ${problemAlert(general)}
      <form class="stack" @submit=${this.#save} novalidate>
        ${field(this.error, 'displayName', 'Display name', { value: this.user.displayName, autocomplete: 'name',
          hint: 'Up to 100 characters; leave it empty to show your username.', maxlength: 100 })}
        ${field(this.error, 'email', 'Email', { type: 'email', value: this.user.email, autocomplete: 'email',
          required: true, hint: 'You can sign in with it too.' })}
        <div class="row-actions">
          <button class="button primary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : 'Save changes'}</button>
          <span role="status">${this.saved ? html`<span class="saved">${icon('check')}Saved</span>` : ''}</span>
        </div>
      </form>
    </section>`;
  }

  #about() {
    return html`<section class="card section" aria-labelledby="about-title">
      <h2 id="about-title">About this account</h2>
      <dl class="facts">
        <div><dt>Username</dt><dd>${this.user.username}</dd></div>
        <div><dt>Member since</dt><dd>${new Date(this.user.createdAt).toLocaleDateString(undefined,
          { year: 'numeric', month: 'long', day: 'numeric' })}</dd></div>
        <div><dt>Two-step verification</dt><dd>${this.user.mfaEnabled
          ? html`<span class="pill good">On</span>` : html`<a href="/account/security">Off — turn it on</a>`}</dd></div>
      </dl>
    </section>`;
  }

  #admin() {
    return html`<section class="card section" aria-labelledby="admin-title">
      <h2 id="admin-title">Administration</h2>
      <div class="admin-links">
        <a href="/admin/users">${icon('users')}Users</a>
        <a href="/admin/audit">${icon('audit')}Audit trail</a>
        <a href="/admin/status">${icon('activity')}Status</a>
      </div>
    </section>`;
  }

  #danger() {
    return html`<section class="card section danger-zone" aria-labelledby="delete-title">
      <div class="section-head"><div><h2 id="delete-title">Delete account</h2>
        <p>Deletes your account and everything it owns: tracks, videos, playlists, imports and uploads. This cannot
          be undone.</p></div></div>
      <div><button class="button secondary" type="button" @click=${this.#askDelete}>${icon('trash')}Delete my account…</button></div>
    </section>`;
  }

  #deleteDialog() {
    const general = this.deleteError && !hasFieldErrors(this.deleteError) ? this.deleteError : null;
    return html`<dialog id="delete-dialog" aria-labelledby="delete-dialog-title" @close=${() => { this.deleteError = null; }}>
      <form @submit=${this.#delete} novalidate>
        <h2 id="delete-dialog-title">Delete your account?</h2>
        ${this.#deleteConfirmation()}
        ${problemAlert(general)}
        ${this.hasPassword ? field(this.deleteError, 'password', 'Password', { type: 'password',
          autocomplete: 'current-password', required: true, id: 'delete-password' }) : ''}
        <div class="row-actions">
          <button class="button secondary" type="button" @click=${() => this.#dialog().close()}>Cancel</button>
          ${this.hasPassword || this.confirmed()
            ? html`<button class="button danger" type="submit" ?disabled=${this.deleting}>
              ${this.deleting ? 'Deleting…' : 'Delete for good'}</button>`
            : html`<button class="button danger" type="button" ?disabled=${this.deleting}
              @click=${() => this.#reauthenticate()}>${this.deleting ? 'Opening…'
                : `Confirm with ${this.confirmWith()?.displayName ?? 'your provider'}`}</button>`}
        </div>
      </form>
    </dialog>`;
  }

  #deleteConfirmation() {
    if (this.hasPassword) {
      return html`<p>Everything in it goes, at once and for good. Enter your password to confirm.</p>`;
    }
    const provider = this.confirmWith()?.displayName ?? 'your sign-in provider';
    return this.confirmed()
      ? html`<p>Everything in it goes, at once and for good. You confirmed it is you at ${provider}.</p>`
      : html`<p>Everything in it goes, at once and for good. Your account has no password: confirm it is you by
          signing in at ${provider} again, and you come back here to delete it.</p>`;
  }

  /** Off to the provider for a fresh sign-in; Account → Security sends the browser back here. */
  async #reauthenticate() {
    const connection = this.confirmWith();
    this.deleting = true;
    this.deleteError = null;
    try {
      sessionStorage.setItem(REAUTHENTICATION_FOR, 'delete-account');
      const { authorizationUrl } = await api.post(
        `/api/v1/me/connections/${encodeURIComponent(connection.provider)}/reauthentication`);
      location.assign(authorizationUrl);
    } catch (error) {
      sessionStorage.removeItem(REAUTHENTICATION_FOR);
      this.deleteError = error;
      this.deleting = false;
    }
  }

  async #save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.error = null;
    this.saved = false;
    try {
      this.user = await api.patch('/api/v1/me', {
        displayName: form.get('displayName').trim(),
        email: form.get('email').trim(),
      });
      session.update(this.user);
      this.saved = true;
    } catch (error) {
      this.error = error;
      await this.updateComplete;
      this.renderRoot.querySelector('[aria-invalid="true"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  #dialog() {
    return this.renderRoot.querySelector('#delete-dialog');
  }

  #askDelete() {
    this.deleteError = null;
    this.#dialog().showModal();
    const password = this.renderRoot.querySelector('#delete-password');
    if (password) password.value = '';
  }

  async #delete(event) {
    event.preventDefault();
    const password = new FormData(event.target).get('password');
    if (this.hasPassword && !password) {
      this.deleteError = { title: 'Enter your password.', errors: [{ field: 'password', message: 'enter your password' }],
        fieldError: (name) => (name === 'password' ? 'enter your password' : '') };
      return;
    }
    this.deleting = true;
    this.deleteError = null;
    try {
      await api.delete('/api/v1/me', { body: this.hasPassword ? { password } : {} });
      this.#dialog().close();
      session.end('deleted');
    } catch (error) {
      this.deleteError = error;
      if (error.code === 'reauthentication-required') this.reauthenticatedUntil = null;
      await this.updateComplete;
      this.renderRoot.querySelector('#delete-password')?.focus();
    } finally {
      this.deleting = false;
    }
  }
}

customElements.define('encore-account-profile', AccountProfile);
