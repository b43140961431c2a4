/**
 * An API answer that is not a success, read from its RFC 9457 problem body: what the screens show
 * (title, detail, the field errors next to their fields) and the request id to quote.
 */
export class ApiError extends Error {
  constructor({ status = 0, type = '', title, detail = '', errors = [], requestId = '', offline = false }) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.requestId = requestId;
    this.offline = offline;
  }

  /** The problem's short name: the last segment of its type URI (`mfa-required`, `not-found`). */
  get code() {
    return this.type.slice(this.type.lastIndexOf('/') + 1);
  }

  /**
   * What is wrong with one field, as the API named it (`password`, `username`): every message the API
   * gave for it ("is too common; must be 8 to 128 characters long"), or '' when none.
   */
  fieldError(field) {
    return this.errors.filter((error) => error.field === field).map((error) => error.message).join('; ');
  }

  static async from(response) {
    let body = {};
    if ((response.headers.get('Content-Type') ?? '').includes('json')) {
      body = await response.json().catch(() => ({}));
    }
    return new ApiError({
      status: response.status,
      type: body.type ?? '',
      title: body.title ?? response.statusText ?? 'Something went wrong',
      detail: body.detail ?? '',
      errors: Array.isArray(body.errors) ? body.errors : [],
      requestId: body.requestId ?? response.headers.get('X-Request-ID') ?? '',
    });
  }

  static offline() {
    return new ApiError({
      title: 'You are offline',
      detail: 'Encore cannot be reached right now. Check your connection; the app retries when it is back.',
      offline: true,
    });
  }
}
