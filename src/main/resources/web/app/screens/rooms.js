import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { Loader } from '../core/loader.js';
import { icon } from '../components/icons.js';
import { emptyState, failedState } from '../components/states.js';
import { problemAlert } from '../components/problem-alert.js';
import { field } from '../components/form-field.js';
import { itemsOf, liveStyles } from '../components/live-kit.js';
import { tone } from '../components/library-kit.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/**
 * Listening rooms (`/rooms`): the rooms I am in (`GET /api/v1/rooms/mine`), the public ones
 * (`GET /api/v1/rooms?q=`, searched as people type), and "Create a room" (a dialog: name 1–100
 * characters, public or private, 2–100 listeners → `POST /api/v1/rooms`, then the room). Joining a
 * public room is `POST /api/v1/rooms/{id}/members`; a full room says so (409 `room-full`). Private
 * rooms are joined by their invite link (`/rooms/join/<code>`, screens/room-join.js).
 */
class Rooms extends LitElement {
  static properties = {
    q: { state: true },
    createError: { state: true },
    joinError: { state: true },
    busy: { state: true },
  };

  static styles = [shared, page, liveStyles, css`
    .hero {
      position: relative; overflow: hidden; display: grid; gap: var(--space-3); padding: var(--space-6);
      border-radius: var(--radius-l); margin-bottom: var(--space-6); color: #fff;
      background: radial-gradient(120% 140% at 100% 0%, #7f5af0 0%, transparent 55%), linear-gradient(135deg, #1d1b2f 0%, #5b1a3f 60%, #e0356b 130%);
    }
    .hero h1 { font-size: 2.2rem; max-width: 24ch; }
    .hero p { max-width: 52ch; color: rgba(255, 255, 255, .82); }
    .hero .eyebrow { color: rgba(255, 255, 255, .7); }
    .hero .row-actions { margin-top: var(--space-2); }
    .hero .button.primary { background: #fff; color: #1d1b2f; }
    .hero .button.primary:hover { background: #f3f0ff; color: #1d1b2f; }
    .hero .rings { position: absolute; right: -40px; top: -40px; width: 260px; height: 260px; color: rgba(255, 255, 255, .12); pointer-events: none; }
    .hero .rings svg { width: 100%; height: 100%; stroke-width: 1; }

    h2.section-title { margin: var(--space-6) 0 var(--space-3); font-size: 1.25rem; }
    .tools { display: flex; gap: var(--space-3); align-items: center; justify-content: space-between; flex-wrap: wrap; margin: var(--space-6) 0 var(--space-3); }
    .tools h2 { font-size: 1.25rem; }
    .search { position: relative; width: min(320px, 100%); }
    .search svg { position: absolute; left: 12px; top: 50%; transform: translateY(-50%); width: 18px; height: 18px; color: var(--text-faint); }
    .search input {
      width: 100%; min-height: 42px; padding: 0 var(--space-3) 0 38px; border-radius: 999px; border: 1px solid var(--border-strong);
      background: var(--bg-raised); color: var(--text); font: inherit;
    }
    .search input:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }

    .rooms { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-4); grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }
    .room { display: grid; grid-template-rows: auto 1fr; overflow: hidden; transition: transform var(--transition), box-shadow var(--transition); }
    .room:hover { transform: translateY(-2px); }
    .cover { position: relative; height: 110px; display: flex; align-items: end; padding: var(--space-3); }
    .cover .pill-live { position: absolute; top: var(--space-3); left: var(--space-3); }
    .cover .lock { position: absolute; top: var(--space-3); right: var(--space-3); display: grid; place-items: center; width: 30px; height: 30px; border-radius: 50%; background: rgba(0, 0, 0, .35); color: #fff; }
    .cover .lock svg { width: 16px; height: 16px; }
    .eq { display: flex; align-items: end; gap: 3px; height: 28px; }
    .eq span { width: 4px; border-radius: 2px; background: rgba(255, 255, 255, .85); height: 40%; animation: eq 1s ease-in-out infinite alternate; }
    .eq span:nth-child(2) { animation-delay: -.3s; height: 80%; }
    .eq span:nth-child(3) { animation-delay: -.6s; height: 55%; }
    .eq span:nth-child(4) { animation-delay: -.15s; height: 70%; }
    .eq.still span { animation: none; }
    @keyframes eq { from { transform: scaleY(.35); } to { transform: scaleY(1); } }
    @media (prefers-reduced-motion: reduce) { .eq span { animation: none; } }
    .eq span { transform-origin: bottom; }
    .body { display: grid; gap: var(--space-2); padding: var(--space-4); align-content: start; }
    .body h3 { font-size: 1.05rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .body .now { color: var(--text-muted); font-size: .88rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .body .facts { display: flex; align-items: center; justify-content: space-between; gap: var(--space-2); margin-top: var(--space-2); }
    .body .facts span { color: var(--text-faint); font-size: .82rem; display: inline-flex; align-items: center; gap: 4px; }
    .body .facts svg { width: 15px; height: 15px; }
    .full { color: var(--danger); font-weight: 700; }

    dialog form { max-width: none; }
    .switch { display: flex; align-items: center; gap: var(--space-3); }
    .switch input { width: 20px; height: 20px; accent-color: var(--accent); }
    .range { display: grid; gap: var(--space-1); }
    .range label { font-weight: 600; font-size: .92rem; display: flex; justify-content: space-between; }
    .range input { width: 100%; accent-color: var(--accent); }

    @media (max-width: 860px) {
      .hero { padding: var(--space-5); }
      .hero h1 { font-size: 1.6rem; }
      .rooms { grid-template-columns: 1fr; }
    }
  `];

  #mine = new Loader(this, () => api.get('/api/v1/rooms/mine'));
  #public = new Loader(this, () => api.get('/api/v1/rooms', { query: { q: this.q, size: 24 } }));
  #typing = 0;
  #listeners = 10;

  constructor() {
    super();
    this.q = '';
    this.createError = null;
    this.joinError = null;
    this.busy = false;
  }

  connectedCallback() {
    this.q = this.query?.get('q') ?? '';
    super.connectedCallback();
  }

  render() {
    return html`
      <section class="hero" aria-labelledby="rooms-title">
        <span class="rings">${icon('radio')}</span>
        <span class="eyebrow">Live</span>
        <h1 id="rooms-title">Listen together, in sync</h1>
        <p>Start a room, queue the music and everyone hears the same second of the same song, wherever they are.</p>
        <div class="row-actions">
          <button class="button primary" type="button" @click=${this.#openCreate}>${icon('plus')}Create a room</button>
        </div>
      </section>
      ${problemAlert(this.joinError)}
      ${this.#mineSection()}
      <div class="tools">
        <h2 id="public-title">Public rooms</h2>
        <div class="search" role="search">
          ${icon('search')}
          <label class="visually-hidden" for="room-search">Search public rooms</label>
          <input id="room-search" type="search" placeholder="Search rooms" .value=${this.q} @input=${this.#search}>
        </div>
      </div>
      ${this.#publicSection()}
      ${this.#createDialog()}`;
  }

  #mineSection() {
    const rooms = itemsOf(this.#mine.value);
    if (this.#mine.state !== 'ready' || !rooms.length) return '';
    return html`<h2 class="section-title" id="mine-title">Your rooms</h2>
      <ul class="rooms" aria-labelledby="mine-title">${rooms.map((room) => this.#card(room, true))}</ul>`;
  }

  #publicSection() {
    const loader = this.#public;
    if (loader.state === 'failed') return failedState('Rooms could not be loaded', loader.error, loader.reload);
    if (loader.state === 'loading' && !loader.value) {
      return html`<ul class="rooms" aria-hidden="true">${[1, 2, 3].map(() => html`<li class="room card">
        <span class="cover skeleton"></span><div class="body"><span class="skeleton"></span></div></li>`)}</ul>
        <span class="visually-hidden" role="status">Loading rooms…</span>`;
    }
    const mine = new Set(itemsOf(this.#mine.value).map((room) => room.id));
    const rooms = itemsOf(loader.value).filter((room) => !mine.has(room.id));
    if (!rooms.length) {
      return emptyState('radio', this.q ? 'No room matches' : 'No public rooms right now',
        this.q ? 'Try another name, or start a room of your own.' : 'Start one and invite your friends: they will hear what you hear.');
    }
    return html`<ul class="rooms" aria-labelledby="public-title">${rooms.map((room) => this.#card(room, false))}</ul>`;
  }

  #card(room, member) {
    const current = room.current?.track ?? room.current;
    const playing = Boolean(room.state?.playing && current);
    const full = !member && room.memberCount >= room.maxListeners;
    return html`<li class="room card">
      <div class="cover tone-${tone(room.name)}">
        ${playing ? html`<span class="pill-live">Live</span>` : ''}
        ${room.isPublic === false ? html`<span class="lock" title="Private">${icon('lock')}</span>` : ''}
        <span class="eq ${playing ? '' : 'still'}" aria-hidden="true"><span></span><span></span><span></span><span></span></span>
      </div>
      <div class="body">
        <h3>${room.name}</h3>
        <span class="now">${current?.title ? `${current.title}${current.artist ? ` · ${current.artist}` : ''}` : 'Nothing playing yet'}</span>
        <div class="facts">
          <span>${icon('users')}<span class=${full ? 'full' : ''}>${room.memberCount ?? 0} / ${room.maxListeners}</span></span>
          <span>${icon('crown')}${room.hostDisplayName ?? room.hostName ?? ''}</span>
        </div>
        ${member ? html`<a class="button secondary small" href="/rooms/${room.id}" aria-label="Open ${room.name}">Open</a>`
          : html`<button class="button primary small" type="button" ?disabled=${this.busy || full}
            aria-label="Join ${room.name}" @click=${() => this.#join(room)}>${full ? 'Full' : 'Join'}</button>`}
      </div>
    </li>`;
  }

  #createDialog() {
    return html`<dialog id="create-dialog" aria-labelledby="create-title" @close=${() => { this.createError = null; }}>
      <form @submit=${this.#create} novalidate>
        <h2 id="create-title">Create a listening room</h2>
        ${this.createError && !this.createError.errors?.length ? problemAlert(this.createError) : ''}
        ${field(this.createError, 'name', 'Name', { required: true, maxlength: 100, hint: 'Up to 100 characters' })}
        <label class="switch"><input type="checkbox" name="isPublic" checked>
          <span><strong>Public</strong> — anyone can find and join it. Private rooms are joined by invite link.</span></label>
        <div class="range">
          <label for="max-listeners">Listeners <output for="max-listeners" id="max-out">${this.#listeners}</output></label>
          <input id="max-listeners" name="maxListeners" type="range" min="2" max="100" .value=${String(this.#listeners)}
            @input=${(event) => { this.#listeners = Number(event.target.value); this.requestUpdate(); }}>
        </div>
        <div class="row-actions">
          <button class="button secondary" type="button" @click=${() => this.#dialog().close()}>Cancel</button>
          <button class="button primary" type="submit" ?disabled=${this.busy}>Create room</button>
        </div>
      </form>
    </dialog>`;
  }

  #dialog() {
    return this.renderRoot.querySelector('#create-dialog');
  }

  #openCreate() {
    this.createError = null;
    this.#dialog().showModal();
    this.renderRoot.querySelector('#name')?.focus();
  }

  async #create(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    try {
      const room = await api.post('/api/v1/rooms', {
        name: String(form.get('name') ?? '').trim(), isPublic: form.get('isPublic') === 'on', maxListeners: this.#listeners,
      });
      this.#dialog().close();
      this.router.navigate(`/rooms/${room.id}`);
    } catch (error) {
      this.createError = error;
    } finally {
      this.busy = false;
    }
  }

  async #join(room) {
    this.busy = true;
    this.joinError = null;
    try {
      await api.post(`/api/v1/rooms/${room.id}/members`);
      this.router.navigate(`/rooms/${room.id}`);
    } catch (error) {
      this.joinError = error;
      this.#public.reload();
    } finally {
      this.busy = false;
    }
  }

  #search(event) {
    this.q = event.target.value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => {
      history.replaceState(null, '', this.q ? `/rooms?q=${encodeURIComponent(this.q)}` : '/rooms');
      this.#public.reload();
    }, 250);
  }
}

customElements.define('encore-rooms', Rooms);
