import { api } from '../core/api.js';
import { albumHref, artistHref, play } from './library-kit.js';

/**
 * Search answers (`GET /api/v1/search`, typo-tolerant, best first) grouped by kind: tracks,
 * artists and albums (of the tracks found), videos, presentations (found by what their slides say too)
 * and playlists. Each entry knows where it leads
 * (`href`) or, for a track, that it plays.
 */

export const KINDS = [
  { key: 'tracks', label: 'Tracks' },
  { key: 'artists', label: 'Artists' },
  { key: 'albums', label: 'Albums' },
  { key: 'videos', label: 'Videos' },
  { key: 'presentations', label: 'Presentations' },
  { key: 'playlists', label: 'Playlists' },
];

/** Asks the API; `limit` caps each group. */
export async function search(q, { size = 20, limit = 5, signal } = {}) {
  const page = await api.get('/api/v1/search', { query: { q, size }, signal });
  return { total: page.totalItems, groups: group(page.items, limit) };
}

export function group(results, limit) {
  const groups = { tracks: [], artists: [], albums: [], videos: [], presentations: [], playlists: [] };
  const seen = new Set();
  const once = (key) => !seen.has(key) && seen.add(key);
  for (const result of results) {
    if (result.type === 'track') {
      groups.tracks.push({ kind: 'track', id: result.id, title: result.title, detail: [result.artist, result.album]
        .filter(Boolean).join(' · '), result });
      if (result.artist && once(`artist:${result.artist.toLowerCase()}`)) {
        groups.artists.push({ kind: 'artist', title: result.artist, detail: 'Artist', href: artistHref(result.artist) });
      }
      if (result.album && once(`album:${result.album.toLowerCase()}:${(result.artist ?? '').toLowerCase()}`)) {
        groups.albums.push({ kind: 'album', title: result.album, detail: `Album · ${result.artist}`,
          href: albumHref(result.album, result.artist) });
      }
    } else if (result.type === 'video') {
      groups.videos.push({ kind: 'video', title: result.title, detail: 'Video', href: `/videos/${result.id}` });
    } else if (result.type === 'presentation') {
      groups.presentations.push({ kind: 'presentation', title: result.title, detail: 'Presentation',
        href: `/presentations/${result.id}` });
    } else if (result.type === 'playlist') {
      groups.playlists.push({ kind: 'playlist', title: result.title, detail: 'Playlist', href: `/playlists/${result.id}` });
    }
  }
  return Object.fromEntries(Object.entries(groups).map(([key, items]) => [key, items.slice(0, limit)]));
}

/** Plays a track found by search: reads it (for its stream URL), then asks the player. */
export async function playFound(from, entry) {
  const track = await api.get(`/api/v1/tracks/${entry.id}`);
  play(from, [track], 0);
  return track;
}
