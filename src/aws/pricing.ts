import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import type { PriceUsage } from '../estimate/priceCache';
import type { ClientOptions } from './clients';
import { clientConfig } from './clients';
import { AwsError, call } from './errors';

/**
 * Live SageMaker instance prices from the AWS Price List Query API (docs/aws-explorer.md §3 of the
 * shared notes): `GetProducts` on the `AmazonSageMaker` offer, product family `ML Instance`,
 * filtered by `regionCode`, `instanceName` and the usage kind `platoinstancetype`.
 */

export type { PriceUsage, PricingClient };

/** `platoinstancetype` values of the SageMaker offer (as the public offer file spells them). */
export const usageAttribute: Record<PriceUsage, string> = {
  training: 'Training',
  hosting: 'Hosting',
  notebook: 'Notebook',
  processing: 'Processing',
};

/** The Price List API answers only in a few regions; us-east-1 is the one every SDK and doc lists. */
export const pricingApiRegion = 'us-east-1';

export interface PriceQuery {
  instanceType: string;
  /** The region the instance runs in (`eu-west-1`), not the API's region. */
  region: string;
  usage: PriceUsage;
}

/** One on-demand hourly price of the offer. */
export interface LivePrice {
  usdPerHour: number;
  /** The SKU and the price dimension's description, for the source line. */
  sku: string;
  description: string;
  /** The offer's publication date, when the item carries one. */
  publicationDate?: string;
}

interface PriceDimension {
  unit?: string;
  pricePerUnit?: { USD?: string };
  description?: string;
  rateCode?: string;
}

interface PriceListItem {
  product?: { sku?: string; attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, PriceDimension> }> };
  publicationDate?: string;
}

/**
 * The hourly on-demand prices of one `PriceList` item (a JSON string): every `Hrs` dimension with a
 * USD price above 0 (a $0 row is a free-tier placeholder). Throws on text that is not JSON.
 */
export function parsePriceListItem(item: unknown): LivePrice[] {
  const parsed = (typeof item === 'string' ? JSON.parse(item) : typeof item === 'object' && item !== null && !Array.isArray(item) && 'terms' in item ? item : JSON.parse(String(item))) as PriceListItem;
  const prices: LivePrice[] = [];
  const usageType = parsed.product?.attributes?.usagetype ?? '';
  for (const term of Object.values(parsed.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions ?? {})) {
      const usd = Number(dimension.pricePerUnit?.USD);
      if (dimension.unit !== 'Hrs' || !Number.isFinite(usd) || usd <= 0) continue;
      // Free-tier rows are priced at 0 and skipped above; a priced row naming the free tier would be odd, but skip it too.
      if (/free/i.test(usageType)) continue;
      prices.push({ usdPerHour: usd, sku: parsed.product?.sku ?? '', description: dimension.description ?? '', ...(parsed.publicationDate ? { publicationDate: parsed.publicationDate } : {}) });
    }
  }
  return prices;
}

/** The source line of a live price. */
export function liveSource(price: LivePrice): string {
  return `AWS Price List API (GetProducts, AmazonSageMaker, SKU ${price.sku}${price.publicationDate ? `, published ${price.publicationDate.slice(0, 10)}` : ''})`;
}

/** The `GetProducts` filters of a query, one `TERM_MATCH` each. */
export function priceFilters(query: PriceQuery): { Type: 'TERM_MATCH'; Field: string; Value: string }[] {
  return [
    { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'ML Instance' },
    { Type: 'TERM_MATCH', Field: 'regionCode', Value: query.region },
    { Type: 'TERM_MATCH', Field: 'instanceName', Value: query.instanceType },
    { Type: 'TERM_MATCH', Field: 'platoinstancetype', Value: usageAttribute[query.usage] },
  ];
}

/** At most this many pages are read: one query matches one SKU, so more pages mean a filter did not apply. */
const maxPages = 10;

/**
 * The on-demand price per instance-hour of one type, region and usage; undefined when the offer has
 * no such product (an empty result). Follows `NextToken`. Failures are {@link AwsError}s named
 * `GetProducts` (no credentials, access denied, throttled…). When several SKUs match, the lowest
 * price is taken and the others are ignored.
 */
export async function fetchLivePrice(client: PricingClient, query: PriceQuery): Promise<LivePrice | undefined> {
  const found: LivePrice[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const out = await call('GetProducts', () =>
      client.send(new GetProductsCommand({ ServiceCode: 'AmazonSageMaker', FormatVersion: 'aws_v1', Filters: priceFilters(query), MaxResults: 100, NextToken: nextToken })),
    );
    for (const item of out.PriceList ?? []) {
      try {
        found.push(...parsePriceListItem(item));
      } catch (err) {
        throw new AwsError('unknown', `GetProducts failed: the price list item is not JSON (${err instanceof Error ? err.message : String(err)})`, 'InvalidPriceList', err);
      }
    }
    nextToken = out.NextToken || undefined;
    if (!nextToken) break;
  }
  if (!found.length) return undefined;
  return found.reduce((a, b) => (b.usdPerHour < a.usdPerHour ? b : a));
}

/** A Price List client in the API's region, with the shared credentials, user agent and retries. */
export function createPricingClient(options: Omit<ClientOptions, 'region'>): PricingClient {
  return new PricingClient({ ...clientConfig({ ...options, region: pricingApiRegion }), maxAttempts: options.maxAttempts ?? 2 });
}
