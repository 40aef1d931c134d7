import * as assert from 'node:assert/strict';
import { awsTimeoutEnv, awsTimeouts, clientConfig, createClients, destroyClients, resolveTimeouts } from '../../src/aws/clients';
import { AwsError, classifyAwsError } from '../../src/aws/errors';
import { loadAccount } from '../../src/aws/explorer';
import { SageMakerResources } from '../../src/aws/sagemaker';
import { explorerRoots, regionItem } from '../../src/present/explorer';
import type { HangingServer } from '../kit/hangingServer';
import { startHangingServer } from '../kit/hangingServer';
import { useFakeCredentials } from '../kit/moto';

describe('AWS call timeouts', () => {
  it('every client gets a connect and a request timeout that throws, from one place', () => {
    const config = clientConfig({ region: 'eu-west-1' });
    assert.deepEqual(config.requestHandler, { connectionTimeout: awsTimeouts.connectMs, requestTimeout: awsTimeouts.requestMs, throwOnRequestTimeout: true });
    assert.ok(awsTimeouts.connectMs > 0 && awsTimeouts.requestMs > 0);
    const short = clientConfig({ region: 'eu-west-1', timeouts: { requestMs: 250 } });
    assert.equal(short.requestHandler.requestTimeout, 250);
    assert.equal(short.requestHandler.connectionTimeout, awsTimeouts.connectMs);
  });

  it(`${awsTimeoutEnv} sets both timeouts; a value that is not a positive number is ignored`, () => {
    assert.deepEqual(resolveTimeouts({}, { [awsTimeoutEnv]: '150' }), { connectMs: 150, requestMs: 150 });
    assert.deepEqual(resolveTimeouts({ requestMs: 90 }, { [awsTimeoutEnv]: '150' }), { connectMs: 150, requestMs: 90 });
    for (const bad of ['', 'abc', '0', '-5']) assert.deepEqual(resolveTimeouts({}, { [awsTimeoutEnv]: bad }), { ...awsTimeouts });
  });

  it('classifies the handler\'s connect and request timeouts, and the services\' own, as timeouts', () => {
    for (const err of [{ name: 'TimeoutError', message: 'Socket timed out without establishing a connection within 200 ms' }, { name: 'RequestTimeout' }, { name: 'RequestTimeoutException' }, Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { code: 'ETIMEDOUT' })]) {
      assert.equal(classifyAwsError(err), 'timeout', JSON.stringify(err));
    }
    const e = AwsError.from(Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 200 ms requestTimeout.'), { name: 'TimeoutError' }), 'ListEndpoints');
    assert.equal(e.message, 'ListEndpoints timed out: no answer from AWS in time (a request has exceeded the configured 200 ms requestTimeout)');
  });

  describe('against an endpoint that accepts and never answers', () => {
    let hanging: HangingServer;
    let restore: () => void;
    beforeEach(async () => {
      restore = useFakeCredentials();
      hanging = await startHangingServer();
    });
    afterEach(async () => {
      restore();
      await hanging.close();
    });

    it('a SageMaker call fails with a timeout AwsError instead of waiting forever', async function () {
      this.timeout(10_000);
      const clients = createClients({ region: 'us-east-1', endpoint: hanging.endpoint, maxAttempts: 1, timeouts: { connectMs: 200, requestMs: 200 } });
      try {
        const err = await new SageMakerResources(clients.sageMaker).listEndpoints().then(
          () => assert.fail('expected a timeout'),
          (e: unknown) => e,
        );
        assert.ok(err instanceof AwsError, String(err));
        assert.equal(err.reason, 'timeout');
        assert.match(err.message, /^ListEndpoints timed out: no answer from AWS in time \(.*200 ms/);
      } finally {
        destroyClients(clients);
      }
    });

    it('the explorer shows the timeout as the error node', async function () {
      this.timeout(10_000);
      const snapshot = await loadAccount({ endpoint: hanging.endpoint, maxAttempts: 1, timeouts: { connectMs: 200, requestMs: 200 } }, ['us-east-1'], 24);
      assert.ok('reason' in snapshot.identity);
      assert.equal(snapshot.identity.reason, 'timeout');
      const [node] = explorerRoots(snapshot.identity, snapshot.regions, { idleHours: 24, now: new Date() });
      assert.equal(node.label, 'Timed out: no answer from AWS');
      assert.equal(node.contextValue, 'greenml.aws.error.timeout');
      assert.match(node.tooltip, /GetCallerIdentity timed out/);
      // A region whose calls time out gets the same node under its own name.
      const region = regionItem({ region: 'eu-west-1', error: { reason: 'timeout', message: 'ListEndpoints timed out: no answer from AWS in time' } }, { idleHours: 24, now: new Date() });
      assert.equal(region.description, 'Timed out: no answer from AWS');
      assert.equal(region.children?.[0].label, 'Timed out: no answer from AWS');
    });
  });
});
