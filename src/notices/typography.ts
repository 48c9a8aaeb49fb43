/**
 * One typographic rule per language over a whole document, so that the notice reads as one text whether a sentence
 * comes from Charter's language files, a catalog or the organisation's own charter. Without it a French notice mixed
 * "responsables du traitement : la" (ordinary space, which a line may break at) with "l’exige\u00a0:" and straight
 * apostrophes from the charter with typographic ones from Charter.
 *
 * French: a no-break space before « : ; ? ! » and inside « guillemets », curly apostrophes, « » for quotations.
 * Dutch: curly apostrophes (“foto’s”) and curly double quotes. Links, addresses shown as text (`url`) and runs in
 * another language than the document's are left exactly as written.
 */
import type { Language } from '../charter/schema.js';
import type { Block, Inline, LeafBlock, NoticeDocument, Paragraph } from './document.js';

const nbsp = '\u00a0';
const letter = '[A-Za-zÀ-ÖØ-öø-ÿ]';
const apostrophe = new RegExp(`(${letter})'(${letter})`, 'g');

function french(value: string): string {
  return (
    value
      .replace(apostrophe, '$1’$2')
      // Quotations: “…” and "…" become « … ».
      .replace(/[“"]\s*([^”"]*?)\s*[”"]/g, `«${nbsp}$1${nbsp}»`)
      .replace(/«[ \u00a0\u202f]*/g, `«${nbsp}`)
      .replace(/[ \u00a0\u202f]*»/g, `${nbsp}»`)
      // An ordinary or missing space before high punctuation becomes a no-break space; "https://" and "10:30" have
      // no space after the colon, so they stay as they are.
      .replace(/[ \u202f]+([:;?!])/g, `${nbsp}$1`)
      .replace(/([^\s\u00a0:;?!])([;?!])(?=\s|$)/g, `$1${nbsp}$2`)
      .replace(/([^\s\u00a0:;?!/])(:)(?=\s|$)/g, `$1${nbsp}$2`)
  );
}

function dutch(value: string): string {
  return value.replace(apostrophe, '$1’$2').replace(/"([^"]*)"/g, '“$1”');
}

/** The text in the typography of `language`; English and German are returned as written. */
export function typeset(value: string, language: Language): string {
  if (language === 'fr') return french(value);
  if (language === 'nl') return dutch(value);
  return value;
}

function inline(run: Inline, language: Language): Inline {
  if (run.href || run.url || (run.lang && run.lang !== language)) return run;
  const value = typeset(run.text, language);
  return value === run.text ? run : { ...run, text: value };
}

function paragraph(runs: Paragraph, language: Language): Paragraph {
  return runs.map((run) => inline(run, language));
}

function leaf(block: LeafBlock, language: Language): LeafBlock {
  switch (block.type) {
    case 'paragraph':
      return { ...block, content: paragraph(block.content, language) };
    case 'list':
      return { ...block, items: block.items.map((p) => paragraph(p, language)) };
    case 'table':
      return {
        ...block,
        caption: typeset(block.caption, language),
        columns: block.columns.map((c) => typeset(c, language)),
        rows: block.rows.map((row) => row.map((cell) => paragraph(cell, language))),
      };
    case 'definitions':
      return {
        ...block,
        items: block.items.map((item) => ({
          ...item,
          term: typeset(item.term, language),
          paragraphs: item.paragraphs.map((p) => paragraph(p, language)),
        })),
      };
    case 'address':
      return { ...block, lines: block.lines.map((p) => paragraph(p, language)) };
    case 'consent-button':
      return { ...block, label: typeset(block.label, language), fallback: paragraph(block.fallback, language) };
  }
}

function block(value: Block, language: Language): Block {
  if (value.type !== 'subsection') return leaf(value, language);
  return { ...value, heading: typeset(value.heading, language), blocks: value.blocks.map((b) => leaf(b, language)) };
}

/** The document with every text it shows set in the typography of its language. */
export function typesetDocument(document: NoticeDocument): NoticeDocument {
  const language = document.language;
  return {
    ...document,
    title: typeset(document.title, language),
    intro: document.intro.map((p) => paragraph(p, language)),
    sections: document.sections.map((section) => ({
      ...section,
      heading: typeset(section.heading, language),
      blocks: section.blocks.map((b) => block(b, language)),
    })),
  };
}

/** "Term: " with the colon spacing of the language, for renderers that print a definition on one line. */
export function labelColon(label: string, language: Language): string {
  return language === 'fr' ? `${label}${nbsp}: ` : `${label}: `;
}
