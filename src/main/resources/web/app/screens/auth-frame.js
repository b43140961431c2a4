import { html, css } from 'lit';
import { logo } from '../components/icons.js';

/**
 * The frame of the signed-out screens: a brand panel beside the form on wide screens, the form
 * alone on phones. Used by sign-in and register; `authStyles` goes into their `static styles`.
 */
export function authFrame(content) {
  return html`<div class="frame">
    <section class="brand-panel" aria-label="About Encore">
      <div class="brand">${logo}<span>Encore</span></div>
      <div class="pitch">
        <p class="headline">Your music and videos, on your own server.</p>
        <p class="sub">Import from a link, upload your files, and play them anywhere: Encore keeps your library
          in one place that you run.</p>
      </div>
      <ul class="points">
        <li><span class="dot" aria-hidden="true"></span>Stream your library in any browser</li>
        <li><span class="dot" aria-hidden="true"></span>Playlists, search and a queue that follows you</li>
        <li><span class="dot" aria-hidden="true"></span>Private by default, shared when you choose</li>
      </ul>
    </section>
    <div class="form-side">
      <div class="phone-brand" aria-hidden="true">${logo}<span>Encore</span></div>
      ${content}
    </div>
  </div>`;
}

export const authStyles = css`
  .frame { display: grid; grid-template-columns: minmax(360px, 1fr) minmax(420px, 1.1fr); min-height: 100vh; min-height: 100dvh; }
  .brand-panel {
    position: relative; overflow: hidden;
    display: flex; flex-direction: column; justify-content: space-between; gap: var(--space-6);
    padding: var(--space-7); color: #fff;
    background:
      radial-gradient(circle at 85% 15%, rgba(255, 255, 255, .18) 0, transparent 40%),
      radial-gradient(circle at 10% 90%, rgba(80, 20, 90, .45) 0, transparent 55%),
      linear-gradient(150deg, #c93a4a 0%, #b0214f 45%, #5a1656 100%);
  }
  .brand { display: flex; align-items: center; gap: var(--space-3); font-size: 1.4rem; font-weight: 800; letter-spacing: -0.02em; }
  .brand .logo { width: 40px; height: 40px; filter: drop-shadow(0 4px 12px rgba(0, 0, 0, .2)); }
  .headline { font-size: clamp(2rem, 3.4vw, 3rem); font-weight: 800; line-height: 1.08; letter-spacing: -0.03em; max-width: 14ch; }
  .sub { margin-top: var(--space-4); max-width: 40ch; font-size: 1.05rem; opacity: .92; }
  .points { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-3); font-weight: 600; }
  .points li { display: flex; align-items: center; gap: var(--space-3); }
  .dot { width: 8px; height: 8px; border-radius: 50%; background: #fff; box-shadow: 0 0 0 4px rgba(255, 255, 255, .25); }

  .form-side { display: grid; place-content: center; padding: var(--space-6) var(--space-5); }
  .phone-brand { display: none; }
  .panel { width: min(420px, 100%); display: grid; gap: var(--space-5); }
  .panel header { display: grid; gap: var(--space-2); }
  .panel header p { color: var(--text-muted); }
  form { display: grid; gap: var(--space-4); }
  .actions { display: grid; gap: var(--space-3); margin-top: var(--space-2); }
  .switch { text-align: center; color: var(--text-muted); }
  .link-button {
    justify-self: start; padding: 0; border: 0; background: none; font: inherit; font-weight: 600;
    color: var(--accent); cursor: pointer; text-decoration: underline; text-underline-offset: 2px;
  }
  details summary { cursor: pointer; color: var(--text-muted); font-weight: 600; }
  details[open] summary { margin-bottom: var(--space-3); }

  @media (max-width: 860px) {
    .frame { display: block; }
    .brand-panel { display: none; }
    .form-side { place-content: start center; padding: var(--space-6) var(--space-4); min-height: 100vh; min-height: 100dvh; }
    .phone-brand {
      display: flex; align-items: center; gap: var(--space-3); margin-bottom: var(--space-6);
      font-size: 1.25rem; font-weight: 800; letter-spacing: -0.02em;
    }
    .phone-brand .logo { width: 36px; height: 36px; }
  }
`;
