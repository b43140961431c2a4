import { network } from './network.js';

/** Not a secret: only whether this browser had a session, so a signed-out visit does not try a refresh. */
const HINT = 'encore.session';
/** Refresh this long before the access token expires. */
const EARLY_MS = 60_000;
const REFRESH_URL = '/api/v1/auth/refresh?cookie=true';
/** How often a visible tab asks whether its session still holds (an admin may have ended it). */
const CHECK_MS = 30_000;

/**
 * Who is signed in. The access token lives in memory only (never in storage); the refresh token
 * is the API's HttpOnly cookie, which scripts cannot read. A refresh runs at load and before the
 * access token expires, one at a time (in this tab by a shared promise, across tabs by a Web Lock,
 * so two tabs never spend the same refresh token). When a refresh is refused the session is over:
 * every tab signs out. Dispatches `change` with `detail.reason` when the state changes.
 */
class Session extends EventTarget {
  /** 'unknown' until start() settles, then 'signed-in' or 'signed-out'. */
  status = 'unknown';
  user = null;
  #token = null;
  #timer = 0;
  #refreshing = null;
  #checking = null;
  #checkTimer = 0;
  /** Why the last session ended ('expired', 'signed-out-elsewhere', …), for the sign-in screen to say. */
  endReason = null;
  #channel = 'BroadcastChannel' in window ? new BroadcastChannel('encore-session') : null;

  constructor() {
    super();
    this.#channel?.addEventListener('message', (event) => {
      if (event.data === 'signed-out' && this.status === 'signed-in') {
        this.#end('signed-out-elsewhere', false);
      }
    });
    // a tab coming back into view, or the network coming back, asks at once whether the session holds
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.check();
    });
    window.addEventListener('online', () => this.check());
  }

  get token() {
    return this.#token;
  }

  get signedIn() {
    return this.status === 'signed-in';
  }

  get isAdmin() {
    return this.signedIn && (this.user?.roles ?? []).includes('ADMIN');
  }

  /**
   * At load: resume the session of the refresh cookie, if this browser had one, or if it comes back from
   * signing in with an identity provider (`/?signed-in=oidc`: the API set the cookie on the way).
   */
  async start() {
    if (localStorage.getItem(HINT) || new URLSearchParams(location.search).get('signed-in') === 'oidc') {
      await this.refresh();
    } else {
      this.#end('none', false);
    }
  }

  /** Takes the answer of a login or refresh (`{accessToken, expiresIn, user}`). */
  accept(tokens) {
    this.#token = tokens.accessToken;
    this.user = tokens.user;
    localStorage.setItem(HINT, '1');
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.refresh(), Math.max(tokens.expiresIn * 1000 - EARLY_MS, 5_000));
    this.#scheduleCheck();
    this.endReason = null;
    this.#change('signed-in');
  }

  /**
   * Asks the API who is signed in (`GET /api/v1/me`): the answer keeps the user's name and roles
   * current; a 401 means the session was ended elsewhere (revoked, password changed, account
   * disabled by an admin), so one refresh decides, and a refused one ends the session here and in
   * every tab. Runs every half minute while the tab is visible, and when it becomes visible again.
   */
  check() {
    if (!this.signedIn || document.visibilityState === 'hidden') return Promise.resolve(this.signedIn);
    this.#checking ??= this.#whoAmI().finally(() => {
      this.#checking = null;
      if (this.signedIn) this.#scheduleCheck();
    });
    return this.#checking;
  }

  /** Ends the session here and in every tab without asking the API: it is gone already (the account was deleted). */
  end(reason) {
    this.#end(reason, true);
  }

  /** Takes a changed account (the profile screen saved it). */
  update(user) {
    this.user = { ...this.user, ...user };
    this.#change('updated');
  }

  /** Rotates the refresh cookie for a new access token; resolves to whether the session goes on. */
  refresh() {
    this.#refreshing ??= this.#rotate().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Ends the session on the server, then here and in every other tab. */
  async signOut() {
    const token = this.#token;
    this.#end('signed-out', true);
    if (token) {
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        credentials: 'same-origin',
      }).catch(() => network.lost());
    }
  }

  async #whoAmI() {
    const token = this.#token;
    let response;
    try {
      response = await fetch('/api/v1/me', {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, credentials: 'same-origin',
      });
    } catch {
      network.lost();
      return this.signedIn;
    }
    network.reached();
    if (token !== this.#token) return this.signedIn; // signed out or refreshed meanwhile: this answer is stale
    if (response.ok) {
      this.update(await response.json());
      return true;
    }
    return response.status === 401 ? this.refresh() : this.signedIn;
  }

  #scheduleCheck() {
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => this.check(), CHECK_MS);
  }

  async #rotate() {
    const post = () => fetch(REFRESH_URL, {
      method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin',
    });
    let response;
    try {
      response = navigator.locks ? await navigator.locks.request('encore-refresh', post) : await post();
    } catch {
      network.lost(); // offline is not signed out: the cookie still holds, the next request tries again
      if (this.status === 'unknown') {
        this.status = 'signed-out';
        this.dispatchEvent(new CustomEvent('change', { detail: { reason: 'offline' } }));
      }
      return false;
    }
    network.reached();
    if (response.ok) {
      this.accept(await response.json());
      return true;
    }
    this.#end('expired', true);
    return false;
  }

  #end(reason, everywhere) {
    const wasSignedIn = this.status === 'signed-in';
    this.#token = null;
    this.user = null;
    clearTimeout(this.#timer);
    clearTimeout(this.#checkTimer);
    if (wasSignedIn) this.endReason = reason;
    localStorage.removeItem(HINT);
    if (everywhere && wasSignedIn) this.#channel?.postMessage('signed-out');
    this.status = 'signed-out';
    this.dispatchEvent(new CustomEvent('change', { detail: { reason } }));
  }

  #change(reason) {
    this.status = 'signed-in';
    this.dispatchEvent(new CustomEvent('change', { detail: { reason } }));
  }
}

export const session = new Session();
