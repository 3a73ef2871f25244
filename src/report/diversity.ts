/**
 * Who and what appears in the instances: people by age group, mobility aid, skin tone
 * (Fitzpatrick I-VI) and clothing colour, and road users by kind, counted once per actor per
 * instance. The ego vehicle (the camera car) is not counted.
 */
import { AGE_GROUPS, MOBILITY_AIDS, SKIN_TONES } from '../scenario/schema.js';
import type { ScenarioInstance } from '../scenario/types.js';
import { COLOUR_FAMILIES, colourName } from './colourName.js';

export interface Diversity {
  instances: number;
  people: number;
  ageGroup: Record<string, number>;
  mobilityAid: Record<string, number>;
  skinTone: Record<string, number>;
  /** Top and bottom garments together, by colour family. */
  clothing: Record<string, number>;
  /** Every actor by kind (car, van, ..., bicycle, pedestrian, animal, object). */
  actorKind: Record<string, number>;
}

const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));

export class DiversityCounter {
  private readonly d: Diversity = {
    instances: 0,
    people: 0,
    ageGroup: zeros(AGE_GROUPS),
    mobilityAid: zeros(MOBILITY_AIDS),
    skinTone: zeros(SKIN_TONES),
    clothing: zeros(Object.keys(COLOUR_FAMILIES)),
    actorKind: {},
  };

  add(instance: ScenarioInstance): void {
    this.d.instances += 1;
    for (const a of instance.actors) {
      this.d.actorKind[a.kind] = (this.d.actorKind[a.kind] ?? 0) + 1;
      const p = a.person;
      if (!p) continue;
      this.d.people += 1;
      this.d.ageGroup[p.ageGroup] = (this.d.ageGroup[p.ageGroup] ?? 0) + 1;
      this.d.mobilityAid[p.mobilityAid] = (this.d.mobilityAid[p.mobilityAid] ?? 0) + 1;
      this.d.skinTone[p.skinTone] = (this.d.skinTone[p.skinTone] ?? 0) + 1;
      for (const c of [p.topColour, p.bottomColour]) {
        const name = colourName(c);
        this.d.clothing[name] = (this.d.clothing[name] ?? 0) + 1;
      }
    }
  }

  result(): Diversity {
    return this.d;
  }
}
