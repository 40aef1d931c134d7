/** `n` with three significant digits and no exponent (0.0413, 2.82, 1070); `—` for null. */
export function formatFigure(n: number | null, significant = 3): string {
  if (n === null) return '—';
  if (n === 0) return '0';
  const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(n))));
  return Number(n.toFixed(Math.min(digits, 12))).toLocaleString('en-US', { maximumFractionDigits: 12, useGrouping: false });
}

/** `$1.41`, `$0.23`, `$113.07`; `—` for null. */
export function formatUsd(n: number | null): string {
  if (n === null) return '—';
  return `$${n < 0.1 ? formatFigure(n, 2) : n.toFixed(2)}`;
}
