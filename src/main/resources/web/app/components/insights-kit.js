import { html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from './icons.js';
import { plural } from './library-kit.js';

/**
 * What You → Insights and Admin → Insights share: the period (the last 7, 30, 90 or 365 days, kept as
 * `?days=` in the URL), the totals as figures, plays per day as bars, a top list, the report
 * buttons, and saving a file the API answered as a Blob.
 */

/** The ranges offered, in days up to today. */
export const RANGES = [7, 30, 90, 365];
const FORMATS = [['csv', 'CSV'], ['xlsx', 'Excel'], ['pdf', 'PDF']];

/** The period's length in days, from the screen's query (30 unless it names one of RANGES). */
export function rangeDays(query) {
  const days = Number(query?.get('days'));
  return RANGES.includes(days) ? days : 30;
}

/** The first day (UTC, ISO) of a period of `days` days up to today. */
export function rangeFrom(days) {
  const first = new Date();
  first.setUTCDate(first.getUTCDate() - days + 1);
  return first.toISOString().slice(0, 10);
}

/** The period selector; `change` gets the chosen number of days. */
export function periodSelect(days, change) {
  return html`<div class="field"><label for="range">Period</label>
    <select id="range" @change=${(event) => change(Number(event.target.value))}>
      ${RANGES.map((option) => html`<option value=${option} ?selected=${option === days}>Last ${option} days</option>`)}
    </select></div>`;
}

/** The CSV, Excel and PDF buttons; `exporting` is the format being made ('' when none). */
export function reportButtons(exporting, run) {
  return html`<div class="exports" role="group" aria-labelledby="exports-label">
    <span class="label" id="exports-label">Download a report</span>
    <div class="buttons">${FORMATS.map(([format, label]) => html`<button class="button secondary" type="button"
      aria-label=${`${label} report`} ?disabled=${exporting !== ''} @click=${() => run(format)}>${
        icon('download')}${exporting === format ? 'Preparing…' : label}</button>`)}</div>
  </div>`;
}

/**
 * Makes a report of `scope` (`me` or `server`) from `from` to today and saves it, keeping the
 * host's `exporting` (the format being made) and `exportError` (what the API refused) current.
 */
export async function downloadReport(host, format, scope, from) {
  host.exporting = format;
  host.exportError = null;
  try {
    const file = await api.post('/api/v1/reports', { format, scope, from }, { accept: '*/*' });
    saveFile(file, `encore-${scope === 'server' ? 'server-' : ''}insights-${from}.${format}`);
  } catch (error) {
    host.exportError = error;
  } finally {
    host.exporting = '';
  }
}

/** Saves a Blob the API answered as a file called `name` (the bearer token rules out a plain link). */
export function saveFile(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** The totals as big figures: `figures` is a list of [key, label, count]. */
export function figures(list) {
  return html`<section class="figures" aria-label="Totals">
    ${list.map(([key, label, count]) => html`<div class="card" data-figure=${key}>
      <span class="figure">${count.toLocaleString()}</span><span class="label">${label}</span></div>`)}
  </section>`;
}

/** Plays per day as bars across the page; their heights are set by {@link sizeBars} once rendered. */
export function playsChart(insights) {
  const most = Math.max(0, ...insights.days.map((day) => day.plays));
  return html`<section class="card section wide" aria-labelledby="chart-title">
    <div class="chart-head"><h2 id="chart-title">Plays per day</h2>
      <span class="label">Most in a day: ${most}</span></div>
    <div class="chart" role="img" aria-label=${`Plays per day from ${insights.from} to ${insights.to}, at most ${most} a day`}>
      ${insights.days.map((day) => html`<span title=${`${day.day}: ${plural(day.plays, 'play')}`}></span>`)}
    </div>
    <div class="axis" aria-hidden="true"><span>${shortDay(insights.from)}</span><span>${shortDay(insights.to)}</span></div>
  </section>`;
}

/** Sets the chart's bar heights through the CSSOM (the CSP allows no style attributes); call it from `updated()`. */
export function sizeBars(root, days = []) {
  const most = Math.max(1, ...days.map((day) => day.plays));
  root.querySelectorAll('.chart span').forEach((bar, index) =>
    bar.style.setProperty('--share', `${(days[index]?.plays ?? 0) / most * 100}%`));
}

/** The unit an item of this kind is counted in. */
export function unitOf(kind) {
  return { track: 'play', video: 'view', file: 'download' }[kind] ?? 'time';
}

/** A numbered list of items and their counts; `unit` names what was counted (default: by each item's kind). */
export function topList(items, unit) {
  return items.length ? html`<ol class="top">${items.map((item) => html`<li data-kind=${item.kind} data-id=${item.id}><div>
      <span class="name">${item.name ?? 'Unknown'}</span>
      <span class="count">${plural(item.count, unit ?? unitOf(item.kind))}</span></div></li>`)}</ol>`
    : html`<p class="muted">None in this period.</p>`;
}

/** The loading state: two skeleton cards and what is being loaded, for screen readers. */
export function insightsLoading(what) {
  return html`<div class="grid" aria-busy="true">${[0, 1].map(() => html`<div class="card section skeleton-card">
    <span class="skeleton"></span></div>`)}<span class="visually-hidden" role="status">${what}</span></div>`;
}

/** 2026-12-06 → 6 Dec, in the reader's language. */
function shortDay(day) {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export const insightsStyles = css`
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
`;
