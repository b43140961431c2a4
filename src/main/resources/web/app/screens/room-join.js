import { LitElement, html } from 'lit';
import { api } from '../core/api.js';
import { icon } from '../components/icons.js';
import { failedState } from '../components/states.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';

/**
 * An invite link (`/rooms/join/{inviteCode}`): joins the room (`POST /api/v1/rooms/join
 * {inviteCode}`) and opens it in place of this address, so Back does not join again. A code that
 * is not (or no longer) valid is a 404, a full room a 409 `room-full`: both said in words.
 */
class RoomJoin extends LitElement {
  static properties = { error: { state: true } };
  static styles = [shared, page];

  constructor() {
    super();
    this.error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#join();
  }

  async #join() {
    this.error = null;
    try {
      const room = await api.post('/api/v1/rooms/join', { inviteCode: this.params?.code ?? '' });
      this.router.navigate(`/rooms/${room.id}`, { replace: true });
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    if (!this.error) {
      return html`<section class="state" aria-busy="true"><span class="badge">${icon('radio')}</span>
        <h1>Joining the room…</h1></section>`;
    }
    const title = this.error.code === 'room-full' ? 'This room is full'
      : this.error.status === 404 ? 'This invite link does not work any more' : 'The room could not be joined';
    return html`${failedState(title, this.error, () => this.#join())}
      <p class="muted"><a href="/rooms">See the public rooms</a></p>`;
  }
}

customElements.define('encore-room-join', RoomJoin);
