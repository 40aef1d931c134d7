import type { AppType, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  DeleteAppCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DescribeAppCommand,
  DescribeEndpointCommand,
  DescribeNotebookInstanceCommand,
  DescribeProcessingJobCommand,
  DescribeSpaceCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  StopNotebookInstanceCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
  UpdateSpaceCommand,
} from '@aws-sdk/client-sagemaker';
import { AwsError, call } from './errors';
import type { JobKind, ResourceRef } from './types';

/** What an action call did: the request was accepted, or the resource was already in the wanted state (gone). */
export type ActionOutcome = { outcome: 'started' } | { outcome: 'alreadyDone'; message: string };

/** A resource's state as its describe call reports it; `gone` when the describe says it does not exist. */
export type ResourceState = { status: string } | 'gone';

/** Studio app types whose space settings carry an idle timeout. */
export type IdleAppType = 'JupyterLab' | 'CodeEditor';

/** Idle timeout bounds of SpaceIdleSettings (minutes). */
export const idleTimeoutRange = { min: 60, max: 525600 } as const;

const jobLabels: Record<JobKind, string> = { training: 'training job', processing: 'processing job', transform: 'transform job' };

function describeRef(ref: ResourceRef): string {
  const what = ref.kind === 'job' ? jobLabels[ref.jobKind ?? 'training'] : ref.kind === 'notebook' ? 'notebook instance' : ref.kind === 'app' ? 'Studio app' : ref.kind;
  return `${what} '${ref.name}' in ${ref.region}`;
}

/** Runs an action call; a notFound failure means the resource is already gone, which settles the action. */
async function act(ref: ResourceRef, action: string, run: () => Promise<unknown>): Promise<ActionOutcome> {
  try {
    await call(action, run);
    return { outcome: 'started' };
  } catch (err) {
    if (AwsError.is(err, 'notFound')) return { outcome: 'alreadyDone', message: `The ${describeRef(ref)} is already gone.` };
    throw err;
  }
}

async function state(action: string, run: () => Promise<string | undefined>): Promise<ResourceState> {
  try {
    return { status: (await call(action, run)) ?? 'Unknown' };
  } catch (err) {
    if (AwsError.is(err, 'notFound')) return 'gone';
    throw err;
  }
}

function required(value: string | undefined, what: string, ref: ResourceRef): string {
  if (!value) throw new AwsError('unknown', `The ${describeRef(ref)} has no ${what}`, 'MissingField');
  return value;
}

/** The stop, delete and update calls of the explorer's actions, over an injected client of the resource's region. */
export class SageMakerActions {
  constructor(private readonly client: SageMakerClient) {}

  stopNotebookInstance(ref: ResourceRef): Promise<ActionOutcome> {
    return act(ref, 'StopNotebookInstance', () => this.client.send(new StopNotebookInstanceCommand({ NotebookInstanceName: ref.name })));
  }

  /**
   * Deletes the endpoint and, with `deleteConfig`, the endpoint config it runs on now: the name
   * comes from a describe right before the delete, not from the tree, which may predate an
   * UpdateEndpoint to another config. A config already gone is not an error.
   */
  async deleteEndpoint(ref: ResourceRef, options: { deleteConfig: boolean }): Promise<ActionOutcome & { deletedConfig: string | null }> {
    let configName: string | null = null;
    if (options.deleteConfig) {
      try {
        configName = (await call('DescribeEndpoint', () => this.client.send(new DescribeEndpointCommand({ EndpointName: ref.name })))).EndpointConfigName ?? null;
      } catch (err) {
        if (!AwsError.is(err, 'notFound')) throw err;
      }
    }
    const outcome = await act(ref, 'DeleteEndpoint', () => this.client.send(new DeleteEndpointCommand({ EndpointName: ref.name })));
    let deletedConfig: string | null = null;
    if (options.deleteConfig && configName) {
      const name = configName;
      const config = await act({ ...ref, name }, 'DeleteEndpointConfig', () => this.client.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name })));
      if (config.outcome === 'started') deletedConfig = name;
    }
    return { ...outcome, deletedConfig };
  }

  /** DeleteApp names the app by domain, owner (space, or user profile for Studio Classic apps), type and name. */
  deleteApp(ref: ResourceRef): Promise<ActionOutcome> {
    const domainId = required(ref.domainId, 'domain id', ref);
    const appType = required(ref.appType, 'app type', ref) as AppType;
    if (!ref.spaceName && !ref.userProfileName) throw new AwsError('unknown', `The ${describeRef(ref)} has neither a space nor a user profile`, 'MissingField');
    return act(ref, 'DeleteApp', () =>
      this.client.send(new DeleteAppCommand({ DomainId: domainId, AppType: appType, AppName: ref.name, ...(ref.spaceName ? { SpaceName: ref.spaceName } : { UserProfileName: ref.userProfileName }) })),
    );
  }

  stopJob(ref: ResourceRef): Promise<ActionOutcome> {
    const kind = required(ref.jobKind, 'job kind', ref) as JobKind;
    if (kind === 'training') return act(ref, 'StopTrainingJob', () => this.client.send(new StopTrainingJobCommand({ TrainingJobName: ref.name })));
    if (kind === 'processing') return act(ref, 'StopProcessingJob', () => this.client.send(new StopProcessingJobCommand({ ProcessingJobName: ref.name })));
    return act(ref, 'StopTransformJob', () => this.client.send(new StopTransformJobCommand({ TransformJobName: ref.name })));
  }

  /**
   * Sets the idle shutdown of one app type of a space: UpdateSpace with
   * `SpaceSettings.<JupyterLab|CodeEditor>AppSettings.AppLifecycleManagement.IdleSettings.IdleTimeoutInMinutes`.
   * AWS accepts 60 to 525600 minutes; values outside are refused before any call.
   */
  async setSpaceIdleTimeout(ref: ResourceRef, appType: IdleAppType, minutes: number): Promise<ActionOutcome> {
    if (!Number.isInteger(minutes) || minutes < idleTimeoutRange.min || minutes > idleTimeoutRange.max) {
      throw new AwsError('unknown', `An idle timeout is ${idleTimeoutRange.min} to ${idleTimeoutRange.max} whole minutes, not ${minutes}`, 'InvalidIdleTimeout');
    }
    const domainId = required(ref.domainId, 'domain id', ref);
    const lifecycle = { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: minutes } } };
    const SpaceSettings = appType === 'JupyterLab' ? { JupyterLabAppSettings: lifecycle } : { CodeEditorAppSettings: lifecycle };
    return act(ref, 'UpdateSpace', () => this.client.send(new UpdateSpaceCommand({ DomainId: domainId, SpaceName: ref.name, SpaceSettings })));
  }

  /** The resource's current status from its describe call, for polling after an action. */
  describe(ref: ResourceRef): Promise<ResourceState> {
    switch (ref.kind) {
      case 'endpoint':
        return state('DescribeEndpoint', async () => (await this.client.send(new DescribeEndpointCommand({ EndpointName: ref.name }))).EndpointStatus);
      case 'notebook':
        return state('DescribeNotebookInstance', async () => (await this.client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: ref.name }))).NotebookInstanceStatus);
      case 'job':
        if (ref.jobKind === 'processing') return state('DescribeProcessingJob', async () => (await this.client.send(new DescribeProcessingJobCommand({ ProcessingJobName: ref.name }))).ProcessingJobStatus);
        if (ref.jobKind === 'transform') return state('DescribeTransformJob', async () => (await this.client.send(new DescribeTransformJobCommand({ TransformJobName: ref.name }))).TransformJobStatus);
        return state('DescribeTrainingJob', async () => (await this.client.send(new DescribeTrainingJobCommand({ TrainingJobName: ref.name }))).TrainingJobStatus);
      case 'app': {
        const domainId = required(ref.domainId, 'domain id', ref);
        const appType = required(ref.appType, 'app type', ref) as AppType;
        return state('DescribeApp', async () =>
          (await this.client.send(new DescribeAppCommand({ DomainId: domainId, AppType: appType, AppName: ref.name, ...(ref.spaceName ? { SpaceName: ref.spaceName } : { UserProfileName: ref.userProfileName }) }))).Status,
        );
      }
      case 'space': {
        const domainId = required(ref.domainId, 'domain id', ref);
        return state('DescribeSpace', async () => (await this.client.send(new DescribeSpaceCommand({ DomainId: domainId, SpaceName: ref.name }))).Status);
      }
    }
  }
}
