/** Compiling a yard: tracks, processing per direction in hours, the daily cap as a headway. */
import type { Distribution } from '../../../distributions/index.ts';
import type { CompileContext } from '../../compile-context.ts';
import type { PathSegment } from '../../model-error.ts';
import { HOURS_PER_DAY } from '../../units.ts';
import { nodeBase, type DisruptionSupport } from '../common-compile.ts';
import type { CompiledNodeBase, Direction } from '../kind.ts';
import type { YardSpec } from './schema.ts';

/** A border crossing or gauge-change yard: whole trains handled. Times in hours. */
export interface CompiledYard extends CompiledNodeBase {
  readonly kind: 'yard';
  /** Trains handled at once. */
  readonly tracks: number;
  /** Processing time per train by direction, hours. */
  readonly processing: Readonly<Record<Direction, Distribution>>;
  /** Minimum hours between train starts (24 / trains per day), or undefined. */
  readonly minHeadway: number | undefined;
}

/** Compile one yard. */
export function compileYard(id: string, spec: YardSpec, c: CompileContext, at: readonly PathSegment[], support: DisruptionSupport): CompiledYard {
  const westbound = c.time(spec.processing.westbound, [...at, 'processing', 'westbound']);
  // One set of timings serves both directions unless the file says the borders differ.
  const eastbound = c.optionalTime(spec.processing.eastbound, [...at, 'processing', 'eastbound']) ?? westbound;
  const minHeadway = spec.trainsPerDay === undefined ? undefined : HOURS_PER_DAY / spec.trainsPerDay;
  return { ...nodeBase(id, spec, support, at, c), kind: 'yard', tracks: spec.tracks, processing: { westbound, eastbound }, minHeadway };
}
