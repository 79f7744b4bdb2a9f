/**
 * Compiling a ferry leg: vessel size in FEU, the departure policy in hours, handling rates per
 * FEU. A rate given per vessel call becomes a per-FEU time with the call's mean spread over a
 * full load (floor(loadFactor x capacity) boxes); the per-box draws are independent, so a call's
 * total varies less than the per-call distribution says (its variance shrinks by the load).
 */
import type { Distribution } from '../../../distributions/index.ts';
import { usableItems, type DeparturePolicy } from '../../../resources/index.ts';
import type { CompileContext } from '../../compile-context.ts';
import type { PathSegment } from '../../model-error.ts';
import { capacityFeu, scaleDistribution } from '../../units.ts';
import { compilePolicy } from '../compile-policy.ts';
import { checkReducedLeavesOne, checkRepairsFit, legBase, type DisruptionSupport } from '../common-compile.ts';
import type { CompiledLegBase } from '../kind.ts';
import type { FerryLegSpec } from './schema.ts';

/** A ferry/feeder crossing run as berth operations. Times in hours, sizes in FEU. */
export interface CompiledFerryLeg extends CompiledLegBase {
  readonly kind: 'ferry';
  /** Nominal vessel capacity, FEU. */
  readonly capacityFeu: number;
  readonly vessels: number;
  readonly berths: number;
  readonly policy: DeparturePolicy;
  readonly berthing: Distribution | undefined;
  /** Loading one FEU, hours. */
  readonly loadPerFeu: Distribution;
  readonly closing: Distribution | undefined;
  readonly sailing: Distribution;
  /** Unloading one FEU, hours. */
  readonly unloadPerFeu: Distribution;
  readonly turnaround: Distribution | undefined;
  readonly return: Distribution;
  /** Share of nominal capacity usable, (0, 1]. */
  readonly loadFactor: number;
}

function perFeu(spec: FerryLegSpec['loading'], boxes: number, at: readonly PathSegment[], c: CompileContext): Distribution {
  if ('perFeu' in spec) return c.time(spec.perFeu, [...at, 'perFeu']);
  const call = c.time(spec.perCall, [...at, 'perCall']);
  return scaleDistribution(call, 1 / boxes, 'hours per FEU');
}

/** Compile one ferry leg. */
export function compileFerryLeg(id: string, spec: FerryLegSpec, c: CompileContext, at: readonly PathSegment[], support: DisruptionSupport): CompiledFerryLeg {
  const capacity = capacityFeu(spec.vessel);
  const boxes = usableItems(capacity, spec.loadFactor);
  if (boxes < 1) c.fail([...at, 'loadFactor'], spec.loadFactor, `a share that leaves at least 1 of the ${capacity} FEU (at least ${1 / capacity})`);
  checkReducedLeavesOne(spec.disruptions, capacity, spec.loadFactor, at, c);
  checkRepairsFit(spec.disruptions, spec.fleet.vessels, 'vessels', at, c);
  const full = Math.max(1, boxes);
  const sailing = c.time(spec.sailing, [...at, 'sailing']);
  return {
    ...legBase(id, spec, support, at, c),
    kind: 'ferry',
    capacityFeu: capacity,
    vessels: spec.fleet.vessels,
    berths: spec.berths ?? 1,
    policy: compilePolicy(spec.departure, [...at, 'departure'], capacity, c),
    berthing: c.optionalTime(spec.berthing, [...at, 'berthing']),
    loadPerFeu: perFeu(spec.loading, full, [...at, 'loading'], c),
    closing: c.optionalTime(spec.closing, [...at, 'closing']),
    sailing,
    unloadPerFeu: perFeu(spec.unloading, full, [...at, 'unloading'], c),
    turnaround: c.optionalTime(spec.turnaround, [...at, 'turnaround']),
    return: c.optionalTime(spec.return, [...at, 'return']) ?? sailing,
    loadFactor: spec.loadFactor,
  };
}
