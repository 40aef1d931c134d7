import { priceTable } from './generatedPrices';
import type { PriceTable, PriceUsageKind } from './types';

/** A price of the bundled table: the region's own on-demand price for one usage of one type. */
export interface TablePrice {
  usdPerHour: number;
  region: string;
  usage: PriceUsageKind;
  /** The offer file it was built from (version, publication date). */
  source: string;
}

/** The bundled table's price of `instanceType` used for `usage` in `region`, or undefined when the table has none. */
export function getTablePrice(instanceType: string, region: string, usage: PriceUsageKind, table: PriceTable = priceTable): TablePrice | undefined {
  const usd = table.prices[region]?.[usage]?.[instanceType];
  if (usd === undefined || !table.source) return undefined;
  return { usdPerHour: usd, region, usage, source: table.source };
}

/** The source of the bundled table, or null while it is empty (no offer file read yet). */
export function priceTableSource(): string | null {
  return priceTable.source;
}
