/** Compiling a terminal: servers, handling, dwell and customs in hours, the gate as a headway. */
import type { Distribution } from '../../../distributions/index.ts';
import type { CompileContext } from '../../compile-context.ts';
import type { PathSegment } from '../../model-error.ts';
import { HOURS_PER_DAY } from '../../units.ts';
import { nodeBase, type DisruptionSupport } from '../common-compile.ts';
import type { CompiledNodeBase } from '../kind.ts';
import type { TerminalSpec } from './schema.ts';

/** A port or rail terminal: containers handled one by one. Times in hours. */
export interface CompiledTerminal extends CompiledNodeBase {
  readonly kind: 'terminal';
  /** Parallel handling servers (cranes, reach stackers). */
  readonly servers: number;
  /** Handling time per FEU, hours. */
  readonly handling: Distribution;
  /** Yard dwell per FEU, hours. */
  readonly dwell: Distribution | undefined;
  /** Customs / inspection delay per FEU, hours. */
  readonly customs: Distribution | undefined;
  /** Hours per container at the gate (24 / containers per day), or undefined for no gate limit. */
  readonly gateHeadway: number | undefined;
}

/** Compile one terminal. */
export function compileTerminal(id: string, spec: TerminalSpec, c: CompileContext, at: readonly PathSegment[], support: DisruptionSupport): CompiledTerminal {
  return {
    ...nodeBase(id, spec, support, at, c),
    kind: 'terminal',
    servers: spec.handling.servers,
    handling: c.time(spec.handling.time, [...at, 'handling', 'time']),
    dwell: c.optionalTime(spec.dwell, [...at, 'dwell']),
    customs: c.optionalTime(spec.customs, [...at, 'customs']),
    gateHeadway: spec.gate === undefined ? undefined : HOURS_PER_DAY / spec.gate.containersPerDay,
  };
}
