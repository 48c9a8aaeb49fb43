/**
 * Stands in for codemirror-json-schema's `utils/markdown` in the console build (scripts/build-console.mjs): the
 * original loads markdown-it and the Shiki highlighter (hundreds of kB, WebAssembly the Content-Security-Policy does
 * not allow) to format schema descriptions. The charter's descriptions are plain sentences: escaped text is enough.
 */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function renderMarkdown(markdown: string): string {
  return markdown.replace(/[&<>"']/g, (ch) => escapes[ch] ?? ch);
}
