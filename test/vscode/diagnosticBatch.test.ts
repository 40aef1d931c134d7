import * as assert from 'assert';
import type * as vscode from 'vscode';
import { DiagnosticBatch } from '../../src/vscode/diagnosticBatch';

/** A document's address as the batch uses it (only `toString` is read). */
const uri = (name: string): vscode.Uri => ({ toString: () => `file:///${name}` }) as unknown as vscode.Uri;
const diagnostics = (n: number): vscode.Diagnostic[] => Array.from({ length: n }, (_, i) => ({ message: `d${i}` }) as vscode.Diagnostic);
const turns = (n: number): Promise<void> => new Promise((resolve) => {
  const next = (left: number): void => void (left ? setTimeout(() => next(left - 1), 0) : resolve());
  next(n);
});

describe('diagnostics batch (the language server\'s diagnostics set in VS Code)', () => {
  let sets: Array<Array<[vscode.Uri, vscode.Diagnostic[]]>>;
  const collection = { set: (entries: Array<[vscode.Uri, vscode.Diagnostic[]]>) => void sets.push(entries) } as unknown as vscode.DiagnosticCollection;
  beforeEach(() => {
    sets = [];
  });

  it('sets up to 20 documents a turn of the loop, each document once with its latest diagnostics', async () => {
    const batch = new DiagnosticBatch(() => collection);
    for (let i = 0; i < 45; i++) batch.add(uri(`cell${i}`), diagnostics(1));
    batch.add(uri('cell3'), diagnostics(2));
    await turns(5);
    assert.deepStrictEqual(sets.map((s) => s.length), [20, 20, 5]);
    const cell3 = sets.flat().filter(([u]) => u.toString() === 'file:///cell3');
    assert.deepStrictEqual(cell3.map(([, d]) => d.length), [2]);
  });

  it('holds no more than 60 diagnostics in one set: documents with many findings go fewer at a time, one with more than 60 alone', async () => {
    const batch = new DiagnosticBatch(() => collection);
    for (let i = 0; i < 20; i++) batch.add(uri(`cell${i}`), diagnostics(25));
    batch.add(uri('big'), diagnostics(200));
    batch.add(uri('empty'), []);
    await turns(15);
    assert.deepStrictEqual(sets.map((s) => s.reduce((n, [, d]) => n + d.length, 0)), [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 200, 0]);
    assert.equal(sets.flat().length, 22, 'every document set once');
  });

  it('sets nothing once cleared (the client stopped)', async () => {
    const batch = new DiagnosticBatch(() => collection);
    batch.add(uri('a'), diagnostics(1));
    batch.clear();
    await turns(2);
    assert.deepStrictEqual(sets, []);
  });
});
