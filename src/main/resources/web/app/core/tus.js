import { ApiError } from './problem.js';
import { network } from './network.js';
import { session } from './session.js';

const ENDPOINT = '/api/v1/uploads/tus';
const VERSION = '1.0.0';
/** Bytes per PATCH: small enough that pausing loses little, large enough to keep requests few. */
const CHUNK = 512 * 1024;

/**
 * A resumable upload through the API's tus 1.0 endpoint (creation, core, termination). The tus URL
 * and the file's identity (name, size, last modified) are kept in localStorage, so after a reload
 * the same file can be picked again and sent on from where the server stands; no token is stored.
 * Dispatches `change` on every step: `state` is 'idle', 'uploading', 'paused', 'finishing', 'done'
 * or 'failed', `sent` the bytes the server has, `uploadId` the upload it became, `error` an ApiError.
 */
export class TusUpload extends EventTarget {
  state = 'idle';
  sent = 0;
  /** Bytes to show as sent: the server's offset plus what is on its way. */
  shown = 0;
  uploadId = null;
  error = null;
  #request = null;

  /**
   * @param {File} file
   * @param {string} [url] the tus URL of an upload started earlier for this file
   */
  constructor(file, url = null) {
    super();
    this.file = file;
    this.url = url;
  }

  get size() {
    return this.file.size;
  }

  /** Starts, or goes on after a pause, a failure or a reload. */
  async start() {
    if (this.state === 'uploading' || this.state === 'finishing' || this.state === 'done') return;
    this.error = null;
    try {
      if (this.url) {
        const offset = await this.#offset();
        if (offset === null) this.url = null; // expired or gone: start over
        else this.sent = offset;
      }
      this.#set('uploading');
      if (!this.url) await this.#create();
      while (!this.uploadId) {
        if (this.state === 'paused') return;
        if (this.sent === this.size) this.#set('finishing', this.size); // all bytes are there: only the check is left
        await this.#patchOrResync();
      }
      forget(this.url);
      this.#set('done');
    } catch (error) {
      if (error.name === 'AbortError' || this.state === 'paused') return;
      this.error = error instanceof ApiError ? error : new ApiError({ title: 'The upload stopped', detail: String(error.message ?? error) });
      if ([403, 404, 413, 415, 422].includes(this.error.status)) { // the server deleted it
        forget(this.url);
        this.url = null;
      }
      this.#set('failed');
    }
  }

  /** Stops sending; the bytes the server has are kept for {@link start} (and asked for, to show them). */
  async pause() {
    if (this.state !== 'uploading') return;
    this.#set('paused', this.shown);
    this.#request?.abort();
    const offset = await this.#offset().catch(() => null);
    if (offset !== null && this.state === 'paused') {
      this.sent = offset;
      this.#set('paused');
    }
  }

  /** Stops and deletes what was sent (tus termination). */
  async cancel() {
    this.#set('paused');
    this.#request?.abort();
    if (this.url) {
      await terminate(this.url);
      forget(this.url);
    }
  }

  async #create() {
    const metadata = `filename ${base64(this.file.name)}`;
    const xhr = await send('POST', ENDPOINT, { 'Upload-Length': String(this.size), 'Upload-Metadata': metadata });
    this.url = new URL(xhr.getResponseHeader('Location'), location.origin).pathname;
    this.sent = 0;
    remember(this.url, this.file);
  }

  async #offset() {
    try {
      const xhr = await send('HEAD', this.url);
      this.uploadId = xhr.getResponseHeader('Encore-Upload-Id');
      return Number(xhr.getResponseHeader('Upload-Offset'));
    } catch (error) {
      if (error.status === 404) return null;
      throw error;
    }
  }

  /** A 409 (the server still finishing an interrupted request, or another offset): ask where it stands and go on. */
  async #patchOrResync(attempt = 0) {
    try {
      await this.#patch();
    } catch (error) {
      if (error.status !== 409 || attempt >= 5) throw error;
      await new Promise((resolve) => { setTimeout(resolve, 400 * (attempt + 1)); });
      if (this.state === 'paused') return;
      this.sent = (await this.#offset()) ?? this.sent;
      if (!this.uploadId) await this.#patchOrResync(attempt + 1);
    }
  }

  async #patch() {
    const end = Math.min(this.sent + CHUNK, this.size);
    const xhr = await send('PATCH', this.url, {
      'Upload-Offset': String(this.sent), 'Content-Type': 'application/offset+octet-stream',
    }, this.file.slice(this.sent, end), (request) => {
      this.#request = request;
      request.upload.addEventListener('progress', (event) => {
        this.#progress(Math.min(this.sent + event.loaded, end));
        // the last byte is out: the server now types, scans and probes the file
        if (end === this.size && event.loaded >= event.total) this.#set('finishing', end);
      });
    });
    this.#request = null;
    this.sent = Number(xhr.getResponseHeader('Upload-Offset'));
    this.uploadId = xhr.getResponseHeader('Encore-Upload-Id');
    this.#progress(this.sent);
  }

  #progress(bytes) {
    this.shown = bytes;
    this.dispatchEvent(new Event('change'));
  }

  #set(state, shown = this.sent) {
    this.state = state;
    this.shown = shown;
    this.dispatchEvent(new Event('change'));
  }
}

/** Uploads started in this browser and not finished: `[{url, name, size, lastModified, startedAt}]`. */
export function unfinishedUploads() {
  try {
    return JSON.parse(localStorage.getItem(key()) ?? '[]');
  } catch {
    return [];
  }
}

/** The unfinished upload of this very file (same name, size and last-modified time), if there is one. */
export function unfinishedUploadOf(file) {
  return unfinishedUploads().find((entry) => entry.name === file.name && entry.size === file.size
    && entry.lastModified === file.lastModified) ?? null;
}

/** Drops an unfinished upload from the list (and deletes its bytes on the server). */
export async function discardUpload(url) {
  forget(url);
  await terminate(url);
}

/**
 * tus termination. A 409 (upload-busy) means the server is still ending the request that was writing
 * to it (the PATCH just aborted), and the bytes stay reserved in the quota: asked again shortly. Gone
 * already (404) or offline: the server's expiry takes what is left.
 */
async function terminate(url) {
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      await send('DELETE', url);
      return;
    } catch (error) {
      if (error?.status !== 409) return;
      await new Promise((resolve) => setTimeout(resolve, 250 * Math.min(attempt, 4)));
    }
  }
}

function remember(url, file) {
  const entries = unfinishedUploads().filter((entry) => entry.url !== url);
  entries.push({ url, name: file.name, size: file.size, lastModified: file.lastModified, startedAt: Date.now() });
  localStorage.setItem(key(), JSON.stringify(entries));
}

function forget(url) {
  const entries = unfinishedUploads().filter((entry) => entry.url !== url);
  if (entries.length === 0) localStorage.removeItem(key());
  else localStorage.setItem(key(), JSON.stringify(entries));
}

/** Per user: another account in the same browser does not see these. */
function key() {
  return `encore.uploads.${session.user?.id ?? 'anonymous'}`;
}

function base64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** One tus request with the access token; a 401 refreshes once and retries; a problem becomes an ApiError. */
async function send(method, url, headers = {}, body = null, prepare = () => {}) {
  let xhr = await exchange(method, url, headers, body, prepare);
  if (xhr.status === 401 && session.token && await session.refresh()) {
    xhr = await exchange(method, url, headers, body, prepare);
  }
  if (xhr.status >= 400) throw problem(xhr);
  return xhr;
}

function exchange(method, url, headers, body, prepare) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('Tus-Resumable', VERSION);
    xhr.setRequestHeader('Accept', 'application/json');
    if (session.token) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.addEventListener('load', () => {
      network.reached();
      resolve(xhr);
    });
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was paused', 'AbortError')));
    xhr.addEventListener('error', () => {
      network.lost();
      reject(ApiError.offline());
    });
    prepare(xhr);
    xhr.send(body);
  });
}

function problem(xhr) {
  let body = {};
  try {
    body = JSON.parse(xhr.responseText || '{}');
  } catch {
    // not a problem body
  }
  return new ApiError({
    status: xhr.status,
    type: body.type ?? '',
    title: body.title ?? (xhr.statusText || 'Something went wrong'),
    detail: body.detail ?? '',
    errors: Array.isArray(body.errors) ? body.errors : [],
    requestId: body.requestId ?? xhr.getResponseHeader('X-Request-ID') ?? '',
  });
}
