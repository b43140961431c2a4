/**
 * What a screen shows, loaded when the screen is connected: a Lit reactive controller around one
 * `fetch()` (a promise, usually `api.get(...)`). While it runs `state` is 'loading'; then 'ready' with
 * `value`, or 'failed' with `error` (an ApiError, for the failed state). `reload` runs it again (the
 * failed state's retry; it is bound, so it can be passed as it is). A run that answers after a
 * newer one is dropped. The host renders again on every change.
 *
 *     #albums = new Loader(this, () => api.get('/api/v1/albums'));
 *     render() { if (this.#albums.state === 'failed') return failedState('…', this.#albums.error, this.#albums.reload); … }
 */
export class Loader {
  state = 'loading';
  value = null;
  error = null;
  #run = 0;

  constructor(host, fetch) {
    this.host = host;
    this.fetch = fetch;
    host.addController(this);
  }

  hostConnected() {
    this.reload();
  }

  reload = async () => {
    const run = ++this.#run;
    this.#set('loading');
    try {
      const value = await this.fetch();
      if (run === this.#run) this.show(value);
    } catch (error) {
      if (run === this.#run) this.fail(error);
    }
  };

  /** Shows `value` (read again outside a run, e.g. a fresh stream URL). */
  show(value) {
    this.value = value;
    this.#set('ready');
  }

  /** Shows the failed state for `error`. */
  fail(error) {
    this.error = error;
    this.#set('failed');
  }

  #set(state) {
    this.state = state;
    this.host.requestUpdate();
  }
}
