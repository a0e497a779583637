#!/bin/bash
# Grades a large class as a Slurm job array, one shard per array task:
#   sbatch --array=1-8 examples/sharding/slurm-array.sh
# then, when all tasks are done:
#   sbatch --dependency=afterok:<jobid> --wrap '.build/release/sockgrade merge out/shard-* --out reports'
# sockgrade needs root on the compute node (namespaces, cgroups).
#SBATCH --job-name=sockgrade
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=00:30:00
set -euo pipefail
count=${SLURM_ARRAY_TASK_COUNT:?run this as an array job}
index=${SLURM_ARRAY_TASK_ID:?run this as an array job}
.build/release/sockgrade grade submissions --jobs "${SLURM_CPUS_PER_TASK:-2}" \
    --shard "${index}/${count}" --out "out/shard-${index}"
