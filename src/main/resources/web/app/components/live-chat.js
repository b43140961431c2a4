import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { live } from '../core/live.js';
import { session } from '../core/session.js';
import { icon } from './icons.js';
import { avatar, liveStyles, nameOf } from './live-kit.js';
import { shared } from '../styles/shared.js';

const MAX_LENGTH = 500;
const KEPT = 200;

/**
 * The chat of a live session (`<encore-live-chat .live=${liveSession} history="/api/v1/rooms/{id}/chat"
 * ?moderator=${…}>`): the latest messages, each under its author's display name (the username when they have none) (read once from `history`, newest first, then live from
 * the session's `chat`, `chat-deleted` and `muted` messages), a field to write one (1–500 characters;
 * Enter sends), and for a moderator (host, owner or admin) a menu on each message to delete it or mute
 * its author for ten minutes. A refused message (too fast, muted) shows why under the field. New
 * messages are announced politely and the list follows them unless people scrolled up to read.
 */
class LiveChat extends LitElement {
  static properties = {
    live: { attribute: false },
    history: {},
    moderator: { type: Boolean },
    messages: { state: true },
    notice: { state: true },
    text: { state: true },
  };

  static styles = [shared, liveStyles, css`
    :host { display: flex; flex-direction: column; flex: 1; min-height: 0; }
    .log { flex: 1; min-height: 160px; overflow-y: auto; display: grid; align-content: start; gap: var(--space-3); padding: var(--space-3) var(--space-4); margin: 0; list-style: none; }
    .message { display: grid; grid-template-columns: 32px 1fr auto; gap: var(--space-2) var(--space-3); align-items: start; }
    .message .who { display: flex; gap: var(--space-2); align-items: baseline; flex-wrap: wrap; }
    .message .who strong { font-size: .88rem; }
    .message .who time { color: var(--text-faint); font-size: .75rem; }
    .message p { grid-column: 2; overflow-wrap: anywhere; white-space: pre-line; font-size: .94rem; }
    .message.mine .who strong { color: var(--accent); }
    .message .avatar { grid-row: span 2; }
    .mod { display: flex; gap: 2px; grid-row: span 2; opacity: 0; transition: opacity var(--transition); }
    .message:hover .mod, .mod:focus-within { opacity: 1; }
    @media (hover: none) { .mod { opacity: 1; } }
    .empty { color: var(--text-muted); text-align: center; padding: var(--space-5) var(--space-3); font-size: .92rem; }
    form { display: flex; gap: var(--space-2); padding: var(--space-3); border-top: 1px solid var(--border); align-items: end; }
    textarea {
      flex: 1; resize: none; min-height: 44px; max-height: 120px; padding: 10px var(--space-3); border-radius: 22px;
      border: 1px solid var(--border-strong); background: var(--bg-sunken); color: var(--text); font: inherit; line-height: 1.4;
    }
    textarea:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
    .notice { padding: 0 var(--space-4) var(--space-2); color: var(--danger); font-size: .85rem; font-weight: 600; }
    .count { color: var(--text-faint); font-size: .75rem; padding: 0 var(--space-4) var(--space-2); text-align: right; }
  `];

  #stick = true;
  #bound = null;

  constructor() {
    super();
    this.messages = [];
    this.notice = '';
    this.text = '';
  }

  updated(changed) {
    if (changed.has('live')) this.#listen();
    if (changed.has('history') && this.history) this.#load();
    if (changed.has('messages') && this.#stick) {
      const log = this.renderRoot.querySelector('.log');
      if (log) log.scrollTop = log.scrollHeight;
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#unlisten();
  }

  render() {
    const me = session.user?.id;
    const long = this.text.length > MAX_LENGTH - 50;
    return html`
      <ol class="log" aria-label="Chat messages" @scroll=${this.#scrolled}>
        ${this.messages.length ? this.messages.map((message) => html`<li class="message ${message.userId === me ? 'mine' : ''}">
          ${avatar(nameOf(message))}
          <div class="who"><strong>${nameOf(message) || 'Someone'}</strong>
            <time datetime=${message.sentAt}>${timeOf(message.sentAt)}</time></div>
          ${this.moderator && message.userId !== me ? html`<div class="mod">
            <button class="icon-button small" type="button" aria-label="Delete message from ${nameOf(message)}"
              @click=${() => this.live?.send('chat/delete', { messageId: message.id })}>${icon('trash')}</button>
            <button class="icon-button small" type="button" aria-label="Mute ${nameOf(message)} for 10 minutes"
              @click=${() => this.live?.send('mute', { userId: message.userId, minutes: 10 })}>${icon('micOff')}</button>
          </div>` : ''}
          <p>${message.text}</p>
        </li>`) : html`<li class="empty">No messages yet. Say hello!</li>`}
      </ol>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announced}</div>
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : ''}
      ${long ? html`<p class="count">${this.text.length} / ${MAX_LENGTH}</p>` : ''}
      <form @submit=${this.#send}>
        <label class="visually-hidden" for="chat-text">Message</label>
        <textarea id="chat-text" rows="1" maxlength=${MAX_LENGTH} placeholder="Send a message" .value=${this.text}
          @input=${(event) => { this.text = event.target.value; }} @keydown=${this.#enter}></textarea>
        <button class="icon-button primary" type="submit" aria-label="Send message" ?disabled=${!this.text.trim()}>${icon('send')}</button>
      </form>`;
  }

  #announced = '';

  async #load() {
    try {
      const answer = await api.get(this.history, { query: { size: 50 } });
      const items = Array.isArray(answer) ? answer : (answer?.items ?? answer?.content ?? []);
      const known = new Set(this.messages.map((m) => m.id));
      this.messages = [...items.filter((m) => !m.deletedAt && !known.has(m.id)).reverse(), ...this.messages].slice(-KEPT);
    } catch {
      // the history is a nicety: live messages still come
    }
  }

  #listen() {
    this.#unlisten();
    const target = this.live;
    if (!target) return;
    const handlers = {
      chat: (event) => this.#add(event.detail),
      'chat-deleted': (event) => { this.messages = this.messages.filter((m) => m.id !== (event.detail.id ?? event.detail.messageId)); },
      muted: (event) => {
        if (event.detail.userId === session.user?.id) {
          const until = event.detail.until ? new Date(event.detail.until) : null;
          this.notice = until && until > new Date()
            ? `A moderator muted you until ${until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.` : '';
        }
      },
      error: (event) => {
        if (!String(event.detail.destination ?? '').includes('/chat') && event.detail.type !== 'live-muted') return;
        this.notice = event.detail.type === 'live-rate-limited'
          ? 'Slow down a little: too many messages at once.' : (event.detail.detail || event.detail.title);
      },
    };
    Object.entries(handlers).forEach(([type, handler]) => target.addEventListener(type, handler));
    this.#bound = { target, handlers };
  }

  #unlisten() {
    if (!this.#bound) return;
    Object.entries(this.#bound.handlers).forEach(([type, handler]) => this.#bound.target.removeEventListener(type, handler));
    this.#bound = null;
  }

  #add(message) {
    if (this.messages.some((m) => m.id === message.id)) return;
    this.#announced = `${nameOf(message)}: ${message.text}`;
    this.messages = [...this.messages, message].slice(-KEPT);
  }

  #scrolled(event) {
    const log = event.target;
    this.#stick = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  }

  #enter(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.#send(event);
    }
  }

  #send(event) {
    event.preventDefault();
    const text = this.text.trim();
    if (!text || !this.live) return;
    if (this.live.send('chat', { text })) {
      this.text = '';
      this.notice = '';
      this.#stick = true;
    } else {
      this.notice = live.status === 'open' ? 'The message could not be sent.' : 'Reconnecting… try again in a moment.';
    }
  }
}

function timeOf(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

customElements.define('encore-live-chat', LiveChat);
