import { html, css } from 'lit';
import { tone, toneStyles } from './library-kit.js';

/**
 * What the live screens (rooms, premieres, presenter sessions) share: avatars made from names,
 * the red "Live" badge, the connection pill, countdowns, round icon buttons and the side panels
 * (chat, members, queue) that sit beside the stage on wide screens and under it on phones.
 */

/**
 * The name to show for a person in a live payload (a member, a chat message's author, a suggestion's):
 * the display name the server sends, or the username (older payloads have only that).
 */
export function nameOf(person) {
  return person?.displayName || person?.username || '';
}

/** The name to show for a room's host: `hostDisplayName`, or `hostName` (the username). */
export function hostNameOf(room) {
  return room?.hostDisplayName || room?.hostName || '';
}

/** A round avatar with the name's initial, tinted by the name. */
export function avatar(name) {
  const initial = (name ?? '?').trim().charAt(0).toUpperCase() || '?';
  return html`<span class="avatar tone-${tone(name ?? '')}" aria-hidden="true">${initial}</span>`;
}

/** The live connection as a small pill: nothing while it is open. */
export function connectionPill(status) {
  if (status === 'open') return '';
  return html`<span class="pill-live offline" role="status">${status === 'closed' ? 'Offline' : 'Reconnecting…'}</span>`;
}

/** `2d 04:05:06`, `04:05:06` or `05:06` until something starts (ms; never negative). */
export function countdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n) => String(n).padStart(2, '0');
  const clock = hours || days ? `${pad(hours)}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
  return days ? `${days}d ${clock}` : clock;
}

/** A date and time as people read it: `Fri 4 Dec, 20:00`. */
export function when(instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** The items of a list answer: a plain array, or a page (`items`, `content`). */
export function itemsOf(answer) {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? answer?.content ?? [];
}

export const liveStyles = css`
  ${toneStyles}

  .avatar {
    display: grid; place-items: center; width: 32px; height: 32px; border-radius: 50%; flex: none;
    color: #fff; font-weight: 700; font-size: .85rem; text-shadow: 0 1px 2px rgba(0, 0, 0, .35);
  }
  .avatar.large { width: 44px; height: 44px; font-size: 1.05rem; }

  .pill-live {
    display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px; border-radius: 999px;
    background: #e5183d; color: #fff; font-size: .72rem; font-weight: 800; letter-spacing: .08em; text-transform: uppercase;
  }
  .pill-live::before { content: ''; width: 7px; height: 7px; border-radius: 50%; background: currentColor; animation: pulse 1.6s ease-in-out infinite; }
  .pill-live.offline { background: var(--warning-bg); color: var(--warning-text); }
  .pill-live.offline::before { animation: none; }
  .pill-live.soon { background: var(--accent-soft); color: var(--accent); }
  .pill-live.soon::before { animation: none; }
  .pill-live.ended { background: var(--bg-hover); color: var(--text-muted); }
  .pill-live.ended::before { display: none; }
  @keyframes pulse { 50% { opacity: .35; } }
  @media (prefers-reduced-motion: reduce) { .pill-live::before { animation: none; } }

  .icon-button {
    display: inline-grid; place-items: center; width: 40px; height: 40px; flex: none; border-radius: 50%;
    border: 1px solid transparent; background: transparent; color: var(--text-muted); cursor: pointer;
    transition: background var(--transition), color var(--transition), transform var(--transition);
  }
  .icon-button:hover { background: var(--bg-hover); color: var(--text); }
  .icon-button:active { transform: scale(.94); }
  .icon-button[disabled] { opacity: .4; cursor: default; transform: none; }
  .icon-button svg { width: 20px; height: 20px; }
  .icon-button.small { width: 32px; height: 32px; }
  .icon-button.small svg { width: 16px; height: 16px; }
  .icon-button.primary { width: 44px; height: 44px; background: var(--accent); color: var(--accent-text); }
  .icon-button.primary:hover { background: var(--accent-strong); color: var(--accent-text); }
  .icon-button.big { width: 64px; height: 64px; background: var(--text); color: var(--bg-raised); }
  .icon-button.big:hover { transform: scale(1.05); background: var(--text); color: var(--bg-raised); }
  .icon-button.big svg { width: 28px; height: 28px; }

  .back { display: inline-flex; align-items: center; gap: var(--space-1); margin-bottom: var(--space-3); font-weight: 600; text-decoration: none; }
  .back svg { width: 18px; height: 18px; }

  /* the stage beside a side panel (chat, people) from 1100 px, the panel under it below that */
  .layout { display: grid; gap: var(--space-5); grid-template-columns: minmax(0, 1fr) 360px; align-items: start; }
  .side {
    position: sticky; top: var(--space-4); display: flex; flex-direction: column;
    height: calc(100vh - var(--player-space) - 88px); min-height: 420px; /* below the back link, whole on the first screen */
  }
  @media (max-width: 1099px) {
    .layout { grid-template-columns: 1fr; }
    .side { position: static; height: 65vh; min-height: 380px; }
  }

  .panel { display: flex; flex-direction: column; min-height: 0; overflow: hidden; }
  .panel-head { display: flex; align-items: center; justify-content: space-between; gap: var(--space-2); padding: var(--space-3) var(--space-4); border-bottom: 1px solid var(--border); }
  .panel-head h2 { font-size: 1rem; display: flex; align-items: center; gap: var(--space-2); }
  .panel-head h2 svg { width: 18px; height: 18px; color: var(--accent); }
  .count-badge { padding: 0 8px; border-radius: 999px; background: var(--bg-hover); color: var(--text-muted); font-size: .78rem; font-weight: 700; }
`;
