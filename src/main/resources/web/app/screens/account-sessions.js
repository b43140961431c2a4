import { html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';
import { AccountScreen, accountStyles } from './account.js';

/**
 * Account → Sessions: every device signed in to the account (`GET /api/v1/me/sessions`), this one
 * marked; sign one out (`DELETE /api/v1/me/sessions/{id}`) or all the others at once.
 */
class AccountSessions extends AccountScreen {
  static path = '/account/sessions';
  static failedTitle = 'Your sessions could not be loaded';

  static properties = {
    sessions: { state: true },
    actionError: { state: true },
    busy: { state: true }, // the id being signed out, or 'others'
    announcement: { state: true },
  };

  static styles = [shared, page, accountStyles, css`
    ul.list { list-style: none; margin: 0; padding: 0; }
    li.session { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; gap: var(--space-4); align-items: center;
      padding: var(--space-4) var(--space-5); border-bottom: 1px solid var(--border); }
    li.session:last-child { border-bottom: 0; }
    .device { display: grid; place-items: center; width: 44px; height: 44px; border-radius: 50%; background: var(--bg-hover); color: var(--text-muted); }
    .device.current { background: var(--accent-soft); color: var(--accent); }
    .device svg { width: 22px; height: 22px; }
    .what { min-width: 0; display: grid; gap: 2px; }
    .what strong { display: flex; align-items: center; gap: var(--space-2); flex-wrap: wrap; }
    .what span { color: var(--text-muted); font-size: .88rem; overflow-wrap: anywhere; }
    .skeleton-row { display: grid; gap: var(--space-2); padding: var(--space-4) var(--space-5); border-bottom: 1px solid var(--border); }
    .skeleton-row .skeleton:last-child { width: 60%; }
    @media (max-width: 860px) {
      li.session { grid-template-columns: auto minmax(0, 1fr); padding: var(--space-4); }
      li.session .button { grid-column: 2; justify-self: start; }
    }
  `];

  constructor() {
    super();
    this.sessions = [];
    this.actionError = null;
    this.busy = null;
    this.announcement = '';
  }

  fetchData() {
    return api.get('/api/v1/me/sessions');
  }

  accept(data) {
    this.sessions = data;
  }

  renderContent() {
    const others = this.sessions.filter((one) => !one.current).length;
    return html`<section class="card" aria-labelledby="sessions-title">
      <div class="section">
        <div class="section-head">
          <div><h2 id="sessions-title" tabindex="-1">Where you are signed in</h2>
            <p>Sign out a device you no longer use or do not recognise. Its next request is refused.</p></div>
          ${others > 0 ? html`<button class="button secondary small" type="button" ?disabled=${this.busy !== null}
            @click=${this.#revokeOthers}>Sign out all others</button>` : ''}
        </div>
        ${problemAlert(this.actionError)}
      </div>
      ${this.state === 'loading' ? this.#skeleton() : html`<ul class="list" aria-label="Sessions">
        ${this.sessions.map((one) => this.#row(one))}</ul>`}
    </section>
    <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #row(one) {
    const device = describe(one.userAgent);
    return html`<li class="session" data-session=${one.id}>
      <span class="device ${one.current ? 'current' : ''}" aria-hidden="true">${icon(device.phone ? 'phone' : 'monitor')}</span>
      <span class="what">
        <strong>${device.name}${one.current ? html`<span class="pill accent">This device</span>` : ''}</strong>
        <span>${one.clientIp ? html`<span class="mono">${one.clientIp}</span> · ` : ''}Signed in ${when(one.createdAt)}</span>
        <span>Last active ${when(one.lastUsedAt ?? one.createdAt)}</span>
      </span>
      ${one.current ? '' : html`<button class="button secondary small" type="button" ?disabled=${this.busy !== null}
        aria-label="Sign out ${device.name}, signed in ${when(one.createdAt)}"
        @click=${() => this.#revoke(one)}>${this.busy === one.id ? 'Signing out…' : 'Sign out'}</button>`}
    </li>`;
  }

  #skeleton() {
    return html`<div aria-busy="true">${[0, 1].map(() => html`<div class="skeleton-row" aria-hidden="true">
      <span class="skeleton"></span><span class="skeleton"></span></div>`)}
      <span class="visually-hidden" role="status">Loading your sessions…</span></div>`;
  }

  async #revoke(one) {
    this.busy = one.id;
    this.actionError = null;
    try {
      await api.delete(`/api/v1/me/sessions/${one.id}`);
      this.sessions = this.sessions.filter((other) => other.id !== one.id);
      this.announcement = `${describe(one.userAgent).name} is signed out.`;
    } catch (error) {
      this.actionError = error;
      if (error.status === 404) await this.load(); // it had ended already: show what is left
    } finally {
      this.busy = null;
    }
    this.renderRoot.querySelector('#sessions-title')?.focus(); // its row and button are gone
  }

  async #revokeOthers() {
    this.busy = 'others';
    this.actionError = null;
    try {
      await api.delete('/api/v1/me/sessions');
      this.sessions = this.sessions.filter((one) => one.current);
      this.announcement = 'Every other session is signed out.';
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = null;
    }
  }
}

/** "Chrome on Linux" from a User-Agent header; the API keeps the header as the browser sent it. */
function describe(userAgent = '') {
  const agent = userAgent ?? '';
  const browser = [['Edg/', 'Edge'], ['OPR/', 'Opera'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'],
    ['Safari/', 'Safari'], ['curl/', 'curl']].find(([mark]) => agent.includes(mark))?.[1];
  const system = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['Windows', 'Windows'],
    ['Mac OS X', 'macOS'], ['CrOS', 'ChromeOS'], ['Linux', 'Linux']].find(([mark]) => agent.includes(mark))?.[1];
  const name = browser && system ? `${browser} on ${system}` : browser || system || 'Unknown device';
  return { name, phone: /Mobile|Android|iPhone/.test(agent) };
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function when(instant) {
  const seconds = Math.round((new Date(instant).getTime() - Date.now()) / 1000);
  const steps = [[60, 'second'], [3600, 'minute'], [86400, 'hour'], [604800, 'day']];
  if (seconds > -45) return 'just now';
  for (const [limit, unit] of steps) {
    if (-seconds < limit) {
      const size = { second: 1, minute: 60, hour: 3600, day: 86400 }[unit];
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return `on ${new Date(instant).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}`;
}

customElements.define('encore-account-sessions', AccountSessions);
