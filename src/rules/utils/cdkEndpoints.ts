import type { CdkConstruct, CdkObject, CdkProp } from '../../parsers/cdk/model';
import { getProp } from '../../parsers/cdk/model';

/** A production variant of a CDK `sagemaker.CfnEndpointConfig`, with what the file resolves of it. */
export interface CdkVariant {
  value: CdkObject;
  instanceType: CdkProp | undefined;
  /** The `ml.*` type when `instanceType` is a literal or a same-file constant. */
  instanceTypeValue: string | undefined;
  count: CdkProp | undefined;
  countValue: number | undefined;
  serverless: boolean;
}

/**
 * The production variants of a `sagemaker.CfnEndpointConfig` (the same shape as
 * the CloudFormation resource's `ProductionVariants`), or undefined when the list
 * cannot be read. Variants that are not object literals (or Python structs) are left out.
 */
export function listCdkVariants(construct: CdkConstruct): CdkVariant[] | undefined {
  if (construct.type !== 'aws_sagemaker.CfnEndpointConfig') return undefined;
  const variants = getProp(construct.props, 'productionVariants')?.value;
  if (variants?.kind !== 'array' || variants.open) return undefined;
  return variants.items.flatMap((item) => {
    if (item.kind !== 'object') return [];
    const instanceType = getProp(item, 'instanceType');
    const count = getProp(item, 'initialInstanceCount');
    return [
      {
        value: item,
        instanceType,
        instanceTypeValue: instanceType?.value.kind === 'string' ? instanceType.value.value : undefined,
        count,
        countValue: count?.value.kind === 'number' ? count.value.value : undefined,
        serverless: !!getProp(item, 'serverlessConfig'),
      },
    ];
  });
}
