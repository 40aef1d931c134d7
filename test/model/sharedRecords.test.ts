import { answersOf } from '../../src/core/factAnswers';
import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import type { Visitors } from '../../src/core/types';
import { visitEndpointVariants } from '../../src/model/endpointVariants';
import { oncePerFact, oncePerFactIn } from '../../src/model/read/memo';
import type { EndpointVariantRecord, TrainingJobRecord } from '../../src/model/records';
import { visitTraining } from '../../src/model/trainingJobs';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';
import { allRules } from '../../src/rules';

/** `count` probe rules, each building its visitors with `visitors`, linted together over `code`. */
function lintWithProbes(code: string, count: number, visitors: (context: Parameters<typeof visitTraining>[0], seen: unknown[]) => Visitors): unknown[][] {
  const seen: unknown[][] = [];
  const probes = Array.from({ length: count }, (_, i) => {
    const mine: unknown[] = [];
    seen.push(mine);
    return defineRule({
      id: `SML99${i}`,
      name: `shared-probe-${i}`,
      meta: { category: 'deploy', defaultSeverity: 'hint', formats: ['py', 'nb'], description: 'probe', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
      create: (context) => visitors(context, mine),
    });
  });
  const result = createTestLinter({ rules: probes }).lint('deploy.py', code, { settings: resolveRuleSettings(probes), format: 'python' });
  assert.deepEqual(result.ruleErrors, []);
  return seen;
}

const code = dedent`
  import boto3
  import sagemaker
  from sagemaker.pytorch import PyTorch, PyTorchModel
  bucket = sagemaker.Session().default_bucket()
  est = PyTorch(entry_point="train.py", instance_type="ml.g5.xlarge", instance_count=1, use_spot_instances=True)
  est.fit()
  model = PyTorchModel(model_data="s3://b/m.tar.gz", role="r", entry_point="inference.py")
  predictor = model.deploy(initial_instance_count=2, instance_type="ml.m5.large")
  boto3.client("application-autoscaling").register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/x/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=2)
`;

/** The records of one lint are built once and shared by every rule (ruff's one analysis): the same objects, not one copy per rule. */
describe('records shared by the rules of one lint', () => {
  it('every rule that reads endpoint variants gets the same Python records, scaling judged once at the end of the file', () => {
    const seen = lintWithProbes(code, 3, (context, mine) => visitEndpointVariants(context.text, (variant) => mine.push(variant))) as EndpointVariantRecord[][];
    assert.equal(seen[0].length, 1);
    assert.equal(seen[0][0].scaling, 'scaled', 'a scalable target registered after the deploy counts');
    assert.equal(seen[0][0].site?.defaultBucket, 'bucket');
    for (const other of seen.slice(1)) {
      assert.equal(other.length, 1);
      assert.equal(other[0], seen[0][0], 'a copy per rule');
    }
  });

  it('every rule that reads training jobs gets the same records, read once per call', () => {
    const seen = lintWithProbes(code, 3, (context, mine) => visitTraining(context, { trainingJob: (job) => mine.push(job) })) as TrainingJobRecord[][];
    assert.equal(seen[0].length, 1);
    for (const other of seen.slice(1)) assert.equal(other[0], seen[0][0]);
  });

  it('a walk replayed over the kept facts hands out the same records again, none twice', () => {
    const probe = defineRule({
      id: 'SML998',
      name: 'replay-probe',
      meta: { category: 'deploy', defaultSeverity: 'hint', formats: ['py'], description: 'probe', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
      create: (context) => visitEndpointVariants(context.text, () => undefined),
    });
    const result = createTestLinter({ rules: [probe] }).lint('deploy.py', code, { settings: resolveRuleSettings([probe]), format: 'python', keepFacts: true });
    const replayed: EndpointVariantRecord[] = [];
    result.facts?.walk(visitEndpointVariants(code, (variant) => replayed.push(variant)));
    const again: EndpointVariantRecord[] = [];
    result.facts?.walk(visitEndpointVariants(code, (variant) => again.push(variant)));
    assert.equal(replayed.length, 1);
    assert.deepEqual(again, replayed);
    assert.equal(again[0], replayed[0]);
  });
});

describe('oncePerFact', () => {
  it('reads each fact once, whoever asks and in whatever order, a reader that asks itself included', () => {
    const reads: string[] = [];
    const a = { name: 'a' };
    const b = { name: 'b' };
    const read = oncePerFact((fact: { name: string }): string => {
      reads.push(fact.name);
      // A reader may ask itself for another fact: the answer for this one stays its own.
      return fact === b ? `${read(a)}+b` : fact.name;
    });
    assert.equal(read(b), 'a+b');
    assert.equal(read(b), 'a+b');
    assert.equal(read(a), 'a');
    assert.equal(read(b), 'a+b');
    assert.deepEqual(reads, ['b', 'a']);
  });

  it('keeps the answers of two readers apart, even readers made from one function, and of many facts read in turns', () => {
    let reads = 0;
    const describe = (fact: { name: string }): string => {
      reads++;
      return `${fact.name}:${reads}`;
    };
    const first = oncePerFact(describe);
    const second = oncePerFact(describe);
    const facts = Array.from({ length: 50 }, (_, i) => ({ name: `f${i}` }));
    const answers = facts.map((f) => [first(f), second(f)]);
    assert.equal(reads, 100, 'one read per fact and reader');
    for (const [a, b] of answers) assert.notEqual(a, b, 'each reader has its own answer');
    // In another order, and each fact asked again after others: the same answers, no new read.
    for (const i of [49, 0, 25, 1, 48]) assert.deepEqual([second(facts[i]), first(facts[i])], [answers[i][1], answers[i][0]]);
    assert.equal(reads, 100);
  });
});

describe('oncePerFactIn', () => {
  it('reads a fact once per context: asked again in the same one, the kept answer; in another, read again and kept instead', () => {
    const reads: string[] = [];
    const read = oncePerFactIn((fact: { name: string }, module: { id: number }) => {
      reads.push(`${fact.name}@${module.id}`);
      return `${fact.name}@${module.id}`;
    });
    const fact = { name: 'r' };
    const one = { id: 1 };
    const two = { id: 2 };
    assert.equal(read(fact, one), 'r@1');
    assert.equal(read(fact, one), 'r@1');
    assert.equal(read(fact, two), 'r@2');
    assert.equal(read(fact, two), 'r@2');
    assert.equal(read(fact, one), 'r@1');
    assert.deepEqual(reads, ['r@1', 'r@2', 'r@1']);
    // Beside another reader of the same fact: each keeps its own answer.
    const other = oncePerFact((f: { name: string }) => f.name.toUpperCase());
    assert.equal(other(fact), 'R');
    assert.equal(read(fact, one), 'r@1');
    assert.equal(reads.length, 3);
  });
});

describe('what a lint leaves behind', () => {
  it('keeps the answers on the fact, out of sight: its keys and JSON are those it was made with', () => {
    const fact = { name: 'a', start: 1 };
    const read = oncePerFact((f: { name: string }) => f.name.toUpperCase());
    assert.equal(read(fact), 'A');
    assert.deepStrictEqual(fact, { name: 'a', start: 1 });
    assert.equal(JSON.stringify(fact), '{"name":"a","start":1}');
  });

  it('lets go of the answers on the facts it walked once it is over, and keeps them when the facts are kept for a replay', () => {
    const walked: object[] = [];
    let answered = 0;
    const probe = defineRule({
      id: 'SML998',
      name: 'fact-probe',
      meta: { category: 'deploy', defaultSeverity: 'hint', formats: ['py', 'nb'], description: 'probe', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
      // Last of the rules: the others have asked the model about each call by the time it sees it.
      create: () => ({
        pythonCall: (c) => {
          walked.push(c);
          if (answersOf(c).length) answered++;
        },
      }),
    });
    const rules = [...allRules, probe];
    const linter = createTestLinter({ rules });
    linter.lint('deploy.py', code, { settings: resolveRuleSettings(rules), format: 'python' });
    assert.ok(answered > 0, 'the model answered questions about the calls');
    assert.deepEqual(walked.filter((c) => answersOf(c).length > 0), []);
    walked.length = 0;
    answered = 0;
    const kept = linter.lint('deploy.py', code, { settings: resolveRuleSettings(rules), format: 'python', keepFacts: true });
    assert.ok(kept.facts && answered > 0);
    assert.equal(walked.filter((c) => answersOf(c).length > 0).length, answered, 'kept for the replay');
  });

  it('holds none of the facts of a lint once it is over (no module-level memo keeps them)', async () => {
    // A full collection, without --expose-gc on the test process: the flag set now exposes `gc` in a new context.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const refs: Array<WeakRef<object>> = [];
    const probe = defineRule({
      id: 'SML998',
      name: 'fact-probe',
      meta: { category: 'deploy', defaultSeverity: 'hint', formats: ['py', 'nb'], description: 'probe', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
      create: () => ({ pythonModule: (m) => void refs.push(new WeakRef(m)), pythonCall: (c) => void refs.push(new WeakRef(c)) }),
    });
    const rules = [...allRules, probe];
    // Every rule reads the facts through the model's memos; a memo of the last fact seen would keep it.
    createTestLinter({ rules }).lint('deploy.py', code, { settings: resolveRuleSettings(rules), format: 'python' });
    assert.ok(refs.length > 5, 'the probe saw the facts');
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.deepEqual(refs.filter((r) => r.deref() !== undefined).length, 0);
  });
});
