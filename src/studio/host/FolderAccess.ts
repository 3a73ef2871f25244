/**
 * The folders the user opened, and the only gate through which the studio touches files.
 * Every path is resolved to its real path (symlinks followed) and refused unless it lies inside
 * an opened folder of the right purpose, so `..`, absolute paths and links out are all caught.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { StudioRoot } from '../api.js';
import { StudioApiError } from './StudioApiError.js';

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export class FolderAccess {
  private readonly list: StudioRoot[] = [];

  /** Opens a folder (created when it is an output folder that does not exist yet). */
  open(folder: string, purpose: StudioRoot['purpose']): StudioRoot {
    const abs = path.resolve(folder);
    if (!existsSync(abs)) {
      if (purpose !== 'output') throw new StudioApiError(`${abs}: no such folder; give an existing scenario folder`, 404);
      mkdirSync(abs, { recursive: true });
    }
    const real = realpathSync(abs);
    const found = this.list.find((r) => r.path === real && r.purpose === purpose);
    if (found) return found;
    const root: StudioRoot = { path: real, purpose };
    this.list.push(root);
    return root;
  }

  roots(): StudioRoot[] {
    return this.list.map((r) => ({ ...r }));
  }

  /** The opened root a real path lies in, or undefined. */
  private rootOf(real: string, purposes: readonly StudioRoot['purpose'][]): StudioRoot | undefined {
    return this.list.find((r) => purposes.includes(r.purpose) && isInside(real, r.path));
  }

  /**
   * The real path of `p` if it lies inside an opened folder. A path that does not exist yet
   * (a file about to be written) is resolved through its nearest existing ancestor.
   */
  resolve(p: string, purposes: readonly StudioRoot['purpose'][] = ['scenarios', 'output']): string {
    if (!path.isAbsolute(p)) throw new StudioApiError(`${p}: expected an absolute path`, 400);
    if (p.includes('\0')) throw new StudioApiError('path contains a NUL character', 400);
    let existing = path.resolve(p);
    const rest: string[] = [];
    while (!existsSync(existing)) {
      const parent = path.dirname(existing);
      if (parent === existing) break;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
    const real = path.join(realpathSync(existing), ...rest);
    if (!this.rootOf(real, purposes)) {
      const opened = this.list.filter((r) => purposes.includes(r.purpose)).map((r) => r.path);
      throw new StudioApiError(`${p}: outside the opened folders (${opened.join(', ') || 'none'}); open its folder first`, 403);
    }
    return real;
  }

  /** The root a resolved path belongs to (for relative names). */
  rootFor(real: string): StudioRoot | undefined {
    return this.rootOf(real, ['scenarios', 'output']);
  }
}
