import type { AppType, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DescribeAppCommand, paginateListTrainingPlans } from '@aws-sdk/client-sagemaker';
import { call } from './errors';
import { collect, mapLimit } from './sagemaker';
import type { StudioDomain, TrainingPlan } from './types';

/** What the fleet scan reads beyond the explorer's groups. */

/** App states that hold an instance (and bill for it); the same set the Studio listing describes settings for. */
const runningAppStates = new Set(['InService', 'Pending']);

/**
 * Active training plans of the region (one paginated ListTrainingPlans filtered on `Status=Active`;
 * the summary carries the instance counts, so no describe).
 */
export async function listActiveTrainingPlans(client: SageMakerClient): Promise<TrainingPlan[]> {
  const summaries = await call('ListTrainingPlans', () => collect(paginateListTrainingPlans({ client }, { Filters: [{ Name: 'Status', Value: 'Active' }] }), (p) => p.TrainingPlanSummaries));
  return summaries
    .filter((s) => s.Status === 'Active')
    .map((s) => ({
      name: s.TrainingPlanName ?? '',
      arn: s.TrainingPlanArn ?? '',
      status: s.Status ?? 'Unknown',
      startTime: s.StartTime ?? null,
      endTime: s.EndTime ?? null,
      durationHours: s.DurationHours !== undefined ? s.DurationHours + (s.DurationMinutes ?? 0) / 60 : null,
      upfrontFee: s.UpfrontFee ?? null,
      currencyCode: s.CurrencyCode ?? null,
      totalInstances: s.TotalInstanceCount ?? 0,
      availableInstances: s.AvailableInstanceCount ?? 0,
      inUseInstances: s.InUseInstanceCount ?? 0,
      instanceTypes: [...new Set((s.ReservedCapacitySummaries ?? []).map((r) => r.InstanceType ?? '').filter((t) => t !== ''))],
      targetResources: s.TargetResources ?? [],
    }));
}

/**
 * `LastUserActivityTimestamp` and `LastHealthCheckTimestamp` of every running app of `domains`
 * (one DescribeApp each, a few in flight; ListApps does not carry them), set on the apps in place.
 * A failed describe leaves both null: the app is still reported on its other signals.
 */
export async function readAppActivity(client: SageMakerClient, domains: readonly StudioDomain[]): Promise<void> {
  const running = domains.flatMap((d) => d.apps.filter((a) => runningAppStates.has(a.status)));
  await mapLimit(running, async (app) => {
    try {
      const out = await call('DescribeApp', () =>
        client.send(
          new DescribeAppCommand({
            DomainId: app.domainId,
            AppType: app.appType as AppType,
            AppName: app.appName,
            ...(app.spaceName !== null ? { SpaceName: app.spaceName } : app.userProfileName !== null ? { UserProfileName: app.userProfileName } : {}),
          }),
        ),
      );
      app.lastUserActivity = out.LastUserActivityTimestamp ?? null;
      app.lastHealthCheck = out.LastHealthCheckTimestamp ?? null;
    } catch {
      app.lastUserActivity = null;
      app.lastHealthCheck = null;
    }
  });
}
