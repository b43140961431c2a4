import { LitElement, html, css } from 'lit';
import { api } from '../core/api.js';
import { tone, toneStyles } from './library-kit.js';

/** Covers already read in this tab: API path → data: URL (the picture, never a credential). */
const covers = new Map();

/**
 * A cover picture: the API's picture (`coverUrl`) when there is one, else a gradient with the
 * initial of `label`. The picture is read through the API client (an `<img>` request could not carry
 * the token) and shown as a `data:` URL, which the page's CSP allows for images. Decorative: the
 * title beside it names it. Square by default; `round` for artists.
 */
class CoverArt extends LitElement {
  static properties = {
    src: {},
    label: {},
    round: { type: Boolean, reflect: true },
    picture: { state: true },
  };

  static styles = [toneStyles, css`
    :host { display: block; position: relative; aspect-ratio: 1; border-radius: var(--radius); overflow: hidden; }
    :host([round]) { border-radius: 50%; }
    .fallback {
      position: absolute; inset: 0; display: grid; place-items: center;
      color: rgba(255, 255, 255, .92); font-weight: 800; text-transform: uppercase; font-size: 2.6em;
      container-type: size;
    }
    .fallback span { font-size: clamp(.9rem, 42cqmin, 5rem); }
    img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
  `];

  constructor() {
    super();
    this.src = null;
    this.label = '';
    this.round = false;
    this.picture = null;
  }

  willUpdate(changed) {
    if (changed.has('src')) this.#load();
  }

  async #load() {
    const src = this.src;
    this.picture = null;
    if (!src) return;
    const shown = await picture(src);
    if (this.src === src) this.picture = shown;
  }

  render() {
    return html`<div class="fallback tone-${tone(this.label)}" aria-hidden="true"><span>${(this.label || '?').slice(0, 1)}</span></div>
      ${this.picture ? html`<img src=${this.picture} alt="" decoding="async">` : ''}`;
  }
}

/**
 * The picture at the API path `src` as a `data:` URL (read once per tab through the API client), or
 * null when there is none: for an `<img>` a component draws itself.
 */
export function picture(src) {
  if (!covers.has(src)) covers.set(src, read(src));
  return covers.get(src);
}

async function read(src) {
  try {
    const blob = await api.get(src, { accept: 'image/*' });
    return await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  } catch {
    covers.delete(src); // gone or offline: the gradient stays, and the next screen tries again
    return null;
  }
}

customElements.define('encore-cover', CoverArt);
