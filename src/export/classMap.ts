/**
 * Class maps: roadsynth's label classes renamed, merged or dropped into a team's own taxonomy,
 * for every writer at once. A map is an object from LabelClass to a class name, or null to drop
 * the class (its objects are written nowhere). Classes a map does not name keep their defaults:
 * their own name in COCO and YOLO, and KITTI's type (kitti.ts) in KITTI.
 *
 *   # class-map.yaml
 *   Bus: Truck          # merged into Truck everywhere
 *   Motorcycle: Cyclist
 *   Animal: null        # dropped
 *
 * COCO category ids and YOLO indices count the output names in LABEL_CLASSES order of their
 * first source class, so the default map writes exactly what roadsynth wrote before maps.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { closest } from 'fastest-levenshtein';
import { LABEL_CLASSES } from '../render/types.js';
import type { LabelClass, ObjectLabel } from '../render/types.js';
import type { ActorInstance } from '../scenario/types.js';
import { defaultKittiType, kittiType } from './kitti.js';

export type ClassMapSpec = Partial<Record<LabelClass, string | null>>;

/** A class map file or value is unusable; the message names the file, the place and the fix. */
export class ClassMapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClassMapError';
  }
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Checks a class map value; `where(key)` says where a key sits (file:line:col) for messages.
 * @throws ClassMapError naming every problem
 */
export function checkClassMap(value: unknown, where: (key: string | null) => string): ClassMapSpec {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ClassMapError(`${where(null)}: a class map is a mapping from roadsynth classes (${LABEL_CLASSES.join(', ')}) to a class name or null`);
  }
  const problems: string[] = [];
  const out: ClassMapSpec = {};
  for (const [key, target] of Object.entries(value as Record<string, unknown>)) {
    if (!(LABEL_CLASSES as readonly string[]).includes(key)) {
      problems.push(`${where(key)}: "${key}" is not a roadsynth class (did you mean ${closest(key, [...LABEL_CLASSES])}?); classes: ${LABEL_CLASSES.join(', ')}`);
    } else if (target !== null && (typeof target !== 'string' || !NAME.test(target))) {
      problems.push(
        `${where(key)}: ${key} maps to ${JSON.stringify(target)}; give a class name of letters, digits and _ (no spaces, as KITTI and YOLO need), or null to drop the class`,
      );
    } else {
      out[key as LabelClass] = target;
    }
  }
  if (problems.length > 0) throw new ClassMapError(problems.join('\n'));
  return out;
}

/** Reads a class map file (YAML or JSON). */
export function readClassMapFile(file: string): ClassMapSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ClassMapError(`${file}: cannot read the class map (${(err as Error).message})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = lines.linePos(e.pos[0]);
    throw new ClassMapError(`${file}:${p.line}:${p.col}: ${e.message.split('\n')[0]}`);
  }
  const where = (key: string | null): string => {
    if (key === null) return `${file}:1:1`;
    const node = (doc.contents as { items?: { key: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items?.find((i) => i.key.value === key);
    const p = node?.key.range ? lines.linePos(node.key.range[0]) : { line: 1, col: 1 };
    return `${file}:${p.line}:${p.col} ${key}`;
  };
  return checkClassMap(doc.toJS(), where);
}

export class ClassMap {
  /** Output class names in id order (COCO id - 1, YOLO index). */
  readonly names: readonly string[];
  private readonly index = new Map<string, number>();

  constructor(readonly spec: ClassMapSpec = {}) {
    const names: string[] = [];
    for (const cls of LABEL_CLASSES) {
      const name = this.outputName(cls);
      if (name !== null && !this.index.has(name)) {
        this.index.set(name, names.length);
        names.push(name);
      }
    }
    this.names = names;
  }

  /** The name `cls` is written as in COCO and YOLO; null when the map drops it. */
  outputName(cls: LabelClass): string | null {
    return cls in this.spec ? (this.spec[cls] ?? null) : cls;
  }

  /** The objects the map keeps, in their order. */
  keep(objects: readonly ObjectLabel[]): ObjectLabel[] {
    return objects.filter((o) => this.outputName(o.cls) !== null);
  }

  /** 0-based index of a kept class's output name (YOLO class; COCO category id - 1). */
  indexOf(cls: LabelClass): number {
    const name = this.outputName(cls);
    const i = name === null ? undefined : this.index.get(name);
    if (i === undefined) throw new Error(`class map: ${cls} is dropped; drop its objects before writing`);
    return i;
  }

  /** First source class of each output name, in id order (for COCO supercategories). */
  sources(): LabelClass[] {
    return this.names.map((n) => LABEL_CLASSES.find((c) => this.outputName(c) === n)!);
  }

  /** KITTI type of a kept object: the mapped name where the map names its class, else KITTI's default (kittiType). */
  kittiType(obj: ObjectLabel, actor: ActorInstance | undefined): string {
    return obj.cls in this.spec ? this.outputName(obj.cls)! : kittiType(obj, actor);
  }

  /** For the dataset card: each class, what COCO and YOLO call it and what KITTI calls it ('dropped' when dropped). */
  rows(): [LabelClass, string, string][] {
    return LABEL_CLASSES.map((c) => {
      const name = this.outputName(c) ?? 'dropped';
      return [c, name, c in this.spec ? name : defaultKittiType(c)];
    });
  }
}
