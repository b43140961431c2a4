import { LitElement, html } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { albumHref, libraryStyles, plural } from '../components/library-kit.js';
import { gridHead, pageNumber, pager, skeletonTiles, withPage } from '../components/browse-grid.js';
import { emptyState, failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';
import '../components/cover-art.js';

const PAGE_SIZE = 48;

/** Library → Albums: a grid of album covers (`GET /api/v1/albums`), by name; `?page=` in the URL. */
class Albums extends LitElement {
  static styles = [shared, libraryStyles];

  #albums = new Loader(this, () => api.get('/api/v1/albums', { query: { page: pageNumber(this.query), size: PAGE_SIZE } }));

  render() {
    const { state, value: page } = this.#albums;
    return html`${gridHead('Albums', state === 'ready' ? page : null, 'album')}${this.#body()}`;
  }

  #body() {
    const { state, value: page } = this.#albums;
    if (state === 'loading') return skeletonTiles();
    if (state === 'failed') return failedState('Your albums could not be loaded', this.#albums.error, this.#albums.reload);
    if (page.items.length === 0) {
      return emptyState('albums', 'No albums yet', 'Tracks with an album name show up here, one cover per album. '
        + 'Add the album when you save a track, or edit a track to set it.');
    }
    return html`<ul class="grid" aria-label="Albums">${page.items.map((album) => html`<li>
        <a class="tile" href=${albumHref(album.name, album.artist)}>
          <encore-cover .src=${album.coverUrl} .label=${album.name}></encore-cover>
          <strong>${album.name}</strong>
          <span class="sub">${album.artist} · ${plural(album.trackCount, 'track')}</span>
        </a></li>`)}</ul>
      ${pager(page, (n) => withPage('/library/albums', n))}`;
  }
}

customElements.define('encore-albums', Albums);
