/**
 * A refused or failed API request, with the HTTP status the browser host answers it with.
 * The message is for the user: it says what was wrong and how to fix it.
 */
export class StudioApiError extends Error {
  constructor(
    message: string,
    /** 400 bad request, 403 outside the opened folders, 404 not found, 409 conflict, 413 too large, 507 a quota is full. */
    readonly status: 400 | 403 | 404 | 409 | 413 | 507 = 400,
  ) {
    super(message);
    this.name = 'StudioApiError';
  }
}
