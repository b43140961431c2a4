import { LitElement, html, css } from 'lit';
import { Router, safePath } from '../core/router.js';
import { routes, notFound } from '../core/routes.js';
import { session } from '../core/session.js';
import { network } from '../core/network.js';
import { icon, logo } from './icons.js';
import { shared } from '../styles/shared.js';
import './network-banner.js';
import './player-bar.js';
import './track-actions.js';
import './sidebar-playlists.js';
import './search-box.js';

/**
 * The root of the app: starts the session, routes, and lays the page out. Signed out, a screen
 * stands alone (sign-in, register); signed in, it sits beside the sidebar (wide screens) or under
 * the top bar (phones). Screens are custom elements loaded on first visit; the element named by
 * the route is created here, with the route's params and query as properties.
 */
class EncoreApp extends LitElement {
  static properties = {
    view: { state: true },
    menuOpen: { state: true },
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
      position: sticky; top: 0; height: 100vh; height: 100dvh; overflow-y: auto; overscroll-behavior: contain;
      display: flex; flex-direction: column; gap: var(--space-5);
      padding: var(--space-5) var(--space-4); background: var(--sidebar-bg); border-right: 1px solid var(--border);
    }
    .brand {
      display: flex; align-items: center; gap: var(--space-3); padding: 0 var(--space-2);
      color: var(--text); text-decoration: none; font-weight: 800; font-size: 1.3rem; letter-spacing: -0.02em;
    }
    .brand:hover { color: var(--text); }
    nav { display: grid; gap: var(--space-5); }
    /* the sidebar scrolls when its entries outgrow the window: none of them shrinks over the next */
    .sidebar > * { flex: none; }
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
      flex: none; margin-top: auto; display: flex; align-items: center; gap: var(--space-3);
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
    /* room for the player bar at the bottom (its height while something is loaded) */
    .layout .sidebar { height: calc(100vh - var(--player-space)); height: calc(100dvh - var(--player-space)); }
    .layout main { padding-bottom: var(--player-space); }
    .booting .logo { width: 56px; height: 56px; animation: pulse 1.2s ease-in-out infinite; }
    @keyframes pulse { 50% { opacity: .5; transform: scale(.94); } }

    .scrim { display: none; }

    /* phones and narrow windows: a top bar, and the sidebar as a drawer behind its menu button */
    @media (max-width: 860px) {
      .layout { display: block; }
      .sidebar {
        position: fixed; top: 0; left: 0; bottom: 0; z-index: 32; width: min(300px, 86vw);
        height: 100vh; height: 100dvh; overflow-y: auto; padding-bottom: var(--space-5);
        box-shadow: var(--shadow); transform: translateX(-105%); visibility: hidden;
        transition: transform var(--transition), visibility 0s linear .2s;
      }
      .layout .sidebar { height: 100vh; height: 100dvh; }
      .menu-open .sidebar { transform: none; visibility: visible; transition: transform var(--transition); }
      .menu-open .scrim {
        display: block; position: fixed; inset: 0; z-index: 31; background: rgb(0 0 0 / .45);
      }
      .topbar {
        position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: var(--space-1);
        height: var(--topbar-height); padding: 0 var(--space-2);
        background: color-mix(in srgb, var(--sidebar-bg) 92%, transparent); backdrop-filter: blur(12px);
        border-bottom: 1px solid var(--border);
      }
      .topbar .brand { font-size: 1.1rem; padding: 0 var(--space-1); margin-right: auto; }
      .topbar .brand .logo { width: 28px; height: 28px; }
      .content { padding: var(--space-5) var(--space-4) var(--space-6); }
    }
    @media (prefers-reduced-motion: reduce) { .sidebar { transition: none; } }
  `];

  #router = new Router(routes);

  constructor() {
    super();
    this.view = null;
    this.menuOpen = false;
  }

  async connectedCallback() {
    super.connectedCallback();
    this.#router.addEventListener('change', () => this.#show(this.#router.current));
    session.addEventListener('change', (event) => this.#sessionChanged(event.detail.reason));
    document.addEventListener('keydown', (event) => this.#searchShortcut(event));
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
    this.menuOpen = false;
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
      <div class="layout ${this.menuOpen ? 'menu-open' : ''}" @keydown=${this.#closeOnEscape}>
        <aside class="sidebar" id="sidebar" aria-label="Sidebar">
          <a class="brand" href="/library/tracks">${logo}<span>Encore</span></a>
          <encore-search-box .router=${this.#router}></encore-search-box>
          ${this.#nav('Main')}
          <encore-sidebar-playlists .path=${this.view.place.path}></encore-sidebar-playlists>
          ${this.#account()}
        </aside>
        <div class="scrim" @click=${() => this.#closeMenu()}></div>
        <div>
          <header class="topbar">
            <button class="icon-button menu-button" type="button" aria-label="Menu" aria-controls="sidebar"
              aria-expanded=${this.menuOpen ? 'true' : 'false'} @click=${this.#openMenu}>${icon('menu')}</button>
            <a class="brand" href="/library/tracks">${logo}<span>Encore</span></a>
            <a class="icon-button search-link" href="/search" aria-label="Search" title="Search (/)">${icon('search')}</a>
            <a class="icon-button" href="/account" aria-label="Account" title="Account"
              aria-current=${this.view.place.path.startsWith('/account') ? 'page' : 'false'}>${icon('user')}</a>
          </header>
          <main id="main" tabindex="-1" ?inert=${this.menuOpen}><div class="content">${screen}</div></main>
        </div>
      </div>
      <encore-player-bar></encore-player-bar>`;
  }

  #nav(label) {
    const visible = routes.filter((route) => route.nav && (route.access !== 'admin' || session.isAdmin));
    const sections = Map.groupBy(visible, (route) => route.nav.section);
    const current = this.view.place.path;
    return html`<nav aria-label=${label}>
      ${[...sections].map(([section, items]) => html`<div class="section">
        <div class="section-title" aria-hidden="true">${section}</div>
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

  /** `/` from anywhere but a text field: to the search box (the search page on phones). */
  #searchShortcut(event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || !session.signedIn) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable
        || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    event.preventDefault();
    const box = this.renderRoot.querySelector('.sidebar encore-search-box');
    if (box && box.checkVisibility({ visibilityProperty: true })) { // not in the closed drawer of phones
      box.focus();
    } else if (location.pathname === '/search') {
      this.renderRoot.querySelector('encore-search')?.renderRoot.querySelector('input')?.focus();
    } else {
      this.#router.navigate('/search');
    }
  }

  /** Phones: the sidebar slides in over the page, with the focus on its first link. */
  async #openMenu() {
    this.menuOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector('.sidebar .nav-link')?.focus();
  }

  #closeMenu() {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    this.updateComplete.then(() => this.renderRoot.querySelector('.menu-button')?.focus());
  }

  #closeOnEscape(event) {
    if (event.key === 'Escape' && this.menuOpen) {
      event.stopPropagation();
      this.#closeMenu();
    }
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
