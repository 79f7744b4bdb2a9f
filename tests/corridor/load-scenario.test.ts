import { describe, expect, it } from 'vitest';
import { loadScenarioModel } from '../../src/corridor/load-scenario.ts';

const model = 'models/middle-corridor.yaml';

describe('loadScenarioModel', () => {
  it('combines overlays written against the same model, then applies overrides', () => {
    const m = loadScenarioModel({
      model,
      overlays: ['models/overlays/baku-phase-2.yaml', 'models/overlays/more-caspian-vessels.yaml'],
      set: { 'legs.caspian-feeder-aktau-alat.loadFactor': 0.5 },
      label: 'upgrade',
    });
    const feeder = m.legs.get('caspian-feeder-aktau-alat');
    expect(feeder?.kind).toBe('ferry');
    if (feeder?.kind !== 'ferry') return;
    expect(feeder.vessels).toBe(12);
    expect(feeder.loadFactor).toBe(0.5);
    const alat = m.nodes.get('alat');
    expect(alat?.kind === 'terminal' ? alat.servers : 0).toBe(10);
  });

  it('names the scenario and the path of a mistyped override', () => {
    expect(() => loadScenarioModel({ model, set: { 'legs.caspian-feeder-aktau-alat.fleet.vesels': 3 }, label: 'typo' })).toThrow(
      /<scenario typo>\.yaml:\d+:\d+: legs\.caspian-feeder-aktau-alat\.fleet\.vesels: got unknown key "vesels", expected one of: vessels/,
    );
  });

  it('refuses an overlay written against another model', () => {
    expect(() => loadScenarioModel({ model: 'tests/corridor/fixtures/small-corridor.yaml', overlays: ['models/overlays/baku-phase-2.yaml'] })).toThrow(
      /base: got .*, expected an overlay on the scenario's model/,
    );
  });
});
