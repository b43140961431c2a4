import { LitElement, html } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { artistHref, libraryStyles, plural } from '../components/library-kit.js';
import { gridHead, pageNumber, pager, skeletonTiles, withPage } from '../components/browse-grid.js';
import { emptyState, failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';
import '../components/cover-art.js';

const PAGE_SIZE = 48;

/** Library → Artists: a grid of artists (`GET /api/v1/artists`), each with the cover of one of their tracks, by name; `?page=` in the URL. */
class Artists extends LitElement {
  static styles = [shared, libraryStyles];

  #artists = new Loader(this, () => api.get('/api/v1/artists', { query: { page: pageNumber(this.query), size: PAGE_SIZE } }));

  render() {
    const { state, value: page } = this.#artists;
    return html`${gridHead('Artists', state === 'ready' ? page : null, 'artist')}${this.#body()}`;
  }

  #body() {
    const { state, value: page } = this.#artists;
    if (state === 'loading') return skeletonTiles(true);
    if (state === 'failed') return failedState('Your artists could not be loaded', this.#artists.error, this.#artists.reload);
    if (page.items.length === 0) {
      return emptyState('artists', 'No artists yet', 'Every track has an artist: save a track to your library and its artist appears here.');
    }
    return html`<ul class="grid" aria-label="Artists">${page.items.map((artist) => html`<li>
        <a class="tile round" href=${artistHref(artist.name)}>
          <encore-cover round .src=${artist.coverUrl} .label=${artist.name}></encore-cover>
          <strong>${artist.name}</strong>
          <span class="sub">${plural(artist.trackCount, 'track')}</span>
        </a></li>`)}</ul>
      ${pager(page, (n) => withPage('/library/artists', n))}`;
  }
}

customElements.define('encore-artists', Artists);
