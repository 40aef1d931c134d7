/** `n` with three significant digits and no exponent (0.0413, 2.82, 1070); `—` for null. */
export function formatFigure(n: number | null, significant = 3): string {
  if (n === null) return '—';
  if (n === 0) return '0';
  const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(n))));
  // toFixed never writes an exponent below 1e21; trailing zeros go (toLocaleString did the same, 20× slower).
  const fixed = n.toFixed(Math.min(digits, 12));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** `$1.41`, `$0.23`, `$113.07`; `—` for null. */
export function formatUsd(n: number | null): string {
  if (n === null) return '—';
  return `$${n < 0.1 ? formatFigure(n, 2) : n.toFixed(2)}`;
}

/**
 * ` (≈ $1.41/h, 0.123 kgCO2e/h in us-east-1)`: the hourly price and emissions of
 * one instance from the offline estimate, for messages; empty when the type has
 * neither figure.
 */
export function hourlyFigures(estimate: { costUsdPerHour: number | null; totalKgCo2ePerHour: number | null; region: string }): string {
  if (estimate.costUsdPerHour === null && estimate.totalKgCo2ePerHour === null) return '';
  return ` (≈ ${formatUsd(estimate.costUsdPerHour)}/h, ${formatFigure(estimate.totalKgCo2ePerHour)} kgCO2e/h in ${estimate.region})`;
}
