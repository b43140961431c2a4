import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { session } from '../core/session.js';
import { icon } from './icons.js';
import { problemAlert } from './problem-alert.js';
import { avatar, liveStyles, nameOf } from './live-kit.js';
import { shared } from '../styles/shared.js';

/**
 * A room's members, earliest first (`<encore-room-people .room .presence ?host>`), by display name
 * (the username when they have none): who listens now
 * (a connection, from `presence`) and who is away, the host crowned. The host hands the room over
 * ("Make host": `POST /api/v1/rooms/{id}/host {userId}`) and fires `encore-room-host` with the new
 * host, which the room page merges until the server's `host` message confirms it.
 */
class RoomPeople extends LitElement {
  static properties = {
    room: { attribute: false },
    presence: { attribute: false },
    host: { type: Boolean },
    error: { state: true },
  };

  static styles = [shared, liveStyles, css`
    ul { list-style: none; margin: 0; padding: var(--space-2); display: grid; gap: 2px; }
    li { display: flex; align-items: center; gap: var(--space-3); padding: var(--space-2); border-radius: var(--radius); }
    li:hover { background: var(--bg-hover); }
    .name { flex: 1; min-width: 0; display: grid; }
    .name span { color: var(--text-faint); font-size: .8rem; }
    .crown { color: #d39e00; display: inline-flex; }
    .crown svg { width: 16px; height: 16px; }
    .button.small { min-height: 36px; padding: 0 var(--space-3); font-size: .88rem; }
    .alert { margin: var(--space-2); }
  `];

  constructor() {
    super();
    this.error = null;
  }

  render() {
    const me = session.user?.id;
    const here = new Set((this.presence?.members ?? []).map((m) => m.userId));
    const members = this.room?.members ?? this.presence?.members ?? [];
    return html`${problemAlert(this.error)}<ul aria-label="Members">${members.map((m) => html`<li>
      ${avatar(nameOf(m))}
      <span class="name"><strong>${nameOf(m)}${m.userId === me ? ' (you)' : ''}</strong>
        <span>${m.userId === this.room.hostId ? 'Host · ' : ''}${here.has(m.userId) ? 'Listening' : 'Away'}</span></span>
      ${m.userId === this.room.hostId ? html`<span class="crown" title="Host">${icon('crown')}</span>` : ''}
      ${this.host && m.userId !== me ? html`<button class="button quiet small" type="button"
        aria-label="Make ${nameOf(m)} the host" @click=${() => this.#handOver(m)}>${icon('crown')}Make host</button>` : ''}
    </li>`)}</ul>`;
  }

  async #handOver(member) {
    this.error = null;
    try {
      await api.post(`/api/v1/rooms/${this.room.id}/host`, { userId: member.userId });
      this.dispatchEvent(new CustomEvent('encore-room-host', {
        detail: {
          hostId: member.userId, hostName: member.username, hostDisplayName: nameOf(member), inviteUrl: null, inviteCode: null,
        },
      }));
    } catch (error) {
      this.error = error;
    }
  }
}

customElements.define('encore-room-people', RoomPeople);
