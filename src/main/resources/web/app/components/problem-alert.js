import { html } from 'lit';

/**
 * An API error as people read it: the problem's title, its detail, and the request id to quote
 * when they report it. Announced by screen readers (role=alert). Nothing when there is no error.
 */
export function problemAlert(error) {
  if (!error) return '';
  return html`<div class="alert" role="alert">
    <strong>${error.title}</strong>
    ${error.detail ? html`<span>${error.detail}</span>` : ''}
    ${error.requestId ? html`<span class="request-id">Request ${error.requestId}</span>` : ''}
  </div>`;
}
