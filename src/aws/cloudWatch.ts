import type { CloudWatchClient, Dimension, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
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
    const sums = await this.invocationSums(variants.map((v) => [{ Name: 'EndpointName', Value: v.endpointName }, { Name: 'VariantName', Value: v.variantName }]), hours, now);
    return variants.map((v, i) => ({ ...v, invocations: sums[i] }));
  }

  /**
   * `AWS/SageMaker` `Invocations` summed over the last `hours` for each dimension set, exactly as
   * given (a query on EndpointName alone matches no variant series), in one GetMetricData call per
   * 500 series; a series without datapoints sums to 0.
   */
  async invocationSums(series: readonly Dimension[][], hours: number, now = new Date()): Promise<number[]> {
    const totals = series.map(() => 0);
    const period = Math.max(60, Math.round(hours * 3600 / 60) * 60);
    const start = new Date(now.getTime() - period * 1000);
    for (let offset = 0; offset < series.length; offset += maxQueries) {
      const queries: MetricDataQuery[] = series.slice(offset, offset + maxQueries).map((dimensions, i) => ({
        Id: `q${offset + i}`,
        ReturnData: true,
        MetricStat: { Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dimensions }, Period: period, Stat: 'Sum' },
      }));
      let nextToken: string | undefined;
      do {
        const out = await call('GetMetricData', () => this.client.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: start, EndTime: now, NextToken: nextToken })));
        for (const result of out.MetricDataResults ?? []) {
          const index = Number((result.Id ?? '').slice(1));
          if (index >= 0 && index < totals.length) totals[index] += (result.Values ?? []).reduce((a, b) => a + b, 0);
        }
        nextToken = out.NextToken;
      } while (nextToken);
    }
    return totals;
  }
}
