/** Small fetch wrapper for the class, assignment and editor API: JSON in, `{ ok, data | error }` out. */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string; fields?: Record<string, string[]> };

export async function callApi<T = unknown>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: 'Could not reach the server. Check your connection and try again.' };
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: { message?: string }; fields?: Record<string, string[]> }) | null;
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  return {
    ok: false,
    status: res.status,
    message: json?.error?.message ?? `Request failed (${res.status}).`,
    ...(json?.fields ? { fields: json.fields } : {}),
  };
}
