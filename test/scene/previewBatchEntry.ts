/** Page entry for the preview look tests: the scene builder, and the same scene with its actors and signals batched as the studio's viewport draws them. */
import { buildScene } from '../../src/scene/buildScene.js';
import { batchActorsAndSignals } from '../../src/scene/preview/previewBatch.js';
import type { SceneInput, SceneRig } from '../../src/scene/types.js';
import { installFrameTimer } from './framePage.js';

function batched(input: SceneInput): SceneRig {
  const rig = buildScene(input);
  const batches = batchActorsAndSignals(rig.scene);
  (globalThis as unknown as { batchedParts: number }).batchedParts = batches.partCount;
  return rig;
}

installFrameTimer({ current: buildScene, batched });
