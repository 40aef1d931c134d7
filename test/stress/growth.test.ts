import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyFixes } from '../../src/core/applyFixes';
import { resolveRuleSettings } from '../../src/core/config';
import type { Fix } from '../../src/core/types';
import { createTestLinter } from '../kit/languages';

/**
 * Linear growth on adversarial input: for each case of the stress tier (bench/stress.mjs), the
 * work at 4 times the size must be under 8 times the work at the size (linear gives 4, quadratic
 * 16). Work is this process's CPU time, the least of a few runs (the machine is shared: wall time
 * measures the neighbours, and the least run is the one nothing else got in the way of); a run at
 * the larger size that already meets the bound ends the case. The figures themselves are for
 * `npm run bench`.
 */
interface StressCase {
  name: string;
  file: string;
  make(bytes: number): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stressCases } = require(path.resolve(__dirname, '..', '..', '..', 'bench', 'stress.mjs')) as { stressCases: StressCase[] };

/** Cases with a defect once found, and one ordinary case per format. */
const checked = [
  'py-dense-calls', 'py-unclosed-run', 'py-imports-interleaved', 'py-deep-nesting', 'py-long-line', 'py-lone-cr',
  'nb-10k-cells', 'nb-unclosed-run', 'nb-imports-interleaved', 'nb-one-string-cell',
  'cfn-yaml-resources', 'cfn-yaml-50k-keys', 'cfn-json-resources', 'tf-resources', 'tf-unclosed-run',
  'cdk-ts-constructs', 'cdk-ts-unclosed-run', 'cdk-ts-huge-object', 'cdk-py-unclosed-run',
];
const small = 32 * 1024;
const bound = 8;

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The least of `runs` timings of `atSmall`, then runs of `atLarge` until one is under `bound` times it. */
function growth(atSmall: () => void, atLarge: () => void, runs = 3): { small: number; large: number; ratio: number } {
  atSmall(); // warm-up: grammars, rules and the JIT
  let least = Infinity;
  for (let i = 0; i < runs; i++) least = Math.min(least, cpuMs(atSmall));
  // A floor of a millisecond: below it the clock's resolution decides the ratio.
  least = Math.max(least, 1);
  let large = Infinity;
  for (let i = 0; i < runs && large >= bound * least; i++) large = Math.min(large, cpuMs(atLarge));
  return { small: least, large, ratio: large / least };
}

describe('stress: linting grows linearly with the file', function () {
  this.timeout(180_000);
  const linter = createTestLinter();
  const settings = resolveRuleSettings(linter.rules);

  it('has every checked case in the stress tier', () => {
    assert.deepEqual(checked.filter((name) => !stressCases.some((c) => c.name === name)), []);
  });

  for (const name of checked) {
    it(`${name}: 4x the input costs under ${bound}x the CPU time`, () => {
      const spec = stressCases.find((c) => c.name === name) as StressCase;
      const texts = [spec.make(small), spec.make(4 * small)];
      let run = 0;
      // A new file name each time: the first lint of a file, not the editor's incremental re-lint.
      const lint = (text: string) => () => void linter.lint(`${run++}-${spec.file}`, text, { settings });
      const g = growth(lint(texts[0]), lint(texts[1]));
      assert.ok(g.ratio < bound, `${name}: ${g.small.toFixed(1)} ms at ${small / 1024} KB, ${g.large.toFixed(1)} ms at ${(4 * small) / 1024} KB (${g.ratio.toFixed(1)}x)`);
    });
  }

  it(`the editor's re-lint after an edit grows linearly too (deep nesting, long lines, lone CR)`, () => {
    for (const name of ['py-deep-nesting', 'py-long-line', 'py-lone-cr', 'nb-one-string-cell']) {
      const spec = stressCases.find((c) => c.name === name) as StressCase;
      const relint = (bytes: number) => {
        const text = spec.make(bytes);
        const fileName = `relint-${bytes}-${spec.file}`;
        linter.lint(fileName, text, { settings });
        let n = 0;
        return () => void linter.lint(fileName, n++ % 2 ? text : text.replace('a', 'b'), { settings });
      };
      const g = growth(relint(small), relint(4 * small));
      assert.ok(g.ratio < bound, `${name}: re-lint ${g.small.toFixed(1)} ms at ${small / 1024} KB, ${g.large.toFixed(1)} ms at ${(4 * small) / 1024} KB (${g.ratio.toFixed(1)}x)`);
    }
  });

  it('applying fixes grows linearly with their number', () => {
    // One insertion per line and a shared import at the top, as the Python fixes make them.
    const build = (lines: number) => {
      const text = 'import x\n' + 'f(1)\n'.repeat(lines);
      const fixes: Fix[] = [];
      for (let i = 0; i < lines; i++) fixes.push({ title: `${i}`, applicability: 'safe', edits: [{ start: 9, end: 9, text: 'import y\n' }, { start: 9 + i * 5 + 3, end: 9 + i * 5 + 3, text: ', k=1' }] });
      return { text, fixes };
    };
    const a = build(4000);
    const b = build(16000);
    assert.equal(applyFixes(b.text, b.fixes).applied.length, 16000);
    const g = growth(() => void applyFixes(a.text, a.fixes), () => void applyFixes(b.text, b.fixes), 5);
    assert.ok(g.ratio < bound, `applyFixes: ${g.small.toFixed(1)} ms for 4,000 fixes, ${g.large.toFixed(1)} ms for 16,000 (${g.ratio.toFixed(1)}x)`);
  });
});
