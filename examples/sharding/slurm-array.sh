#!/bin/bash
# Grades a large class as a Slurm job array, one shard per array task, then
# merges the shards into one class output, identical to a single run:
#   jobid=$(sbatch --parsable --array=1-8 examples/sharding/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid examples/sharding/slurm-array.sh merge
# Submit both from the same folder (the paths below are relative to it, as
# Slurm starts a job in the folder it was submitted from). No modules: the
# script needs only a built sockgrade (`make release`, or `make dist`'s binary,
# which needs no Swift on the compute node) and the tools `make deps` installs.
# sockgrade needs root on the compute node (namespaces, cgroups, bubblewrap).
#SBATCH --job-name=sockgrade
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=00:30:00
#SBATCH --output=sockgrade-%A_%a.log
set -euo pipefail

# --- The paths: edit these (or set them in the environment sbatch passes on). ---
SOCKGRADE=${SOCKGRADE:-.build/release/sockgrade}   # the sockgrade binary
SUBMISSIONS=${SUBMISSIONS:-submissions}            # the class: one folder per student
RUBRIC=${RUBRIC:-rubric/socket-lab.yaml}           # the rubric every shard grades with
SHARDS=${SHARDS:-out}                              # where each array task writes shard-K
REPORTS=${REPORTS:-reports}                        # the merged class output
# --- end of the paths ---

if [ "${1:-}" = merge ]; then
  # Once every array task finished (afterok), join their outputs.
  shopt -s nullglob
  shards=("$SHARDS"/shard-*)
  [ ${#shards[@]} -gt 0 ] || { echo "slurm-array.sh: no shard outputs in $SHARDS/" >&2; exit 1; }
  exec "$SOCKGRADE" merge "${shards[@]}" --out "$REPORTS"
fi

count=${SLURM_ARRAY_TASK_COUNT:?submit with sbatch --array=1-N (or pass merge)}
index=${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=1-N (or pass merge)}
exec "$SOCKGRADE" grade "$SUBMISSIONS" --rubric "$RUBRIC" --jobs "${SLURM_CPUS_PER_TASK:-2}" \
    --shard "${index}/${count}" --out "$SHARDS/shard-${index}"
