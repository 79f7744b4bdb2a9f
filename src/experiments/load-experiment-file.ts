/**
 * Loading an experiment file (`experiments/<name>.ts`) by importing it: the file's default export
 * (or its only exported Experiment) is the experiment. The CLI runs under tsx, so the file is
 * TypeScript. Any failure to load is bad input (exit code 2) and names the file.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isExperiment, type Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';

/** Import `file` and return its experiment. @throws ExperimentError */
export async function loadExperimentFile(file: string): Promise<Experiment> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) throw new ExperimentError(`experiment file ${file} not found`);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ExperimentError(error instanceof ExperimentError ? `${file}: ${message}` : `experiment file ${file} does not load: ${message}`);
  }
  if (isExperiment(module.default)) return module.default;
  const named = Object.entries(module).filter(([, value]) => isExperiment(value));
  const [only] = named;
  if (named.length === 1 && only !== undefined) return only[1] as Experiment;
  if (named.length === 0) throw new ExperimentError(`experiment file ${file} exports no experiment; add \`export default defineExperiment({ ... })\``);
  throw new ExperimentError(`experiment file ${file} exports several experiments (${named.map(([name]) => name).join(', ')}); make one the default export`);
}
