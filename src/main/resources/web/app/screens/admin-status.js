import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/** Readiness components as people call them. */
const NAMES = {
  readinessState: 'Ready to serve',
  db: 'Database',
  diskSpace: 'Data disk',
  rateLimiter: 'Rate limiter',
  ingest: 'Imports',
  search: 'Search',
  redis: 'Redis',
};
const TOOLS = ['yt-dlp', 'ffmpeg', 'ffprobe'];
const BYTE_DETAILS = new Set(['total', 'free', 'threshold']);

/**
 * Admin → Status (`GET /api/v1/admin/status`): whether this node is ready and each readiness
 * component with what it tells, the versions of yt-dlp, ffmpeg and ffprobe, the import queue,
 * and the storage the library uses beside the data disk's free space.
 */
class AdminStatus extends LitElement {
  static properties = {
    state: { state: true }, // 'loading', 'ready' or 'failed'
    status: { state: true },
    error: { state: true },
    refreshing: { state: true },
  };

  static styles = [shared, page, css`
    .overall { display: flex; align-items: center; gap: var(--space-4); padding: var(--space-4) var(--space-5); margin-bottom: var(--space-4); }
    .overall .light { flex: none; display: grid; place-items: center; width: 48px; height: 48px; border-radius: 50%; }
    .overall .light svg { width: 26px; height: 26px; }
    .light.UP { background: color-mix(in srgb, var(--success) 16%, transparent); color: var(--success); }
    .light.DEGRADED { background: var(--warning-bg); color: var(--warning-text); }
    .light.DOWN, .light.OUT_OF_SERVICE, .light.UNKNOWN { background: var(--danger-soft); color: var(--danger); }
    .overall div { display: grid; gap: 2px; }
    .overall strong { font-size: 1.1rem; }
    .grid { display: grid; gap: var(--space-4); grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); align-items: start; }
    .wide { grid-column: 1 / -1; }
    ul.components { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: var(--space-3); align-items: start; }
    li.component { display: grid; gap: var(--space-2); align-content: start; padding: var(--space-3) var(--space-4); border-radius: var(--radius); background: var(--bg-sunken); }
    .component-head { display: flex; align-items: center; justify-content: space-between; gap: var(--space-2); }
    dl { margin: 0; display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 2px var(--space-3); font-size: .86rem; }
    dt { color: var(--text-faint); }
    dd { margin: 0; color: var(--text-muted); overflow-wrap: anywhere; }
    .figure { font-size: 2rem; font-weight: 750; letter-spacing: -0.02em; font-variant-numeric: tabular-nums; line-height: 1.1; }
    .figures { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--space-3); }
    .figures > div { display: grid; gap: 2px; }
    .label { color: var(--text-muted); font-size: .88rem; }
    ul.tools { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-2); }
    ul.tools li { display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); }
    ul.tools .mono { color: var(--text-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .bar { height: 10px; border-radius: 999px; background: var(--bg-sunken); overflow: hidden; }
    .bar span { display: block; height: 100%; width: var(--used, 0%); background: var(--accent-gradient); border-radius: inherit; }
    .skeleton-card { height: 160px; }
  `];

  constructor() {
    super();
    this.state = 'loading';
    this.status = null;
    this.error = null;
    this.refreshing = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  async #load() {
    if (this.status) this.refreshing = true;
    else this.state = 'loading';
    try {
      this.status = await api.get('/api/v1/admin/status');
      this.state = 'ready';
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    } finally {
      this.refreshing = false;
    }
  }

  updated() {
    const bar = this.renderRoot.querySelector('.bar span');
    if (bar) bar.style.setProperty('--used', `${this.#diskUsedPercent()}%`); // computed: CSSOM, not a style attribute
  }

  render() {
    return html`
      <div class="head">
        <div><div class="eyebrow">Admin</div><h1>Status</h1>
          <p class="lead">How this Encore node is doing right now.</p></div>
        ${this.state === 'ready' ? html`<button class="button secondary" type="button" ?disabled=${this.refreshing}
          @click=${() => this.#load()}>${icon('retry')}${this.refreshing ? 'Checking…' : 'Check again'}</button>` : ''}
      </div>
      ${this.#body()}`;
  }

  #body() {
    if (this.state === 'failed') {
      return failedState('The status could not be loaded', this.error, () => this.#load());
    }
    if (this.state === 'loading') {
      return html`<div class="grid" aria-busy="true">
        ${[0, 1, 2].map(() => html`<div class="card section skeleton-card"><span class="skeleton"></span>
          <span class="skeleton"></span></div>`)}
        <span class="visually-hidden" role="status">Checking the status…</span></div>`;
    }
    const { status } = this;
    return html`
      <section class="card overall" aria-labelledby="overall-title" aria-live="polite">
        <span class="light ${status.status}" aria-hidden="true">${icon(status.status === 'UP' ? 'check' : 'alert')}</span>
        <div><strong id="overall-title">${headline(status.status)}</strong>
          <span class="muted">Checked ${new Date(status.checkedAt).toLocaleTimeString()}</span></div>
      </section>
      <div class="grid">
        <section class="card section wide" aria-labelledby="components-title">
          <h2 id="components-title">Readiness</h2>
          <ul class="components">${ordered(status.components).map((component) => this.#component(component))}</ul>
        </section>
        ${this.#tools()}
        ${this.#backgroundJobs()}
        ${this.#queues()}
        ${this.#storage()}
      </div>`;
  }

  #component(component) {
    const details = Object.entries(component.details ?? {}).filter(([key]) => !TOOLS.includes(key));
    return html`<li class="component" data-component=${component.name}>
      <div class="component-head"><strong>${NAMES[component.name] ?? component.name}</strong>${pill(component.status)}</div>
      ${details.length ? html`<dl>${details.map(([key, value]) => html`<dt>${key}</dt><dd>${detail(key, value)}</dd>`)}</dl>`
        : ''}
    </li>`;
  }

  #tools() {
    const tools = this.status.tools ?? {};
    return html`<section class="card section" aria-labelledby="tools-title">
      <h2 id="tools-title">Media tools</h2>
      <ul class="tools">${TOOLS.map((tool) => html`<li><strong>${tool}</strong>${tools[tool]
        ? html`<span class="mono" title=${tools[tool]}>${tools[tool]}</span>`
        : html`<span class="pill bad">Missing</span>`}</li>`)}</ul>
      ${TOOLS.some((tool) => !tools[tool]) ? html`<p class="muted">Imports are refused until every tool is installed.</p>` : ''}
    </section>`;
  }

  #backgroundJobs() {
    const jobs = this.status.backgroundJobs;
    if (!jobs?.enabled) return '';
    return html`<section class="card section" aria-labelledby="jobs-title" data-component="backgroundJobs">
      <h2 id="jobs-title">Background jobs</h2>
      <p>${jobs.running ? html`<span class="pill good">Running</span>` : html`<span class="pill bad">Stopped</span>`}</p>
      <p class="muted">${jobs.running
        ? 'Imports, video and presentation processing, expiry and housekeeping run on this node.'
        : `Stopped${jobs.stoppedSince ? ` since ${new Date(jobs.stoppedSince).toLocaleTimeString()}` : ''}; the node starts them again by itself (is the data disk full?).`}
        ${jobs.restarts ? ` Started again ${jobs.restarts} ${jobs.restarts === 1 ? 'time' : 'times'} since the node started.` : ''}</p>
    </section>`;
  }

  #queues() {
    const imports = this.status.queues?.imports ?? { waiting: 0, running: 0 };
    return html`<section class="card section" aria-labelledby="queue-title">
      <h2 id="queue-title">Import queue</h2>
      <div class="figures">
        <div><span class="figure">${imports.waiting}</span><span class="label">waiting</span></div>
        <div><span class="figure">${imports.running}</span><span class="label">running</span></div>
      </div>
    </section>`;
  }

  #storage() {
    const storage = this.status.storage;
    if (!storage) {
      return html`<section class="card section" aria-labelledby="storage-title"><h2 id="storage-title">Storage</h2>
        <p class="muted">The blob store could not be listed just now.</p></section>`;
    }
    const disk = storage.diskTotalBytes != null;
    return html`<section class="card section" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      <div class="figures">
        <div><span class="figure">${bytes(storage.bytes)}</span><span class="label">in the library</span></div>
        <div><span class="figure">${storage.blobs.toLocaleString()}</span><span class="label">${storage.blobs === 1 ? 'file' : 'files'}</span></div>
      </div>
      ${disk ? html`<div class="bar" role="img" aria-label="Data disk ${this.#diskUsedPercent()}% full"><span></span></div>
        <span class="label">${bytes(storage.diskFreeBytes)} free of ${bytes(storage.diskTotalBytes)} on the data disk</span>` : ''}
    </section>`;
  }

  #diskUsedPercent() {
    const storage = this.status?.storage;
    if (!storage?.diskTotalBytes) return 0;
    return Math.round(100 * (1 - storage.diskFreeBytes / storage.diskTotalBytes));
  }
}

/** The components in the order of NAMES (readiness first), then any other. */
function ordered(components) {
  const rank = (name) => {
    const index = Object.keys(NAMES).indexOf(name);
    return index < 0 ? Object.keys(NAMES).length : index;
  };
  return [...components].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function headline(status) {
  return {
    UP: 'Everything is working',
    DEGRADED: 'Working, with imports refused',
    DOWN: 'Not ready: something is down',
    OUT_OF_SERVICE: 'Out of service',
  }[status] ?? `Status ${status}`;
}

function pill(status) {
  const tone = { UP: 'good', DEGRADED: 'warn', DOWN: 'bad', OUT_OF_SERVICE: 'bad' }[status] ?? '';
  return html`<span class="pill ${tone}">${status === 'UP' ? 'Up' : status.replaceAll('_', ' ').toLowerCase()}</span>`;
}

function detail(key, value) {
  if (BYTE_DETAILS.has(key) && typeof value === 'number') return bytes(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function bytes(count) {
  if (count == null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = count;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 })} ${units[unit]}`;
}

customElements.define('encore-admin-status', AdminStatus);
