/**
 * Stands in for codemirror-json-schema's JSON5 parser in the console build (scripts/build-console.mjs): the library's
 * parser table names it beside the YAML one, but the charter editor is YAML only, so json5 stays out of the bundle.
 */
export function parseJSON5DocumentState(): never {
  throw new Error('the charter editor reads YAML only');
}
