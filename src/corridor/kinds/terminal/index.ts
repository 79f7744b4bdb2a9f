/** The terminal kind: a port or rail terminal handling containers one by one. */
import { formatHours, round } from '../describe-format.ts';
import type { KindModule } from '../kind.ts';
import { compileTerminal, type CompiledTerminal } from './compile.ts';
import { terminalSchema, type TerminalSpec } from './schema.ts';
import { TerminalStage } from './stage.ts';

const support = { reduces: 'handling servers', repairs: 'handling servers', waterside: true } as const;

/** Terminals: handling servers, dwell, customs, gate. */
export const terminalKind: KindModule<TerminalSpec, CompiledTerminal> = {
  kind: 'terminal',
  role: 'node',
  handles: 'containers',
  schema: terminalSchema,
  ...support,
  background: 'unit',
  mapStyle: { shape: 'circle' },
  compile: (id, spec, c, at) => compileTerminal(id, spec, c, at, support),
  createStage: (spec, build) => new TerminalStage(spec, build.run),
  describe(node) {
    const extras = [
      node.dwell !== undefined ? `dwell ${formatHours(node.dwell.mean)}` : '',
      node.customs !== undefined ? `customs ${formatHours(node.customs.mean)}` : '',
      node.gateHeadway !== undefined ? `gate ${round(24 / node.gateHeadway)} FEU/day` : '',
    ].filter((t) => t !== '');
    return { capacity: `${node.servers} server${node.servers === 1 ? '' : 's'}`, departs: '', times: [`handling ${formatHours(node.handling.mean)}/FEU`, ...extras].join(', ') };
  },
};
