import { css } from 'lit';

/**
 * Styles of the Get music screens (Import and Upload): the page head, form controls the shared
 * styles do not cover (textarea, select, radio pills), progress bars, status chips and cards.
 */
export const formStyles = css`
  .head { display: flex; align-items: flex-start; justify-content: space-between; gap: var(--space-5); margin-bottom: var(--space-5); }
  .eyebrow { color: var(--text-faint); font-size: .78rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
  .lead { color: var(--text-muted); margin-top: var(--space-2); max-width: 60ch; }
  .head encore-quota-meter { flex: none; width: 260px; }

  .field textarea, .field select {
    width: 100%; min-height: 44px; padding: var(--space-2) var(--space-3);
    border: 1px solid var(--border-strong); border-radius: var(--radius);
    background: var(--bg-raised); color: var(--text); font: inherit;
    transition: border-color var(--transition), box-shadow var(--transition);
  }
  .field textarea { resize: vertical; min-height: 96px; font-family: var(--font-mono); font-size: .92rem; line-height: 1.5; }
  .field select { padding-right: var(--space-6); cursor: pointer; }
  .field textarea:hover, .field select:hover { border-color: var(--text-faint); }
  .field textarea:focus-visible, .field select:focus-visible {
    outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent);
  }
  .field textarea[aria-invalid="true"], .field select[aria-invalid="true"] { border-color: var(--danger); }
  .optional { color: var(--text-faint); font-weight: 500; }

  .bar { position: relative; height: 8px; border-radius: 999px; background: var(--bg-sunken); overflow: hidden; }
  .bar.thin { height: 4px; }
  .bar .fill {
    height: 100%; width: var(--progress, 0%); border-radius: inherit; background: var(--accent-gradient);
    transition: width 400ms ease-out;
  }
  @media (prefers-reduced-motion: reduce) { .bar .fill { transition: none; } }
  .progress { display: grid; gap: var(--space-1); }
  .progress-line { display: flex; justify-content: space-between; color: var(--text-muted); font-size: .85rem; font-variant-numeric: tabular-nums; }
  .phase { font-weight: 600; color: var(--text); }

  .status {
    flex: none; padding: 2px var(--space-3); border-radius: 999px; font-size: .78rem; font-weight: 700;
    background: var(--bg-sunken); color: var(--text-muted); white-space: nowrap;
  }
  .status.small { padding: 0 var(--space-2); font-size: .72rem; }
  .status.running, .status.queued, .status.uploading, .status.finishing { background: var(--accent-soft); color: var(--accent); }
  .status.succeeded, .status.done { background: color-mix(in srgb, var(--success) 14%, transparent); color: var(--success); }
  .status.failed { background: var(--danger-soft); color: var(--danger); }
  .status.partial { background: var(--warning-bg); color: var(--warning-text); }

  .failure { display: flex; gap: var(--space-2); align-items: flex-start; color: var(--danger); font-weight: 500; }
  .failure svg { width: 18px; height: 18px; flex: none; margin-top: 2px; }
  .failure.small { font-size: .85rem; }

  .actions { display: flex; flex-wrap: wrap; gap: var(--space-2); }
  .actions:empty { display: none; }
  .actions .button { min-height: 40px; padding: 0 var(--space-4); }
  .actions.small .button { min-height: 34px; font-size: .88rem; }

  .state { display: grid; justify-items: center; gap: var(--space-3); padding: var(--space-7) var(--space-4); text-align: center; }
  .state p { color: var(--text-muted); max-width: 46ch; }
  .state .alert { text-align: left; max-width: 520px; }
  .badge { display: grid; place-items: center; width: 64px; height: 64px; border-radius: 50%; background: var(--accent-soft); color: var(--accent); }
  .badge svg { width: 30px; height: 30px; }

  @media (max-width: 860px) {
    h1 { font-size: 1.5rem; }
    .head { flex-direction: column; gap: var(--space-4); }
    .head encore-quota-meter { width: 100%; }
  }
`;

export const importStyles = css`
  .import-form { display: grid; gap: var(--space-4); padding: var(--space-5); margin-bottom: var(--space-6); }
  .modes { display: inline-flex; gap: var(--space-1); padding: var(--space-1); margin: 0; border: 0; border-radius: 999px; background: var(--bg-sunken); justify-self: start; }
  .mode { position: relative; }
  .mode input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
  .mode span {
    display: inline-flex; align-items: center; gap: var(--space-2); min-height: 36px; padding: 0 var(--space-4);
    border-radius: 999px; font-weight: 650; color: var(--text-muted); transition: background var(--transition), color var(--transition);
  }
  .mode span svg { width: 18px; height: 18px; }
  .mode input:checked + span { background: var(--bg-raised); color: var(--text); box-shadow: var(--shadow); }
  .mode input:focus-visible + span { outline: 2px solid var(--focus); outline-offset: 2px; }
  .row { display: grid; grid-template-columns: 160px 1fr auto; gap: var(--space-4); align-items: start; }
  .row .submit { grid-column: 3; margin-top: 1.55rem; min-width: 140px; }

  .history-head { display: flex; align-items: center; justify-content: space-between; gap: var(--space-4); margin-bottom: var(--space-4); }
  .filter { display: flex; align-items: center; gap: var(--space-2); }
  .filter label { color: var(--text-muted); font-weight: 600; font-size: .9rem; }
  .filter select {
    min-height: 40px; padding: 0 var(--space-3); border: 1px solid var(--border-strong); border-radius: var(--radius);
    background: var(--bg-raised); color: var(--text); font: inherit;
  }

  .imports { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-3); }
  .import { display: grid; gap: var(--space-3); padding: var(--space-4) var(--space-5); }
  .import-head { display: flex; align-items: center; gap: var(--space-3); min-width: 0; }
  .kind { flex: none; display: grid; place-items: center; width: 44px; height: 44px; border-radius: var(--radius); background: var(--accent-gradient); color: #fff; }
  .kind svg { width: 22px; height: 22px; }
  .names { display: grid; min-width: 0; flex: 1; }
  .names h3 { font-size: 1rem; font-weight: 650; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .names .sub { color: var(--text-muted); font-size: .85rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .skeleton-card { gap: var(--space-2); }
  .skeleton.wide { width: 60%; height: 1.1em; }
  .skeleton-card .skeleton:last-child { width: 35%; }

  .items { list-style: none; margin: 0; padding: 0; display: grid; border-top: 1px solid var(--border); }
  .item { display: grid; grid-template-columns: 1fr auto; align-items: center; gap: var(--space-2) var(--space-4); padding: var(--space-3) 0; border-bottom: 1px solid var(--border); }
  .item > :not(.item-line):not(.actions) { grid-column: 1 / -1; }
  .item:last-child { border-bottom: 0; padding-bottom: 0; }
  .item-line { display: flex; align-items: center; gap: var(--space-3); min-width: 0; }
  .position { flex: none; width: 24px; text-align: right; color: var(--text-faint); font-variant-numeric: tabular-nums; }
  .item-name { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

  .download-note { color: var(--text-muted); font-size: .88rem; }
  .save { display: grid; grid-template-columns: 1fr 1fr; gap: var(--space-3); padding: var(--space-4); background: var(--bg-sunken); box-shadow: none; }
  .save .save-actions, .save .alert { grid-column: 1 / -1; }
  .save-actions { display: flex; gap: var(--space-2); }
  .saved { color: var(--success); }

  .pager { display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); margin-top: var(--space-5); }
  .pager span { color: var(--text-muted); }
  .pager .button { min-height: 40px; padding: 0 var(--space-4); }
  .pager .button[disabled] { opacity: .45; cursor: default; }

  @media (max-width: 860px) {
    .import-form { padding: var(--space-4); }
    .row { grid-template-columns: 1fr; }
    .row .submit { grid-column: auto; margin-top: 0; width: 100%; }
    .item { grid-template-columns: 1fr; }
    .history-head { flex-wrap: wrap; }
    .import { padding: var(--space-4); }
    .save { grid-template-columns: 1fr; }
  }
`;
