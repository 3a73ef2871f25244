import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/simulate.js';
import { UserError } from '../../src/cli/runCli.js';
import { decodeTrajectory } from '../../src/sim/trajectoryFile.js';
import { trajectoryHash } from '../../src/sim/trajectoryHash.js';

const SCENARIO = `version: 1
name: cli test
simulation: { durationS: 3 }
road: { blocks: [{ kind: straight, lengthM: 300 }] }
ego: { place: { lane: 1, s: 20 }, speedMps: 15, behaviours: [{ do: keepLane }] }
actors:
  - { id: lead, kind: car, place: { lane: 1, s: 50 }, speedMps: 10, behaviours: [{ do: brake, decelMps2: 6, trigger: { atS: 1 } }] }
`;

async function runCommand(args: string[]): Promise<string> {
  let printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  const program = new Command().exitOverride();
  register(program);
  await program.parseAsync(['node', 'roadsynth', 'simulate', ...args]);
  return printed;
}

describe('roadsynth simulate', () => {
  afterEach(() => vi.restoreAllMocks());
  const dir = mkdtempSync(join(tmpdir(), 'roadsynth-sim-'));
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, SCENARIO);

  it('prints events and metrics as JSON and writes the trajectory it hashed', async () => {
    const out = join(dir, 'nested', 'run.traj');
    const printed = JSON.parse(await runCommand([file, '--json', '--out', out])) as { trajectoryHash: string; ticks: number; events: { kind: string; actor?: string }[] };
    expect(printed.ticks).toBe(301);
    expect(printed.events.some((e) => e.kind === 'behaviour' && e.actor === 'lead')).toBe(true);
    expect(trajectoryHash(decodeTrajectory(readFileSync(out)))).toBe(printed.trajectoryHash);
  });

  it('shortens the run with --duration and prints a summary', async () => {
    const text = await runCommand([file, '--duration', '0.5']);
    expect(text).toContain('simulated 0.50 s in 50 steps');
    expect(text).toContain('metrics: min TTC');
  });

  it('turns an unreadable file into a user error naming it', async () => {
    await expect(runCommand([join(dir, 'missing.yaml')])).rejects.toThrow(UserError);
  });
});
