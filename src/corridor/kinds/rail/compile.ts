/**
 * Compiling a rail leg: train size in FEU, the departure policy in hours, paths per day as a
 * headway on its line (legs naming the same line must agree on it), running time in hours.
 */
import type { Distribution } from '../../../distributions/index.ts';
import type { DeparturePolicy } from '../../../resources/index.ts';
import type { CompileContext } from '../../compile-context.ts';
import type { PathSegment } from '../../model-error.ts';
import { capacityFeu, HOURS_PER_DAY } from '../../units.ts';
import { compilePolicy } from '../compile-policy.ts';
import { legBase, type DisruptionSupport } from '../common-compile.ts';
import type { CompiledLegBase } from '../kind.ts';
import type { RailLegSpec } from './schema.ts';

/** A rail leg: block trains assembled at `from`. Times in hours, sizes in FEU. */
export interface CompiledRailLeg extends CompiledLegBase {
  readonly kind: 'rail';
  /** Train length, FEU. */
  readonly capacityFeu: number;
  /** Departure policy in hours and FEU. */
  readonly policy: DeparturePolicy;
  /** Hours a departing train occupies its line (24 / paths per day). */
  readonly pathHeadway: number;
  /** Line id: legs with the same line share train paths (defaults to the leg id). */
  readonly line: string;
  /** Running time, hours. */
  readonly running: Distribution;
  /** Trainsets cycling on the leg, or undefined for always available. */
  readonly fleet: { readonly trainsets: number; readonly return: Distribution } | undefined;
}

/** Compile one rail leg; the first leg seen on each line sets its paths per day. */
export function compileRailLeg(id: string, spec: RailLegSpec, c: CompileContext, at: readonly PathSegment[], support: DisruptionSupport): CompiledRailLeg {
  const capacity = capacityFeu(spec.train);
  const line = spec.line ?? id;
  const other = Object.entries(c.model.legs).find(([otherId, leg]) => otherId !== id && leg.kind === 'rail' && (leg.line ?? otherId) === line);
  if (other !== undefined) {
    const [otherId, otherLeg] = other;
    const theirs = (otherLeg as RailLegSpec).pathsPerDay;
    // Reported once, on the later leg of the pair in file order.
    const later = Object.keys(c.model.legs).indexOf(id) > Object.keys(c.model.legs).indexOf(otherId);
    if (later && theirs !== spec.pathsPerDay) c.fail([...at, 'pathsPerDay'], spec.pathsPerDay, `${theirs}, as on leg "${otherId}", which shares line "${line}"`);
  }
  const fleet = spec.fleet === undefined ? undefined : { trainsets: spec.fleet.trainsets, return: c.time(spec.fleet.return, [...at, 'fleet', 'return']) };
  const policy = compilePolicy(spec.departure, [...at, 'departure'], capacity, c);
  return { ...legBase(id, spec, support, at, c), kind: 'rail', capacityFeu: capacity, policy, pathHeadway: HOURS_PER_DAY / spec.pathsPerDay, line, running: c.time(spec.running, [...at, 'running']), fleet };
}
