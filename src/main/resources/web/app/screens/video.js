import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { follow } from '../core/sse.js';
import { session } from '../core/session.js';
import { sameOrigin } from '../core/links.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { problemAlert } from '../components/problem-alert.js';
import { duration, libraryStyles, tone, toneStyles } from '../components/library-kit.js';
import '../components/video-player.js';
import '../components/premiere-scheduler.js';
import '../components/confirm-delete.js';
import { shared } from '../styles/shared.js';

const POLL_MS = 4000;

/**
 * A video's own page (`/videos/{id}`): the player (`components/video-player.js`: the HLS ladder once
 * the video is processed, the original file before that), then its title, details and description,
 * and more videos to watch.
 *
 * While the video is being processed the original plays and a bar shows the processing's progress,
 * live from the video's event stream (`GET /api/v1/videos/{id}/events`, read with fetch like the
 * imports'; every few seconds a read of the video instead when the stream is not there). When it
 * turns ready the video is read again and the player moves over to HLS where it was. A failed
 * processing shows its reason (the original still plays), and its owner can try again.
 *
 * The stream URLs are signed and short-lived: when they have expired (a long pause), the video is
 * read again for fresh ones and playback goes on where it was.
 *
 * Its owner (or an admin) can delete it ("Delete video…", confirmed), which goes back to the videos.
 */
class VideoPage extends LitElement {
  static properties = {
    processing: { state: true },
    actionError: { state: true },
    busy: { state: true },
  };

  static styles = [shared, libraryStyles, toneStyles, css`
    .stage-skeleton { display: block; aspect-ratio: 16 / 9; height: auto; border-radius: var(--radius-l); }
    .back { display: inline-flex; align-items: center; gap: var(--space-1); margin-bottom: var(--space-4); font-weight: 600; text-decoration: none; }
    .back svg { width: 18px; height: 18px; }

    .notice { display: grid; gap: var(--space-2); margin-top: var(--space-4); padding: var(--space-4) var(--space-5); }
    .notice-head { display: flex; align-items: center; gap: var(--space-3); flex-wrap: wrap; }
    .notice-head svg { width: 20px; height: 20px; color: var(--accent); flex: none; }
    .notice-head strong { flex: 1; min-width: 12ch; }
    .notice p { color: var(--text-muted); font-size: .9rem; }
    .notice.failed .notice-head svg { color: var(--danger); }
    .bar { position: relative; height: 8px; border-radius: 999px; background: var(--bg-sunken); overflow: hidden; }
    .bar .fill { height: 100%; width: var(--progress, 0%); border-radius: inherit; background: var(--accent-gradient); transition: width 400ms ease; }
    @media (prefers-reduced-motion: reduce) { .bar .fill { transition: none; } }
    .percent { font-variant-numeric: tabular-nums; font-weight: 700; }

    .about { display: grid; gap: var(--space-3); margin-top: var(--space-5); }
    .about h1 { font-size: 1.6rem; }
    .meta { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-2) var(--space-3); color: var(--text-muted); }
    .meta .dot::before { content: '·'; margin-right: var(--space-3); }
    .pill { padding: 2px 10px; border-radius: 999px; background: var(--bg-hover); color: var(--text); font-size: .82rem; font-weight: 600; }
    .pill.quality { background: var(--accent-soft); color: var(--accent); }
    .capitalized { text-transform: capitalize; }
    .details { padding: var(--space-4) var(--space-5); display: grid; gap: var(--space-3); background: var(--bg-raised); }
    .description { white-space: pre-line; max-width: 75ch; }
    .tags { display: flex; flex-wrap: wrap; gap: var(--space-2); }
    .tags span { color: var(--accent); font-weight: 600; font-size: .9rem; }
    dl.tech { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: var(--space-3); margin: 0; padding-top: var(--space-3); border-top: 1px solid var(--border); }
    dl.tech div { display: grid; gap: 2px; }
    dl.tech dt { color: var(--text-faint); font-size: .75rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; }
    dl.tech dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }

    .delete { padding-top: var(--space-2); }
    .more { margin-top: var(--space-7); }
    .more h2 { margin-bottom: var(--space-4); }
    .more .grid { grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); }
    .thumb { position: relative; display: block; aspect-ratio: 16 / 9; border-radius: var(--radius); overflow: hidden; box-shadow: var(--shadow); }
    .thumb img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
    .thumb .length {
      position: absolute; right: var(--space-2); bottom: var(--space-2); padding: 1px 6px; border-radius: 4px;
      background: rgba(0, 0, 0, .72); color: #fff; font-size: .78rem; font-weight: 600; font-variant-numeric: tabular-nums;
    }
    @media (max-width: 860px) {
      .about h1 { font-size: 1.3rem; }
      .details { padding: var(--space-3) var(--space-4); }
      .more .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    }
  `];

  #following = null;
  #pollTimer = 0;

  #video = new Loader(this, async () => {
    const video = await api.get(`/api/v1/videos/${encodeURIComponent(this.params?.id ?? '')}`);
    document.title = `${video.title} · Encore`;
    this.#watch(video);
    return video;
  });

  #more = new Loader(this, () => api.get('/api/v1/videos', { query: { size: 9 } }));

  constructor() {
    super();
    this.processing = null;
    this.actionError = null;
    this.busy = false;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#stopWatching();
  }

  updated() {
    this.renderRoot.querySelectorAll('[data-progress]').forEach((fill) => {
      fill.style.setProperty('--progress', `${fill.dataset.progress}%`);
    });
  }

  render() {
    const back = html`<a class="back" href="/library/videos">${icon('chevronLeft')}Videos</a>`;
    const { state, value: video, error } = this.#video;
    if (state === 'failed') {
      return html`${back}${failedState(error?.status === 404 ? 'This video is not there' : 'This video could not be loaded',
        error, this.#video.reload)}`;
    }
    if (state === 'loading' && !video) {
      return html`${back}<div class="stage-skeleton skeleton" aria-hidden="true"></div>
        <div class="about" aria-hidden="true"><span class="skeleton"></span></div>
        <span class="visually-hidden" role="status">Loading the video…</span>`;
    }
    const top = topRendition(video);
    return html`${back}
      <encore-video-player .video=${video} @encore-video-expired=${this.#expired}></encore-video-player>
      ${this.#notice(video)}
      <section class="about" aria-labelledby="video-title">
        <h1 id="video-title">${video.title}</h1>
        <div class="meta">
          <span>${duration(video.durationMs)}</span>
          ${top ? html`<span class="pill quality">${top}</span>` : ''}
          ${video.createdAt ? html`<span>${new Date(video.createdAt).toLocaleDateString(undefined,
            { year: 'numeric', month: 'short', day: 'numeric' })}</span>` : ''}
          ${video.category ? html`<span class="pill">${video.category}</span>` : ''}
          <span class="pill capitalized">${video.visibility}</span>
        </div>
        ${this.#premiere(video)}
        <div class="details card">
          ${video.description ? html`<p class="description">${video.description}</p>` : ''}
          ${(video.tags ?? []).length ? html`<div class="tags">${video.tags.map((tag) => html`<span>#${tag}</span>`)}</div>` : ''}
          ${this.#tech(video)}
        </div>
        ${this.#delete(video)}
      </section>
      ${this.#moreVideos(video)}`;
  }

  /** Its owner may schedule a premiere of a ready video (components/premiere-scheduler.js). */
  #premiere(video) {
    const mine = session.user?.id === video.ownerId;
    if (!mine || (this.processing ?? video.processing)?.state !== 'ready') return '';
    return html`<div><encore-premiere-scheduler .video=${video} .router=${this.router}></encore-premiere-scheduler></div>`;
  }

  #delete(video) {
    if (session.user?.id !== video.ownerId && !session.isAdmin) return '';
    return html`<encore-confirm-delete class="delete" path="/api/v1/videos/${video.id}" noun="video" .name=${video.title}
      note="Its streaming versions go too, and it leaves the videos of everyone who could see it."
      @deleted=${() => this.router?.navigate('/library/videos', { replace: true })}></encore-confirm-delete>`;
  }

  #notice(video) {
    const processing = this.processing ?? video.processing;
    if (!processing || processing.state === 'ready') return '';
    const mine = session.user?.id === video.ownerId || session.isAdmin;
    if (processing.state === 'processing') {
      const percent = Math.max(0, Math.min(100, Math.round(processing.progress ?? 0)));
      return html`<section class="notice card" aria-labelledby="processing-title">
        <div class="notice-head">${icon('activity')}<strong id="processing-title">Preparing streaming quality</strong>
          <span class="percent" aria-hidden="true">${percent}%</span></div>
        <div class="bar" role="progressbar" aria-labelledby="processing-title" aria-valuemin="0" aria-valuemax="100"
          aria-valuenow=${percent}><div class="fill" data-progress=${percent}></div></div>
        <p>The original file plays meanwhile; the player switches to adaptive streaming when it is ready.</p>
        ${mine ? html`<div><button class="button quiet" type="button" ?disabled=${this.busy} @click=${this.#cancel}>
          ${icon('close')}Stop processing</button></div>` : ''}
        ${this.actionError ? problemAlert(this.actionError) : ''}
      </section>`;
    }
    const failed = processing.state === 'failed';
    return html`<section class="notice card ${failed ? 'failed' : ''}" aria-labelledby="processing-title">
      <div class="notice-head">${icon('alert')}<strong id="processing-title">${failed
        ? 'Streaming versions could not be made' : 'Processing was stopped'}</strong>
        ${mine ? html`<button class="button secondary" type="button" ?disabled=${this.busy} @click=${this.#retry}>
          ${icon('retry')}Try again</button>` : ''}</div>
      <p>${failed && processing.failureReason ? `${processing.failureReason}. ` : ''}The original file plays in its own quality.</p>
      ${this.actionError ? problemAlert(this.actionError) : ''}
    </section>`;
  }

  #tech(video) {
    const rows = [
      video.width && video.height ? ['Resolution', `${video.width} × ${video.height}`] : null,
      video.frameRate ? ['Frame rate', `${Math.round(video.frameRate * 100) / 100} fps`] : null,
      video.videoCodec ? ['Codecs', [video.videoCodec, video.audioCodec].filter(Boolean).join(' · ').toUpperCase()] : null,
      (video.renditions ?? []).length ? ['Streams in', video.renditions.filter((r) => r.height > 0).map((r) => r.name).join(', ')] : null,
      video.size ? ['Original', `${(video.size / 1048576).toFixed(1)} MB`] : null,
    ].filter(Boolean);
    if (!rows.length) return '';
    return html`<dl class="tech">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
  }

  #moreVideos(video) {
    const others = (this.#more.value?.items ?? []).filter((other) => other.id !== video.id).slice(0, 8);
    if (!others.length) return '';
    return html`<section class="more" aria-labelledby="more-title">
      <h2 id="more-title">More videos</h2>
      <ul class="grid">${others.map((other) => html`<li><a class="tile" href="/videos/${other.id}">
        <span class="thumb tone-${tone(other.title)}" aria-hidden="true">
          ${other.processing?.state === 'ready' && other.thumbnailUrl
            ? html`<img src=${sameOrigin(other.thumbnailUrl).href} alt="" loading="lazy" decoding="async">` : ''}
          <span class="length">${duration(other.durationMs)}</span></span>
        <strong>${other.title}</strong>
        <span class="sub">${[other.category, other.visibility].filter(Boolean).join(' · ')}</span>
      </a></li>`)}</ul>
    </section>`;
  }

  /** Follows a video that is being processed: its event stream, or a read every few seconds. */
  #watch(video) {
    this.processing = null;
    if (video.processing?.state !== 'processing' || this.#following?.id === video.id) return;
    this.#stopWatching();
    const controller = new AbortController();
    this.#following = { id: video.id, controller };
    follow(`/api/v1/videos/${video.id}/events`, (name, data) => this.#event(data), controller.signal)
      .then(() => this.#settle(video.id), () => !controller.signal.aborted && this.#poll(video.id));
  }

  #stopWatching() {
    this.#following?.controller.abort();
    this.#following = null;
    clearTimeout(this.#pollTimer);
  }

  #event(data) {
    const state = String(data?.state ?? data?.processingState ?? data?.processing?.state ?? data?.status ?? 'processing')
      .toLowerCase();
    const progress = data?.progress ?? data?.processing?.progress ?? this.processing?.progress ?? 0;
    this.processing = { state, progress, failureReason: data?.failureReason ?? data?.processing?.failureReason };
    if (state !== 'processing') this.#settle(this.#following?.id);
  }

  /** The processing ended (or its stream did): read the video for its new URLs and state. */
  async #settle(id) {
    if (!id || this.#following?.id !== id) return;
    try {
      const video = await api.get(`/api/v1/videos/${id}`);
      if (this.#following?.id !== id) return;
      if (video.processing?.state === 'processing') {
        this.processing = video.processing;
        this.#poll(id);
        return;
      }
      this.#stopWatching();
      this.processing = null;
      this.#video.show(video);
    } catch {
      this.#poll(id);
    }
  }

  #poll(id) {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = setTimeout(() => this.#settle(id), POLL_MS);
  }

  /** The signed URLs expired: read the video again (the player goes on where it was). */
  async #expired() {
    try {
      this.#video.show(await api.get(`/api/v1/videos/${this.#video.value.id}`));
    } catch (error) {
      this.#video.fail(error);
    }
  }

  async #retry() {
    await this.#act(() => api.post(`/api/v1/videos/${this.#video.value.id}/processing`));
  }

  async #cancel() {
    await this.#act(() => api.delete(`/api/v1/videos/${this.#video.value.id}/processing`));
  }

  async #act(call) {
    this.busy = true;
    this.actionError = null;
    try {
      await call();
      this.#stopWatching();
      const video = await api.get(`/api/v1/videos/${this.#video.value.id}`);
      this.#watch(video);
      this.#video.show(video);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}

/** The best rendition as a badge (`1080p`, `4K`), from the processed ladder or the source's size. */
function topRendition(video) {
  const heights = (video.renditions ?? []).filter((r) => r.height > 0).map((r) => Math.min(r.width || r.height, r.height));
  const short = heights.length ? Math.max(...heights) : Math.min(video.width || 0, video.height || 0);
  if (!short) return '';
  return short >= 2160 ? '4K' : `${short}p`;
}

customElements.define('encore-video', VideoPage);
