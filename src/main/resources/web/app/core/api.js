import { ApiError } from './problem.js';
import { network } from './network.js';
import { session } from './session.js';

/**
 * The app's only way to the API: JSON in and out, the in-memory access token as Authorization,
 * problem answers thrown as {@link ApiError}. A 401 on a signed-in request triggers one refresh
 * (shared with any other request waiting for it) and one retry; if the refresh is refused, the
 * session ends and the error is thrown.
 *
 * @param {string} method
 * @param {string} path e.g. `/api/v1/tracks`
 * `headers` adds request headers (`If-Match`); `accept` other than JSON (`image/*`) answers a Blob.
 *
 * @param {{body?: object, query?: object, signal?: AbortSignal, headers?: object, accept?: string}} [options]
 */
export async function request(method, path, { body, query, signal, headers: extra, accept } = {}) {
  const url = withQuery(path, query);
  const send = () => fetch(url, {
    method,
    headers: { ...headers(body !== undefined), ...(accept ? { Accept: accept } : {}), ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  let response = await reach(send);
  if (response.status === 401 && session.token && await tokenRefused(response) && await session.refresh()) {
    response = await reach(send);
  }
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  if (response.status === 204) return null;
  return accept ? response.blob() : response.json();
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  delete: (path, options) => request('DELETE', path, options),
};

/** Whether a 401 is about the access token, not about a code the request carried (a wrong two-step code). */
async function tokenRefused(response) {
  const body = await response.clone().json().catch(() => ({}));
  return !String(body.type ?? '').endsWith('/invalid-mfa-code');
}

function headers(hasBody) {
  const headers = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  return headers;
}

/** `send()` (a fetch) with the network state kept: offline throws {@link ApiError.offline}. */
export async function reach(send) {
  try {
    const response = await send();
    network.reached();
    return response;
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    network.lost();
    throw ApiError.offline();
  }
}

function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  Object.entries(query).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') params.append(key, value);
  });
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
