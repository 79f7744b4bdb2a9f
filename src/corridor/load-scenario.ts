/**
 * Loading the model of one scenario of an experiment: a base model file, any number of overlay
 * files applied in order, and parameter overrides (`set`: dotted path -> value), as one model.
 *
 * Each overlay file names its own base; in a scenario it must be the scenario's model, so that
 * "Baku phase 2" and "more Caspian vessels", each written against the Middle Corridor model, can
 * be combined. They are combined into one overlay (sets in order, later ones winning, then all
 * removals) and loaded through the normal path, so every check and message of the loader applies.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { CompiledModel } from './compiled.ts';
import { loadModel, loadModelText } from './load-model.ts';
import { ModelError, ModelErrors } from './model-error.ts';

/** A scenario's model: file paths are relative to the current directory or absolute. */
export interface ScenarioModelSpec {
  /** The base model file (not an overlay). */
  readonly model: string;
  /** Overlay files written against `model`, applied in order. */
  readonly overlays?: readonly string[];
  /** Final overrides: dotted path -> value, e.g. `{ "legs.caspian-feeder-aktau-alat.fleet.vessels": 10 }`. */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Dotted paths to delete after the sets. */
  readonly remove?: readonly string[];
  /** A label for error messages (the scenario id). */
  readonly label?: string;
}

/** Load and validate the model of one scenario. @throws ModelErrors naming the file and path. */
export function loadScenarioModel(spec: ScenarioModelSpec): CompiledModel {
  const overlays = spec.overlays ?? [];
  const set = spec.set ?? {};
  const remove = spec.remove ?? [];
  if (overlays.length === 0 && Object.keys(set).length === 0 && remove.length === 0) return loadModel(spec.model);
  const modelPath = resolve(spec.model);
  const combinedSet: Record<string, unknown> = {};
  const combinedRemove: string[] = [];
  for (const file of overlays) {
    // Load the overlay on its own first: its errors then point at its own lines.
    loadModel(file);
    const data = parse(readFileSync(file, 'utf8')) as { base: string; set?: Record<string, unknown>; remove?: string[] };
    const base = isAbsolute(data.base) ? data.base : join(dirname(file), data.base);
    if (resolve(base) !== modelPath) {
      throw new ModelErrors([
        new ModelError({ location: { file }, path: ['base'], value: data.base, expected: `an overlay on the scenario's model ${spec.model} (it is written against ${resolve(base)})` }),
      ]);
    }
    Object.assign(combinedSet, data.set ?? {});
    combinedRemove.push(...(data.remove ?? []));
  }
  Object.assign(combinedSet, set);
  combinedRemove.push(...remove);
  const label = spec.label ?? 'scenario';
  const text = stringify({ overlay: 'scenario', title: `scenario ${label}`, base: modelPath, set: combinedSet, remove: combinedRemove });
  // A virtual file beside the model, so messages say which scenario's overrides are wrong.
  return loadModelText(text, join(dirname(modelPath), `<scenario ${label}>.yaml`));
}
