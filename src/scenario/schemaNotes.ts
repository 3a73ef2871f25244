/**
 * What JSON Schema cannot say about the instance a schema node becomes once sampled and
 * completed: the name of its TypeScript type, a default computed from other values, parts that
 * exist only in the file. `schema.ts` writes these notes; `defaults.ts` (the filler) and the
 * generators in `codegen/` read them.
 *
 * A note sits under a symbol key, so `JSON.stringify`, ajv and editors never see it, and a
 * shallow copy of a node (`{ ...node }`) keeps it.
 */

export const NOTE: unique symbol = Symbol('instance note');

/** A JSON Schema object, perhaps with a note. */
export type SchemaNode = { [keyword: string]: unknown; [NOTE]?: InstanceNote };

export interface InstanceNote {
  /** Exported name of the node's instance type in types.generated.ts. */
  typeName?: string;
  /**
   * A default computed from other values by a rule of `defaults.ts`; the text says how, for
   * docs/grammar.md and the doc comments of the generated types.
   */
  derived?: string;
  /** With `derived`: the rule may leave the key out (an optional field of the instance type). */
  mayBeAbsent?: boolean;
  /** Only in the file (free text, sampling settings): the instance has no such key. */
  fileOnly?: boolean;
  /** Taken into the instance as written: no defaults inside (behaviour parameters keep the simulator's). */
  asWritten?: boolean;
  /** A form that sampling replaces by a value (a choice among values): no part of the instance type. */
  sampled?: boolean;
  /** TypeScript type of the instance value, where the schema's types do not give it. */
  tsType?: string;
  /** Keys only the instance has, computed by a rule, each placed after the key `after`. */
  instanceOnly?: { key: string; after: string; typeName: string; description: string }[];
}

export function noteOf(node: SchemaNode): InstanceNote {
  return node[NOTE] ?? {};
}

/** Adds `n` to the note of `node` (in place) and returns the node. */
export function note<T extends SchemaNode>(node: T, n: InstanceNote): T {
  node[NOTE] = { ...noteOf(node), ...n };
  return node;
}

/** Value lists with a type name: the generated types call `enum: ACTOR_KINDS` an `ActorKind`. */
export const ENUM_TYPE_NAMES = new Map<readonly string[], string>();

/** Declares a value list whose instance type is exported as `typeName`. */
export function valueList<const T extends readonly string[]>(typeName: string, values: T): T {
  ENUM_TYPE_NAMES.set(values, typeName);
  return values;
}

/** Branches of an anyOf that can stand in an instance: not a distribution, a reference or a choice, which sampling resolves. */
export function instanceBranches(node: SchemaNode): SchemaNode[] {
  return (node.anyOf as SchemaNode[]).filter((b) => b.$ref !== '#/$defs/distribution' && b.$ref !== '#/$defs/reference' && !noteOf(b).sampled);
}
