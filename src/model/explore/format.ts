/**
 * Plain-text tables for the exploration CLIs (pure: no Node module), with
 * Chinese characters counted double-width so columns line up in a terminal.
 */

function width(s: string): number {
  return [...s].reduce((a, c) => a + (/[\u3000-\uffff]/.test(c) ? 2 : 1), 0);
}

/** First column left-aligned, the others right-aligned. */
export function textTable(rows: string[][]): string {
  const cols = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, width(c))), []);
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c + ' '.repeat((cols[i] ?? 0) - width(c)) : ' '.repeat((cols[i] ?? 0) - width(c)) + c)).join('  ').trimEnd())
    .join('\n');
}

/** A number to `digits` significant digits, without float noise or exponent for planner-sized figures. */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const r = Number(x.toPrecision(digits));
  return String(Object.is(r, -0) ? 0 : r);
}
