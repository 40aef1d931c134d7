import { lineEndAt, nextLineStart } from '../../core/lineIndex';
import type { LineIndex } from '../../core/lineIndex';
import type { Edit } from '../../core/types';
import type { CdkApp, CdkConstruct } from '../../parsers/cdk/model';
import type { CfnResource } from '../../parsers/cloudformation';
import type { EndpointRecord } from '../hostingRecords';
import { freshLogicalId } from '../read/cfnFacts';
import { addCdkModuleImport, cdkModulePrefix, constructStatement } from './cdkEdits';
import { appendCfnResources } from './cfnEdits';
import type { CfnSnippet } from './cfnSnippet';
import { ref, sub } from './cfnSnippet';
import { appendTfBlocks, tfIndentUnit } from './tfEdits';
import { freshResourceName, isRepeated } from './tfPartners';

/** A variant to scale: its name and the instance count it starts with. */
export interface ScaledVariant {
  name: string;
  count: number | undefined;
}

/** The scalable target's maximum and the target-tracking policy's invocations per instance per minute. */
export interface ScalingSettings {
  maxCapacity: number;
  targetInvocationsPerInstance: number;
}

/**
 * The edits that add, next to an endpoint, an Application Auto Scaling scalable target and a
 * target-tracking policy on invocations per instance for each variant, in the endpoint's format:
 * CloudFormation resources appended to `Resources`, Terraform blocks after the endpoint (or its
 * configuration when the endpoint is in another file of the module), CDK statements after the
 * endpoint's. Undefined when the format cannot add them cleanly here.
 */
export function scalingTargetEdits(document: { text: string; lines: LineIndex }, endpoint: EndpointRecord, variants: readonly ScaledVariant[], settings: ScalingSettings): Edit[] | undefined {
  const source = endpoint.source;
  switch (source.format) {
    case 'cfn': {
      const edit = appendCfnResources(document.text, document.lines, source.resource.template, scalingResources(source.resource, variants, settings));
      return edit && [edit];
    }
    case 'tf': {
      const { module, endpoint: resource, config } = source;
      if (isRepeated(resource)) return undefined;
      const unit = tfIndentUnit(document.lines, config.block);
      const body = variants.flatMap((v, i) => [
        ...(i ? [''] : []),
        ...scalingBlocks(freshResourceName(module, 'aws_appautoscaling_target', `${resource.name}_${v.name}`.replace(/[^A-Za-z0-9_-]/g, '_')), resource.name, v, settings),
      ]);
      // After the endpoint when it is in the configuration's file, else after the configuration.
      return [appendTfBlocks(document.lines, resource.file === config.file ? resource.block : config.block, body, unit)];
    }
    case 'cdk':
      return cdkScalingEdits(document.text, source.app, source.endpoint, variants, settings);
  }
}

/** A scalable target and a target-tracking policy for one variant, as lines indented with tabs. */
function scalingBlocks(id: string, endpoint: string, variant: ScaledVariant, options: ScalingSettings): string[] {
  return [
    `resource "aws_appautoscaling_target" "${id}" {`,
    '\tservice_namespace  = "sagemaker"',
    '\tscalable_dimension = "sagemaker:variant:DesiredInstanceCount"',
    `\tresource_id        = "endpoint/\${aws_sagemaker_endpoint.${endpoint}.name}/variant/${variant.name}"`,
    '\tmin_capacity       = 1',
    `\tmax_capacity       = ${Math.max(options.maxCapacity, variant.count ?? 1)}`,
    '}',
    '',
    `resource "aws_appautoscaling_policy" "${id}" {`,
    `\tname               = "${endpoint}-${variant.name}-invocations"`,
    '\tpolicy_type        = "TargetTrackingScaling"',
    `\tservice_namespace  = aws_appautoscaling_target.${id}.service_namespace`,
    `\tscalable_dimension = aws_appautoscaling_target.${id}.scalable_dimension`,
    `\tresource_id        = aws_appautoscaling_target.${id}.resource_id`,
    '',
    '\ttarget_tracking_scaling_policy_configuration {',
    `\t\ttarget_value = ${options.targetInvocationsPerInstance}`,
    '\t\tpredefined_metric_specification {',
    '\t\t\tpredefined_metric_type = "SageMakerVariantInvocationsPerInstance"',
    '\t\t}',
    '\t}',
    '}',
  ];
}

function scalingResources(endpoint: CfnResource, variants: readonly ScaledVariant[], options: ScalingSettings): Array<{ logicalId: string; value: CfnSnippet }> {
  const taken = new Set<string>();
  return variants.flatMap((variant) => {
    const base = `${endpoint.logicalId}${variant.name}`;
    const targetId = freshLogicalId(endpoint, `${base}ScalableTarget`, taken);
    taken.add(targetId);
    const policyId = freshLogicalId(endpoint, `${base}ScalingPolicy`, taken);
    taken.add(policyId);
    const target: CfnSnippet = {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: {
        ServiceNamespace: 'sagemaker',
        ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
        ResourceId: sub(`endpoint/\${${endpoint.logicalId}.EndpointName}/variant/${variant.name}`),
        MinCapacity: 1,
        MaxCapacity: Math.max(options.maxCapacity, variant.count ?? 1),
      },
    };
    const policy: CfnSnippet = {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: {
        PolicyName: sub(`\${${endpoint.logicalId}.EndpointName}-${variant.name}-invocations`),
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: ref(targetId),
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: options.targetInvocationsPerInstance,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
        },
      },
    };
    return [
      { logicalId: targetId, value: target },
      { logicalId: policyId, value: policy },
    ];
  });
}

/**
 * The CDK fix: after the statement that makes the endpoint, an
 * `appscaling.ScalableTarget` per variant with a target-tracking policy on
 * invocations per instance, in the file's language, quotes and indentation; the
 * `aws_applicationautoscaling` module as the file already writes it, or a
 * namespace import of it added after the last import. Undefined when that cannot
 * be done cleanly: the endpoint is not assigned to a name at the start of its
 * statement, a variant name is not a plain literal, or the import cannot be added.
 */
function cdkScalingEdits(text: string, app: CdkApp, endpoint: CdkConstruct, variants: readonly ScaledVariant[], options: ScalingSettings): Edit[] | undefined {
  const statement = constructStatement(text, endpoint);
  const scopeSpan = endpoint.arguments.items[0];
  if (!statement || !scopeSpan) return undefined;
  const scope = text.slice(scopeSpan.start, scopeSpan.end);
  if (!variants.every((v) => /^[A-Za-z0-9-]+$/.test(v.name))) return undefined;
  const module = 'aws_applicationautoscaling';
  let prefix = cdkModulePrefix(text, app, module);
  const edits: Edit[] = [];
  if (!prefix) {
    const added = addCdkModuleImport(text, app.language, module, 'appscaling');
    if (!added) return undefined;
    edits.push(added);
    prefix = 'appscaling';
  }
  const python = app.language === 'python';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { indent } = statement;
  // One indentation step: how the line after the construct's first is indented, else the language's usual.
  const nextLine = /^[ \t]*/.exec(text.slice(nextLineStart(text, endpoint.start)))?.[0] ?? '';
  const unit = lineEndAt(text, endpoint.start) < endpoint.end && nextLine.length > indent.length && nextLine.startsWith(indent) ? nextLine.slice(indent.length) : python ? '    ' : '  ';
  const idText = endpoint.idSpan ? text.slice(endpoint.idSpan.start, endpoint.idSpan.end) : '';
  const q = idText.startsWith('"') || python ? '"' : "'";
  const semicolon = !python && /^[ \t]*;/.test(text.slice(endpoint.end, statement.end)) ? ';' : '';
  const owner = statement.name.replace(/^(this|self)\./, '');
  const taken = new Set<string>();
  const fresh = (base: string): string => {
    let name = base;
    for (let n = 2; taken.has(name) || new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(text); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  };
  const pascal = (name: string) => name.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  const lines: string[] = [];
  for (const variant of variants) {
    const name = variant.name;
    const max = Math.max(options.maxCapacity, variant.count ?? 1);
    const id = fresh(`${/^[A-Za-z][\w]*$/.test(endpoint.id ?? '') ? endpoint.id : pascal(owner)}${pascal(name)}Scaling`);
    const metric = `${prefix}.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE`;
    if (python) {
      const target = fresh(`${owner}_${name.replace(/-/g, '_')}_scaling`.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
      lines.push(
        `${indent}${target} = ${prefix}.ScalableTarget(`,
        `${indent}${unit}${scope},`,
        `${indent}${unit}"${id}",`,
        `${indent}${unit}service_namespace=${prefix}.ServiceNamespace.SAGEMAKER,`,
        `${indent}${unit}scalable_dimension="sagemaker:variant:DesiredInstanceCount",`,
        `${indent}${unit}resource_id=f"endpoint/{${statement.name}.attr_endpoint_name}/variant/${name}",`,
        `${indent}${unit}min_capacity=1,`,
        `${indent}${unit}max_capacity=${max},`,
        `${indent})`,
        `${indent}${target}.scale_to_track_metric(`,
        `${indent}${unit}"InvocationsPerInstance",`,
        `${indent}${unit}target_value=${options.targetInvocationsPerInstance},`,
        `${indent}${unit}predefined_metric=${metric},`,
        `${indent})`,
      );
    } else {
      const target = fresh(`${owner}${pascal(name)}Scaling`.replace(/^./, (c) => c.toLowerCase()));
      lines.push(
        `${indent}const ${target} = new ${prefix}.ScalableTarget(${scope}, ${q}${id}${q}, {`,
        `${indent}${unit}serviceNamespace: ${prefix}.ServiceNamespace.SAGEMAKER,`,
        `${indent}${unit}scalableDimension: ${q}sagemaker:variant:DesiredInstanceCount${q},`,
        `${indent}${unit}resourceId: \`endpoint/\${${statement.name}.attrEndpointName}/variant/${name}\`,`,
        `${indent}${unit}minCapacity: 1,`,
        `${indent}${unit}maxCapacity: ${max},`,
        `${indent}})${semicolon}`,
        `${indent}${target}.scaleToTrackMetric(${q}InvocationsPerInstance${q}, {`,
        `${indent}${unit}targetValue: ${options.targetInvocationsPerInstance},`,
        `${indent}${unit}predefinedMetric: ${metric},`,
        `${indent}})${semicolon}`,
      );
    }
  }
  edits.push({ start: statement.end, end: statement.end, text: `${eol}${lines.join(eol)}` });
  return edits;
}
