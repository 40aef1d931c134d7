import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the Price List Query API: it answers `AWSPriceListService.GetProducts`
 * (AWS JSON 1.1) from a list of products shaped like the SageMaker offer, applying the request's
 * TERM_MATCH filters and paging with NextToken. Every request is recorded.
 */
export interface FakeProduct {
  sku: string;
  attributes: Record<string, string>;
  /** USD per unit by unit (`Hrs`), one price dimension each. */
  prices: { unit: string; usd: string; description?: string }[];
}

export interface RecordedRequest {
  target: string | undefined;
  authorization: string | undefined;
  body: { ServiceCode?: string; FormatVersion?: string; Filters?: { Type: string; Field: string; Value: string }[]; NextToken?: string; MaxResults?: number };
}

/** One SageMaker instance SKU in the offer's layout (attribute names and values as the public offer file has them). */
export function sageMakerProduct(sku: string, instanceName: string, regionCode: string, usage: string, usd: string, extra: Partial<FakeProduct> = {}): FakeProduct {
  return {
    sku,
    attributes: {
      regionCode,
      location: regionCode === 'eu-west-1' ? 'EU (Ireland)' : 'US East (N. Virginia)',
      locationType: 'AWS Region',
      instanceName,
      instanceType: `${instanceName}-${usage}`,
      platoinstancetype: usage,
      platoinstancename: instanceName.replace(/^ml\./, ''),
      component: usage,
      usagetype: `${regionCode === 'eu-west-1' ? 'EU' : 'USE1'}-${usage}:${instanceName}`,
      operation: `RunInstance:${usage}`,
      servicecode: 'AmazonSageMaker',
      servicename: 'Amazon SageMaker',
      vCpu: '4',
      memory: '16 GiB',
      currentGeneration: 'Yes',
    },
    prices: [{ unit: 'Hrs', usd, description: `$${usd} per ${usage} ${instanceName} instance-hour (or partial hour)` }],
    ...extra,
  };
}

/** The `PriceList` item of a product: a JSON string, as the API sends it. */
export function priceListItem(p: FakeProduct, productFamily = 'ML Instance'): string {
  const offerTermCode = 'JRTCKXETXF';
  const dimensions = Object.fromEntries(
    p.prices.map((price, i) => {
      const rateCode = `${p.sku}.${offerTermCode}.${i === 0 ? '6YS6EN2CT7' : `RATE${i}`}`;
      return [rateCode, { rateCode, unit: price.unit, pricePerUnit: { USD: price.usd }, description: price.description ?? '', beginRange: '0', endRange: 'Inf', appliesTo: [] }];
    }),
  );
  return JSON.stringify({
    product: { productFamily, attributes: p.attributes, sku: p.sku },
    serviceCode: 'AmazonSageMaker',
    terms: { OnDemand: { [`${p.sku}.${offerTermCode}`]: { priceDimensions: dimensions, sku: p.sku, effectiveDate: '2026-11-01T00:00:00Z', offerTermCode, termAttributes: {} } } },
    version: '20261101000000',
    publicationDate: '2026-11-01T00:00:00Z',
  });
}

export interface PriceListFake {
  endpoint: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with the given products; `pageSize` items per page. An `error` answers every call with that AWS error. */
export async function startPriceListFake(products: FakeProduct[], options: { pageSize?: number; error?: { status: number; type: string; message: string } } = {}): Promise<PriceListFake> {
  const requests: RecordedRequest[] = [];
  const pageSize = options.pageSize ?? 100;
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(text || '{}') as RecordedRequest['body'];
      requests.push({ target: req.headers['x-amz-target'] as string | undefined, authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (options.error) {
        res.statusCode = options.error.status;
        res.end(JSON.stringify({ __type: options.error.type, message: options.error.message }));
        return;
      }
      if (req.headers['x-amz-target'] !== 'AWSPriceListService.GetProducts' || body.ServiceCode !== 'AmazonSageMaker') {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'InvalidParameterException', message: 'unexpected call' }));
        return;
      }
      const matching = products.filter((p) => (body.Filters ?? []).every((f) => f.Type === 'TERM_MATCH' && (f.Field === 'productFamily' ? f.Value === 'ML Instance' : p.attributes[f.Field] === f.Value)));
      const start = body.NextToken ? Number(body.NextToken) : 0;
      const page = matching.slice(start, start + pageSize);
      const next = start + pageSize < matching.length ? String(start + pageSize) : undefined;
      res.end(JSON.stringify({ FormatVersion: 'aws_v1', PriceList: page.map((p) => priceListItem(p)), ...(next ? { NextToken: next } : {}) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
