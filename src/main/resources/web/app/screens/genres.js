import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { genreHref, libraryStyles, plural, tone, toneStyles } from '../components/library-kit.js';
import { gridHead, pageNumber, pager, withPage } from '../components/browse-grid.js';
import { emptyState, failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';

const PAGE_SIZE = 60;

/** Library → Genres: every genre of the tracks I may see (`GET /api/v1/genres`) as coloured cards. */
class Genres extends LitElement {
  static styles = [shared, libraryStyles, toneStyles, css`
    .grid { grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: var(--space-4); }
    .genre {
      display: flex; flex-direction: column; justify-content: space-between; min-height: 112px; padding: var(--space-4);
      border-radius: var(--radius-l); color: #fff; text-decoration: none; overflow: hidden;
      position: relative; isolation: isolate; transition: transform var(--transition), box-shadow var(--transition);
    }
    .genre::after { content: ''; position: absolute; inset: 0; z-index: -1; background: linear-gradient(160deg, rgba(0, 0, 0, .2), rgba(0, 0, 0, .5)); }
    .genre:hover { color: #fff; transform: translateY(-2px); box-shadow: var(--shadow); }
    .genre strong { font-size: 1.2rem; font-weight: 800; text-shadow: 0 1px 2px rgba(0, 0, 0, .35); overflow-wrap: anywhere; }
    .genre span { font-weight: 600; text-shadow: 0 1px 2px rgba(0, 0, 0, .45); }
    .placeholder { min-height: 112px; border-radius: var(--radius-l); }
    @media (max-width: 860px) { .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
  `];

  #genres = new Loader(this, () => api.get('/api/v1/genres', { query: { page: pageNumber(this.query), size: PAGE_SIZE } }));

  render() {
    const { state, value: page } = this.#genres;
    return html`${gridHead('Genres', state === 'ready' ? page : null, 'genre')}${this.#body()}`;
  }

  #body() {
    const { state, value: page } = this.#genres;
    if (state === 'loading') {
      return html`<ul class="grid" aria-hidden="true">${Array.from({ length: 8 },
        () => html`<li class="skeleton placeholder"></li>`)}</ul><span class="visually-hidden" role="status">Loading…</span>`;
    }
    if (state === 'failed') return failedState('Your genres could not be loaded', this.#genres.error, this.#genres.reload);
    if (page.items.length === 0) {
      return emptyState('genres', 'No genres yet', 'Give your tracks a genre (edit a track) and browse them by genre here.');
    }
    return html`<ul class="grid" aria-label="Genres">${page.items.map((genre) => html`<li>
        <a class="genre tone-${tone(genre.name)}" href=${genreHref(genre.name)}>
          <strong>${genre.name}</strong><span>${plural(genre.trackCount, 'track')}</span></a></li>`)}</ul>
      ${pager(page, (n) => withPage('/library/genres', n))}`;
  }
}

customElements.define('encore-genres', Genres);
