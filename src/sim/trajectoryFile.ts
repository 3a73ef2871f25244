/**
 * The trajectory file: a compact, self-describing binary form of a Trajectory.
 *
 *   bytes 0..7    magic "RSTRAJ01"
 *   bytes 8..11   header length H (uint32, little-endian)
 *   bytes 12..    header: UTF-8 JSON {version, dtS, ticks, actors, signalHeads,
 *                 statesLength, signalsLength}, padded with spaces to a multiple of 8
 *   then          states: statesLength float64, little-endian
 *   then          signals: signalsLength uint8
 *
 * encode and decode are pure (Uint8Array in and out); the caller writes the file.
 */
import { SimulationError } from './errors.js';
import { STATE_STRIDE, type TrackInfo, type Trajectory } from './types.js';

const MAGIC = 'RSTRAJ01';
const PREFIX = 12;

interface Header {
  version: 1;
  dtS: number;
  ticks: number;
  actors: TrackInfo[];
  signalHeads: string[];
  statesLength: number;
  signalsLength: number;
}

export function encodeTrajectory(t: Trajectory): Uint8Array {
  const header: Header = {
    version: t.version,
    dtS: t.dtS,
    ticks: t.ticks,
    actors: t.actors,
    signalHeads: t.signalHeads,
    statesLength: t.states.length,
    signalsLength: t.signals.length,
  };
  let json = new TextEncoder().encode(JSON.stringify(header));
  // Pad so the float64 block starts 8-byte aligned in the file.
  const padded = Math.ceil((PREFIX + json.length) / 8) * 8 - PREFIX;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(PREFIX + json.length + t.states.length * 8 + t.signals.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, json.length, true);
  out.set(json, PREFIX);
  let o = PREFIX + json.length;
  for (let i = 0; i < t.states.length; i++, o += 8) view.setFloat64(o, t.states[i], true);
  out.set(t.signals, o);
  return out;
}

function bad(what: string): never {
  throw new SimulationError(`not a roadsynth trajectory file: ${what}`);
}

export function decodeTrajectory(bytes: Uint8Array): Trajectory {
  if (bytes.length < PREFIX) bad('too short');
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) bad(`magic is not ${MAGIC}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = view.getUint32(8, true);
  if (PREFIX + h > bytes.length) bad('header runs past the end');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + h))) as Header;
  } catch {
    bad('header is not JSON');
  }
  if (header.version !== 1) bad(`version ${String(header.version)} (this build reads version 1)`);
  if (header.statesLength !== header.ticks * header.actors.length * STATE_STRIDE) bad('states length does not match ticks x actors x fields');
  if (header.signalsLength !== header.ticks * header.signalHeads.length) bad('signals length does not match ticks x signal heads');
  let o = PREFIX + h;
  if (o + header.statesLength * 8 + header.signalsLength !== bytes.length) bad('file length does not match its header');
  const states = new Float64Array(header.statesLength);
  for (let i = 0; i < states.length; i++, o += 8) states[i] = view.getFloat64(o, true);
  const signals = bytes.slice(o, o + header.signalsLength);
  return { version: 1, dtS: header.dtS, ticks: header.ticks, actors: header.actors, signalHeads: header.signalHeads, states, signals };
}
