import { css } from 'lit';
import { stateStyles } from '../components/states.js';

/**
 * What the account and admin screens share beyond styles/shared.js: the page head, sections as
 * cards, the empty/failed states, data tables that become lists on phones, badges and dialogs.
 */
export const page = css`
  .head { display: flex; align-items: end; justify-content: space-between; flex-wrap: wrap; gap: var(--space-4); margin-bottom: var(--space-5); }
  .eyebrow { color: var(--text-faint); font-size: .78rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
  .lead { color: var(--text-muted); margin-top: var(--space-1); }
  .muted { color: var(--text-muted); }
  .mono { font-family: var(--font-mono); font-size: .88em; }

  .section { padding: var(--space-5); display: grid; gap: var(--space-4); align-content: start; }
  .section + .section { margin-top: var(--space-4); }
  .section-head { display: flex; align-items: start; justify-content: space-between; gap: var(--space-3); flex-wrap: wrap; }
  .section-head p { color: var(--text-muted); margin-top: var(--space-1); max-width: 60ch; }
  form.stack { display: grid; gap: var(--space-4); max-width: 460px; }
  .row-actions { display: flex; flex-wrap: wrap; gap: var(--space-3); align-items: center; }
  .saved { color: var(--success); font-weight: 600; display: inline-flex; align-items: center; gap: var(--space-1); }
  .saved svg { width: 18px; height: 18px; }

  .pill {
    display: inline-flex; align-items: center; gap: var(--space-1); padding: 2px var(--space-2); border-radius: 999px;
    font-size: .75rem; font-weight: 700; letter-spacing: .03em; white-space: nowrap;
    background: var(--bg-hover); color: var(--text-muted);
  }
  .pill.good { background: color-mix(in srgb, var(--success) 14%, transparent); color: var(--success); }
  .pill.bad { background: var(--danger-soft); color: var(--danger); }
  .pill.warn { background: var(--warning-bg); color: var(--warning-text); }
  .pill.accent { background: var(--accent-soft); color: var(--accent); }

  ${stateStyles}

  .table-card { overflow: hidden; }
  table { width: 100%; border-collapse: collapse; }
  th {
    padding: var(--space-3) var(--space-4); text-align: left; color: var(--text-faint); background: var(--bg-sunken);
    font-size: .75rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; border-bottom: 1px solid var(--border);
  }
  td { padding: var(--space-3) var(--space-4); border-bottom: 1px solid var(--border); vertical-align: middle; }
  tbody tr:last-child td { border-bottom: 0; }
  tbody tr { transition: background var(--transition); }
  tbody tr:hover { background: var(--bg-hover); }

  .pager { display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); margin-top: var(--space-4); }
  .pager span { color: var(--text-muted); }
  .pager .button { min-height: 40px; padding: 0 var(--space-4); }

  .button.small { min-height: 36px; padding: 0 var(--space-4); font-size: .9rem; }

  dialog {
    width: min(440px, calc(100vw - 2 * var(--space-4))); padding: 0; border: 1px solid var(--border);
    border-radius: var(--radius-l); background: var(--bg-raised); color: var(--text); box-shadow: var(--shadow);
  }
  dialog::backdrop { background: rgba(10, 10, 14, .55); backdrop-filter: blur(2px); }
  dialog form { display: grid; gap: var(--space-4); padding: var(--space-5); }
  dialog .row-actions { justify-content: flex-end; }

  select, .field select {
    width: 100%; min-height: 44px; padding: 0 var(--space-3); border: 1px solid var(--border-strong);
    border-radius: var(--radius); background: var(--bg-raised); color: var(--text); font: inherit;
  }

  @media (max-width: 860px) {
    h1 { font-size: 1.5rem; }
    .section { padding: var(--space-4); }
  }
`;
