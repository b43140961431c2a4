import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { icon } from '../components/icons.js';
import { failedState, emptyState } from '../components/states.js';
import { problemAlert } from '../components/problem-alert.js';
import { saveFile } from '../components/insights-kit.js';
import { bytes } from '../components/quota-meter.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/**
 * Admin → Backups (`GET /api/v1/admin/backups`): the embedded database's backups, newest first,
 * each with its size and when it was made, to download (`GET /api/v1/admin/backups/{name}`, fetched
 * with the bearer token and saved from a Blob); "Back up now" makes one (`POST`, 201; 507 when the
 * disk has no room). On PostgreSQL the API answers 409 `backups-external`: the screen says so and
 * how such a server is backed up instead of a list.
 */
class AdminBackups extends LitElement {
  static properties = {
    creating: { state: true },
    createError: { state: true },
    downloading: { state: true },
    downloadError: { state: true },
    message: { state: true },
  };

  static styles = [shared, page, css`
    .note { margin-top: var(--space-4); }
    .note ul { margin: 0; padding-left: var(--space-5); display: grid; gap: var(--space-1); color: var(--text-muted); }
    .note p { color: var(--text-muted); max-width: 70ch; }
    .note strong { color: var(--text); }
    .alert { margin-bottom: var(--space-4); }
    .message { display: flex; align-items: center; gap: var(--space-2); margin-bottom: var(--space-4); color: var(--success); font-weight: 600; overflow-wrap: anywhere; }
    .message:empty { display: none; }
    .message svg { flex: none; width: 18px; height: 18px; }
    ul.backups { list-style: none; margin: 0; padding: 0; }
    li.backup { display: flex; align-items: center; gap: var(--space-4); padding: var(--space-3) var(--space-5); border-bottom: 1px solid var(--border); }
    li.backup:last-child { border-bottom: 0; }
    li.backup .what { flex: 1 1 auto; min-width: 0; display: grid; gap: 2px; }
    li.backup .name { overflow-wrap: anywhere; }
    li.backup .meta { color: var(--text-muted); font-size: .88rem; font-variant-numeric: tabular-nums; }
    li.backup .button { flex: none; }
    li.backup .icon { flex: none; display: grid; place-items: center; width: 40px; height: 40px; border-radius: var(--radius); background: var(--accent-soft); color: var(--accent); }
    li.backup .icon svg { width: 20px; height: 20px; }
    .list-head { padding: var(--space-4) var(--space-5); border-bottom: 1px solid var(--border); display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: var(--space-3); }
    .skeleton-card { height: 180px; padding: var(--space-5); display: grid; gap: var(--space-3); }
    @media (max-width: 560px) {
      li.backup { flex-wrap: wrap; padding: var(--space-3) var(--space-4); gap: var(--space-3); }
      li.backup .icon { display: none; }
      li.backup .button { width: 100%; }
      .list-head { padding: var(--space-3) var(--space-4); }
    }
  `];

  constructor() {
    super();
    this.creating = false;
    this.createError = null;
    this.downloading = '';
    this.downloadError = null;
    this.message = '';
  }

  #backups = new Loader(this, () => api.get('/api/v1/admin/backups'));

  /** The server keeps its data in PostgreSQL: Encore makes no backups of it. */
  #external() {
    return this.#backups.state === 'failed' && this.#backups.error?.code === 'backups-external';
  }

  render() {
    const ready = this.#backups.state === 'ready';
    return html`
      <div class="head">
        <div><div class="eyebrow">Admin</div><h1>Backups</h1>
          <p class="lead">Copies of the database, made every night and whenever you ask.</p></div>
        ${ready ? html`<button class="button primary" type="button" ?disabled=${this.creating}
          aria-busy=${this.creating ? 'true' : 'false'} @click=${() => this.#create()}>${
            icon(this.creating ? 'clock' : 'database')}${this.creating ? 'Backing up…' : 'Back up now'}</button>` : ''}
      </div>
      <p class="message" role="status">${this.message ? html`${icon('check')}${this.message}` : ''}</p>
      ${problemAlert(this.createError)}
      ${problemAlert(this.downloadError)}
      ${this.#body()}
      ${this.#external() ? '' : this.#note()}`;
  }

  #note() {
    return html`<section class="card section note" aria-labelledby="note-title">
      <h2 id="note-title">What a backup holds</h2>
      <p>A backup is a zip of the whole database as of one moment: accounts, the library, playlists, rooms,
        the audit trail and background jobs. Encore keeps serving while it is made.</p>
      <ul>
        <li><strong>Not the media files.</strong> Copy the blobs (<span class="mono">blobs/</span> in the data
          directory) too.</li>
        <li><strong>Not the secrets.</strong> Copy <span class="mono">secrets.properties</span> too, and keep it
          private: without it, two-step verification cannot be restored.</li>
      </ul>
      <p>Copy the newest backup, then the blobs, then the secrets off this machine. How to restore: “Backups and
        restores” in <span class="mono">docs/storage.md</span>.</p>
    </section>`;
  }

  #body() {
    const loader = this.#backups;
    if (this.#external()) {
      return html`<section class="state card" aria-labelledby="external-title" data-state="external">
        <span class="badge">${icon('database')}</span>
        <h2 id="external-title">${loader.error.title}</h2>
        <p>${loader.error.detail}</p>
        <p>Dump the database with <span class="mono">pg_dump</span> first, then copy the bucket with a tool that keeps
          what it once copied (<span class="mono">rclone copy</span>), and keep the <span class="mono">ENCORE_SECURITY_*</span>
          secrets. The steps are in “Backups and restores”, <span class="mono">docs/storage.md</span>.</p>
      </section>`;
    }
    if (loader.state === 'failed') return failedState('The backups could not be listed', loader.error, loader.reload);
    if (loader.state === 'loading') {
      return html`<div class="card skeleton-card" aria-busy="true"><span class="skeleton"></span><span class="skeleton"></span>
        <span class="skeleton"></span><span class="visually-hidden" role="status">Loading the backups…</span></div>`;
    }
    const { items } = loader.value;
    if (!items.length) {
      return emptyState('database', 'No backups yet',
        'Encore makes one every night. Make the first one now with “Back up now”.');
    }
    return html`<section class="card" aria-labelledby="list-title">
      <div class="list-head"><h2 id="list-title">Kept on this server</h2>
        <span class="muted">${items.length === 1 ? '1 kept' : `${items.length} kept`}, newest first</span></div>
      <ul class="backups">${items.map((backup) => this.#backup(backup))}</ul>
    </section>`;
  }

  #backup(backup) {
    const busy = this.downloading === backup.name;
    return html`<li class="backup" data-backup=${backup.name}>
      <span class="icon" aria-hidden="true">${icon('database')}</span>
      <div class="what"><strong class="name mono">${backup.name}</strong>
        <span class="meta"><time datetime=${backup.createdAt}>${when(backup.createdAt)}</time> · ${bytes(backup.bytes)}</span></div>
      <button class="button secondary small" type="button" aria-label=${`Download ${backup.name}`}
        ?disabled=${this.downloading !== ''} @click=${() => this.#download(backup)}>${icon('download')}${
          busy ? 'Downloading…' : 'Download'}</button>
    </li>`;
  }

  async #create() {
    this.creating = true;
    this.createError = null;
    this.message = '';
    try {
      const made = await api.post('/api/v1/admin/backups');
      const items = (this.#backups.value?.items ?? []).filter((backup) => backup.name !== made.name);
      this.#backups.show({ items: [made, ...items] });
      this.message = `Backed up: ${made.name} (${bytes(made.bytes)})`;
    } catch (error) {
      if (error.code === 'backups-external') this.#backups.fail(error);
      else this.createError = error;
    } finally {
      this.creating = false;
    }
  }

  async #download(backup) {
    this.downloading = backup.name;
    this.downloadError = null;
    this.message = '';
    try {
      const file = await api.get(`/api/v1/admin/backups/${encodeURIComponent(backup.name)}`,
        { accept: 'application/zip, application/problem+json' });
      saveFile(file, backup.name);
      this.message = `Downloaded ${backup.name} (${bytes(file.size)})`;
    } catch (error) {
      this.downloadError = error;
    } finally {
      this.downloading = '';
    }
  }
}

/** When a backup was made, in the reader's language and time zone. */
function when(instant) {
  return new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

customElements.define('encore-admin-backups', AdminBackups);
