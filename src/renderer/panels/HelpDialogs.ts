/**
 * The studio's help: the keyboard shortcuts (opened with "?") and the scenario grammar
 * reference (docs/grammar.md, bundled into the page so it works offline and in the desktop
 * app), each in a modal dialog that Escape closes.
 */
import grammar from '../../../docs/grammar.md?raw';
import { h } from '../dom.js';
import { renderMarkdown } from './markdown.js';

/** What the shortcut list shows: keys and what they do, in groups. */
export const SHORTCUTS: readonly [string, readonly [string, string][]][] = [
  [
    'Anywhere',
    [
      ['?', 'this list'],
      ['Ctrl+S', 'save the file'],
      ['Space', 'play / pause'],
      [', and .', 'one frame back / forward'],
      ['L', 'loop on / off'],
      ['R', 'reset the orbit view'],
      ['Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y', 'undo / redo a parameter or perturbation change (outside the editor)'],
      ['Escape', 'close a dialog'],
    ],
  ],
  [
    'Editor',
    [
      ['Ctrl+F', 'find'],
      ['Ctrl+H', 'find and replace'],
      ['F3, Shift+F3', 'next / previous match'],
      ['Ctrl+G', 'go to line'],
      ['Ctrl+Space', 'complete (keys and values from the grammar)'],
      ['Ctrl+Z, Ctrl+Shift+Z', 'undo / redo an edit'],
      ['Ctrl+D', 'select the next occurrence'],
      ['Tab, Shift+Tab', 'indent / dedent'],
    ],
  ],
  [
    'Viewport (orbit view)',
    [
      ['drag', 'orbit'],
      ['right drag or Shift+drag', 'pan'],
      ['wheel', 'zoom'],
    ],
  ],
];

function dialog(id: string, title: string, ...body: HTMLElement[]): HTMLDialogElement {
  const close = h('button', { class: 'small dialog-close', title: 'Close (Escape)', onclick: () => d.close() }, 'close');
  const d = h('dialog', { id, class: 'help-dialog', 'aria-label': title }, h('div', { class: 'dialog-head' }, h('h2', {}, title), close), ...body);
  // A click on the backdrop (outside the dialog's box) closes it too.
  d.addEventListener('click', (e) => {
    if (e.target === d) {
      const r = d.getBoundingClientRect();
      const me = e as MouseEvent;
      if (me.clientX < r.left || me.clientX > r.right || me.clientY < r.top || me.clientY > r.bottom) d.close();
    }
  });
  document.body.append(d);
  return d;
}

export class HelpDialogs {
  private readonly shortcuts: HTMLDialogElement;
  private grammarDialog: HTMLDialogElement | null = null;

  constructor() {
    const groups = SHORTCUTS.map(([group, keys]) =>
      h('section', {}, h('h3', {}, group), h('table', { class: 'shortcut-table' }, ...keys.map(([k, what]) => h('tr', {}, h('td', {}, h('kbd', {}, k)), h('td', {}, what))))),
    );
    this.shortcuts = dialog('shortcuts', 'Keyboard shortcuts', h('div', { class: 'shortcut-groups' }, ...groups));
  }

  showShortcuts(): void {
    if (!this.shortcuts.open) this.shortcuts.showModal();
  }

  /** Opens the grammar reference. */
  showGrammar(): void {
    if (!this.grammarDialog) {
      const body = h('div', { class: 'grammar-body', id: 'grammar-body' });
      const go = (id: string): void => body.querySelector(`[data-anchor="${CSS.escape(id)}"]:not(a)`)?.scrollIntoView({ block: 'start' });
      body.append(...renderMarkdown(grammar, go));
      this.grammarDialog = dialog('grammar', 'Scenario grammar (docs/grammar.md)', body);
      this.grammarDialog.classList.add('grammar-dialog');
    }
    if (!this.grammarDialog.open) this.grammarDialog.showModal();
  }

  /** Whether a help dialog is open (keys then belong to it). */
  get open(): boolean {
    return this.shortcuts.open || this.grammarDialog?.open === true;
  }
}
