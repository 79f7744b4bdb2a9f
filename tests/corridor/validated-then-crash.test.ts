/**
 * "A model that validates must run" (issue 12): each case below used to pass the loader and then
 * die at run time with a stack trace (a RangeError from BatchTransport or a distribution, an
 * Infinity after unit conversion, an out-of-memory array, an endless loop at one instant). Each
 * now fails to load with one ModelError naming the file, line, field, value and expectation;
 * and the good fixture with the edit undone still loads and runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EditCase, modelErrorsOf } from './model-errors-of.ts';
import { loadModelText } from '../../src/corridor/load-model.ts';
import type { ModelError } from '../../src/corridor/model-error.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';

const FILE = fileURLToPath(new URL('./fixtures/crash.yaml', import.meta.url));
const good = readFileSync(fileURLToPath(new URL('./fixtures/small-corridor.yaml', import.meta.url)), 'utf8');

const errorsOf = (text: string): readonly ModelError[] => modelErrorsOf(text, FILE);

const cases: readonly EditCase[] = [
  { name: 'a fleet of 1e9 trainsets (per-unit arrays out of memory)', from: 'fleet: { trainsets: 6', to: 'fleet: { trainsets: 1e9', path: 'legs.xian-dostyk.fleet.trainsets', got: '1000000000', expected: 'a whole number <= 10000' },
  { name: 'a time distribution whose mean overflows to Infinity in hours', from: 'between: { dist: exponential, mean: 20, unit: days }', to: 'between: { dist: exponential, mean: 1e308, unit: days }', path: 'weather.caspian.between', got: 'exponential with mean 1e+308 and variance Infinity', expected: 'a distribution with a mean of at most 36500 days (100 years) and a finite variance' },
  { name: 'a duration that overflows to Infinity in hours (BatchTransport maxWait)', from: 'maxWait: { days: 2 }', to: 'maxWait: { days: 1e308 }', path: 'legs.xian-dostyk.departure.maxWait.days', got: '1e+308', expected: 'a number <= 36500' },
  { name: 'a rate so small its headway is Infinity', from: 'pathsPerDay: 8', to: 'pathsPerDay: 5e-324', path: 'legs.xian-dostyk.pathsPerDay', got: '5e-324', expected: 'a number >= 0.001' },
  { name: 'a vehicle of less than one FEU', from: 'train: { capacityTeu: 100 }', to: 'train: { capacityTeu: 1 }', path: 'legs.xian-dostyk.train.capacityTeu', got: '1', expected: 'a number >= 2' },
  { name: 'a tiny load factor that leaves no box', from: 'loadFactor: 0.8', to: 'loadFactor: 1e-300', path: 'legs.caspian.loadFactor', got: '1e-300', expected: 'a share that leaves at least 1 of the 150 FEU' },
  { name: 'reduced factors that, active at once, leave a vessel no box (ferry)', from: '        reason: low water\n', to: '        reason: low water\n      - { effect: reduced, factor: 0.01, weather: caspian }\n', path: 'legs.caspian.disruptions[1].factor', got: '0.01', expected: 'leave at least 1 of the 150 FEU per vehicle' },
  { name: 'more vessels in repair than the fleet has', from: '        reason: low water\n', to: '        reason: low water\n      - { effect: repair, units: 4, window: { from: "2025-02-01", to: "2025-02-03" } }\n', path: 'legs.caspian.disruptions[1].units', got: '4', expected: 'take out at most its 3 vessels' },
  { name: 'a lot size of 0 (lots at one instant for ever)', from: 'size: { dist: discrete, values: [1, 2], weights: [0.5, 0.5] }', to: 'size: { dist: deterministic, value: 0 }', path: 'demand[0].arrivals.batched.size', got: 'deterministic with mean 0 and variance 0', expected: 'a mean from 1 to 100000 FEU' },
  { name: 'a demand of 1e308 FEU per week', from: 'volume: { feuPerWeek: 84 }', to: 'volume: { feuPerWeek: 1e308 }', path: 'demand[1].volume.feuPerWeek', got: '1e+308', expected: 'at most 1000000 FEU per week' },
  { name: 'a monthly multiplier of 1e308', from: '[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', to: '[1e308, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', path: 'demand[0].seasonality[0]', got: '1e+308', expected: 'a number <= 1000' },
  { name: 'a freight rate of 1e308 (generalised costs overflow)', from: 'freightRateUsdPerFeu: 4200', to: 'freightRateUsdPerFeu: 1e308', path: 'routes.middle.freightRateUsdPerFeu', got: '1e+308', expected: 'a number <= 1000000000' },
];

describe('validated, then crashed: now refused by the loader', () => {
  it('the unedited fixture loads and runs (the edits below are what breaks it)', () => {
    const result = runReplication(loadModelText(good, FILE), { seed: 1, warmupHours: 0, horizonHours: 72 });
    expect(result.containers.entered).toBeGreaterThan(0);
  });

  it.each(cases)('$name', (c) => {
    expect(good.split(c.from)).toHaveLength(2);
    const errors = errorsOf(good.replace(c.from, c.to));
    const error = errors.find((e) => e.path === c.path);
    expect(error, errors.map((e) => e.message).join('\n')).toBeDefined();
    expect(error?.file).toBe(FILE);
    expect(error?.line).toBeGreaterThan(0);
    expect(error?.got).toBe(c.got);
    expect(error?.expected).toContain(c.expected);
  });
});
