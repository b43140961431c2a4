import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { failedState, emptyState } from '../components/states.js';
import { problemAlert } from '../components/problem-alert.js';
import { icon } from '../components/icons.js';
import { plural } from '../components/library-kit.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/** The ranges offered, in days up to today. */
const RANGES = [7, 30, 90, 365];
const FORMATS = [['csv', 'CSV'], ['xlsx', 'Excel'], ['pdf', 'PDF']];
const FIGURES = [['plays', 'Plays'], ['watches', 'Videos watched'], ['downloads', 'Downloads'], ['imports', 'Imports']];

/**
 * You → Insights (`GET /api/v1/insights/me`): my plays, viewings, downloads and imports over the
 * last 7, 30, 90 or 365 days (the range is in the URL), plays per day as bars, the tracks I played
 * and the videos I watched most, and the same as a report to download (`POST /api/v1/reports`).
 */
class InsightsScreen extends LitElement {
  static properties = {
    exporting: { state: true },
    exportError: { state: true },
  };

  static styles = [shared, page, css`
    .controls { display: flex; flex-wrap: wrap; gap: var(--space-3); align-items: end; justify-content: space-between; margin-bottom: var(--space-4); }
    .controls .field select { min-height: 44px; }
    .exports { display: grid; gap: var(--space-1); }
    .exports .buttons { display: flex; flex-wrap: wrap; gap: var(--space-2); }
    .exports .button { padding-inline: var(--space-4); }
    .exports .label { font-weight: 600; color: var(--text); font-size: .9rem; }
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: var(--space-3); margin-bottom: var(--space-4); }
    .figures > div { display: grid; gap: 2px; padding: var(--space-4); }
    .figure { font-size: 2rem; font-weight: 750; font-variant-numeric: tabular-nums; line-height: 1.1; }
    .label { color: var(--text-muted); font-size: .88rem; }
    .wide { grid-column: 1 / -1; }
    .axis { display: flex; justify-content: space-between; color: var(--text-muted); font-size: .8rem; font-variant-numeric: tabular-nums; }
    .chart-head { display: flex; justify-content: space-between; align-items: baseline; gap: var(--space-3); }
    .chart-head .label { font-variant-numeric: tabular-nums; }
    .chart { display: flex; align-items: flex-end; gap: 2px; height: 140px; padding: var(--space-3) 0; }
    .chart span { flex: 1 1 0; min-width: 1px; height: var(--share, 0%); min-height: 1px; background: var(--accent-gradient); border-radius: 2px 2px 0 0; }
    .grid { display: grid; gap: var(--space-4); grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); align-items: start; }
    ol.top { margin: 0; padding-left: var(--space-5); display: grid; gap: var(--space-2); }
    ol.top li { padding-left: var(--space-1); }
    ol.top li > div { display: flex; justify-content: space-between; gap: var(--space-3); }
    ol.top li .name { overflow-wrap: anywhere; }
    ol.top li .count { color: var(--text-muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
    .skeleton-card { height: 140px; }
  `];

  constructor() {
    super();
    this.exporting = '';
    this.exportError = null;
  }

  #insights = new Loader(this, () => api.get('/api/v1/insights/me', { query: { from: this.#from(), limit: 10 } }));

  #days() {
    const days = Number(this.query?.get('days'));
    return RANGES.includes(days) ? days : 30;
  }

  /** The first day of the range (UTC), so that it holds this many days up to today. */
  #from() {
    const first = new Date();
    first.setUTCDate(first.getUTCDate() - this.#days() + 1);
    return first.toISOString().slice(0, 10);
  }

  updated() {
    // bar heights go through the CSSOM: the CSP allows no style attributes
    const days = this.#insights.value?.days ?? [];
    const most = Math.max(1, ...days.map((day) => day.plays));
    this.renderRoot.querySelectorAll('.chart span').forEach((bar, index) =>
      bar.style.setProperty('--share', `${(days[index]?.plays ?? 0) / most * 100}%`));
  }

  render() {
    return html`
      <div class="head"><div>
        <div class="eyebrow">You</div>
        <h1>Insights</h1>
        <p class="lead">What you played, watched, downloaded and imported, day by day (UTC).</p>
      </div></div>
      <div class="controls">
        <div class="field"><label for="range">Period</label>
          <select id="range" @change=${this.#range}>
            ${RANGES.map((days) => html`<option value=${days} ?selected=${days === this.#days()}>Last ${days} days</option>`)}
          </select></div>
        <div class="exports" role="group" aria-labelledby="exports-label">
          <span class="label" id="exports-label">Download a report</span>
          <div class="buttons">${FORMATS.map(([format, label]) => html`<button class="button secondary" type="button"
            aria-label=${`${label} report`} ?disabled=${this.exporting !== ''} @click=${() => this.#export(format)}>${
              icon('download')}${this.exporting === format ? 'Preparing…' : label}</button>`)}</div>
        </div>
      </div>
      ${this.exportError ? problemAlert(this.exportError) : ''}
      ${this.#body()}`;
  }

  #body() {
    const loader = this.#insights;
    if (loader.state === 'failed') return failedState('Your insights could not be loaded', loader.error, loader.reload);
    if (loader.state === 'loading') {
      return html`<div class="grid" aria-busy="true">${[0, 1].map(() => html`<div class="card section skeleton-card">
        <span class="skeleton"></span></div>`)}<span class="visually-hidden" role="status">Loading your insights…</span></div>`;
    }
    const insights = loader.value;
    const totals = insights.totals;
    if (FIGURES.every(([key]) => totals[key] === 0)) {
      return emptyState('activity', 'Nothing counted yet', 'Play a track, watch a video or download a file: it shows here the same day.');
    }
    return html`
      <section class="figures" aria-label="Totals">
        ${FIGURES.map(([key, label]) => html`<div class="card" data-figure=${key}>
          <span class="figure">${totals[key]}</span><span class="label">${label}</span></div>`)}
      </section>
      <div class="grid">
        <section class="card section wide" aria-labelledby="chart-title">
          <div class="chart-head"><h2 id="chart-title">Plays per day</h2>
            <span class="label">Most in a day: ${Math.max(0, ...insights.days.map((day) => day.plays))}</span></div>
          <div class="chart" role="img" aria-label=${`Plays per day from ${insights.from} to ${insights.to}, at most ${
            Math.max(0, ...insights.days.map((day) => day.plays))} a day`}>
            ${insights.days.map((day) => html`<span title=${`${day.day}: ${plural(day.plays, 'play')}`}></span>`)}
          </div>
          <div class="axis" aria-hidden="true"><span>${shortDay(insights.from)}</span><span>${shortDay(insights.to)}</span></div>
        </section>
        ${top('top-tracks', 'Most played tracks', insights.topTracks, 'play')}
        ${top('top-videos', 'Most watched videos', insights.topVideos, 'view')}
      </div>`;
  }

  #range(event) {
    history.pushState(null, '', `${location.pathname}?days=${event.target.value}`);
    this.query = new URLSearchParams(location.search);
    this.#insights.reload();
  }

  async #export(format) {
    this.exporting = format;
    this.exportError = null;
    try {
      const file = await api.post('/api/v1/reports', { format, scope: 'me', from: this.#from() }, { accept: '*/*' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = `encore-insights-${this.#from()}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
      this.exportError = error;
    } finally {
      this.exporting = '';
    }
  }
}

function top(id, title, items, unit) {
  return html`<section class="card section" aria-labelledby=${id}>
    <h2 id=${id}>${title}</h2>
    ${items.length ? html`<ol class="top">${items.map((item) => html`<li><div><span class="name">${item.name ?? 'Unknown'}</span>
      <span class="count">${plural(item.count, unit)}</span></div></li>`)}</ol>`
      : html`<p class="muted">None in this period.</p>`}
  </section>`;
}

/** 2026-12-06 → 6 Dec, in the reader's language. */
function shortDay(day) {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

customElements.define('encore-insights', InsightsScreen);
