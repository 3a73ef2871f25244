/**
 * The scenario editor: CodeMirror 6 with YAML highlighting, completion from the grammar,
 * inline diagnostics from the host's validator (the same messages as `roadsynth validate`,
 * placed at their line and column), find and replace and go to line (@codemirror/search).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { gotoLine, highlightSelectionMatches, openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { darkHighlight } from './darkHighlight.js';
import { forceLinting, linter, lintGutter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, showPanel } from '@codemirror/view';
import type { ScenarioError } from '../../scenario/errors.js';
import { overrideEdit } from './overrideEdit.js';
import { scenarioCompletion } from './schemaCompletion.js';
import type { ParamValue } from '../../scenario/types.js';

/** Tooltips of the search and go-to-line panels' controls, by their name. */
const PANEL_TITLES: Record<string, string> = {
  search: 'Text to find (Enter: next match)',
  replace: 'Replace the match with this',
  case: 'Match upper and lower case exactly',
  re: 'Find a regular expression',
  word: 'Whole words only',
  next: 'Next match (F3)',
  prev: 'Previous match (Shift+F3)',
  select: 'Select every match',
  replaceAll: 'Replace every match',
  close: 'Close (Escape)',
  line: 'Line number (or +n, -n, n%, line:column)',
};

/** Gives every control of the editor's panels a tooltip (CodeMirror's have none). */
function titlePanels(view: EditorView): void {
  for (const el of view.dom.querySelectorAll<HTMLElement>('.cm-panels input, .cm-panels button')) {
    if (el.title) continue;
    const name = el.getAttribute('name') ?? '';
    el.title = PANEL_TITLES[name] ?? (name === '' && el.getAttribute('type') === 'submit' ? 'Go to the line' : el.getAttribute('aria-label') || el.textContent || name);
  }
}
export interface EditorCallbacks {
  /** Validates the text; returns the errors and their `roadsynth validate` lines. */
  validate(text: string): Promise<{ errors: ScenarioError[]; formatted: string[] }>;
  onChange(text: string): void;
  /** Called with each lint result (after the text settles). */
  onDiagnostics(errors: ScenarioError[], formatted: string[]): void;
  onSave(): void;
}

/** Document offsets of an error's place; an error past the end of a line marks the rest of it. */
export function errorRange(view: EditorView, e: ScenarioError): { from: number; to: number } {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(e.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(e.col - 1, 0), line.to);
  const wordEnd = /^[^\s,:}\]]*/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0;
  return { from, to: Math.max(from + wordEnd, Math.min(from + 1, line.to)) };
}

export class ScenarioEditor {
  readonly view: EditorView;
  private suppressChange = false;

  constructor(
    parent: HTMLElement,
    private readonly cb: EditorCallbacks,
  ) {
    this.view = new EditorView({ parent, state: EditorState.create({ doc: '', extensions: this.extensions() }) });
  }

  private extensions(): Extension[] {
    const lint = linter(
      async (view): Promise<Diagnostic[]> => {
        const text = view.state.doc.toString();
        const { errors, formatted } = await this.cb.validate(text);
        // The document may have changed while the host validated; CodeMirror drops stale results.
        this.cb.onDiagnostics(errors, formatted);
        return errors.map((e, i) => ({ ...errorRange(view, e), severity: 'error', message: formatted[i], source: 'roadsynth validate' }));
      },
      { delay: 300 },
    );
    return [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      syntaxHighlighting(darkHighlight),
      yaml(),
      autocompletion({ override: [scenarioCompletion], activateOnTyping: true }),
      search({ top: true }),
      highlightSelectionMatches(),
      lint,
      lintGutter(),
      EditorState.tabSize.of(2),
      keymap.of([
        {
          key: 'Mod-s',
          preventDefault: true,
          run: () => {
            this.cb.onSave();
            return true;
          },
        },
        // Go to line on Ctrl+G as most editors have it (CodeMirror's own: Ctrl+Alt+G; F3 finds next).
        { key: 'Mod-g', run: gotoLine, preventDefault: true },
        { key: 'Mod-h', run: openSearchPanel, preventDefault: true },
        ...searchKeymap,
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...historyKeymap,
        ...completionKeymap,
        ...lintKeymap,
        indentWithTab,
      ]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged && !this.suppressChange) this.cb.onChange(u.state.doc.toString());
        // Panels (find, go to line) get their tooltips when one opens, not on every keystroke.
        if (u.startState.facet(showPanel) !== u.state.facet(showPanel)) titlePanels(u.view);
      }),
    ];
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the document (a newly opened file): new undo history, lint at once. */
  load(text: string): void {
    this.suppressChange = true;
    this.view.setState(EditorState.create({ doc: text, extensions: this.extensions() }));
    this.suppressChange = false;
    forceLinting(this.view);
  }

  /** Opens the find and replace panel. */
  find(): void {
    openSearchPanel(this.view);
  }

  /** Opens the go-to-line dialog. */
  askLine(): void {
    gotoLine(this.view);
  }

  /**
   * Writes `value` into the text at `pointer` in place of what is there (an undoable edit);
   * returns the line written, or why it could not be.
   */
  writeValue(pointer: string, value: ParamValue): { line: number } | string {
    const edit = overrideEdit(this.text, pointer, value);
    if (typeof edit === 'string') return edit;
    this.view.dispatch({ changes: edit, selection: { anchor: edit.from + edit.insert.length }, scrollIntoView: true, userEvent: 'input.override' });
    return { line: this.view.state.doc.lineAt(edit.from).number };
  }

  /** Moves the cursor to a 1-based line and shows it. */
  goToLine(line: number, col = 1): void {
    const doc = this.view.state.doc;
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    const pos = Math.min(l.from + col - 1, l.to);
    this.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    this.view.focus();
  }
}
