/**
 * Unicode fonts for the PDFs Charter prints (the notice, the Art. 30 records): DejaVu Sans, embedded and subset to the
 * glyphs a document uses. The 14 standard PDF fonts draw only Windows-1252, so "Dvořák (Łódź)" came out as
 * "Dvorák (Lódz)" or "Dvo?ák"; DejaVu covers every European script (Latin, Greek, Cyrillic). The font files are read
 * once per process, on the first PDF.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

type Width = 'normal' | 'condensed';

const files: Record<Width, readonly [string, string, string]> = {
  normal: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'],
  condensed: ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf', 'DejaVuSansCondensed-Oblique.ttf'],
};

const loaded = new Map<Width, Promise<Record<keyof PdfFonts, Uint8Array>>>();

function fontBytes(width: Width) {
  let bytes = loaded.get(width);
  if (!bytes) {
    bytes = (async () => {
      const folder = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      const [regular, bold, italic] = await Promise.all(files[width].map((file) => readFile(join(folder, file))));
      if (!regular || !bold || !italic) throw new Error('DejaVu fonts missing');
      return { regular, bold, italic };
    })();
    loaded.set(width, bytes);
  }
  return bytes;
}

/**
 * Embeds regular, bold and italic DejaVu Sans in `pdf`, each subset to the characters drawn with it. `condensed` for
 * dense tables (the Art. 30 records), whose columns were laid out for Helvetica's narrower letters.
 */
export async function embedUnicodeFonts(pdf: PDFDocument, options: { width?: Width } = {}): Promise<PdfFonts> {
  const [{ default: fontkit }, bytes] = await Promise.all([
    import('@pdf-lib/fontkit'),
    fontBytes(options.width ?? 'normal'),
  ]);
  pdf.registerFontkit(fontkit);
  const [regular, bold, italic] = await Promise.all([
    pdf.embedFont(bytes.regular, { subset: true }),
    pdf.embedFont(bytes.bold, { subset: true }),
    pdf.embedFont(bytes.italic, { subset: true }),
  ]);
  return { regular, bold, italic };
}
