import { html } from 'lit';

/**
 * A labelled input with its hint and the API's message for it (an ApiError's `errors[]`), tied
 * together by aria-describedby and aria-invalid. Screens render it inside a `.field`-styled form.
 *
 * @param {import('../core/problem.js').ApiError|null} error the last failed answer, if any
 * @param {string} name the input's name, and the field as the API names it
 * @param {string} label what people read
 * @param {{type?: string, autocomplete?: string, hint?: string, required?: boolean, value?: string,
 *   inputmode?: string, maxlength?: number, id?: string}} [options]
 */
export function field(error, name, label, options = {}) {
  const { type = 'text', autocomplete = 'off', hint = '', required = false, value, inputmode, maxlength } = options;
  const id = options.id ?? name;
  const message = error?.fieldError?.(name) ?? '';
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${type} autocomplete=${autocomplete} ?required=${required}
      .value=${value ?? ''} inputmode=${inputmode ?? undefined} maxlength=${maxlength ?? undefined}
      autocapitalize="none" spellcheck="false"
      aria-invalid=${message ? 'true' : 'false'} aria-describedby=${described || undefined}>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : ''}
    ${message ? html`<span class="error" id="${id}-error">${capitalize(message)}</span>` : ''}
  </div>`;
}

/** Whether the error names fields (then each shows under its field, not as one alert). */
export function hasFieldErrors(error) {
  return error?.errors?.length > 0;
}

export function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
