import { LitElement, html, css } from 'lit';
import { network } from '../core/network.js';
import { icon } from './icons.js';
import { shared } from '../styles/shared.js';

/**
 * Says so when Encore cannot be reached, and when it can again (for a few seconds): `core/network.js`
 * notices that by itself (it asks the server while lost), so the banner goes without a click after a
 * server restart. A polite live region: screen readers hear it without losing their place.
 */
class NetworkBanner extends LitElement {
  static properties = { state: { state: true } };

  static styles = [shared, css`
    .banner {
      display: flex; align-items: center; justify-content: center; gap: var(--space-2);
      padding: var(--space-2) var(--space-4); font-weight: 600; font-size: .92rem;
    }
    .banner svg { width: 18px; height: 18px; }
    .lost { background: var(--warning-bg); color: var(--warning-text); }
    .back { background: color-mix(in srgb, var(--success) 16%, var(--bg-raised)); color: var(--text); }
  `];

  #timer = 0;
  #onChange = () => this.#update();

  constructor() {
    super();
    this.state = network.online ? 'online' : 'lost';
  }

  connectedCallback() {
    super.connectedCallback();
    network.addEventListener('change', this.#onChange);
  }

  disconnectedCallback() {
    network.removeEventListener('change', this.#onChange);
    super.disconnectedCallback();
  }

  #update() {
    clearTimeout(this.#timer);
    if (!network.online) {
      this.state = 'lost';
    } else if (this.state === 'lost') {
      this.state = 'back';
      this.#timer = setTimeout(() => { this.state = 'online'; }, 4000);
    }
  }

  render() {
    return html`<div role="status" aria-live="polite">
      ${this.state === 'lost' ? html`<div class="banner lost">${icon('offline')}
        <span>You are offline, or Encore cannot be reached. It reconnects by itself as soon as it answers.</span></div>` : ''}
      ${this.state === 'back' ? html`<div class="banner back">${icon('online')}<span>Back online.</span></div>` : ''}
    </div>`;
  }
}

customElements.define('encore-network-banner', NetworkBanner);
