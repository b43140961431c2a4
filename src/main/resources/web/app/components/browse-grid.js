import { html } from 'lit';
import { icon } from './icons.js';
import { plural } from './library-kit.js';

/**
 * The pieces of a library grid screen (albums, artists, genres, videos): the head, skeleton tiles, the pager
 * (links that keep the page in the URL) and the page number in the URL. The empty and failed states
 * are in states.js. The screen includes `libraryStyles` (library-kit.js).
 */

/** The head of a library grid: "Library", the title, and how many there are once `page` is loaded. */
export function gridHead(title, page, noun) {
  return html`<div class="head"><div>
      <div class="eyebrow">Library</div>
      <h1>${title}</h1>
      ${page?.totalItems > 0 ? html`<p class="count">${plural(page.totalItems, noun)}</p>` : ''}
    </div></div>`;
}

export function skeletonTiles(round = false, count = 12) {
  return html`<ul class="grid" aria-hidden="true">${Array.from({ length: count }, () => html`<li
    class="tile-skeleton ${round ? 'round' : ''}"><span class="skeleton square"></span><span class="skeleton"></span>
    <span class="skeleton"></span></li>`)}</ul>
    <span class="visually-hidden" role="status">Loading…</span>`;
}

/** Previous/next links for a page answer; `href(n)` is the screen's URL for page n (1-based). */
export function pager(page, href) {
  if (!page || page.totalPages <= 1) return '';
  const current = page.page + 1;
  return html`<nav class="pager" aria-label="Pages">
    <a class="button secondary" href=${href(current - 1)} aria-disabled=${page.hasPrevious ? 'false' : 'true'}
      tabindex=${page.hasPrevious ? '0' : '-1'}>${icon('chevronLeft')}Previous</a>
    <span>Page ${current} of ${page.totalPages}</span>
    <a class="button secondary" href=${href(current + 1)} aria-disabled=${page.hasNext ? 'false' : 'true'}
      tabindex=${page.hasNext ? '0' : '-1'}>Next${icon('chevronRight')}</a>
  </nav>`;
}

/** The page number (0-based) a screen's `?page=` asks for. */
export function pageNumber(query) {
  return Math.max(0, Number.parseInt(query?.get('page') ?? '1', 10) - 1 || 0);
}

/** `path` with `?page=n` (none for the first page) and the other parameters given. */
export function withPage(path, page, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
