import { defineRule } from '../core/defineRule';
import type { ReportDescriptor } from '../core/types';
import { extended } from '../core/objects';
import { getInstanceType } from '../data/instances';
import { findingsOnEveryBranch, otherBranches, visitEndpointVariants } from '../model/endpointVariants';
import type { Field } from '../model/field';
import { renderIntent } from '../model/intent';
import type { EndpointVariantRecord } from '../model/records';
import { findingsOnEveryType, instanceTypesOf } from '../model/variantFacts';
import { inRegion, recommendPurposeBuilt } from '../model/recommend';
import { withWorkRegion } from '../model/workRegion';

type MessageId = 'generalPurposeConfig' | 'generalPurpose' | 'notInRegionConfig' | 'notInRegion';

/** What is said of the type, the same in every format (a template's finding names its configuration and variant first). */
const generalPurpose = '{{instanceType}} serves on {{silicon}}: {{alternative}} ({{target}}) is built for this work and uses less energy per request{{figures}}. Consider {{alternative}}.';
const notInRegion = '{{instanceType}} serves on {{silicon}}. {{target}} is built for this work, but {{region}} does not offer {{family}} instances: no alternative is suggested there.';

export const endpointGeneralPurposeSilicon = defineRule({
  id: 'SML304',
  name: 'endpoint-general-purpose-silicon',
  meta: {
    category: 'deploy',
    defaultSeverity: 'info',
    formats: ['cfn', 'tf', 'py', 'nb', 'cdk'],
    description: 'Real-time endpoint on x86 CPU or GPU instances where Graviton or Inferentia could serve it',
    messages: {
      generalPurposeConfig: `Endpoint config {{name}}, {{variant}}: ${generalPurpose}`,
      generalPurpose,
      notInRegionConfig: `Endpoint config {{name}}, {{variant}}: ${notInRegion}`,
      notInRegion,
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    // One ModelBuilder deployed twice: its instance type is judged once.
    const judged = new Set<number>();
    let region: string | undefined;
    return withWorkRegion((work) =>
      visitEndpointVariants(context.text, (variant) => {
        // Python variants come at the end of the walk, the others after their module's or app's regions.
        region = work.code();
      // A template variant under conditions fires when every branch fires (the first branch's findings, no edit).
        const note = otherBranches(variant);
        for (const finding of findingsOnEveryBranch(variant, findings)) {
          if (judged.has(finding.start)) continue;
          judged.add(finding.start);
          context.report(note && finding.data ? extended(finding, { data: extended(finding.data, { variant: `${finding.data.variant}${note}` }) }) : finding);
        }
      }),
    );

    /** The findings of one variant (one branch of a template's conditions): one per pool type of a variant of instance pools. */
    function findings(variant: EndpointVariantRecord): Array<ReportDescriptor<MessageId>> {
      if (variant.invocation === 'serverless' || variant.invocation === 'unknown') return [];
      // A type bound to several values fires when every one of them does, named by the first, with no edit.
      return instanceTypesOf(variant).flatMap((type) => findingsOnEveryType(type, (value) => judge(variant, value)));
    }

    function judge(variant: EndpointVariantRecord, type: Field<string> | undefined): ReportDescriptor<MessageId> | undefined {
      if (!type?.known) return undefined;
      const row = getInstanceType(type.value);
      const answer = row && inRegion(region, (r) => recommendPurposeBuilt(row, 'hosting', r));
      const alternative = answer?.found;
      const silicon = row?.acceleratorKind === 'gpu' ? `general-purpose GPUs (${row.acceleratorModel ?? 'GPU'})` : 'x86 CPUs';
      const named = variant.config !== undefined ? { name: variant.config, variant: variant.variantName ? `variant ${variant.variantName}` : 'a variant' } : undefined;
      if (row && answer?.notInRegion) {
        const target = answer.notInRegion.kind === 'inferentia' ? 'AWS Inferentia2' : 'AWS Graviton';
        return {
          start: type.anchor.start,
          end: type.anchor.end,
          messageId: named ? 'notInRegionConfig' : 'notInRegion',
          data: extended(named ?? {}, { instanceType: row.instanceType, silicon, target, region: region ?? '', family: `ml.${answer.notInRegion.row.family}` }),
          effect: { kind: 'none', reason: `${region} does not offer ${target} (ml.${answer.notInRegion.row.family}) instances` },
        };
      }
      if (!row || !alternative) return undefined;
      const to = alternative.row.instanceType;
      const gpu = alternative.kind === 'inferentia';
      const effect = { kind: 'instance-swap', usage: 'hosting', from: row.instanceType, to, silicon: alternative.kind, ...(variant.instanceCount?.known ? { count: variant.instanceCount.value } : {}) } as const;
      const data = {
        instanceType: row.instanceType,
        silicon,
        alternative: to,
        target: gpu ? 'AWS Inferentia2' : `AWS ${alternative.row.cpuMicroarchitecture ?? 'Graviton'}`,
        figures: context.figures?.change(row.instanceType, to) ?? '',
      };
      if (named) return { start: type.anchor.start, end: type.anchor.end, messageId: 'generalPurposeConfig', data: extended(named, data), effect };
      const edits = renderIntent({ kind: 'set-field', field: type, value: to });
      return {
        start: type.anchor.start,
        end: type.anchor.end,
        messageId: 'generalPurpose',
        data,
        fix: edits && { title: `Serve on ${to} (${gpu ? 'needs the model compiled with the Neuron SDK' : 'needs an Arm64 container image'})`, applicability: 'displayOnly', edits },
        effect,
      };
    }
  },
});
