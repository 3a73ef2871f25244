#!/usr/bin/env bash
# Fingerprints of the catalog for restructurings that must not change behaviour: for every
# scenario in scenarios/, the instance and trajectory hashes of samples 0-2 and the sha256 of
# every file of a small dataset (2 samples x 3 frames at 320x180), timing-dependent files left
# out. Compare two trees with: diff <(bash A/test/structure/catalog-fingerprint.sh) <(bash B/...)
# Usage: catalog-fingerprint.sh [--no-render] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
render=1
if [ "${1:-}" = "--no-render" ]; then render=0; shift; fi
out="${1:-$(mktemp -d)}"
for f in scenarios/[0-9]*.yaml; do
  for i in 0 1 2; do
    node src/cli/roadsynth.mjs simulate "$f" --index "$i" --json |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(`${process.argv[1]} ${process.argv[2]} instance ${j.instanceHash} trajectory ${j.trajectoryHash}`)})' "$f" "$i"
  done
  if [ "$render" = 1 ]; then
    d="$out/$(basename "$f" .yaml)"
    node src/cli/roadsynth.mjs run "$f" --out "$d" --count 2 --frames 3 --resolution 320x180 >/dev/null 2>&1
    # Left out: roadsynth-run.json and data.yaml name the output folder, roadsynth-build.json
    # holds a hash of src/ (it changes with any code change), the card and report.html hold
    # timings and dates.
    (cd "$d" && find . -type f ! -name roadsynth-run.json ! -name roadsynth-build.json ! -name data.yaml ! -name README.md ! -name report.html ! -name '*.log' | LC_ALL=C sort | xargs sha256sum | sed "s|  \./|  $(basename "$f" .yaml)/|")
  fi
done
