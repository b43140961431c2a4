import { LitElement, html, css } from 'lit';
import { session } from '../core/session.js';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { failedState } from '../components/states.js';

const TABS = [
  { path: '/account', label: 'Profile' },
  { path: '/account/security', label: 'Security' },
  { path: '/account/sessions', label: 'Sessions' },
  { path: '/account/notifications', label: 'Notifications' },
];

/**
 * The frame of the account screens (`/account`, `/account/security`, `/account/sessions`, `/account/notifications`, each a
 * route of its own): who I am, and the tabs between them as links, so reload and back work.
 */
export function accountFrame(current, content) {
  const user = session.user ?? {};
  const name = user.displayName || user.username || '';
  return html`
    <div class="head">
      <div class="identity">
        <span class="avatar" aria-hidden="true">${name.slice(0, 1)}</span>
        <div>
          <div class="eyebrow">Account</div>
          <h1>${name}</h1>
          <div class="handle"><span>@${user.username}</span>
            ${(user.roles ?? []).includes('ADMIN') ? html`<span class="pill accent">Admin</span>` : ''}</div>
        </div>
      </div>
    </div>
    <nav class="tabs" aria-label="Account sections">
      ${TABS.map((tab) => html`<a href=${tab.path} aria-current=${tab.path === current ? 'page' : 'false'}>${tab.label}</a>`)}
    </nav>
    ${content}`;
}

/**
 * An account screen: loads what it shows when it is connected, with a {@link Loader} (`fetchData()`,
 * kept by `accept(data)`; me as `user` by default), and renders inside the frame: its content once
 * loaded (`renderContent()`, which also draws the loading skeleton while `state` is 'loading'), or the
 * failed state with a retry.
 * Subclasses name their `static path` and `static failedTitle`.
 */
/**
 * The sessionStorage key that says what a re-authentication at a provider was for, when it was not
 * for Account → Security itself (where the provider sends the browser back to): 'delete-account'.
 */
export const REAUTHENTICATION_FOR = 'encore.reauthentication-for';

export class AccountScreen extends LitElement {
  #data = new Loader(this, async () => this.accept(await this.fetchData()));

  /** What the screen shows: me (`GET /api/v1/me`) unless a subclass says otherwise. */
  fetchData() {
    return api.get('/api/v1/me');
  }

  /** Keeps what `fetchData()` answered: me as `user` unless a subclass says otherwise. */
  accept(data) {
    this.user = data;
  }

  /** 'loading', 'ready' or 'failed'. */
  get state() {
    return this.#data.state;
  }

  /** Loads again (after a change that others may have made too). */
  load() {
    return this.#data.reload();
  }

  render() {
    const { path, failedTitle } = this.constructor;
    return accountFrame(path, this.state === 'failed'
      ? failedState(failedTitle, this.#data.error, this.#data.reload) : this.renderContent());
  }
}

/**
 * An account screen that knows how its owner proves it is them before a sensitive change: whether I have
 * a password (an account made through an identity provider has none), my connected providers and until
 * when this session's re-authentication at one stands in for a password (`GET /api/v1/me/connections`).
 */
export class OwnerProofScreen extends AccountScreen {
  static properties = {
    hasPassword: { state: true },
    connections: { state: true },
    reauthenticatedUntil: { state: true },
  };

  constructor() {
    super();
    this.hasPassword = true;
    this.connections = [];
    this.reauthenticatedUntil = null;
  }

  async fetchData() {
    const [user, connections] = await Promise.all([api.get('/api/v1/me'), api.get('/api/v1/me/connections')]);
    return { user, connections };
  }

  accept(data) {
    this.user = data.user;
    this.hasPassword = data.connections.hasPassword;
    this.connections = data.connections.items;
    this.reauthenticatedUntil = data.connections.reauthenticatedUntil ?? null;
  }

  /** Whether this session re-authenticated at a provider lately (an account without a password needs it). */
  confirmed() {
    return this.reauthenticatedUntil !== null && Date.parse(this.reauthenticatedUntil) > Date.now();
  }

  /** The connection to confirm with: the one used last. */
  confirmWith() {
    return [...this.connections].sort((a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''))[0];
  }
}

export const accountStyles = css`
  .identity { display: flex; align-items: center; gap: var(--space-4); min-width: 0; }
  .identity .avatar {
    flex: none; display: grid; place-items: center; width: 64px; height: 64px; border-radius: 50%;
    background: var(--accent-gradient); color: #fff; font-weight: 800; font-size: 1.6rem; text-transform: uppercase;
    box-shadow: var(--shadow);
  }
  .identity > div { min-width: 0; display: grid; gap: 2px; }
  .identity h1 { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .handle { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-2); color: var(--text-muted); }
  .tabs { display: flex; gap: var(--space-1); border-bottom: 1px solid var(--border); margin-bottom: var(--space-5); overflow-x: auto; }
  .tabs a {
    display: inline-flex; align-items: center; min-height: 44px; padding: 0 var(--space-4); margin-bottom: -1px;
    color: var(--text-muted); font-weight: 650; text-decoration: none; border-bottom: 2px solid transparent; white-space: nowrap;
  }
  .tabs a:hover { color: var(--text); }
  .tabs a[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); }
  /* four tabs fit a phone's width side by side */
  @media (max-width: 480px) { .tabs a { padding: 0 var(--space-2); font-size: .9rem; } }
`;
