#!/usr/bin/env bash
# Workers of one PostgreSQL study as a SLURM job array: each array task runs `olnm sweep worker`; all share the
# artefact root and the cohort cache on a shared file system. A task that is killed (pre-emption, node failure)
# leaves its trial to another worker after the grace period.
#   OLNM_STORAGE='postgresql://olnm:PASSWORD@db-host:5432/olnm' sbatch deploy/slurm-workers.sh
#   olnm sweep status paper-table2 --storage "$OLNM_STORAGE"
#SBATCH --job-name=olnm-workers
#SBATCH --array=0-7
#SBATCH --cpus-per-task=4
#SBATCH --mem=16G
#SBATCH --time=24:00:00
#SBATCH --output=olnm-worker-%A-%a.log
set -euo pipefail
: "${OLNM_STORAGE:?set OLNM_STORAGE to postgresql://USER:PASSWORD@HOST:PORT/DATABASE}"
STUDY=${OLNM_STUDY:-paper-table2}
SHARED=${OLNM_SHARED_ROOT:-$HOME/olnm}
exec olnm sweep worker \
  --storage "$OLNM_STORAGE" \
  --study "$STUDY" \
  --experiment "$SHARED/experiments/$STUDY.yaml" \
  --artefacts "$SHARED/studies/$STUDY.artefacts" \
  --data "$SHARED/data" \
  --grace 120
