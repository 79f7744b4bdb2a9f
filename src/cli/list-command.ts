/**
 * `corridor-sim list`: what ships with the project: models (models/*.yaml) with their titles,
 * overlays (models/overlays/*.yaml) with their title and base model, and experiments
 * (experiments/*.ts) with the first sentence of their doc comment. Read as text, never run.
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

/** Shipped models, overlays and experiments. */
export interface Shipped {
  readonly models: readonly ShippedEntry[];
  readonly overlays: readonly ShippedEntry[];
  readonly experiments: readonly ShippedEntry[];
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
export function shipped(): Shipped {
  const models = filesIn('models', '.yaml').map((f) => ({ file: shown(f), title: String(yamlHead(f).title ?? '') }));
  const overlays = filesIn(path.join('models', 'overlays'), '.yaml').map((f): ShippedEntry => {
    const head = yamlHead(f);
    const base = typeof head.base === 'string' ? shown(path.resolve(path.dirname(f), head.base)) : undefined;
    return { file: shown(f), title: String(head.title ?? ''), ...(base !== undefined ? { base } : {}) };
  });
  const experiments = filesIn('experiments', '.ts').map((f) => ({ file: shown(f), title: experimentTitle(readFileSync(f, 'utf8')) }));
  return { models, overlays, experiments };
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
    .description('list the shipped models, overlays and experiments')
    .addHelpText('after', '\nExample:\n  corridor-sim list\n')
    .action(() =>
      withExitCodes(() => {
        const s = shipped();
        console.log(
          [
            ...section('Models (corridor-sim validate <file>, corridor-sim simulate <file>):', s.models),
            ...section('Overlays (--overlay <file>, or in an experiment scenario):', s.overlays),
            ...section('Experiments (corridor-sim run <file>):', s.experiments),
          ].join('\n').trimEnd(),
        );
      }),
    );
}
