/**
 * codemirror-json-schema's index.d.ts re-exports `./features/state` without a file extension, which TypeScript's
 * NodeNext resolution does not follow: the function exists at run time but not in the types. Declared here.
 */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { EditorView, Tooltip } from '@codemirror/view';
import type { JSONSchema7 } from 'json-schema';

declare module 'codemirror-json-schema' {
  export function stateExtensions(schema?: JSONSchema7): Extension[];
}

declare module 'codemirror-json-schema/yaml' {
  export function yamlCompletion(): (context: CompletionContext) => CompletionResult | never[];
  export function yamlSchemaHover(): (view: EditorView, pos: number, side: -1 | 1) => Promise<Tooltip | null>;
}
