/**
 * Building distributions from their JSON form in model files, e.g.
 * `{ "dist": "lognormal", "mean": 20, "cv": 0.3 }` or
 * `{ "dist": "mixture", "components": [{ "weight": 0.9, "dist": { "dist": "deterministic", "value": 0 } }, …] }`.
 * Every distribution's `toSpec()` returns a form this module accepts.
 */
import type { Distribution } from './distribution.ts';
import { describeValue, DistributionError } from './errors.ts';
import { isPlainObject, readCdfPoints, readMixtureComponents, SpecReader } from './spec-reader.ts';
import { deterministic } from './deterministic.ts';
import { discrete } from './discrete.ts';
import { empiricalCdf } from './empirical-cdf.ts';
import { empiricalSamples } from './empirical-samples.ts';
import { erlang } from './erlang.ts';
import { exponential, exponentialFromMean } from './exponential.ts';
import { gamma } from './gamma.ts';
import { lognormal, lognormalFromMeanCv } from './lognormal.ts';
import { mixture } from './mixture.ts';
import { normal } from './normal.ts';
import { pert } from './pert.ts';
import { triangular } from './triangular.ts';
import { truncatedNormal } from './truncated-normal.ts';
import { uniform } from './uniform.ts';
import { weibull } from './weibull.ts';

export { DistributionError } from './errors.ts';

/** How to read one kind: the parameters it accepts and how to build it from them. */
interface KindReader {
  readonly keys: readonly string[];
  readonly read: (spec: SpecReader) => Distribution;
}

// Every reader reads all parameters first and only then calls the factory inside `s.build`:
// reading errors already carry the full path, and `build` would prefix it a second time.
// A Map, not an object literal, so that "toString" or "__proto__" is an unknown kind, not a hit.
const KINDS = new Map<string, KindReader>([
  ['deterministic', { keys: ['value'], read: (s) => numeric(s, ['value'], (c) => deterministic(c)) }],
  ['uniform', { keys: ['min', 'max'], read: (s) => numeric(s, ['min', 'max'], (a, b) => uniform(a, b)) }],
  ['exponential', { keys: ['rate', 'mean'], read: readExponential }],
  ['erlang', { keys: ['k', 'rate'], read: (s) => numeric(s, ['k', 'rate'], (k, rate) => erlang(k, rate)) }],
  ['gamma', { keys: ['shape', 'scale'], read: (s) => numeric(s, ['shape', 'scale'], (k, theta) => gamma(k, theta)) }],
  ['normal', { keys: ['mu', 'sigma'], read: (s) => numeric(s, ['mu', 'sigma'], (mu, sigma) => normal(mu, sigma)) }],
  ['truncatedNormal', { keys: ['mu', 'sigma', 'min', 'max'], read: readTruncatedNormal }],
  ['lognormal', { keys: ['mu', 'sigma', 'mean', 'cv'], read: readLognormal }],
  [
    'triangular',
    { keys: ['min', 'mode', 'max'], read: (s) => numeric(s, ['min', 'mode', 'max'], (a, c, b) => triangular(a, c, b)) },
  ],
  ['pert', { keys: ['min', 'mode', 'max', 'lambda'], read: readPert }],
  ['weibull', { keys: ['shape', 'scale'], read: (s) => numeric(s, ['shape', 'scale'], (k, l) => weibull(k, l)) }],
  ['empiricalSamples', { keys: ['values'], read: readEmpiricalSamples }],
  ['empiricalCdf', { keys: ['points'], read: readEmpiricalCdf }],
  ['discrete', { keys: ['values', 'weights'], read: readDiscrete }],
  ['mixture', { keys: ['components'], read: readMixture }],
]);

/** Read the required numbers `keys`, then build with `factory` (its errors moved under the spec's path). */
function numeric(s: SpecReader, keys: readonly string[], factory: (...values: number[]) => Distribution): Distribution {
  const values = keys.map((key) => s.number(key));
  return s.build(() => factory(...values));
}

function readExponential(s: SpecReader): Distribution {
  s.rejectMixedForms(['rate'], ['mean']);
  if (s.has('mean')) return numeric(s, ['mean'], (mean) => exponentialFromMean(mean));
  if (!s.has('rate')) throw s.error('rate', 'is missing: exponential needs "rate" or "mean"');
  return numeric(s, ['rate'], (rate) => exponential(rate));
}

function readLognormal(s: SpecReader): Distribution {
  s.rejectMixedForms(['mu', 'sigma'], ['mean', 'cv']);
  if (s.has('mean') || s.has('cv')) return numeric(s, ['mean', 'cv'], (mean, cv) => lognormalFromMeanCv(mean, cv));
  if (!s.has('mu') && !s.has('sigma')) {
    throw s.error('mean', 'is missing: lognormal needs "mean" and "cv", or "mu" and "sigma"');
  }
  return numeric(s, ['mu', 'sigma'], (mu, sigma) => lognormal(mu, sigma));
}

function readTruncatedNormal(s: SpecReader): Distribution {
  const [mu, sigma] = [s.number('mu'), s.number('sigma')];
  // JSON has no infinities: an unbounded side is written by leaving the bound out.
  const [min, max] = [s.optionalNumber('min', -Infinity), s.optionalNumber('max', Infinity)];
  return s.build(() => truncatedNormal(mu, sigma, min, max));
}

function readPert(s: SpecReader): Distribution {
  const [min, mode, max] = [s.number('min'), s.number('mode'), s.number('max')];
  const lambda = s.optionalNumber('lambda', 4);
  return s.build(() => pert(min, mode, max, lambda));
}

function readEmpiricalSamples(s: SpecReader): Distribution {
  const values = s.numberArray('values');
  return s.build(() => empiricalSamples(values));
}

function readEmpiricalCdf(s: SpecReader): Distribution {
  const points = readCdfPoints(s, 'points');
  return s.build(() => empiricalCdf(points));
}

function readDiscrete(s: SpecReader): Distribution {
  const [values, weights] = [s.numberArray('values'), s.numberArray('weights')];
  return s.build(() => discrete(values, weights));
}

function readMixture(s: SpecReader): Distribution {
  const components = readMixtureComponents(s, 'components', distributionFromSpec);
  return s.build(() => mixture(components));
}

/** The `dist` names `distributionFromSpec` understands. */
export const DISTRIBUTION_KINDS: readonly string[] = [...KINDS.keys()];

/**
 * Build a distribution from its JSON form, validating everything once.
 *
 * @param spec the parsed JSON value, `{ "dist": "<kind>", ...parameters }`; see each factory
 *   for its parameters (`exponential` takes `rate` or `mean`; `lognormal` takes `mu` and
 *   `sigma` or `mean` and `cv`; `truncatedNormal`'s `min`/`max` and `pert`'s `lambda` may be
 *   left out). Values are in the model's unit, hours for times.
 * @param path where `spec` is in the model file, used in error messages, e.g. `legs.caspian.sailing`.
 * @throws DistributionError naming the full path of the bad value (`legs.caspian.sailing.cv`),
 *   the value and what was expected, for an unknown kind or key, a missing parameter, a wrong
 *   type or an out-of-range value.
 */
export function distributionFromSpec(spec: unknown, path = 'dist'): Distribution {
  if (!isPlainObject(spec)) {
    const example = '{"dist": "exponential", "mean": 4}';
    throw new DistributionError(path, `must be a distribution object like ${example}, got ${describeValue(spec)}`);
  }
  const kind = spec['dist'];
  const expected = `one of ${DISTRIBUTION_KINDS.map((k) => `"${k}"`).join(', ')}`;
  if (!Object.hasOwn(spec, 'dist')) throw new DistributionError(`${path}.dist`, `is missing: expected ${expected}`);
  const kindReader = typeof kind === 'string' ? KINDS.get(kind) : undefined;
  if (kindReader === undefined) {
    throw new DistributionError(`${path}.dist`, `must be ${expected}, got ${describeValue(kind)}`);
  }
  const reader = new SpecReader(kind as string, path, spec);
  reader.rejectUnknownKeys(kindReader.keys);
  return kindReader.read(reader);
}
