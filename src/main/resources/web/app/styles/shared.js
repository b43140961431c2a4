import { css } from 'lit';

/**
 * What every screen shares: buttons, form fields, cards, headings, focus rings and skeletons.
 * Components put it first in their `static styles`; the tokens come from styles/app.css.
 */
export const shared = css`
  :host { display: block; }
  * { box-sizing: border-box; }
  [hidden] { display: none !important; }

  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
    border-radius: var(--radius-s);
  }

  h1, h2, h3 { margin: 0; line-height: 1.2; letter-spacing: -0.01em; }
  h1 { font-size: 1.75rem; font-weight: 700; }
  h2 { font-size: 1.2rem; font-weight: 650; }
  p { margin: 0; }
  a { color: var(--accent); text-underline-offset: 2px; }
  a:hover { color: var(--accent-strong); }

  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
  }

  .button {
    display: inline-flex; align-items: center; justify-content: center; gap: var(--space-2);
    min-height: 44px; padding: 0 var(--space-5);
    border: 1px solid transparent; border-radius: 999px;
    font: inherit; font-weight: 650; letter-spacing: .01em; text-decoration: none;
    cursor: pointer; transition: background var(--transition), transform var(--transition), border-color var(--transition);
  }
  .button:active { transform: scale(.98); }
  .button[disabled] { opacity: .6; cursor: progress; transform: none; }
  .button.primary { background: var(--accent); color: var(--accent-text); }
  .button.primary:hover { background: var(--accent-strong); color: var(--accent-text); }
  .button.secondary { background: transparent; color: var(--text); border-color: var(--border-strong); }
  .button.secondary:hover { background: var(--bg-hover); color: var(--text); }
  .button.quiet { background: transparent; color: var(--text-muted); padding: 0 var(--space-3); }
  .button.quiet:hover { background: var(--bg-hover); color: var(--text); }
  /* what cannot be undone (a deletion, confirmed) */
  .button.danger { background: var(--danger); color: var(--bg-raised); }
  .button.danger:hover { background: color-mix(in srgb, var(--danger) 85%, var(--text)); color: var(--bg-raised); }
  .button.block { width: 100%; }
  .button svg { width: 20px; height: 20px; flex: none; }

  .field { display: grid; gap: var(--space-1); }
  .field label { font-weight: 600; font-size: .92rem; }
  .field .hint { color: var(--text-muted); font-size: .85rem; }
  .field input {
    width: 100%; min-height: 44px; padding: 0 var(--space-3);
    border: 1px solid var(--border-strong); border-radius: var(--radius);
    background: var(--bg-raised); color: var(--text); font: inherit;
    transition: border-color var(--transition), box-shadow var(--transition);
  }
  .field input:hover { border-color: var(--text-faint); }
  .field input:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
  .field input[aria-invalid="true"] { border-color: var(--danger); }
  .field .error { color: var(--danger); font-size: .87rem; font-weight: 500; }

  .alert {
    display: grid; gap: var(--space-1);
    padding: var(--space-3) var(--space-4); border-radius: var(--radius);
    background: var(--danger-soft); color: var(--text); border: 1px solid color-mix(in srgb, var(--danger) 35%, transparent);
  }
  .alert strong { color: var(--danger); }
  .alert .request-id { color: var(--text-muted); font-size: .8rem; font-family: var(--font-mono); }

  .card {
    background: var(--bg-raised); border: 1px solid var(--border);
    border-radius: var(--radius-l); box-shadow: var(--shadow);
  }

  .skeleton {
    display: block; height: .9em; border-radius: 4px;
    background: linear-gradient(90deg, var(--skeleton) 0%, var(--skeleton-shine) 50%, var(--skeleton) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
  @media (prefers-reduced-motion: reduce) { .skeleton { animation: none; } }
`;
