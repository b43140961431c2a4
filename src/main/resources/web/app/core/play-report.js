import { api } from './api.js';
import { session } from './session.js';

/** A play is reported this often while it goes on, and when it ends. */
const REPORT_MS = 30_000;
/** Plays some report already stands for (one page, one listener). */
const claimed = new Set();

/**
 * One play of a track as the player hears it: the time really heard (playing forward in small
 * steps; seeks do not count), reported to `PUT /api/v1/plays/{id}`. The stream records the play
 * when its first request ends; an `<audio>` element cannot read the play id header, so the play is
 * found in my latest plays (`GET /api/v1/plays`): the last of this track since it started that no
 * other report claimed. Best effort: without a report, the stream's own estimate stays.
 */
export class PlayReport {
  #trackId;
  #since = Date.now();
  #last;
  #heard = 0;
  #reported = 0;
  #id = null;

  /** @param {number} at seconds into the track where it starts */
  constructor(trackId, at) {
    this.#trackId = trackId;
    this.#last = at;
  }

  /** The audio's time now; it counts as heard only while playing. */
  progress(seconds, playing) {
    const step = seconds - this.#last;
    if (playing && step > 0 && step < 2) this.#heard += step;
    this.#last = seconds;
    if (this.#heard * 1000 - this.#reported >= REPORT_MS) this.send();
  }

  async send() {
    const heard = Math.round(this.#heard * 1000);
    if (heard < 1000 || heard === this.#reported || !session.signedIn) return;
    this.#reported = heard;
    try {
      this.#id ??= await this.#find();
      if (this.#id) await api.put(`/api/v1/plays/${this.#id}`, { msListened: heard });
    } catch {
      // history is best effort: the stream's own estimate stays
    }
  }

  async #find() {
    const page = await api.get('/api/v1/plays', { query: { size: 20 } });
    const found = page.items.filter((play) => play.trackId === this.#trackId
      && Date.parse(play.startedAt) >= this.#since - 60_000 && !claimed.has(play.id)).at(-1);
    if (!found) return null;
    claimed.add(found.id);
    return found.id;
  }
}
