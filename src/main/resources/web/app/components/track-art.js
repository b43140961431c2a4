import { html, css } from 'lit';

const TONES = 6;

/**
 * A track's tile: a gradient chosen by its album (or title) with its first letter, the same every
 * time, for lists and the player. Decorative: the title is always written beside it.
 */
export function cover(track, className = '') {
  const name = track?.album || track?.title || '?';
  return html`<span class="cover tone-${tone(name)} ${className}" aria-hidden="true">${(track?.title || '?').slice(0, 1)}</span>`;
}

/** The styles of {@link cover}: include them in a component that shows tiles. */
export const coverStyles = css`
  .cover {
    flex: none; display: grid; place-items: center; width: 44px; height: 44px; border-radius: var(--radius-s);
    color: rgba(255, 255, 255, .92); font-weight: 800; font-size: 1.05rem; text-transform: uppercase;
    box-shadow: inset 0 0 0 1px rgba(255, 255, 255, .08);
  }
  .tone-0 { background: linear-gradient(135deg, #ff7a59, #e0356b); }
  .tone-1 { background: linear-gradient(135deg, #7f5af0, #2cb1bc); }
  .tone-2 { background: linear-gradient(135deg, #2f80ed, #56ccf2); }
  .tone-3 { background: linear-gradient(135deg, #11998e, #38ef7d); }
  .tone-4 { background: linear-gradient(135deg, #f7971e, #c8553d); }
  .tone-5 { background: linear-gradient(135deg, #8e2de2, #e0356b); }
`;

/** "3:07" or "1:02:03" from seconds. */
export function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds || 0));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

function tone(text) {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return hash % TONES;
}
