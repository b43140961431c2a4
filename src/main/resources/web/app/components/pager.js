import { html } from 'lit';
import { icon } from './icons.js';

/**
 * Previous / "Page 2 of 5" / Next for a page of the API (`PageResponse`), as links that keep the
 * rest of the query (`href(pageNumber)` builds each): the page number lives in the URL.
 */
export function pager(page, href, label = 'Pages') {
  if (!page || page.totalPages <= 1) return '';
  const current = page.page + 1;
  return html`<nav class="pager" aria-label=${label}>
    ${page.hasPrevious ? html`<a class="button secondary" href=${href(current - 1)}>${icon('chevronLeft')}Previous</a>`
      : html`<span></span>`}
    <span>Page ${current} of ${page.totalPages}</span>
    ${page.hasNext ? html`<a class="button secondary" href=${href(current + 1)}>Next${icon('chevronRight')}</a>`
      : html`<span></span>`}
  </nav>`;
}

/** The query string of `query` (a URLSearchParams) with `changes` applied; empty values are left out. */
export function withQuery(query, changes) {
  const next = new URLSearchParams(query);
  Object.entries(changes).forEach(([key, value]) => {
    if (value === undefined || value === null || value === '' || (key === 'page' && Number(value) <= 1)) next.delete(key);
    else next.set(key, value);
  });
  const text = next.toString();
  return text ? `?${text}` : location.pathname;
}
