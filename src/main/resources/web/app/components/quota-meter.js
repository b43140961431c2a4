import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { shared } from '../styles/shared.js';

/**
 * What I have used of my quotas (`GET /api/v1/me/quota`): storage, and with `uploads` the daily
 * upload quota too. Call `refresh()` after something that changes them (an import finished, an
 * upload arrived). Shows skeletons while loading and says so when the numbers cannot be read.
 */
class QuotaMeter extends LitElement {
  static properties = {
    uploads: { type: Boolean },
    quota: { state: true },
    failed: { state: true },
  };

  static styles = [shared, css`
    :host { min-width: 220px; }
    .meters { display: grid; gap: var(--space-3); padding: var(--space-3) var(--space-4); }
    .meter { display: grid; gap: var(--space-1); }
    .line { display: flex; justify-content: space-between; gap: var(--space-3); font-size: .85rem; }
    .line span:first-child { font-weight: 650; }
    .line span:last-child { color: var(--text-muted); font-variant-numeric: tabular-nums; }
    .track { height: 6px; border-radius: 999px; background: var(--bg-sunken); overflow: hidden; }
    .fill { height: 100%; width: var(--used, 0%); border-radius: inherit; background: var(--accent-gradient); }
    .fill.full { background: var(--danger); }
    .muted { color: var(--text-muted); font-size: .85rem; }
  `];

  constructor() {
    super();
    this.uploads = false;
    this.quota = null;
    this.failed = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.refresh();
  }

  async refresh() {
    try {
      this.quota = await api.get('/api/v1/me/quota');
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  updated() {
    this.renderRoot.querySelectorAll('.fill[data-used]').forEach((fill) => {
      fill.style.setProperty('--used', `${fill.dataset.used}%`);
    });
  }

  render() {
    if (this.failed) return html`<div class="meters card"><p class="muted">Your quota could not be read just now.</p></div>`;
    if (!this.quota) {
      return html`<div class="meters card" aria-busy="true"><span class="skeleton"></span><span class="skeleton"></span></div>`;
    }
    const q = this.quota;
    return html`<section class="meters card" aria-label="Your quota">
      ${this.#meter('Storage', q.storageUsedBytes, q.storageLimitBytes)}
      ${this.uploads ? this.#meter('Uploads today', q.uploadedTodayBytes, q.dailyUploadBytes) : ''}
    </section>`;
  }

  #meter(label, used, limit) {
    const percent = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
    const left = Math.max(0, limit - used);
    return html`<div class="meter">
      <div class="line"><span>${label}</span><span>${bytes(used)} of ${bytes(limit)}</span></div>
      <div class="track" aria-hidden="true"><div class="fill ${percent >= 100 ? 'full' : ''}"
        data-used=${percent.toFixed(1)}></div></div>
      <span class="muted">${bytes(left)} left</span>
    </div>`;
  }
}

/** A byte count as people read it: 0 B, 840 KB, 3.2 MB, 10 GB. */
export function bytes(count) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${units[unit]}`;
}

customElements.define('encore-quota-meter', QuotaMeter);
