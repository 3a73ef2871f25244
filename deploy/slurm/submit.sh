#!/bin/bash
# Submits the sweep array and its merge step, chained: the merge starts only when every array
# task succeeded. Settings travel to both jobs through the environment (sbatch --export=ALL).
#   SHARDS=8 COUNT=10000 SCENARIO=scenarios/01-pedestrian-behind-van.yaml DATA=/scratch/$USER/ped deploy/slurm/submit.sh
# LOGS (default logs/ in the checkout) receives the job logs; any other sbatch options can be
# given in SBATCH_ARGS (e.g. SBATCH_ARGS="--partition=gpu --account=perception").
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARDS=${SHARDS:-8}
LOGS=${LOGS:-logs}
export SHARDS
mkdir -p "$LOGS"
# shellcheck disable=SC2086 # SBATCH_ARGS holds several options
array=$(sbatch --parsable --export=ALL ${SBATCH_ARGS:-} --output="$LOGS/%x-%A_%a.out" --array=0-$((SHARDS - 1)) deploy/slurm/sweep.sbatch)
# shellcheck disable=SC2086
merge=$(sbatch --parsable --export=ALL ${SBATCH_ARGS:-} --output="$LOGS/%x-%j.out" --dependency=afterok:${array%%;*} deploy/slurm/merge.sbatch)
echo "sweep array job $array ($SHARDS tasks), merge job $merge after it"
