/** Browser-side helpers shared by the import and builder pages. */

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export interface ApiError {
  code: string;
  message: string;
}

export async function postJson<T>(url: string, body: unknown): Promise<{ ok: true; data: T } | { ok: false; status: number; error: ApiError; data: unknown }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = (await res.json().catch(() => null)) as (T & { error?: ApiError }) | null;
    if (res.ok && data) return { ok: true, data };
    const error = data?.error ?? { code: 'http', message: `The server answered ${res.status}.` };
    return { ok: false, status: res.status, error, data };
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: 'Network error: check the connection and try again.' }, data: null };
  }
}

/** Reads a chosen file as text, refusing files over the limit before uploading anything. */
export async function readTextFile(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_UPLOAD_BYTES) {
    return { ok: false, message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB.` };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, message: `Could not read ${file.name}.` };
  }
}
