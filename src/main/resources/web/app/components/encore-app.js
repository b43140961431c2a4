import { LitElement, html, css } from 'lit';
import { Router, safePath } from '../core/router.js';
import { routes, notFound } from '../core/routes.js';
import { session } from '../core/session.js';
import { network } from '../core/network.js';
import { icon, logo } from './icons.js';
import { shared } from '../styles/shared.js';
import './network-banner.js';

/**
 * The root of the app: starts the session, routes, and lays the page out. Signed out, a screen
 * stands alone (sign-in, register); signed in, it sits beside the sidebar (wide screens) or under
 * the top bar (phones). Screens are custom elements loaded on first visit; the element named by
 * the route is created here, with the route's params and query as properties.
 */
class EncoreApp extends LitElement {
  static properties = {
    view: { state: true },
  };

  static styles = [shared, css`
    :host { display: block; min-height: 100vh; min-height: 100dvh; }
    .skip {
      position: absolute; left: var(--space-3); top: -100px; z-index: 10;
      background: var(--bg-raised); color: var(--text); padding: var(--space-2) var(--space-4);
      border-radius: var(--radius); box-shadow: var(--shadow);
    }
    .skip:focus { top: var(--space-3); }

    .layout { display: grid; min-height: 100vh; min-height: 100dvh; grid-template-columns: var(--sidebar-width) 1fr; }
    .sidebar {
      position: sticky; top: 0; height: 100vh; height: 100dvh;
      display: flex; flex-direction: column; gap: var(--space-5);
      padding: var(--space-5) var(--space-4); background: var(--sidebar-bg); border-right: 1px solid var(--border);
    }
    .brand {
      display: flex; align-items: center; gap: var(--space-3); padding: 0 var(--space-2);
      color: var(--text); text-decoration: none; font-weight: 800; font-size: 1.3rem; letter-spacing: -0.02em;
    }
    .brand:hover { color: var(--text); }
    nav { display: grid; gap: var(--space-5); }
    .section { display: grid; gap: var(--space-1); }
    .section-title {
      padding: 0 var(--space-3); margin-bottom: var(--space-1);
      color: var(--text-faint); font-size: .75rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase;
    }
    nav ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
    .nav-link {
      display: flex; align-items: center; gap: var(--space-3); min-height: 40px; padding: 0 var(--space-3);
      border-radius: var(--radius); color: var(--text-muted); text-decoration: none; font-weight: 600;
      transition: background var(--transition), color var(--transition);
    }
    .nav-link:hover { background: var(--bg-hover); color: var(--text); }
    .nav-link[aria-current="page"] { background: var(--accent-soft); color: var(--accent); }
    .nav-link svg { width: 20px; height: 20px; }

    .account {
      margin-top: auto; display: flex; align-items: center; gap: var(--space-3);
      padding: var(--space-3); border-radius: var(--radius-l); background: var(--bg-hover);
    }
    .avatar {
      flex: none; display: grid; place-items: center; width: 36px; height: 36px; border-radius: 50%;
      background: var(--accent-gradient); color: #fff; font-weight: 800; text-transform: uppercase;
    }
    .who { min-width: 0; flex: 1; display: grid; color: var(--text); text-decoration: none; }
    .who:hover strong { text-decoration: underline; }
    .who strong, .who span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .who span { color: var(--text-muted); font-size: .82rem; }
    .icon-button {
      flex: none; display: grid; place-items: center; width: 40px; height: 40px; border-radius: 50%;
      border: 0; background: transparent; color: var(--text-muted); cursor: pointer;
    }
    .icon-button:hover { background: var(--bg-active); color: var(--text); }
    .icon-button[aria-current="page"] { background: var(--accent-soft); color: var(--accent); }
    .icon-button svg { width: 20px; height: 20px; }

    main { min-width: 0; outline: none; }
    .content { max-width: 1200px; margin: 0 auto; padding: var(--space-6) var(--space-6) var(--space-7); }
    .topbar { display: none; }
    .standalone { min-height: 100vh; min-height: 100dvh; }
    .booting { display: grid; place-items: center; min-height: 100vh; min-height: 100dvh; }
    .booting .logo { width: 56px; height: 56px; animation: pulse 1.2s ease-in-out infinite; }
    @keyframes pulse { 50% { opacity: .5; transform: scale(.94); } }

    @media (max-width: 860px) {
      .layout { display: block; }
      .sidebar { display: none; }
      .topbar {
        position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: var(--space-2);
        height: var(--topbar-height); padding: 0 var(--space-2) 0 var(--space-4);
        background: color-mix(in srgb, var(--sidebar-bg) 92%, transparent); backdrop-filter: blur(12px);
        border-bottom: 1px solid var(--border);
      }
      .topbar .brand { font-size: 1.1rem; padding: 0; }
      .topbar .brand .logo { width: 28px; height: 28px; }
      .topbar nav { margin-left: auto; }
      .topbar nav ul { display: flex; gap: var(--space-1); }
      .topbar .nav-link { min-height: 40px; padding: 0 var(--space-3); }
      .content { padding: var(--space-5) var(--space-4) var(--space-6); }
    }
  `];

  #router = new Router(routes);

  constructor() {
    super();
    this.view = null;
  }

  async connectedCallback() {
    super.connectedCallback();
    this.#router.addEventListener('change', () => this.#show(this.#router.current));
    session.addEventListener('change', (event) => this.#sessionChanged(event.detail.reason));
    await session.start();
    this.#router.start();
  }

  #sessionChanged(reason) {
    if (session.status === 'unknown' || !this.view) return;
    if (reason === 'signed-in') return; // the screen that signed in decides where to go
    if (reason === 'updated') { // the same session, a changed name or roles: the frame shows them
      this.requestUpdate();
      return;
    }
    if (reason === 'signed-out' || reason === 'deleted') {
      this.#router.navigate('/sign-in');
    } else {
      this.#router.refresh(); // expired or ended elsewhere: sign-in comes back here afterwards
    }
  }

  async #show(place) {
    const route = place.route ?? notFound;
    if (route.redirect) {
      this.#router.navigate(route.redirect(session), { replace: true });
      return;
    }
    if (route.access === 'member' && !session.signedIn) {
      this.#router.navigate(`/sign-in?next=${encodeURIComponent(place.path)}`, { replace: true });
      return;
    }
    if (route.access === 'admin' && !session.signedIn) {
      this.#router.navigate(`/sign-in?next=${encodeURIComponent(place.path)}`, { replace: true });
      return;
    }
    if (route.access === 'admin' && !session.isAdmin) {
      this.#show({ ...place, route: null }); // an admin screen does not exist for the others
      return;
    }
    if (route.access === 'guest' && session.signedIn) {
      this.#router.navigate(safePath(place.query.get('next')), { replace: true });
      return;
    }
    try {
      await route.load();
    } catch {
      network.lost(); // the screen's code did not arrive: stay where we are, the banner says why
      return;
    }
    document.title = `${route.title} · Encore`;
    const focusMain = this.view !== null;
    this.view = { route, place, screen: screenFor(route, place, this.#router) };
    if (focusMain) {
      await this.updateComplete;
      this.renderRoot.querySelector('main')?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }

  render() {
    if (!this.view) {
      return html`<div class="booting" role="status" aria-label="Encore is starting">${logo}</div>`;
    }
    const { screen } = this.view;
    if (!session.signedIn) {
      return html`<encore-network-banner></encore-network-banner>
        <main id="main" class="standalone" tabindex="-1">${screen}</main>`;
    }
    return html`
      <a class="skip" href="#main" @click=${this.#skip}>Skip to content</a>
      <encore-network-banner></encore-network-banner>
      <div class="layout">
        <aside class="sidebar" aria-label="Sidebar">
          <a class="brand" href="/library/tracks">${logo}<span>Encore</span></a>
          ${this.#nav('Main')}
          ${this.#account()}
        </aside>
        <div>
          <header class="topbar">
            <a class="brand" href="/library/tracks">${logo}<span>Encore</span></a>
            ${this.#nav('Main (compact)', true)}
            <a class="icon-button" href="/account" aria-label="Account" title="Account"
              aria-current=${this.view.place.path.startsWith('/account') ? 'page' : 'false'}>${icon('user')}</a>
            <button class="icon-button" type="button" @click=${() => session.signOut()} aria-label="Sign out"
              title="Sign out">${icon('signOut')}</button>
          </header>
          <main id="main" tabindex="-1"><div class="content">${screen}</div></main>
        </div>
      </div>`;
  }

  #nav(label, compact = false) {
    const visible = routes.filter((route) => route.nav && (route.access !== 'admin' || session.isAdmin)
      && !(compact && route.nav.compact === false)); // the top bar has room for the main screens only
    const sections = Map.groupBy(visible, (route) => route.nav.section);
    const current = this.view.place.path;
    return html`<nav aria-label=${label}>
      ${[...sections].map(([section, items]) => html`<div class="section">
        ${compact ? '' : html`<div class="section-title" aria-hidden="true">${section}</div>`}
        <ul>${items.map((route) => html`<li><a class="nav-link" href=${route.path}
          aria-current=${current === route.path || current.startsWith(`${route.path}/`) ? 'page' : 'false'}>${icon(route.nav.icon)}
          <span>${route.nav.label}</span></a></li>`)}</ul></div>`)}
    </nav>`;
  }

  #account() {
    const user = session.user ?? {};
    const name = user.displayName || user.username || '';
    return html`<div class="account">
      <span class="avatar" aria-hidden="true">${name.slice(0, 1)}</span>
      <a class="who" href="/account" title="Account"><strong>${name}</strong><span>@${user.username}</span></a>
      <button class="icon-button" type="button" @click=${() => session.signOut()} aria-label="Sign out"
        title="Sign out">${icon('signOut')}</button>
    </div>`;
  }

  #skip(event) {
    event.preventDefault();
    this.renderRoot.querySelector('main')?.focus();
  }
}

/** The screen's element, told where it is: the route's params, the query, and the router to navigate. */
function screenFor(route, place, router) {
  const element = document.createElement(route.tag);
  element.params = place.params;
  element.query = place.query;
  element.router = router;
  return element;
}

customElements.define('encore-app', EncoreApp);
