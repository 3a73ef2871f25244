/**
 * The opened folder's scenario files, and "new from template". The current file is marked;
 * a dot shows unsaved changes.
 */
import type { FileEntry, StudioRoot } from '../../studio/api.js';
import { h } from '../dom.js';

export interface FileListEvents {
  open(file: FileEntry): void;
  create(name: string): void;
  openFolder(): void;
}

export class FileList {
  private readonly list = h('ul', { class: 'file-list', id: 'file-list' });
  private readonly title = h('div', { class: 'folder', id: 'folder-name' });
  private files: FileEntry[] = [];
  private current: string | null = null;
  private dirty = false;

  constructor(
    parent: HTMLElement,
    private readonly ev: FileListEvents,
  ) {
    const name = h('input', {
      id: 'new-name',
      type: 'text',
      placeholder: 'new-scenario',
      'aria-label': 'new file name',
      spellcheck: false,
      title: 'Name of a new scenario file (made from the template; Enter or New)',
    });
    const create = h('button', { id: 'new-file', title: 'New scenario from the template' }, 'New');
    const go = (): void => {
      const n = name.value.trim();
      if (n) this.ev.create(n);
      name.value = '';
    };
    create.addEventListener('click', go);
    name.addEventListener('keydown', (e) => e.key === 'Enter' && go());
    const openFolder = h('button', { class: 'small', id: 'open-folder', title: 'Open another scenario folder', onclick: () => this.ev.openFolder() }, 'Open folder…');
    parent.append(h('h3', {}, 'Scenarios'), this.title, openFolder, this.list, h('div', { class: 'new-row' }, name, create));
  }

  show(root: StudioRoot, files: FileEntry[]): void {
    this.title.textContent = root.path;
    this.title.title = root.path;
    this.files = files;
    this.render();
  }

  mark(path: string | null, dirty: boolean): void {
    this.current = path;
    this.dirty = dirty;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.files.map((f) =>
        h(
          'li',
          {},
          h(
            'button',
            { class: `file${f.path === this.current ? ' active' : ''}`, 'data-name': f.name, title: f.path, onclick: () => this.ev.open(f) },
            f.name,
            f.path === this.current && this.dirty ? h('span', { class: 'dirty', title: 'unsaved changes' }, ' ●') : null,
          ),
        ),
      ),
    );
  }
}
