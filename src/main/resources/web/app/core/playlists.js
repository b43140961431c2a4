import { api } from './api.js';
import { session } from './session.js';

/**
 * My playlists, for the places that add to them from anywhere (the track menu, the sidebar's drop
 * targets): loaded once, kept until a change. Edits of one playlist send `If-Match` with the
 * version they read; the playlist screen does its own edits and calls {@link changed}.
 * Dispatches `change` (`detail.id`: the playlist that changed, if one did; `detail.source`: who changed it).
 */
class Playlists extends EventTarget {
  /** My playlists (name order), or null until loaded. */
  mine = null;
  #loading = null;

  constructor() {
    super();
    session.addEventListener('change', () => {
      if (!session.signedIn) {
        this.mine = null;
        this.#loading = null;
      }
    });
  }

  /** Loads my playlists if they are not loaded yet (or again, with `force`). */
  load(force = false) {
    if (this.mine && !force) return Promise.resolve(this.mine);
    this.#loading ??= api.get('/api/v1/playlists', { query: { size: 100, sort: 'name,asc' } })
      .then((page) => {
        this.mine = page.items.filter((playlist) => playlist.ownerId === session.user?.id);
        this.dispatchEvent(new CustomEvent('change', { detail: {} }));
        return this.mine;
      })
      .finally(() => { this.#loading = null; });
    return this.#loading;
  }

  /** Creates a playlist; resolves to it. */
  async create(fields) {
    const created = await api.post('/api/v1/playlists', fields);
    await this.changed(created.id);
    return created;
  }

  /** Adds a track at the end of a playlist, as of its latest version; resolves to the playlist. */
  async add(playlistId, trackId) {
    const current = await api.get(`/api/v1/playlists/${playlistId}`);
    const updated = await api.post(`/api/v1/playlists/${playlistId}/items`, { trackId },
      { headers: { 'If-Match': `"${current.version}"` } });
    await this.changed(playlistId);
    return updated;
  }

  /** Something (`source`, if a screen) changed a playlist: reload the list and tell whoever shows it. */
  async changed(id, source = null) {
    try {
      await this.load(true);
    } catch {
      // the list is refreshed on the next look
    }
    this.dispatchEvent(new CustomEvent('change', { detail: { id, source } }));
  }
}

export const playlists = new Playlists();

/** The drag-and-drop type of a track row: JSON `{id, title}`. */
export const TRACK_TYPE = 'application/x-encore-track';

/** The track a drop carries, or null. */
export function droppedTrack(event) {
  try {
    const track = JSON.parse(event.dataTransfer.getData(TRACK_TYPE) || 'null');
    return track?.id ? track : null;
  } catch {
    return null;
  }
}

/** Whether a drag carries a track (its data can only be read on drop). */
export function carriesTrack(event) {
  return [...(event.dataTransfer?.types ?? [])].includes(TRACK_TYPE);
}
