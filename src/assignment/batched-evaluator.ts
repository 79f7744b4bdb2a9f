/**
 * Batching the equilibrium loops of several scenarios into one simulation run per round.
 *
 * Each scenario has its own `solveEquilibrium` loop, and each loop asks for one evaluation at a
 * time. Run one by one, every evaluation would start a worker pool for a handful of
 * replications and leave cores idle at its tail; instead the loops run concurrently and this
 * class holds their requests until every loop still running has asked, then hands them to
 * `runRound` together (one experiment with a scenario per request). A loop that finishes
 * leaves the round count (`finished`), so converged scenarios stop costing simulation time.
 */
import type { RouteTimes } from '../trade/index.ts';

/** One loop's request: which scenario, which of its evaluations (1-based), at which flows (FEU/week). */
export interface EvaluationRequest {
  readonly scenarioIndex: number;
  readonly iteration: number;
  readonly flowsFeuPerWeek: readonly number[];
  /** The shares behind the flows, per class and route, when the loop passes them. */
  readonly shares?: readonly (readonly number[])[];
}

/** Runs one round: route times for every request, in request order. */
export type RoundRunner = (requests: readonly EvaluationRequest[]) => Promise<readonly (readonly RouteTimes[])[]>;

interface Pending {
  readonly request: EvaluationRequest;
  readonly resolve: (times: readonly RouteTimes[]) => void;
  readonly reject: (error: unknown) => void;
}

/** Collects the loops' evaluations into rounds (see the module comment). */
export class BatchedEvaluator {
  private pending: Pending[] = [];
  private active: number;
  private readonly iterations: number[];

  /** @param loops how many loops will call `evaluate`. @param runRound runs one round. */
  constructor(loops: number, private readonly runRound: RoundRunner) {
    this.active = loops;
    this.iterations = Array.from({ length: loops }, () => 0);
  }

  /** The `evaluate` of loop `scenarioIndex`: resolves when its round has run. */
  evaluate(scenarioIndex: number, flows: readonly number[], shares?: readonly (readonly number[])[]): Promise<readonly RouteTimes[]> {
    const iteration = (this.iterations[scenarioIndex] ?? 0) + 1;
    this.iterations[scenarioIndex] = iteration;
    const request: EvaluationRequest = { scenarioIndex, iteration, flowsFeuPerWeek: [...flows], ...(shares !== undefined ? { shares: shares.map((row) => [...row]) } : {}) };
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.flushIfAllAsked();
    });
  }

  /** Loop `scenarioIndex` is done (converged, gave up or failed): rounds no longer wait for it. */
  finished(): void {
    this.active--;
    this.flushIfAllAsked();
  }

  private flushIfAllAsked(): void {
    if (this.pending.length === 0 || this.pending.length < this.active) return;
    // Scenario order, so a round's experiment (and its seeds' use) does not depend on timing.
    const round = this.pending.sort((a, b) => a.request.scenarioIndex - b.request.scenarioIndex);
    this.pending = [];
    this.runRound(round.map((p) => p.request)).then(
      (times) => round.forEach((p, i) => p.resolve(times[i] ?? [])),
      (error: unknown) => round.forEach((p) => p.reject(error)),
    );
  }
}
