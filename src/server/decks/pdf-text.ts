/**
 * PDF → text through its text layer (unpdf, a serverless build of Mozilla's pdf.js that runs in
 * Node without workers, canvas or network). Layout into lines is in core (pdf-lines.ts).
 */
import { pdfPagesToText, type PdfTextRun } from '@/core/decks/pdf-lines';
import { formatByteLimit } from '@/core/decks/text-decode';

/** Largest PDF accepted: 16,777,216 bytes (16 MiB). */
export const MAX_PDF_BYTES = 16 * 1024 * 1024;
/** Pages read at most; study notes are far shorter, and this bounds the work on a hostile file. */
export const MAX_PDF_PAGES = 500;

export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

export async function pdfToText(bytes: Uint8Array): Promise<{ ok: true; text: string; pages: number } | { ok: false; error: string }> {
  if (bytes.length > MAX_PDF_BYTES) {
    return { ok: false, error: `the PDF is ${bytes.length.toLocaleString('en-US')} bytes; the limit is ${formatByteLimit(MAX_PDF_BYTES)}` };
  }
  if (!looksLikePdf(bytes)) return { ok: false, error: 'not a PDF file (it does not start with %PDF-)' };
  const { getDocumentProxy } = await import('unpdf');
  let doc;
  try {
    // why: pdf.js may detach the buffer it is given; keep the caller's bytes intact.
    doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false });
  } catch (err) {
    return { ok: false, error: `the PDF could not be read (${(err as Error).message})` };
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) return { ok: false, error: `the PDF has ${doc.numPages} pages; the limit is ${MAX_PDF_PAGES}` };
    const pages: PdfTextRun[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((i): i is typeof i & { str: string; hasEOL: boolean; transform: number[]; height: number } => 'str' in i)
          .map((i) => ({ str: i.str, hasEOL: i.hasEOL, y: i.transform[5], size: i.height })),
      );
    }
    const text = pdfPagesToText(pages);
    if (text.trim() === '') return { ok: false, error: 'the PDF has no text layer (a scanned document?); export it as text or run OCR first' };
    return { ok: true, text, pages: doc.numPages };
  } catch (err) {
    return { ok: false, error: `the PDF could not be read (${(err as Error).message})` };
  } finally {
    await doc.destroy();
  }
}
