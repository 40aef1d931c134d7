import type { AppLifecycleManagement, SageMakerClient, SpaceAppLifecycleManagement, UserSettings } from '@aws-sdk/client-sagemaker';
import {
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  paginateListApps,
  paginateListDomains,
  paginateListSpaces,
  paginateListUserProfiles,
} from '@aws-sdk/client-sagemaker';
import { call } from './errors';
import { collect, mapLimit } from './sagemaker';
import type { AppIdleSettings, IdleSettings, StudioApp, StudioDomain, StudioSpace, StudioUserProfile } from './types';

/** App states that hold an instance (and bill for it). */
const runningAppStates = new Set(['InService', 'Pending']);

function idleSettings(lifecycle: AppLifecycleManagement | undefined): IdleSettings | null {
  const s = lifecycle?.IdleSettings;
  if (!s) return null;
  const lm = s.LifecycleManagement;
  return {
    lifecycleManagement: lm === 'ENABLED' || lm === 'DISABLED' ? lm : null,
    idleTimeoutInMinutes: s.IdleTimeoutInMinutes ?? null,
    minIdleTimeoutInMinutes: s.MinIdleTimeoutInMinutes ?? null,
    maxIdleTimeoutInMinutes: s.MaxIdleTimeoutInMinutes ?? null,
  };
}

/** The idle settings of a domain's `DefaultUserSettings` or a profile's `UserSettings`. */
export function appIdleSettings(settings: UserSettings | undefined): AppIdleSettings {
  return { JupyterLab: idleSettings(settings?.JupyterLabAppSettings?.AppLifecycleManagement), CodeEditor: idleSettings(settings?.CodeEditorAppSettings?.AppLifecycleManagement) };
}

function spaceTimeout(lifecycle: SpaceAppLifecycleManagement | undefined): number | null {
  return lifecycle?.IdleSettings?.IdleTimeoutInMinutes ?? null;
}

/**
 * Studio per region: domains (ListDomains, DescribeDomain), their user profiles and spaces
 * (ListUserProfiles, ListSpaces per domain) and every app (one ListApps for the region). Only the
 * spaces and profiles that hold a running app are described, for their idle settings.
 */
export async function listStudio(client: SageMakerClient): Promise<StudioDomain[]> {
  const summaries = await call('ListDomains', () => collect(paginateListDomains({ client }, {}), (p) => p.Domains));
  // No domain, no Studio: skip the other calls (they would all come back empty).
  if (summaries.length === 0) return [];
  const [domains, apps] = await Promise.all([
    mapLimit(summaries, async (s) => {
      const id = s.DomainId ?? '';
      const [d, profiles, spaces] = await Promise.all([
        call('DescribeDomain', () => client.send(new DescribeDomainCommand({ DomainId: id }))),
        call('ListUserProfiles', () => collect(paginateListUserProfiles({ client }, { DomainIdEquals: id }), (p) => p.UserProfiles)),
        call('ListSpaces', () => collect(paginateListSpaces({ client }, { DomainIdEquals: id }), (p) => p.Spaces)),
      ]);
      return {
        id,
        name: d.DomainName ?? s.DomainName ?? id,
        arn: d.DomainArn ?? s.DomainArn ?? '',
        status: d.Status ?? s.Status ?? 'Unknown',
        idle: appIdleSettings(d.DefaultUserSettings),
        userProfiles: profiles.map((p): StudioUserProfile => ({ domainId: id, name: p.UserProfileName ?? '', status: p.Status ?? 'Unknown', idle: null })),
        spaces: spaces.map((sp): StudioSpace => ({ domainId: id, name: sp.SpaceName ?? '', status: sp.Status ?? 'Unknown', ownerUserProfileName: sp.OwnershipSettingsSummary?.OwnerUserProfileName ?? null, idleTimeoutInMinutes: null })),
        apps: [] as StudioApp[],
      };
    }),
    call('ListApps', () => collect(paginateListApps({ client }, {}), (p) => p.Apps)),
  ]);
  const byId = new Map(domains.map((d) => [d.id, d]));
  for (const a of apps) {
    const domain = byId.get(a.DomainId ?? '');
    if (!domain || a.Status === 'Deleted') continue;
    domain.apps.push({
      domainId: domain.id,
      appType: a.AppType ?? 'Unknown',
      appName: a.AppName ?? '',
      status: a.Status ?? 'Unknown',
      spaceName: a.SpaceName ?? null,
      userProfileName: a.UserProfileName ?? null,
      instanceType: a.ResourceSpec?.InstanceType ?? null,
      creationTime: a.CreationTime ?? null,
    });
  }
  // Describe only what decides a running app's idle shutdown: its space and the space's owner (or the app's profile).
  const running = domains.flatMap((d) => d.apps.filter((a) => runningAppStates.has(a.status)).map((a) => ({ d, a })));
  const spaces = new Map<StudioSpace, StudioDomain>();
  const profiles = new Map<string, { d: StudioDomain; name: string }>();
  for (const { d, a } of running) {
    const space = a.spaceName === null ? undefined : d.spaces.find((s) => s.name === a.spaceName);
    if (space) spaces.set(space, d);
    const owner = space?.ownerUserProfileName ?? a.userProfileName;
    if (owner) profiles.set(`${d.id}/${owner}`, { d, name: owner });
  }
  await Promise.all([
    mapLimit([...spaces.keys()], async (space) => {
      const out = await call('DescribeSpace', () => client.send(new DescribeSpaceCommand({ DomainId: space.domainId, SpaceName: space.name })));
      space.idleTimeoutInMinutes = {
        JupyterLab: spaceTimeout(out.SpaceSettings?.JupyterLabAppSettings?.AppLifecycleManagement),
        CodeEditor: spaceTimeout(out.SpaceSettings?.CodeEditorAppSettings?.AppLifecycleManagement),
      };
      space.ownerUserProfileName ??= out.OwnershipSettings?.OwnerUserProfileName ?? null;
    }),
    mapLimit([...profiles.values()], async ({ d, name }) => {
      const out = await call('DescribeUserProfile', () => client.send(new DescribeUserProfileCommand({ DomainId: d.id, UserProfileName: name })));
      const idle = appIdleSettings(out.UserSettings);
      const known = d.userProfiles.find((p) => p.name === name);
      if (known) known.idle = idle;
      else d.userProfiles.push({ domainId: d.id, name, status: out.Status ?? 'Unknown', idle });
    }),
  ]);
  return domains;
}
