/** The first wait before asking whether Encore is back, in ms; each failed try doubles it up to {@link LONGEST}. */
const FIRST = 1000;
const LONGEST = 15000;

/**
 * Whether Encore can be reached: the browser's online/offline events, and what the API client
 * learns from its own requests (a failed fetch means lost, any answer means reachable).
 * Dispatches `change`; `online` is the current state.
 *
 * While lost, it asks by itself whether Encore is back: `GET /livez` (no token, nothing cached)
 * after 1 s, then 2, 4, 8 and every 15 s, and at once when the tab is shown again (not while the
 * browser itself says it has no network: its `online` event comes first); the first 200
 * makes it reachable. So a server restart is noticed without the user doing anything (a proxy's 502
 * or 503 meanwhile is not Encore). The liveness probe, not readiness: a dependency being down (which
 * makes /readyz 503) does not stop Encore answering. This probe is the one request outside the API client.
 */
class Network extends EventTarget {
  online = navigator.onLine;
  #timer = 0;
  #wait = FIRST;

  constructor() {
    super();
    window.addEventListener('online', () => this.reached());
    window.addEventListener('offline', () => this.lost());
    document.addEventListener('visibilitychange', () => {
      if (!this.online && document.visibilityState === 'visible') this.#probe();
    });
    if (!this.online) this.#later();
  }

  lost() {
    this.#set(false);
  }

  reached() {
    this.#set(true);
  }

  #set(online) {
    if (this.online !== online) {
      this.online = online;
      clearTimeout(this.#timer);
      this.#wait = FIRST;
      if (!online) this.#later();
      this.dispatchEvent(new Event('change'));
    }
  }

  #later() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#probe(), this.#wait);
    this.#wait = Math.min(this.#wait * 2, LONGEST);
  }

  async #probe() {
    clearTimeout(this.#timer);
    if (!navigator.onLine) { // no network at all: its 'online' event says when to look again
      this.#later();
      return;
    }
    try {
      const response = await fetch('/livez', { cache: 'no-store', credentials: 'omit' });
      if (response.ok) {
        this.reached();
        return;
      }
    } catch {
      // still not there
    }
    if (!this.online) this.#later();
  }
}

export const network = new Network();
