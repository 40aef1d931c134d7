import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../../src/core/types';
import { toLspDiagnostic } from '../../src/server/convert';
import { DiagnosticCache } from '../../src/server/diagnosticCache';
import { MessageEncoder } from '../../src/server/messageEncoder';

const uri = 'file:///w/train.py';

function finding(line: number, ruleId = 'SML203', message = `Job at line ${line} runs on on-demand capacity.`): Finding {
  return { ruleId, ruleName: 'training-no-spot', severity: 'warning', message, docsUrl: `https://example.test/${ruleId}.md`, line, column: 1, endLine: line, endColumn: 9, start: 0, end: 8 };
}

const publish = (diagnostics: readonly Diagnostic[], version = 1): { jsonrpc: string; method: string; params: unknown } => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics, version } });

/** The conversions of one lint through the cache. */
function lint(cache: DiagnosticCache, findings: readonly Finding[]): { diagnostics: Diagnostic[]; misses: number; keys: ReadonlyMap<number, Finding> } {
  const run = cache.begin();
  const diagnostics = findings.map((f) => run.convert(f, uri));
  return { diagnostics, misses: run.end(), keys: run.findings };
}

describe('language server: diagnostics kept from one lint to the next', () => {
  it('hands the same diagnostic for a finding that shows the same, with a key that finds the new lint’s finding', () => {
    const cache = new DiagnosticCache();
    const first = lint(cache, [finding(2), finding(5), finding(9)]);
    assert.equal(first.misses, 3);
    const again = [finding(2), finding(5), finding(9)];
    const second = lint(cache, again);
    assert.equal(second.misses, 0);
    second.diagnostics.forEach((d, i) => assert.equal(d, first.diagnostics[i]));
    for (const [i, d] of second.diagnostics.entries()) assert.equal(second.keys.get((d.data as { key: number }).key), again[i]);
    // What it shows is what a fresh conversion shows (the key aside).
    assert.deepEqual({ ...second.diagnostics[1], data: undefined }, { ...toLspDiagnostic(again[1], 0, uri), data: undefined });
    assert.ok(Object.isFrozen(second.diagnostics[0]) && Object.isFrozen(second.diagnostics[0].range.start));
  });

  it('converts only the findings added or changed; the others keep their objects and keys', () => {
    const cache = new DiagnosticCache();
    const first = lint(cache, [finding(2), finding(5), finding(9), finding(12)]);
    // One added first, one message changed, one removed.
    const second = lint(cache, [finding(1), finding(2), finding(5, 'SML203', 'changed'), finding(12)]);
    assert.equal(second.misses, 2);
    assert.equal(second.diagnostics[1], first.diagnostics[0]);
    assert.notEqual(second.diagnostics[2], first.diagnostics[1]);
    assert.equal(second.diagnostics[3], first.diagnostics[3]);
    const keys = second.diagnostics.map((d) => (d.data as { key: number }).key);
    assert.equal(new Set(keys).size, 4, 'a new finding gets a key no other has');
    assert.equal(second.keys.size, 4);
  });

  it('keeps two findings that show the same apart (each its own key) and moved ranges are new', () => {
    const cache = new DiagnosticCache();
    const first = lint(cache, [finding(3), finding(3)]);
    assert.notEqual(first.diagnostics[0], first.diagnostics[1]);
    const second = lint(cache, [finding(3), finding(3), finding(4)]);
    assert.deepEqual(second.diagnostics.slice(0, 2), first.diagnostics);
    assert.equal(second.misses, 1);
    const moved = lint(cache, [finding(4), finding(4), finding(5)]);
    assert.equal(moved.diagnostics[0], second.diagnostics[2], 'the finding now first shows what the third showed');
    assert.equal(moved.misses, 2);
  });

  it('converts once per finding over many unchanged lints (operation count)', () => {
    const cache = new DiagnosticCache();
    const findings = Array.from({ length: 400 }, (_, i) => finding(i + 1));
    let misses = 0;
    for (let i = 0; i < 20; i++) misses += lint(cache, findings.map((f) => ({ ...f }))).misses;
    assert.equal(misses, 400);
  });
});

describe('language server: the JSON of its messages (stdio)', () => {
  it('writes a publishDiagnostics that reads back as the message, and other messages as JSON.stringify does', () => {
    const encoder = new MessageEncoder();
    const cache = new DiagnosticCache();
    const withRelated: Finding = { ...finding(7), message: 'Naïve “quotes” \u2028 and \\ back\nslash', related: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: 'deployed here', fileName: '/w/other.py' }] };
    const { diagnostics } = lint(cache, [finding(2), withRelated]);
    const message = publish(diagnostics, 4);
    assert.deepEqual(JSON.parse(encoder.encode(message as never).toString('utf8')), JSON.parse(JSON.stringify(message)));
    const empty = publish([]);
    assert.deepEqual(JSON.parse(encoder.encode(empty as never).toString('utf8')), JSON.parse(JSON.stringify(empty)));
    const other = { jsonrpc: '2.0', id: 3, result: [{ title: 'Fix', diagnostics }] };
    assert.equal(encoder.encode(other as never).toString('utf8'), JSON.stringify(other));
  });

  it('serialises a frozen diagnostic once while it lives, a diagnostic that may change every time (operation count)', () => {
    const encoder = new MessageEncoder();
    const cache = new DiagnosticCache();
    const findings = Array.from({ length: 300 }, (_, i) => finding(i + 1));
    for (let i = 0; i < 10; i++) encoder.encode(publish(lint(cache, findings.map((f) => ({ ...f }))).diagnostics, i) as never);
    assert.deepEqual(encoder.counts, { serialised: 300, reused: 2700 });
    const loose = toLspDiagnostic(finding(1), 0, uri);
    const first = encoder.encode(publish([loose]) as never).toString('utf8');
    loose.message = 'changed';
    assert.notEqual(encoder.encode(publish([loose]) as never).toString('utf8'), first);
    assert.equal(encoder.counts.serialised, 302);
  });
});
