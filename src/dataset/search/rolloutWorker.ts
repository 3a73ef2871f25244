/** Worker side of RolloutPool: rolls out the instances it is sent, one message per batch. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioInstance } from '../../scenario/types.js';
import type { Objective } from './objectives.js';
import { rollout } from './rollout.js';

interface Job {
  id: number;
  instances: ScenarioInstance[];
}

const objective = (workerData as { objective: Objective }).objective;
parentPort!.on('message', (job: Job) => {
  parentPort!.postMessage({ id: job.id, results: job.instances.map((i) => rollout(objective, i)) });
});
