import { network } from './network.js';

/** Not a secret: only whether this browser had a session, so a signed-out visit does not try a refresh. */
const HINT = 'encore.session';
/** Refresh this long before the access token expires. */
const EARLY_MS = 60_000;
const REFRESH_URL = '/api/v1/auth/refresh?cookie=true';

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
  #channel = 'BroadcastChannel' in window ? new BroadcastChannel('encore-session') : null;

  constructor() {
    super();
    this.#channel?.addEventListener('message', (event) => {
      if (event.data === 'signed-out' && this.status === 'signed-in') {
        this.#end('signed-out-elsewhere', false);
      }
    });
  }

  get token() {
    return this.#token;
  }

  get signedIn() {
    return this.status === 'signed-in';
  }

  /** At load: resume the session of the refresh cookie, if this browser had one. */
  async start() {
    if (localStorage.getItem(HINT)) {
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
    this.#change('signed-in');
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
