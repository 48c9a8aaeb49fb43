/**
 * A printable PDF of tables, built with pdf-lib: A4 landscape, each table on its own pages under its title, the
 * header row repeated on every page, text wrapped inside its column, rows taller than a page continued on the next,
 * and "page x of y" in the footer. Text is drawn with embedded DejaVu Sans subsets, which cover every European script;
 * a character the font lacks is replaced by "?" rather than failing the export.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedUnicodeFonts } from '../platform/pdf-fonts.js';

export interface PdfTable {
  title: string;
  columns: string[];
  /** Relative widths; scaled to the page width. */
  widths: number[];
  rows: string[][];
}

export interface PdfMetadata {
  title: string;
  /** Printed at the top of every page (e.g. the organisation's name). */
  heading: string;
  author: string;
  language: string;
  created: Date;
  /** Footer text of a page, e.g. "Page 2 of 5". */
  pageLabel: (page: number, total: number) => string;
}

const pageSize: [number, number] = [841.89, 595.28];
const margin = 28;
const fontSize = 7;
const leading = 8.6;
const padding = 3;
const headerFill = rgb(0.85, 0.88, 0.95);
const ruleColour = rgb(0.7, 0.7, 0.7);

/** Wraps text to lines no wider than `width`; explicit newlines are kept; over-long words are broken. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the column is broken at the character that no longer fits.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = 1;
        while (cut < rest.length && font.widthOfTextAtSize(rest.slice(0, cut + 1), size) <= width) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function encodable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.replace(/\t/g, ' '))
      .map((ch) => (ch === '\n' || supported.has(ch.codePointAt(0) ?? 0) ? ch : '?'))
      .join('');
}

/** Lays out the tables and returns the bytes of the PDF. */
export async function writePdf(tables: PdfTable[], meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setCreator('Charter');
  doc.setProducer('Charter (pdf-lib)');
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.created);
  doc.setModificationDate(meta.created);
  // Embedded Unicode fonts (subset): names such as "Dvořák (Łódź)" print as written.
  const { regular, bold } = await embedUnicodeFonts(doc, { width: 'condensed' });
  const clean = encodable(regular);
  const [pageWidth, pageHeight] = pageSize;
  const usableWidth = pageWidth - 2 * margin;
  const bottom = margin + 14;

  for (const table of tables) {
    const total = table.widths.reduce((a, b) => a + b, 0) || 1;
    const columnWidths = table.widths.map((w) => (w / total) * usableWidth);
    const cellWidth = (i: number) => (columnWidths[i] ?? 0) - 2 * padding;
    const headerLines = table.columns.map((c, i) => wrapText(clean(c), bold, fontSize, cellWidth(i)));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * leading + 2 * padding;

    let page!: PDFPage;
    let y = 0;
    const startPage = () => {
      page = doc.addPage(pageSize);
      y = pageHeight - margin;
      page.drawText(clean(meta.heading), { x: margin, y: y - 9, size: 9, font: bold });
      y -= 16;
      page.drawText(clean(table.title), { x: margin, y: y - 11, size: 11, font: bold });
      y -= 20;
      drawRow(page, headerLines, y, headerHeight, bold, headerFill);
      y -= headerHeight;
    };
    const drawRow = (
      target: PDFPage,
      lines: string[][],
      top: number,
      height: number,
      font: PDFFont,
      fill?: ReturnType<typeof rgb>,
    ) => {
      let x = margin;
      lines.forEach((cell, i) => {
        const w = columnWidths[i] ?? 0;
        target.drawRectangle({
          x,
          y: top - height,
          width: w,
          height,
          borderColor: ruleColour,
          borderWidth: 0.5,
          ...(fill ? { color: fill } : {}),
        });
        cell.forEach((line, n) => {
          if (line)
            target.drawText(line, { x: x + padding, y: top - padding - (n + 1) * leading + 2, size: fontSize, font });
        });
        x += w;
      });
    };

    startPage();
    for (const row of table.rows) {
      let pending = table.columns.map((_, i) => wrapText(clean(row[i] ?? ''), regular, fontSize, cellWidth(i)));
      while (pending.some((cell) => cell.length > 0)) {
        const needed = Math.max(1, ...pending.map((cell) => cell.length));
        const fits = Math.floor((y - bottom - 2 * padding) / leading);
        const freshPageFits = Math.floor((pageHeight - margin - 36 - headerHeight - bottom - 2 * padding) / leading);
        // Move a row that would fit on a fresh page rather than split it; split only what no page can hold.
        if (needed > fits && (needed <= freshPageFits || fits < 3)) {
          startPage();
          continue;
        }
        const take = Math.min(needed, fits);
        const chunk = pending.map((cell) => cell.slice(0, take));
        const height = take * leading + 2 * padding;
        drawRow(page, chunk, y, height, regular);
        y -= height;
        pending = pending.map((cell) => cell.slice(take));
      }
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = clean(meta.pageLabel(i + 1, pages.length));
    const width = regular.widthOfTextAtSize(label, fontSize);
    p.drawText(label, {
      x: pageWidth - margin - width,
      y: margin - 4,
      size: fontSize,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    });
    p.drawText(clean(meta.title), {
      x: margin,
      y: margin - 4,
      size: fontSize,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
  return doc.save();
}
