/** Compiling a departure policy (rail, ferry legs): durations in hours, checked against the vehicle. */
import { describeValue } from '../../distributions/errors.ts';
import type { DeparturePolicy } from '../../resources/index.ts';
import type { CompileContext } from '../compile-context.ts';
import type { PathSegment } from '../model-error.ts';
import type { DepartureSpec } from '../schema-parts.ts';
import { durationHours } from '../units.ts';

/** The policy in hours; `minLoadFeu` must fit `capacity` FEU, timetable times must increase within the period. */
export function compilePolicy(spec: DepartureSpec, path: readonly PathSegment[], capacity: number, c: CompileContext): DeparturePolicy {
  switch (spec.policy) {
    case 'whenFull':
      return { kind: 'whenFull' };
    case 'fullOrMaxWait': {
      const maxWait = durationHours(spec.maxWait);
      if (spec.minLoadFeu === undefined) return { kind: 'fullOrMaxWait', maxWait };
      if (spec.minLoadFeu > capacity) c.fail([...path, 'minLoadFeu'], spec.minLoadFeu, `at most the vehicle capacity, ${capacity} FEU`);
      return { kind: 'fullOrMaxWait', maxWait, minLoad: spec.minLoadFeu };
    }
    case 'timetable': {
      const period = durationHours(spec.period);
      if (!(period > 0)) c.fail([...path, 'period'], spec.period, 'a period longer than 0');
      const times = spec.times.map(durationHours);
      times.forEach((t, i) => {
        const got = `${describeValue(spec.times[i])} (${t} h)`;
        if (t >= period) c.fail([...path, 'times', i], spec.times[i], `a time within the period, from 0 up to but not including ${period} h`, got);
        else if (i > 0 && !(t > (times[i - 1] as number))) c.fail([...path, 'times', i], spec.times[i], `a time after the previous one (${times[i - 1]} h)`, got);
      });
      const policy = { kind: 'timetable', times, period } as const;
      return spec.cutoff === undefined ? policy : { ...policy, cutoff: durationHours(spec.cutoff) };
    }
  }
}
