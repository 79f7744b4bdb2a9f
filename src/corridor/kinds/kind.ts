/**
 * What a kind of node or leg is: one module (src/corridor/kinds/<kind>/index.ts) holding its
 * file schema, its compile step, its runtime stage and its description, listed by one line in
 * registry.ts. Nothing else in the code names a kind, so adding one (a truck leg, a dry port)
 * is one folder and one registry line.
 */
import type { z } from 'zod';
import type { Distribution } from '../../distributions/index.ts';
import type { CompileContext } from '../compile-context.ts';
import type { PathSegment } from '../model-error.ts';
import type { RunContext } from '../runtime/container.ts';
import type { Stage } from '../runtime/stage.ts';

/** Direction of travel; yards may process the two differently (inbound vs outbound borders). */
export type Direction = 'westbound' | 'eastbound';

/** When a disruption is active. Times in hours from simulation time 0. */
export type DisruptionTiming =
  | { readonly kind: 'weather'; readonly driver: string }
  | { readonly kind: 'random'; readonly between: Distribution; readonly duration: Distribution; readonly seasonality: readonly number[] | undefined }
  | { readonly kind: 'window'; readonly start: number; readonly end: number; readonly repeatEvery: number | undefined };

/** A compiled disruption: its effect while active, and when it is active. */
export interface CompiledDisruption {
  readonly effect: 'closed' | 'reduced' | 'repair';
  /** For `closed`: the whole place, or only its waterside (a port's berths; ports only). */
  readonly scope: 'all' | 'waterside';
  /** Capacity multiplier while active (`reduced`); 1 otherwise. */
  readonly factor: number;
  /** Units out of service while active (`repair`); 0 otherwise. */
  readonly units: number;
  readonly timing: DisruptionTiming;
  /** What it stands for (storm, border hold), for reports. */
  readonly reason: string;
}

/** Fields every compiled node and leg has. */
export interface CompiledStageBase {
  readonly id: string;
  readonly name: string;
  readonly disruptions: readonly CompiledDisruption[];
  /** `non-binding`: the capacity is an assumption believed not to bind (the run warns if it does). */
  readonly capacityAssumption: 'non-binding' | undefined;
}

/** Fields every compiled node has. */
export interface CompiledNodeBase extends CompiledStageBase {
  readonly country: string | undefined;
  /** Longitude and latitude in degrees, for maps. */
  readonly position: { readonly lon: number; readonly lat: number } | undefined;
}

/** Fields every compiled leg has. */
export interface CompiledLegBase extends CompiledStageBase {
  readonly from: string;
  readonly to: string;
  readonly direction: Direction;
  /** Points (degrees) the report's map draws the leg through between its ends; absent: a straight line. Map only. */
  readonly waypoints?: readonly { readonly lon: number; readonly lat: number }[];
}

/** What building a stage may look up: the replication, and stages built before it (nodes before legs). */
export interface BuildContext {
  readonly run: RunContext;
  /** The stage of a node (legs find their ports here); throws for an unknown id. */
  stage(id: string): Stage;
}

/** The columns `corridor-sim validate` prints for a node or leg, in people's units. */
export interface KindDescription {
  readonly capacity: string;
  /** Departure rule of a leg ('' for nodes). */
  readonly departs: string;
  readonly times: string;
}

/** One kind of node or leg. Methods (not arrow properties) so a module of one kind serves as one of the union. */
export interface KindModule<Spec extends { readonly kind: string }, Compiled extends CompiledStageBase & { readonly kind: string }> {
  readonly kind: Compiled['kind'];
  readonly role: 'node' | 'leg';
  /** What it handles: whole trains (yards, rail legs) or single containers (terminals, vessels). */
  readonly handles: 'trains' | 'containers';
  /** The file schema: a strict zod object whose `kind` is this kind's literal. */
  readonly schema: z.ZodType<Spec>;
  /** What `reduced` scales ("servers", "paths per day"), or undefined if the kind has no such capacity. */
  readonly reduces: string | undefined;
  /** What `repair` takes out of service ("vessels", "tracks"), or undefined if not supported. */
  readonly repairs: string | undefined;
  /** True for places with a waterside (ports) that a closure may shut on its own. */
  readonly waterside: boolean;
  /** What background traffic is here: whole trains, single units (FEU-equivalents), or none. */
  readonly background: 'train' | 'unit' | undefined;
  /** How the map draws it: a node's point shape, a leg's stroke dash (Vega-Lite values). */
  readonly mapStyle: { readonly shape?: string; readonly dash?: readonly number[] };
  /** Compile a schema-valid spec, recording bad values in `c` (path `at` points at the spec). */
  compile(id: string, spec: Spec, c: CompileContext, at: readonly PathSegment[]): Compiled;
  /** The runtime stage of one replication. */
  createStage(spec: Compiled, build: BuildContext): Stage;
  /** Summary columns for `corridor-sim validate`. */
  describe(spec: Compiled): KindDescription;
}
