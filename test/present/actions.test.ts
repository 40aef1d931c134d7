import * as assert from 'node:assert/strict';
import type { Endpoint, NotebookInstance, RegionSnapshot, ResourceRef } from '../../src/aws/types';
import { actionPhrase, allItems, bulkConfirmation, bulkSummary, burnSummary, confirmation, consoleUrl, deleteEndpointChoices, endpointsSharingConfig, idleAction, onlyIdle, outcomeText, pendingText, readOnlyRefusal, resourceLabel } from '../../src/present/actions';
import { AutoRefresh, autoRefreshPeriod } from '../../src/present/autoRefresh';
import { endpointItem, explorerRoots, formatBurn, notebookItem, regionItem } from '../../src/present/explorer';
import type { ExplorerOptions } from '../../src/present/explorer';

const now = new Date('2026-11-24T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86400_000);
const options: ExplorerOptions = { idleHours: 24, now };

const endpointRef: ResourceRef = { kind: 'endpoint', region: 'eu-west-1', name: 'my-ep', arn: 'arn:aws:sagemaker:eu-west-1:123456789012:endpoint/my-ep', endpointConfigName: 'my-ep-config' };
const dev = { account: '123456789012', profile: 'dev' };
const appRef: ResourceRef = { kind: 'app', region: 'us-east-1', name: 'default', arn: 'arn:app', domainId: 'd-abc', spaceName: 'work', appType: 'JupyterLab' };

function endpoint(name: string, overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    name,
    arn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${name}`,
    status: 'InService',
    creationTime: daysAgo(3),
    lastModifiedTime: daysAgo(3),
    endpointConfigName: `${name}-config`,
    async: false,
    variants: [{ variantName: 'AllTraffic', instanceType: 'ml.m5.large', instanceCount: 1, serverless: null }],
    ...overrides,
  };
}

function notebook(name: string, overrides: Partial<NotebookInstance> = {}): NotebookInstance {
  return { name, arn: `arn:nb/${name}`, status: 'InService', instanceType: 'ml.t3.medium', creationTime: daysAgo(3), lastModifiedTime: daysAgo(3), lifecycleConfigName: 'auto-stop', ...overrides };
}

function region(name: string, snapshot: Partial<RegionSnapshot>): RegionSnapshot {
  return { region: name, endpoints: [], notebooks: [], jobs: [], invocations: [], ...snapshot };
}

describe('explorer actions: confirmation texts', () => {
  it('names the endpoint, its region and burn, and offers deleting the config as a second choice', () => {
    const c = confirmation('deleteEndpoint', endpointRef, { usdPerHour: 1.41, kgCo2ePerHour: 0.02 }, dev);
    assert.equal(c.message, "Delete endpoint 'my-ep' ($1.41/h) in eu-west-1, account 123456789012 (profile 'dev')? This cannot be undone.");
    assert.deepEqual(c.choices, ['Delete endpoint', 'Delete endpoint and its config']);
    assert.equal(c.choices[1], deleteEndpointChoices.withConfig);
    assert.match(c.detail, /endpoint config 'my-ep-config' costs nothing and is kept/);
  });

  it('keeps an endpoint config that other endpoints of the region use, and does not offer deleting it', () => {
    const c = confirmation('deleteEndpoint', endpointRef, { usdPerHour: 1.41, kgCo2ePerHour: 0.02 }, dev, ['other-ep']);
    assert.equal(c.message, "Delete endpoint 'my-ep' ($1.41/h) in eu-west-1, account 123456789012 (profile 'dev')? This cannot be undone.");
    assert.deepEqual(c.choices, ['Delete endpoint']);
    assert.equal(c.detail, "Its endpoint config 'my-ep-config' is kept: endpoint 'other-ep' uses it too.");
    const item = (ref: ResourceRef) => ({ id: ref.arn, label: ref.name, description: '', tooltip: '', contextValue: 'greenml.aws.endpoint', icon: 'cloud', resource: ref });
    const items = [
      item(endpointRef),
      item({ ...endpointRef, name: 'same-config', arn: 'a2' }),
      item({ ...endpointRef, name: 'other-config', arn: 'a3', endpointConfigName: 'x' }),
      item({ ...endpointRef, name: 'other-region', arn: 'a4', region: 'us-east-1' }),
    ];
    assert.deepEqual(endpointsSharingConfig(endpointRef, items), ['same-config']);
    assert.deepEqual(endpointsSharingConfig({ ...endpointRef, endpointConfigName: null }, items), []);
  });

  it('leaves the burn out when it is unknown or zero', () => {
    assert.equal(confirmation('deleteEndpoint', endpointRef, { usdPerHour: null, kgCo2ePerHour: null }, dev).message, "Delete endpoint 'my-ep' in eu-west-1, account 123456789012 (profile 'dev')? This cannot be undone.");
    assert.equal(confirmation('deleteEndpoint', endpointRef, { usdPerHour: 0, kgCo2ePerHour: 0 }, dev).message, "Delete endpoint 'my-ep' in eu-west-1, account 123456789012 (profile 'dev')? This cannot be undone.");
  });

  it('words each stop and delete after its resource', () => {
    const nb: ResourceRef = { kind: 'notebook', region: 'us-east-1', name: 'nb', arn: 'arn:nb' };
    assert.equal(confirmation('stopNotebook', nb, { usdPerHour: 0.05, kgCo2ePerHour: 0.001 }, dev).message, "Stop notebook instance 'nb' ($0.05/h) in us-east-1, account 123456789012 (profile 'dev')?");
    assert.deepEqual(confirmation('stopNotebook', nb, undefined, dev).choices, ['Stop notebook instance']);
    const job: ResourceRef = { kind: 'job', jobKind: 'processing', region: 'us-west-2', name: 'prep', arn: 'arn:p' };
    const stop = confirmation('stopJob', job, { usdPerHour: 3, kgCo2ePerHour: 0.1 }, { account: '210987654321', profile: undefined });
    assert.equal(stop.message, "Stop processing job 'prep' ($3.00/h) in us-west-2, account 210987654321 (default credentials)? A stopped job cannot be resumed.");
    assert.deepEqual(stop.choices, ['Stop processing job']);
    assert.equal(confirmation('deleteApp', appRef, undefined, dev).message, "Delete Studio app 'default' (JupyterLab, space 'work') in us-east-1, account 123456789012 (profile 'dev')? This cannot be undone.");
    assert.equal(resourceLabel({ ...appRef, spaceName: undefined, userProfileName: 'alice', appType: 'KernelGateway' }), "Studio app 'default' (KernelGateway, user profile 'alice')");
  });

  it('lists every resource of "Stop idle resources…" with its burn and the total, in one confirmation', () => {
    const c = bulkConfirmation(
      [
        { action: 'deleteEndpoint', ref: endpointRef, burn: { usdPerHour: 1.41, kgCo2ePerHour: 0.02, priceRegion: 'us-east-1' } },
        { action: 'stopNotebook', ref: { kind: 'notebook', region: 'us-east-1', name: 'nb', arn: '' }, burn: { usdPerHour: 0.5, kgCo2ePerHour: 0.01 } },
      ],
      dev,
    );
    assert.equal(c.message, "Stop or delete 2 idle resources in account 123456789012 (profile 'dev') ($1.91/h in all, partly at us-east-1 prices)? Deleted resources cannot be restored.");
    assert.equal(c.detail, "• Delete endpoint 'my-ep' ($1.41/h at us-east-1 prices) in eu-west-1\n• Stop notebook instance 'nb' ($0.50/h) in us-east-1");
    assert.deepEqual(c.choices, ['Stop or delete 2 resources']);
    const allElsewhere = bulkConfirmation([{ action: 'deleteEndpoint', ref: endpointRef, burn: { usdPerHour: 1.41, kgCo2ePerHour: 0.02, priceRegion: 'us-east-1' } }], dev);
    assert.equal(allElsewhere.message, "Stop or delete 1 idle resource in account 123456789012 (profile 'dev') ($1.41/h in all, at us-east-1 prices)? Deleted resources cannot be restored.");
    const unknown = bulkConfirmation([{ action: 'deleteApp', ref: appRef, burn: { usdPerHour: null, kgCo2ePerHour: null } }], { account: undefined, profile: undefined });
    assert.equal(unknown.message, 'Stop or delete 1 idle resource in account unknown (default credentials)? Deleted resources cannot be restored.');
  });

  it('sums up "Stop idle resources…" in one message', () => {
    assert.equal(bulkSummary([{ result: 'done' }, { result: 'alreadyDone' }]), 'Green ML: 2 of 2 idle resources stopped or deleted.');
    assert.equal(bulkSummary([{ result: 'done' }, { result: 'failed' }, { result: 'timeout' }]), 'Green ML: 1 of 3 idle resources stopped or deleted; 1 still in progress; 1 failed (see the log).');
    assert.equal(bulkSummary([{ result: 'failed' }]), 'Green ML: 0 of 1 idle resource stopped or deleted; 1 failed (see the log).');
  });

  it('picks the action an idle resource gets', () => {
    assert.deepEqual((['endpoint', 'notebook', 'app', 'job', 'space'] as const).map((kind) => idleAction({ ...endpointRef, kind })), ['deleteEndpoint', 'stopNotebook', 'deleteApp', 'stopJob', undefined]);
  });

  it('reports each outcome on one line', () => {
    assert.equal(outcomeText('deleteEndpoint', endpointRef, { result: 'done' }), "Delete endpoint 'my-ep' in eu-west-1: done.");
    assert.equal(outcomeText('deleteEndpoint', endpointRef, { result: 'failed', message: 'DeleteEndpoint failed: AccessDeniedException: no' }), "Delete endpoint 'my-ep' in eu-west-1 failed: DeleteEndpoint failed: AccessDeniedException: no");
    assert.equal(outcomeText('stopJob', { ...endpointRef, kind: 'job', jobKind: 'training' }, { result: 'alreadyDone', message: 'It is already gone.' }), "Stop training job 'my-ep' in eu-west-1: It is already gone.");
    assert.match(outcomeText('deleteApp', appRef, { result: 'timeout' }), /still in progress/);
    assert.equal(actionPhrase('setSpaceIdleTimeout', { ...appRef, kind: 'space', name: 'work' }), "Set the idle timeout of space 'work' in us-east-1");
  });
});

describe('explorer actions: read-only gate', () => {
  it('refuses every action while greenml.aws.readOnly is on, and says how to turn it off', () => {
    assert.match(readOnlyRefusal(true) ?? '', /"greenml\.aws\.readOnly" to false in your user settings/);
    assert.equal(readOnlyRefusal(false), undefined);
  });

  it('the manifest hides destructive actions behind the readOnly context key', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const destructive = ['greenml.aws.stopNotebookInstance', 'greenml.aws.deleteEndpoint', 'greenml.aws.deleteStudioApp', 'greenml.aws.stopJob', 'greenml.aws.setSpaceIdleTimeout', 'greenml.aws.stopIdleResources'];
    const entries = Object.values(manifest.contributes.menus).flat().filter((m) => destructive.includes(m.command));
    assert.deepEqual([...new Set(entries.map((e) => e.command))].sort(), [...destructive].sort());
    for (const e of entries) assert.match(e.when ?? '', /!greenml\.aws\.readOnly/, `${e.command} shows in read-only mode`);
  });
});

describe('explorer actions: console URLs, pending text', () => {
  it('builds the console page per resource type and partition', () => {
    assert.equal(consoleUrl(endpointRef), 'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/endpoints/my-ep');
    assert.equal(consoleUrl({ kind: 'notebook', region: 'us-east-1', name: 'nb', arn: '' }), 'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/notebook-instances/nb');
    assert.equal(consoleUrl({ kind: 'job', jobKind: 'training', region: 'us-east-1', name: 't', arn: '' }), 'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/jobs/t');
    assert.equal(consoleUrl({ kind: 'job', jobKind: 'processing', region: 'us-east-1', name: 'p', arn: '' }), 'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/processing-jobs/p');
    assert.equal(consoleUrl({ kind: 'job', jobKind: 'transform', region: 'us-east-1', name: 'x', arn: '' }), 'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/transform-jobs/x');
    assert.equal(consoleUrl(appRef), 'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/studio/d-abc');
    assert.equal(consoleUrl({ ...endpointRef, region: 'cn-north-1' }), 'https://cn-north-1.console.amazonaws.cn/sagemaker/home?region=cn-north-1#/endpoints/my-ep');
    assert.equal(consoleUrl({ ...endpointRef, region: 'us-gov-west-1' }), 'https://console.amazonaws-us-gov.com/sagemaker/home?region=us-gov-west-1#/endpoints/my-ep');
  });

  it('shows Stopping…/Deleting… until the polled status says more', () => {
    assert.equal(pendingText('stopNotebook'), 'Stopping…');
    assert.equal(pendingText('stopNotebook', 'InService'), 'Stopping…');
    assert.equal(pendingText('deleteEndpoint'), 'Deleting…');
    assert.equal(pendingText('deleteEndpoint', 'Deleting'), 'Deleting…');
    assert.equal(pendingText('stopJob', 'InProgress'), 'Stopping…');
    assert.equal(pendingText('setSpaceIdleTimeout', 'Updating'), 'Updating…');
    assert.equal(pendingText('stopNotebook', 'Stopped'), 'Stopped');
  });
});

describe('explorer view: only-idle filter and status bar', () => {
  const east = regionItem(
    region('us-east-1', {
      endpoints: [endpoint('quiet'), endpoint('busy')],
      notebooks: [notebook('managed')],
      invocations: [{ endpointName: 'busy', variantName: 'AllTraffic', invocations: 9 }],
    }),
    options,
  );
  const west = regionItem(region('eu-west-1', { notebooks: [notebook('with-script')] }), options);
  const failed = regionItem({ region: 'ap-south-1', error: { reason: 'accessDenied', message: 'denied' } }, options);
  const roots = [...explorerRoots({ account: '123456789012', arn: 'arn:user' }, [], options), east, west, failed];

  it('keeps only idle resources, their groups and every region; a region without idle resources says so', () => {
    const filtered = onlyIdle(roots);
    assert.deepEqual(filtered.map((r) => r.label), ['default credentials', 'us-east-1', 'eu-west-1', 'ap-south-1']);
    assert.deepEqual(filtered[1].children?.map((g) => [g.label, g.children?.map((c) => c.label)]), [['Endpoints', ['quiet']]]);
    assert.deepEqual(filtered[2].children?.map((c) => [c.label, c.contextValue]), [['No idle resources', 'greenml.aws.placeholder']]);
    // The error node of a failed region stays visible.
    assert.deepEqual(filtered[3].children?.map((c) => c.contextValue), ['greenml.aws.error.accessDenied']);
    // The unfiltered tree is untouched.
    assert.deepEqual(east.children?.[0].children?.map((c) => c.label), ['quiet', 'busy']);
  });

  it('tree items carry the resource they stand for', () => {
    const items = allItems([east]).filter((i) => i.resource);
    assert.deepEqual(items.map((i) => [i.label, i.resource?.kind, i.resource?.region, i.resource?.endpointConfigName ?? null]), [
      ['quiet', 'endpoint', 'us-east-1', 'quiet-config'],
      ['busy', 'endpoint', 'us-east-1', 'busy-config'],
      ['managed', 'notebook', 'us-east-1', null],
    ]);
    assert.equal(endpointItem(endpoint('x'), 'us-east-1', [], options).resource?.arn, 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/x');
    assert.equal(notebookItem(notebook('n'), 'eu-west-1', options).resource?.region, 'eu-west-1');
  });

  it('sums the burn of every loaded region for the status bar, with one tooltip line per region', () => {
    const summary = burnSummary(roots);
    assert.ok(summary);
    const usd = (east.burn?.usdPerHour ?? NaN) + (west.burn?.usdPerHour ?? NaN);
    const kg = (east.burn?.kgCo2ePerHour ?? NaN) + (west.burn?.kgCo2ePerHour ?? NaN);
    assert.ok(usd > 0);
    // eu-west-1's burn uses the bundled us-east-1 prices, and the total says so.
    assert.equal(summary.text, formatBurn({ usdPerHour: usd, kgCo2ePerHour: kg, priceRegion: 'us-east-1' }));
    assert.match(summary.text, /^\$[\d.]+\/h \(us-east-1 prices\) · /);
    assert.deepEqual(summary.tooltip.split('\n').slice(1), [`us-east-1: ${formatBurn(east.burn ?? { usdPerHour: null, kgCo2ePerHour: null })}`, `eu-west-1: ${formatBurn(west.burn ?? { usdPerHour: null, kgCo2ePerHour: null })}`, 'ap-south-1: not loaded']);
    assert.equal(burnSummary(explorerRoots({ reason: 'noCredentials', message: 'x' }, [], options)), undefined);
  });
});

describe('explorer view: auto-refresh timer', () => {
  function fakeTimers() {
    const running = new Map<number, { run: () => void; ms: number }>();
    let next = 1;
    return {
      running,
      set: (run: () => void, ms: number) => {
        running.set(next, { run, ms });
        return next++;
      },
      clear: (handle: unknown) => running.delete(handle as number),
    };
  }

  it('runs only while visible, connected and set above 0 minutes', () => {
    assert.equal(autoRefreshPeriod({ minutes: 0, visible: true, connected: true }), undefined);
    assert.equal(autoRefreshPeriod({ minutes: 5, visible: false, connected: true }), undefined);
    assert.equal(autoRefreshPeriod({ minutes: 5, visible: true, connected: false }), undefined);
    assert.equal(autoRefreshPeriod({ minutes: 5, visible: true, connected: true }), 300_000);
    assert.equal(autoRefreshPeriod({ minutes: 0.1, visible: true, connected: true }), 60_000);
  });

  it('starts, reschedules and stops one interval as the state changes', () => {
    const timers = fakeTimers();
    let refreshes = 0;
    const auto = new AutoRefresh(() => refreshes++, timers);
    auto.update({ minutes: 5, visible: false, connected: true });
    assert.equal(timers.running.size, 0);
    auto.update({ minutes: 5, visible: true, connected: true });
    assert.deepEqual([...timers.running.values()].map((t) => t.ms), [300_000]);
    auto.update({ minutes: 5, visible: true, connected: true });
    assert.equal(timers.running.size, 1);
    [...timers.running.values()][0].run();
    assert.equal(refreshes, 1);
    auto.update({ minutes: 2, visible: true, connected: true });
    assert.deepEqual([...timers.running.values()].map((t) => t.ms), [120_000]);
    auto.update({ minutes: 2, visible: false, connected: true });
    assert.equal(timers.running.size, 0);
    assert.equal(auto.activePeriod, undefined);
    auto.update({ minutes: 2, visible: true, connected: true });
    auto.dispose();
    assert.equal(timers.running.size, 0);
  });
});
