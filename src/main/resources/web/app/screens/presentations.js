import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { icon } from '../components/icons.js';
import { libraryStyles } from '../components/library-kit.js';
import { gridHead, pageNumber, pager, withPage } from '../components/browse-grid.js';
import { emptyState, failedState } from '../components/states.js';
import { sameOrigin } from '../core/links.js';
import { processingOf, slideCount } from '../components/presentation-kit.js';
import { shared } from '../styles/shared.js';

const PAGE_SIZE = 24;

/**
 * Library → Presentations: the presentations I may see (`GET /api/v1/presentations`), newest first,
 * as cards with their first slide, how many slides, and while a PDF is being rendered its progress;
 * each opens its own page (`/presentations/{id}`). `?page=` in the URL.
 */
class Presentations extends LitElement {
  static styles = [shared, libraryStyles, css`
    .grid { grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }
    .cover { position: relative; display: block; aspect-ratio: 16 / 9; border-radius: var(--radius); overflow: hidden; box-shadow: var(--shadow); border: 1px solid var(--border); }
    .cover img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; background: var(--bg-sunken); }
    .cover .placeholder { position: absolute; inset: 0; display: grid; place-items: center; background: var(--bg-sunken); color: var(--text-faint); }
    .cover .placeholder svg { width: 40px; height: 40px; }
    .slides-count {
      position: absolute; right: var(--space-2); bottom: var(--space-2); padding: 1px 8px; border-radius: 4px;
      background: rgba(0, 0, 0, .72); color: #fff; font-size: .78rem; font-weight: 600; font-variant-numeric: tabular-nums;
    }
    .state-chip {
      position: absolute; left: var(--space-2); top: var(--space-2); padding: 1px 8px; border-radius: 999px;
      background: rgba(0, 0, 0, .72); color: #fff; font-size: .75rem; font-weight: 700; font-variant-numeric: tabular-nums;
    }
    .state-chip.failed { background: var(--danger); }
    .tile-skeleton .square { aspect-ratio: 16 / 9; }
    @media (max-width: 860px) { .grid { grid-template-columns: 1fr; } }
  `];

  #page = new Loader(this, () => api.get('/api/v1/presentations',
    { query: { page: pageNumber(this.query), size: PAGE_SIZE } }));

  render() {
    const { state, value: page } = this.#page;
    return html`${gridHead('Presentations', state === 'ready' ? page : null, 'presentation')}${this.#body()}`;
  }

  #body() {
    const { state, value: page } = this.#page;
    if (state === 'loading') {
      return html`<ul class="grid" aria-hidden="true">${Array.from({ length: 6 }, () => html`<li class="tile-skeleton">
        <span class="skeleton square"></span><span class="skeleton"></span></li>`)}</ul>
        <span class="visually-hidden" role="status">Loading presentations…</span>`;
    }
    if (state === 'failed') return failedState('Your presentations could not be loaded', this.#page.error, this.#page.reload);
    if (page.items.length === 0) {
      return emptyState('slides', 'No presentations yet', 'Upload a PDF and save it as a presentation: '
        + 'its pages become slides you can page through here, and search finds what they say.');
    }
    return html`<ul class="grid" aria-label="Presentations">${page.items.map((item) => this.#card(item))}</ul>
      ${pager(page, (n) => withPage('/library/presentations', n))}`;
  }

  #card(presentation) {
    const processing = processingOf(presentation);
    const count = slideCount(presentation);
    const ready = processing.state === 'ready' && presentation.thumbnailUrl;
    return html`<li><a class="tile" href="/presentations/${presentation.id}">
      <span class="cover" aria-hidden="true">
        ${ready ? html`<img src=${sameOrigin(presentation.thumbnailUrl).href} alt="" loading="lazy" decoding="async">`
          : html`<span class="placeholder">${icon('slides')}</span>`}
        ${processing.state === 'processing' ? html`<span class="state-chip">Rendering ${Math.round(processing.progress)}%</span>` : ''}
        ${processing.state === 'failed' ? html`<span class="state-chip failed">Failed</span>` : ''}
        ${count ? html`<span class="slides-count">${count} ${count === 1 ? 'slide' : 'slides'}</span>` : ''}
      </span>
      <strong>${presentation.title}</strong>
      <span class="sub">${[presentation.category, presentation.visibility].filter(Boolean).join(' · ')}</span>
    </a></li>`;
  }
}

customElements.define('encore-presentations', Presentations);
