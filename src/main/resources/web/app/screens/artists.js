import { LitElement, html } from 'lit';
import { api } from '../core/api.js';
import { artistHref, libraryStyles, plural } from '../components/library-kit.js';
import { pageNumber, pager, skeletonTiles, withPage } from '../components/browse-grid.js';
import { emptyState, failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';
import '../components/cover-art.js';

const PAGE_SIZE = 48;

/** Library → Artists: a grid of artists (`GET /api/v1/artists`), each with the cover of one of their tracks, by name; `?page=` in the URL. */
class Artists extends LitElement {
  static properties = {
    page: { state: true },
    state: { state: true },
    error: { state: true },
  };

  static styles = [shared, libraryStyles];

  constructor() {
    super();
    this.page = null;
    this.state = 'loading';
    this.error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  async #load() {
    this.state = 'loading';
    try {
      this.page = await api.get('/api/v1/artists', { query: { page: pageNumber(this.query), size: PAGE_SIZE } });
      this.state = 'ready';
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    }
  }

  render() {
    return html`<div class="head"><div>
        <div class="eyebrow">Library</div>
        <h1>Artists</h1>
        ${this.state === 'ready' && this.page.totalItems > 0 ? html`<p class="count">${plural(this.page.totalItems, 'artist')}</p>` : ''}
      </div></div>
      ${this.#body()}`;
  }

  #body() {
    if (this.state === 'loading') return skeletonTiles(true);
    if (this.state === 'failed') return failedState('Your artists could not be loaded', this.error, () => this.#load());
    if (this.page.items.length === 0) {
      return emptyState('artists', 'No artists yet', 'Every track has an artist: save a track to your library and its artist appears here.');
    }
    return html`<ul class="grid" aria-label="Artists">${this.page.items.map((artist) => html`<li>
        <a class="tile round" href=${artistHref(artist.name)}>
          <encore-cover round .src=${artist.coverUrl} .label=${artist.name}></encore-cover>
          <strong>${artist.name}</strong>
          <span class="sub">${plural(artist.trackCount, 'track')}</span>
        </a></li>`)}</ul>
      ${pager(this.page, (n) => withPage('/library/artists', n))}`;
  }
}

customElements.define('encore-artists', Artists);
