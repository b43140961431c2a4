/**
 * Tracks edited or deleted in this tab, for whatever shows them outside the screen that changed
 * them (the player's queue and bar): `trackChanges.edited(track)` with the track as the API now
 * returns it, `trackChanges.deleted(track)` once the API has deleted it. Dispatches `edited` and
 * `deleted`, with the track as `detail`.
 */
class TrackChanges extends EventTarget {
  edited(track) {
    if (track?.id) this.dispatchEvent(new CustomEvent('edited', { detail: track }));
  }

  deleted(track) {
    if (track?.id) this.dispatchEvent(new CustomEvent('deleted', { detail: track }));
  }
}

export const trackChanges = new TrackChanges();
