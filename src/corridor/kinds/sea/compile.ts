/** Compiling a sea leg: allocation per sailing in FEU, sailings as a headway, transit in hours. */
import type { Distribution } from '../../../distributions/index.ts';
import type { CompileContext } from '../../compile-context.ts';
import type { PathSegment } from '../../model-error.ts';
import { capacityFeu, durationHours, HOURS_PER_WEEK } from '../../units.ts';
import { checkReducedLeavesOne, legBase, type DisruptionSupport } from '../common-compile.ts';
import type { CompiledLegBase } from '../kind.ts';
import type { SeaLegSpec } from './schema.ts';

/** A liner sea leg: timetabled sailings. Times in hours, sizes in FEU. */
export interface CompiledSeaLeg extends CompiledLegBase {
  readonly kind: 'sea';
  /** Capacity per sailing allocated to the modelled flows, FEU. */
  readonly capacityFeu: number;
  /** Hours between sailings (168 / sailings per week). */
  readonly headway: number;
  /** Hours before a sailing by which a box must be at the quay. */
  readonly cutoff: number;
  readonly transit: Distribution;
  readonly transshipment: Distribution | undefined;
}

/** Compile one sea leg. */
export function compileSeaLeg(id: string, spec: SeaLegSpec, c: CompileContext, at: readonly PathSegment[], support: DisruptionSupport): CompiledSeaLeg {
  const capacity = capacityFeu(spec.vessel);
  checkReducedLeavesOne(spec.disruptions, capacity, 1, at, c);
  return {
    ...legBase(id, spec, support, at, c),
    kind: 'sea',
    capacityFeu: capacity,
    headway: HOURS_PER_WEEK / spec.sailingsPerWeek,
    cutoff: spec.cutoff === undefined ? 0 : durationHours(spec.cutoff),
    transit: c.time(spec.transit, [...at, 'transit']),
    transshipment: c.optionalTime(spec.transshipment, [...at, 'transshipment']),
  };
}
