/**
 * `charter notice render` and `charter notice diff`: the privacy notice or cookie policy of a charter file in any
 * format, and what changed between two charter files, without a server or database (both are pure functions of the
 * charter). The server keeps the published versions; these are for previews, static sites and reviews in git.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatProblem } from '../charter/loader.js';
import { loadCharterFile } from '../charter/template-files.js';
import { languages, type Charter, type Language } from '../charter/schema.js';
import { exitCodes, stringOption, UsageError, type CliIo, type Command } from '../cli/command.js';
import { diffDocuments } from './diff.js';
import type { DocumentKind } from './document.js';
import { renderFragment, renderPage } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { defaultLanguageOf, siteView } from './site-view.js';
import { noticeStylesheet, themeStylesheet } from './styles.js';
import { builders } from './versions.js';

const formats = ['html', 'md', 'pdf', 'fragment', 'json'] as const;
const kinds: Record<string, DocumentKind> = { notice: 'privacy-notice', cookies: 'cookie-policy' };

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

async function load(io: CliIo, file: string): Promise<Charter | undefined> {
  const result = await loadCharterFile(resolve(io.cwd, file));
  if (result.ok) return result.charter;
  for (const problem of result.problems) io.err(formatProblem({ ...problem, file }));
  return undefined;
}

/** The site (default: the first) and language (default: the site's default) asked for, checked against the charter. */
function target(
  charter: Charter,
  site: string | undefined,
  language: string | undefined,
): { site: string; language: Language } {
  const siteId = site ?? charter.sites[0]?.id ?? '';
  if (!charter.sites.some((s) => s.id === siteId))
    throw new UsageError(`--site must be one of ${charter.sites.map((s) => s.id).join(', ')}`);
  const view = siteView(charter, siteId);
  const chosen = oneOf(language, languages, 'lang') ?? defaultLanguageOf(view);
  if (!view.languages.includes(chosen))
    throw new UsageError(`site "${siteId}" is not offered in ${chosen} (its languages: ${view.languages.join(', ')})`);
  return { site: siteId, language: chosen };
}

export const noticeRenderCommand: Command = {
  name: 'notice render',
  summary: 'Render the privacy notice or cookie policy of a charter file (HTML, Markdown, PDF, fragment or JSON)',
  usage:
    'notice render [file] [--site id] [--lang en|nl|fr|de] [--kind notice|cookies] [--format html|md|pdf|fragment|json] [--base-url URL] [--out file]',
  options: {
    site: { type: 'string' },
    lang: { type: 'string' },
    kind: { type: 'string' },
    format: { type: 'string' },
    'base-url': { type: 'string' },
    out: { type: 'string' },
  },
  help: [
    'Options:',
    '  --site        the site (default: the first in the charter)',
    "  --lang        the language (default: the site's default language)",
    '  --kind        notice (default) or cookies',
    '  --format      html (a standalone page), md, pdf, fragment (HTML to embed) or json (the structured document)',
    '  --base-url    where Charter is reached, for absolute links to the privacy center (e.g. https://privacy.example.be)',
    '  --out file    write to a file (required for pdf); otherwise print',
    '',
    'Example:',
    '  charter notice render examples/lumen-av/charter.yaml --lang en --format pdf --out notice.pdf',
  ].join('\n'),
  async run(args, io) {
    const format = oneOf(stringOption(args, 'format'), formats, 'format') ?? 'html';
    const kind = kinds[stringOption(args, 'kind') ?? 'notice'];
    if (!kind) throw new UsageError('--kind must be notice or cookies');
    const out = stringOption(args, 'out');
    if (format === 'pdf' && !out) throw new UsageError('a PDF needs --out file');
    const file = args.positionals[0] ?? io.env.CHARTER_FILE ?? 'charter.yaml';
    const charter = await load(io, file);
    if (!charter) return exitCodes.findings;
    const { site, language } = target(charter, stringOption(args, 'site'), stringOption(args, 'lang'));
    const document = builders[kind](charter, site, language);
    const baseUrl = stringOption(args, 'base-url')?.replace(/\/$/, '');
    const options = { baseUrl };
    let body: string | Uint8Array;
    switch (format) {
      case 'html': {
        // The page links its stylesheets (a strict CSP forbids inline styles): on the server when --base-url names it,
        // else written beside --out.
        const view = siteView(charter, site);
        const stylesheets = baseUrl
          ? [`${baseUrl}/assets/notice.css`, `${baseUrl}/privacy/${site}/notice/theme.css`]
          : ['notice.css', 'theme.css'];
        body = renderPage(document, { ...options, languages: [language], stylesheets });
        if (out && !baseUrl) {
          await writeFile(resolve(io.cwd, out, '..', 'notice.css'), noticeStylesheet);
          await writeFile(resolve(io.cwd, out, '..', 'theme.css'), themeStylesheet(view.site));
        }
        break;
      }
      case 'md':
        body = renderMarkdown(document, options);
        break;
      case 'fragment':
        body = renderFragment(document, options);
        break;
      case 'json':
        body = `${JSON.stringify(document, null, 2)}\n`;
        break;
      case 'pdf':
        body = await (await import('./render-pdf.js')).renderPdf(document, options);
        break;
    }
    if (out) {
      await writeFile(resolve(io.cwd, out), body);
      io.out(
        `${out}: ${format}, ${kind}, site ${site}, ${language}, ${body.length} ${typeof body === 'string' ? 'characters' : 'bytes'}`,
      );
    } else {
      io.out(typeof body === 'string' ? body.replace(/\n$/, '') : '');
    }
    return exitCodes.ok;
  },
};

export const noticeDiffCommand: Command = {
  name: 'notice diff',
  summary: 'What changes in the notice (or cookie policy) of a site between two charter files, in words',
  usage: 'notice diff <before> <after> [--site id] [--lang en|nl|fr|de] [--kind notice|cookies] [--json]',
  options: { site: { type: 'string' }, lang: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } },
  help: [
    'Exit code 1 when the notice changes, 0 when it does not (useful in a review of charter.yaml), 2 when the site is',
    'missing from the first file (a new site is not "no change").',
    '',
    'Example:',
    '  git show HEAD~1:charter.yaml > /tmp/before.yaml && charter notice diff /tmp/before.yaml charter.yaml --lang nl',
  ].join('\n'),
  async run(args, io) {
    const [beforeFile, afterFile] = args.positionals;
    if (!beforeFile || !afterFile) throw new UsageError('give two charter files: notice diff <before> <after>');
    const kind = kinds[stringOption(args, 'kind') ?? 'notice'];
    if (!kind) throw new UsageError('--kind must be notice or cookies');
    const before = await load(io, beforeFile);
    const after = await load(io, afterFile);
    if (!before || !after) return exitCodes.findings;
    const { site, language } = target(after, stringOption(args, 'site'), stringOption(args, 'lang'));
    // A site the first file lacks is not "no change": the comparison would be empty, and exit 0 would say it is fine.
    if (!before.sites.some((s) => s.id === site)) {
      io.err(
        `charter notice diff: site "${site}" is not in ${beforeFile} (its sites: ${before.sites.map((s) => s.id).join(', ')}); the whole notice of that site is new`,
      );
      return exitCodes.usage;
    }
    const changes = diffDocuments(kind, before, after, site, language);
    if (args.values.json) io.out(JSON.stringify({ site, language, kind, changes }, null, 2));
    else if (changes.length === 0)
      io.out(
        `no change to the ${kind === 'privacy-notice' ? 'notice' : 'cookie policy'} of site ${site} (${language})`,
      );
    else for (const change of changes) io.out(`- ${change.text}`);
    return changes.length ? exitCodes.findings : exitCodes.ok;
  },
};

export const noticeCommands: Command[] = [noticeRenderCommand, noticeDiffCommand];
