import { html, css } from 'lit';
import { api } from '../core/api.js';
import { icon } from '../components/icons.js';
import { problemAlert } from '../components/problem-alert.js';
import { shared } from '../styles/shared.js';
import { page } from '../styles/page.js';
import { AccountScreen, accountStyles } from './account.js';

const CHOICES = [
  { name: 'securityAlerts', title: 'Security alerts',
    text: 'A sign-in from a new device, two-step verification turned on, new recovery codes.' },
  { name: 'importUpdates', title: 'Import updates', text: 'When an import finishes or fails.' },
];

/**
 * Account → Notifications: which e-mails I get (`GET/PATCH /api/v1/me/notifications`). Critical
 * security mails (password changed or reset, two-step verification off, account disabled) always come.
 */
class AccountNotifications extends AccountScreen {
  static path = '/account/notifications';
  static failedTitle = 'Your notification settings could not be loaded';

  static properties = {
    settings: { state: true },
    actionError: { state: true },
    busy: { state: true },
    announcement: { state: true },
  };

  static styles = [shared, page, accountStyles, css`
    ul.choices { list-style: none; margin: 0; padding: 0; }
    ul.choices li { border-top: 1px solid var(--border); }
    ul.choices label { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: var(--space-3);
      align-items: start; padding: var(--space-4) 0; cursor: pointer; }
    ul.choices input { width: 20px; height: 20px; margin-top: 2px; accent-color: var(--accent); }
    ul.choices strong { display: block; }
    ul.choices span { color: var(--text-muted); font-size: .92rem; }
    .always { display: flex; gap: var(--space-2); align-items: center; color: var(--text-muted); font-size: .92rem; }
    .always svg { width: 18px; height: 18px; flex: none; color: var(--good, var(--accent)); }
  `];

  constructor() {
    super();
    this.settings = null;
    this.actionError = null;
    this.busy = false;
    this.announcement = '';
  }

  fetchData() {
    return api.get('/api/v1/me/notifications');
  }

  accept(data) {
    this.settings = data;
  }

  renderContent() {
    if (this.state === 'loading' || !this.settings) {
      return html`<section class="card section" aria-busy="true"><span class="skeleton"></span>
        <span class="skeleton"></span><span class="visually-hidden" role="status">Loading…</span></section>`;
    }
    const { mailConfigured } = this.settings;
    return html`<section class="card section" aria-labelledby="mail-title">
      <div class="section-head"><div><h2 id="mail-title">E-mail notifications</h2>
        <p>${mailConfigured ? 'Sent to the e-mail address of your profile.'
          : 'This Encore sends no e-mail yet: its admin has not set up a mail server. Your choices apply once it does.'}</p>
      </div></div>
      ${problemAlert(this.actionError)}
      <ul class="choices">
        ${CHOICES.map((choice) => html`<li><label>
          <input type="checkbox" name=${choice.name} .checked=${this.settings[choice.name]} ?disabled=${this.busy}
            @change=${this.#change}>
          <div><strong>${choice.title}</strong><span>${choice.text}</span></div></label></li>`)}
      </ul>
      <p class="always">${icon('check')}Password changes and resets, two-step verification turned off and a
        disabled account are always mailed to you.</p>
    </section>
    <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  async #change(event) {
    const { name, checked } = event.target;
    this.busy = true;
    this.actionError = null;
    try {
      this.settings = await api.patch('/api/v1/me/notifications', { [name]: checked });
      this.announcement = `${CHOICES.find((choice) => choice.name === name).title} ${checked ? 'on' : 'off'}`;
    } catch (error) {
      this.actionError = error;
      event.target.checked = !checked;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('encore-account-notifications', AccountNotifications);
