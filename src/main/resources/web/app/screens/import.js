import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { sameOrigin } from '../core/links.js';
import { follow } from '../core/sse.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import '../components/quota-meter.js';
import { shared } from '../styles/shared.js';
import { formStyles, importStyles } from './import-styles.js';

const FORMATS = ['mp3', 'm4a', 'aac', 'opus', 'flac', 'wav'];
const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'];
const STATUS_LABELS = {
  QUEUED: 'Waiting', RUNNING: 'Importing', SUCCEEDED: 'Done', PARTIAL: 'Partly done', FAILED: 'Failed', CANCELLED: 'Cancelled',
};
const PHASES = { resolving: 'Looking up the link', downloading: 'Fetching', converting: 'Converting', finishing: 'Tagging' };
const PAGE_SIZE = 10;

/**
 * Get music → Import: paste links (one, or many, one per line) or a playlist link, pick a format
 * and a name; each import then shows its live progress and phase (the import's SSE stream), its
 * items, its error in plain words with a way to try again, cancel, download (a signed link; a zip
 * for several files) and "Save to library". Below, the history of my imports, paged and filtered
 * by status (`?status=FAILED&page=2`), and my quota.
 */
class ImportScreen extends LitElement {
  static properties = {
    mode: { state: true },
    submitting: { state: true },
    formError: { state: true },
    listState: { state: true },
    listError: { state: true },
    page: { state: true },
    announcement: { state: true },
    busy: { state: true },
  };

  static styles = [shared, formStyles, importStyles];

  #streams = new Map();
  /** Per file or import: a signed download link once asked for, an open save form, a saved track. */
  #links = new Map();
  #saving = new Map();
  #saved = new Map();

  constructor() {
    super();
    this.mode = 'links';
    this.submitting = false;
    this.formError = null;
    this.listState = 'loading';
    this.listError = null;
    this.page = null;
    this.announcement = '';
    this.busy = new Set();
  }

  get #status() {
    return this.query?.get('status') ?? '';
  }

  get #pageNumber() {
    return Math.max(0, Number.parseInt(this.query?.get('page') ?? '1', 10) - 1 || 0);
  }

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#streams.forEach((controller) => controller.abort());
    this.#streams.clear();
  }

  updated() {
    this.renderRoot.querySelectorAll('[data-progress]').forEach((fill) => {
      fill.style.setProperty('--progress', `${fill.dataset.progress}%`);
    });
  }

  async #load() {
    this.listState = 'loading';
    try {
      this.page = await api.get('/api/v1/imports', {
        query: { status: this.#status, page: this.#pageNumber, size: PAGE_SIZE },
      });
      this.listState = 'ready';
      this.page.items.filter(active).forEach((imp) => this.#follow(imp.id));
    } catch (error) {
      this.listError = error;
      this.listState = 'failed';
    }
  }

  /** Follows one import's events until it ends; then reads it once more for its files and errors. */
  async #follow(id) {
    if (this.#streams.has(id)) return;
    const controller = new AbortController();
    this.#streams.set(id, controller);
    try {
      await follow(`/api/v1/imports/${id}/events`, (name, event) => {
        if (name === 'import') this.#progress(event);
      }, controller.signal);
      if (!controller.signal.aborted && active(this.#find(id) ?? {})) await this.#reread(id);
    } catch (error) {
      if (error.name !== 'AbortError') await this.#reread(id).catch(() => {});
    } finally {
      this.#streams.delete(id);
    }
  }

  #progress(event) {
    const imp = this.#find(event.importId);
    if (!imp) return;
    const before = describe(imp);
    imp.status = event.status;
    imp.progress = event.progress;
    imp.phase = event.phase;
    let added = false;
    if (event.item) {
      const at = imp.items.findIndex((item) => item.id === event.item.id);
      added = at < 0;
      if (added) imp.items = [...imp.items, event.item].sort((a, b) => a.position - b.position);
      else imp.items[at] = event.item;
    }
    const now = describe(imp);
    if (now !== before) this.announcement = `${nameOf(imp)}: ${now}`;
    this.requestUpdate();
    // events carry no title, files or errors: read the import when its playlist was read and when it ends
    if ((added && !imp.title && imp.kind === 'playlist') || !active(imp)) {
      this.#reread(imp.id).catch(() => {});
    }
  }

  async #reread(id, attempt = 0) {
    const fresh = await api.get(`/api/v1/imports/${id}`);
    if (active(fresh) && !active(this.#find(id) ?? fresh) && attempt < 3) { // the end is not stored yet
      await new Promise((resolve) => { setTimeout(resolve, 500); });
      await this.#reread(id, attempt + 1);
      return;
    }
    this.#replace(fresh);
    if (!active(fresh)) {
      this.announcement = `${nameOf(fresh)}: ${describe(fresh)}`;
      this.renderRoot.querySelector('encore-quota-meter')?.refresh();
    }
  }

  #find(id) {
    return this.page?.items.find((imp) => imp.id === id);
  }

  #replace(fresh) {
    if (!this.page) return;
    // an answer overtaken by the end of the import is stale
    const stale = (imp) => !active(imp) && active(fresh);
    this.page = { ...this.page, items: this.page.items.map((imp) => (imp.id === fresh.id && !stale(imp) ? fresh : imp)) };
  }

  /** Shows a new import at the top of the list (when the filter lets it in) and follows it. */
  #started(imp) {
    this.announcement = `${nameOf(imp)}: started`;
    if (this.page && (!this.#status || this.#status === imp.status) && this.#pageNumber === 0) {
      this.page = { ...this.page, items: [imp, ...this.page.items], totalItems: this.page.totalItems + 1 };
      this.listState = 'ready';
    }
    this.#follow(imp.id);
  }

  async #submit(event) {
    event.preventDefault();
    const form = event.target;
    const format = form.format.value;
    this.formError = null;
    this.submitting = true;
    try {
      let imp;
      if (this.mode === 'playlist') {
        imp = await api.post('/api/v1/imports/playlist', { url: form.playlist.value.trim(), format });
      } else {
        const urls = form.links.value.split('\n').map((line) => line.trim()).filter(Boolean);
        const name = form.customName.value.trim();
        imp = urls.length > 1
          ? await api.post('/api/v1/imports/batch', { urls, format })
          : await api.post('/api/v1/imports', { url: urls[0] ?? '', format, customName: name || undefined });
      }
      form.reset();
      form.format.value = format;
      this.#started(imp);
    } catch (error) {
      this.formError = error;
      await this.updateComplete;
      this.renderRoot.querySelector('[aria-invalid="true"]')?.focus();
    } finally {
      this.submitting = false;
    }
  }

  async #act(key, action) {
    this.#links.delete(key);
    this.busy = new Set(this.busy).add(key);
    try {
      await action();
    } catch (error) {
      this.#links.set(key, { error });
    } finally {
      const busy = new Set(this.busy);
      busy.delete(key);
      this.busy = busy;
    }
  }

  #cancel(imp) {
    this.#act(imp.id, async () => {
      await api.delete(`/api/v1/imports/${imp.id}`);
      this.#streams.get(imp.id)?.abort();
      await this.#reread(imp.id);
    });
  }

  #delete(imp) {
    this.#act(imp.id, async () => {
      await api.delete(`/api/v1/imports/${imp.id}`);
      this.page = { ...this.page, items: this.page.items.filter((other) => other.id !== imp.id),
        totalItems: this.page.totalItems - 1 };
      this.announcement = `${nameOf(imp)}: deleted`;
      this.renderRoot.querySelector('encore-quota-meter')?.refresh();
    });
  }

  #retry(imp) {
    this.#act(imp.id, async () => {
      let fresh;
      if (imp.kind === 'playlist') {
        fresh = await api.post('/api/v1/imports/playlist', { url: imp.sourceUrl, format: imp.format });
      } else if (imp.kind === 'batch') {
        const failed = imp.items.filter((item) => !item.fileId).map((item) => item.url);
        fresh = await api.post('/api/v1/imports/batch', { urls: failed, format: imp.format });
      } else {
        fresh = await api.post('/api/v1/imports', { url: imp.sourceUrl, format: imp.format,
          customName: imp.customName ?? undefined });
      }
      this.#started(fresh);
    });
  }

  /** Asks for a signed link (one file, or the zip of an import) and starts the download. */
  #download(key, path) {
    this.#act(key, async () => {
      const link = await api.post(path);
      this.#links.set(key, link);
      const anchor = document.createElement('a');
      anchor.href = sameOrigin(link.url).href;
      anchor.download = '';
      anchor.hidden = true;
      this.renderRoot.append(anchor);
      anchor.click();
      anchor.remove();
    });
  }

  #openSave(fileId, title) {
    this.#saving.set(fileId, { title, error: null });
    this.requestUpdate();
  }

  async #save(event, fileId) {
    event.preventDefault();
    const form = event.target;
    const state = this.#saving.get(fileId);
    state.busy = true;
    state.error = null;
    this.requestUpdate();
    try {
      const track = await api.post('/api/v1/tracks', {
        fileId, title: form.title.value.trim() || undefined, artist: form.artist.value.trim(),
      });
      this.#saving.delete(fileId);
      this.#saved.set(fileId, track);
      this.announcement = `${track.title} is in your library`;
    } catch (error) {
      state.error = error;
    } finally {
      state.busy = false;
      this.requestUpdate();
    }
  }

  #filter(event) {
    const status = event.target.value;
    this.#navigate(status ? `?status=${status}` : '');
  }

  #goToPage(number) {
    const params = new URLSearchParams(this.query);
    params.set('page', String(number));
    this.#navigate(`?${params}`);
  }

  #navigate(query) {
    this.router.navigate(location.pathname + query);
  }

  render() {
    return html`
      <div class="head">
        <div>
          <div class="eyebrow">Get music</div>
          <h1>Import</h1>
          <p class="lead">Paste a link to a song, a video or a playlist. Encore fetches it, converts it and keeps the file ready to download or save to your library.</p>
        </div>
        <encore-quota-meter></encore-quota-meter>
      </div>
      ${this.#form()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.#history()}`;
  }

  #form() {
    const error = this.formError;
    const linksError = error && linkErrors(error);
    const formatError = error?.fieldError('format');
    const nameError = error?.fieldError('customName');
    const general = error && !linksError && !formatError && !nameError ? error : null;
    return html`<form class="import-form card" @submit=${this.#submit} novalidate aria-labelledby="new-import">
      <h2 id="new-import" class="visually-hidden">New import</h2>
      <fieldset class="modes">
        <legend class="visually-hidden">What to import</legend>
        ${this.#mode('links', 'Links', 'link')}
        ${this.#mode('playlist', 'Playlist', 'playlist')}
      </fieldset>
      ${this.mode === 'links' ? html`<div class="field">
          <label for="links">Links</label>
          <textarea id="links" name="links" rows="3" spellcheck="false" autocomplete="off"
            placeholder="https://…" aria-describedby="links-hint ${linksError ? 'links-error' : ''}"
            aria-invalid=${linksError ? 'true' : 'false'}></textarea>
          <span id="links-hint" class="hint">One link per line. Several links make one batch.</span>
          ${linksError ? html`<span id="links-error" class="error">${linksError}</span>` : ''}
        </div>` : html`<div class="field">
          <label for="playlist">Playlist link</label>
          <input id="playlist" name="playlist" type="url" spellcheck="false" autocomplete="off" placeholder="https://…"
            aria-describedby="playlist-hint ${linksError ? 'playlist-error' : ''}" aria-invalid=${linksError ? 'true' : 'false'}>
          <span id="playlist-hint" class="hint">Every entry becomes a file; download them together as a zip.</span>
          ${linksError ? html`<span id="playlist-error" class="error">${linksError}</span>` : ''}
        </div>`}
      <div class="row">
        <div class="field format">
          <label for="format">Format</label>
          <select id="format" name="format" aria-invalid=${formatError ? 'true' : 'false'}
            aria-describedby=${formatError ? 'format-error' : ''}>
            ${FORMATS.map((format) => html`<option value=${format}>${format.toUpperCase()}</option>`)}
          </select>
          ${formatError ? html`<span id="format-error" class="error">${formatError}</span>` : ''}
        </div>
        ${this.mode === 'links' ? html`<div class="field name">
          <label for="customName">Name <span class="optional">(optional)</span></label>
          <input id="customName" name="customName" type="text" maxlength="200" autocomplete="off"
            aria-describedby="name-hint ${nameError ? 'name-error' : ''}" aria-invalid=${nameError ? 'true' : 'false'}>
          <span id="name-hint" class="hint">For a single link: the file's name.</span>
          ${nameError ? html`<span id="name-error" class="error">${nameError}</span>` : ''}
        </div>` : ''}
        <button class="button primary submit" type="submit" ?disabled=${this.submitting}>
          ${icon('download')}${this.submitting ? 'Starting…' : 'Import'}</button>
      </div>
      ${problemAlert(general)}
    </form>`;
  }

  #mode(value, label, iconName) {
    return html`<label class="mode">
      <input type="radio" name="mode" value=${value} .checked=${this.mode === value}
        @change=${() => { this.mode = value; this.formError = null; }}>
      <span>${icon(iconName)}${label}</span>
    </label>`;
  }

  #history() {
    return html`<section class="history" aria-labelledby="history-title">
      <div class="history-head">
        <h2 id="history-title">Your imports</h2>
        <div class="filter">
          <label for="status">Show</label>
          <select id="status" @change=${this.#filter}>
            <option value="" ?selected=${!this.#status}>All imports</option>
            ${STATUSES.map((status) => html`<option value=${status} ?selected=${this.#status === status}>
              ${STATUS_LABELS[status]}</option>`)}
          </select>
        </div>
      </div>
      ${this.#historyBody()}
    </section>`;
  }

  #historyBody() {
    if (this.listState === 'loading') {
      return html`<ul class="imports" aria-busy="true" aria-label="Loading your imports">
        ${[1, 2, 3].map(() => html`<li class="import card skeleton-card" aria-hidden="true">
          <span class="skeleton wide"></span><span class="skeleton"></span></li>`)}
      </ul>`;
    }
    if (this.listState === 'failed') {
      return html`<div class="state">${problemAlert(this.listError)}
        <button class="button secondary" type="button" @click=${() => this.#load()}>${icon('retry')}Try again</button></div>`;
    }
    if (this.page.items.length === 0) {
      return html`<div class="state empty card">
        <span class="badge">${icon('download')}</span>
        <h3>${this.#status ? 'No imports with this status' : 'No imports yet'}</h3>
        <p>${this.#status ? 'Choose “All imports” to see every one.' : 'Paste a link above: its file shows up here while it is fetched and converted.'}</p>
      </div>`;
    }
    return html`<ul class="imports">${this.page.items.map((imp) => this.#card(imp))}</ul>${this.#pager()}`;
  }

  #card(imp) {
    const running = active(imp);
    const name = nameOf(imp);
    const files = imp.items.filter((item) => item.fileId);
    const single = imp.kind === 'single';
    const busy = this.busy.has(imp.id);
    const outcome = this.#links.get(imp.id) ?? (single && files.length ? this.#links.get(files[0].fileId) : null);
    return html`<li class="import card" data-status=${imp.status} aria-labelledby="name-${imp.id}">
      <div class="import-head">
        <span class="kind" aria-hidden="true">${icon(single ? 'tracks' : 'playlist')}</span>
        <div class="names">
          <h3 id="name-${imp.id}">${name}</h3>
          <span class="sub">${kindLabel(imp)} · ${imp.format.toUpperCase()} · <time datetime=${imp.createdAt}>${ago(imp.createdAt)}</time></span>
        </div>
        <span class="status ${imp.status.toLowerCase()}">${STATUS_LABELS[imp.status] ?? imp.status}</span>
      </div>
      ${running ? this.#bar(imp, name) : ''}
      ${imp.errorMessage ? html`<p class="failure">${icon('alert')}<span>${sentence(imp.errorMessage)}</span></p>` : ''}
      ${single ? '' : this.#items(imp)}
      <div class="actions">
        ${single && files.length ? this.#fileActions(files[0], imp.customName || files[0].title || name) : ''}
        ${!single && files.length && !running ? html`<button class="button primary zip" type="button" ?disabled=${busy}
          @click=${() => this.#download(imp.id, `/api/v1/imports/${imp.id}/link`)}>${icon('download')}Download all (zip)</button>` : ''}
        ${running ? html`<button class="button secondary" type="button" ?disabled=${busy}
          @click=${() => this.#cancel(imp)}>${icon('close')}Cancel</button>` : ''}
        ${['FAILED', 'PARTIAL', 'CANCELLED'].includes(imp.status) && (imp.sourceUrl || imp.items.length) ? html`<button
          class="button secondary" type="button" ?disabled=${busy} @click=${() => this.#retry(imp)}>${icon('retry')}Try again</button>` : ''}
        ${running ? '' : html`<button class="button quiet" type="button" ?disabled=${busy}
          @click=${() => this.#delete(imp)} aria-label="Delete ${name}">${icon('trash')}Delete</button>`}
      </div>
      ${this.#outcome(outcome)}
      ${single && files.length ? this.#saveForm(files[0]) : ''}
    </li>`;
  }

  #bar(imp, name) {
    const phase = describe(imp);
    return html`<div class="progress">
      <div class="bar" role="progressbar" aria-label="Progress of ${name}" aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${imp.progress} aria-valuetext="${imp.progress}%, ${phase}">
        <div class="fill" data-progress=${imp.progress}></div>
      </div>
      <div class="progress-line"><span class="phase">${phase}</span><span>${imp.progress}%</span></div>
    </div>`;
  }

  #items(imp) {
    if (imp.items.length === 0) return '';
    return html`<ol class="items" aria-label="Files of ${nameOf(imp)}">${imp.items.map((item) => html`<li class="item">
      <div class="item-line">
        <span class="position" aria-hidden="true">${item.position + 1}</span>
        <span class="item-name">${item.title || item.url}</span>
        <span class="status small ${item.status.toLowerCase()}">${STATUS_LABELS[item.status] ?? item.status}</span>
      </div>
      ${item.status === 'RUNNING' ? html`<div class="bar thin" role="progressbar" aria-label="Progress of ${item.title || `item ${item.position + 1}`}"
        aria-valuemin="0" aria-valuemax="100" aria-valuenow=${item.progress}><div class="fill" data-progress=${item.progress}></div></div>` : ''}
      ${item.errorMessage ? html`<p class="failure small">${sentence(item.errorMessage)}</p>` : ''}
      ${item.fileId ? html`<div class="actions small">${this.#fileActions(item, item.title || `Item ${item.position + 1}`)}</div>
        ${this.#outcome(this.#links.get(item.fileId))}${this.#saveForm(item)}` : ''}
    </li>`)}</ol>`;
  }

  #fileActions(item, title) {
    const busy = this.busy.has(item.fileId);
    const saved = this.#saved.get(item.fileId);
    return html`<button class="button primary" type="button" ?disabled=${busy}
        @click=${() => this.#download(item.fileId, `/api/v1/files/${item.fileId}/link`)}
        aria-label="Download ${title}">${icon('download')}Download</button>
      ${saved ? html`<a class="button secondary saved" href="/library/tracks">${icon('check')}In your library</a>`
        : html`<button class="button secondary" type="button" aria-expanded=${this.#saving.has(item.fileId) ? 'true' : 'false'}
          aria-label="Save ${title} to library" @click=${() => this.#openSave(item.fileId, title)}>${icon('library')}Save to library</button>`}`;
  }

  #outcome(outcome) {
    if (!outcome) return '';
    if (outcome.error) return problemAlert(outcome.error);
    return html`<p class="download-note">Your download has started. If it has not,
      <a class="download-link" href=${sameOrigin(outcome.url).href} download>download the file</a> (the link works until
      <time datetime=${outcome.expiresAt}>${new Date(outcome.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>).</p>`;
  }

  #saveForm(item) {
    const state = this.#saving.get(item.fileId);
    if (!state) return '';
    const id = item.fileId;
    const titleError = state.error?.fieldError('title');
    const artistError = state.error?.fieldError('artist');
    return html`<form class="save card" @submit=${(event) => this.#save(event, id)} novalidate
      aria-label="Save to library">
      <div class="field">
        <label for="title-${id}">Title</label>
        <input id="title-${id}" name="title" .value=${state.title ?? ''} maxlength="255" autocomplete="off"
          aria-invalid=${titleError ? 'true' : 'false'} aria-describedby=${titleError ? `title-error-${id}` : ''}>
        ${titleError ? html`<span id="title-error-${id}" class="error">${titleError}</span>` : ''}
      </div>
      <div class="field">
        <label for="artist-${id}">Artist</label>
        <input id="artist-${id}" name="artist" maxlength="255" autocomplete="off" required
          aria-invalid=${artistError ? 'true' : 'false'} aria-describedby=${artistError ? `artist-error-${id}` : ''}>
        ${artistError ? html`<span id="artist-error-${id}" class="error">${artistError}</span>` : ''}
      </div>
      <div class="save-actions">
        <button class="button primary" type="submit" ?disabled=${state.busy}>${state.busy ? 'Saving…' : 'Save track'}</button>
        <button class="button quiet" type="button" @click=${() => { this.#saving.delete(id); this.requestUpdate(); }}>Not now</button>
      </div>
      ${state.error && !titleError && !artistError ? problemAlert(state.error) : ''}
    </form>`;
  }

  #pager() {
    if (this.page.totalPages <= 1) return '';
    const current = this.page.page + 1;
    return html`<nav class="pager" aria-label="Pages of your imports">
      <button class="button secondary" type="button" ?disabled=${!this.page.hasPrevious}
        @click=${() => this.#goToPage(current - 1)}>${icon('chevronLeft')}Newer</button>
      <span>Page ${current} of ${this.page.totalPages}</span>
      <button class="button secondary" type="button" ?disabled=${!this.page.hasNext}
        @click=${() => this.#goToPage(current + 1)}>Older${icon('chevronRight')}</button>
    </nav>`;
  }
}

function active(imp) {
  return imp.status === 'QUEUED' || imp.status === 'RUNNING';
}

function nameOf(imp) {
  return imp.customName || imp.title || imp.items.find((item) => item.title)?.title || shortUrl(imp.sourceUrl)
    || `${imp.items.length} links`;
}

function describe(imp) {
  if (imp.status === 'QUEUED') return 'Waiting to start';
  if (imp.status === 'RUNNING') return PHASES[imp.phase] ?? 'Starting';
  return STATUS_LABELS[imp.status] ?? imp.status;
}

function kindLabel(imp) {
  if (imp.kind === 'playlist') return imp.items.length ? `Playlist of ${imp.items.length}` : 'Playlist';
  if (imp.kind === 'batch') return `${imp.items.length} links`;
  return 'Link';
}

function shortUrl(url) {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    return parsed.host + (parsed.pathname === '/' ? '' : parsed.pathname);
  } catch {
    return url;
  }
}

/** The API's reasons are lower-case phrases ("the source answered 404"): shown as a sentence. */
function sentence(text) {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1) + (/[.!?]$/.test(trimmed) ? '' : '.');
}

/** The links field's error: the whole list's, or each line's (`urls[2]` is line 3). */
function linkErrors(error) {
  const messages = error.errors.flatMap((field) => {
    if (field.field === 'url' || field.field === 'urls') return [field.message];
    const line = /^urls\[(\d+)]$/.exec(field.field);
    return line ? [`Line ${Number(line[1]) + 1}: ${field.message}`] : [];
  });
  return messages.join(' · ');
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function ago(instant) {
  const seconds = (new Date(instant).getTime() - Date.now()) / 1000;
  const size = Math.abs(seconds);
  if (size < 45) return 'just now';
  if (size < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (size < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (size < 604800) return relative.format(Math.round(seconds / 86400), 'day');
  return new Date(instant).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
}

customElements.define('encore-import', ImportScreen);
