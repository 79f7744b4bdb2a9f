/**
 * Nested logit shares, against their closed forms: λ = 1 is the plain logit; with two routes in
 * one nest and λ small, closing one moves its share to its nest-mate, not to the other nest.
 */
import { describe, expect, it } from 'vitest';
import { logitShares, nestedLogitShares } from '../../src/trade/route-choice.ts';

describe('nestedLogitShares', () => {
  it('equals the plain logit when λ = 1', () => {
    const costs = [1000, 1200, 1500];
    const nested = nestedLogitShares(costs, 300, ['sea', 'sea', 'rail'], 1);
    logitShares(costs, 300).forEach((s, i) => expect(nested[i]).toBeCloseTo(s, 12));
  });

  it('matches the hand formula for a two-route nest', () => {
    // θ = 300, λ = 0.5: inner scale 150. Nest sea {1000, 1200}: within shares 1/(1+e^(-200/150))
    // = 0.79139 and 0.20861; inclusive cost 1000 - 150 ln(1 + e^(-4/3)) = 961.06. Rail {1500} alone.
    // P(sea) = 1 / (1 + e^(-(1500 - 961.06)/300)) = 0.85774.
    const [suez, cape, rail] = nestedLogitShares([1000, 1200, 1500], 300, ['sea', 'sea', 'rail'], 0.5);
    const inclusive = 1000 - 150 * Math.log(1 + Math.exp(-200 / 150));
    const pSea = 1 / (1 + Math.exp(-(1500 - inclusive) / 300));
    expect(suez).toBeCloseTo(pSea / (1 + Math.exp(-200 / 150)), 12);
    expect(cape).toBeCloseTo(pSea - pSea / (1 + Math.exp(-200 / 150)), 12);
    expect(rail).toBeCloseTo(1 - pSea, 12);
  });

  it('sends a closed route\'s cargo to its nest-mate when λ is small (no red-bus/blue-bus effect)', () => {
    const open = nestedLogitShares([1000, 1000, 1500], 300, ['sea', 'sea', 'rail'], 0.05);
    const closed = nestedLogitShares([Infinity, 1000, 1500], 300, ['sea', 'sea', 'rail'], 0.05);
    // Two identical sea routes with λ → 0 act as one: closing one barely changes the rail share.
    expect(closed[2] as number).toBeCloseTo(open[2] as number, 1);
    expect(Math.abs((closed[2] as number) / (open[2] as number) - 1)).toBeLessThan(0.05);
    // The plain logit nearly doubles it: rail's odds against the sea double when one of two equal sea routes closes.
    const plainOpen = logitShares([1000, 1000, 1500], 300)[2] as number;
    const plainClosed = logitShares([Infinity, 1000, 1500], 300)[2] as number;
    expect(plainClosed / plainOpen).toBeGreaterThan(1.6);
  });
});
