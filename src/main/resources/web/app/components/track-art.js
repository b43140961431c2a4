import { html, css } from 'lit';
import { tone, toneStyles } from './library-kit.js';

/**
 * A track's tile: a gradient chosen by its album (or title) with its first letter, the same every
 * time, for the playlists' mosaics (the tones are library-kit.js's, as `<encore-cover>`'s fallback).
 * Decorative: the title is always written beside it. Where one track's real cover can show (the
 * player), use `<encore-cover>` instead.
 */
export function cover(track, className = '') {
  const name = track?.album || track?.title || '?';
  return html`<span class="cover tone-${tone(name)} ${className}" aria-hidden="true">${(track?.title || '?').slice(0, 1)}</span>`;
}

/** The styles of {@link cover}: include them in a component that shows tiles. */
export const coverStyles = [toneStyles, css`
  .cover {
    flex: none; display: grid; place-items: center; width: 44px; height: 44px; border-radius: var(--radius-s);
    color: rgba(255, 255, 255, .92); font-weight: 800; font-size: 1.05rem; text-transform: uppercase;
    box-shadow: inset 0 0 0 1px rgba(255, 255, 255, .08);
  }
`];
