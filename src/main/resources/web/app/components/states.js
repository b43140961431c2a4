import { html, css } from 'lit';
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

/** The look of both states; libraryStyles (library-kit.js) and page (styles/page.js) include it. */
export const stateStyles = css`
  .state { display: grid; justify-items: center; gap: var(--space-4); padding: var(--space-7) var(--space-4); text-align: center; }
  .state p { color: var(--text-muted); max-width: 46ch; }
  .state .alert { text-align: left; max-width: 520px; }
  .badge { display: grid; place-items: center; width: 72px; height: 72px; border-radius: 50%; background: var(--accent-soft); color: var(--accent); }
  .badge svg { width: 34px; height: 34px; }
`;
