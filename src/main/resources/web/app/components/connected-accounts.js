import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { oidcProviders, oidcError } from '../core/oidc.js';
import { problemAlert } from './problem-alert.js';
import { icon } from './icons.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/**
 * Account → Security → Connected accounts: the identity providers this Encore offers, each with the
 * provider account connected to mine (its email, since when) and Connect / Disconnect. Connecting is a
 * trip to the provider (`POST /api/v1/me/connections/{provider}` answers where to go); it comes back to
 * this screen with `?connected=<provider>` or `?oidc-error=<problem type>`, said once here. Nothing at
 * all when no provider is configured and nothing is connected.
 */
class ConnectedAccounts extends LitElement {
  static properties = {
    providers: { state: true },
    mine: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  static styles = [shared, page, css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-2); }
    li {
      display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); flex-wrap: wrap;
      padding: var(--space-3) var(--space-4); border-radius: var(--radius); background: var(--bg-sunken);
    }
    .who { display: grid; gap: 2px; min-width: 0; }
    .who strong { font-weight: 650; }
    .who span { color: var(--text-muted); font-size: .9rem; overflow-wrap: anywhere; }
    .saved { display: inline-flex; align-items: center; gap: var(--space-1); color: var(--good, var(--text)); }
  `];

  constructor() {
    super();
    this.providers = [];
    this.mine = null;
    this.busy = null;
    this.error = null;
    this.notice = null;
  }

  connectedCallback() {
    super.connectedCallback();
    const query = new URLSearchParams(location.search);
    this.error = oidcError(query.get('oidc-error'));
    this.notice = query.get('connected');
    this.#load();
  }

  async #load() {
    try {
      const [providers, mine] = await Promise.all([oidcProviders(), api.get('/api/v1/me/connections')]);
      this.providers = providers;
      this.mine = mine;
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    if (!this.mine || (!this.providers.length && !this.mine.items.length)) return '';
    const rows = this.providers.map((provider) => ({ id: provider.id, displayName: provider.displayName }));
    for (const item of this.mine.items) {
      if (!rows.some((row) => row.id === item.provider)) rows.push({ id: item.provider, displayName: item.displayName });
    }
    const noticeName = rows.find((row) => row.id === this.notice)?.displayName;
    return html`<section class="card section" aria-labelledby="connections-title">
      <div class="section-head"><div><h2 id="connections-title">Connected accounts</h2>
        <p>Sign in to Encore with an account you already have elsewhere.${this.mine.hasPassword ? ''
          : ' Your account has no password, so one connection always stays.'}</p></div></div>
      ${problemAlert(this.error)}
      <span role="status">${noticeName ? html`<span class="saved">${icon('check')}${noticeName} connected</span>` : ''}</span>
      <ul>${rows.map((row) => this.#row(row))}</ul>
    </section>`;
  }

  #row(row) {
    const connection = this.mine.items.find((item) => item.provider === row.id);
    const last = connection && this.mine.items.length === 1 && !this.mine.hasPassword;
    return html`<li>
      <div class="who"><strong>${row.displayName}</strong>
        <span>${connection ? `${connection.email ?? 'Connected'} · since ${date(connection.connectedAt)}` : 'Not connected'}</span></div>
      ${connection
        ? html`<button class="button secondary" type="button" ?disabled=${this.busy || last}
            title=${last ? 'Your only way to sign in' : ''}
            aria-label=${`Disconnect ${row.displayName}`} @click=${() => this.#disconnect(row)}>
            ${this.busy === row.id ? 'Disconnecting…' : 'Disconnect'}</button>`
        : html`<button class="button primary" type="button" ?disabled=${this.busy}
            aria-label=${`Connect ${row.displayName}`} @click=${() => this.#connect(row)}>
            ${this.busy === row.id ? 'Opening…' : 'Connect'}</button>`}
    </li>`;
  }

  async #connect(row) {
    this.busy = row.id;
    this.error = null;
    try {
      const { authorizationUrl } = await api.post(`/api/v1/me/connections/${encodeURIComponent(row.id)}`);
      location.assign(authorizationUrl);
    } catch (error) {
      this.error = error;
      this.busy = null;
    }
  }

  async #disconnect(row) {
    this.busy = row.id;
    this.error = null;
    this.notice = null;
    try {
      await api.delete(`/api/v1/me/connections/${encodeURIComponent(row.id)}`);
      this.mine = await api.get('/api/v1/me/connections');
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = null;
    }
  }
}

function date(iso) {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

customElements.define('encore-connected-accounts', ConnectedAccounts);
