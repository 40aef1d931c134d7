import type { InstanceEstimate } from '../estimate/estimate';

/**
 * Where a price comes from, so a figure shown for one region never passes for another region's:
 * the bundled fallback prices are us-east-1's, whatever region the carbon figures are for.
 */
type Priced = Pick<InstanceEstimate, 'region' | 'costRegion' | 'costSource' | 'costUsage'>;

/** ` (us-east-1 price)` when the dollar figure is another region's price than the figures' region; empty otherwise. */
export function otherRegionPrice(x: { region: string; costRegion: string | null }): string {
  return x.costRegion !== null && x.costRegion !== x.region ? ` (${x.costRegion} price)` : '';
}

/**
 * The origin of an estimate's price in words that name its region: `live SageMaker price,
 * eu-west-1`, `bundled SageMaker hosting price, us-east-1`, `us-east-1 SageMaker hosting price:
 * no eu-west-1 price bundled`, `EC2 price in us-east-1: a lower bound`…
 */
export function priceOrigin(e: Priced): string {
  const usage = e.costUsage ?? 'hosting';
  const elsewhere = e.costRegion !== e.region ? `; no ${e.region} price bundled` : '';
  switch (e.costSource) {
    case 'live':
      return `live SageMaker price, ${e.region}`;
    case 'bundled':
      return elsewhere ? `${e.costRegion} SageMaker ${usage} price${elsewhere}` : `bundled SageMaker ${usage} price, ${e.region}`;
    case 'ec2-lower-bound':
      return `EC2 price in ${e.costRegion}: a lower bound${elsewhere}`;
    case null:
      return 'no price bundled';
  }
}
