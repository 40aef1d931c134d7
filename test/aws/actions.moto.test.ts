import * as assert from 'node:assert/strict';
import { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand, CreateNotebookInstanceCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker';
import { SageMakerActions } from '../../src/aws/actions';
import type { RegionClients } from '../../src/aws/clients';
import { AwsError, call } from '../../src/aws/errors';
import { runAction, runWith } from '../../src/aws/runAction';
import { SageMakerResources } from '../../src/aws/sagemaker';
import type { ResourceRef } from '../../src/aws/types';
import { motoSuite } from '../kit/moto';
import type { MotoServer } from '../kit/moto';

const role = 'arn:aws:iam::123456789012:role/sagemaker';
/** moto settles at once; poll after 10 ms instead of the 2 s the extension waits on AWS. */
const fast = { initialDelayMs: 10, maxDelayMs: 20, timeoutMs: 5000 };

async function seedEndpoint(clients: RegionClients, name: string): Promise<void> {
  const sm = clients.sageMaker;
  await sm.send(new CreateModelCommand({ ModelName: `${name}-model`, ExecutionRoleArn: role, PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:latest' } }));
  await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: `${name}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `${name}-model`, InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
  await sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
}

const ref = (kind: ResourceRef['kind'], region: string, name: string): ResourceRef => ({ kind, region, name, arn: `arn:aws:sagemaker:${region}:123456789012:${kind}/${name}` });

describe('actions against moto over HTTP', function () {
  const aws = motoSuite(['us-east-1', 'eu-west-1']);
  let moto: MotoServer;
  let east: RegionClients;
  let west: RegionClients;
  before(() => {
    moto = aws.moto;
    east = aws.clients['us-east-1'];
    west = aws.clients['eu-west-1'];
  });

  it('stops a notebook instance: InService → Stopped, seen by describe and list', async () => {
    await east.sageMaker.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb', InstanceType: 'ml.t3.medium', RoleArn: role }));
    const actions = new SageMakerActions(east.sageMaker);
    assert.deepEqual(await actions.describe(ref('notebook', 'us-east-1', 'nb')), { status: 'InService' });
    const seen: string[] = [];
    const report = await runWith(actions, { action: 'stopNotebook', ref: ref('notebook', 'us-east-1', 'nb') }, { ...fast, onStatus: (s) => seen.push(s === 'gone' ? 'gone' : s.status) });
    assert.deepEqual(report, { result: 'done', state: { status: 'Stopped' } });
    assert.deepEqual(seen, ['Stopped']);
    assert.deepEqual((await new SageMakerResources(east.sageMaker).listNotebookInstances()).map((n) => [n.name, n.status]), [['nb', 'Stopped']]);
  });

  it('deletes an endpoint and its config through the client factory: both gone', async () => {
    await seedEndpoint(east, 'doomed');
    await seedEndpoint(east, 'kept');
    const report = await runAction({ action: 'deleteEndpoint', ref: ref('endpoint', 'us-east-1', 'doomed'), deleteConfig: true }, { endpoint: moto.endpoint, maxAttempts: 1 }, fast);
    assert.deepEqual(report, { result: 'done', state: 'gone', deletedConfig: 'doomed-config' });
    assert.deepEqual((await new SageMakerResources(east.sageMaker).listEndpoints()).map((e) => e.name), ['kept']);
    await assert.rejects(
      call('DescribeEndpointConfig', () => east.sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'doomed-config' }))),
      (err) => AwsError.is(err, 'notFound'),
    );
    // The other endpoint's config stays.
    assert.equal((await east.sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'kept-config' }))).EndpointConfigName, 'kept-config');
  });

  it('deletes the config the endpoint runs on now, not the one the tree remembered, in 4 calls', async () => {
    await seedEndpoint(east, 'moved');
    await seedEndpoint(east, 'stale');
    let calls: string[] = [];
    east.sageMaker.middlewareStack.add((next, context) => (args) => (calls.push(String(context.commandName)), next(args)), { step: 'initialize', name: 'countCalls' });
    try {
      const report = await runWith(new SageMakerActions(east.sageMaker), { action: 'deleteEndpoint', ref: { ...ref('endpoint', 'us-east-1', 'moved'), endpointConfigName: 'stale-config' }, deleteConfig: true }, fast);
      assert.deepEqual([report.result, report.deletedConfig], ['done', 'moved-config']);
      assert.deepEqual(calls, ['DescribeEndpointCommand', 'DeleteEndpointCommand', 'DeleteEndpointConfigCommand', 'DescribeEndpointCommand']);
      calls = [];
      await runWith(new SageMakerActions(east.sageMaker), { action: 'deleteEndpoint', ref: ref('endpoint', 'us-east-1', 'stale'), deleteConfig: false }, fast);
      assert.deepEqual(calls, ['DeleteEndpointCommand', 'DescribeEndpointCommand']);
    } finally {
      east.sageMaker.middlewareStack.remove('countCalls');
    }
    assert.equal((await east.sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'stale-config' }))).EndpointConfigName, 'stale-config');
  });

  it('deletes only the endpoint when the config is to stay', async () => {
    await seedEndpoint(east, 'solo');
    const report = await runWith(new SageMakerActions(east.sageMaker), { action: 'deleteEndpoint', ref: ref('endpoint', 'us-east-1', 'solo'), deleteConfig: false }, fast);
    assert.deepEqual(report, { result: 'done', state: 'gone', deletedConfig: null });
    assert.equal((await east.sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'solo-config' }))).EndpointConfigName, 'solo-config');
  });

  it('acts in the resource region only: the same name in another region stays', async () => {
    await seedEndpoint(east, 'twin');
    await seedEndpoint(west, 'twin');
    const report = await runAction({ action: 'deleteEndpoint', ref: ref('endpoint', 'eu-west-1', 'twin'), deleteConfig: true }, { endpoint: moto.endpoint, maxAttempts: 1 }, fast);
    assert.equal(report.result, 'done');
    assert.deepEqual(await new SageMakerResources(west.sageMaker).listEndpoints(), []);
    assert.deepEqual((await new SageMakerResources(east.sageMaker).listEndpoints()).map((e) => [e.name, e.endpointConfigName]), [['twin', 'twin-config']]);
  });

  it('an endpoint or notebook instance already gone is settled, with a message (moto answers ValidationException)', async () => {
    const actions = new SageMakerActions(east.sageMaker);
    assert.deepEqual(await runWith(actions, { action: 'deleteEndpoint', ref: ref('endpoint', 'us-east-1', 'gone'), deleteConfig: true }, fast), {
      result: 'alreadyDone',
      message: "The endpoint 'gone' in us-east-1 is already gone.",
      deletedConfig: null,
    });
    assert.deepEqual(await runWith(actions, { action: 'stopNotebook', ref: ref('notebook', 'us-east-1', 'ghost') }, fast), { result: 'alreadyDone', message: "The notebook instance 'ghost' in us-east-1 is already gone." });
    assert.equal(await actions.describe(ref('endpoint', 'us-east-1', 'gone')), 'gone');
  });
});
