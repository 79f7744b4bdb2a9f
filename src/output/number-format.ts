/**
 * How numbers are written to every CSV file: JavaScript's shortest round-trip decimal form
 * (ECMAScript Number::toString, identical on every platform and Node version), `.` as the
 * decimal separator, and an empty field for a missing value (NaN). Stable byte for byte, so
 * runs can be compared by file digest.
 *
 * Why `JSON.stringify` rather than `String`? For a finite number both are Number::toString by the
 * specification, the same characters. But `String(x)` goes through V8's number-to-string cache,
 * which keeps each new string alive in a table until another number takes its slot: the strings
 * of a journey log (ten numbers a row, millions of rows) survived young collections there and
 * filled the old generation with garbage (138 MB over three simulated years, most of the log's
 * peak memory). `JSON.stringify` writes the digits without the cache, and is faster here too.
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  // -0 would print as "0" anyway; make it explicit so digests never depend on the sign of zero.
  return Object.is(value, -0) ? '0' : JSON.stringify(value);
}
