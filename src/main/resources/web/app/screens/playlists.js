import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { session } from '../core/session.js';
import { playlists, carriesTrack, droppedTrack } from '../core/playlists.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { shared } from '../styles/shared.js';
import { playlistStyles, playlistScreenStyles, playlistCard } from '../components/playlist-card.js';
import { failedState } from '../components/states.js';

/**
 * Playlists: mine and everyone's public ones (`GET /api/v1/playlists`), as cards that open the
 * playlist; a form to make a new one. My cards take a dropped track row (it is added at the end).
 */
class PlaylistsScreen extends LitElement {
  static properties = {
    creating: { state: true },
    createError: { state: true },
    busy: { state: true },
    message: { state: true },
  };

  static styles = [shared, playlistStyles, playlistScreenStyles, css`
    .head { display: flex; align-items: end; justify-content: space-between; gap: var(--space-4); margin-bottom: var(--space-5); flex-wrap: wrap; }
    .eyebrow { color: var(--text-faint); font-size: .78rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
    h2 { font-size: 1.15rem; margin: var(--space-6) 0 var(--space-3); }
    .create { display: grid; gap: var(--space-3); padding: var(--space-5); margin-bottom: var(--space-5); max-width: 560px; }
    .create h2 { margin: 0; }
    .row { display: flex; gap: var(--space-3); flex-wrap: wrap; align-items: center; }
    .hint { color: var(--text-muted); margin: 0 0 var(--space-3); }
    @media (max-width: 860px) { h1 { font-size: 1.5rem; } }
  `];

  constructor() {
    super();
    this.creating = false;
    this.createError = null;
    this.busy = false;
    this.message = '';
  }

  #playlists = new Loader(this, async () => (await api.get('/api/v1/playlists', { query: { size: 100, sort: 'updatedAt,desc' } })).items);

  /** The playlists shown (none while they load). */
  get items() {
    return this.#playlists.value ?? [];
  }

  render() {
    return html`
      <div class="head">
        <div><div class="eyebrow">Library</div><h1>Playlists</h1></div>
        ${this.creating ? '' : html`<button class="button primary new" type="button" @click=${this.#openForm}>
          ${icon('plus')}New playlist</button>`}
      </div>
      ${this.creating ? this.#form() : ''}
      <div class="visually-hidden" role="status" aria-live="polite">${this.message}</div>
      ${this.#body()}`;
  }

  #form() {
    return html`<form class="create card" @submit=${this.#create} aria-labelledby="create-title">
      <h2 id="create-title">New playlist</h2>
      ${problemAlert(this.createError && !this.createError.errors?.length ? this.createError : null)}
      <div class="field"><label for="name">Name</label>
        <input id="name" name="name" required maxlength="100" autocomplete="off"
          aria-invalid=${this.createError?.fieldError?.('name') ? 'true' : 'false'} aria-describedby="name-error">
        <span id="name-error" class="error">${this.createError?.fieldError?.('name') ?? ''}</span></div>
      <div class="field"><label for="description">Description <span class="hint">(optional)</span></label>
        <textarea id="description" name="description" maxlength="500"></textarea></div>
      <label class="check"><input type="checkbox" name="isPublic"> Public: everyone on this server can see and play it</label>
      <div class="row">
        <button class="button primary" type="submit" ?disabled=${this.busy}>Create playlist</button>
        <button class="button secondary" type="button" @click=${() => { this.creating = false; }}>Cancel</button>
      </div>
    </form>`;
  }

  #body() {
    if (this.#playlists.state === 'failed') {
      return failedState('Playlists could not be loaded', this.#playlists.error, this.#playlists.reload);
    }
    if (this.#playlists.state === 'loading') {
      return html`<div class="grid" aria-busy="true">${Array.from({ length: 6 }, () => html`<div class="playlist-card skeleton-card" aria-hidden="true">
        <span class="art skeleton"></span><span class="skeleton"></span></div>`)}</div>
        <span class="visually-hidden" role="status">Loading playlists…</span>`;
    }
    const mine = this.items.filter((playlist) => playlist.ownerId === session.user?.id);
    const others = this.items.filter((playlist) => playlist.ownerId !== session.user?.id);
    return html`
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">Your playlists</h2>
        ${mine.length === 0 ? html`<div class="state card">
            <span class="badge">${icon('playlist')}</span>
            <h3>No playlists yet</h3>
            <p>Make one, then add tracks from any track's menu or drag them onto it.</p>
          </div>`
          : html`<p class="hint">Drop a track on a playlist to add it.</p>
            <ul class="grid">${mine.map((playlist) => html`<li>${playlistCard(playlist, {
              dragover: (event) => this.#dragOver(event), dragleave: (event) => this.#dragLeave(event),
              drop: (event) => this.#drop(event, playlist) })}</li>`)}</ul>`}
      </section>
      ${others.length > 0 ? html`<section aria-labelledby="public-title">
        <h2 id="public-title">Public playlists</h2>
        <ul class="grid">${others.map((playlist) => html`<li>${playlistCard(playlist)}</li>`)}</ul>
      </section>` : ''}`;
  }

  async #openForm() {
    this.creating = true;
    this.createError = null;
    await this.updateComplete;
    this.renderRoot.querySelector('#name')?.focus();
  }

  async #create(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.createError = null;
    try {
      const created = await playlists.create({
        name: form.get('name').trim(), description: form.get('description').trim() || null,
        isPublic: form.get('isPublic') === 'on',
      });
      this.router?.navigate(`/playlists/${created.id}`);
    } catch (error) {
      this.createError = error;
    } finally {
      this.busy = false;
    }
  }

  #dragOver(event) {
    if (!carriesTrack(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    event.currentTarget.classList.add('drop-target');
  }

  #dragLeave(event) {
    event.currentTarget.classList.remove('drop-target');
  }

  async #drop(event, playlist) {
    event.preventDefault();
    event.currentTarget.classList.remove('drop-target');
    const track = droppedTrack(event);
    if (!track) return;
    try {
      const updated = await playlists.add(playlist.id, track.id);
      this.#playlists.show(this.items.map((item) => (item.id === updated.id ? updated : item)));
      this.message = `${track.title} added to ${playlist.name}`;
    } catch (error) {
      this.message = `${track.title} could not be added: ${error.title}`;
    }
  }
}

customElements.define('encore-playlists', PlaylistsScreen);
