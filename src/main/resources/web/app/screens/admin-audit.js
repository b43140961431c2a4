import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { session } from '../core/session.js';
import { failedState, emptyState } from '../components/states.js';
import { pager, withQuery } from '../components/pager.js';
import { pageNumber } from '../components/browse-grid.js';
import { capitalize } from '../components/form-field.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

const PAGE_SIZE = 30;

/** The events the API records, by type, as people read them. */
const TYPES = {
  'login.succeeded': 'Signed in',
  'login.failed': 'Sign-in failed',
  'login.throttled': 'Sign-in throttled',
  'credential-check.failed': 'Password or code check failed',
  'credential-check.throttled': 'Password or code checks throttled',
  logout: 'Signed out',
  'refresh.reused': 'Stolen refresh token detected',
  'session.revoked': 'Session signed out',
  'session.revoked-others': 'Other sessions signed out',
  'password.changed': 'Password changed',
  'mfa.enabled': 'Two-step verification on',
  'mfa.disabled': 'Two-step verification off',
  'mfa.recovery-code-used': 'Recovery code used',
  'user.registered': 'Account created',
  'user.profile-updated': 'Profile updated',
  'account.deleted': 'Account deleted',
  'admin.user-updated': 'Account changed by an admin',
  'registration.admin-key-spent': 'Admin key used',
  'registration.admin-key-rejected': 'Admin key refused',
  'upload.malware-detected': 'Malware refused',
};
const ALARMING = new Set(['login.failed', 'login.throttled', 'credential-check.failed', 'credential-check.throttled',
  'refresh.reused', 'registration.admin-key-rejected', 'upload.malware-detected', 'account.deleted']);

/**
 * Admin → Audit trail (`GET /api/v1/admin/audit`): newest first, a page at a time, filtered by
 * event type, by who acted (a username, looked up among the accounts, or a user id) and by a time
 * range. The filters and the page are in the URL, so a filtered view can be shared and reloaded.
 */
class AdminAudit extends LitElement {
  static properties = {
    actorError: { state: true },
  };

  static styles = [shared, page, css`
    .filters {
      display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr) auto;
      gap: var(--space-3); align-items: end; padding: var(--space-4); margin-bottom: var(--space-4);
    }
    .filters .field input { min-height: 44px; }
    .filters .buttons { display: flex; gap: var(--space-2); }
    ol.events { list-style: none; margin: 0; padding: 0; }
    li.event {
      display: grid; grid-template-columns: 168px minmax(0, 1fr) auto; gap: var(--space-4); align-items: start;
      padding: var(--space-3) var(--space-5); border-bottom: 1px solid var(--border);
    }
    li.event:last-child { border-bottom: 0; }
    time { color: var(--text-muted); font-variant-numeric: tabular-nums; font-size: .9rem; }
    .what { min-width: 0; display: grid; gap: var(--space-1); }
    .what strong { display: flex; align-items: center; gap: var(--space-2); flex-wrap: wrap; }
    .type { color: var(--text-faint); font-family: var(--font-mono); font-size: .78rem; font-weight: 500; }
    .meta { display: flex; flex-wrap: wrap; gap: var(--space-1) var(--space-3); color: var(--text-muted); font-size: .86rem; }
    .meta span { overflow-wrap: anywhere; }
    .details { display: flex; flex-wrap: wrap; gap: var(--space-1); }
    .link-button {
      padding: 0; border: 0; background: none; font: inherit; color: var(--accent); cursor: pointer;
      text-decoration: underline; text-underline-offset: 2px;
    }
    .skeleton-row { display: grid; grid-template-columns: 168px 1fr; gap: var(--space-4); padding: var(--space-4) var(--space-5); border-bottom: 1px solid var(--border); }
    .dot { width: 10px; height: 10px; border-radius: 50%; background: var(--success); flex: none; }
    .dot.alarm { background: var(--danger); }
    @media (max-width: 1100px) { .filters { grid-template-columns: repeat(2, minmax(0, 1fr)); } .filters .buttons { grid-column: 1 / -1; } }
    @media (max-width: 860px) {
      .filters { grid-template-columns: 1fr; }
      li.event { grid-template-columns: minmax(0, 1fr); gap: var(--space-1); padding: var(--space-3) var(--space-4); }
      .skeleton-row { grid-template-columns: 1fr; }
    }
  `];

  constructor() {
    super();
    this.actorError = '';
  }

  #filter(name) {
    return this.query?.get(name) ?? '';
  }

  #events = new Loader(this, () => api.get('/api/v1/admin/audit', { query: {
    type: this.#filter('type'), actor: this.#filter('actor'), from: instant(this.#filter('from')),
    to: instant(this.#filter('to'), true), page: pageNumber(this.query), size: PAGE_SIZE,
  } }));

  /** The page of events shown. */
  get result() {
    return this.#events.value;
  }

  render() {
    const filtered = ['type', 'actor', 'from', 'to'].some((name) => this.#filter(name));
    return html`
      <div class="head"><div>
        <div class="eyebrow">Admin</div>
        <h1>Audit trail</h1>
        <p class="lead">Sign-ins, security changes and admin actions, newest first.</p>
      </div></div>
      <form class="card filters" role="search" aria-label="Filter the audit trail" @submit=${this.#apply}>
        <div class="field"><label for="type">Event</label>
          <select id="type" name="type">
            <option value="" ?selected=${!this.#filter('type')}>Any event</option>
            ${Object.entries(TYPES).map(([type, label]) => html`<option value=${type}
              ?selected=${this.#filter('type') === type}>${label}</option>`)}
          </select></div>
        <div class="field"><label for="actor">By</label>
          <input id="actor" name="actor" placeholder="Username or user id" autocomplete="off" autocapitalize="none"
            spellcheck="false" .value=${this.#filter('actorName') || this.#filter('actor')}
            aria-invalid=${this.actorError ? 'true' : 'false'} aria-describedby=${this.actorError ? 'actor-error' : undefined}>
          ${this.actorError ? html`<span class="error" id="actor-error">${this.actorError}</span>` : ''}</div>
        <div class="field"><label for="from">From</label>
          <input id="from" name="from" type="date" .value=${this.#filter('from')}></div>
        <div class="field"><label for="to">To</label>
          <input id="to" name="to" type="date" .value=${this.#filter('to')}></div>
        <div class="buttons">
          <button class="button primary" type="submit">Filter</button>
          ${filtered ? html`<a class="button quiet" href="/admin/audit">Clear</a>` : ''}
        </div>
      </form>
      ${this.#body(filtered)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.#events.state === 'ready'
        ? `${this.result.totalItems} ${this.result.totalItems === 1 ? 'event' : 'events'}` : ''}</div>`;
  }

  #body(filtered) {
    if (this.#events.state === 'failed') {
      return failedState('The audit trail could not be loaded', this.#events.error, this.#events.reload);
    }
    if (this.#events.state === 'loading') {
      return html`<div class="card table-card" aria-busy="true">${[0, 1, 2, 3, 4].map(() => html`<div class="skeleton-row"
        aria-hidden="true"><span class="skeleton"></span><span class="skeleton"></span></div>`)}
        <span class="visually-hidden" role="status">Loading the audit trail…</span></div>`;
    }
    if (this.result.items.length === 0) {
      return emptyState('audit', filtered ? 'No event matches these filters' : 'Nothing recorded yet',
        filtered ? 'Widen the time range, or choose another event or person.'
          : 'Sign-ins, security changes and admin actions appear here as they happen.');
    }
    return html`<div class="card table-card"><ol class="events" aria-label="Events">
        ${this.result.items.map((entry) => this.#row(entry))}</ol></div>
      ${pager(this.result, (number) => withQuery(this.query, { page: number }), 'Pages of events')}`;
  }

  #row(entry) {
    const when = new Date(entry.occurredAt);
    const details = entry.details && typeof entry.details === 'object' ? Object.entries(entry.details) : [];
    return html`<li class="event" data-type=${entry.type}>
      <time datetime=${entry.occurredAt} title=${when.toISOString()}>${when.toLocaleString(undefined,
        { dateStyle: 'medium', timeStyle: 'medium' })}</time>
      <div class="what">
        <strong><span class="dot ${ALARMING.has(entry.type) ? 'alarm' : ''}" aria-hidden="true"></span>
          ${TYPES[entry.type] ?? entry.type}<span class="type">${entry.type}</span></strong>
        <div class="meta">
          ${entry.actorId ? html`<span>By ${this.#who(entry.actorId)}</span>` : html`<span>By nobody signed in</span>`}
          ${entry.targetId && entry.targetId !== entry.actorId ? html`<span>On <span class="mono">${short(entry.targetId)}</span></span>` : ''}
          ${entry.clientIp ? html`<span>From <span class="mono">${entry.clientIp}</span></span>` : ''}
          ${entry.requestId ? html`<span>Request <span class="mono">${entry.requestId}</span></span>` : ''}
        </div>
        ${details.length ? html`<div class="details">${details.map(([key, value]) => html`<span class="pill">
          ${capitalize(key)}: ${value}</span>`)}</div>` : ''}
      </div>
      ${entry.actorId && entry.actorId !== this.#filter('actor') ? html`<button class="link-button" type="button"
        aria-label="Only events by ${entry.actorId === session.user?.id ? 'you' : entry.actorId}"
        @click=${() => this.#go({ actor: entry.actorId, actorName: null, page: null })}>Only by them</button>` : html`<span></span>`}
    </li>`;
  }

  #who(id) {
    if (id === session.user?.id) return 'you';
    if (id === this.#filter('actor') && this.#filter('actorName')) return `@${this.#filter('actorName')}`;
    return html`<span class="mono" title=${id}>${short(id)}</span>`;
  }

  async #apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const typed = form.get('actor').trim().replace(/^@/, '');
    this.actorError = '';
    let actor = '';
    let actorName = '';
    if (typed && /^[0-9a-f-]{36}$/i.test(typed)) {
      actor = typed.toLowerCase();
    } else if (typed) {
      try {
        const found = await api.get('/api/v1/admin/users', { query: { q: typed, size: 50 } });
        const user = found.items.find((one) => one.username.toLowerCase() === typed.toLowerCase()
          || one.email === typed.toLowerCase());
        if (!user) {
          this.actorError = `No account is called “${typed}”.`;
          await this.updateComplete;
          this.renderRoot.querySelector('#actor').focus();
          return;
        }
        actor = user.id;
        actorName = user.username;
      } catch (error) {
        this.#events.fail(error);
        return;
      }
    }
    this.#go({ type: form.get('type'), actor, actorName, from: form.get('from'), to: form.get('to'), page: null });
  }

  #go(changes) {
    const target = withQuery(this.query, changes);
    history.pushState(null, '', target.startsWith('?') ? `${location.pathname}${target}` : target);
    this.query = new URLSearchParams(location.search);
    this.#events.reload();
  }
}

/** The start of a day (or, for `to`, the start of the next one, as the range is [from, to)) as an instant. */
function instant(day, end = false) {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

function short(id) {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

customElements.define('encore-admin-audit', AdminAudit);
