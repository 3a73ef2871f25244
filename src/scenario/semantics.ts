/**
 * Checks a schema-valid scenario for what JSON Schema cannot express: references between
 * parts of the file (actor ids, block ids, parameters), expressions, literal lanes against the
 * lane layout, and literal distributions that cannot be sampled.
 */
import { DEFAULT_BACKWARD_LANES, DEFAULT_FORWARD_LANES, DEFAULT_JUNCTION_SIDE, DEFAULT_ROUNDABOUT_ARMS, defaultBlockId } from './defaults.js';
import { didYouMean, pointerSegment, type ScenarioError } from './errors.js';
import { parseExpression, variableUses } from './expression.js';
import type { Position } from './parse.js';
import type { ScenarioSpec, SpecNode } from './types.js';

export interface SourceLocator {
  locate(pointer: string, part?: 'key' | 'value'): Position;
  locateInString(pointer: string, index: number): Position;
}

type Obj = { [key: string]: SpecNode };

const isObj = (v: SpecNode | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: SpecNode | undefined): SpecNode[] => (Array.isArray(v) ? v : []);
const asObj = (v: SpecNode | undefined): Obj => (isObj(v) ? v : {});

/** Keys whose string values are names or ids, never `$param` / `=expr` references. */
const NAME_KEYS = new Set(['id', 'relativeTo', 'at', 'actor', 'road', 'do', '$schema']);
/** Keys of distributions whose strings are literal values. */
const LITERAL_KEYS = new Set(['choice', 'const']);

export function checkSemantics(spec: ScenarioSpec, source: SourceLocator, fileName: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const report = (pointer: string, message: string, hint?: string, at?: Position): void => {
    const p = at ?? source.locate(pointer);
    errors.push({ file: fileName, line: p.line, col: p.col, pointer, message, ...(hint ? { hint } : {}) });
  };
  const lineOf = (pointer: string): number => source.locate(pointer).line;

  const params = asObj(spec.parameters);
  const paramNames = Object.keys(params);

  checkParameterReferences(spec, paramNames, source, report);
  checkParameterCycles(params, report);
  checkRequirements(asArray(spec.requires), paramNames, source, report);
  checkDistributions(spec, '', report);

  const actorIds = checkActorIds(asArray(spec.actors), report, lineOf);
  checkPlacements(spec, actorIds, report);
  const blocks = checkBlocks(asArray(asObj(spec.road).blocks), report, lineOf);
  checkRoadReferences(spec, blocks, report);
  checkBehaviours(spec, actorIds, blocks, report);
  checkLanes(spec, report);
  checkFocus(spec, actorIds, blocks, report);
  return errors;
}

type Report = (pointer: string, message: string, hint?: string, at?: Position) => void;

// ---------------------------------------------------------------- parameters and expressions

function checkParameterReferences(spec: ScenarioSpec, paramNames: string[], source: SourceLocator, report: Report): void {
  const visit = (node: SpecNode, pointer: string, key: string): void => {
    if (typeof node === 'string') {
      if (NAME_KEYS.has(key)) return;
      if (node.startsWith('$') && /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(node)) {
        const name = node.slice(1);
        if (!paramNames.includes(name)) {
          report(pointer, `unknown parameter "$${name}"`, didYouMean(name, paramNames) ?? declareHint(paramNames));
        }
      } else if (node.startsWith('=')) {
        checkExpression(node.slice(1), 1, pointer, paramNames, source, report);
      }
      return;
    }
    if (Array.isArray(node))
      node.forEach((x, i) => {
        visit(x, `${pointer}/${i}`, key);
      });
    else if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (LITERAL_KEYS.has(k)) continue;
        visit(v, `${pointer}/${pointerSegment(k)}`, k);
      }
    }
  };
  for (const [k, v] of Object.entries(spec)) {
    // Free text and requirements (checked on their own) are not references.
    if (k === 'name' || k === 'description' || k === 'requires' || k === '$schema') continue;
    visit(v, `/${pointerSegment(k)}`, k);
  }
}

function declareHint(paramNames: string[]): string {
  return paramNames.length === 0 ? 'declare it under "parameters:"' : `declared parameters: ${paramNames.slice(0, 12).join(', ')}`;
}

/**
 * Parses an expression held in a string at `pointer`; `offset` is where the expression starts in
 * the string (1 after a leading "="), so columns point inside the string.
 */
function checkExpression(src: string, offset: number, pointer: string, paramNames: string[], source: SourceLocator, report: Report): void {
  const r = parseExpression(src);
  if (!r.ok) {
    report(pointer, `bad expression: ${r.message} (at character ${r.col + offset})`, undefined, source.locateInString(pointer, offset + r.col - 1));
    return;
  }
  for (const use of variableUses(r.expr)) {
    if (!paramNames.includes(use.name)) {
      report(
        pointer,
        `unknown parameter "${use.name}" in expression`,
        didYouMean(use.name, paramNames) ?? declareHint(paramNames),
        source.locateInString(pointer, offset + use.col - 1),
      );
    }
  }
}

function checkRequirements(requires: SpecNode[], paramNames: string[], source: SourceLocator, report: Report): void {
  requires.forEach((r, i) => {
    if (typeof r === 'string') checkExpression(r, 0, `/requires/${i}`, paramNames, source, report);
  });
}

/** Names a parameter's value refers to, directly or in an expression. */
function referencedNames(node: SpecNode): string[] {
  if (typeof node === 'string') {
    if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(node)) return [node.slice(1)];
    if (node.startsWith('=')) {
      const r = parseExpression(node.slice(1));
      return r.ok ? variableUses(r.expr).map((u) => u.name) : [];
    }
    return [];
  }
  if (Array.isArray(node)) return node.flatMap(referencedNames);
  if (isObj(node)) return Object.entries(node).flatMap(([k, v]) => (LITERAL_KEYS.has(k) ? [] : referencedNames(v)));
  return [];
}

function checkParameterCycles(params: Obj, report: Report): void {
  const deps = new Map(Object.entries(params).map(([k, v]) => [k, referencedNames(v).filter((n) => Object.hasOwn(params, n))]));
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      if (!reported.has(name)) {
        cycle.forEach((n) => {
          reported.add(n);
        });
        report(`/parameters/${pointerSegment(name)}`, `parameters refer to each other in a cycle: ${cycle.join(' -> ')}`);
      }
      return;
    }
    state.set(name, 'visiting');
    for (const d of deps.get(name) ?? []) visit(d, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of deps.keys()) visit(name, []);
}

// ---------------------------------------------------------------- distributions

function checkDistributions(node: SpecNode, pointer: string, report: Report): void {
  if (Array.isArray(node)) {
    node.forEach((x, i) => {
      checkDistributions(x, `${pointer}/${i}`, report);
    });
    return;
  }
  if (!isObj(node)) return;
  checkDistribution(node, pointer, report);
  for (const [k, v] of Object.entries(node)) checkDistributions(v, `${pointer}/${pointerSegment(k)}`, report);
}

function checkDistribution(d: Obj, pointer: string, report: Report): void {
  const pair = (v: SpecNode | undefined): [number, number] | undefined =>
    Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' ? [v[0], v[1]] : undefined;
  const u = pair(d.uniform);
  if (u && u[0] > u[1]) report(`${pointer}/uniform`, `uniform needs low <= high, got [${u[0]}, ${u[1]}]`, `write [${u[1]}, ${u[0]}]`);
  const n = pair(d.int);
  if (n && n[0] > n[1]) report(`${pointer}/int`, `int needs low <= high, got [${n[0]}, ${n[1]}]`, `write [${n[1]}, ${n[0]}]`);
  if (isObj(d.truncnormal)) {
    const { min, max, mean, sd } = d.truncnormal;
    if (typeof min === 'number' && typeof max === 'number') {
      if (min >= max) report(`${pointer}/truncnormal`, `truncnormal needs min < max, got min ${min} and max ${max}`);
      else if (typeof mean === 'number' && typeof sd === 'number' && sd === 0 && (mean < min || mean > max)) {
        report(`${pointer}/truncnormal`, `truncnormal with sd 0 has its mean ${mean} outside [${min}, ${max}]`);
      }
    }
  }
  if (Array.isArray(d.choice) && d.weights !== undefined) {
    const w = asArray(d.weights).filter((x): x is number => typeof x === 'number');
    if (w.length !== d.choice.length) {
      report(`${pointer}/weights`, `weights has ${w.length} entr${w.length === 1 ? 'y' : 'ies'} but choice has ${d.choice.length}`, 'give one weight per choice');
    } else if (w.reduce((a, b) => a + b, 0) <= 0) {
      report(`${pointer}/weights`, 'weights must not all be 0');
    }
  }
}

// ---------------------------------------------------------------- actors

function checkActorIds(actors: SpecNode[], report: Report, lineOf: (p: string) => number): Set<string> {
  const ids = new Map<string, string>();
  actors.forEach((a, i) => {
    const id = asObj(a).id;
    if (typeof id !== 'string') return;
    const pointer = `/actors/${i}/id`;
    if (id === 'ego') {
      report(pointer, 'the id "ego" is reserved for the ego vehicle', 'choose another id');
      return;
    }
    const first = ids.get(id);
    if (first !== undefined) report(pointer, `duplicate actor id "${id}": line ${lineOf(first)} already uses it`, 'actor ids must be unique');
    else ids.set(id, pointer);
  });
  return new Set(ids.keys());
}

/** `relativeTo` targets exist, and relative placements do not form a cycle. */
function checkPlacements(spec: ScenarioSpec, actorIds: Set<string>, report: Report): void {
  const known = [...actorIds, 'ego'];
  const relative = new Map<string, { target: string; pointer: string }>();
  const placeOf = (owner: string, place: SpecNode | undefined, pointer: string): void => {
    const target = asObj(place).relativeTo;
    if (typeof target !== 'string') return;
    if (!known.includes(target)) {
      report(`${pointer}/relativeTo`, `relativeTo names no actor: "${target}"`, didYouMean(target, known) ?? `known ids: ${known.slice(0, 12).join(', ')}`);
      return;
    }
    if (target === owner) {
      report(`${pointer}/relativeTo`, `"${owner}" is placed relative to itself`);
      return;
    }
    relative.set(owner, { target, pointer: `${pointer}/relativeTo` });
  };
  placeOf('ego', asObj(spec.ego).place, '/ego/place');
  asArray(spec.actors).forEach((a, i) => {
    const id = asObj(a).id;
    if (typeof id === 'string' && id !== 'ego') placeOf(id, asObj(a).place, `/actors/${i}/place`);
  });
  const reported = new Set<string>();
  for (const start of relative.keys()) {
    const path: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && !path.includes(cur)) {
      path.push(cur);
      cur = relative.get(cur)?.target;
    }
    if (cur === undefined || reported.has(cur)) continue;
    const cycle = [...path.slice(path.indexOf(cur)), cur];
    cycle.forEach((c) => {
      reported.add(c);
    });
    report(relative.get(cur)!.pointer, `relative placements form a cycle: ${cycle.join(' -> ')}`, 'place one of them on a lane');
  }
}

// ---------------------------------------------------------------- road blocks

interface BlockInfo {
  kind: string;
  pointer: string;
  block: Obj;
}

function checkBlocks(blocks: SpecNode[], report: Report, lineOf: (p: string) => number): Map<string, BlockInfo> {
  const byId = new Map<string, BlockInfo>();
  blocks.forEach((b, i) => {
    const block = asObj(b);
    const explicit = typeof block.id === 'string';
    const id = explicit ? (block.id as string) : defaultBlockId(i);
    const pointer = explicit ? `/road/blocks/${i}/id` : `/road/blocks/${i}`;
    const first = byId.get(id);
    if (first) {
      report(
        pointer,
        `duplicate block id "${id}": line ${lineOf(first.pointer)} already uses it`,
        explicit ? 'block ids must be unique' : `blocks without an id are named b<index>; rename the other block`,
      );
    } else byId.set(id, { kind: String(block.kind), pointer, block });
  });
  return byId;
}

/** Arms a junction or roundabout block offers, when its shape is written literally. */
function armsOf(info: BlockInfo): string[] | undefined {
  const b = info.block;
  if (info.kind === 'roundabout') {
    // Only a literal, schema-valid arm count (3..6) is trusted.
    const arms = b.arms === undefined ? DEFAULT_ROUNDABOUT_ARMS : typeof b.arms === 'number' && Number.isInteger(b.arms) && b.arms >= 3 && b.arms <= 6 ? b.arms : undefined;
    return arms === undefined ? undefined : Array.from({ length: arms }, (_, i) => String(i));
  }
  if (b.shape === 'four-way') return ['left', 'right', 'ahead', '0', '1', '2', '3'];
  if (b.shape === 't' && (b.side === 'left' || b.side === 'right' || b.side === undefined)) {
    const side = (b.side as string | undefined) ?? DEFAULT_JUNCTION_SIDE;
    return [side, 'ahead', '0', '1', '2'];
  }
  return undefined;
}

function checkRoadReferences(spec: ScenarioSpec, blocks: Map<string, BlockInfo>, report: Report): void {
  const hubs = [...blocks.entries()].filter(([, b]) => b.kind === 'junction' || b.kind === 'roundabout').map(([id]) => id);
  const check = (place: SpecNode | undefined, pointer: string): void => {
    const road = asObj(place).road;
    if (typeof road !== 'string' || road === 'main') return;
    const dot = road.lastIndexOf('.');
    const blockId = road.slice(0, dot);
    const arm = road.slice(dot + 1);
    const info = blocks.get(blockId);
    if (!info || (info.kind !== 'junction' && info.kind !== 'roundabout')) {
      const what = info ? `block "${blockId}" is a ${info.kind}, not a junction or roundabout` : `no block has the id "${blockId}"`;
      report(
        `${pointer}/road`,
        `road "${road}" names no junction or roundabout arm: ${what}`,
        didYouMean(blockId, hubs) ?? (hubs.length ? `junctions and roundabouts: ${hubs.join(', ')}` : 'add a junction or roundabout block with an id'),
      );
      return;
    }
    const arms = armsOf(info);
    if (arms && !arms.includes(arm)) {
      report(`${pointer}/road`, `${info.kind} "${blockId}" has no arm "${arm}"`, `arms: ${arms.join(', ')}`);
    }
  };
  check(asObj(spec.ego).place, '/ego/place');
  asArray(spec.actors).forEach((a, i) => {
    check(asObj(a).place, `/actors/${i}/place`);
  });
}

// ---------------------------------------------------------------- behaviours

function forEachBehaviour(spec: ScenarioSpec, f: (b: Obj, pointer: string, owner: string) => void): void {
  asArray(asObj(spec.ego).behaviours).forEach((b, j) => {
    f(asObj(b), `/ego/behaviours/${j}`, 'ego');
  });
  asArray(spec.actors).forEach((a, i) => {
    const id = asObj(a).id;
    asArray(asObj(a).behaviours).forEach((b, j) => {
      f(asObj(b), `/actors/${i}/behaviours/${j}`, typeof id === 'string' ? id : '');
    });
  });
}

function checkBehaviours(spec: ScenarioSpec, actorIds: Set<string>, blocks: Map<string, BlockInfo>, report: Report): void {
  const known = [...actorIds, 'ego'];
  const hubs = [...blocks.entries()].filter(([, b]) => b.kind === 'junction' || b.kind === 'roundabout').map(([id]) => id);
  forEachBehaviour(spec, (b, pointer, owner) => {
    const other = asObj(asObj(b.trigger).actorWithinM).actor;
    if (typeof other === 'string') {
      const p = `${pointer}/trigger/actorWithinM/actor`;
      if (!known.includes(other)) report(p, `trigger names no actor: "${other}"`, didYouMean(other, known) ?? `known ids: ${known.slice(0, 12).join(', ')}`);
      else if (other === owner) report(p, `trigger of "${owner}" waits for its own distance to itself`, 'name another actor');
    }
    if (b.do === 'turn' && typeof b.at === 'string') {
      const info = blocks.get(b.at);
      if (!info || (info.kind !== 'junction' && info.kind !== 'roundabout')) {
        const what = info ? `block "${b.at}" is a ${info.kind}` : `no block has the id "${b.at}"`;
        report(
          `${pointer}/at`,
          `turn.at must name a junction or roundabout: ${what}`,
          didYouMean(b.at, hubs) ?? (hubs.length ? `junctions and roundabouts: ${hubs.join(', ')}` : 'add a junction or roundabout block'),
        );
      } else if (info.kind === 'roundabout' && b.direction !== undefined && b.exit === undefined) {
        report(`${pointer}/direction`, 'at a roundabout, give "exit" (1 = first exit) instead of "direction"');
      } else if (info.kind === 'junction' && b.exit !== undefined) {
        report(`${pointer}/exit`, 'at a junction, give "direction" (left, right, straight) instead of "exit"');
      }
    }
  });
}

// ---------------------------------------------------------------- lanes

function checkLanes(spec: ScenarioSpec, report: Report): void {
  const lanes = asObj(asObj(spec.road).lanes);
  const forward = typeof lanes.forward === 'number' ? lanes.forward : lanes.forward === undefined ? DEFAULT_FORWARD_LANES : undefined;
  const backward = typeof lanes.backward === 'number' ? lanes.backward : lanes.backward === undefined ? DEFAULT_BACKWARD_LANES : undefined;
  const road = asObj(spec.road);
  // A side's parking lane or sidewalk exists when the file says so, or by default (none for
  // parking; sidewalks in urban and suburban settings); a side set by a parameter is left to sampling.
  const sideExists = (part: 'parking' | 'sidewalks', side: string): boolean | undefined => {
    const v = asObj(road[part])[side];
    if (typeof v === 'boolean') return v;
    if (v !== undefined) return undefined;
    if (part === 'parking') return false;
    const setting = road.setting ?? 'urban';
    return typeof setting === 'string' ? setting === 'urban' || setting === 'suburban' : undefined;
  };
  const check = (lane: SpecNode | undefined, pointer: string): void => {
    const named = typeof lane === 'string' ? /^(parking|sidewalk)-(left|right)$/.exec(lane) : null;
    if (named) {
      const part = named[1] === 'parking' ? 'parking' : 'sidewalks';
      if (sideExists(part, named[2]) === false) {
        report(
          pointer,
          `lane "${lane}" does not exist: the road has no ${named[1] === 'parking' ? 'parking lane' : 'sidewalk'} on the ${named[2]}`,
          `add road: { ${part}: { ${named[2]}: true } }`,
        );
      }
      return;
    }
    if (typeof lane !== 'number') return;
    if (lane > 0 && forward !== undefined && lane > forward) {
      report(pointer, `lane ${lane} does not exist: the road has ${forward} forward lane${forward === 1 ? '' : 's'} (1..${forward})`);
    } else if (lane < 0 && backward !== undefined && -lane > backward) {
      report(
        pointer,
        backward === 0
          ? `lane ${lane} does not exist: the road has no oncoming lanes`
          : `lane ${lane} does not exist: the road has ${backward} oncoming lane${backward === 1 ? '' : 's'} (-1..-${backward})`,
      );
    }
  };
  const onMain = (place: SpecNode | undefined): boolean => {
    const road = asObj(place).road;
    return asObj(place).relativeTo === undefined && (road === undefined || road === 'main');
  };
  const egoPlace = asObj(spec.ego).place;
  if (onMain(egoPlace)) check(asObj(egoPlace).lane, '/ego/place/lane');
  asArray(spec.actors).forEach((a, i) => {
    const place = asObj(a).place;
    if (onMain(place)) check(asObj(place).lane, `/actors/${i}/place/lane`);
  });
  forEachBehaviour(spec, (b, pointer) => {
    if (b.do === 'laneChange') check(b.toLane, `${pointer}/toLane`);
  });
}

// ---------------------------------------------------------------- focus

/**
 * Focus actors and event name actors and junctions that exist; a behaviour event names a
 * behaviour its actor has, a door event an actor with an openDoor behaviour, a signal event a
 * junction with signals.
 */
function checkFocus(spec: ScenarioSpec, actorIds: Set<string>, blocks: Map<string, BlockInfo>, report: Report): void {
  const focus = asObj(spec.focus);
  const ids = [...actorIds];
  const withEgo = [...ids, 'ego'];
  const known = (id: string, pointer: string, allowEgo: boolean): boolean => {
    if (id === 'ego' && !allowEgo) {
      report(pointer, 'the ego vehicle carries the camera and cannot be a focus actor', 'name the actor the scenario is about');
      return false;
    }
    if ((allowEgo ? withEgo : ids).includes(id)) return true;
    report(
      pointer,
      `focus names no actor: "${id}"`,
      didYouMean(id, allowEgo ? withEgo : ids) ?? (ids.length ? `actor ids: ${ids.slice(0, 12).join(', ')}` : 'declare the actor under "actors:"'),
    );
    return false;
  };
  if (typeof focus.actors === 'string') known(focus.actors, '/focus/actors', false);
  else
    asArray(focus.actors).forEach((a, i) => {
      if (typeof a === 'string') known(a, `/focus/actors/${i}`, false);
    });

  const event = asObj(focus.event);
  const behavioursOf = (id: string): string[] => {
    const owner = id === 'ego' ? asObj(spec.ego) : asObj(asArray(spec.actors).find((a) => asObj(a).id === id));
    return asArray(owner.behaviours)
      .map((b) => asObj(b).do)
      .filter((d): d is string => typeof d === 'string');
  };
  const actor = typeof event.actor === 'string' ? event.actor : undefined;
  const actorOk = actor !== undefined && known(actor, '/focus/event/actor', true);
  if (typeof event.with === 'string') {
    if (known(event.with, '/focus/event/with', true) && event.with === actor)
      report('/focus/event/with', `a collision of "${actor}" with itself never happens`, 'name the other actor');
  }
  if (event.kind === 'behaviour' && actorOk && typeof event.behaviour === 'string') {
    const has = behavioursOf(actor);
    if (!has.includes(event.behaviour)) {
      report(
        '/focus/event/behaviour',
        `"${actor}" has no ${event.behaviour} behaviour, so the event never happens`,
        has.length ? `its behaviours: ${has.join(', ')}` : `give "${actor}" a ${event.behaviour} behaviour`,
      );
    }
  }
  if (event.kind === 'door' && actorOk && !behavioursOf(actor).includes('openDoor')) {
    report('/focus/event/actor', `"${actor}" has no openDoor behaviour, so its door never opens`, 'add { do: openDoor } to its behaviours');
  }
  if (event.kind === 'signal' && typeof event.junction === 'string') {
    const info = blocks.get(event.junction);
    const junctions = [...blocks.entries()].filter(([, b]) => b.kind === 'junction').map(([id]) => id);
    if (info?.kind !== 'junction') {
      const what = info ? `block "${event.junction}" is a ${info.kind}` : `no block has the id "${event.junction}"`;
      report(
        '/focus/event/junction',
        `a signal event needs a junction: ${what}`,
        didYouMean(event.junction, junctions) ?? (junctions.length ? `junctions: ${junctions.join(', ')}` : 'add a junction block with signals: true'),
      );
    } else if (info.block.signals !== true && !isObj(info.block.signals) && typeof info.block.signals !== 'string') {
      report('/focus/event/junction', `junction "${event.junction}" has no signals`, 'set signals: true on the junction');
    }
  }
}
