/**
 * `corridor-sim list`: what ships with the project: models (models/*.yaml) with their titles,
 * overlays (models/overlays/*.yaml) with their title and base model, and experiments
 * (experiments/*.ts that define one: what `run` accepts) with the first sentence of their doc
 * comment, read as text, never run; and the studies of the registry (`corridor-sim study`).
 */
import type { Command } from 'commander';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../build/bundle.ts';
import { withExitCodes } from './exit.ts';

/** One shipped file and what it is. */
export interface ShippedEntry {
  /** Path relative to the current folder. */
  readonly file: string;
  readonly title: string;
  /** For an overlay: its base model, relative to the current folder. */
  readonly base?: string;
}

/** Shipped models, overlays, experiments and studies. */
export interface Shipped {
  readonly models: readonly ShippedEntry[];
  readonly overlays: readonly ShippedEntry[];
  /** Experiment files: exactly what `corridor-sim run` accepts. */
  readonly experiments: readonly ShippedEntry[];
  /** Studies of the registry (`corridor-sim study <name>`): the entry's `file` is the name. */
  readonly studies: readonly ShippedEntry[];
}

/**
 * True if the file's text defines an experiment for `corridor-sim run` (a default export made by
 * defineExperiment or defineSensitivity). Read as text: importing would run the file.
 */
export function definesExperiment(text: string): boolean {
  return /\bexport\s+default\b/.test(text) && /\b(defineExperiment|defineSensitivity)\s*\(/.test(text);
}

const shown = (absolute: string): string => path.relative(process.cwd(), absolute) || '.';

function filesIn(folder: string, extension: string): string[] {
  const dir = path.join(projectRoot, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(extension)).sort().map((f) => path.join(dir, f));
}

function yamlHead(file: string): { title?: unknown; base?: unknown } {
  try {
    return (parse(readFileSync(file, 'utf8')) ?? {}) as { title?: unknown; base?: unknown };
  } catch {
    return {};
  }
}

/**
 * What an experiment file is about: the first sentence of its leading doc comment, else its
 * `name: '...'`, else nothing. Importing the file would run its validation (and load models).
 */
export function experimentTitle(text: string): string {
  const doc = /\/\*\*([\s\S]*?)\*\//.exec(text)?.[1];
  if (doc !== undefined) {
    const paragraph = doc.split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim());
    const first = paragraph.slice(paragraph.findIndex((l) => l !== '')).join('\n').split('\n\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
    const sentence = /^.*?[.?!](?=\s|$)/.exec(first)?.[0] ?? first;
    if (sentence !== '') return sentence;
  }
  return /\bname:\s*['"]([^'"]+)['"]/.exec(text)?.[1] ?? '';
}

/** Everything shipped, read from the project folder. */
export async function shipped(): Promise<Shipped> {
  // The registry loads the studies' code; only `list` and `study` need it, so not at start-up.
  const { STUDIES } = await import('../studies/registry.ts');
  const scripts = new Set(STUDIES.map((s) => path.join(projectRoot, s.script)));
  const models = filesIn('models', '.yaml').map((f) => ({ file: shown(f), title: String(yamlHead(f).title ?? '') }));
  const overlays = filesIn(path.join('models', 'overlays'), '.yaml').map((f): ShippedEntry => {
    const head = yamlHead(f);
    const base = typeof head.base === 'string' ? shown(path.resolve(path.dirname(f), head.base)) : undefined;
    return { file: shown(f), title: String(head.title ?? ''), ...(base !== undefined ? { base } : {}) };
  });
  const experiments = filesIn('experiments', '.ts')
    .filter((f) => !scripts.has(f))
    .map((f) => ({ file: f, text: readFileSync(f, 'utf8') }))
    .filter((f) => definesExperiment(f.text))
    .map((f) => ({ file: shown(f.file), title: experimentTitle(f.text) }));
  const studies = STUDIES.map((s) => ({ file: s.name, title: s.title }));
  return { models, overlays, experiments, studies };
}

function section(heading: string, entries: readonly ShippedEntry[]): string[] {
  const width = Math.max(0, ...entries.map((e) => e.file.length));
  const lines = entries.map((e) => `  ${e.file.padEnd(width)}  ${e.title}${e.base !== undefined ? ` (on ${e.base})` : ''}`);
  return [heading, ...(lines.length > 0 ? lines : ['  (none)']), ''];
}

/** Add the `list` subcommand to `program`. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the shipped models, overlays, experiments and studies')
    .addHelpText('after', '\nExample:\n  corridor-sim list\n')
    .action(() =>
      withExitCodes(async () => {
        const s = await shipped();
        process.stdout.write(`${
          [
            ...section('Models (corridor-sim validate <file>, corridor-sim simulate <file>):', s.models),
            ...section('Overlays (--overlay <file>, or in an experiment scenario):', s.overlays),
            ...section('Experiments (corridor-sim run <file>):', s.experiments),
            ...section('Studies (corridor-sim study <name>):', s.studies),
          ].join('\n').trimEnd()
        }\n`);
      }),
    );
}
