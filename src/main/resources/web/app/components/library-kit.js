import { css } from 'lit';
import { stateStyles } from './states.js';

/**
 * What the library screens share: durations as people read them, the cover tones (a gradient
 * picked by name when there is no picture), links to albums, artists and genres, and the two ways
 * a track leaves a list: the `encore-play` event (the player listens on window) and a drag.
 */

const TONES = 6;

/** `3:07`, or `1:02:09` past an hour, from milliseconds (a track's `durationMs`). */
export function duration(ms) {
  return clock(Math.round((ms ?? 0) / 1000));
}

/** `3:07`, or `1:02:09` past an hour, from seconds (a media element's time). */
export function clock(time) {
  const seconds = Math.max(0, Math.floor(time || 0));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** `1 hr 4 min`, `12 min` or `40 sec`: the length of an album or a list. */
export function totalDuration(ms) {
  if ((ms ?? 0) < 60000) return `${Math.round((ms ?? 0) / 1000)} sec`;
  const minutes = Math.round(ms / 60000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} hr ${minutes % 60} min` : `${Math.max(minutes, 1)} min`;
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** One of the cover tones, the same for the same text every time. */
export function tone(text) {
  let hash = 0;
  for (const char of text ?? '') hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return hash % TONES;
}

export const toneStyles = css`
  .tone-0 { background: linear-gradient(135deg, #ff7a59, #e0356b); }
  .tone-1 { background: linear-gradient(135deg, #7f5af0, #2cb1bc); }
  .tone-2 { background: linear-gradient(135deg, #2f80ed, #56ccf2); }
  .tone-3 { background: linear-gradient(135deg, #11998e, #38ef7d); }
  .tone-4 { background: linear-gradient(135deg, #f7971e, #c8553d); }
  .tone-5 { background: linear-gradient(135deg, #8e2de2, #e0356b); }
`;

export function albumHref(album, artist) {
  return `/library/albums/${encodeURIComponent(album)}${artist ? `?artist=${encodeURIComponent(artist)}` : ''}`;
}

export function artistHref(artist) {
  return `/library/artists/${encodeURIComponent(artist)}`;
}

export function genreHref(genre) {
  return `/library/genres/${encodeURIComponent(genre)}`;
}

/** A path segment of the router's params, as it was before it was encoded into the link. */
export function segment(value) {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

/**
 * Asks the player to play `tracks` (as the API returned them) from `index` now. The event bubbles
 * out of every shadow root to window, where the player listens.
 */
export function play(from, tracks, index = 0) {
  from.dispatchEvent(new CustomEvent('encore-play', {
    bubbles: true, composed: true, detail: { tracks, index, mode: 'now' },
  }));
}

/** What a dragged track carries, for the playlists that accept drops. */
export function dragTrack(event, track) {
  event.dataTransfer.setData('application/x-encore-track', JSON.stringify({ id: track.id, title: track.title }));
  event.dataTransfer.setData('text/plain', `${track.title} — ${track.artist}`);
  event.dataTransfer.effectAllowed = 'copy';
}

/** The shared look of the library's pages: their header, grids of cards, and the empty and failed states. */
export const libraryStyles = css`
  .head { display: flex; align-items: end; justify-content: space-between; flex-wrap: wrap; gap: var(--space-4); margin-bottom: var(--space-5); }
  .eyebrow { color: var(--text-faint); font-size: .78rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
  .count { color: var(--text-muted); margin-top: var(--space-1); }

  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(172px, 1fr)); gap: var(--space-5) var(--space-4); list-style: none; margin: 0; padding: 0; }
  .tile { display: grid; gap: var(--space-2); padding: var(--space-3); margin: calc(-1 * var(--space-3)); border-radius: var(--radius-l); color: var(--text); text-decoration: none; transition: background var(--transition); min-width: 0; }
  .tile:hover { background: var(--bg-hover); color: var(--text); }
  .tile encore-cover { width: 100%; box-shadow: var(--shadow); }
  .tile strong, .tile .sub { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .tile strong { font-weight: 650; }
  .tile .sub { color: var(--text-muted); font-size: .88rem; }
  .tile.round { text-align: center; }
  .tile-skeleton { display: grid; gap: var(--space-2); }
  .tile-skeleton .square { aspect-ratio: 1; border-radius: var(--radius); height: auto; }
  .tile-skeleton.round .square { border-radius: 50%; }

  .pager { display: flex; align-items: center; justify-content: space-between; gap: var(--space-3); margin-top: var(--space-5); }
  .pager span { color: var(--text-muted); }
  .pager .button { min-height: 40px; padding: 0 var(--space-4); }
  .pager .button[aria-disabled="true"] { opacity: .45; pointer-events: none; }

  ${stateStyles}

  @media (max-width: 860px) {
    h1 { font-size: 1.5rem; }
    .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--space-4) var(--space-3); }
  }
`;
