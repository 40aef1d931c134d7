import { availabilityTable } from './generatedAvailability';
import type { AvailabilityTable } from './types';

/**
 * Whether `region` offers the ml.* type (`ml.inf2.xlarge`): false when the bundled table covers
 * the region and lists no EC2 `inf2.xlarge` there (SageMaker runs the type on that EC2 type, so
 * it cannot offer it either); undefined when the table has no row for the type or does not cover
 * the region. True only says EC2 offers the type there, not that SageMaker does.
 */
export function offeredIn(instanceType: string, region: string, table: AvailabilityTable = availabilityTable): boolean | undefined {
  const regions = regionsOf(table).get(instanceType.replace(/^ml\./, ''));
  if (regions === undefined || !coveredBy(table).has(region)) return undefined;
  return regions.has(region);
}

/** The source of the bundled availability table. */
export function availabilitySource(): string {
  return availabilityTable.source;
}

const parsed = new WeakMap<AvailabilityTable, { covered: Set<string>; types: Map<string, Set<string>> }>();

function parse(table: AvailabilityTable) {
  let found = parsed.get(table);
  if (!found) {
    found = { covered: new Set(table.regions), types: new Map(Object.entries(table.types).map(([type, regions]) => [type, new Set(regions.split(' ').filter(Boolean))])) };
    parsed.set(table, found);
  }
  return found;
}

const coveredBy = (table: AvailabilityTable) => parse(table).covered;
const regionsOf = (table: AvailabilityTable) => parse(table).types;
