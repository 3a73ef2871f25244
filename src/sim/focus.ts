/**
 * When a scenario's focus event happens in a simulated run: the tick of a behaviour start,
 * a door reaching half open, a collision or a signal showing a colour. Clips are centred on
 * it (src/dataset/frameSchedule.ts) and searches score runs by it.
 */
import type { FocusEvent, ScenarioFocus } from '../scenario/types.js';
import { readState, SIGNAL_CODES, type SimEvent, type Trajectory } from './types.js';

/** Door opening (0..1) at which a door event happens. */
export const DOOR_EVENT_OPENING = 0.5;

/** What focusEventTick reads of a simulation result. */
export interface FocusSimView {
  events: readonly SimEvent[];
  trajectory: Trajectory;
}

function eventOf(focus: ScenarioFocus | FocusEvent | undefined): FocusEvent | undefined {
  if (focus === undefined) return undefined;
  return 'kind' in focus ? focus : focus.event;
}

/**
 * Tick at which the focus event happens (its offsetS not applied), or null when the focus has
 * no event or the event never happens in this run.
 */
export function focusEventTick(focus: ScenarioFocus | FocusEvent | undefined, sim: FocusSimView): number | null {
  const event = eventOf(focus);
  if (event === undefined) return null;
  switch (event.kind) {
    case 'behaviour': {
      const e = sim.events.find((x) => x.kind === 'behaviour' && x.actor === event.actor && x.behaviour === event.behaviour);
      return e ? e.tick : null;
    }
    case 'collision': {
      const e = sim.events.find((x) => {
        if (x.kind !== 'collision') return false;
        if (event.actor !== undefined && x.a !== event.actor && x.b !== event.actor) return false;
        if (event.with === undefined) return true;
        const other = event.actor === undefined ? undefined : x.a === event.actor ? x.b : x.a;
        return other === undefined ? x.a === event.with || x.b === event.with : other === event.with;
      });
      return e ? e.tick : null;
    }
    case 'door': {
      const t = sim.trajectory;
      const index = t.actors.findIndex((a) => a.id === event.actor);
      if (index < 0) return null;
      for (let tick = 0; tick < t.ticks; tick++) {
        if (readState(t, tick, index, 'door') >= DOOR_EVENT_OPENING) return tick;
      }
      return null;
    }
    case 'signal': {
      const t = sim.trajectory;
      const code = SIGNAL_CODES.indexOf(event.colour);
      const heads = t.signalHeads
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => (event.head === undefined ? id.startsWith(`${event.junction}/`) : id === `${event.junction}/${event.head}`));
      const n = t.signalHeads.length;
      for (let tick = 0; tick < t.ticks; tick++) {
        for (const h of heads) if (t.signals[tick * n + h.i] === code) return tick;
      }
      return null;
    }
  }
}

/**
 * The tick a clip centres on for the focus event: its tick shifted by offsetS and kept inside
 * the recorded ticks; null when there is no event or it never happens.
 */
export function focusAnchorTick(focus: ScenarioFocus | FocusEvent | undefined, sim: FocusSimView): number | null {
  const event = eventOf(focus);
  const tick = focusEventTick(event, sim);
  if (tick === null || event === undefined) return null;
  const shifted = tick + Math.round(event.offsetS / sim.trajectory.dtS);
  return Math.max(0, Math.min(sim.trajectory.ticks - 1, shifted));
}

/** Trajectory index (ego = 0) of each focus actor present in the trajectory. */
export function focusActorIndices(focus: ScenarioFocus, trajectory: Trajectory): number[] {
  const out: number[] = [];
  for (const id of focus.actors) {
    const i = trajectory.actors.findIndex((a) => a.id === id);
    if (i > 0) out.push(i);
  }
  return out;
}
