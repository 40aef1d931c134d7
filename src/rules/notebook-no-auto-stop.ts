import { defineRule } from '../core/defineRule';
import type { CfnEntry, CfnMap, CfnResource } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar } from '../parsers/cloudformation';
import type { PropertyText } from '../model/edit/cfnEdits';
import { insertCfnMapProperty, insertCfnProperty } from '../model/edit/cfnEdits';
import type { TfBlock, TfResource } from '../parsers/terraform';
import { getAttribute, getBlocks, resolveLiteral } from '../parsers/terraform';
import { getPropertiesFact } from '../model/read/cfnFacts';
import { headerRange } from '../model/edit/tfEdits';
import type { CfnSnippet } from '../model/edit/cfnSnippet';
import type { CdkConstruct } from '../parsers/cdk/model';
import { getProp, propsKnown } from '../parsers/cdk/model';
import { constructName, constructRange } from '../model/edit/cdkEdits';

/** The same path as CDK props of `sagemaker.CfnDomain` (camelCase; Python writes them in snake_case). */
const cdkIdlePath = ['defaultUserSettings', 'jupyterLabAppSettings', 'appLifecycleManagement', 'idleSettings'] as const;

/** Where a Studio domain turns on idle shutdown for JupyterLab, below `Properties`. */
const idlePath = ['DefaultUserSettings', 'JupyterLabAppSettings', 'AppLifecycleManagement', 'IdleSettings'] as const;

/** The same path as nested Terraform blocks of `aws_sagemaker_domain`. */
const tfIdlePath = ['default_user_settings', 'jupyter_lab_app_settings', 'app_lifecycle_management', 'idle_settings'] as const;

/** A notebook instance with an auto-stop script bills only the hours it is used. */
const stopWhenIdle = { kind: 'stop-when-idle', usage: 'notebook' } as const;

export const notebookNoAutoStop = defineRule({
  id: 'SML402',
  name: 'notebook-no-auto-stop',
  meta: {
    category: 'ops',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk'],
    description: 'Notebook instance or Studio domain that nothing stops when idle',
    messages: {
      noLifecycleConfig:
        'Notebook instance {{name}} has no lifecycle configuration, so nothing stops it when idle: its instance is billed every hour it runs, used or not, until someone stops it by hand. Attach a lifecycle configuration that stops idle instances.',
      noIdleShutdown:
        'Studio domain {{name}} does not turn on idle shutdown for JupyterLab (DefaultUserSettings.JupyterLabAppSettings.AppLifecycleManagement.IdleSettings): apps left open keep their instances running and billed. Turn on idle shutdown.',
      idleShutdownDisabled:
        'Studio domain {{name}} turns idle shutdown off for JupyterLab (LifecycleManagement: DISABLED): apps left open keep their instances running and billed. Set it to ENABLED.',
      noIdleShutdownCdk:
        'Studio domain {{name}} does not turn on idle shutdown for JupyterLab ({{path}}): apps left open keep their instances running and billed. Turn on idle shutdown.',
      idleShutdownDisabledCdk:
        'Studio domain {{name}} turns idle shutdown off for JupyterLab (lifecycleManagement: DISABLED): apps left open keep their instances running and billed. Set it to ENABLED.',
      noIdleShutdownTf:
        'Studio domain {{name}} does not turn on idle shutdown for JupyterLab (default_user_settings > jupyter_lab_app_settings > app_lifecycle_management > idle_settings): apps left open keep their instances running and billed. Turn on idle shutdown.',
      idleShutdownDisabledTf:
        'Studio domain {{name}} turns idle shutdown off for JupyterLab (lifecycle_management = "DISABLED"): apps left open keep their instances running and billed. Set it to ENABLED.',
    },
    fixes: ['unsafe', 'displayOnly'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {
      idleTimeoutMinutes: { type: 'integer', default: 60, minimum: 60, maximum: 525600, description: 'Idle time, in minutes, after which the quick fix shuts Studio JupyterLab apps down.' },
    },
  },
  create(context) {
    return {
      cfnResource(resource) {
        if (resource.type === 'AWS::SageMaker::NotebookInstance') checkNotebook(resource);
        else if (resource.type === 'AWS::SageMaker::Domain') checkDomain(resource);
      },
      cdkConstruct(construct) {
        if (construct.type === 'aws_sagemaker.CfnNotebookInstance') checkCdkNotebook(construct);
        else if (construct.type === 'aws_sagemaker.CfnDomain') checkCdkDomain(construct);
      },
      tfResource(resource) {
        if (resource.type === 'aws_sagemaker_notebook_instance') {
          if (getAttribute(resource.block, 'lifecycle_config_name')) return;
          context.report({
            ...headerRange(resource.block),
            messageId: 'noLifecycleConfig',
            effect: stopWhenIdle,
            data: { name: `aws_sagemaker_notebook_instance.${resource.name}` },
            fix: { title: 'Attach an aws_sagemaker_notebook_instance_lifecycle_configuration whose on_start script stops the instance when idle (see the rule page)', applicability: 'displayOnly', edits: [] },
          });
        } else if (resource.type === 'aws_sagemaker_domain') checkTfDomain(resource);
      },
    };

    function checkTfDomain(resource: TfResource): void {
      let block: TfBlock = resource.block;
      for (const type of tfIdlePath) {
        const found = getBlocks(block, type);
        if (found.length === 0) {
          context.report({
            ...headerRange(resource.block),
            messageId: 'noIdleShutdownTf',
            data: { name: `aws_sagemaker_domain.${resource.name}` },
            fix: { title: `Add default_user_settings > jupyter_lab_app_settings > app_lifecycle_management > idle_settings with lifecycle_management = "ENABLED" (see the rule page)`, applicability: 'displayOnly', edits: [] },
          });
          return;
        }
        // A dynamic block or several: built from variables, unknown.
        if (found.length > 1 || found[0].type === 'dynamic') return;
        block = found[0];
      }
      const management = getAttribute(block, 'lifecycle_management');
      if (!management || resolveLiteral(resource.file, management.value) !== 'DISABLED') return;
      context.report({
        ...headerRange(resource.block),
        messageId: 'idleShutdownDisabledTf',
        data: { name: `aws_sagemaker_domain.${resource.name}` },
        fix:
          management.value.kind === 'literal'
            ? { title: 'Set lifecycle_management to ENABLED', applicability: 'unsafe', edits: [{ start: management.value.start, end: management.value.end, text: '"ENABLED"' }] }
            : undefined,
      });
    }

    function checkCdkNotebook(construct: CdkConstruct): void {
      if (!propsKnown(construct) || getProp(construct.props, 'lifecycleConfigName')) return;
      context.report({
        ...constructRange(construct),
        messageId: 'noLifecycleConfig',
        effect: stopWhenIdle,
        data: { name: constructName(construct) },
        fix: { title: 'Attach a sagemaker.CfnNotebookInstanceLifecycleConfig whose onStart script stops the instance when idle (see the rule page)', applicability: 'displayOnly', edits: [] },
      });
    }

    function checkCdkDomain(construct: CdkConstruct): void {
      if (!propsKnown(construct)) return;
      const python = construct.language === 'python';
      let value = construct.props;
      for (let depth = 0; depth < cdkIdlePath.length; depth++) {
        const prop = getProp(value, cdkIdlePath[depth]);
        if (!prop) {
          const path = cdkIdlePath.map((k) => (python ? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : k)).join(' > ');
          context.report({
            ...constructRange(construct),
            messageId: 'noIdleShutdownCdk',
            data: { name: constructName(construct), path },
            fix: { title: `Set ${path} with lifecycleManagement ENABLED (see the rule page)`, applicability: 'displayOnly', edits: [] },
          });
          return;
        }
        // A struct from a variable or with a spread: unknown.
        if (prop.value.kind !== 'object' || prop.value.open) return;
        value = prop.value;
      }
      const management = getProp(value, 'lifecycleManagement');
      if (management?.value.kind !== 'string' || management.value.value !== 'DISABLED') return;
      const quote = context.text[management.value.start];
      context.report({
        ...constructRange(construct),
        messageId: 'idleShutdownDisabledCdk',
        data: { name: constructName(construct) },
        fix: management.value.indirect ? undefined : { title: 'Set lifecycleManagement to ENABLED', applicability: 'unsafe', edits: [{ start: management.value.start, end: management.value.end, text: `${quote}ENABLED${quote}` }] },
      });
    }

    function checkNotebook(resource: CfnResource): void {
      const properties = getPropertiesFact(resource);
      if (!properties.known || (properties.map && getEntry(properties.map, 'LifecycleConfigName'))) return;
      context.report({
        start: resource.keyStart,
        end: resource.keyEnd,
        messageId: 'noLifecycleConfig',
        effect: stopWhenIdle,
        data: { name: resource.logicalId },
        fix: { title: 'Attach an AWS::SageMaker::NotebookInstanceLifecycleConfig whose OnStart script stops the instance when idle (see the rule page)', applicability: 'displayOnly', edits: [] },
      });
    }

    function checkDomain(resource: CfnResource): void {
      const properties = getPropertiesFact(resource);
      if (!properties.known) return;
      const minutes = context.options.idleTimeoutMinutes;
      const idle: CfnSnippet = { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: minutes };
      // Walk down the path; stop (silent) at anything that is not a plain map.
      let map: CfnMap | undefined = properties.map;
      let parent: CfnEntry | undefined;
      let depth = 0;
      for (; map && depth < idlePath.length; depth++) {
        const entry = getEntry(map, idlePath[depth]);
        if (!entry) break;
        parent = entry;
        map = getMapValue(entry.value);
        if (!map) return;
      }
      const title = `Turn on idle shutdown for Studio JupyterLab apps after ${minutes} minutes`;
      if (depth === idlePath.length && map) {
        const management = getEntry(map, 'LifecycleManagement');
        if (!management) return;
        const value = resolveScalar(resource.template, management.value);
        if (value !== 'DISABLED') return;
        const literal = management.value.kind === 'scalar' && !management.value.intrinsic;
        const replacement = resource.template.syntax === 'json' ? '"ENABLED"' : 'ENABLED';
        context.report({
          start: resource.keyStart,
          end: resource.keyEnd,
          messageId: 'idleShutdownDisabled',
          data: { name: resource.logicalId },
          fix: literal ? { title: 'Set LifecycleManagement to ENABLED', applicability: 'unsafe', edits: [{ start: management.value.start, end: management.value.end, text: replacement }] } : undefined,
        });
        return;
      }
      const property = nested(idlePath.slice(depth), idle);
      const edit = parent ? insertCfnMapProperty(context.text, context.lines, resource, parent, property) : insertCfnProperty(context.text, context.lines, resource, property);
      context.report({
        start: resource.keyStart,
        end: resource.keyEnd,
        messageId: 'noIdleShutdown',
        data: { name: resource.logicalId },
        fix: edit ? { title, applicability: 'unsafe', edits: [edit] } : undefined,
      });
    }
  },
});

/** `a: { b: { c: leaf } }` for the keys `[a, b, c]`. */
function nested(keys: readonly string[], leaf: CfnSnippet): PropertyText {
  let value = leaf;
  for (let i = keys.length - 1; i > 0; i--) value = { [keys[i]]: value };
  return { key: keys[0], value };
}
