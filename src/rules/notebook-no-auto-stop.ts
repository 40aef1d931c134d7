import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import { idleSettingsPath, renderResourceIntent } from '../model/edit/resourceEdits';
import { visitResources } from '../model/resources';

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
    // Studio apps shut down when idle bill only the hours they are used; their instance types are chosen in Studio, not here.
    const studioIdle: Effect = { kind: 'stop-when-idle', usage: 'notebook' };
    const suffix = { cfn: '', tf: 'Tf', cdk: 'Cdk', py: '' } as const;
    return visitResources({
      notebookInstance(notebook) {
        if (notebook.lifecycleConfig !== 'none') return;
        // Priced at the instance's monthly burn when its type is known: stopping it when idle saves up to that.
        const type = notebook.instanceType?.known ? notebook.instanceType.value : undefined;
        const effect: Effect = { kind: 'stop-when-idle', usage: 'notebook', ...(type ? { instanceType: type, count: 1 } : {}) };
        const fix = renderResourceIntent({ kind: 'add-linked-record', link: 'notebook-lifecycle-config', record: notebook }, context);
        context.report({ ...notebook.anchor, messageId: 'noLifecycleConfig', data: { name: notebook.name }, fix, effect });
      },
      studioDomain(domain) {
        const settings = domain.idleSettings;
        const data = { name: domain.name };
        if (!settings) {
          const fix = renderResourceIntent({ kind: 'add-field', field: 'idle-settings', record: domain, idleTimeoutMinutes: context.options.idleTimeoutMinutes }, context);
          context.report({ ...domain.anchor, messageId: `noIdleShutdown${suffix[domain.format]}`, data: domain.format === 'cdk' ? { ...data, path: idleSettingsPath(domain) } : data, fix, effect: studioIdle });
          return;
        }
        const management = settings === 'unknown' ? undefined : settings.lifecycleManagement;
        if (!management?.known || management.value !== 'DISABLED') return;
        const fix = renderResourceIntent({ kind: 'set-field', field: 'lifecycle-management', record: domain, target: management, value: 'ENABLED' }, context);
        context.report({ ...domain.anchor, messageId: `idleShutdownDisabled${suffix[domain.format]}`, data, fix, effect: studioIdle });
      },
    });
  },
});
