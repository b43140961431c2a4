/**
 * Whether Encore can be reached: the browser's online/offline events, and what the API client
 * learns from its own requests (a failed fetch means lost, any answer means reachable).
 * Dispatches `change`; `online` is the current state.
 */
class Network extends EventTarget {
  online = navigator.onLine;

  constructor() {
    super();
    window.addEventListener('online', () => this.reached());
    window.addEventListener('offline', () => this.lost());
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
      this.dispatchEvent(new Event('change'));
    }
  }
}

export const network = new Network();
