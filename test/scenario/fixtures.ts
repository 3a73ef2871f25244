/** A valid scenario used across the scenario tests; line numbers matter to the tests. */
export const VALID_YAML = `version: 1
name: pedestrian behind a parked van
description: A pedestrian steps out from behind a parked van.
parameters:
  gapM: {uniform: [2, 6]}
  walkMps: {truncnormal: {mean: 1.4, sd: 0.3, min: 0.8, max: 2.5}}
  night: {choice: [true, false], weights: [1, 3]}
  vanKind: van
requires:
  - gapM > 1 and walkMps < 3
simulation:
  durationS: 8
road:
  lanes: {forward: 1, backward: 1, widthM: 3.5}
  sidewalks: {left: true, right: true}
  parking: {right: true}
  setting: urban
  blocks:
    - kind: straight
      lengthM: 200
    - id: j1
      kind: junction
      shape: four-way
      signals: true
weather:
  rain: {uniform: [0, 1]}
light:
  timeOfDayH: "=night ? 22 : 12"
ego:
  kind: car
  place: {lane: 1, s: 10}
  speedMps: 12
  camera: {widthPx: 1280, heightPx: 720}
actors:
  - id: van
    kind: $vanKind
    place: {road: main, lane: parking-right, s: 40}
    behaviours:
      - do: park
        hazardLights: true
  - id: ped
    kind: pedestrian
    place: {relativeTo: van, aheadM: "=gapM + 2.6", leftM: -1}
    speedMps: 0
    person: {ageGroup: {choice: [child, adult, elderly]}, heightM: {uniform: [1.1, 1.9]}}
    behaviours:
      - do: cross
        speedMps: $walkMps
        trigger: {egoWithinM: 25}
  - id: car2
    kind: car
    place: {lane: -1, s: 150, headingDeg: 0}
    behaviours:
      - do: turn
        at: j1
        direction: left
`;

/** Replaces line `n` (1-based) of the valid fixture. */
export function withLine(n: number, line: string, text = VALID_YAML): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

/** The smallest valid scenario, one key per line: line 9 is the first line after it. */
export const MINIMAL_LINES = ['version: 1', 'name: t', 'road:', '  blocks:', '    - kind: straight', '      lengthM: 100', 'ego:', '  place: {s: 10}'];

/** The minimal scenario with `extra` lines appended (they start at line 9). */
export function minimalWith(...extra: string[]): string {
  return [...MINIMAL_LINES, ...extra].join('\n') + '\n';
}
