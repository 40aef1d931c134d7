import type { CdkApp, CdkConstruct, CdkObject, CdkProp } from '../../parsers/cdk/model';
import { getProp, propsKnown, refTarget } from '../../parsers/cdk/model';

/** A production variant of a CDK `sagemaker.CfnEndpointConfig`, with what the file resolves of it. */
export interface CdkVariant {
  value: CdkObject;
  instanceType: CdkProp | undefined;
  /** The `ml.*` type when `instanceType` is a literal or a same-file constant. */
  instanceTypeValue: string | undefined;
  count: CdkProp | undefined;
  countValue: number | undefined;
  serverless: boolean;
  /** `managedInstanceScaling`: its `status`, `unknown` when not a literal; undefined when not written. */
  managedScaling: 'enabled' | 'disabled' | 'unknown' | undefined;
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
        managedScaling: cdkManagedScaling(getProp(item, 'managedInstanceScaling')),
      },
    ];
  });
}

function cdkManagedScaling(prop: CdkProp | undefined): CdkVariant['managedScaling'] {
  if (!prop) return undefined;
  const status = prop.value.kind === 'object' ? getProp(prop.value, 'status')?.value : undefined;
  const value = status?.kind === 'string' ? status.value : undefined;
  return value === 'ENABLED' ? 'enabled' : value === 'DISABLED' ? 'disabled' : 'unknown';
}

const scalableTargets = ['aws_applicationautoscaling.ScalableTarget', 'aws_applicationautoscaling.CfnScalableTarget'];

/**
 * True when something in the file may scale a SageMaker endpoint variant: an
 * Application Auto Scaling scalable target whose service namespace is SageMaker
 * or cannot be read, or an `autoScaleInstanceCount` call (the SageMaker L2
 * endpoint's). Which variant it scales is not followed: any counts.
 */
export function cdkScalesSageMaker(app: CdkApp): boolean {
  const methods = [...app.unresolvedMethods, ...app.constructs.flatMap((c) => c.methods.map((m) => m.method))];
  if (methods.includes('autoScaleInstanceCount')) return true;
  return app.constructs.some((c) => {
    if (!scalableTargets.includes(c.type)) return false;
    if (!propsKnown(c)) return true;
    const namespace = getProp(c.props, 'serviceNamespace')?.value;
    if (namespace?.kind === 'string') return namespace.value === 'sagemaker';
    if (namespace?.kind === 'name') return namespace.name === 'aws_applicationautoscaling.ServiceNamespace.SAGEMAKER';
    return true;
  });
}

/**
 * The `sagemaker.CfnEndpointConfig` a CDK endpoint serves: the construct its
 * `endpointConfigName` is an attribute of, or the one whose literal
 * `endpointConfigName` it names. Undefined when it cannot be told.
 */
export function cdkConfigOf(app: CdkApp, endpoint: CdkConstruct): CdkConstruct | undefined {
  const value = getProp(endpoint.props, 'endpointConfigName')?.value;
  const target = refTarget(app, value);
  if (target) return target.type === 'aws_sagemaker.CfnEndpointConfig' && propsKnown(target) ? target : undefined;
  if (value?.kind !== 'string') return undefined;
  const named = app.constructs.filter((c) => {
    const name = getProp(c.props, 'endpointConfigName')?.value;
    return c.type === 'aws_sagemaker.CfnEndpointConfig' && name?.kind === 'string' && name.value === value.value;
  });
  return named.length === 1 && propsKnown(named[0]) ? named[0] : undefined;
}
