import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import type { IdleApp, StudioRecord } from '../model/edit/resourceEdits';
import { idleSettingKey, idleSettingsPath, renderResourceIntent } from '../model/edit/resourceEdits';
import { onEveryBranch } from '../model/field';
import type { IdleSettings } from '../model/resourceRecords';
import { visitResources } from '../model/resources';

export const notebookNoAutoStop = defineRule({
  id: 'SML402',
  name: 'notebook-no-auto-stop',
  meta: {
    category: 'ops',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk', 'py', 'nb'],
    description: 'Notebook instance or Studio domain, user profile or space that nothing stops when idle',
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
      appNoIdleShutdown:
        'Studio {{kind}} {{name}} does not turn on idle shutdown for {{app}} ({{path}}): apps left open keep their instances running and billed. Turn on idle shutdown.',
      appIdleShutdownDisabled:
        'Studio {{kind}} {{name}} turns idle shutdown off for {{app}} ({{setting}}): apps left open keep their instances running and billed. Set it to ENABLED.',
      idleTimeoutAboveMaximum:
        'Studio {{kind}} {{name}} shuts idle {{app}} apps down only after {{minutes}} minutes, longer than the {{max}} accepted (maxIdleTimeoutMinutes): an app left open keeps its instance billed all that time. Lower the idle timeout.',
    },
    fixes: ['unsafe', 'displayOnly'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {
      idleTimeoutMinutes: { type: 'integer', default: 60, minimum: 60, maximum: 525600, description: 'Idle time, in minutes, after which the quick fix shuts Studio JupyterLab apps down.' },
      maxIdleTimeoutMinutes: {
        type: 'integer',
        default: 240,
        minimum: 60,
        maximum: 525600,
        description: 'Longest Studio idle timeout accepted, in minutes; a domain, user profile or space that waits longer before shutting idle apps down is flagged.',
      },
    },
  },
  create(context) {
    // Studio apps shut down when idle bill only the hours they are used; their instance types are chosen in Studio, not here.
    const studioIdle: Effect = { kind: 'stop-when-idle', usage: 'notebook' };
    const suffix = { cfn: '', tf: 'Tf', cdk: 'Cdk' } as const;
    const { maxIdleTimeoutMinutes } = context.options;
    // What the fixes write: the configured timeout, never above the ceiling (or the fix would be flagged again).
    const minutes = Math.min(context.options.idleTimeoutMinutes, maxIdleTimeoutMinutes);
    type Finding = Parameters<typeof context.report>[0];
    const kinds = { studioDomain: 'domain', studioUserProfile: 'user profile', studioSpace: 'space' } as const;

    /** A timeout above the ceiling, on one app's idle settings. */
    function tooLong(record: StudioRecord, app: IdleApp, settings: IdleSettings): Finding | undefined {
      const timeout = settings.idleTimeoutMinutes;
      if (!timeout?.known || timeout.value <= maxIdleTimeoutMinutes) return undefined;
      const fix = renderResourceIntent({ kind: 'set-field', field: 'idle-timeout', record, target: timeout, minutes: maxIdleTimeoutMinutes }, context);
      const data = { kind: kinds[record.kind], name: record.name, app: appNames[app], minutes: String(timeout.value), max: String(maxIdleTimeoutMinutes) };
      return { ...timeout.anchor, messageId: 'idleTimeoutAboveMaximum', data, fix, effect: studioIdle };
    }

    /** One app's idle shutdown: `settings` undefined when not written (`inherits`: a profile or space, whose unwritten settings are the domain's). */
    function judgeApp(record: StudioRecord, app: IdleApp, settings: IdleSettings | 'unknown' | undefined, inherits: boolean): Finding | undefined {
      if (settings === 'unknown') return undefined;
      const management = settings?.lifecycleManagement;
      const data = { kind: kinds[record.kind], name: record.name, app: appNames[app] };
      if (management?.known && management.value === 'DISABLED') {
        const fix = renderResourceIntent({ kind: 'set-field', field: 'lifecycle-management', record, target: management, value: 'ENABLED' }, context);
        if (record.kind === 'studioDomain' && app === 'JupyterLab' && record.format !== 'py') return { ...record.anchor, messageId: `idleShutdownDisabled${suffix[record.format]}` as const, data: { name: record.name }, fix, effect: studioIdle };
        return { ...record.anchor, messageId: 'appIdleShutdownDisabled', data: { ...data, setting: record.format === 'tf' ? 'lifecycle_management = "DISABLED"' : `${idleSettingKey(record, 'LifecycleManagement')}: DISABLED` }, fix, effect: studioIdle };
      }
      if (!management && !inherits) {
        const fix = renderResourceIntent({ kind: 'add-field', field: 'idle-settings', record, idleTimeoutMinutes: minutes, app }, context);
        if (!settings && app === 'JupyterLab' && record.kind === 'studioDomain' && record.format !== 'py') {
          const messageId = `noIdleShutdown${suffix[record.format]}` as const;
          return { ...record.anchor, messageId, data: record.format === 'cdk' ? { name: record.name, path: idleSettingsPath(record) } : { name: record.name }, fix, effect: studioIdle };
        }
        return { ...record.anchor, messageId: 'appNoIdleShutdown', data: { ...data, path: idleSettingsPath(record, app) }, fix, effect: studioIdle };
      }
      if (management?.known === false) return undefined;
      return settings && tooLong(record, app, settings);
    }

    /** A Studio domain leaves idle shutdown off for JupyterLab (or for Code Editor, when it writes Code Editor settings); a user profile or a space turns it off or sets a timeout above the ceiling. */
    function judgeStudio(record: StudioRecord): Finding | undefined {
      const inherits = record.kind !== 'studioDomain';
      const codeEditor = record.codeEditor;
      return judgeApp(record, 'JupyterLab', record.idleSettings, inherits) ?? (codeEditor && codeEditor !== 'unknown' ? judgeApp(record, 'CodeEditor', codeEditor.idleSettings, inherits) : undefined);
    }

    const studio = (record: StudioRecord) => {
      const finding = onEveryBranch(record, judgeStudio);
      if (finding) context.report(finding);
    };
    return visitResources({
      notebookInstance(record) {
        const finding = onEveryBranch(record, (notebook): Finding | undefined => {
          if (notebook.lifecycleConfig !== 'none') return undefined;
          // Priced at the instance's monthly burn when its type is known: stopping it when idle saves up to that.
          const type = notebook.instanceType?.known ? notebook.instanceType.value : undefined;
          const effect: Effect = { kind: 'stop-when-idle', usage: 'notebook', ...(type ? { instanceType: type, count: 1 } : {}) };
          const fix = renderResourceIntent({ kind: 'add-linked-record', link: 'notebook-lifecycle-config', record: notebook }, context);
          return { ...notebook.anchor, messageId: 'noLifecycleConfig', data: { name: notebook.name }, fix, effect };
        });
        if (finding) context.report(finding);
      },
      studioDomain: studio,
      studioUserProfile: studio,
      studioSpace: studio,
    });
  },
});

const appNames: Readonly<Record<IdleApp, string>> = { JupyterLab: 'JupyterLab', CodeEditor: 'Code Editor' };
