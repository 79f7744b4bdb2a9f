/** The rail kind: block trains on a line's paths. */
import { formatHours, policyText, round } from '../describe-format.ts';
import type { KindModule } from '../kind.ts';
import { compileRailLeg, type CompiledRailLeg } from './compile.ts';
import { linesOf } from './line.ts';
import { railLegSchema, type RailLegSpec } from './schema.ts';
import { RailLegStage } from './stage.ts';

const support = { reduces: 'paths per day of this leg', repairs: undefined, waterside: false } as const;

/** Rail legs: train assembly, shared line paths, running time, optional trainset fleet. */
export const railKind: KindModule<RailLegSpec, CompiledRailLeg> = {
  kind: 'rail',
  role: 'leg',
  handles: 'trains',
  schema: railLegSchema,
  ...support,
  background: 'train',
  mapStyle: { dash: [1, 0] },
  compile: (id, spec, c, at) => compileRailLeg(id, spec, c, at, support),
  createStage: (spec, build) => new RailLegStage(spec, linesOf(build.run).get(spec.line), build.run),
  describe(leg) {
    const fleet = leg.fleet !== undefined ? `, ${leg.fleet.trainsets} trainsets` : '';
    const line = leg.line !== leg.id ? ` (line ${leg.line})` : '';
    return { capacity: `${round(leg.capacityFeu)} FEU/train${fleet}`, departs: `${policyText(leg.policy)}; ${round(24 / leg.pathHeadway)} paths/day${line}`, times: `running ${formatHours(leg.running.mean)}` };
  },
};
