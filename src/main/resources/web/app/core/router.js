/**
 * The client-side router: matches `location.pathname` against the route table (core/routes.js),
 * follows same-origin link clicks without reloading the page (History API), and the back and
 * forward buttons. Dispatches `change` with the matched route; screens never reload the page, so
 * what keeps running (later: the player) keeps running.
 */
export class Router extends EventTarget {
  #routes;
  current = null;

  /** @param {Array<{path: string}>} routes path patterns such as `/playlists/:id` */
  constructor(routes) {
    super();
    this.#routes = routes.map((route) => ({ ...route, pattern: compile(route.path) }));
  }

  start() {
    window.addEventListener('popstate', () => this.#resolve());
    document.addEventListener('click', (event) => this.#follow(event));
    this.#resolve();
  }

  /** Goes to `path` (with its query), adding a history entry unless `replace`. */
  navigate(path, { replace = false } = {}) {
    if (path === location.pathname + location.search) return;
    history[replace ? 'replaceState' : 'pushState'](null, '', path);
    this.#resolve();
  }

  /** Resolves the current location again (after sign-in or sign-out changed what it shows). */
  refresh() {
    this.#resolve();
  }

  match(pathname) {
    for (const route of this.#routes) {
      const found = route.pattern.exec(pathname);
      if (found) return { route, params: { ...found.groups } };
    }
    return null;
  }

  #resolve() {
    const found = this.match(location.pathname);
    this.current = {
      path: location.pathname,
      query: new URLSearchParams(location.search),
      route: found?.route ?? null,
      params: found?.params ?? {},
    };
    this.dispatchEvent(new CustomEvent('change', { detail: this.current }));
  }

  /** A plain left click on a same-origin link, inside any shadow root, is a navigation in the app. */
  #follow(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey) return;
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.href);
    if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
    if (!this.match(link.pathname)) return; // not the app's: API links, downloads, /problems pages
    event.preventDefault();
    this.navigate(link.pathname + link.search);
  }
}

/** A `next` path to go to after signing in: only a path of this app, never another origin (`//evil.example`). */
export function safePath(next, fallback = '/library/tracks') {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

function compile(path) {
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}/?$`);
}
