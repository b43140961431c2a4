import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { failedState, emptyState } from '../components/states.js';
import { problemAlert } from '../components/problem-alert.js';
import {
  downloadReport, figures, insightsLoading, insightsStyles, periodSelect, playsChart, rangeDays, rangeFrom, reportButtons,
  sizeBars, topList,
} from '../components/insights-kit.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

const FIGURES = [['plays', 'Plays'], ['watches', 'Videos watched'], ['downloads', 'Downloads'], ['imports', 'Imports']];
const KINDS = [['', 'Everything'], ['track', 'Tracks'], ['video', 'Videos'], ['file', 'Files']];
const PAGE_SIZE = 10;

/**
 * Admin → Insights (`GET /api/v1/insights/overview`): the whole server's plays, viewings,
 * downloads, imports and active users over the last 7, 30, 90 or 365 days, plays per day as bars,
 * the most played, watched and downloaded items (`GET /api/v1/insights/overview/items`, narrowed
 * to one kind and paged on with "Show more"), and the server report to download
 * (`POST /api/v1/reports` with scope `server`). The period and the kind are in the URL.
 */
class AdminInsights extends LitElement {
  static properties = {
    exporting: { state: true },
    exportError: { state: true },
    more: { state: true },
    moreError: { state: true },
  };

  static styles = [shared, page, insightsStyles, css`
    .top-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--space-3); }
    .top-head .kind { display: flex; align-items: center; gap: var(--space-2); }
    .top-head .kind label { color: var(--text-muted); font-weight: 600; font-size: .9rem; }
    .top-head .kind select { min-height: 44px; }
    .top-card { gap: var(--space-4); }
    .top-card .button { justify-self: start; }
  `];

  constructor() {
    super();
    this.exporting = '';
    this.exportError = null;
    this.more = false;
    this.moreError = null;
  }

  #overview = new Loader(this, () => api.get('/api/v1/insights/overview', { query: { from: this.#from(), limit: 1 } }));

  #items = new Loader(this, () => this.#itemsPage(0));

  #from() {
    return rangeFrom(rangeDays(this.query));
  }

  #kind() {
    const kind = this.query?.get('kind') ?? '';
    return KINDS.some(([value]) => value === kind) ? kind : '';
  }

  #itemsPage(number) {
    return api.get('/api/v1/insights/overview/items', {
      query: { from: this.#from(), kind: this.#kind(), page: number, size: PAGE_SIZE },
    });
  }

  updated() {
    sizeBars(this.renderRoot, this.#overview.value?.days);
  }

  render() {
    return html`
      <div class="head"><div>
        <div class="eyebrow">Admin</div>
        <h1>Insights</h1>
        <p class="lead">What everyone on this server played, watched, downloaded and imported, day by day (UTC).</p>
      </div></div>
      <div class="controls">
        ${periodSelect(rangeDays(this.query), (days) => this.#go({ days }, true))}
        ${reportButtons(this.exporting, (format) => downloadReport(this, format, 'server', this.#from()))}
      </div>
      ${this.exportError ? problemAlert(this.exportError) : ''}
      ${this.#body()}`;
  }

  #body() {
    const loader = this.#overview;
    if (loader.state === 'failed') return failedState('The server\'s insights could not be loaded', loader.error, loader.reload);
    if (loader.state === 'loading') return insightsLoading('Loading the server\'s insights…');
    const overview = loader.value;
    const totals = overview.totals;
    if (overview.activeUsers === 0 && FIGURES.every(([key]) => totals[key] === 0)) {
      return emptyState('chart', 'Nothing counted yet',
        'Once someone plays a track, watches a video, downloads a file or imports one, it shows here the same day.');
    }
    return html`
      ${figures([...FIGURES.map(([key, label]) => [key, label, totals[key]]),
        ['activeUsers', overview.activeUsers === 1 ? 'Active user' : 'Active users', overview.activeUsers]])}
      <div class="grid">
        ${playsChart(overview)}
        ${this.#top()}
      </div>`;
  }

  #top() {
    const loader = this.#items;
    let list;
    if (loader.state === 'failed') list = failedState('The top items could not be loaded', loader.error, loader.reload);
    else if (loader.state === 'loading') {
      list = html`<div aria-busy="true"><span class="skeleton"></span><span class="skeleton"></span>
        <span class="visually-hidden" role="status">Loading the top items…</span></div>`;
    } else {
      const answer = loader.value;
      list = html`${topList(answer.items)}
        ${this.moreError ? problemAlert(this.moreError) : ''}
        ${answer.hasNext ? html`<button class="button secondary small" type="button" ?disabled=${this.more}
          @click=${() => this.#showMore()}>${this.more ? 'Loading…' : 'Show more'}</button>` : ''}`;
    }
    return html`<section class="card section wide top-card" aria-labelledby="top-title">
      <div class="top-head"><h2 id="top-title">Most played, watched and downloaded</h2>
        <div class="kind"><label for="kind">Show</label>
          <select id="kind" @change=${(event) => this.#go({ kind: event.target.value }, false)}>
            ${KINDS.map(([value, label]) => html`<option value=${value} ?selected=${value === this.#kind()}>${label}</option>`)}
          </select></div></div>
      ${list}
    </section>`;
  }

  /** Changes the period or the kind in the URL and loads again what depends on it. */
  #go(changes, overview) {
    const query = new URLSearchParams(location.search);
    Object.entries(changes).forEach(([key, value]) => (value ? query.set(key, value) : query.delete(key)));
    const text = query.toString();
    history.pushState(null, '', `${location.pathname}${text ? `?${text}` : ''}`);
    this.query = query;
    this.moreError = null;
    if (overview) this.#overview.reload();
    this.#items.reload();
  }

  async #showMore() {
    const shown = this.#items.value;
    this.more = true;
    this.moreError = null;
    try {
      const next = await this.#itemsPage(shown.page + 1);
      this.#items.show({ ...next, items: [...shown.items, ...next.items] });
    } catch (error) {
      this.moreError = error;
    } finally {
      this.more = false;
    }
  }
}

customElements.define('encore-admin-insights', AdminInsights);
