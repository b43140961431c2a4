import { LitElement, html, css } from 'lit';
import { session } from '../core/session.js';
import { icon } from '../components/icons.js';
import { shared } from '../styles/shared.js';

/** A path the app has no screen for: say so, and offer the way back. */
class NotFound extends LitElement {
  static styles = [shared, css`
    .empty { display: grid; justify-items: center; gap: var(--space-4); padding: var(--space-7) var(--space-4); text-align: center; }
    .badge { display: grid; place-items: center; width: 72px; height: 72px; border-radius: 50%; background: var(--accent-soft); color: var(--accent); }
    .badge svg { width: 36px; height: 36px; }
    p { color: var(--text-muted); max-width: 42ch; }
  `];

  render() {
    return html`<section class="empty" aria-labelledby="title">
      <span class="badge">${icon('compass')}</span>
      <h1 id="title">Page not found</h1>
      <p>There is nothing at <code>${location.pathname}</code>. The link may be old, or the page was moved.</p>
      <a class="button primary" href="/">${session.signedIn ? 'Go to your library' : 'Go to sign in'}</a>
    </section>`;
  }
}

customElements.define('encore-not-found', NotFound);
