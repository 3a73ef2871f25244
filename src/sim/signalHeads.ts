/** The network's signal heads in a fixed order, and their colour codes at a time. */
import type { JunctionInfo, RoadNetwork, SignalHead } from '../road/types.js';
import { SIGNAL_CODES } from './types.js';

export interface HeadRef {
  head: SignalHead;
  junction: JunctionInfo;
}

export function signalHeadsOf(network: RoadNetwork): HeadRef[] {
  const out: HeadRef[] = [];
  for (const junction of network.junctions) for (const head of junction.signalHeads) out.push({ head, junction });
  return out;
}

/** Writes each head's colour code (0 green, 1 yellow, 2 red) at timeS into out[offset..]. */
export function writeSignalCodes(heads: readonly HeadRef[], timeS: number, out: Uint8Array, offset: number): void {
  for (let i = 0; i < heads.length; i++) {
    out[offset + i] = SIGNAL_CODES.indexOf(heads[i].junction.colourAt(heads[i].head.group, timeS));
  }
}
