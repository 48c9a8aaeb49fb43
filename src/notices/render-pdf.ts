/**
 * The notice as a real PDF, laid out with pdf-lib (no browser): A4, wrapped paragraphs, tables with repeated headers
 * across pages, clickable links, page numbers, and the document's title and language in the PDF metadata. Text is
 * drawn with embedded DejaVu Sans subsets (platform/pdf-fonts.ts), so names in any European script print as written.
 */
import { PDFDocument, PDFString, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedUnicodeFonts } from '../platform/pdf-fonts.js';
import type { Block, LeafBlock, NoticeDocument, Paragraph } from './document.js';
import { shownDate } from './document.js';
import { dateInWords } from './phrasing.js';
import { absolute, type RenderOptions } from './render-html.js';
import { noticeTexts } from './texts/index.js';

const pageSize: [number, number] = [595.28, 841.89]; // A4 in points
const margin = { top: 64, bottom: 64, left: 56, right: 56 };
const contentWidth = pageSize[0] - margin.left - margin.right;
const bodySize = 10;
const lineHeight = 14;
const colours = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.33, 0.33, 0.33),
  link: rgb(0.11, 0.3, 0.85),
  rule: rgb(0.78, 0.78, 0.78),
  head: rgb(0.95, 0.95, 0.96),
};

/** Text as drawn with the embedded fonts: the typographic spaces and hyphens a font may lack made plain. */
export function printable(value: string): string {
  return value.replace(/[\u2000-\u200b\u202f\u205f]/g, ' ').replace(/\u2011/g, '-');
}

/** A link target as PDF wants it (7-bit): non-ASCII characters percent-encoded as in a browser's address bar. */
function asciiUri(href: string): string {
  return href.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface Segment {
  text: string;
  font: PDFFont;
  size: number;
  href?: string | undefined;
  colour: ReturnType<typeof rgb>;
}

type Line = Segment[];

class Layout {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    readonly options: RenderOptions,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.pdf.addPage(pageSize);
    this.pages.push(this.page);
    this.y = pageSize[1] - margin.top;
  }

  ensure(height: number) {
    if (this.y - height < margin.bottom) this.newPage();
  }

  /** Splits styled runs into lines no wider than `width`, breaking at spaces (and inside overlong words). */
  wrap(segments: Segment[], width: number): Line[] {
    const lines: Line[] = [];
    let line: Line = [];
    let lineWidth = 0;
    const push = (piece: Segment) => {
      const last = line[line.length - 1];
      if (
        last &&
        last.font === piece.font &&
        last.href === piece.href &&
        last.size === piece.size &&
        last.colour === piece.colour
      )
        last.text += piece.text;
      else line.push({ ...piece });
    };
    const breakLine = () => {
      const last = line[line.length - 1];
      if (last) last.text = last.text.replace(/\s+$/, '');
      lines.push(line);
      line = [];
      lineWidth = 0;
    };
    for (const segment of segments) {
      // Only ordinary spaces break lines; a no-break space (French punctuation, "3\u00a0years") keeps its neighbours together.
      for (const token of segment.text.split(/([ \t\n]+)/).filter((t) => t !== '')) {
        const isSpace = /^[ \t\n]+$/.test(token);
        const piece = isSpace ? ' ' : token;
        const tokenWidth = segment.font.widthOfTextAtSize(piece, segment.size);
        if (isSpace && line.length === 0) continue;
        if (!isSpace && lineWidth + tokenWidth > width && line.length > 0) breakLine();
        if (!isSpace && tokenWidth > width) {
          // A word longer than the line (a long URL): cut it into pieces that fit.
          let rest = piece;
          while (rest.length > 0) {
            let cut = rest.length;
            while (cut > 1 && segment.font.widthOfTextAtSize(rest.slice(0, cut), segment.size) > width - lineWidth)
              cut--;
            push({ ...segment, text: rest.slice(0, cut) });
            lineWidth += segment.font.widthOfTextAtSize(rest.slice(0, cut), segment.size);
            rest = rest.slice(cut);
            if (rest.length > 0) breakLine();
          }
          continue;
        }
        if (isSpace && lineWidth + tokenWidth > width) {
          breakLine();
          continue;
        }
        push({ ...segment, text: piece });
        lineWidth += tokenWidth;
      }
    }
    if (line.length > 0) breakLine();
    return lines;
  }

  drawLine(line: Line, x: number, y: number) {
    let cursor = x;
    for (const segment of line) {
      if (segment.text === '') continue;
      this.page.drawText(segment.text, { x: cursor, y, size: segment.size, font: segment.font, color: segment.colour });
      const width = segment.font.widthOfTextAtSize(segment.text, segment.size);
      if (segment.href) this.link(segment.href, cursor, y - 2, width, segment.size + 3);
      cursor += width;
    }
  }

  /** A clickable URI annotation over the drawn text. */
  link(href: string, x: number, y: number, width: number, height: number) {
    const annotation = this.pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y, x + width, y + height],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(asciiUri(href)) },
    });
    this.page.node.addAnnot(this.pdf.context.register(annotation));
  }

  text(segments: Segment[], options: { indent?: number; gapAfter?: number; size?: number } = {}) {
    const indent = options.indent ?? 0;
    const height = (options.size ?? bodySize) + 4;
    for (const line of this.wrap(segments, contentWidth - indent)) {
      this.ensure(height);
      this.y -= height;
      this.drawLine(line, margin.left + indent, this.y);
    }
    this.y -= options.gapAfter ?? 6;
  }

  heading(label: string, size: number, gapBefore: number) {
    // Keep a heading with at least three lines of what follows it.
    this.ensure(gapBefore + size + 4 + lineHeight * 3);
    this.y -= gapBefore;
    this.text([{ text: printable(label), font: this.fonts.bold, size, colour: colours.text }], { size, gapAfter: 4 });
  }
}

function segments(
  paragraph: Paragraph,
  layout: Layout,
  style: { bold?: boolean; colour?: ReturnType<typeof rgb> } = {},
): Segment[] {
  return paragraph.flatMap((run): Segment[] => {
    const font = run.strong || style.bold ? layout.fonts.bold : layout.fonts.regular;
    const href = run.href ? absolute(run.href, layout.options.baseUrl) : undefined;
    const shown = run.url && run.href ? absolute(run.text, layout.options.baseUrl) : run.text;
    const main: Segment = {
      text: printable(shown),
      font,
      size: bodySize,
      href,
      colour: href ? colours.link : (style.colour ?? colours.text),
    };
    // On paper a link's label alone says nothing: print the address after it unless the label is the address.
    const plainHref = href?.replace(/^(mailto:|tel:)/, '');
    if (
      href &&
      plainHref !== shown &&
      !href.startsWith('tel:') &&
      !href.startsWith('mailto:') &&
      !shown.startsWith('http') &&
      !run.url
    ) {
      return [
        main,
        { text: printable(` (${plainHref})`), font: layout.fonts.regular, size: bodySize, colour: colours.muted, href },
      ];
    }
    return [main];
  });
}

function longest(value: string): string {
  return value.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

function drawTable(block: Extract<LeafBlock, { type: 'table' }>, layout: Layout) {
  const { fonts } = layout;
  const padding = 4;
  // Each column gets at least its longest word (so names are not cut), the rest in proportion to its average text.
  const longestWord = block.columns.map(
    (column, i) =>
      Math.max(
        fonts.bold.widthOfTextAtSize(printable(longest(column)), bodySize),
        ...block.rows.map((row) =>
          (i === 0 ? fonts.bold : fonts.regular).widthOfTextAtSize(
            printable(longest((row[i] ?? []).map((r) => r.text).join(''))),
            bodySize,
          ),
        ),
      ) +
      2 * padding,
  );
  const minimum = longestWord.map((w) => Math.min(w, contentWidth * 0.3));
  const weights = block.columns.map((column, i) => {
    const lengths = block.rows.map((row) => (row[i] ?? []).map((r) => r.text).join('').length);
    const average = lengths.reduce((a, b) => a + b, column.length) / (lengths.length + 1);
    return Math.min(Math.max(average, 10), 70);
  });
  const spare = Math.max(contentWidth - minimum.reduce((a, b) => a + b, 0), 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w, i) => (minimum[i] ?? 0) + (w / total) * spare);
  const xs = widths.map((_, i) => margin.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cellLines = (cell: Paragraph, i: number, bold: boolean) =>
    layout.wrap(segments(cell, layout, { bold }), (widths[i] ?? 0) - 2 * padding);

  layout.ensure(lineHeight * 4);
  layout.text([{ text: printable(block.caption), font: fonts.italic, size: bodySize, colour: colours.muted }], {
    gapAfter: 2,
  });

  const header = block.columns.map((c, i) => cellLines([{ text: c }], i, true));
  const drawRow = (cells: ReturnType<typeof cellLines>[], shaded: boolean) => {
    const rows = Math.max(...cells.map((c) => c.length), 1);
    for (let line = 0; line < rows; line++) {
      if (layout.y - lineHeight < margin.bottom) {
        layout.newPage();
        if (!shaded) drawRow(header, true);
      }
      layout.y -= lineHeight;
      if (shaded)
        layout.page.drawRectangle({
          x: margin.left,
          y: layout.y - 3,
          width: contentWidth,
          height: lineHeight,
          color: colours.head,
        });
      cells.forEach((cell, i) => {
        const content = cell[line];
        if (content) layout.drawLine(content, (xs[i] ?? margin.left) + padding, layout.y);
      });
    }
    layout.y -= 5;
    layout.page.drawLine({
      start: { x: margin.left, y: layout.y + 1 },
      end: { x: margin.left + contentWidth, y: layout.y + 1 },
      thickness: 0.5,
      color: colours.rule,
    });
  };
  drawRow(header, true);
  for (const row of block.rows)
    drawRow(
      row.map((cell, i) => cellLines(cell, i, i === 0)),
      false,
    );
  layout.y -= 8;
}

function drawLeaf(block: LeafBlock, layout: Layout) {
  const { fonts } = layout;
  switch (block.type) {
    case 'paragraph':
      layout.text(segments(block.content, layout));
      return;
    case 'list':
      for (const item of block.items)
        layout.text(
          [{ text: '•  ', font: fonts.regular, size: bodySize, colour: colours.text }, ...segments(item, layout)],
          { indent: 8, gapAfter: 3 },
        );
      layout.y -= 3;
      return;
    case 'address':
      for (const line of block.lines) layout.text(segments(line, layout), { indent: 12, gapAfter: 0 });
      layout.y -= 8;
      return;
    case 'definitions':
      for (const item of block.items) {
        layout.text([{ text: printable(item.term), font: fonts.bold, size: bodySize, colour: colours.text }], {
          gapAfter: 1,
        });
        for (const paragraph of item.paragraphs) layout.text(segments(paragraph, layout), { indent: 12, gapAfter: 3 });
        layout.y -= 3;
      }
      return;
    case 'table':
      drawTable(block, layout);
      return;
    case 'consent-button':
      layout.text(segments(block.fallback, layout));
      return;
  }
}

function drawBlock(block: Block, layout: Layout) {
  if (block.type !== 'subsection') return drawLeaf(block, layout);
  layout.heading(block.heading, 11, 8);
  for (const leaf of block.blocks) drawLeaf(leaf, layout);
}

/** Renders a notice or cookie policy as a PDF file (bytes). */
export async function renderPdf(document: NoticeDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const t = noticeTexts[document.language];
  pdf.setTitle(document.title, { showInWindowTitleBar: true });
  pdf.setLanguage(document.language);
  pdf.setAuthor(document.organisation);
  pdf.setSubject(`${document.site.name} (${document.site.domain})`);
  pdf.setCreator('Charter');
  pdf.setProducer('Charter (pdf-lib)');
  // Embedded Unicode fonts: a processor "Dvořák (Łódź)" prints as written, in every European script.
  const fonts: Fonts = await embedUnicodeFonts(pdf);
  const layout = new Layout(pdf, fonts, options);
  layout.text([{ text: printable(document.title), font: fonts.bold, size: 18, colour: colours.text }], {
    size: 18,
    gapAfter: 6,
  });
  const date = shownDate(document, options.version);
  const stamp = [
    options.version ? `${t.labels.version} ${options.version.version}` : undefined,
    date ? `${t.labels.lastUpdated}: ${dateInWords(date, document.language)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  if (stamp)
    layout.text([{ text: printable(stamp), font: fonts.regular, size: bodySize, colour: colours.muted }], {
      gapAfter: 10,
    });
  for (const paragraph of document.intro) layout.text(segments(paragraph, layout));
  for (const section of document.sections) {
    layout.heading(section.heading, 13, 12);
    for (const block of section.blocks) drawBlock(block, layout);
  }
  const count = layout.pages.length;
  layout.pages.forEach((page, i) => {
    const footer = printable(`${document.title} — ${i + 1} / ${count}`);
    page.drawText(footer, { x: margin.left, y: margin.bottom / 2, size: 8, font: fonts.regular, color: colours.muted });
  });
  return pdf.save();
}
