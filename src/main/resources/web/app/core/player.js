import { api } from './api.js';
import { session } from './session.js';
import { PlayReport } from './play-report.js';
import { mediaActions, nowPlaying, playbackState, positionState } from './media-session.js';
import { sameOrigin } from './links.js';
import { trackChanges } from './track-changes.js';

/** Per user: the queue's track ids, where it was and the settings. Never a token or a URL. */
const STORE = 'encore.player.';
/** At most this many queue entries survive a reload (each is a request at resume). */
const KEEP = 50;
/** Ask for a new stream URL this long before the one we have expires. */
const EARLY_MS = 30_000;
/** After a media error: new URL and retry, this many times (a rendition may still be being made). */
const RETRIES = 5;

/** The quality setting: the original file, or an MP3 rendition at a bitrate the stream API offers. */
export const QUALITIES = [
  { value: 'original', label: 'Original' },
  ...[320, 256, 192, 128, 96, 64].map((kbps) => ({ value: String(kbps), label: `${kbps} kbit/s` })),
];

let sequence = 0;

/**
 * What plays: the queue (entries `{qid, track}`, tracks as `/api/v1/tracks` returns them), the
 * current entry and the playback state, driving the one `<audio>` element of the player bar
 * ({@link attach}). Screens ask for music with an `encore-play` event on `window`
 * (`detail: {tracks, index, mode: 'now'|'next'|'queue'}`); the bar calls the methods here.
 *
 * The audio plays the track's signed, short-lived `streamUrl` (never the access token), with
 * `?bitrate=` for a transcoded rendition (exact length, Range: seekable). An expired URL or a
 * rendition still being made ends in a media error: the track is read again for a new URL and
 * playback goes on where it was. The queue's ids, the position and the settings are kept in
 * localStorage per user, so a reload offers to resume. Plays are recorded by the stream; the time
 * really heard is reported to `PUT /api/v1/plays/{id}`. A track edited in this tab is shown as it now
 * is, and a deleted one leaves the queue (core/track-changes.js). Dispatches `change`.
 */
class Player extends EventTarget {
  items = [];
  index = -1;
  /** Playing, or about to (a load is on its way). */
  playing = false;
  buffering = false;
  position = 0;
  duration = 0;
  volume = 1;
  muted = false;
  /** 'off', 'all' or 'one'. */
  repeat = 'off';
  shuffle = false;
  quality = 'original';
  /** A sentence when the current track could not be played. */
  error = '';

  #audio = null;
  #user = null;
  #unshuffled = null;
  #retries = 0;
  #retryTimer = 0;
  #seekOnLoad = 0;
  #loading = 0;
  #play = null;
  #lastSaved = 0;
  #restored = false;

  constructor() {
    super();
    window.addEventListener('encore-play', (event) => this.#request(event.detail ?? {}));
    window.addEventListener('pagehide', () => {
      this.#save();
      this.#play?.send();
    });
    session.addEventListener('change', () => this.#sessionChanged());
    trackChanges.addEventListener('edited', (event) => this.#edited(event.detail));
    trackChanges.addEventListener('deleted', (event) => this.forget(event.detail.id));
  }

  get current() {
    return this.items[this.index] ?? null;
  }

  get track() {
    return this.current?.track ?? null;
  }

  /** The entries after the current one. */
  get upcoming() {
    return this.items.slice(this.index + 1);
  }

  get hasNext() {
    return this.index < this.items.length - 1 || (this.repeat === 'all' && this.items.length > 0);
  }

  /** Called once by the player bar with its `<audio>` element. */
  attach(audio) {
    this.#audio = audio;
    audio.preload = 'metadata';
    audio.volume = this.volume;
    audio.muted = this.muted;
    const on = (type, handler) => audio.addEventListener(type, handler);
    on('loadedmetadata', () => this.#loaded());
    on('durationchange', () => this.#set({ duration: finite(audio.duration) || (this.track?.durationMs ?? 0) / 1000 }));
    on('timeupdate', () => this.#progress());
    on('playing', () => {
      this.#retries = 0;
      this.#set({ playing: true, buffering: false, error: '' });
    });
    on('pause', () => { if (!audio.ended) this.#set({ playing: false }); });
    on('waiting', () => this.#set({ buffering: true }));
    on('canplay', () => this.#set({ buffering: false }));
    on('ended', () => this.#ended());
    on('error', () => this.#failed());
    mediaActions({
      play: () => this.play(),
      pause: () => this.pause(),
      previoustrack: () => this.previous(),
      nexttrack: () => this.next(),
      seekto: (details) => this.seek(details.seekTime),
      seekbackward: (details) => this.seek(this.position - (details.seekOffset || 10)),
      seekforward: (details) => this.seek(this.position + (details.seekOffset || 10)),
    });
    this.#sessionChanged();
    this.#resume();
  }

  /** Starts `tracks` from `index` (the queue becomes them), or adds them next or at the end. */
  enqueue(tracks, { index = 0, mode = 'now' } = {}) {
    const entries = (tracks ?? []).filter((track) => track?.id).map(entry);
    if (entries.length === 0) return;
    if (mode === 'now') {
      const start = Math.min(Math.max(0, index), entries.length - 1);
      this.#unshuffled = this.shuffle ? entries.slice() : null;
      this.items = this.shuffle ? [entries[start], ...shuffled(entries.filter((_, i) => i !== start))] : entries;
      this.index = this.shuffle ? 0 : start;
      this.#start(true);
      return;
    }
    const at = mode === 'next' ? this.index + 1 : this.items.length;
    this.items = [...this.items.slice(0, at), ...entries, ...this.items.slice(at)];
    this.#unshuffled?.push(...entries);
    if (this.index < 0) {
      this.index = 0;
      this.#start(false);
    } else {
      this.#changed();
    }
  }

  playAt(position) {
    if (position < 0 || position >= this.items.length) return;
    this.index = position;
    this.#start(true);
  }

  play() {
    if (!this.#audio || !this.track) return;
    if (!this.#audio.src) {
      this.#start(true, this.position);
      return;
    }
    this.#set({ playing: true });
    this.#audio.play().catch((error) => this.#refused(error));
  }

  pause() {
    this.#audio?.pause();
    this.#set({ playing: false });
  }

  toggle() {
    if (this.playing) this.pause(); else this.play();
  }

  next() {
    if (this.items.length === 0) return;
    if (this.index < this.items.length - 1) this.playAt(this.index + 1);
    else if (this.repeat === 'all') this.playAt(0);
  }

  /** Back to the start of the track, or to the one before when near its start. */
  previous() {
    if (this.position > 3 || this.index === 0) this.seek(0);
    else this.playAt(this.index - 1);
  }

  /** Seconds from the start of the current track. */
  seek(seconds) {
    const to = Math.max(0, Math.min(seconds, this.duration || seconds));
    this.position = to;
    if (this.#audio?.src && this.#audio.readyState > 0) this.#audio.currentTime = to;
    else this.#seekOnLoad = to;
    this.#changed();
    this.#save(true);
  }

  setVolume(volume) {
    this.volume = Math.max(0, Math.min(1, volume));
    this.muted = this.volume === 0 ? this.muted : false;
    if (this.#audio) {
      this.#audio.volume = this.volume;
      this.#audio.muted = this.muted;
    }
    this.#changed();
    this.#save(true);
  }

  toggleMute() {
    this.muted = !this.muted;
    if (this.#audio) this.#audio.muted = this.muted;
    this.#changed();
    this.#save(true);
  }

  cycleRepeat() {
    this.repeat = { off: 'all', all: 'one', one: 'off' }[this.repeat];
    this.#changed();
    this.#save(true);
  }

  /** Shuffles what comes after the current track, or puts the queue back in its order. */
  toggleShuffle() {
    const current = this.current;
    if (!this.shuffle) {
      this.#unshuffled = this.items.slice();
      this.items = [...this.items.slice(0, this.index + 1), ...shuffled(this.items.slice(this.index + 1))];
    } else if (this.#unshuffled) {
      const left = new Set(this.items.map((item) => item.qid));
      this.items = this.#unshuffled.filter((item) => left.has(item.qid));
      this.index = current ? this.items.indexOf(current) : -1;
    }
    this.#unshuffled = this.shuffle ? null : this.#unshuffled;
    this.shuffle = !this.shuffle;
    this.#changed();
    this.#save(true);
  }

  /** Original or a bitrate: the current track goes on at the same place in the new quality. */
  setQuality(quality) {
    if (quality === this.quality) return;
    this.quality = quality;
    this.#save(true);
    if (this.track && this.#audio?.src) this.#start(this.playing, this.position, false);
    else this.#changed();
  }

  /** Moves the entry at `from` to `to` (indexes in the whole queue). */
  move(from, to) {
    if (from === to || from < 0 || to < 0 || from >= this.items.length || to >= this.items.length) return;
    const current = this.current;
    const items = this.items.slice();
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved);
    this.items = items;
    this.index = items.indexOf(current);
    this.#changed();
    this.#save(true);
  }

  remove(qid) {
    const at = this.items.findIndex((item) => item.qid === qid);
    if (at < 0) return;
    if (at === this.index) {
      this.items = this.items.filter((item) => item.qid !== qid);
      if (this.items.length === 0) this.#stop();
      else this.playAt(Math.min(at, this.items.length - 1));
      return;
    }
    this.items = this.items.filter((item) => item.qid !== qid);
    if (at < this.index) this.index -= 1;
    this.#unshuffled = this.#unshuffled?.filter((item) => item.qid !== qid) ?? null;
    this.#changed();
    this.#save(true);
  }

  /**
   * A deleted track leaves the queue. If it was the current one it stops: the entry after it (if
   * any) takes its place, paused, and Play starts it.
   */
  forget(trackId) {
    const current = this.current;
    const left = this.items.filter((item) => item.track.id !== trackId);
    if (left.length === this.items.length) return;
    this.#unshuffled = this.#unshuffled?.filter((item) => item.track.id !== trackId) ?? null;
    if (current?.track.id !== trackId) {
      this.items = left;
      this.index = left.indexOf(current);
      this.#changed();
      this.#save(true);
      return;
    }
    if (left.length === 0) {
      this.#stop();
      return;
    }
    const before = this.items.slice(0, this.index).filter((item) => item.track.id !== trackId).length;
    this.#halt();
    this.items = left;
    this.index = Math.min(before, left.length - 1);
    Object.assign(this, { playing: false, buffering: false, position: 0, error: '',
      duration: this.track.durationMs / 1000 });
    nowPlaying(this.track);
    this.#changed();
    this.#save(true);
  }

  /** Empties the queue but for the track now playing. */
  clear() {
    const current = this.current;
    this.items = current ? [current] : [];
    this.index = current ? 0 : -1;
    this.#unshuffled = null;
    this.#changed();
    this.#save(true);
  }

  #request({ tracks, index, mode }) {
    if (!session.signedIn) return;
    this.enqueue(tracks, { index: index ?? 0, mode: ['now', 'next', 'queue'].includes(mode) ? mode : 'now' });
  }

  /** Loads the current entry (with a fresh URL if needed) and plays it if `autoplay`. */
  async #start(autoplay, at = 0, newPlay = true) {
    const item = this.current;
    if (!item || !this.#audio) {
      this.#changed();
      return;
    }
    clearTimeout(this.#retryTimer);
    if (newPlay) {
      this.#report();
      this.#retries = 0;
    }
    const loading = ++this.#loading;
    Object.assign(this, { playing: autoplay, buffering: autoplay, position: at, error: '',
      duration: item.track.durationMs / 1000 });
    this.#changed();
    nowPlaying(item.track);
    this.#save(true);
    try {
      if (expiresSoon(item.track)) item.track = await api.get(`/api/v1/tracks/${item.track.id}`);
    } catch (error) {
      if (loading === this.#loading) this.#unavailable(error);
      return;
    }
    if (loading !== this.#loading) return; // another track was asked for meanwhile
    if (newPlay) this.#play = new PlayReport(item.track.id, at);
    this.#seekOnLoad = at;
    this.#audio.src = this.#url(item.track);
    this.#audio.load();
    if (autoplay) this.#audio.play().catch((error) => this.#refused(error));
  }

  #url(track) {
    const url = sameOrigin(track.streamUrl);
    if (this.quality !== 'original') url.searchParams.set('bitrate', this.quality);
    return url.href;
  }

  #loaded() {
    const at = this.#seekOnLoad;
    this.#seekOnLoad = 0;
    if (at > 0) this.#audio.currentTime = at;
    this.#set({ duration: finite(this.#audio.duration) || this.duration });
  }

  #progress() {
    const now = this.#audio.currentTime;
    if (this.#seekOnLoad > 0 && now === 0) return; // not yet where it is going
    this.#play?.progress(now, !this.#audio.paused);
    this.position = now;
    this.#changed();
    this.#save();
    positionState(this.duration, this.position);
  }

  #ended() {
    if (this.repeat === 'one') {
      this.#report();
      this.#start(true);
    } else if (this.hasNext) {
      this.next();
    } else {
      this.#report();
      this.#set({ playing: false, position: 0 });
      this.#audio.currentTime = 0;
      this.#save(true);
    }
  }

  /** A media error: most likely an expired URL or a rendition still being made; read the track again. */
  #failed() {
    const item = this.current;
    if (!item || !this.#audio.getAttribute('src')) return;
    const resumeAt = this.position;
    const wasPlaying = this.playing;
    if (this.#retries >= RETRIES) {
      this.#set({ playing: false, buffering: false, error: 'This track could not be played.' });
      return;
    }
    this.#retries += 1;
    this.#set({ buffering: true });
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(async () => {
      try {
        item.track = await api.get(`/api/v1/tracks/${item.track.id}`);
      } catch (error) {
        this.#unavailable(error);
        return;
      }
      if (item === this.current) this.#start(wasPlaying, resumeAt, false);
    }, 1000 * this.#retries);
  }

  #unavailable(error) {
    const gone = error?.status === 404;
    this.#set({ playing: false, buffering: false,
      error: gone ? 'This track is no longer available.' : 'This track could not be loaded. Try again.' });
  }

  /** Autoplay refused (no gesture yet, e.g. right after a reload): stay paused, ready. */
  #refused(error) {
    if (error?.name === 'AbortError') return;
    this.#set({ playing: false, buffering: false });
  }

  /** A track edited in this tab: its entries show it as it now is (what plays goes on playing). */
  #edited(track) {
    const entries = this.items.filter((item) => item.track.id === track.id);
    if (entries.length === 0) return;
    entries.forEach((item) => { item.track = { ...item.track, ...track }; });
    if (this.current && entries.includes(this.current)) nowPlaying(this.track);
    this.#changed();
  }

  /** The audio stops and lets go of its source; the play so far is reported. */
  #halt() {
    this.#report();
    this.#loading += 1;
    clearTimeout(this.#retryTimer);
    if (this.#audio) {
      this.#audio.pause();
      this.#audio.removeAttribute('src');
      this.#audio.load();
    }
  }

  #stop() {
    this.#halt();
    Object.assign(this, { items: [], index: -1, playing: false, buffering: false, position: 0, duration: 0,
      error: '' });
    this.#unshuffled = null;
    nowPlaying(null);
    this.#changed();
    this.#save(true);
  }

  /** The play that ends is reported (how much was heard). */
  #report() {
    this.#play?.send();
    this.#play = null;
  }

  #sessionChanged() {
    const user = session.signedIn ? session.user?.id ?? session.user?.username : null;
    if (user === this.#user) return;
    if (this.#user) this.#stop();
    this.#user = user;
    this.#restored = false;
    this.#resume();
  }

  /** Once per sign-in, into the bar's audio element (a new one after signing in again). */
  #resume() {
    if (!this.#user || !this.#audio?.isConnected || this.#restored) return;
    this.#restored = true;
    this.#restore();
  }

  /** After a reload: the queue and the place in it, paused; Play loads the track and goes on from there. */
  async #restore() {
    const saved = read(STORE + this.#user);
    if (!saved) return;
    Object.assign(this, {
      volume: saved.volume ?? 1, muted: !!saved.muted, repeat: saved.repeat ?? 'off', shuffle: !!saved.shuffle,
      quality: QUALITIES.some((q) => q.value === saved.quality) ? saved.quality : 'original',
    });
    this.#audio.volume = this.volume;
    this.#audio.muted = this.muted;
    const ids = Array.isArray(saved.ids) ? saved.ids.slice(0, KEEP) : [];
    const tracks = await Promise.all(ids.map((id) => api.get(`/api/v1/tracks/${encodeURIComponent(id)}`)
      .catch(() => null)));
    if (this.items.length > 0) return; // something was asked to play meanwhile
    const wanted = ids[saved.index];
    this.items = tracks.filter(Boolean).map(entry);
    this.index = this.items.findIndex((item) => item.track.id === wanted);
    if (this.index < 0) {
      this.index = this.items.length > 0 ? 0 : -1;
      this.#changed();
      return;
    }
    this.#unshuffled = this.shuffle ? this.items.slice() : null;
    // shown, not loaded: loading would fetch the file (and count as a play) before anyone pressed Play
    Object.assign(this, { position: Math.max(0, Number(saved.position) || 0), playing: false,
      duration: this.track.durationMs / 1000 });
    nowPlaying(this.track);
    this.#changed();
  }

  /** Now and then while playing (`force` for every real change), never a token or a URL. */
  #save(force = false) {
    if (!this.#user) return;
    const now = Date.now();
    if (!force && now - this.#lastSaved < 2000) return;
    this.#lastSaved = now;
    const from = Math.max(0, Math.min(this.index - 10, this.items.length - KEEP));
    const kept = this.items.slice(from, from + KEEP);
    try {
      localStorage.setItem(STORE + this.#user, JSON.stringify({
        ids: kept.map((item) => item.track.id), index: this.index - from,
        position: Math.round(this.position * 10) / 10,
        volume: this.volume, muted: this.muted, repeat: this.repeat, shuffle: this.shuffle, quality: this.quality,
      }));
    } catch {
      // storage full or denied: resuming is a convenience
    }
  }

  #set(values) {
    Object.assign(this, values);
    this.#changed();
  }

  #changed() {
    playbackState(this.playing);
    this.dispatchEvent(new Event('change'));
  }
}

function entry(track) {
  sequence += 1;
  return { qid: `q${sequence}`, track };
}

function shuffled(items) {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function expiresSoon(track) {
  return !track.streamUrl || (track.streamUrlExpiresAt && Date.parse(track.streamUrlExpiresAt) - Date.now() < EARLY_MS);
}

function finite(value) {
  return Number.isFinite(value) ? value : 0;
}

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

export const player = new Player();
