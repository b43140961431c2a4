import { html, css } from 'lit';
import { icon } from './icons.js';
import { cover, coverStyles } from './track-art.js';

/** The styles of {@link playlistCard} and its grid: include them in a screen that shows cards. */
export const playlistStyles = [coverStyles, css`
  .grid { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-4);
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); }
  .playlist-card {
    display: grid; gap: var(--space-2); padding: var(--space-3); border-radius: var(--radius-l);
    background: var(--bg-raised); border: 1px solid var(--border); color: var(--text); text-decoration: none;
    transition: background var(--transition), border-color var(--transition), transform var(--transition);
  }
  .playlist-card:hover { background: var(--bg-hover); color: var(--text); }
  .playlist-card.drop-target { border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); transform: scale(1.02); }
  .playlist-card .art {
    display: grid; grid-template-columns: 1fr 1fr; aspect-ratio: 1; border-radius: var(--radius); overflow: hidden;
    background: var(--bg-sunken); color: var(--text-faint);
  }
  .playlist-card .art.single { grid-template-columns: 1fr; place-items: center; }
  .playlist-card .art.single svg { width: 40%; height: 40%; }
  .playlist-card .art .cover { width: 100%; height: 100%; border-radius: 0; font-size: 1.4rem; }
  .playlist-card .art.skeleton { display: block; height: auto; }
  .playlist-card strong { font-weight: 650; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .playlist-card .meta { display: flex; align-items: center; gap: var(--space-1); color: var(--text-muted); font-size: .85rem; }
  .playlist-card .meta svg { width: 14px; height: 14px; }
  @media (max-width: 860px) { .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--space-3); } }
`];

/** What the playlist screens share: the empty and failed states, the details form's checkbox and text area. */
export const playlistScreenStyles = css`
  .state { display: grid; justify-items: center; gap: var(--space-4); padding: var(--space-7) var(--space-4); text-align: center; }
  .state p { color: var(--text-muted); max-width: 46ch; margin: 0; }
  .badge { display: grid; place-items: center; width: 72px; height: 72px; border-radius: 50%; background: var(--accent-soft); color: var(--accent); }
  .badge svg { width: 34px; height: 34px; }
  .state .alert { text-align: left; max-width: 520px; }
  .check { display: flex; align-items: center; gap: var(--space-2); font-weight: 600; }
  .check input { width: 18px; height: 18px; accent-color: var(--accent); }
  textarea {
    width: 100%; min-height: 72px; padding: var(--space-2) var(--space-3); border: 1px solid var(--border-strong);
    border-radius: var(--radius); background: var(--bg-raised); color: var(--text); font: inherit; resize: vertical;
  }
  textarea:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
`;

/**
 * A playlist as a card that opens it: a mosaic of its first tracks, its name, how many tracks and
 * whether it is public. `handlers` (dragover, dragleave, drop) make it a drop target.
 */
export function playlistCard(playlist, handlers = {}) {
  const tracks = playlist.items.slice(0, 4).map((item) => item.track);
  const count = playlist.items.length;
  return html`<a class="playlist-card" href="/playlists/${playlist.id}" data-id=${playlist.id}
      @dragover=${handlers.dragover} @dragleave=${handlers.dragleave} @drop=${handlers.drop}>
    <span class="art ${tracks.length < 4 ? 'single' : ''}" aria-hidden="true">
      ${tracks.length < 4 ? (tracks.length ? cover(tracks[0]) : icon('playlist')) : tracks.map((track) => cover(track))}</span>
    <strong>${playlist.name}</strong>
    <span class="meta">${icon(playlist.isPublic ? 'globe' : 'lock')}${playlist.isPublic ? 'Public' : 'Private'}
      · ${count} ${count === 1 ? 'track' : 'tracks'}</span>
  </a>`;
}
