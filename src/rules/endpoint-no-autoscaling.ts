import { defineRule } from '../core/defineRule';
import { lineEndAt, nextLineStart } from '../core/lineIndex';
import type { CfnResource, CfnTemplate, CfnValue } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar } from '../parsers/cloudformation';
import { appendCfnResources } from '../model/edit/cfnEdits';
import { freshLogicalId, getPropertiesFact } from '../model/read/cfnFacts';
import type { TargetKey } from '../model/read/cfnEndpoints';
import { configOf, targetKeys } from '../model/read/cfnEndpoints';
import type { TfModule, TfModuleResource } from '../parsers/terraform';
import { getAttribute, getBlocks, listModuleResourcesOfType, resolveLiteral } from '../parsers/terraform';
import { appendTfBlocks, headerRange, tfIndentUnit } from '../model/edit/tfEdits';
import type { TfTargetKey, TfVariant } from '../model/read/tfEndpoints';
import { listTfTargetKeys, listTfVariants } from '../model/read/tfEndpoints';
import { freshResourceName, isRepeated } from '../model/edit/tfPartners';
import type { CfnSnippet } from '../model/edit/cfnSnippet';
import { ref, sub } from '../model/edit/cfnSnippet';
import type { CdkApp, CdkConstruct } from '../parsers/cdk/model';
import { getProp, propsKnown, refTarget } from '../parsers/cdk/model';
import type { CdkVariant } from '../model/read/cdkEndpoints';
import { cdkScalesSageMaker, listCdkVariants } from '../model/read/cdkEndpoints';
import { addCdkModuleImport, cdkModulePrefix, constructName, constructRange, constructStatement } from '../model/edit/cdkEdits';
import type { Edit } from '../core/types';

interface UnscaledVariant {
  name: string;
  instanceType: string;
  count: number | undefined;
  node: CfnValue;
}

export const endpointNoAutoscaling = defineRule({
  id: 'SML303',
  name: 'endpoint-no-autoscaling',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk'],
    description: 'Real-time endpoint variant on instances with no auto scaling target in the template',
    messages: {
      noAutoscaling:
        'Endpoint {{endpoint}} runs {{variants}} at a fixed instance count: no Application Auto Scaling target in this template scales it with traffic, so capacity sized for the peak is billed every hour, busy or idle. Add a scalable target with a target-tracking policy.',
      noAutoscalingTerraform:
        'Endpoint {{endpoint}} runs {{variants}} at a fixed instance count: no aws_appautoscaling_target in this module scales it with traffic, so capacity sized for the peak is billed every hour, busy or idle. Add a scalable target with a target-tracking policy.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP01', 'MLREL05-BP01'],
    options: {
      maxCapacity: { type: 'integer', default: 4, minimum: 1, description: 'MaxCapacity of the scalable target the quick fix adds (raised to the variant’s initial count if that is larger).' },
      targetInvocationsPerInstance: { type: 'number', default: 70, minimum: 1, description: 'TargetValue of the SageMakerVariantInvocationsPerInstance target-tracking policy the quick fix adds (invocations per instance per minute).' },
    },
  },
  create(context) {
    let tfModule: TfModule | undefined;
    return {
      tfModule(m) {
        tfModule = m;
      },
      cfnTemplate(template) {
        const keys = targetKeys(template);
        if (!keys) return;
        const byId = new Map(template.resources.map((r) => [r.logicalId, r]));
        for (const endpoint of template.resources.filter((r) => r.type === 'AWS::SageMaker::Endpoint')) {
          const endpointProps = getPropertiesFact(endpoint);
          if (!endpointProps.known || !endpointProps.map) continue;
          const config = configOf(template, byId, endpointProps.map);
          if (!config) continue;
          const configProps = getPropertiesFact(config);
          const variantsEntry = configProps.known ? configProps.map && getEntry(configProps.map, 'ProductionVariants') : undefined;
          if (!variantsEntry || variantsEntry.value.kind !== 'seq' || variantsEntry.value.intrinsic) continue;
          const endpointName = resolveScalar(template, getEntry(endpointProps.map, 'EndpointName')?.value);
          const covers = (key: TargetKey, variant: string) =>
            (key.variant === undefined || key.variant === variant) &&
            (key.endpoint === undefined || ('resource' in key.endpoint ? key.endpoint.resource === endpoint.logicalId : key.endpoint.name === endpointName));
          const unscaled = variantsEntry.value.items.flatMap((item) => {
            const variant = instanceVariant(template, item);
            return variant && !keys.some((key) => covers(key, variant.name)) ? [variant] : [];
          });
          if (!unscaled.length) continue;
          const describe = unscaled.map((v) => `variant ${v.name} (${v.instanceType}${v.count === undefined ? '' : ` × ${v.count}`})`).join(', ');
          const edit = appendCfnResources(context.text, context.lines, template, scalingResources(endpoint, unscaled, context.options));
          const resourcesKey = getEntry(template.root, 'Resources');
          context.report({
            start: variantsEntry.keyStart,
            end: variantsEntry.keyEnd,
            messageId: 'noAutoscaling',
            data: { endpoint: endpoint.logicalId, variants: describe },
            related: [
              { start: endpoint.keyStart, end: endpoint.keyEnd, message: `endpoint ${endpoint.logicalId} serves this configuration` },
              ...(resourcesKey ? [{ start: resourcesKey.keyStart, end: resourcesKey.keyEnd, message: 'an AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy for the variant belong here' }] : []),
            ],
            fix: edit
              ? { title: `Add a scalable target and a target-tracking policy for ${unscaled.map((v) => v.name).join(', ')}`, applicability: 'unsafe', edits: [edit] }
              : undefined,
          });
        }
      },
      cdkApp(app) {
        // Anything that may scale a SageMaker variant silences the file: target resource ids are rarely literal in CDK.
        if (cdkScalesSageMaker(app)) return;
        for (const endpoint of app.constructs.filter((c) => c.type === 'aws_sagemaker.CfnEndpoint' && propsKnown(c))) {
          const config = cdkConfigOf(app, endpoint);
          const variantsProp = config && getProp(config.props, 'productionVariants');
          if (!config || !variantsProp) continue;
          const unscaled = (listCdkVariants(config) ?? []).filter((v) => !v.serverless && v.instanceTypeValue !== undefined);
          if (!unscaled.length) continue;
          const describe = unscaled
            .map((v) => {
              const name = getProp(v.value, 'variantName')?.value;
              return `variant ${name?.kind === 'string' ? name.value : '(unnamed)'} (${v.instanceTypeValue}${v.countValue === undefined ? '' : ` × ${v.countValue}`})`;
            })
            .join(', ');
          context.report({
            start: variantsProp.keyStart,
            end: variantsProp.keyEnd,
            messageId: 'noAutoscaling',
            data: { endpoint: constructName(endpoint), variants: describe },
            related: [{ ...constructRange(endpoint), message: `endpoint ${constructName(endpoint)} serves this configuration; an appscaling.ScalableTarget and a target-tracking policy for the variant belong next to it` }],
            fix: cdkScalingFix(context.text, app, endpoint, unscaled, context.options),
          });
        }
      },
      tfFile(file) {
        // Targets, endpoints and configurations may sit in any file of the module.
        const current = tfModule;
        const keys = current && listTfTargetKeys(current);
        if (!current || !keys) return;
        const configs = indexTfConfigs(current);
        const covered = indexTfTargetKeys(keys);
        for (const endpoint of listModuleResourcesOfType(current, 'aws_sagemaker_endpoint')) {
          const config = tfConfigOf(configs, endpoint);
          // The finding sits on the configuration: it is reported when linting the configuration's file.
          if (config?.file !== file) continue;
          // Variants built by dynamic blocks are unknown: nothing can be said of the configuration.
          if (getBlocks(config.block, 'production_variants').some((b) => b.type === 'dynamic')) continue;
          const endpointName = resolveLiteral(endpoint.file, getAttribute(endpoint.block, 'name')?.value);
          const unscaled = (listTfVariants(config) ?? []).filter(
            (v): v is TfVariant & { name: string; instanceTypeValue: string } =>
              !v.serverless && v.name !== undefined && v.instanceTypeValue !== undefined && !covered(endpoint.name, typeof endpointName === 'string' ? endpointName : undefined, v.name),
          );
          const first = config.block.blocks.find((b) => b.type === 'production_variants');
          if (!unscaled.length || !first) continue;
          const describe = unscaled.map((v) => `variant ${v.name} (${v.instanceTypeValue}${v.countValue === undefined ? '' : ` × ${v.countValue}`})`).join(', ');
          const unit = tfIndentUnit(context.lines, config.block);
          const body = unscaled.flatMap((v, i) => [
            ...(i ? [''] : []),
            ...scalingBlocks(freshResourceName(current, 'aws_appautoscaling_target', `${endpoint.name}_${v.name}`.replace(/[^A-Za-z0-9_-]/g, '_')), endpoint.name, v, context.options),
          ]);
          context.report({
            start: first.typeStart,
            end: first.typeEnd,
            messageId: 'noAutoscalingTerraform',
            data: { endpoint: `aws_sagemaker_endpoint.${endpoint.name}`, variants: describe },
            related: [
              {
                ...headerRange(endpoint.block),
                fileName: endpoint.source.fileName,
                message: `endpoint aws_sagemaker_endpoint.${endpoint.name} serves this configuration; an aws_appautoscaling_target and aws_appautoscaling_policy for the variant belong ${endpoint.file === file ? 'after it' : 'in the module'}`,
              },
            ],
            // The new blocks go after the endpoint when it is in this file, else after the configuration.
            fix: isRepeated(endpoint)
              ? undefined
              : {
                  title: `Add an aws_appautoscaling_target and a target-tracking aws_appautoscaling_policy for ${unscaled.map((v) => v.name).join(', ')}`,
                  applicability: 'unsafe',
                  edits: [appendTfBlocks(context.lines, endpoint.file === file ? endpoint.block : config.block, body, unit)],
                },
          });
        }
      },
    };
  },
});

/** The module's endpoint configurations by resource name and by literal `name` (the first of each, in the module's order). */
interface TfConfigIndex {
  byResource: Map<string, TfModuleResource>;
  byName: Map<string, TfModuleResource>;
}

/** Indexed once per file, not searched once per endpoint (a module of many endpoints was quadratic). */
function indexTfConfigs(module: TfModule): TfConfigIndex {
  const index: TfConfigIndex = { byResource: new Map(), byName: new Map() };
  for (const config of listModuleResourcesOfType(module, 'aws_sagemaker_endpoint_configuration')) {
    if (!index.byResource.has(config.name)) index.byResource.set(config.name, config);
    const name = resolveLiteral(config.file, getAttribute(config.block, 'name')?.value);
    if (typeof name === 'string' && !index.byName.has(name)) index.byName.set(name, config);
  }
  return index;
}

/** The endpoint configuration of the module an endpoint uses: by reference, or by a literal equal to the configuration's `name`. */
function tfConfigOf(configs: TfConfigIndex, endpoint: TfModuleResource): TfModuleResource | undefined {
  const value = getAttribute(endpoint.block, 'endpoint_config_name')?.value;
  if (!value) return undefined;
  const reference = value.references.find((r) => r.path[0] === 'aws_sagemaker_endpoint_configuration' && r.path.length >= 2);
  if (reference) return configs.byResource.get(reference.path[1]);
  const name = resolveLiteral(endpoint.file, value);
  return typeof name === 'string' ? configs.byName.get(name) : undefined;
}

/**
 * Whether some scalable target covers a variant of an endpoint (named by its resource, and by its
 * literal `name` when known); a key's undefined endpoint or variant matches any. Looked up in a
 * set instead of scanning every target for every variant.
 */
function indexTfTargetKeys(keys: readonly TfTargetKey[]): (resource: string, name: string | undefined, variant: string) => boolean {
  const held = new Set<string>();
  for (const key of keys) {
    const endpoint = key.endpoint === undefined ? '*' : 'resource' in key.endpoint ? `r:${key.endpoint.resource}` : `n:${key.endpoint.name}`;
    held.add(`${endpoint}\0${key.variant === undefined ? '*' : `v:${key.variant}`}`);
  }
  return (resource, name, variant) => {
    const endpoints = ['*', `r:${resource}`, ...(name === undefined ? [] : [`n:${name}`])];
    return endpoints.some((e) => held.has(`${e}\0*`) || held.has(`${e}\0v:${variant}`));
  };
}

/** A scalable target and a target-tracking policy for one variant, as lines indented with tabs. */
function scalingBlocks(id: string, endpoint: string, variant: { name: string; countValue: number | undefined }, options: { maxCapacity: number; targetInvocationsPerInstance: number }): string[] {
  return [
    `resource "aws_appautoscaling_target" "${id}" {`,
    '\tservice_namespace  = "sagemaker"',
    '\tscalable_dimension = "sagemaker:variant:DesiredInstanceCount"',
    `\tresource_id        = "endpoint/\${aws_sagemaker_endpoint.${endpoint}.name}/variant/${variant.name}"`,
    '\tmin_capacity       = 1',
    `\tmax_capacity       = ${Math.max(options.maxCapacity, variant.countValue ?? 1)}`,
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

/** A production variant running on instances, when its name and instance type are known. */
function instanceVariant(template: CfnTemplate, item: CfnValue): UnscaledVariant | undefined {
  const variant = getMapValue(item);
  if (!variant || getEntry(variant, 'ServerlessConfig')) return undefined;
  // SageMaker-managed instance scaling (inference components) scales the variant without a scalable target.
  const managed = getEntry(variant, 'ManagedInstanceScaling');
  if (managed) {
    const settings = getMapValue(managed.value);
    if (resolveScalar(template, settings && getEntry(settings, 'Status')?.value) !== 'DISABLED') return undefined;
  }
  const name = resolveScalar(template, getEntry(variant, 'VariantName')?.value);
  const instanceType = resolveScalar(template, getEntry(variant, 'InstanceType')?.value);
  if (typeof name !== 'string' || typeof instanceType !== 'string') return undefined;
  const count = resolveScalar(template, getEntry(variant, 'InitialInstanceCount')?.value);
  return { name, instanceType, count: typeof count === 'number' ? count : undefined, node: item };
}

function scalingResources(endpoint: CfnResource, variants: UnscaledVariant[], options: { maxCapacity: number; targetInvocationsPerInstance: number }): Array<{ logicalId: string; value: CfnSnippet }> {
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
 * The `sagemaker.CfnEndpointConfig` a CDK endpoint serves: the construct its
 * `endpointConfigName` is an attribute of, or the one whose literal
 * `endpointConfigName` it names. Undefined when it cannot be told.
 */
function cdkConfigOf(app: CdkApp, endpoint: CdkConstruct): CdkConstruct | undefined {
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

/**
 * The CDK fix: after the statement that makes the endpoint, an
 * `appscaling.ScalableTarget` per variant with a target-tracking policy on
 * invocations per instance, in the file's language, quotes and indentation; the
 * `aws_applicationautoscaling` module as the file already writes it, or a
 * namespace import of it added after the last import. Undefined when that cannot
 * be done cleanly: the endpoint is not assigned to a name at the start of its
 * statement, a variant name is not a literal, or the import cannot be added.
 */
function cdkScalingFix(
  text: string,
  app: CdkApp,
  endpoint: CdkConstruct,
  variants: CdkVariant[],
  options: { maxCapacity: number; targetInvocationsPerInstance: number },
): { title: string; applicability: 'unsafe'; edits: Edit[] } | undefined {
  const statement = constructStatement(text, endpoint);
  const scopeSpan = endpoint.arguments.items[0];
  if (!statement || !scopeSpan) return undefined;
  const scope = text.slice(scopeSpan.start, scopeSpan.end);
  const names = variants.map((v) => getProp(v.value, 'variantName')?.value);
  if (!names.every((n): n is Extract<typeof n, { kind: 'string' }> => n?.kind === 'string' && /^[A-Za-z0-9-]+$/.test(n.value))) return undefined;
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
  variants.forEach((variant, i) => {
    const name = (names[i] as { value: string }).value;
    const max = Math.max(options.maxCapacity, variant.countValue ?? 1);
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
  });
  edits.push({ start: statement.end, end: statement.end, text: `${eol}${lines.join(eol)}` });
  return { title: `Add an appscaling.ScalableTarget and a target-tracking policy for ${names.map((n) => (n as { value: string }).value).join(', ')}`, applicability: 'unsafe', edits };
}
