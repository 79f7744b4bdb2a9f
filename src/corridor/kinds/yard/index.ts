/** The yard kind: a border crossing or gauge-change station handling whole trains. */
import { formatHours, round } from '../describe-format.ts';
import type { KindModule } from '../kind.ts';
import { compileYard, type CompiledYard } from './compile.ts';
import { yardSchema, type YardSpec } from './schema.ts';
import { YardStage } from './stage.ts';

const support = { reduces: 'tracks and trains per day', repairs: 'tracks', waterside: false } as const;

/** Yards: tracks, processing per train by direction, a daily cap. */
export const yardKind: KindModule<YardSpec, CompiledYard> = {
  kind: 'yard',
  role: 'node',
  handles: 'trains',
  schema: yardSchema,
  ...support,
  background: 'train',
  mapStyle: { shape: 'square' },
  compile: (id, spec, c, at) => compileYard(id, spec, c, at, support),
  createStage: (spec, build) => new YardStage(spec, build.run),
  describe(node) {
    const trains = node.minHeadway !== undefined ? `, ${round(24 / node.minHeadway)} trains/day` : '';
    const east = node.processing.eastbound !== node.processing.westbound ? `, ${formatHours(node.processing.eastbound.mean)} eastbound` : '';
    return { capacity: `${node.tracks} track${node.tracks === 1 ? '' : 's'}${trains}`, departs: '', times: `processing ${formatHours(node.processing.westbound.mean)}/train westbound${east}` };
  },
};
