/**
 * One error type with a stable code, an HTTP status and a message safe to show. The HTTP error handler turns it into
 * `{"error":{"code","message","details"}}`; anything else becomes a generic 500 (logged without personal data).
 */

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.categories.analytics`. */
  path?: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** A complete HTML page to answer a browser with instead of the JSON error (a public page that is gone). */
    readonly page?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new AppError('bad_request', 400, message, details);
export const invalidInput = (details: ErrorDetail[], message = 'The request has invalid fields.') =>
  new AppError('invalid_input', 422, message, details);
/** Not found — also what another organisation's resource looks like (never reveal that it exists). */
export const notFound = (what: string, _id?: string) => new AppError('not_found', 404, `No such ${what}.`);
export const unauthorized = (message = 'Sign in first.') => new AppError('unauthorized', 401, message);
export const forbidden = (message = 'You may not do this.') => new AppError('forbidden', 403, message);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new AppError('conflict', 409, message, details);
export const tooManyRequests = (message = 'Too many requests; try again later.') =>
  new AppError('rate_limited', 429, message);
export const payloadTooLarge = (message = 'The request body is too large.') =>
  new AppError('payload_too_large', 413, message);
export const unsupportedMediaType = (message = 'Unsupported content type.') =>
  new AppError('unsupported_media_type', 415, message);

/** A programming error: something the code must never do (e.g. an unscoped tenant query). Not for user input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}
