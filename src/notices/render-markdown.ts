/**
 * The notice as Markdown (CommonMark with GitHub tables), for organisations that publish through a static site
 * generator or keep their statement in git. Links are absolute so the text works wherever it is pasted.
 */
import type { Language } from '../charter/schema.js';
import type { Block, LeafBlock, NoticeDocument, Paragraph } from './document.js';
import { shownDate } from './document.js';
import { dateInWords } from './phrasing.js';
import { absolute, type RenderOptions } from './render-html.js';
import { noticeTexts } from './texts/index.js';
import { labelColon } from './typography.js';

/** Escapes the characters Markdown would otherwise interpret inside running text. */
function escapeMarkdown(value: string): string {
  return value.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function inline(paragraph: Paragraph, options: RenderOptions): string {
  return paragraph
    .map((run) => {
      const shown = run.url && run.href ? absolute(run.text, options.baseUrl) : run.text;
      let out = escapeMarkdown(shown);
      if (run.strong) out = `**${out}**`;
      if (run.href) out = `[${out}](<${absolute(run.href, options.baseUrl)}>)`;
      return out;
    })
    .join('')
    .replace(/\s*\n\s*/g, ' ');
}

function leaf(block: LeafBlock, options: RenderOptions, language: Language): string {
  switch (block.type) {
    case 'paragraph':
      return inline(block.content, options);
    case 'list':
      return block.items.map((item) => `- ${inline(item, options)}`).join('\n');
    case 'address':
      // Two trailing spaces make a hard line break.
      return block.lines.map((line) => inline(line, options)).join('  \n');
    case 'definitions':
      return block.items
        .map(
          (item) =>
            `- ${labelColon(`**${escapeMarkdown(item.term)}**`, language)}${item.paragraphs.map((p) => inline(p, options)).join(' ')}`,
        )
        .join('\n');
    case 'table': {
      const header = `| ${block.columns.map(escapeMarkdown).join(' | ')} |`;
      const rule = `| ${block.columns.map(() => '---').join(' | ')} |`;
      const rows = block.rows.map((row) => `| ${row.map((cell) => inline(cell, options)).join(' | ')} |`);
      return [`*${escapeMarkdown(block.caption)}*`, '', header, rule, ...rows].join('\n');
    }
    case 'consent-button':
      return inline(block.fallback, options);
  }
}

function block(value: Block, options: RenderOptions, language: Language): string {
  if (value.type !== 'subsection') return leaf(value, options, language);
  return [`### ${escapeMarkdown(value.heading)}`, ...value.blocks.map((b) => leaf(b, options, language))].join('\n\n');
}

/** Renders a notice or cookie policy as Markdown. */
export function renderMarkdown(document: NoticeDocument, options: RenderOptions = {}): string {
  const t = noticeTexts[document.language];
  const date = shownDate(document, options.version);
  const stamp = [
    options.version ? `${t.labels.version} ${options.version.version}` : undefined,
    date ? `${t.labels.lastUpdated}: ${dateInWords(date, document.language)}` : undefined,
  ].filter(Boolean);
  const parts = [
    `# ${escapeMarkdown(document.title)}`,
    ...(stamp.length ? [`*${stamp.join(' · ')}*`] : []),
    ...document.intro.map((p) => inline(p, options)),
    ...document.sections.flatMap((section) => [
      `## ${escapeMarkdown(section.heading)}`,
      ...section.blocks.map((b) => block(b, options, document.language)),
    ]),
  ];
  return `${parts.join('\n\n')}\n`;
}
