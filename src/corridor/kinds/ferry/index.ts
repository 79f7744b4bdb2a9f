/** The ferry kind: a Caspian feeder or Ro-Pax crossing run as berth operations. */
import { usableItems } from '../../../resources/index.ts';
import { formatHours, policyText, round } from '../describe-format.ts';
import type { KindModule } from '../kind.ts';
import { compileFerryLeg, type CompiledFerryLeg } from './compile.ts';
import { ferryLegSchema, type FerryLegSpec } from './schema.ts';
import { FerryLegStage } from './stage.ts';

const support = { reduces: 'usable load per vessel', repairs: 'vessels', waterside: false } as const;

/** Ferry legs: vessels calling at two ports, boxes loaded and unloaded one by one. */
export const ferryKind: KindModule<FerryLegSpec, CompiledFerryLeg> = {
  kind: 'ferry',
  role: 'leg',
  handles: 'containers',
  schema: ferryLegSchema,
  ...support,
  background: 'unit',
  mapStyle: { dash: [2, 3] },
  compile: (id, spec, c, at) => compileFerryLeg(id, spec, c, at, support),
  createStage: (spec, build) => new FerryLegStage(spec, build.stage(spec.from), build.stage(spec.to), build.run),
  describe(leg) {
    const usable = leg.loadFactor < 1 ? ` (${round(leg.loadFactor * 100)}% usable)` : '';
    const full = usableItems(leg.capacityFeu, leg.loadFactor);
    const call = `load ${formatHours(leg.loadPerFeu.mean * full)}/call`;
    return { capacity: `${leg.vessels} vessels x ${round(leg.capacityFeu)} FEU${usable}`, departs: policyText(leg.policy), times: `${call}, sailing ${formatHours(leg.sailing.mean)}` };
  },
};
