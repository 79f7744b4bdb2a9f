/**
 * The errors of loading a model text, for the tests of bad models: fails the test unless the
 * loader throws ModelErrors.
 */
import { expect } from 'vitest';
import { loadModelText } from '../../src/corridor/load-model.ts';
import { type ModelError, ModelErrors } from '../../src/corridor/model-error.ts';

/** A bad-model case: an edit of a good fixture and the error it must give. */
export interface EditCase {
  readonly name: string;
  /** Replace `from` (which must occur once in the good fixture) by `to`. */
  readonly from: string;
  readonly to: string;
  /** The error's path, the value it got, and a part of the expected words. */
  readonly path: string;
  readonly got: string;
  readonly expected: string;
}

/** The errors of loading `text` as file `file` (the path the messages name); fails if it loads. */
export function modelErrorsOf(text: string, file: string): readonly ModelError[] {
  try {
    loadModelText(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelErrors);
    return (error as ModelErrors).errors;
  }
  throw new Error('expected ModelErrors, but the model loaded');
}
