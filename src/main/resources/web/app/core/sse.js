import { ApiError } from './problem.js';
import { session } from './session.js';
import { reach } from './api.js';

/**
 * Follows a server-sent event stream of the API (`text/event-stream`). `EventSource` cannot send
 * an Authorization header and the access token never goes in a URL, so this reads the stream with
 * fetch() and parses its `event:`/`data:` lines. Calls `onEvent(name, data)` for every event (data
 * parsed as JSON), resolves when the server ends the stream, rejects with an {@link ApiError}.
 * A 401 triggers one refresh and one retry, like the API client.
 *
 * @param {string} path e.g. `/api/v1/imports/{id}/events`
 * @param {(name: string, data: any) => void} onEvent
 * @param {AbortSignal} [signal] stops following
 */
export async function follow(path, onEvent, signal) {
  const open = () => fetch(path, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` },
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  });
  let response = await reach(open);
  if (response.status === 401 && await session.refresh()) response = await reach(open);
  if (!response.ok) throw await ApiError.from(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      dispatch(block, onEvent);
    }
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return;
  const text = data.join('\n');
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: hand over the text
  }
  onEvent(name, parsed);
}
