import type { CloudWatchClient, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { call } from './errors';
import type { VariantInvocations } from './types';

/** GetMetricData accepts up to 500 queries per call. */
const maxQueries = 500;

/** The CloudWatch calls of the explorer, over an injected client. */
export class EndpointMetrics {
  constructor(private readonly client: CloudWatchClient) {}

  /**
   * `AWS/SageMaker` `Invocations` summed per (endpoint, variant) over the last `hours`, in one
   * GetMetricData call per 500 variants; a variant without datapoints gets 0.
   */
  async invocations(variants: readonly { endpointName: string; variantName: string }[], hours: number, now = new Date()): Promise<VariantInvocations[]> {
    const totals = variants.map((v) => ({ ...v, invocations: 0 }));
    const period = Math.max(60, Math.round(hours * 3600 / 60) * 60);
    const start = new Date(now.getTime() - period * 1000);
    for (let offset = 0; offset < totals.length; offset += maxQueries) {
      const batch = totals.slice(offset, offset + maxQueries);
      // Both dimensions, exactly: a query on EndpointName alone matches no series.
      const queries: MetricDataQuery[] = batch.map((v, i) => ({
        Id: `q${offset + i}`,
        ReturnData: true,
        MetricStat: {
          Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: v.endpointName }, { Name: 'VariantName', Value: v.variantName }] },
          Period: period,
          Stat: 'Sum',
        },
      }));
      let nextToken: string | undefined;
      do {
        const out = await call('GetMetricData', () => this.client.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: start, EndTime: now, NextToken: nextToken })));
        for (const result of out.MetricDataResults ?? []) {
          const index = Number((result.Id ?? '').slice(1));
          const entry = totals[index];
          if (entry) entry.invocations += (result.Values ?? []).reduce((a, b) => a + b, 0);
        }
        nextToken = out.NextToken;
      } while (nextToken);
    }
    return totals;
  }
}
