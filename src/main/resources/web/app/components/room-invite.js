import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from './icons.js';
import { problemAlert } from './problem-alert.js';
import { shared } from '../styles/shared.js';

/**
 * The host's invite link (`<encore-room-invite .room>`): the link to copy (the clipboard, or the
 * field selected where the clipboard is refused) and "New link" (`POST /api/v1/rooms/{id}/invite`,
 * the old link stops working), which fires `encore-room-invite` with the new code and link.
 */
class RoomInvite extends LitElement {
  static properties = {
    room: { attribute: false },
    copied: { state: true },
    error: { state: true },
  };

  static styles = [shared, css`
    :host { display: flex; gap: var(--space-2); align-items: center; flex-wrap: wrap; padding: var(--space-3) var(--space-4);
      background: var(--bg-raised); border: 1px solid var(--border); border-radius: var(--radius-l); box-shadow: var(--shadow); }
    input { flex: 1 1 220px; min-height: 40px; padding: 0 var(--space-3); border-radius: var(--radius); border: 1px solid var(--border);
      background: var(--bg-sunken); color: var(--text); font-family: var(--font-mono); font-size: .82rem; }
    strong { display: flex; align-items: center; gap: var(--space-2); width: 100%; }
    strong svg { width: 18px; height: 18px; color: var(--accent); }
    .button.small { min-height: 36px; padding: 0 var(--space-4); font-size: .9rem; }
    .alert { width: 100%; }
  `];

  constructor() {
    super();
    this.copied = false;
    this.error = null;
  }

  render() {
    return html`<strong id="invite-title">${icon('link')}Invite link</strong>
      <label class="visually-hidden" for="invite-url">Invite link</label>
      <input id="invite-url" readonly .value=${this.#link()} @focus=${(event) => event.target.select()}>
      <button class="button primary small" type="button" @click=${this.#copy}>${icon(this.copied ? 'check' : 'copy')}${this.copied ? 'Copied' : 'Copy'}</button>
      <button class="button quiet small" type="button" @click=${this.#rotate}>${icon('retry')}New link</button>
      <span class="visually-hidden" role="status">${this.copied ? 'Invite link copied' : ''}</span>
      ${problemAlert(this.error)}`;
  }

  /**
   * The invite on the address this page was opened at: the server's link names its public URL
   * (encore.public-url), which is http://localhost:{port} until the operator sets it, a dead link for
   * everybody else. Those the host shares it with reach Encore as the host does.
   */
  #link() {
    if (!this.room?.inviteUrl) return '';
    const invite = new URL(this.room.inviteUrl, location.origin);
    return `${location.origin}${invite.pathname}${invite.search}${invite.hash}`;
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.#link());
    } catch {
      this.renderRoot.querySelector('#invite-url')?.select();
    }
    this.copied = true;
    setTimeout(() => { this.copied = false; }, 2000);
  }

  async #rotate() {
    this.error = null;
    try {
      const room = await api.post(`/api/v1/rooms/${this.room.id}/invite`);
      this.dispatchEvent(new CustomEvent('encore-room-invite', { detail: { inviteCode: room.inviteCode, inviteUrl: room.inviteUrl } }));
    } catch (error) {
      this.error = error;
    }
  }
}

customElements.define('encore-room-invite', RoomInvite);
