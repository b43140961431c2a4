import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { TusUpload, discardUpload, unfinishedUploadOf, unfinishedUploads } from '../core/tus.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { bytes } from '../components/quota-meter.js';
import '../components/quota-meter.js';
import { shared } from '../styles/shared.js';
import { formStyles } from './import-styles.js';
import { duration } from '../components/library-kit.js';
import { picture } from '../components/cover-art.js';

const ACCEPT = 'audio/*,video/*,image/jpeg,image/png,image/webp,application/pdf';
const STATES = {
  idle: 'Waiting', uploading: 'Uploading', paused: 'Paused', finishing: 'Checking the file', done: 'Uploaded', failed: 'Stopped',
  refused: 'Refused',
};
/** What the server answers when it refuses a file (tus and multipart): a bad request, a quota, too large, a type, malware. */
const REFUSALS = [400, 403, 413, 415, 422];
/** How many of my unsaved uploads a visit lists (`GET /api/v1/uploads`); the quota bounds how many there can be. */
const LISTED = 100;
/** Where each kind of upload goes in the library: the API collection, and where to see it once saved. */
const COLLECTIONS = {
  audio: { path: '/api/v1/tracks', noun: 'track', icon: 'tracks', openLabel: 'Open tracks', open: () => '/library/tracks' },
  video: { path: '/api/v1/videos', noun: 'video', icon: 'video', openLabel: 'Open video', open: (saved) => `/videos/${saved.id}` },
  pdf: { path: '/api/v1/presentations', noun: 'presentation', icon: 'slides', openLabel: 'Open presentation',
    open: (saved) => `/presentations/${saved.id}` },
};
const VISIBILITIES = [['PRIVATE', 'Only me'], ['UNLISTED', 'Anyone with the link'], ['PUBLIC', 'Everyone']];

/**
 * Get music → Upload: drop or pick files; each goes up resumably (tus) with its progress bar,
 * pause and resume, and survives a reload (pick the same file again and it goes on from where the
 * server stands). A file the server refused (its type, its size, a full quota, the scanner's verdict)
 * is marked Refused, with the problem's title and detail as the API words them; one that merely
 * stopped (offline, a server error) can be resumed.
 * Once a file is in, the probed metadata (and its cover) fill a form that saves it to the library
 * as a track (audio), a video, or a presentation (PDF: its pages become slides), or it is discarded
 * (`DELETE /api/v1/uploads/{id}`: its bytes leave the storage quota at once). Uploads that are in but
 * not saved hold their quota until they expire: every visit lists them again (`GET /api/v1/uploads`),
 * after a reload or from another browser, to be saved or discarded.
 */
class UploadScreen extends LitElement {
  static properties = {
    entries: { state: true },
    unfinished: { state: true },
    dragging: { state: true },
    announcement: { state: true },
  };

  static styles = [shared, formStyles, css`
    .drop {
      position: relative; display: grid; justify-items: center; gap: var(--space-2); padding: var(--space-7) var(--space-5);
      border: 2px dashed var(--border-strong); border-radius: var(--radius-l); background: var(--bg-raised);
      text-align: center; cursor: pointer; transition: border-color var(--transition), background var(--transition);
    }
    .drop:hover, .drop.dragging { border-color: var(--accent); background: var(--accent-soft); }
    .drop:focus-within { border-color: var(--focus); border-style: solid; }
    .drop .badge { margin-bottom: var(--space-2); }
    .drop strong { font-size: 1.1rem; }
    .drop span { color: var(--text-muted); }
    .drop .pick { color: var(--accent); font-weight: 650; text-decoration: underline; text-underline-offset: 2px; }
    .drop input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }

    section { margin-top: var(--space-6); }
    section > h2 { margin-bottom: var(--space-3); }
    .files { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-3); }
    .file { display: grid; gap: var(--space-3); padding: var(--space-4) var(--space-5); }
    .file-head { display: flex; align-items: center; gap: var(--space-3); min-width: 0; }
    .icon { flex: none; display: grid; place-items: center; width: 44px; height: 44px; border-radius: var(--radius); background: var(--bg-sunken); color: var(--text-muted); }
    .icon svg { width: 22px; height: 22px; }
    .names { display: grid; min-width: 0; flex: 1; }
    .names strong { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .names span { color: var(--text-muted); font-size: .85rem; font-variant-numeric: tabular-nums; }
    .unfinished li { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-3); padding: var(--space-3) var(--space-4); }
    .unfinished .names { flex: 1 1 200px; }
    .note { color: var(--text-muted); }

    .details { display: grid; grid-template-columns: 120px 1fr; gap: var(--space-5); padding-top: var(--space-3); border-top: 1px solid var(--border); }
    .cover { width: 120px; height: 120px; border-radius: var(--radius); object-fit: cover; background: var(--bg-sunken); display: grid; place-items: center; color: var(--text-faint); }
    .cover svg { width: 40px; height: 40px; }
    .fields { display: grid; grid-template-columns: 1fr 1fr; gap: var(--space-3); }
    .fields .wide, .fields .save-actions, .fields .alert { grid-column: 1 / -1; }
    .save-actions { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-3); }
    .probe { color: var(--text-muted); font-size: .85rem; }
    .saved { display: flex; align-items: center; gap: var(--space-2); color: var(--success); font-weight: 600; }
    .saved svg { width: 20px; height: 20px; }

    @media (max-width: 860px) {
      .drop { padding: var(--space-6) var(--space-4); }
      .file { padding: var(--space-4); }
      .details { grid-template-columns: 1fr; }
      .fields { grid-template-columns: 1fr; }
    }
  `];

  constructor() {
    super();
    this.entries = [];
    this.unfinished = [];
    this.dragging = false;
    this.announcement = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.unfinished = unfinishedUploads();
    this.#listUnsaved();
  }

  /** Shows my uploads that are in but not saved (from an earlier visit, or another browser). */
  async #listUnsaved() {
    let page;
    try {
      page = await api.get('/api/v1/uploads', { query: { size: LISTED } });
    } catch {
      return; // the screen still takes new files; the next visit lists them
    }
    const shown = new Set(this.entries.map((entry) => entry.upload.uploadId));
    const earlier = (page.items ?? []).filter((item) => !shown.has(item.id)).map((item) => ({
      key: crypto.randomUUID(), upload: new StoredUpload(item), details: item, detailsError: null, form: {}, saved: null,
    }));
    this.entries = [...this.entries, ...earlier];
    for (const entry of earlier) {
      if (entry.details.coverUrl) {
        entry.cover = await picture(entry.details.coverUrl).catch(() => null);
        this.requestUpdate();
      }
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.entries.forEach((entry) => entry.upload.pause());
  }

  updated() {
    this.renderRoot.querySelectorAll('[data-progress]').forEach((fill) => {
      fill.style.setProperty('--progress', `${fill.dataset.progress}%`);
    });
  }

  #add(files) {
    for (const file of files) {
      if (this.entries.some(({ upload }) => sameFile(upload.file, file) && !['failed', 'done'].includes(upload.state))) continue;
      const earlier = unfinishedUploadOf(file);
      const upload = new TusUpload(file, earlier?.url);
      const entry = { key: crypto.randomUUID(), upload, details: null, detailsError: null, form: {}, saved: null };
      let state = upload.state;
      upload.addEventListener('change', () => {
        if (upload.state !== state) {
          state = upload.state;
          this.announcement = `${file.name}: ${STATES[shownState(upload)]}${upload.error ? `. ${upload.error.title}` : ''}`
            + `${upload.error?.detail && shownState(upload) === 'refused' ? ` ${upload.error.detail}` : ''}`;
          if (state === 'done') this.#uploaded(entry);
        }
        this.unfinished = unfinishedUploads().filter((item) => !this.#isOpen(item));
        this.requestUpdate();
      });
      this.entries = [...this.entries, entry];
      upload.start();
    }
    this.unfinished = unfinishedUploads().filter((item) => !this.#isOpen(item));
  }

  #isOpen(item) {
    return this.entries.some((entry) => entry.upload.url === item.url);
  }

  #picked(event) {
    this.#add([...event.target.files]);
    event.target.value = '';
  }

  #drop(event) {
    event.preventDefault();
    this.dragging = false;
    this.#add([...event.dataTransfer.files]);
  }

  #over(event) {
    event.preventDefault();
    this.dragging = true;
  }

  async #uploaded(entry) {
    this.renderRoot.querySelector('encore-quota-meter')?.refresh();
    try {
      entry.details = await api.get(`/api/v1/uploads/${entry.upload.uploadId}`);
      entry.cover = entry.details.coverUrl ? await picture(entry.details.coverUrl) : null;
    } catch (error) {
      entry.detailsError = error;
    }
    this.requestUpdate();
  }

  async #discard(item) {
    await discardUpload(item.url);
    this.unfinished = unfinishedUploads().filter((other) => !this.#isOpen(other));
    this.renderRoot.querySelector('encore-quota-meter')?.refresh();
  }

  /** Discards an upload that is in but not saved: it can no longer be saved, and its bytes stop counting. */
  async #discardStored(entry) {
    entry.discarding = true;
    entry.saveError = null;
    this.requestUpdate();
    try {
      await api.delete(`/api/v1/uploads/${entry.details.id}`);
      this.entries = this.entries.filter((other) => other !== entry);
      this.announcement = `${entry.details.filename} discarded`;
    } catch (error) {
      if (error.status === 404) { // saved elsewhere, discarded already, or expired: nothing left to discard
        this.entries = this.entries.filter((other) => other !== entry);
      } else {
        entry.saveError = error;
      }
    } finally {
      entry.discarding = false;
      this.requestUpdate();
      this.renderRoot.querySelector('encore-quota-meter')?.refresh();
    }
  }

  async #remove(entry) {
    if (entry.upload.state !== 'done' && entry.upload.url) await entry.upload.cancel();
    this.entries = this.entries.filter((other) => other !== entry);
    this.unfinished = unfinishedUploads().filter((item) => !this.#isOpen(item));
    this.renderRoot.querySelector('encore-quota-meter')?.refresh();
  }

  async #save(event, entry) {
    event.preventDefault();
    const form = event.target;
    const { kind } = entry.details;
    const value = (name) => form[name]?.value.trim() || undefined;
    const body = kind === 'audio'
      ? { uploadId: entry.details.id, title: value('title'), artist: value('artist'), album: value('album'),
        genre: value('genre'), year: value('year') ? Number(value('year')) : undefined, visibility: value('visibility') }
      : { uploadId: entry.details.id, title: value('title'), description: value('description'), visibility: value('visibility') };
    entry.busy = true;
    entry.saveError = null;
    this.requestUpdate();
    try {
      entry.saved = await api.post(COLLECTIONS[kind].path, body);
      this.announcement = `${entry.saved.title} is in your library`;
      this.renderRoot.querySelector('encore-quota-meter')?.refresh();
    } catch (error) {
      entry.saveError = error;
      await this.updateComplete;
    } finally {
      entry.busy = false;
      this.requestUpdate();
    }
  }

  render() {
    return html`
      <div class="head">
        <div>
          <div class="eyebrow">Get music</div>
          <h1>Upload</h1>
          <p class="lead">Send your own audio, video and PDF files. Uploads pick up where they stopped, even after a reload; then check the details and save them to your library.</p>
        </div>
        <encore-quota-meter uploads></encore-quota-meter>
      </div>
      <div class="drop ${this.dragging ? 'dragging' : ''}" @dragover=${this.#over} @dragenter=${this.#over}
        @dragleave=${() => { this.dragging = false; }} @drop=${this.#drop}>
        <span class="badge" aria-hidden="true">${icon('upload')}</span>
        <strong>Drop files here</strong>
        <span>or <span class="pick">choose files</span> · audio, video, images and PDF</span>
        <input id="files" type="file" multiple accept=${ACCEPT} aria-label="Choose files to upload" @change=${this.#picked}>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.#unfinished()}
      ${this.entries.length ? html`<section aria-labelledby="uploads-title">
        <h2 id="uploads-title">Uploads</h2>
        <ul class="files">${this.entries.map((entry) => this.#entry(entry))}</ul>
      </section>` : ''}`;
  }

  #unfinished() {
    if (this.unfinished.length === 0) return '';
    return html`<section class="unfinished" aria-labelledby="unfinished-title">
      <h2 id="unfinished-title">Not finished last time</h2>
      <p class="note">Choose the same file again to go on where it stopped.</p>
      <ul class="files">${this.unfinished.map((item) => html`<li class="card">
        <span class="icon" aria-hidden="true">${icon('file')}</span>
        <span class="names"><strong>${item.name}</strong><span>${bytes(item.size)}</span></span>
        <button class="button secondary" type="button" @click=${() => this.renderRoot.querySelector('#files').click()}>
          ${icon('resume')}Choose it again</button>
        <button class="button quiet" type="button" aria-label="Discard ${item.name}" @click=${() => this.#discard(item)}>
          ${icon('trash')}Discard</button>
      </li>`)}</ul>
    </section>`;
  }

  #entry(entry) {
    const { upload } = entry;
    const percent = upload.size ? Math.floor((upload.shown / upload.size) * 100) : 100;
    const name = upload.file.name;
    const moving = upload.state === 'uploading' || upload.state === 'finishing';
    return html`<li class="file card" aria-labelledby="file-${entry.key}">
      <div class="file-head">
        <span class="icon" aria-hidden="true">${icon(kindIcon(entry.details?.kind ?? upload.file.type))}</span>
        <span class="names"><strong id="file-${entry.key}">${name}</strong>
          <span>${upload.state === 'done' ? bytes(upload.size) : `${bytes(upload.shown)} of ${bytes(upload.size)}`}</span></span>
        <span class="status ${upload.state}">${STATES[shownState(upload)]}</span>
      </div>
      ${upload.state === 'done' ? '' : html`<div class="progress">
        <div class="bar" role="progressbar" aria-label="Upload of ${name}" aria-valuemin="0" aria-valuemax="100"
          aria-valuenow=${percent}><div class="fill" data-progress=${percent}></div></div>
      </div>`}
      ${upload.error ? problemAlert(upload.error) : ''}
      ${upload.state === 'done' ? '' : html`<div class="actions">
        ${upload.state === 'uploading' ? html`<button class="button secondary" type="button" @click=${() => upload.pause()}
          aria-label="Pause ${name}">${icon('pause')}Pause</button>` : ''}
        ${upload.state === 'paused' || (upload.state === 'failed' && upload.url && retryable(upload.error))
          ? html`<button class="button primary" type="button" @click=${() => upload.start()}
            aria-label="Resume ${name}">${icon('resume')}Resume</button>` : ''}
        ${moving && upload.state === 'finishing' ? '' : html`<button class="button quiet" type="button"
          aria-label="${upload.state === 'failed' ? 'Remove' : 'Cancel'} ${name}" @click=${() => this.#remove(entry)}>
          ${icon('close')}${upload.state === 'failed' ? 'Remove' : 'Cancel'}</button>`}
      </div>`}
      ${upload.state === 'done' ? this.#details(entry) : ''}
    </li>`;
  }

  #details(entry) {
    if (entry.detailsError) return problemAlert(entry.detailsError);
    if (!entry.details) return html`<div class="details" aria-busy="true"><span class="cover skeleton"></span><span class="skeleton"></span></div>`;
    const details = entry.details;
    const collection = COLLECTIONS[details.kind];
    if (entry.saved) {
      return html`<p class="saved">${icon('check')}<span>“${entry.saved.title}” is in your library.</span>
        <a href=${collection.open(entry.saved)}>${collection.openLabel}</a></p>`;
    }
    const discard = html`<button class="button quiet" type="button" ?disabled=${entry.busy || entry.discarding}
      aria-label="Discard ${details.filename}" @click=${() => this.#discardStored(entry)}>${icon('trash')}Discard</button>`;
    if (!collection) {
      return html`<p class="note">Uploaded. Only audio, video and PDF go in the library; this ${details.kind} is kept until
        ${new Date(details.expiresAt).toLocaleString()}.</p>${discard}${problemAlert(entry.saveError)}`;
    }
    const audio = details.kind === 'audio';
    const error = entry.saveError;
    const field = (name, label, value, attributes = {}) => {
      const message = error?.fieldError(name);
      const id = `${name}-${entry.key}`;
      return html`<div class="field ${attributes.wide ? 'wide' : ''}">
        <label for=${id}>${label}</label>
        <input id=${id} name=${name} .value=${value ?? ''} type=${attributes.type ?? 'text'} autocomplete="off"
          inputmode=${attributes.type === 'number' ? 'numeric' : 'text'}
          aria-invalid=${message ? 'true' : 'false'} aria-describedby=${message ? `${id}-error` : ''}>
        ${message ? html`<span id="${id}-error" class="error">${message}</span>` : ''}
      </div>`;
    };
    return html`<form class="details" novalidate aria-label="Details of ${details.filename}" @submit=${(event) => this.#save(event, entry)}>
      ${entry.cover ? html`<img class="cover" src=${entry.cover} alt="Cover of ${details.title || details.filename}">`
        : html`<span class="cover" aria-hidden="true">${icon(collection.icon)}</span>`}
      <div class="fields">
        ${field('title', 'Title', details.title || details.filename.replace(/\.[^.]+$/, ''), { wide: !audio })}
        ${!audio ? field('description', 'Description', '', { wide: true }) : html`
          ${field('artist', 'Artist', details.artist)}
          ${field('album', 'Album', details.album)}
          ${field('genre', 'Genre', details.genre)}
          ${field('year', 'Year', details.year, { type: 'number' })}`}
        <div class="field">
          <label for="visibility-${entry.key}">Who can see it</label>
          <select id="visibility-${entry.key}" name="visibility">
            ${VISIBILITIES.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
          </select>
        </div>
        <p class="probe wide">${[details.codec?.toUpperCase(), details.durationMs ? duration(details.durationMs) : '',
          details.bitRate ? `${Math.round(details.bitRate / 1000)} kbps` : ''].filter(Boolean).join(' · ')}</p>
        <div class="save-actions">
          <button class="button primary" type="submit" ?disabled=${entry.busy || entry.discarding}>${icon('library')}
            ${entry.busy ? 'Saving…' : `Save ${collection.noun} to library`}</button>
          ${discard}
          <span class="probe">Not saved yet: kept until ${new Date(details.expiresAt).toLocaleString()}, counting in your storage.</span>
        </div>
        ${error && !error.errors.length ? problemAlert(error) : ''}
      </div>
    </form>`;
  }
}

/**
 * An upload that was in before this visit (listed by the API): done, nothing left to send. Stands in
 * for a {@link TusUpload} in the list.
 */
class StoredUpload extends EventTarget {
  state = 'done';
  error = null;
  url = null;

  constructor(item) {
    super();
    this.file = { name: item.filename, type: item.mimeType ?? '' };
    this.size = item.size;
    this.shown = item.size;
    this.sent = item.size;
    this.uploadId = item.id;
  }

  start() {}

  pause() {}

  cancel() {}
}

/** The state to show: the server's verdict on the file (type, size, quota, malware) shows as refused. */
function shownState(upload) {
  return upload.state === 'failed' && REFUSALS.includes(upload.error?.status) ? 'refused' : upload.state;
}

function sameFile(a, b) {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/** Whether going on may help: not after the server refused the file (type, size, quota, malware). */
function retryable(error) {
  return !error || error.offline || error.status === 0 || error.status >= 500 || error.status === 409;
}

function kindIcon(kind) {
  if (kind === 'pdf' || kind === 'application/pdf') return 'slides';
  if (kind.startsWith('video')) return 'video';
  if (kind.startsWith('audio')) return 'tracks';
  return 'file';
}

customElements.define('encore-upload', UploadScreen);
