/** Calls to the storytrace API from the page (same origin; the token cookie, when any, rides along). */

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, value);
  const url = params.size > 0 ? `${path}?${params}` : path;
  return answerOf<T>(await fetch(url, { headers: { Accept: 'application/json' } }));
}

export async function postForm<T>(path: string, form: FormData): Promise<T> {
  return answerOf<T>(await fetch(path, { method: 'POST', body: form }));
}

async function answerOf<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) throw new ApiRequestError(response.status, body?.error?.code ?? 'http', body?.error?.message ?? response.statusText);
  return body as T;
}
