import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { sameOrigin } from '../core/links.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { duration, libraryStyles } from '../components/library-kit.js';
import { shared } from '../styles/shared.js';

/**
 * A video's own page (`/videos/{id}`): the original file in a `<video>` element through the signed,
 * short-lived stream URL the API hands out with the video (the access token never goes into a
 * URL). When the URL has expired (a long pause), the video is read again for a fresh one and
 * playback goes on where it was.
 */
class VideoPage extends LitElement {
  static styles = [shared, libraryStyles, css`
    .stage { background: #000; border-radius: var(--radius-l); overflow: hidden; box-shadow: var(--shadow); }
    video { display: block; width: 100%; max-height: 70vh; aspect-ratio: 16 / 9; background: #000; }
    .stage.skeleton { display: block; aspect-ratio: 16 / 9; height: auto; border-radius: var(--radius-l); }
    .about { display: grid; gap: var(--space-2); margin-top: var(--space-5); }
    .about h1 { font-size: 1.5rem; }
    .meta { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-3); color: var(--text-muted); }
    .pill { padding: 2px 10px; border-radius: 999px; background: var(--bg-hover); font-size: .85rem; font-weight: 600; text-transform: capitalize; }
    .description { margin-top: var(--space-3); white-space: pre-line; max-width: 70ch; }
    .back { display: inline-flex; align-items: center; gap: var(--space-1); margin-bottom: var(--space-4); font-weight: 600; text-decoration: none; }
    .back svg { width: 18px; height: 18px; }
  `];

  #resumeAt = 0;

  #video = new Loader(this, async () => {
    const video = await api.get(`/api/v1/videos/${encodeURIComponent(this.params?.id ?? '')}`);
    document.title = `${video.title} · Encore`;
    return video;
  });

  render() {
    const back = html`<a class="back" href="/library/videos">${icon('chevronLeft')}Videos</a>`;
    const { state, value: video, error } = this.#video;
    if (state === 'failed') {
      return html`${back}${failedState(error?.status === 404 ? 'This video is not there' : 'This video could not be loaded',
        error, this.#video.reload)}`;
    }
    if (state === 'loading') {
      return html`${back}<div class="stage skeleton" aria-hidden="true"></div>
        <div class="about"><span class="skeleton"></span></div>
        <span class="visually-hidden" role="status">Loading the video…</span>`;
    }
    return html`${back}
      <div class="stage"><video controls playsinline preload="metadata" src=${sameOrigin(video.streamUrl).href}
        aria-label=${video.title} @error=${this.#expired} @loadedmetadata=${this.#resume}></video></div>
      <section class="about" aria-labelledby="video-title">
        <h1 id="video-title">${video.title}</h1>
        <div class="meta"><span>${duration(video.durationMs)}</span>
          ${video.category ? html`<span class="pill">${video.category}</span>` : ''}
          <span class="pill">${video.visibility}</span>
          ${(video.tags ?? []).map((tag) => html`<span class="pill">#${tag}</span>`)}</div>
        ${video.description ? html`<p class="description">${video.description}</p>` : ''}
      </section>`;
  }

  /** The stream URL stopped working (it expires): read the video again for a new one, once. */
  async #expired(event) {
    const element = event.target;
    const video = this.#video.value;
    if (Date.parse(video.streamUrlExpiresAt) > Date.now()) return; // not an expiry: the controls show it
    this.#resumeAt = element.currentTime;
    try {
      this.#video.show(await api.get(`/api/v1/videos/${video.id}`));
    } catch (error) {
      this.#video.fail(error);
    }
  }

  #resume(event) {
    if (this.#resumeAt > 0) {
      event.target.currentTime = this.#resumeAt;
      this.#resumeAt = 0;
    }
  }
}

customElements.define('encore-video', VideoPage);
