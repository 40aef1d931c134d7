import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyFixes } from '../../src/core/applyFixes';
import { resolveRuleSettings } from '../../src/core/config';
import type { Fix } from '../../src/core/types';
import { createTestLinter } from '../kit/languages';
import { notebookJson } from '../kit/notebook';

/**
 * Linear growth on adversarial input: for each case of the stress tier (bench/stress.mjs), the
 * work at 4 times the size must be under 8 times the work at the size (linear gives 4, quadratic
 * 16). Work is this process's CPU time (the machine is shared: wall time measures the neighbours).
 *
 * The size is measured as a batch of four runs, the same bytes as one run at 4 times the size, so
 * both measurements last about as long and get the same share of what else costs this process CPU
 * time: the neighbours' cache and scheduler interference, the JIT compiling in the background, a
 * major garbage collection. (Timing one 5 ms run against one 70 ms run, the short run often fits
 * between two of those and the long one never does: linear cases failed at 8x under load.) The
 * rounds alternate batch and large run, after a warm-up round, and each keeps its least; a case
 * ends once the bound is met after two rounds, or fails after `rounds`.
 *
 * Cases whose quadratic part once showed only past 128 KB (a scan per line in lone-CR files, a
 * search of every resource per Terraform endpoint: 9x at 128 KB, 13-17x at 256 KB; the handlers of a
 * try statement each copying the list of those before: 2.8x from 64 to 256 KB, 25x to 1 MB; a walk up
 * the lines of a function to its `def` from each delete in it: 11x from 256 KB to 1 MB; a scan of every
 * resource per CloudFormation or CDK variant for the model it names: 15-18x from 256 KB to 1 MB) are measured at
 * 256 KB and 1 MB; the CDK Python constructs found by class with a search of every construct per
 * reference (5x from 256 KB to 1 MB, 25x to 4 MB) at 1,000 and 4,000 KB (4 MB is the size limit: a file over it is not read). The
 * figures themselves are for `npm run bench`.
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
  'cfn-yaml-resources', 'cfn-yaml-50k-keys', 'cfn-yaml-deep-if', 'cfn-yaml-duplicate-keys', 'cfn-json-resources', 'tf-resources', 'tf-unclosed-run',
  'cdk-ts-constructs', 'cdk-ts-unclosed-run', 'cdk-ts-huge-object', 'cdk-py-unclosed-run',
  'py-rebound-names', 'py-excluded-branches', 'py-dict-changes', 'py-helper-sites', 'py-deep-branches', 'py-try-handlers', 'nb-rebound-cells',
  'nb-function-deploys', 'nb-function-deletes', 'cfn-yaml-models', 'cdk-ts-models', 'cdk-py-constructs',
];
const small = 32 * 1024;
/** Cases measured from a larger size (see above). */
const smallFor: Record<string, number> = {
  'py-lone-cr': 256 * 1024,
  'tf-resources': 256 * 1024,
  'py-try-handlers': 256 * 1024,
  'nb-function-deletes': 256 * 1024,
  'nb-function-deploys': 16 * 1024,
  'cfn-yaml-models': 256 * 1024,
  'cdk-ts-models': 256 * 1024,
  'cdk-py-constructs': 1000 * 1024,
};
const bound = 8;

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The growth from `atSmall` to `atLarge` (4 times the input): the least time of a batch of four
 * `atSmall` runs and the least of `atLarge`, over alternating rounds. `ratio` is the large run's
 * time over one small run's (the batch's quarter). Up to ten rounds, stopping at the first that
 * passes from the second on: in the full suite the collector's concurrent marking (CPU time counts
 * its threads) can land on several large runs in a row; a superlinear cost stays in every round.
 */
function growth(atSmall: () => void, atLarge: () => void, rounds = 10): { small: number; large: number; ratio: number } {
  const batch = () => cpuMs(() => {
    for (let i = 0; i < 4; i++) atSmall();
  });
  // Warm-up round: parsers, rules and the JIT, at both sizes.
  batch();
  atLarge();
  let four = Infinity;
  let large = Infinity;
  for (let round = 1; round <= rounds; round++) {
    four = Math.min(four, batch());
    large = Math.min(large, cpuMs(atLarge));
    // A floor of 4 ms for the batch: below it the clock's resolution decides the ratio.
    if (round >= 2 && (4 * large) / Math.max(four, 4) < bound) break;
  }
  const one = Math.max(four, 4) / 4;
  return { small: one, large, ratio: large / one };
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
      const size = smallFor[name] ?? small;
      const texts = [spec.make(size), spec.make(4 * size)];
      let run = 0;
      // A new file name each time: the first lint of a file, not the editor's incremental re-lint.
      const lint = (text: string) => () => void linter.lint(`${run++}-${spec.file}`, text, { settings });
      const g = growth(lint(texts[0]), lint(texts[1]));
      assert.ok(g.ratio < bound, `${name}: ${g.small.toFixed(1)} ms at ${size / 1024} KB, ${g.large.toFixed(1)} ms at ${(4 * size) / 1024} KB (${g.ratio.toFixed(1)}x)`);
    });
  }

  for (const name of ['py-deep-nesting', 'py-long-line', 'py-lone-cr', 'nb-one-string-cell']) {
    it(`${name}: the editor's re-lint after an edit grows linearly too`, () => {
      const spec = stressCases.find((c) => c.name === name) as StressCase;
      const relint = (bytes: number) => {
        const text = spec.make(bytes);
        const fileName = `relint-${bytes}-${spec.file}`;
        linter.lint(fileName, text, { settings });
        let n = 0;
        return () => void linter.lint(fileName, n++ % 2 ? text : text.replace('a', 'b'), { settings });
      };
      const size = smallFor[name] ?? small;
      const g = growth(relint(size), relint(4 * size));
      assert.ok(g.ratio < bound, `${name}: re-lint ${g.small.toFixed(1)} ms at ${size / 1024} KB, ${g.large.toFixed(1)} ms at ${(4 * size) / 1024} KB (${g.ratio.toFixed(1)}x)`);
    });
  }

  it(`a notebook's helper module with one function of thousands of deletes: 4x the module costs under ${bound}x the CPU time`, () => {
    const helpers = (bytes: number) => {
      const lines = ['import boto3\nsm = boto3.client("sagemaker")\n\n\ndef cleanup(names):\n'];
      for (let i = 0, length = 0; length < bytes; i++) {
        lines.push(`    sm.delete_endpoint(EndpointName=names[${i}])\n`);
        length += lines[lines.length - 1].length;
      }
      return lines.join('');
    };
    const notebook = notebookJson([
      'import sagemaker\nimport helpers\nfrom sagemaker.pytorch import PyTorch\nrole = sagemaker.get_execution_role()\nest = PyTorch(role=role, instance_type="ml.p3.2xlarge")\n',
      'predictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n',
      'helpers.cleanup([predictor.endpoint_name])\n',
    ]);
    const size = 256 * 1024;
    let run = 0;
    // A folder per size: each keeps its module read (as an editor's re-lint does), and the lints measure what is worked out per lint.
    const lint = (bytes: number) => {
      const context = linter.prepareContext('notebook', [{ fileName: `${bytes}/run.ipynb`, text: notebook }, { fileName: `${bytes}/helpers.py`, text: helpers(bytes) }]);
      assert.ok(context);
      assert.deepEqual(linter.lint(`${bytes}/run.ipynb`, notebook, { settings, context }).findings.filter((f) => f.ruleId === 'SML307'), [], 'the helper tears the endpoint down');
      return () => void linter.lint(`${bytes}/${run++}-run.ipynb`, notebook, { settings, context });
    };
    const g = growth(lint(size), lint(4 * size));
    assert.ok(g.ratio < bound, `helper module: ${g.small.toFixed(1)} ms at ${size / 1024} KB, ${g.large.toFixed(1)} ms at ${(4 * size) / 1024} KB (${g.ratio.toFixed(1)}x)`);
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
    const g = growth(() => void applyFixes(a.text, a.fixes), () => void applyFixes(b.text, b.fixes));
    assert.ok(g.ratio < bound, `applyFixes: ${g.small.toFixed(1)} ms for 4,000 fixes, ${g.large.toFixed(1)} ms for 16,000 (${g.ratio.toFixed(1)}x)`);
  });
});
