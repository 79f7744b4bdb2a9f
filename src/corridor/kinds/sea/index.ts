/** The sea kind: a liner service between two ports. */
import { formatHours, round } from '../describe-format.ts';
import type { KindModule } from '../kind.ts';
import { compileSeaLeg, type CompiledSeaLeg } from './compile.ts';
import { seaLegSchema, type SeaLegSpec } from './schema.ts';
import { SeaLegStage } from './stage.ts';

const support = { reduces: 'allocation per sailing', repairs: undefined, waterside: false } as const;

/** Sea legs: timetabled sailings with an allocation per sailing, transit and transshipment. */
export const seaKind: KindModule<SeaLegSpec, CompiledSeaLeg> = {
  kind: 'sea',
  role: 'leg',
  handles: 'containers',
  schema: seaLegSchema,
  ...support,
  background: undefined,
  mapStyle: { dash: [7, 4] },
  compile: (id, spec, c, at) => compileSeaLeg(id, spec, c, at, support),
  createStage: (spec, build) => new SeaLegStage(spec, build.stage(spec.from), build.run),
  describe(leg) {
    const hours = 168 / leg.headway;
    return { capacity: `${round(leg.capacityFeu)} FEU/sailing`, departs: `${round(hours)} sailings/week`, times: `transit ${formatHours(leg.transit.mean)}` };
  },
};
