/**
 * The notice as a structured document: what the privacy notice and the cookie policy say, before any format. Every
 * section names the GDPR items it satisfies (`13(1)(a)`, `14(2)(f)`, `8`…), so tests and reviewers can check the
 * notice by its structure, and the HTML, Markdown, fragment and PDF renderings all carry the same content.
 *
 * One zod source: the JSON API returns these documents and the OpenAPI document describes them from here.
 */
import { z } from 'zod';
import { canonicalJson, sha256 } from '../charter/revision.js';
import { languageSchema } from '../charter/schema.js';

/** A run of text; `href` makes it a link, `lang` marks text shown in another language than the notice's. */
export const inlineSchema = z.object({
  text: z.string(),
  href: z.string().optional(),
  lang: z.string().optional(),
  strong: z.boolean().optional(),
  /** The text is the link's own address (site-relative); renderers show it as an absolute URL. */
  url: z.boolean().optional(),
});
export type Inline = z.infer<typeof inlineSchema>;

/** A paragraph: inline runs joined without separators (runs carry their own spaces). */
export const paragraphSchema = z.array(inlineSchema);
export type Paragraph = z.infer<typeof paragraphSchema>;

/** GDPR provisions an element satisfies, written as in the Regulation: `13(1)(a)`, `14(2)(f)`, `8`, `21(4)`. */
export const gdprItemsSchema = z.array(z.string());

export const definitionSchema = z.object({
  term: z.string(),
  gdpr: gdprItemsSchema,
  paragraphs: z.array(paragraphSchema),
});
export type Definition = z.infer<typeof definitionSchema>;

export const leafBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: paragraphSchema }),
  z.object({ type: z.literal('list'), items: z.array(paragraphSchema) }),
  z.object({
    type: z.literal('table'),
    caption: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(paragraphSchema)),
  }),
  z.object({ type: z.literal('definitions'), items: z.array(definitionSchema) }),
  z.object({ type: z.literal('address'), lines: z.array(paragraphSchema) }),
  /** A control that reopens the consent banner; formats without controls print `fallback` instead. */
  z.object({ type: z.literal('consent-button'), label: z.string(), fallback: paragraphSchema }),
]);
export type LeafBlock = z.infer<typeof leafBlockSchema>;

export const subsectionSchema = z.object({
  type: z.literal('subsection'),
  id: z.string(),
  heading: z.string(),
  gdpr: gdprItemsSchema,
  blocks: z.array(leafBlockSchema),
});
export type Subsection = z.infer<typeof subsectionSchema>;

export const blockSchema = z.union([leafBlockSchema, subsectionSchema]);
export type Block = z.infer<typeof blockSchema>;

export const sectionSchema = z.object({
  id: z.string(),
  heading: z.string(),
  gdpr: gdprItemsSchema,
  blocks: z.array(blockSchema),
});
export type NoticeSection = z.infer<typeof sectionSchema>;

export const documentKinds = ['privacy-notice', 'cookie-policy'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const noticeDocumentSchema = z.object({
  kind: z.enum(documentKinds),
  language: languageSchema,
  site: z.object({ id: z.string(), name: z.string(), domain: z.string() }),
  organisation: z.string(),
  title: z.string(),
  intro: z.array(paragraphSchema),
  sections: z.array(sectionSchema),
  /** The date the charter declares (`lastUpdated`); shown as "last updated" wherever it is given. Not hashed. */
  lastUpdated: z.string().optional(),
});
export type NoticeDocument = z.infer<typeof noticeDocumentSchema>;

/** What a reader sees of a published version: its number and date. */
export interface VersionStamp {
  version: number;
  /** ISO date (YYYY-MM-DD) of publication. */
  date: string;
}

/**
 * The one rule for "last updated", in every format and on every route: the charter's `lastUpdated` when it declares
 * one, else the date of the published version (the revision it was published from), else nothing.
 */
export function shownDate(document: NoticeDocument, version: VersionStamp | undefined): string | undefined {
  return document.lastUpdated ?? version?.date;
}

/**
 * The hash that decides whether a charter revision changed a notice: over everything a reader sees except the
 * "last updated" date, so bumping only that date does not make a new version.
 */
export function documentHash(document: NoticeDocument): string {
  const { lastUpdated: _lastUpdated, ...content } = document;
  return sha256(canonicalJson(content));
}

/** Plain text of a paragraph (for tests, diffs and text-only formats). */
export function plainText(paragraph: Paragraph): string {
  return paragraph.map((run) => run.text).join('');
}

/** Every inline run of a block tree, in reading order (for checks and text-only views over a whole document). */
export function blockRuns(blocks: readonly Block[]): Inline[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'paragraph':
        return block.content;
      case 'list':
        return block.items.flat();
      case 'address':
        return block.lines.flat();
      case 'table':
        return block.rows.flat(2);
      case 'definitions':
        return block.items.flatMap((item) => item.paragraphs.flat());
      case 'consent-button':
        return block.fallback;
      case 'subsection':
        return blockRuns(block.blocks);
    }
  });
}

/** Shorthand for a paragraph of one plain run. */
export function text(value: string): Paragraph {
  return [{ text: value }];
}
