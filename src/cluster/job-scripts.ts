/**
 * The text of a Slurm job: `array.sbatch` (task i runs shard i of n), `merge.sbatch` (combines
 * the shard folders into the usual results folder) and `submit.sh` (submits the array, then the
 * merge with `--dependency=afterok` on it). Pure functions of a JobPlan, so tests can read them.
 *
 * Every path is absolute and shell-quoted; #SBATCH values are in double quotes, which sbatch
 * reads literally (planJob refuses paths that would need escapes there).
 */
import path from 'node:path';
import { shellQuote as q, SLURM_FILES } from '../experiments/slurm-job-folder.ts';
import type { JobPlan } from './job-plan.ts';

/** An #SBATCH --output value: the log folder's own `%` doubled, so only `pattern` is expanded by Slurm. */
function sbatchOutput(dir: string, pattern: string): string {
  return `"${path.join(dir.replace(/%/g, '%%'), pattern)}"`;
}

function sbatchLines(plan: JobPlan, jobName: string, cpus: number, output: string, array: string | null): string[] {
  const { options } = plan;
  return [
    `#SBATCH --job-name=${jobName}`,
    ...(array !== null ? [`#SBATCH --array=${array}`] : []),
    ...(options.partition !== null ? [`#SBATCH --partition=${options.partition}`] : []),
    ...(options.time !== null ? [`#SBATCH --time=${options.time}`] : []),
    `#SBATCH --cpus-per-task=${cpus}`,
    `#SBATCH --output=${sbatchOutput(path.join(plan.jobDir, SLURM_FILES.logs), output)}`,
    ...options.sbatchOptions.map((o) => `#SBATCH ${o}`),
  ];
}

/** cd to the project, put node on PATH, run the researcher's setup lines, and check for node. */
function environmentLines(plan: JobPlan): string[] {
  return [
    `cd ${q(plan.env.workDir)}   # the experiment's model paths are relative to this folder`,
    `export PATH=${q(plan.env.nodeDir)}:"\${PATH:-/usr/bin:/bin}"   # the Node.js that wrote this job, if installed here too`,
    ...plan.options.setup,
    `command -v node >/dev/null || { echo "corridor-sim: node not found on PATH ($PATH); add e.g. --setup 'module load nodejs/20'" >&2; exit 127; }`,
  ];
}

/** `<experiment dir>/<run id>-shard${var}of${shards}`, as a shell word. */
function shardDirWord(plan: JobPlan, variable: string): string {
  return `${q(plan.experimentDir)}/${q(plan.runId)}"-shard\${${variable}}of\${shards}"`;
}

/** The job array: task i runs shard i of n, or continues it if its folder exists (a re-run). */
export function arrayScript(plan: JobPlan): string {
  const { options, shards } = plan;
  const run = `node ${q(plan.env.cli)} run ${q(plan.experimentFile)}`;
  const fixed = [
    ...(options.replications !== null ? ['--replications', q(options.replications)] : []),
    ...(options.seed !== null ? ['--seed', q(options.seed)] : []),
  ].join(' ');
  return [
    '#!/bin/bash',
    `# corridor-sim job array: task i runs shard i of ${shards} of experiment "${plan.experiment.name}".`,
    `# Submit with submit.sh beside this file (array, then merge). Re-run shard i alone: sbatch --array=i ${q(path.join(plan.jobDir, SLURM_FILES.array))}`,
    ...sbatchLines(plan, plan.jobName, options.cpusPerTask, 'shard-%A_%a.out', `1-${shards}`),
    'set -euo pipefail',
    '',
    `# The shard count is written here, not read from SLURM_ARRAY_TASK_COUNT: a task re-submitted`,
    `# alone (sbatch --array=3) sees a count of 1 but must still run shard 3 of ${shards}.`,
    `shards=${shards}`,
    `shard=\${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=1-${shards}}`,
    `if [ "$shard" -lt 1 ] || [ "$shard" -gt "$shards" ]; then echo "corridor-sim: array task $shard is not a shard of 1-$shards" >&2; exit 2; fi`,
    `workers=\${SLURM_CPUS_PER_TASK:-${options.cpusPerTask}}`,
    `dir=${shardDirWord(plan, 'shard')}`,
    '',
    ...environmentLines(plan),
    '',
    'if [ -f "$dir/run.json" ]; then',
    '  # A re-run continues the shard: only the replications its journal lacks.',
    `  exec ${run} --resume "$dir" --workers "$workers" --no-progress`,
    'fi',
    `exec ${run} --shard "$shard/$shards"${fixed === '' ? '' : ` ${fixed}`} --workers "$workers" \\`,
    `  --out ${q(plan.resultsRoot)} --run-id ${q(plan.runId)}"-shard\${shard}of\${shards}" --no-progress`,
    '',
  ].join('\n');
}

/** The merge job: names the shard folders that exist, so merge reports each missing one by index. */
export function mergeScript(plan: JobPlan): string {
  return [
    '#!/bin/bash',
    `# corridor-sim merge of the ${plan.shards} shards of experiment "${plan.experiment.name}" into ${q(plan.mergedDir)}.`,
    '# submit.sh submits it with --dependency=afterok:<array job>: it runs once every shard succeeded.',
    ...sbatchLines(plan, `${plan.jobName}-merge`, 1, 'merge-%j.out', null),
    'set -euo pipefail',
    '',
    `shards=${plan.shards}`,
    `job=${q(plan.jobDir)}`,
    ...environmentLines(plan),
    '',
    'dirs=()',
    'for ((i = 1; i <= shards; i++)); do',
    `  dir=${shardDirWord(plan, 'i')}`,
    '  if [ -f "$dir/run.json" ]; then dirs+=("$dir"); fi',
    'done',
    `if [ \${#dirs[@]} -eq 0 ]; then printf 'corridor-sim: no shard has started; submit the array: bash %q\\n' "$job/${SLURM_FILES.submit}" >&2; exit 2; fi`,
    `exec node ${q(plan.env.cli)} merge "\${dirs[@]}" --out ${q(plan.resultsRoot)} --run-id ${q(plan.runId)}`,
    '',
  ].join('\n');
}

/** submit.sh [TASKS]: the array (all tasks, or e.g. `3` or `2,4` to re-run shards) and a merge after it. */
export function submitScript(plan: JobPlan): string {
  const all = `1-${plan.shards}`;
  return [
    '#!/bin/bash',
    `# Submit the job array of experiment "${plan.experiment.name}" (${plan.shards} shards) and the merge that waits for it.`,
    `# Usage: bash submit.sh [TASKS]   TASKS: default ${all}; e.g. 3 or 2,4 re-runs those shards (each continues`,
    '# its folder) and merges again.',
    'set -euo pipefail',
    `job=${q(plan.jobDir)}`,
    `tasks=\${1:-${all}}`,
    'array=$(sbatch --parsable --array="$tasks" "$job/array.sbatch")',
    'array=${array%%;*}   # --parsable prints id;cluster on multi-cluster sites',
    'merge=$(sbatch --parsable --dependency=afterok:"$array" "$job/merge.sbatch")',
    'merge=${merge%%;*}',
    `echo "submitted array job $array (shards $tasks of ${plan.shards}) and merge job $merge"`,
    'echo "monitor: squeue -j $array,$merge    afterwards: sacct -j $array,$merge    logs: $job/logs/"',
    `echo "results: "${q(plan.mergedDir)}`,
    '',
  ].join('\n');
}
