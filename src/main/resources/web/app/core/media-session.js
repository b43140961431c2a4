/**
 * The Media Session API (lock screen, headset and keyboard media keys): what plays, where it is,
 * and the actions. Does nothing where the browser lacks it.
 */
const LOGO = new URL('../icons/encore.svg', import.meta.url).href;
const supported = 'mediaSession' in navigator;

/** Registers the handlers: `{play, pause, previoustrack, nexttrack, seekto, seekbackward, seekforward}`. */
export function mediaActions(actions) {
  if (!supported) return;
  Object.entries(actions).forEach(([action, handler]) => {
    try {
      navigator.mediaSession.setActionHandler(action, handler);
    } catch {
      // an action this browser does not know
    }
  });
}

/** Title, artist, album and artwork (the Encore mark) of the track, or nothing. */
export function nowPlaying(track) {
  if (!supported) return;
  navigator.mediaSession.metadata = track && typeof MediaMetadata !== 'undefined' ? new MediaMetadata({
    title: track.title, artist: track.artist ?? '', album: track.album ?? '',
    artwork: [{ src: LOGO, sizes: '512x512', type: 'image/svg+xml' }],
  }) : null;
}

export function playbackState(playing) {
  if (supported) navigator.mediaSession.playbackState = playing ? 'playing' : 'paused';
}

/** Where the track is, in seconds, for the lock screen's progress. */
export function positionState(duration, position) {
  if (!supported || !duration) return;
  try {
    navigator.mediaSession.setPositionState({ duration, playbackRate: 1, position: Math.min(position, duration) });
  } catch {
    // a duration the browser finds odd: the lock screen shows no progress
  }
}
