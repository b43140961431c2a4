import { Client } from '@stomp/stompjs';
import { session } from './session.js';

/**
 * The live side of the app (rooms, premieres, presenter sessions): one STOMP connection over the
 * API's WebSocket (`/ws`) shared by every live screen, the clock estimate that turns the server's
 * times into this browser's, and the drift corrector that keeps a media element where the session
 * says it should be. Protocol: docs/live.md.
 *
 * - **Connection** (`live`): opened by the first `live.join(...)`, closed when the last session is
 *   left. The CONNECT frame carries `Authorization: Bearer <access token>` (read again before every
 *   reconnect, so a refreshed token is used); a lost connection comes back by itself (1 s, then up to
 *   10 s apart) and every subscription is made again: the server then sends each session's snapshot
 *   anew, so nothing missed while away is kept wrong. `status` events: `connecting`, `open`, `closed`.
 * - **Clock** (`live.now()`): the server's time in epoch ms. SEND `/app/time {clientTime: t0}`,
 *   answer on `/user/queue/time {clientTime: t0, serverReceive: t1, serverSend: t2}` read at t3:
 *   offset = ((t1 − t0) + (t2 − t3)) / 2, round trip = (t3 − t0) − (t2 − t1). The last 8 samples are
 *   kept and the one with the shortest round trip wins (its error is at most half its round trip).
 *   Eight samples 120 ms apart when the connection opens and when the tab becomes visible again,
 *   then one every 30 s. Client times are `performance.timeOrigin + performance.now()` (epoch ms that
 *   never jump when the system clock is set).
 * - **Errors**: a refused command comes back on `/user/queue/errors`
 *   (`{type, title, detail, destination}`): the session whose destination it names gets an `error`
 *   event. So does `live-access-ended`, which is no refusal: the user may no longer join the session
 *   (left it, removed, or it is no longer shared with them) and the server ended the subscription.
 */
class Live extends EventTarget {
  status = 'closed';
  /** Server time minus client time, in ms (0 until the first sample). */
  offset = 0;
  /** The round trip of the sample the offset comes from, in ms (Infinity before one). */
  rtt = Infinity;

  #client = null;
  #samples = [];
  #burst = 0;
  #resync = 0;
  #sessions = new Set();

  /** The server's time now, in epoch ms. */
  now() {
    return clientNow() + this.offset;
  }

  /**
   * A server time read over HTTP (`serverTime` of an API answer, epoch ms or ISO), used as the
   * offset until the first WebSocket sample: good to the request's duration, so a countdown is
   * right before the connection is even open.
   */
  hint(serverTime, receivedAt = clientNow()) {
    const server = epochMs(serverTime);
    if (this.#samples.length || !Number.isFinite(server)) return;
    this.offset = server - receivedAt;
  }

  /**
   * Joins a live session: subscribes to its topic (`/topic/live/<kind>/<id>`) and hands every
   * message of it, and its snapshot, to the returned {@link LiveSession}'s listeners.
   */
  join(kind, id) {
    const live = new LiveSession(this, kind, id);
    this.#sessions.add(live);
    this.#open();
    if (this.status === 'open') live.subscribe(this.#client);
    return live;
  }

  /** @internal a session left: the connection closes with the last one. */
  leave(live) {
    this.#sessions.delete(live);
    if (!this.#sessions.size) this.#close();
  }

  /** @internal sends a JSON body to an `/app/...` destination (dropped while not connected). */
  send(destination, body = {}) {
    if (this.status !== 'open') return false;
    this.#client.publish({ destination, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return true;
  }

  #open() {
    if (this.#client) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.#client = new Client({
      brokerURL: `${scheme}://${location.host}/ws`,
      reconnectDelay: 1000,
      maxReconnectDelay: 10000,
      heartbeatIncoming: 20000,
      heartbeatOutgoing: 20000,
      beforeConnect: async (client) => {
        this.#setStatus('connecting');
        if (!session.token) await session.refresh?.();
        client.connectHeaders = { Authorization: `Bearer ${session.token ?? ''}` };
      },
      onConnect: () => this.#connected(),
      onWebSocketClose: () => this.#setStatus(this.#client ? 'connecting' : 'closed'),
      onStompError: () => this.#setStatus('connecting'),
      debug: () => {},
    });
    this.#client.activate();
    document.addEventListener('visibilitychange', this.#visible);
  }

  #close() {
    const client = this.#client;
    this.#client = null;
    clearInterval(this.#resync);
    clearInterval(this.#burst);
    document.removeEventListener('visibilitychange', this.#visible);
    client?.deactivate();
    this.#setStatus('closed');
  }

  #connected() {
    const client = this.#client;
    client.subscribe('/user/queue/time', (frame) => this.#sample(JSON.parse(frame.body), clientNow()));
    client.subscribe('/user/queue/errors', (frame) => this.#error(JSON.parse(frame.body)));
    client.subscribe('/user/queue/live', (frame) => this.#direct(JSON.parse(frame.body)));
    this.#setStatus('open');
    this.#sync();
    clearInterval(this.#resync);
    this.#resync = setInterval(() => this.#ping(), 30000);
    this.#sessions.forEach((live) => live.subscribe(client));
  }

  /** Eight samples a little apart: the best of them is a good estimate at once. */
  #sync() {
    clearInterval(this.#burst);
    let left = 8;
    this.#ping();
    this.#burst = setInterval(() => {
      if (--left <= 1) clearInterval(this.#burst);
      this.#ping();
    }, 120);
  }

  #ping() {
    this.send('/app/time', { clientTime: clientNow() });
  }

  #visible = () => {
    if (document.visibilityState === 'visible' && this.status === 'open') this.#sync();
  };

  #sample({ clientTime: t0, serverReceive: t1, serverSend: t2 }, t3) {
    if (![t0, t1, t2].every(Number.isFinite)) return;
    this.#samples.push({ offset: ((t1 - t0) + (t2 - t3)) / 2, rtt: Math.max(0, (t3 - t0) - (t2 - t1)) });
    if (this.#samples.length > 8) this.#samples.shift();
    const best = this.#samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    this.offset = best.offset;
    this.rtt = best.rtt;
    this.dispatchEvent(new Event('clock'));
  }

  #direct(message) {
    this.#sessions.forEach((live) => {
      if (message.kind === live.kind && String(message.id) === String(live.id)) live.receive(message);
    });
  }

  #error(error) {
    const destination = String(error.destination ?? '');
    const target = [...this.#sessions].find((live) => destination.includes(`/live/${live.kind}/${live.id}`));
    (target ?? this).dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  #setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this.dispatchEvent(new Event('status'));
  }
}

/**
 * One joined live session. Events: one per message type (`snapshot`, `state`, `presence`, `chat`,
 * `chat-deleted`, `muted`, `queue`, `suggestions`, `host`, `closed`, `slide`, `pointer`, `ended`, …)
 * whose `detail` is the message's body ({@link body}), and `error` for a refused command.
 */
export class LiveSession extends EventTarget {
  #live;
  #subscription = null;

  constructor(live, kind, id) {
    super();
    this.#live = live;
    this.kind = kind;
    this.id = id;
  }

  /** SENDs a command: `/app/live/<kind>/<id>/<command>` with a JSON body; false while disconnected. */
  send(command, body = {}) {
    return this.#live.send(`/app/live/${this.kind}/${this.id}/${command}`, body);
  }

  leave() {
    try { this.#subscription?.unsubscribe(); } catch { /* the connection is gone already */ }
    this.#subscription = null;
    this.#live.leave(this);
  }

  /** @internal (re)subscribes on a (re)opened connection. */
  subscribe(client) {
    this.#subscription = client.subscribe(`/topic/live/${this.kind}/${this.id}`, (frame) => this.receive(JSON.parse(frame.body)));
  }

  /** @internal one message of this session. */
  receive(message) {
    if (!message?.type) return;
    this.dispatchEvent(new CustomEvent(message.type, { detail: body(message) }));
  }
}

/**
 * A message's body: its `data` (the server puts the body there: `{type, serverTime, data}`), with
 * `serverTime` (and a snapshot's `presence`) beside an object's fields; an array as it is; the
 * message itself when there is no data (the server leaves null fields out).
 */
export function body(message) {
  const { data } = message;
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    return { serverTime: message.serverTime, ...(message.presence ? { presence: message.presence } : {}), ...data };
  }
  return message;
}

/** The shared connection. */
export const live = new Live();

/** Epoch ms, as a monotonic clock. */
function clientNow() {
  return performance.timeOrigin + performance.now();
}

/** An instant of the API (ISO text or epoch ms) as epoch ms. */
export function epochMs(instant) {
  if (instant === null || instant === undefined) return NaN;
  return typeof instant === 'number' ? instant : Date.parse(instant);
}

/**
 * Where a playback state (`{positionMs, atServerTime, playing, rate}`) is at server time `now`, in ms.
 */
export function positionAt(state, now = live.now()) {
  if (!state) return 0;
  const at = epochMs(state.atServerTime);
  const base = Number(state.positionMs ?? 0);
  if (!state.playing || !Number.isFinite(at)) return base;
  return Math.max(0, base + (now - at) * (state.rate || 1));
}

const SEEK_ABOVE = 0.3;
const NUDGE_ABOVE = 0.04;
const SETTLED_BELOW = 0.02;
const NUDGE = 0.05;

/**
 * Keeps a media element where a live session says it should be. `target()` answers
 * `{seconds, playing}` (or null while nothing should play). Every 250 ms: a drift above 300 ms is a
 * seek; between 40 and 300 ms the playback rate becomes 1 ± 5 % until the drift is under 20 ms;
 * a paused target is held by seeking. Playing needs a gesture in most browsers: when `play()` is
 * refused the element fires no error, the corrector reports `blocked` (the page shows a button, and
 * calls `resume()` from its click).
 */
export class DriftCorrector extends EventTarget {
  blocked = false;
  /** The last drift measured (element minus target), in seconds. */
  drift = 0;
  #media;
  #target;
  #timer = 0;
  #nudging = false;

  constructor(media, target) {
    super();
    this.#media = media;
    this.#target = target;
  }

  start() {
    this.stop();
    this.#timer = setInterval(() => this.correct(), 250);
    this.correct();
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = 0;
  }

  /** Plays from a gesture (the button the page shows while `blocked`). */
  resume() {
    this.correct(true);
  }

  /** One correction now (also after a state message, so a seek lands at once). */
  correct(gesture = false) {
    const media = this.#media;
    const target = this.#target();
    if (!target || media.readyState < 1) return;
    const drift = media.currentTime - target.seconds;
    this.drift = drift;
    if (!target.playing) {
      if (!media.paused) media.pause();
      this.#rate(1);
      if (Math.abs(drift) > NUDGE_ABOVE) media.currentTime = target.seconds;
      return;
    }
    if (Math.abs(drift) > SEEK_ABOVE) {
      this.#rate(1);
      media.currentTime = target.seconds + (media.paused ? 0 : 0.02);
    } else if (Math.abs(drift) > NUDGE_ABOVE || (this.#nudging && Math.abs(drift) > SETTLED_BELOW)) {
      this.#rate(drift > 0 ? 1 - NUDGE : 1 + NUDGE);
    } else {
      this.#rate(1);
    }
    if (media.paused && (!this.blocked || gesture)) this.#play();
  }

  #rate(rate) {
    this.#nudging = rate !== 1;
    if (this.#media.playbackRate !== rate) this.#media.playbackRate = rate;
  }

  #play() {
    this.#media.play().then(() => this.#blocked(false), (error) => {
      if (error?.name === 'NotAllowedError') this.#blocked(true);
    });
  }

  #blocked(blocked) {
    if (this.blocked === blocked) return;
    this.blocked = blocked;
    this.dispatchEvent(new Event('blocked'));
  }
}
