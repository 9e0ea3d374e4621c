/** Browser-side helpers shared by the import and builder pages. */
import { MAX_INPUT_BYTES, decodeText, tooLargeError } from '@/core/decks/text-decode';

export const MAX_UPLOAD_BYTES = MAX_INPUT_BYTES;

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

function sentence(file: File, message: string): string {
  return `${file.name}: ${message}.`;
}

/**
 * Reads a chosen file as text with the same encoding detection as the CLI (UTF-8 ± BOM, UTF-16,
 * Windows-1252), refusing empty, binary and oversized files before uploading anything.
 */
export async function readTextFile(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, message: sentence(file, tooLargeError(file.size)) };
  try {
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, message: sentence(file, decoded.error) };
  } catch {
    return { ok: false, message: `Could not read ${file.name}.` };
  }
}

/** Reads a binary file (an Anki package) as base64 for a JSON body. */
export async function readBase64File(file: File, limit: number): Promise<{ ok: true; data: string } | { ok: false; message: string }> {
  if (file.size > limit) return { ok: false, message: sentence(file, tooLargeError(file.size, limit)) };
  if (file.size === 0) return { ok: false, message: sentence(file, 'the file is empty') };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ok: true, data: btoa(bin) };
  } catch {
    return { ok: false, message: `Could not read ${file.name}.` };
  }
}
