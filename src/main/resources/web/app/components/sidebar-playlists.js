import { LitElement, html, css } from 'lit';
import { playlists, carriesTrack, droppedTrack } from '../core/playlists.js';
import { icon } from './icons.js';
import { shared } from '../styles/shared.js';

/**
 * My playlists in the sidebar: links that open them, and drop targets for track rows dragged from
 * any screen (the track is added at the end; the result is announced politely).
 */
class SidebarPlaylists extends LitElement {
  static properties = {
    /** The path shown now, to mark the playlist that is open. */
    path: { type: String },
    lists: { state: true },
    over: { state: true },
    message: { state: true },
  };

  static styles = [shared, css`
    :host { display: grid; gap: var(--space-1); min-height: 0; min-width: 0; }
    .title {
      padding: 0 var(--space-3); margin-bottom: var(--space-1);
      color: var(--text-faint); font-size: .75rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase;
    }
    /* min-width 0 all the way down: a long name is cut with an ellipsis, not widening the sidebar */
    ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 2px;
      overflow-x: hidden; overflow-y: auto; max-height: 32vh; }
    li { min-width: 0; }
    a {
      display: flex; align-items: center; gap: var(--space-3); min-height: 36px; padding: 0 var(--space-3);
      border-radius: var(--radius); color: var(--text-muted); text-decoration: none; font-weight: 550;
      transition: background var(--transition), color var(--transition);
    }
    a { min-width: 0; }
    a span { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    a:hover { background: var(--bg-hover); color: var(--text); }
    a[aria-current="page"] { color: var(--text); background: var(--bg-hover); }
    a.over { background: var(--accent-soft); color: var(--accent); box-shadow: inset 0 0 0 2px var(--accent); }
    a svg { width: 18px; height: 18px; flex: none; }
    .empty { padding: 0 var(--space-3); color: var(--text-faint); font-size: .85rem; margin: 0; }
  `];

  #onChange = () => { this.lists = playlists.mine; };

  constructor() {
    super();
    this.path = '';
    this.lists = playlists.mine;
    this.over = null;
    this.message = '';
  }

  connectedCallback() {
    super.connectedCallback();
    playlists.addEventListener('change', this.#onChange);
    playlists.load().catch(() => {});
  }

  disconnectedCallback() {
    playlists.removeEventListener('change', this.#onChange);
    super.disconnectedCallback();
  }

  render() {
    const lists = this.lists ?? [];
    return html`<div class="title" id="sidebar-playlists" aria-hidden="true">Your playlists</div>
      ${lists.length === 0 ? html`<p class="empty">${this.lists ? 'None yet' : ''}</p>` : html`
        <ul aria-label="Your playlists">${lists.map((playlist) => html`<li><a href="/playlists/${playlist.id}"
          class=${this.over === playlist.id ? 'over' : ''} data-id=${playlist.id} title=${playlist.name}
          aria-current=${this.path === `/playlists/${playlist.id}` ? 'page' : 'false'}
          @dragover=${(event) => this.#dragOver(event, playlist)} @dragleave=${() => { this.over = null; }}
          @drop=${(event) => this.#drop(event, playlist)}>${icon('playlist')}<span>${playlist.name}</span></a></li>`)}</ul>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.message}</div>`;
  }

  #dragOver(event, playlist) {
    if (!carriesTrack(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.over = playlist.id;
  }

  async #drop(event, playlist) {
    this.over = null;
    const track = droppedTrack(event);
    if (!track) return;
    event.preventDefault();
    try {
      await playlists.add(playlist.id, track.id);
      this.message = `${track.title} added to ${playlist.name}`;
    } catch (error) {
      this.message = `${track.title} could not be added to ${playlist.name}: ${error.title}`;
    }
  }
}

customElements.define('encore-sidebar-playlists', SidebarPlaylists);
