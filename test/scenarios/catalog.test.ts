/**
 * The scenario catalog (scenarios/*.yaml and scenarios/templates/*.yaml): every file parses,
 * validates against the grammar, passes the loader's semantic checks, samples, places every
 * actor on the road it builds and finds a route for every turn; the numbered catalog covers the 14 situations of the
 * edge-case list with at least three swept (distribution) parameters each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildRoadNetwork, placementPose, type RoadNetwork } from '../../src/road/index.js';
import { isDistributionNode } from '../../src/sampling/distributions.js';
import { sampleRange } from '../../src/sampling/sample.js';
import { checkScenario } from '../../src/scenario/load.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import type { ActorInstance, ScenarioSpec, SpecNode } from '../../src/scenario/types.js';

const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url).pathname;
const TEMPLATE_DIR = join(SCENARIO_DIR, 'templates');
const CATALOG_NAME = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/;
/** Samples per file in the placement check: enough to hit every choice of a small sweep. */
const PLACEMENT_SAMPLES = 16;

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));

const rel = (f: string): string => f.slice(SCENARIO_DIR.length);
const catalogFiles = yamlFiles(SCENARIO_DIR).filter((f) => CATALOG_NAME.test(rel(f)));
const allFiles = [...yamlFiles(SCENARIO_DIR), ...yamlFiles(TEMPLATE_DIR)];

const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: false });
const validate = ajv.compile(scenarioSchema);

const load = (file: string): ScenarioSpec => parse(readFileSync(file, 'utf8')) as ScenarioSpec;

/** The first samples of a file's sweep with their road networks, ego first among the movers. */
function builtSamples(file: string): { index: number; network: RoadNetwork; movers: Pick<ActorInstance, 'id' | 'place' | 'behaviours'>[] }[] {
  return sampleRange(load(file), { seed: 1, design: 'sobol' }, 0, PLACEMENT_SAMPLES).map(({ index, instance }) => ({
    index,
    network: buildRoadNetwork(instance.road, instance.weather),
    movers: [{ id: 'ego', place: instance.ego.place, behaviours: instance.ego.behaviours }, ...instance.actors],
  }));
}

describe('scenario catalog', () => {
  it('has exactly the 14 numbered situations 01..14', () => {
    const numbers = catalogFiles.map((f) => Number(CATALOG_NAME.exec(rel(f))![1]));
    expect(numbers).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('ships a new-scenario template', () => {
    expect(yamlFiles(TEMPLATE_DIR).map(rel)).toContain('templates/blank.yaml');
  });

  describe.each(allFiles.map((f) => [rel(f), f]))('%s', (_name, file) => {
    it('starts with the editor schema comment pointing at the generated schema', () => {
      const first = readFileSync(file, 'utf8').split('\n', 1)[0];
      const schemaPath = file.startsWith(TEMPLATE_DIR) ? '../scenario.schema.json' : './scenario.schema.json';
      expect(first).toBe(`# yaml-language-server: $schema=${schemaPath}`);
    });

    it('validates against the scenario schema', () => {
      const ok = validate(load(file));
      expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    });

    it('passes the loader: schema, references, expressions and lanes', () => {
      const { errors } = checkScenario(readFileSync(file, 'utf8'), rel(file));
      expect(errors.map((e) => `${e.line}:${e.col} ${e.pointer} ${e.message}`)).toEqual([]);
    });

    it('samples and places the ego and every lane-placed actor on the road it builds', () => {
      const problems: string[] = [];
      for (const { index, network, movers } of builtSamples(file)) {
        for (const { id, place } of movers) {
          if ('relativeTo' in place) continue;
          try {
            placementPose(network, place);
            const road = network.roads.get(place.road)!;
            if (place.s < 0 || place.s > road.lengthM) problems.push(`sample ${index} ${id}: s ${place.s} is off road ${place.road}`);
          } catch (err) {
            problems.push(`sample ${index} ${id}: ${(err as Error).message}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('routes every turn from the lane its actor starts on', () => {
      const problems: string[] = [];
      for (const { index, network, movers } of builtSamples(file)) {
        for (const { id, place, behaviours } of movers) {
          if ('relativeTo' in place) continue;
          for (const b of behaviours) {
            if (b.do !== 'turn') continue;
            try {
              network.route(placementPose(network, place).laneId, b.at, { direction: b.direction, exit: b.exit });
            } catch (err) {
              problems.push(`sample ${index} ${id}: ${(err as Error).message}`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe.each(catalogFiles.map((f) => [rel(f), f]))('%s', (_name, file) => {
    it('declares at least three named parameters that are distributions', () => {
      const params = (load(file).parameters ?? {}) as Record<string, SpecNode>;
      const swept = Object.keys(params).filter((k) => isDistributionNode(params[k]));
      expect(swept.length).toBeGreaterThanOrEqual(3);
    });
  });
});
