import { LitElement, html, css } from 'lit';
import { player } from '../core/player.js';
import { icon } from './icons.js';
import { shared } from '../styles/shared.js';
import './cover-art.js';

/** The round icon buttons of the player bar and its queue. */
export const iconButtonStyles = css`
  .icon-button {
    flex: none; display: grid; place-items: center; width: 40px; height: 40px; border-radius: 50%;
    border: 0; background: transparent; color: var(--text-muted); cursor: pointer;
    transition: background var(--transition), color var(--transition);
  }
  .icon-button:hover { background: var(--bg-hover); color: var(--text); }
  .icon-button[disabled] { opacity: .4; cursor: default; background: transparent; }
  .icon-button svg { width: 20px; height: 20px; }
`;

/**
 * The queue panel of the player bar: now playing and next up, each to play, move up or down (or
 * drag), or remove; Clear queue. Changes are announced politely. Escape or the close button fire
 * `close` (the bar closes it and takes the focus back).
 */
class PlayerQueue extends LitElement {
  static properties = {
    announcement: { state: true },
  };

  static styles = [shared, iconButtonStyles, css`
  .queue {
    position: fixed; right: var(--space-4); bottom: calc(var(--player-space, var(--player-height)) + var(--space-3)); z-index: 21;
    width: min(400px, calc(100vw - 2 * var(--space-4))); max-height: min(70vh, 640px);
    display: grid; grid-template-rows: auto 1fr auto; overflow: hidden;
  }
  .queue header { display: flex; align-items: center; justify-content: space-between; gap: var(--space-2);
    padding: var(--space-3) var(--space-3) var(--space-2) var(--space-4); border-bottom: 1px solid var(--border); }
  .queue h2 { font-size: 1.05rem; margin: 0; }
  .queue .list { overflow: auto; padding: var(--space-2); }
  .queue h3 { margin: var(--space-3) var(--space-2) var(--space-1); color: var(--text-faint); font-size: .75rem;
    font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
  .queue ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
  .queue li { display: flex; align-items: center; gap: var(--space-2); padding: var(--space-1) var(--space-1) var(--space-1) var(--space-2);
    border-radius: var(--radius); }
  .queue li:hover { background: var(--bg-hover); }
  .queue li.current { background: var(--accent-soft); }
  .queue li.drop-before { box-shadow: inset 0 2px 0 var(--accent); }
  .queue .grip { color: var(--text-faint); cursor: grab; display: grid; }
  .queue .grip svg { width: 16px; height: 16px; }
  .queue .pick { flex: 1; min-width: 0; display: flex; align-items: center; gap: var(--space-3); padding: var(--space-1) 0;
    border: 0; background: transparent; color: inherit; font: inherit; text-align: left; cursor: pointer; }
  .queue .pick .text { display: grid; min-width: 0; }
  .queue .pick .text > * { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .queue .pick strong { font-weight: 600; font-size: .93rem; }
  .queue .pick .text span { color: var(--text-muted); font-size: .82rem; }
  .queue .small { width: 32px; height: 32px; }
  .queue .small svg { width: 16px; height: 16px; }
  .queue .art { flex: none; width: 36px; height: 36px; border-radius: var(--radius-s); }
  .queue footer { display: flex; justify-content: space-between; align-items: center; gap: var(--space-2);
    padding: var(--space-2) var(--space-3); border-top: 1px solid var(--border); color: var(--text-muted); font-size: .85rem; }
  .queue footer .button { min-height: 36px; }
  .queue .empty { padding: var(--space-4); color: var(--text-muted); }
  @media (max-width: 860px) {
    .queue { left: var(--space-2); right: var(--space-2); width: auto; bottom: calc(var(--player-space, var(--player-height)) + var(--space-2)); max-height: 65vh; }
  }
`];

  #onChange = () => this.requestUpdate();
  #dragFrom = -1;

  constructor() {
    super();
    this.announcement = '';
  }

  connectedCallback() {
    super.connectedCallback();
    player.addEventListener('change', this.#onChange);
  }

  disconnectedCallback() {
    player.removeEventListener('change', this.#onChange);
    super.disconnectedCallback();
  }

  /** Focus goes to the panel's first control (its close button). */
  async focus() {
    await this.updateComplete;
    this.renderRoot.querySelector('header button')?.focus();
  }

  render() {
    const upcoming = player.upcoming;
    const start = player.index + 1;
    if (!player.current) return '';
    return html`<section class="queue card" aria-labelledby="queue-title" @keydown=${this.#queueKey}>
      <header><h2 id="queue-title">Queue</h2>
        <button class="icon-button" type="button" aria-label="Close the queue" @click=${() => this.#close()}>${icon('close')}</button>
      </header>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <div class="list">
        <h3 id="now-title">Now playing</h3>
        <ol aria-labelledby="now-title">${this.#item(player.current, player.index, true)}</ol>
        <h3 id="next-title">Next up</h3>
        ${upcoming.length === 0 ? html`<p class="empty">Nothing queued. Use “Play next” or “Add to queue” on any track.</p>`
          : html`<ol aria-labelledby="next-title">${upcoming.map((item, i) => this.#item(item, start + i, false))}</ol>`}
      </div>
      <footer><span>${upcoming.length} up next</span>
        <button class="button quiet clear" type="button" ?disabled=${upcoming.length === 0} @click=${() => this.#clear()}>Clear queue</button>
      </footer>
    </section>`;
  }

  #item(item, index, current) {
    const { track } = item;
    const first = index === player.index + 1;
    const last = index === player.items.length - 1;
    return html`<li class=${current ? 'current' : ''} draggable=${current ? 'false' : 'true'} data-index=${index}
      @dragstart=${(event) => this.#dragStart(event, index)} @dragover=${(event) => this.#dragOver(event)}
      @dragleave=${(event) => event.currentTarget.classList.remove('drop-before')}
      @drop=${(event) => this.#drop(event, index)}>
      ${current ? '' : html`<span class="grip" aria-hidden="true">${icon('grip')}</span>`}
      <button class="pick" type="button" aria-label=${`Play ${track.title}`} @click=${() => player.playAt(index)}>
        <encore-cover class="art" .src=${track.coverUrl} .label=${track.album || track.title}></encore-cover><span class="text"><strong>${track.title}</strong><span>${track.artist}</span></span></button>
      ${current ? '' : html`
        <button class="icon-button small" type="button" aria-label=${`Move ${track.title} up`} ?disabled=${first}
          @click=${() => this.#move(index, index - 1)}>${icon('arrowUp')}</button>
        <button class="icon-button small" type="button" aria-label=${`Move ${track.title} down`} ?disabled=${last}
          @click=${() => this.#move(index, index + 1)}>${icon('arrowDown')}</button>
        <button class="icon-button small" type="button" aria-label=${`Remove ${track.title} from the queue`}
          @click=${() => this.#remove(item)}>${icon('close')}</button>`}
    </li>`;
  }

  #queueKey = (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.#close();
    }
  };

  async #move(from, to) {
    const upcoming = player.items.length - player.index - 1;
    const title = player.items[from].track.title;
    player.move(from, to);
    this.announcement = `${title} moved to position ${to - player.index} of ${upcoming} in the queue`;
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll(`li[data-index="${to}"] .small`);
    const again = to < from ? buttons[0] : buttons[1];
    (again && !again.disabled ? again : buttons[to < from ? 1 : 0])?.focus();
  }

  #remove(item) {
    player.remove(item.qid);
    this.announcement = `${item.track.title} removed from the queue`;
  }

  #clear() {
    player.clear();
    this.announcement = 'Queue cleared';
    this.renderRoot.querySelector('.queue header .icon-button')?.focus();
  }

  #dragStart(event, index) {
    this.#dragFrom = index;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', player.items[index].track.title);
  }

  #dragOver(event) {
    if (this.#dragFrom < 0) return;
    event.preventDefault();
    event.currentTarget.classList.add('drop-before');
  }

  #drop(event, index) {
    event.preventDefault();
    event.currentTarget.classList.remove('drop-before');
    const from = this.#dragFrom;
    this.#dragFrom = -1;
    if (from >= 0 && index > player.index) this.#move(from, from < index ? index - 1 : index);
  }

  #close() {
    this.dispatchEvent(new Event('close'));
  }
}

customElements.define('encore-player-queue', PlayerQueue);
