/**
 * Resizable and collapsible panes. Drag the handle on a pane's edge to size it (the file list,
 * the editor and the export panel; the preview takes the rest); the button in a pane's corner
 * folds it to a strip and back. Sizes and folds are kept in localStorage for the next visit.
 * In narrow windows (the export panel below the rest) the export panel folds to its heading.
 */
import { h } from './dom.js';

interface PaneSpec {
  /** Element id of the pane. */
  id: string;
  /** CSS variable of its grid column on #app. */
  variable: string;
  label: string;
  /** Which edge the drag handle sits on. */
  edge: 'right' | 'left';
  min: number;
  max: number;
}

const PANES: PaneSpec[] = [
  { id: 'files', variable: '--files-w', label: 'file list', edge: 'right', min: 140, max: 480 },
  { id: 'editor-pane', variable: '--editor-w', label: 'editor', edge: 'right', min: 240, max: 1200 },
  { id: 'export-pane', variable: '--export-w', label: 'export panel', edge: 'left', min: 220, max: 640 },
];
const STORE = 'roadsynth.studio.panes';

interface Saved {
  widths: Record<string, number>;
  folded: string[];
}

function load(): Saved {
  try {
    const s = JSON.parse(localStorage.getItem(STORE) ?? '') as Saved;
    if (s && typeof s.widths === 'object' && Array.isArray(s.folded)) return s;
  } catch {
    // nothing kept yet
  }
  return { widths: {}, folded: [] };
}

export class Panes {
  private readonly saved = load();
  private readonly handles = new Map<string, HTMLElement>();

  constructor(private readonly app: HTMLElement) {
    for (const p of PANES) {
      const pane = document.getElementById(p.id);
      if (!pane) continue;
      const width = this.saved.widths[p.id];
      if (width) app.style.setProperty(p.variable, `${width}px`);
      const fold = h(
        'button',
        {
          class: 'small pane-fold',
          'data-pane': p.id,
          title: `Fold the ${p.label} away (click again to bring it back)`,
          'aria-label': `fold ${p.label}`,
          onclick: () => this.toggle(p.id),
        },
        p.edge === 'right' ? '«' : '»',
      );
      pane.prepend(fold);
      const handle = h('div', { class: 'pane-handle', 'data-pane': p.id, title: `Drag to resize the ${p.label}; double-click for its default width`, role: 'separator' });
      handle.addEventListener('pointerdown', (e) => this.drag(p, pane, e));
      handle.addEventListener('dblclick', () => this.setWidth(p, null));
      app.append(handle);
      this.handles.set(p.id, handle);
      if (this.saved.folded.includes(p.id)) this.fold(p.id, true);
    }
    new ResizeObserver(() => this.place()).observe(app);
    for (const p of PANES) {
      const pane = document.getElementById(p.id);
      if (pane) new ResizeObserver(() => this.place()).observe(pane);
    }
    this.place();
  }

  /** Whether a pane is folded. */
  folded(id: string): boolean {
    return this.app.classList.contains(`fold-${id}`);
  }

  toggle(id: string): void {
    this.fold(id, !this.folded(id));
  }

  private fold(id: string, on: boolean): void {
    this.app.classList.toggle(`fold-${id}`, on);
    const button = document.querySelector<HTMLButtonElement>(`.pane-fold[data-pane="${id}"]`);
    const spec = PANES.find((p) => p.id === id)!;
    if (button) {
      button.textContent = on === (spec.edge === 'right') ? '»' : '«';
      button.title = on ? `Bring the ${spec.label} back` : `Fold the ${spec.label} away (click again to bring it back)`;
      button.setAttribute('aria-expanded', String(!on));
    }
    this.saved.folded = on ? [...new Set([...this.saved.folded, id])] : this.saved.folded.filter((f) => f !== id);
    this.store();
    this.place();
  }

  private setWidth(p: PaneSpec, px: number | null): void {
    if (px === null) {
      this.app.style.removeProperty(p.variable);
      delete this.saved.widths[p.id];
    } else {
      const w = Math.round(Math.max(p.min, Math.min(p.max, px)));
      this.app.style.setProperty(p.variable, `${w}px`);
      this.saved.widths[p.id] = w;
    }
    this.store();
    this.place();
  }

  private drag(p: PaneSpec, pane: HTMLElement, e: PointerEvent): void {
    if (this.folded(p.id)) return;
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startW = pane.getBoundingClientRect().width;
    document.body.classList.add('resizing');
    const move = (m: PointerEvent): void => this.setWidth(p, startW + (p.edge === 'right' ? 1 : -1) * (m.clientX - startX));
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      document.body.classList.remove('resizing');
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  }

  /** Puts each handle on its pane's edge (the handles lie over the grid, not in it). */
  private place(): void {
    const base = this.app.getBoundingClientRect();
    for (const p of PANES) {
      const pane = document.getElementById(p.id);
      const handle = this.handles.get(p.id);
      if (!pane || !handle) continue;
      const r = pane.getBoundingClientRect();
      // A pane below the others (narrow windows) has no side to drag.
      const beside = r.height > 0 && r.top - base.top < 4 && !this.folded(p.id);
      handle.hidden = !beside;
      if (!beside) continue;
      const x = p.edge === 'right' ? r.right : r.left;
      handle.style.left = `${x - base.left - 3}px`;
      handle.style.top = '0px';
      handle.style.height = `${r.height}px`;
    }
  }

  private store(): void {
    try {
      localStorage.setItem(STORE, JSON.stringify(this.saved));
    } catch {
      // storage full or blocked: sizes just are not kept
    }
  }
}
