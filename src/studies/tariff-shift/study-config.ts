/**
 * What the tariff-shift study runs: its six scenarios (three US tariff levels, each with and
 * without the corridor upgrade), the five routes Vietnamese EU-bound shippers choose among, the
 * input files, and the run settings of the full study and of the quick version behind
 * `npm start`. Plain data, so tests and scripts can run a smaller study by changing a field.
 */
import type { Seed } from '../../random/index.ts';
import type { FlowTolerance } from '../../trade/index.ts';

/** One scenario of the study: a shipped US tariff scenario, with or without the upgrade. */
export interface StudyScenario {
  /** Scenario id in every output (letters, digits and `. _ = + -`). */
  readonly id: string;
  /** Id of a tariff scenario shipped in the trade file (`baseline`, `deal-20`, `reciprocal-46`, …). */
  readonly tariffScenario: string;
  /** True: the corridor upgrade overlays (`StudyConfig.upgradeOverlays`) apply. */
  readonly upgrade: boolean;
}

/**
 * The route-choice set, Vietnam to the EU, in the corridor model's route ids. Vietnam is one
 * origin with two ports: Hai Phong (north) for the overland routes and the short sea to China,
 * Cai Mep (south) for the deep-sea mainline services, as in models/middle-corridor.yaml.
 */
export const VIETNAMESE_ROUTES = [
  'sea-suez-caimep-rotterdam',
  'sea-cape-caimep-rotterdam',
  'mc-haiphong-rail-duisburg',
  'mc-haiphong-lianyungang-duisburg',
  'northern-haiphong-duisburg',
] as const;

/** The Caspian feeder leg (Aktau - Baku/Alat), whose wait the key table reports. */
export const CASPIAN_FEEDER = 'caspian-feeder-aktau-alat';

/** Everything a study run needs. Durations in days; paths relative to the current folder. */
export interface StudyConfig {
  /** Names the results folder: `<out>/<name>/<run id>/`. */
  readonly name: string;
  readonly modelFile: string;
  readonly tradeFile: string;
  /**
   * Overlays of the corridor upgrade. The baseline already has BTK at 5 Mt/yr (since 20 May
   * 2024), so the upgrade is Baku port phase 2 plus six more Caspian feeders, on top of it.
   */
  readonly upgradeOverlays: readonly string[];
  readonly scenarios: readonly StudyScenario[];
  /** Replications per scenario of the final runs (>= 30 for the study's answers). */
  readonly replications: number;
  /** Master seed of the final runs; the equilibrium uses `${seed}/equilibrium` (other seeds). */
  readonly seed: Seed;
  readonly warmupDays: number;
  readonly horizonDays: number;
  /** Replications (fixed seeds, common to all iterations) behind each equilibrium evaluation. */
  readonly equilibriumReplications: number;
  /** Warm-up and horizon of the equilibrium evaluations (days). */
  readonly equilibriumWarmupDays: number;
  readonly equilibriumHorizonDays: number;
  /** Convergence on route volumes (overrides the model's `assignment`; see FlowTolerance). */
  readonly flowTolerance?: FlowTolerance;
  /** Override the model's iteration limit (`assignment.maxIterations`). */
  readonly maxIterations?: number;
  /** How many stages the bottleneck ranking lists. */
  readonly bottleneckCount: number;
}

const TARIFF_LEVELS = [
  { id: 'baseline', tariffScenario: 'baseline' },
  { id: 'us-20', tariffScenario: 'deal-20' },
  { id: 'us-46', tariffScenario: 'reciprocal-46' },
] as const;

/**
 * baseline, us-20, us-46, then the same three with `+upgrade`; the first is the runner's baseline.
 * Every scenario's equilibrium starts from the same point (solveEquilibrium's money-cost logit),
 * not from another scenario's answer: with a tolerance a loop started at a neighbour's
 * equilibrium can stop at once, at the neighbour's shares, and hide the very difference the
 * scenarios are there to show.
 */
export const STUDY_SCENARIOS: readonly StudyScenario[] = [
  ...TARIFF_LEVELS.map((t) => ({ ...t, upgrade: false })),
  ...TARIFF_LEVELS.map((t) => ({ id: `${t.id}+upgrade`, tariffScenario: t.tariffScenario, upgrade: true })),
];

/**
 * The full study: 30 replications of one year after a 60-day warm-up per scenario. Each
 * equilibrium evaluation runs 4 replications of the same year: the storm season (Nov-Dec) must
 * be inside the horizon, or the Caspian would look faster than it is and the equilibrium would
 * send too much cargo overland; 4 fixed seeds average over storm years while keeping every
 * iteration at the same random numbers, so flows -> times is a deterministic mapping.
 */
export const FULL_STUDY: StudyConfig = {
  name: 'tariff-shift',
  modelFile: 'models/middle-corridor.yaml',
  tradeFile: 'models/trade/vietnam-exports.yaml',
  upgradeOverlays: ['models/overlays/baku-phase-2.yaml', 'models/overlays/more-caspian-vessels.yaml'],
  scenarios: STUDY_SCENARIOS,
  replications: 30,
  seed: 2025,
  warmupDays: 60,
  horizonDays: 365,
  equilibriumReplications: 4,
  equilibriumWarmupDays: 60,
  equilibriumHorizonDays: 365,
  // assumption: converge on route volumes, to within max(5 FEU/week, 5%) of each route's logit flow.
  // The Vietnamese overland routes carry a few FEU a week in a choice over ~9,000, so the model's
  // share tolerance (1e-4 of a flow) is below what their simulated times resolve (a 23-FEU train
  // a week moves them in steps): 5 FEU/week is a fifth of such a train; 5% is below the final
  // runs' confidence half-widths on the larger routes' volumes.
  flowTolerance: { feuPerWeek: 5, relative: 0.05 },
  bottleneckCount: 5,
};

/**
 * The quick version (`npm start`): the same scenarios and horizons, 3 final replications and the
 * equilibrium on 1 seed, so that it fits in under half a minute on 2 cores. The equilibrium keeps
 * the full 60 + 365-day evaluation: a shorter window (tried: 30 + 120 days) misses the
 * November-December Caspian storms and reversed the upgrade's effect. Its numbers are
 * indicative: wide intervals, and an equilibrium fitted to a single storm year.
 */
export const QUICK_STUDY: StudyConfig = {
  ...FULL_STUDY,
  name: 'tariff-shift-quick',
  replications: 3,
  equilibriumReplications: 1,
};
