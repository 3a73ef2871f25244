#!/bin/bash
# Submits the sweep array and its merge step, chained: the merge starts only when every array
# task succeeded. Settings travel to both jobs through the environment (sbatch --export=ALL).
#   SHARDS=8 COUNT=10000 SCENARIO=scenarios/01-pedestrian-behind-van.yaml DATA=/scratch/$USER/ped deploy/slurm/submit.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARDS=${SHARDS:-8}
export SHARDS
mkdir -p logs
array=$(sbatch --parsable --export=ALL --array=0-$((SHARDS - 1)) deploy/slurm/sweep.sbatch)
merge=$(sbatch --parsable --export=ALL --dependency=afterok:${array%%;*} deploy/slurm/merge.sbatch)
echo "sweep array job $array ($SHARDS tasks), merge job $merge after it"
