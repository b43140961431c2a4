import { LitElement, html } from 'lit';
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

  static styles = [shared, page, insightsStyles];

  constructor() {
    super();
    this.exporting = '';
    this.exportError = null;
  }

  #insights = new Loader(this, () => api.get('/api/v1/insights/me', { query: { from: this.#from(), limit: 10 } }));

  #from() {
    return rangeFrom(rangeDays(this.query));
  }

  updated() {
    sizeBars(this.renderRoot, this.#insights.value?.days);
  }

  render() {
    return html`
      <div class="head"><div>
        <div class="eyebrow">You</div>
        <h1>Insights</h1>
        <p class="lead">What you played, watched, downloaded and imported, day by day (UTC).</p>
      </div></div>
      <div class="controls">
        ${periodSelect(rangeDays(this.query), (days) => this.#range(days))}
        ${reportButtons(this.exporting, (format) => downloadReport(this, format, 'me', this.#from()))}
      </div>
      ${this.exportError ? problemAlert(this.exportError) : ''}
      ${this.#body()}`;
  }

  #body() {
    const loader = this.#insights;
    if (loader.state === 'failed') return failedState('Your insights could not be loaded', loader.error, loader.reload);
    if (loader.state === 'loading') return insightsLoading('Loading your insights…');
    const insights = loader.value;
    const totals = insights.totals;
    if (FIGURES.every(([key]) => totals[key] === 0)) {
      return emptyState('activity', 'Nothing counted yet', 'Play a track, watch a video or download a file: it shows here the same day.');
    }
    return html`
      ${figures(FIGURES.map(([key, label]) => [key, label, totals[key]]))}
      <div class="grid">
        ${playsChart(insights)}
        <section class="card section" aria-labelledby="top-tracks"><h2 id="top-tracks">Most played tracks</h2>
          ${topList(insights.topTracks, 'play')}</section>
        <section class="card section" aria-labelledby="top-videos"><h2 id="top-videos">Most watched videos</h2>
          ${topList(insights.topVideos, 'view')}</section>
      </div>`;
  }

  #range(days) {
    history.pushState(null, '', `${location.pathname}?days=${days}`);
    this.query = new URLSearchParams(location.search);
    this.#insights.reload();
  }
}

customElements.define('encore-insights', InsightsScreen);
