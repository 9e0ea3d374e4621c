/**
 * Small one-page PDFs with a real text layer (Helvetica text operators), written here byte by byte
 * from the PDF format, so the tests do not depend on a PDF tool. Each line is placed 14 units
 * below the last; an empty string leaves a paragraph gap (two lines' worth).
 */
export function makePdf(lines: string[]): Buffer {
  const ops: string[] = ['BT', '/F1 12 Tf', '72 760 Td'];
  for (const l of lines) {
    if (l === '') ops.push('0 -14 Td');
    else ops.push(`(${l.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj`, '0 -14 Td');
  }
  ops.push('ET');
  const content = ops.join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
