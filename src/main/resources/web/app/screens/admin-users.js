import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { session } from '../core/session.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { failedState, emptyState } from '../components/states.js';
import { pager, withQuery } from '../components/pager.js';
import { pageNumber } from '../components/browse-grid.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

const PAGE_SIZE = 25;
const DEBOUNCE_MS = 300;

/**
 * Admin → Users (`GET /api/v1/admin/users`): search by username or email as you type, a page at
 * a time; enable or disable an account (disabling ends its sessions at once) and grant or remove
 * the admin role (`PATCH /api/v1/admin/users/{id}`). The search and the page are in the URL.
 * The only enabled admin (`lastAdmin` in the list) can be neither disabled nor demoted (the API answers
 * 409 last-admin): those two buttons are disabled, and a note says why. After a change the page is read
 * again, as another account may have become (or stopped being) the last admin. For someone who lost both
 * their authenticator and their recovery codes, an account with two-step verification on has "Reset 2FA"
 * (`DELETE /api/v1/admin/users/{id}/mfa`: off, and signed out everywhere); not one's own account, which
 * turns it off with a code like everyone.
 */
class AdminUsers extends LitElement {
  static properties = {
    actionError: { state: true },
    busy: { state: true }, // the id of the account being changed
    announcement: { state: true },
  };

  static styles = [shared, page, css`
    .search { position: relative; max-width: 420px; flex: 1 1 280px; }
    .search input {
      width: 100%; min-height: 44px; padding: 0 var(--space-3) 0 42px; border: 1px solid var(--border-strong);
      border-radius: 999px; background: var(--bg-raised); color: var(--text); font: inherit;
    }
    .search input:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
    .search svg { position: absolute; left: 14px; top: 12px; width: 20px; height: 20px; color: var(--text-faint); pointer-events: none; }
    .toolbar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--space-3); margin-bottom: var(--space-4); }
    .count { color: var(--text-muted); }
    ul.users { list-style: none; margin: 0; padding: 0; }
    li.user {
      display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1.3fr) auto auto; gap: var(--space-4); align-items: center;
      padding: var(--space-3) var(--space-5); border-bottom: 1px solid var(--border);
    }
    li.user:last-child { border-bottom: 0; }
    li.user.disabled .who strong { color: var(--text-muted); }
    .who { display: flex; align-items: center; gap: var(--space-3); min-width: 0; }
    .who > span:last-child { min-width: 0; display: grid; }
    .who strong, .who .handle, .email { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .handle { color: var(--text-muted); font-size: .88rem; }
    .avatar {
      flex: none; display: grid; place-items: center; width: 38px; height: 38px; border-radius: 50%;
      background: var(--accent-gradient); color: #fff; font-weight: 800; text-transform: uppercase;
    }
    li.user.disabled .avatar { background: var(--bg-active); color: var(--text-muted); }
    .email { color: var(--text-muted); }
    .tags { display: flex; flex-wrap: wrap; gap: var(--space-1); justify-content: flex-end; }
    .actions { display: flex; gap: var(--space-2); justify-content: flex-end; }
    .why { grid-column: 1 / -1; margin: calc(-1 * var(--space-2)) 0 0; text-align: right; color: var(--text-muted); font-size: .82rem; }
    .skeleton-row { display: grid; grid-template-columns: 2fr 1.3fr 1fr; gap: var(--space-4); padding: var(--space-4) var(--space-5); border-bottom: 1px solid var(--border); }
    @media (max-width: 860px) {
      li.user { grid-template-columns: minmax(0, 1fr) auto; padding: var(--space-3) var(--space-4); gap: var(--space-2) var(--space-3); }
      .email { grid-column: 1 / -1; grid-row: 2; padding-left: 50px; font-size: .88rem; }
      .actions { grid-column: 1 / -1; justify-content: flex-start; padding-left: 50px; flex-wrap: wrap; }
      .why { margin: 0; padding-left: 50px; text-align: left; }
      .skeleton-row { grid-template-columns: 1fr; }
    }
  `];

  #timer = 0;

  constructor() {
    super();
    this.actionError = null;
    this.busy = null;
    this.announcement = '';
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  get #q() {
    return this.query?.get('q') ?? '';
  }

  #users = new Loader(this, async () => {
    const result = await api.get('/api/v1/admin/users', { query: { q: this.#q, page: pageNumber(this.query), size: PAGE_SIZE } });
    this.announcement = `${result.totalItems} ${result.totalItems === 1 ? 'account' : 'accounts'}`
      + `${this.#q ? ` match “${this.#q}”` : ''}.`;
    return result;
  });

  /** The page of accounts shown. */
  get result() {
    return this.#users.value;
  }

  render() {
    return html`
      <div class="head"><div>
        <div class="eyebrow">Admin</div>
        <h1>Users</h1>
        <p class="lead">Who can sign in to this Encore, and who runs it.</p>
      </div></div>
      <div class="toolbar">
        <form class="search" role="search" @submit=${(event) => event.preventDefault()}>
          ${icon('search')}
          <label class="visually-hidden" for="q">Search users by username or email</label>
          <input id="q" type="search" placeholder="Search by username or email" .value=${this.#q}
            autocomplete="off" autocapitalize="none" spellcheck="false" @input=${this.#search}>
        </form>
        ${this.#users.state === 'ready' ? html`<span class="count">${this.result.totalItems}
          ${this.result.totalItems === 1 ? 'account' : 'accounts'}</span>` : ''}
      </div>
      ${problemAlert(this.actionError)}
      ${this.#body()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #body() {
    if (this.#users.state === 'failed') {
      return failedState('The accounts could not be loaded', this.#users.error, this.#users.reload);
    }
    if (this.#users.state === 'loading') {
      return html`<div class="card table-card" aria-busy="true">${[0, 1, 2, 3].map(() => html`<div class="skeleton-row"
        aria-hidden="true"><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span></div>`)}
        <span class="visually-hidden" role="status">Loading accounts…</span></div>`;
    }
    if (this.result.items.length === 0) {
      return emptyState('users', `No account matches “${this.#q}”`, 'Search by part of a username or an email address.');
    }
    return html`<div class="card table-card"><ul class="users" aria-label="Accounts">
        ${this.result.items.map((user) => this.#row(user))}</ul></div>
      ${pager(this.result, (number) => withQuery(this.query, { page: number }), 'Pages of accounts')}`;
  }

  #row(user) {
    const name = user.displayName || user.username;
    const admin = user.roles.includes('ADMIN');
    const me = user.id === session.user?.id;
    const busy = this.busy === user.id;
    const last = Boolean(user.lastAdmin); // the API refuses to demote or disable the only enabled admin
    const why = `why-${user.id}`;
    return html`<li class="user ${user.enabled ? '' : 'disabled'}" data-user=${user.username}>
      <span class="who"><span class="avatar" aria-hidden="true">${name.slice(0, 1)}</span>
        <span><strong>${name}${me ? ' (you)' : ''}</strong><span class="handle">@${user.username}</span></span></span>
      <span class="email">${user.email}</span>
      <span class="tags">
        ${admin ? html`<span class="pill accent">Admin</span>` : ''}
        ${user.enabled ? html`<span class="pill good">Active</span>` : html`<span class="pill bad">Disabled</span>`}
        ${user.mfaEnabled ? html`<span class="pill" title="Two-step verification is on">2FA</span>` : ''}
      </span>
      <span class="actions">
        <button class="button secondary small" type="button" ?disabled=${busy || last}
          aria-describedby=${last ? why : ''}
          aria-label="${admin ? 'Remove admin role from' : 'Make admin:'} ${user.username}"
          @click=${() => this.#update(user, { roles: admin ? ['USER'] : ['USER', 'ADMIN'] },
            admin ? `${user.username} is no longer an admin.` : `${user.username} is now an admin.`)}>
          ${admin ? 'Remove admin' : 'Make admin'}</button>
        <button class="button ${user.enabled ? 'danger' : 'primary'} small" type="button" ?disabled=${busy || last}
          aria-describedby=${last ? why : ''}
          aria-label="${user.enabled ? 'Disable' : 'Enable'} ${user.username}"
          @click=${() => this.#update(user, { enabled: !user.enabled },
            user.enabled ? `${user.username} is disabled and signed out everywhere.` : `${user.username} can sign in again.`)}>
          ${user.enabled ? 'Disable' : 'Enable'}</button>
        ${user.mfaEnabled && !me ? html`<button class="button secondary small" type="button" ?disabled=${busy}
          aria-label="Reset two-step verification of ${user.username}" @click=${() => this.#resetSecondFactor(user)}>
          Reset 2FA</button>` : ''}
      </span>
      ${last ? html`<p class="why" id=${why}>The only active admin: make another account an admin first.</p>` : ''}
    </li>`;
  }

  async #update(user, change, done) {
    this.busy = user.id;
    this.actionError = null;
    try {
      const updated = await api.patch(`/api/v1/admin/users/${user.id}`, change);
      this.#users.show({ ...this.result, items: this.result.items.map((one) => (one.id === updated.id ? updated : one)) });
      this.announcement = done;
      this.#refresh();
      if (updated.id === session.user?.id) session.check(); // my own roles changed: the navigation follows
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = null;
    }
  }

  async #resetSecondFactor(user) {
    this.busy = user.id;
    this.actionError = null;
    try {
      await api.delete(`/api/v1/admin/users/${user.id}/mfa`);
      this.#users.show({ ...this.result, items: this.result.items.map((one) => (one.id === user.id
        ? { ...one, mfaEnabled: false } : one)) });
      this.announcement = `Two-step verification of ${user.username} is off, and they are signed out everywhere.`;
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = null;
    }
  }

  /** Reads the page again without the loading state: who is the last admin may have changed with the update. */
  async #refresh() {
    try {
      this.#users.show(await api.get('/api/v1/admin/users', { query: { q: this.#q, page: pageNumber(this.query), size: PAGE_SIZE } }));
    } catch {
      // the row already shows the update; the next visit reads the rest
    }
  }

  #search(event) {
    const q = event.target.value.trim();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const target = withQuery(this.query, { q, page: null });
      history.replaceState(null, '', target);
      this.query = new URLSearchParams(location.search);
      this.#users.reload();
    }, DEBOUNCE_MS);
  }
}

customElements.define('encore-admin-users', AdminUsers);
