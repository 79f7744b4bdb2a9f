/**
 * The output-path checks every command uses (src/output/output-paths.ts): folders that exist or
 * can be created, files that can be written, and paths built under a root that cannot leave it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentError } from '../../src/experiments/experiment-error.ts';
import { checkOutputFile, checkOutputFolder, OutputPathError, pathInside } from '../../src/output/output-paths.ts';
import { tempRoot } from '../experiments/cli-helpers.ts';

function layout(): { root: string; file: string; dir: string } {
  const root = tempRoot();
  const file = path.join(root, 'file.txt');
  const dir = path.join(root, 'dir');
  writeFileSync(file, 'x');
  mkdirSync(dir);
  return { root, file, dir };
}

describe('checkOutputFolder', () => {
  it('accepts an existing folder and one that can be created below it', () => {
    const { dir } = layout();
    expect(() => checkOutputFolder(dir, 'option --out')).not.toThrow();
    expect(() => checkOutputFolder(path.join(dir, 'a', 'b'), 'option --out')).not.toThrow();
  });

  it('refuses a file, and a folder under a file, naming the option, the path and the file', () => {
    const { file } = layout();
    expect(() => checkOutputFolder(file, 'option --out')).toThrow(`option --out: ${file}: exists and is not a folder`);
    expect(() => checkOutputFolder(path.join(file, 'x', 'y'), 'option --out')).toThrow(`option --out: ${path.join(file, 'x', 'y')}: ${file} is a file, not a folder`);
  });

  it('throws bad input: an OutputPathError, which is an ExperimentError (exit code 2)', () => {
    const { file } = layout();
    expect(() => checkOutputFolder(file, 'x')).toThrow(OutputPathError);
    expect(() => checkOutputFolder(file, 'x')).toThrow(ExperimentError);
  });
});

describe('checkOutputFile', () => {
  it('accepts a new file in an existing folder and an existing file', () => {
    const { dir, file } = layout();
    expect(() => checkOutputFile(path.join(dir, 'new.csv'), 'option --events')).not.toThrow();
    expect(() => checkOutputFile(file, 'option --events')).not.toThrow();
  });

  it('refuses a folder, a missing folder, and a folder that is a file', () => {
    const { root, dir, file } = layout();
    expect(() => checkOutputFile(dir, 'option --events')).toThrow(`option --events: ${dir}: is a folder, expected a file name`);
    const missing = path.join(root, 'none', 'trace.txt');
    expect(() => checkOutputFile(missing, 'option --events')).toThrow(`option --events: ${missing}: folder ${path.join(root, 'none')} does not exist`);
    expect(() => checkOutputFile(path.join(file, 'trace.txt'), 'option --events')).toThrow(`${file} is a file, not a folder`);
  });

  it('accepts a missing folder when the caller creates it', () => {
    const { root } = layout();
    expect(() => checkOutputFile(path.join(root, 'new', 'report.html'), 'option --out', true)).not.toThrow();
  });
});

describe('pathInside', () => {
  it('joins parts that stay inside the root', () => {
    expect(pathInside('results', ['tiny', 'r1'], 'option --out')).toBe(path.join('results', 'tiny', 'r1'));
  });

  it.each([[['..', '..']], [['../x']], [['tiny', '../../x']], [['/etc']], [['.']], [['']]])('refuses %j', (parts) => {
    expect(() => pathInside('results', parts, 'merge')).toThrow(OutputPathError);
    expect(() => pathInside('results', parts, 'merge')).toThrow(/^merge: .* outside the output folder results$/);
  });
});
