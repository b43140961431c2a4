import { LitElement, html } from 'lit';
import { api } from '../core/api.js';
import { albumHref, libraryStyles, plural } from '../components/library-kit.js';
import { pageNumber, pager, skeletonTiles, withPage } from '../components/browse-grid.js';
import { emptyState, failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';
import '../components/cover-art.js';

const PAGE_SIZE = 48;

/** Library → Albums: a grid of album covers (`GET /api/v1/albums`), by name; `?page=` in the URL. */
class Albums extends LitElement {
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
      this.page = await api.get('/api/v1/albums', { query: { page: pageNumber(this.query), size: PAGE_SIZE } });
      this.state = 'ready';
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    }
  }

  render() {
    return html`<div class="head"><div>
        <div class="eyebrow">Library</div>
        <h1>Albums</h1>
        ${this.state === 'ready' && this.page.totalItems > 0 ? html`<p class="count">${plural(this.page.totalItems, 'album')}</p>` : ''}
      </div></div>
      ${this.#body()}`;
  }

  #body() {
    if (this.state === 'loading') return skeletonTiles();
    if (this.state === 'failed') return failedState('Your albums could not be loaded', this.error, () => this.#load());
    if (this.page.items.length === 0) {
      return emptyState('albums', 'No albums yet', 'Tracks with an album name show up here, one cover per album. '
        + 'Add the album when you save a track, or edit a track to set it.');
    }
    return html`<ul class="grid" aria-label="Albums">${this.page.items.map((album) => html`<li>
        <a class="tile" href=${albumHref(album.name, album.artist)}>
          <encore-cover .src=${album.coverUrl} .label=${album.name}></encore-cover>
          <strong>${album.name}</strong>
          <span class="sub">${album.artist} · ${plural(album.trackCount, 'track')}</span>
        </a></li>`)}</ul>
      ${pager(this.page, (n) => withPage('/library/albums', n))}`;
  }
}

customElements.define('encore-albums', Albums);
