import * as assert from 'node:assert/strict';
import { GetProductsCommand, PricingClient, PricingServiceException } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsError } from '../../src/aws/errors';
import { createPricingClient, fetchLivePrice, liveSource, parsePriceListItem, priceFilters } from '../../src/aws/pricing';
import type { PriceListFake } from './pricingFake';
import { priceListItem, sageMakerProduct, startPriceListFake } from './pricingFake';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test' };

function fakeClient(endpoint: string): PricingClient {
  return new PricingClient({ region: 'us-east-1', endpoint, credentials, maxAttempts: 1 });
}

describe('live prices: parsing a PriceList item', () => {
  it('reads the USD price of the Hrs dimension', () => {
    const prices = parsePriceListItem(priceListItem(sageMakerProduct('SKU1', 'ml.m5.xlarge', 'eu-west-1', 'Hosting', '0.2580000000')));
    assert.deepEqual(
      prices.map((p) => [p.usdPerHour, p.sku, p.publicationDate]),
      [[0.258, 'SKU1', '2026-11-01T00:00:00Z']],
    );
  });

  it('skips $0 free-tier rows and dimensions billed in other units', () => {
    const product = sageMakerProduct('SKU2', 'ml.m5.xlarge', 'us-east-1', 'Hosting', '0.0000000000');
    product.prices.push({ unit: 'GB-Mo', usd: '0.1400000000' }, { unit: 'Hrs', usd: '0.2300000000' });
    assert.deepEqual(parsePriceListItem(priceListItem(product)).map((p) => p.usdPerHour), [0.23]);
  });

  it('throws on an item that is not JSON', () => {
    assert.throws(() => parsePriceListItem('{not json'));
  });

  it('filters on product family, region, instance name and usage kind', () => {
    assert.deepEqual(priceFilters({ instanceType: 'ml.g5.xlarge', region: 'eu-west-1', usage: 'training' }), [
      { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'ML Instance' },
      { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' },
      { Type: 'TERM_MATCH', Field: 'instanceName', Value: 'ml.g5.xlarge' },
      { Type: 'TERM_MATCH', Field: 'platoinstancetype', Value: 'Training' },
    ]);
  });
});

describe('live prices against an HTTP fake of the Price List API', () => {
  let fake: PriceListFake;
  const products = [
    sageMakerProduct('HOSTM5EU', 'ml.m5.xlarge', 'eu-west-1', 'Hosting', '0.2580000000'),
    sageMakerProduct('TRAINM5EU', 'ml.m5.xlarge', 'eu-west-1', 'Training', '0.2570000000'),
    sageMakerProduct('HOSTM5US', 'ml.m5.xlarge', 'us-east-1', 'Hosting', '0.2300000000'),
    // The notebook free tier: a $0 SKU beside the priced one, so the query matches two items.
    sageMakerProduct('NBT3FREE', 'ml.t3.medium', 'us-east-1', 'Notebook', '0.0000000000', {}),
    sageMakerProduct('NBT3', 'ml.t3.medium', 'us-east-1', 'Notebook', '0.0500000000'),
  ];

  afterEach(async () => {
    await fake?.close();
  });

  it('sends a signed GetProducts for the SageMaker offer and returns the matching price', async () => {
    fake = await startPriceListFake(products);
    const client = fakeClient(fake.endpoint);
    const price = await fetchLivePrice(client, { instanceType: 'ml.m5.xlarge', region: 'eu-west-1', usage: 'training' });
    client.destroy();
    assert.equal(price?.usdPerHour, 0.257);
    assert.equal(price?.sku, 'TRAINM5EU');
    assert.match(liveSource(price!), /^AWS Price List API \(GetProducts, AmazonSageMaker, SKU TRAINM5EU, published 2026-11-01\)$/);
    assert.equal(fake.requests.length, 1);
    const [request] = fake.requests;
    assert.equal(request.target, 'AWSPriceListService.GetProducts');
    assert.equal(request.body.ServiceCode, 'AmazonSageMaker');
    assert.equal(request.body.FormatVersion, 'aws_v1');
    // SigV4 for the pricing service in us-east-1, whatever region the instance runs in.
    assert.match(request.authorization ?? '', /Credential=AKIDTEST\/\d{8}\/us-east-1\/pricing\/aws4_request/);
  });

  it('follows NextToken and skips the $0 free-tier SKU', async () => {
    fake = await startPriceListFake(products, { pageSize: 1 });
    const client = fakeClient(fake.endpoint);
    const price = await fetchLivePrice(client, { instanceType: 'ml.t3.medium', region: 'us-east-1', usage: 'notebook' });
    client.destroy();
    assert.equal(price?.usdPerHour, 0.05);
    assert.deepEqual(fake.requests.map((r) => r.body.NextToken), [undefined, '1']);
  });

  it('returns undefined when the offer has no such product', async () => {
    fake = await startPriceListFake(products);
    const client = fakeClient(fake.endpoint);
    assert.equal(await fetchLivePrice(client, { instanceType: 'ml.m5.xlarge', region: 'ap-south-1', usage: 'hosting' }), undefined);
    client.destroy();
  });

  it('turns an HTTP 400 AccessDeniedException into an accessDenied AwsError', async () => {
    fake = await startPriceListFake(products, { error: { status: 400, type: 'AccessDeniedException', message: 'User is not authorized to perform: pricing:GetProducts' } });
    const client = fakeClient(fake.endpoint);
    await assert.rejects(fetchLivePrice(client, { instanceType: 'ml.m5.xlarge', region: 'eu-west-1', usage: 'hosting' }), (err) => {
      assert.ok(err instanceof AwsError && err.reason === 'accessDenied', String(err));
      assert.match(err.message, /^GetProducts failed: AccessDeniedException/);
      return true;
    });
    client.destroy();
  });

  it('the shared client factory pins the API region to us-east-1, takes an endpoint override and the default credential chain', async () => {
    fake = await startPriceListFake(products);
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENV';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-from-env';
    const client = createPricingClient({ endpoint: fake.endpoint, maxAttempts: 1 });
    try {
      assert.equal(await client.config.region(), 'us-east-1');
      assert.equal((await fetchLivePrice(client, { instanceType: 'ml.m5.xlarge', region: 'us-east-1', usage: 'hosting' }))?.usdPerHour, 0.23);
      assert.match(fake.requests[0].authorization ?? '', /Credential=AKIDFROMENV\//);
    } finally {
      client.destroy();
      for (const [key, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

function pricingError(name: string, status: number): PricingServiceException {
  return new PricingServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: name });
}

describe('live prices with aws-sdk-client-mock', () => {
  let pricing: ReturnType<typeof mockClient>;
  const client = new PricingClient({ region: 'us-east-1', maxAttempts: 1, credentials });
  const query = { instanceType: 'ml.g5.xlarge', region: 'us-east-1', usage: 'hosting' } as const;

  beforeEach(() => {
    pricing = mockClient(PricingClient);
  });

  afterEach(() => {
    pricing.restore();
  });

  for (const [name, status, reason] of [
    ['AccessDeniedException', 400, 'accessDenied'],
    ['ThrottlingException', 400, 'throttled'],
    ['ExpiredTokenException', 400, 'expired'],
  ] as const) {
    it(`classifies ${name} as ${reason}`, async () => {
      pricing.on(GetProductsCommand).rejects(pricingError(name, status));
      await assert.rejects(fetchLivePrice(client, query), (err) => err instanceof AwsError && err.reason === reason && err.message.startsWith(`GetProducts failed: ${name}`));
    });
  }

  it('returns undefined for an empty PriceList', async () => {
    pricing.on(GetProductsCommand).resolves({ FormatVersion: 'aws_v1', PriceList: [] });
    assert.equal(await fetchLivePrice(client, query), undefined);
  });

  it('reads every page and keeps the lowest hourly price', async () => {
    pricing
      .on(GetProductsCommand)
      .resolvesOnce({ PriceList: [priceListItem(sageMakerProduct('A', 'ml.g5.xlarge', 'us-east-1', 'Hosting', '1.4080000000'))], NextToken: 'p2' })
      .resolvesOnce({ PriceList: [priceListItem(sageMakerProduct('B', 'ml.g5.xlarge', 'us-east-1', 'Hosting', '1.4000000000'))] });
    const price = await fetchLivePrice(client, query);
    assert.equal(price?.usdPerHour, 1.4);
    const calls = pricing.commandCalls(GetProductsCommand);
    assert.equal(calls.length, 2);
    assert.equal(calls[1].args[0].input.NextToken, 'p2');
  });

  it('reports a PriceList item that is not JSON as an AwsError', async () => {
    pricing.on(GetProductsCommand).resolves({ PriceList: ['<html>'] });
    await assert.rejects(fetchLivePrice(client, query), (err) => err instanceof AwsError && /not JSON/.test(err.message));
  });
});

describe('live prices without credentials', () => {
  it('fail with noCredentials before any request', async () => {
    const noCreds = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const fake = await startPriceListFake([]);
    const client = new PricingClient({ region: 'us-east-1', endpoint: fake.endpoint, maxAttempts: 1, credentials: () => Promise.reject(noCreds) });
    try {
      await assert.rejects(fetchLivePrice(client, { instanceType: 'ml.m5.xlarge', region: 'us-east-1', usage: 'hosting' }), (err) => AwsError.is(err, 'noCredentials'));
      assert.equal(fake.requests.length, 0);
    } finally {
      client.destroy();
      await fake.close();
    }
  });
});
