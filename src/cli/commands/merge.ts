/**
 * `roadsynth merge DIR... --out DIR`: joins the shard folders of one sweep into one dataset,
 * the same as one process would have written (see src/dataset/merge.ts).
 */
import type { Command } from 'commander';
import { DatasetMismatchError } from '../../export/datasetIdentity.js';
import { MergeError, mergeDatasets } from '../../dataset/merge.js';
import { UserError } from '../runCli.js';

interface MergeFlags {
  out: string;
  json?: boolean;
}

function run(dirs: string[], flags: MergeFlags): void {
  let result: ReturnType<typeof mergeDatasets>;
  try {
    result = mergeDatasets(dirs, flags.out);
  } catch (err) {
    if (err instanceof MergeError || err instanceof DatasetMismatchError) throw new UserError(err.message);
    throw err;
  }
  const { summary, framesCopied, duplicatesSkipped, failures } = result;
  if (flags.json) {
    process.stdout.write(JSON.stringify({ ...summary, framesCopied, duplicatesSkipped, failures }, null, 2) + '\n');
    return;
  }
  process.stdout.write(
    `merged ${dirs.length} folder${dirs.length === 1 ? '' : 's'} into ${summary.outDir}: ` +
      `${summary.frames} frames (${framesCopied} copied${duplicatesSkipped ? `, ${duplicatesSkipped} identical duplicates skipped` : ''}), ` +
      `${summary.objects} objects, ${failures} failed instance${failures === 1 ? '' : 's'}\n` +
      `assembled: ${summary.files.join(', ')}\n`,
  );
}

export function register(program: Command): void {
  program
    .command('merge')
    .description('Join the output folders of a sharded sweep into one dataset, identical to what one process would have written.')
    .argument('<dir...>', 'dataset folders written by "roadsynth run" (usually --shard 0/N ... N-1/N)')
    .requiredOption('--out <dir>', 'merged dataset folder (created; an existing folder of the same sweep is merged into)')
    .option('--json', 'print the summary as JSON: {outDir, frames, objects, perClass, files, framesCopied, duplicatesSkipped, failures}')
    .addHelpText(
      'after',
      `
Every input must be a finished roadsynth dataset of the same sweep: same scenario file and
content, seed, design, count, frames, fps, formats, passes and KITTI options. A mismatch is
refused before anything is written, naming the setting and both values; so are shards made by
other code or another renderer (roadsynth-build.json: code revision, browser and rasterizer),
whose pixels would not add up to one run's. A frame id found in two
inputs must have byte-identical files (it is copied once); otherwise the merge is refused.

Per-frame files are hard-linked into --out where the file system allows it (no extra disk),
else copied; every file is written atomically. failures.jsonl files are joined in sample order.
manifest.jsonl, coco.json, train.txt, data.yaml and README.md are then assembled from the
frame records by the same code that ends a single run.

Examples:
  roadsynth merge out/shard-0 out/shard-1 out/shard-2 --out out/sweep
  roadsynth merge /data/shard-* --out /data/merged && roadsynth report /data/merged`,
    )
    .action((dirs: string[], flags: MergeFlags) => run(dirs, flags));
}
