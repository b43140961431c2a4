import { html } from 'lit';
import { icon } from './icons.js';
import { problemAlert } from './problem-alert.js';

/** A screen's failed state: what could not be loaded, the problem (with its request id) and a retry. */
export function failedState(title, error, retry) {
  return html`<section class="state" aria-labelledby="failed-title">
    <span class="badge">${icon('alert')}</span>
    <h2 id="failed-title">${title}</h2>
    ${problemAlert(error)}
    <button class="button primary" type="button" @click=${retry}>${icon('retry')}Try again</button>
  </section>`;
}

/** A screen's empty state: an icon, what is (not) there, and what to do next. */
export function emptyState(badge, title, text) {
  return html`<section class="state card" aria-labelledby="empty-title">
    <span class="badge">${icon(badge)}</span>
    <h2 id="empty-title">${title}</h2>
    <p>${text}</p>
  </section>`;
}
