/** The one error shape the API answers with, `{error: {code, message}}`, and the exception routes throw to send it. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** Thrown by a route or middleware; the app's error handler turns it into the JSON body and status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}
