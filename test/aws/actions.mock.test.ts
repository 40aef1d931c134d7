import * as assert from 'node:assert/strict';
import {
  DeleteAppCommand,
  DescribeAppCommand,
  DescribeProcessingJobCommand,
  DescribeSpaceCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  SageMakerClient,
  SageMakerServiceException,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
  UpdateSpaceCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import type { ResourceState } from '../../src/aws/actions';
import { SageMakerActions } from '../../src/aws/actions';
import { AwsError } from '../../src/aws/errors';
import { runWith } from '../../src/aws/runAction';
import type { SettleOptions } from '../../src/aws/settle';
import { verdict, waitUntilSettled } from '../../src/aws/settle';
import type { ResourceRef } from '../../src/aws/types';

function serviceError(name: string, status: number, message = name): SageMakerServiceException {
  return new SageMakerServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });
}

/** A fake clock: sleeping advances it, and every delay is recorded. */
function fakeClock() {
  let t = 0;
  const delays: number[] = [];
  return {
    delays,
    options: (extra: SettleOptions = {}): SettleOptions => ({
      sleep: (ms) => {
        delays.push(ms);
        t += ms;
        return Promise.resolve();
      },
      now: () => t,
      ...extra,
    }),
  };
}

const job = (jobKind: 'training' | 'processing' | 'transform'): ResourceRef => ({ kind: 'job', jobKind, region: 'us-east-1', name: `${jobKind}-job`, arn: `arn:${jobKind}` });
const app: ResourceRef = { kind: 'app', region: 'us-east-1', name: 'default', arn: 'arn:app', domainId: 'd-abc', spaceName: 'work', appType: 'JupyterLab' };
const space: ResourceRef = { kind: 'space', region: 'us-east-1', name: 'work', arn: 'arn:space', domainId: 'd-abc' };

describe('settle polling', () => {
  it('judges each goal by the SDK status names', () => {
    const s = (status: string): ResourceState => ({ status });
    assert.deepEqual(['InService', 'Stopping', 'Stopped', 'Failed'].map((x) => verdict('notebook', 'stop', s(x))), ['pending', 'pending', 'done', 'failed']);
    assert.deepEqual(['InProgress', 'Stopping', 'Stopped', 'Completed', 'Failed'].map((x) => verdict('job', 'stop', s(x))), ['pending', 'pending', 'done', 'done', 'done']);
    assert.deepEqual(['InService', 'Deleting', 'Deleted', 'Failed', 'Delete_Failed'].map((x) => verdict('app', 'delete', s(x))), ['pending', 'pending', 'done', 'failed', 'failed']);
    assert.deepEqual(['Updating', 'InService', 'Update_Failed'].map((x) => verdict('space', 'update', s(x))), ['pending', 'done', 'failed']);
    assert.equal(verdict('endpoint', 'delete', 'gone'), 'done');
    assert.equal(verdict('notebook', 'stop', 'gone'), 'done');
    assert.equal(verdict('space', 'update', 'gone'), 'failed');
  });

  it('backs off exponentially up to the cap and reports every status seen', async () => {
    const clock = fakeClock();
    const states: ResourceState[] = [{ status: 'InService' }, { status: 'Stopping' }, { status: 'Stopping' }, { status: 'Stopping' }, { status: 'Stopped' }];
    const seen: string[] = [];
    const result = await waitUntilSettled(
      () => Promise.resolve(states.shift() ?? 'gone'),
      (s) => verdict('notebook', 'stop', s),
      clock.options({ initialDelayMs: 1000, maxDelayMs: 4000, onStatus: (s) => seen.push(s === 'gone' ? 'gone' : s.status) }),
    );
    assert.deepEqual(result, { result: 'done', state: { status: 'Stopped' }, polls: 5 });
    assert.deepEqual(clock.delays, [1000, 2000, 4000, 4000, 4000]);
    assert.deepEqual(seen, ['InService', 'Stopping', 'Stopping', 'Stopping', 'Stopped']);
  });

  it('gives up at the timeout with the last state', async () => {
    const clock = fakeClock();
    const result = await waitUntilSettled(() => Promise.resolve({ status: 'Deleting' }), (s) => verdict('endpoint', 'delete', s), clock.options({ initialDelayMs: 1000, maxDelayMs: 8000, timeoutMs: 20_000 }));
    assert.equal(result.result, 'timeout');
    assert.deepEqual(result.state, { status: 'Deleting' });
    assert.equal(clock.delays.reduce((a, b) => a + b, 0), 20_000);
  });

  it('waits through a throttled describe and throws any other failure', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await waitUntilSettled(
      () => (++calls === 1 ? Promise.reject(new AwsError('throttled', 'slow down', 'ThrottlingException')) : Promise.resolve('gone' as const)),
      (s) => verdict('endpoint', 'delete', s),
      clock.options(),
    );
    assert.deepEqual([result.result, result.polls], ['done', 2]);
    await assert.rejects(
      waitUntilSettled(() => Promise.reject(new AwsError('accessDenied', 'no', 'AccessDeniedException')), () => 'pending', fakeClock().options()),
      (err) => AwsError.is(err, 'accessDenied'),
    );
  });
});

describe('actions with aws-sdk-client-mock', () => {
  const mocks = () => mockClient(SageMakerClient);
  let sm: ReturnType<typeof mocks>;
  const client = new SageMakerClient({ region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const actions = new SageMakerActions(client);

  beforeEach(() => {
    sm = mocks();
  });

  afterEach(() => sm.restore());

  it('stops an in-progress training job and polls InProgress → Stopping → Stopped', async () => {
    sm.on(StopTrainingJobCommand).resolves({});
    sm.on(DescribeTrainingJobCommand).resolvesOnce({ TrainingJobStatus: 'InProgress' }).resolvesOnce({ TrainingJobStatus: 'Stopping' }).resolves({ TrainingJobStatus: 'Stopped' });
    const clock = fakeClock();
    const report = await runWith(actions, { action: 'stopJob', ref: job('training') }, clock.options({ initialDelayMs: 500 }));
    assert.deepEqual(report, { result: 'done', state: { status: 'Stopped' } });
    assert.deepEqual(sm.commandCalls(StopTrainingJobCommand).map((c) => c.args[0].input), [{ TrainingJobName: 'training-job' }]);
    assert.equal(sm.commandCalls(DescribeTrainingJobCommand).length, 3);
    assert.deepEqual(clock.delays, [500, 1000, 2000]);
  });

  it('stops processing and transform jobs with their own calls', async () => {
    sm.on(StopProcessingJobCommand).resolves({});
    sm.on(DescribeProcessingJobCommand).resolves({ ProcessingJobStatus: 'Stopped' });
    sm.on(StopTransformJobCommand).resolves({});
    sm.on(DescribeTransformJobCommand).resolvesOnce({ TransformJobStatus: 'Stopping' }).resolves({ TransformJobStatus: 'Stopped' });
    assert.equal((await runWith(actions, { action: 'stopJob', ref: job('processing') }, fakeClock().options())).result, 'done');
    assert.equal((await runWith(actions, { action: 'stopJob', ref: job('transform') }, fakeClock().options())).result, 'done');
    assert.deepEqual(sm.commandCalls(StopProcessingJobCommand).map((c) => c.args[0].input), [{ ProcessingJobName: 'processing-job' }]);
    assert.deepEqual(sm.commandCalls(StopTransformJobCommand).map((c) => c.args[0].input), [{ TransformJobName: 'transform-job' }]);
    assert.equal(sm.commandCalls(DescribeTransformJobCommand).length, 2);
  });

  it('deletes a space app with DeleteApp (domain, space, type, name) and waits for Deleted', async () => {
    sm.on(DeleteAppCommand).resolves({});
    sm.on(DescribeAppCommand).resolvesOnce({ Status: 'Deleting' }).resolves({ Status: 'Deleted' });
    const report = await runWith(actions, { action: 'deleteApp', ref: app }, fakeClock().options());
    assert.deepEqual(report, { result: 'done', state: { status: 'Deleted' } });
    assert.deepEqual(sm.commandCalls(DeleteAppCommand)[0].args[0].input, { DomainId: 'd-abc', SpaceName: 'work', AppType: 'JupyterLab', AppName: 'default' });
    assert.deepEqual(sm.commandCalls(DescribeAppCommand)[0].args[0].input, { DomainId: 'd-abc', SpaceName: 'work', AppType: 'JupyterLab', AppName: 'default' });
  });

  it('names a Studio Classic app by its user profile', async () => {
    sm.on(DeleteAppCommand).resolves({});
    sm.on(DescribeAppCommand).resolves({ Status: 'Deleted' });
    await runWith(actions, { action: 'deleteApp', ref: { ...app, spaceName: undefined, userProfileName: 'alice', appType: 'KernelGateway', name: 'datascience-1' } }, fakeClock().options());
    assert.deepEqual(sm.commandCalls(DeleteAppCommand)[0].args[0].input, { DomainId: 'd-abc', UserProfileName: 'alice', AppType: 'KernelGateway', AppName: 'datascience-1' });
  });

  it('treats an app already gone as settled, with a message', async () => {
    sm.on(DeleteAppCommand).rejects(serviceError('ResourceNotFound', 400, 'App does not exist'));
    const report = await runWith(actions, { action: 'deleteApp', ref: app }, fakeClock().options());
    assert.deepEqual(report, { result: 'alreadyDone', message: "The Studio app 'default' in us-east-1 is already gone." });
    assert.equal(sm.commandCalls(DescribeAppCommand).length, 0);
  });

  it('sets a space idle timeout through UpdateSpace SpaceSettings.<App>AppSettings.AppLifecycleManagement.IdleSettings', async () => {
    sm.on(UpdateSpaceCommand).resolves({ SpaceArn: 'arn:space' });
    sm.on(DescribeSpaceCommand).resolvesOnce({ Status: 'Updating' }).resolves({ Status: 'InService' });
    assert.equal((await runWith(actions, { action: 'setSpaceIdleTimeout', ref: space, appType: 'JupyterLab', minutes: 120 }, fakeClock().options())).result, 'done');
    assert.equal((await runWith(actions, { action: 'setSpaceIdleTimeout', ref: space, appType: 'CodeEditor', minutes: 60 }, fakeClock().options())).result, 'done');
    assert.deepEqual(
      sm.commandCalls(UpdateSpaceCommand).map((c) => c.args[0].input),
      [
        { DomainId: 'd-abc', SpaceName: 'work', SpaceSettings: { JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 120 } } } } },
        { DomainId: 'd-abc', SpaceName: 'work', SpaceSettings: { CodeEditorAppSettings: { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 60 } } } } },
      ],
    );
  });

  it('refuses an idle timeout outside 60–525600 minutes before any call', async () => {
    for (const minutes of [59, 525601, 90.5]) {
      const report = await runWith(actions, { action: 'setSpaceIdleTimeout', ref: space, appType: 'JupyterLab', minutes }, fakeClock().options());
      assert.equal(report.result, 'failed');
      assert.match(report.message ?? '', /60 to 525600 whole minutes/);
    }
    assert.equal(sm.commandCalls(UpdateSpaceCommand).length, 0);
  });

  it('reports a space update that ends in Update_Failed as failed', async () => {
    sm.on(UpdateSpaceCommand).resolves({});
    sm.on(DescribeSpaceCommand).resolvesOnce({ Status: 'Updating' }).resolves({ Status: 'Update_Failed' });
    const report = await runWith(actions, { action: 'setSpaceIdleTimeout', ref: space, appType: 'JupyterLab', minutes: 60 }, fakeClock().options());
    assert.deepEqual([report.result, report.message], ['failed', 'it ended in status Update_Failed']);
  });

  it('reports throttling and access denied on the action call with their reason, without polling', async () => {
    for (const [name, reason] of [
      ['ThrottlingException', 'throttled'],
      ['AccessDeniedException', 'accessDenied'],
    ] as const) {
      sm.on(StopTrainingJobCommand).rejects(serviceError(name, 400, `${name} for sagemaker:StopTrainingJob`));
      const report = await runWith(actions, { action: 'stopJob', ref: job('training') }, fakeClock().options());
      assert.equal(report.result, 'failed');
      assert.equal(report.reason, reason);
      assert.match(report.message ?? '', new RegExp(`^StopTrainingJob failed: ${name}`));
      sm.reset();
    }
    assert.equal(sm.commandCalls(DescribeTrainingJobCommand).length, 0);
  });
});
