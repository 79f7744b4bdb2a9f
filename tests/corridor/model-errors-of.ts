/**
 * The errors of loading a model text, for the tests of bad models: fails the test unless the
 * loader throws ModelErrors.
 */
import { expect } from 'vitest';
import { loadModelText } from '../../src/corridor/load-model.ts';
import { type ModelError, ModelErrors } from '../../src/corridor/model-error.ts';

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
