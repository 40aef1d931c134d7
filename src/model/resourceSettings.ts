import type { Field, FieldSource, Span } from './field';
import { unknown } from './field';
import type { HyperPodClusterRecord, HyperPodInstanceGroup, IdleSettings, ResourceRecord, StudioAppKind, StudioAppRecord, StudioDomainRecord, StudioSettings, StudioSpaceRecord, StudioUserProfileRecord } from './resourceRecords';

/** A literal span the edit renderers may replace, in the format's spelling. */
export const literal = (start: number, end: number, quote = '', spelling?: 'retention-days-member'): FieldSource => ({ format: 'literal', start, end, quote, ...(spelling ? { spelling } : {}) });

/**
 * The nested settings of Studio domains, user profiles, spaces and apps and of HyperPod clusters,
 * read the same way whatever the format: each adapter in `resources.ts` offers its own view of a
 * level (a CloudFormation map, a Terraform block, a CDK struct) and the records come from here.
 */

/** The fields every resource record has, from the adapter of its format. */
export type RecordBase = Pick<ResourceRecord, 'format' | 'name' | 'anchor' | 'source'>;

/**
 * One level of a resource's nested settings: a CloudFormation map, a Terraform block, a CDK struct.
 * Keys are given in CloudFormation's spelling (`DefaultResourceSpec`); each format reads its own
 * (`default_resource_spec`, `defaultResourceSpec`).
 */
export interface Settings {
  /** Where this level is written. */
  anchor: Span;
  /** The settings under `key`: undefined when not written, `unknown` when the file cannot read them. */
  child(key: string): Settings | 'unknown' | undefined;
  /** The list of settings under `key`: undefined when not written (and in Terraform, which writes repeated blocks instead). */
  items(key: string): Settings[] | 'unknown' | undefined;
  string(key: string): Field<string> | undefined;
  number(key: string): Field<number> | undefined;
}

export function descend(level: Settings, path: readonly string[]): Settings | 'unknown' | undefined {
  let at: Settings | 'unknown' | undefined = level;
  for (const key of path) {
    if (at === undefined || at === 'unknown') return at;
    at = at.child(key);
  }
  return at;
}

/** The object without its undefined values: a field not written is absent from the record. */
export function written<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const studioApps: readonly StudioAppKind[] = ['JupyterLab', 'CodeEditor', 'KernelGateway', 'JupyterServer'];

/** A domain's `DefaultUserSettings`, a user profile's `UserSettings` or a space's `SpaceSettings`: JupyterLab idle shutdown and each app's default instance type. */
function studioSettings(root: Settings | 'unknown', key: 'DefaultUserSettings' | 'UserSettings' | 'SpaceSettings'): StudioSettings {
  const settings = root === 'unknown' ? root : root.child(key);
  if (settings === 'unknown') return { idleSettings: 'unknown', defaultInstanceTypes: 'unknown' };
  if (!settings) return { defaultInstanceTypes: {} };
  const defaultInstanceTypes: Partial<Record<StudioAppKind, Field<string> | 'unknown'>> = {};
  for (const app of studioApps) {
    const spec = descend(settings, [`${app}AppSettings`, 'DefaultResourceSpec']);
    const type = spec === 'unknown' ? spec : spec?.string('InstanceType');
    if (type) defaultInstanceTypes[app] = type;
  }
  const codeEditorSettings = settings.child('CodeEditorAppSettings');
  const codeEditor = codeEditorSettings === 'unknown' || codeEditorSettings === undefined ? codeEditorSettings : written({ idleSettings: idleOf(codeEditorSettings) });
  return written({ idleSettings: idleOf(settings.child('JupyterLabAppSettings')), codeEditor, defaultInstanceTypes });
}

/** The idle shutdown of one app's settings (`<App>AppSettings`): `AppLifecycleManagement.IdleSettings`. */
function idleOf(app: Settings | 'unknown' | undefined): IdleSettings | 'unknown' | undefined {
  const idle = app === 'unknown' || app === undefined ? app : descend(app, ['AppLifecycleManagement', 'IdleSettings']);
  return idle === 'unknown' || idle === undefined ? idle : written({ lifecycleManagement: idle.string('LifecycleManagement'), idleTimeoutMinutes: idle.number('IdleTimeoutInMinutes') });
}

function studioApp(root: Settings | 'unknown'): Pick<StudioAppRecord, 'appType' | 'instanceType'> {
  if (root === 'unknown') return {};
  const spec = root.child('ResourceSpec');
  const instanceType = spec === 'unknown' ? unknown<string>('expression', root.anchor) : spec?.string('InstanceType');
  return written({ appType: root.string('AppType'), instanceType });
}

function hyperPodGroups(root: Settings | 'unknown'): HyperPodClusterRecord['instanceGroups'] {
  const groups = root === 'unknown' ? root : root.items('InstanceGroups');
  if (groups === 'unknown') return groups;
  return (groups ?? []).map((group): HyperPodInstanceGroup => written({ anchor: group.anchor, name: group.string('InstanceGroupName'), instanceType: group.string('InstanceType'), instanceCount: group.number('InstanceCount') }));
}

/** The record of a Studio domain, user profile, space or app, or a HyperPod cluster, by its CloudFormation type, from its settings in any format. */
export function studioOrCluster(type: string, base: RecordBase, root: Settings | 'unknown'): ResourceRecord | undefined {
  switch (type) {
    case 'AWS::SageMaker::Domain':
      return { kind: 'studioDomain', ...base, ...studioSettings(root, 'DefaultUserSettings') } satisfies StudioDomainRecord;
    case 'AWS::SageMaker::UserProfile':
      return { kind: 'studioUserProfile', ...base, ...studioSettings(root, 'UserSettings') } satisfies StudioUserProfileRecord;
    case 'AWS::SageMaker::Space':
      return { kind: 'studioSpace', ...base, ...studioSettings(root, 'SpaceSettings') } satisfies StudioSpaceRecord;
    case 'AWS::SageMaker::App':
      return { kind: 'studioApp', ...base, ...studioApp(root) } satisfies StudioAppRecord;
    case 'AWS::SageMaker::Cluster':
      return { kind: 'hyperPodCluster', ...base, instanceGroups: hyperPodGroups(root) } satisfies HyperPodClusterRecord;
  }
  return undefined;
}
