/**
 * How numbers are written to every CSV file: JavaScript's shortest round-trip decimal form
 * (ECMAScript Number::toString, identical on every platform and Node version), `.` as the
 * decimal separator, and an empty field for a missing value (NaN). Stable byte for byte, so
 * runs can be compared by file digest.
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  // -0 would print as "0" anyway; make it explicit so digests never depend on the sign of zero.
  return Object.is(value, -0) ? '0' : String(value);
}
