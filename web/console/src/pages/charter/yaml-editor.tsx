/**
 * The charter's YAML editor (CodeMirror 6), loaded on demand so the rest of the console stays small: YAML syntax,
 * completion and hover from the charter's JSON Schema (codemirror-json-schema), and the server's problems and lint
 * findings shown at their lines. Tab indents; Escape then Tab leaves the editor (CodeMirror's convention, so the
 * keyboard is never trapped).
 *
 * The editor lives in a shadow root: CodeMirror writes its styles into a <style> element in a document's head, which
 * the console's Content-Security-Policy (style-src 'self', no inline styles) blocks, but into a constructed,
 * adopted stylesheet in a shadow root, which CSP allows. Its label and keyboard help are therefore given inside that
 * root too (ARIA references do not cross it).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import type { JSONSchema7 } from 'json-schema';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { parse } from 'yaml';

export interface EditorProblem {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface EditorHandle {
  /** Moves the cursor to a line (and column) and focuses the editor there. */
  goTo(line: number, column?: number): void;
  /** Replaces the whole text (after a publish or rollback). */
  setText(text: string): void;
}

export interface YamlEditorProps {
  initial: string;
  schema: JSONSchema7 | undefined;
  /** The editor's accessible name. */
  label: string;
  /** Read after the name by screen readers: how to use the keyboard in the editor. */
  help: string;
  problems: EditorProblem[];
  /** The new text and, when it parses as YAML, its value (for naming places in words). */
  onChange: (text: string, value: unknown) => void;
  handle: Ref<EditorHandle>;
}

/** The YAML's value, or undefined while it does not parse (the server reports why). */
export function parseQuietly(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** A problem's span: from its column to the end of its line, clamped to the text. */
function toDiagnostic(state: EditorState, problem: EditorProblem): Diagnostic {
  const line = state.doc.line(Math.min(Math.max(problem.line, 1), state.doc.lines));
  const from = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
  return { from, to: Math.max(line.to, from), severity: problem.severity, message: problem.message };
}

/** The console's look inside the shadow root (its stylesheet does not reach there): border, focus ring, fonts. */
const consoleTheme = EditorView.theme({
  '&': {
    border: '1px solid #767676',
    borderRadius: '4px',
    maxHeight: '70vh',
    fontSize: '0.95rem',
    backgroundColor: '#fff',
    color: '#1a1a1a',
  },
  '&.cm-focused': { outline: '3px solid #b45309', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f3f4f6', color: '#4a4a4a', borderRight: '1px solid #c4c4c4' },
  '.cm-help': {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export default function YamlEditor({ initial, schema, label, help, problems, onChange, handle }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    root.replaceChildren();
    const description = document.createElement('div');
    description.id = 'charter-editor-help';
    description.className = 'cm-help';
    description.textContent = help;
    const parent = document.createElement('div');
    root.append(description, parent);
    const created = new EditorView({
      root,
      parent,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          yaml(),
          yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
          autocompletion(),
          hoverTooltip(yamlSchemaHover()),
          stateExtensions(schema),
          lintGutter(),
          EditorView.lineWrapping,
          keymap.of([
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            ...completionKeymap,
            ...lintKeymap,
            indentWithTab,
          ]),
          consoleTheme,
          // tabindex: the text area is what a keyboard reaches in the scrolling region (axe: scrollable-region-focusable).
          EditorView.contentAttributes.of({
            'aria-label': label,
            'aria-describedby': 'charter-editor-help',
            tabindex: '0',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              const text = update.state.doc.toString();
              changed.current(text, parseQuietly(text));
            }
          }),
        ],
      }),
    });
    view.current = created;
    // The page learns the starting text's value too, and checks it as it would any edit.
    changed.current(initial, parseQuietly(initial));
    return () => {
      created.destroy();
      view.current = null;
    };
    // The editor is created once; later text comes through setText, problems through the effect below.
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    current.dispatch(
      setDiagnostics(
        current.state,
        problems.map((p) => toDiagnostic(current.state, p)),
      ),
    );
  }, [problems]);

  useImperativeHandle(handle, () => ({
    goTo(line, column = 1) {
      const current = view.current;
      if (!current) return;
      const target = current.state.doc.line(Math.min(Math.max(line, 1), current.state.doc.lines));
      const at = Math.min(target.from + Math.max(column - 1, 0), target.to);
      current.dispatch({
        selection: EditorSelection.cursor(at),
        effects: EditorView.scrollIntoView(at, { y: 'center' }),
      });
      current.focus();
    },
    setText(text) {
      const current = view.current;
      if (!current) return;
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: text } });
    },
  }));

  return <div ref={host} className="yaml-editor" />;
}
