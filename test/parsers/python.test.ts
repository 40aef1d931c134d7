import * as assert from 'node:assert/strict';
import type { PyValue, PythonCall } from '../../src/parsers/python/facts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Query } from 'web-tree-sitter';
import { Analyser, analysePython, analyseStatements, analysisQuery } from '../../src/parsers/python/analysis';
import { getKeyword } from '../../src/parsers/python/facts';
import type { StatementCache } from '../../src/parsers/python/mirror';
import { lowerTree } from '../../src/parsers/python/mirror';
import { LazyGrammar } from '../../src/parsers/wasm';
import { createPythonLanguage } from '../../src/parsers/python/language';
import { dedent } from '../kit/dedent';
import { locateTestWasm, testLanguages } from '../kit/languages';

const python = testLanguages.find((l) => l.format === 'python');

function callsOf(code: string, fileName = 'case.py'): PythonCall[] {
  assert.ok(python, 'the test languages include Python');
  const outcome = python.parse(code, fileName);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  const calls: PythonCall[] = [];
  outcome.walk((kind, fact) => {
    if (kind === 'pythonCall') calls.push(fact as PythonCall);
  });
  return calls;
}

const names = (code: string) => callsOf(code).map((c) => c.name);

/** A value as compact plain data, for deepEqual. */
function plain(value: PyValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return value.value;
    case 'none':
      return null;
    case 'dict':
      return { ...Object.fromEntries(value.entries.map((e) => [e.key, plain(e.value)])), ...(value.open ? { '…': true } : {}) };
    case 'list':
      return value.items.map(plain);
    case 'call':
      return `call ${value.call.name}`;
    case 'unknown':
      return '?';
  }
}

function keyword(code: string, callName: string, name: string): unknown {
  const call = callsOf(code).find((c) => c.name === callName);
  assert.ok(call, `no call ${callName} in ${names(code).join(', ')}`);
  return plain(getKeyword(call, name)?.value);
}

describe('Python analysis', () => {
  it('a method call carries the call that made its object: in place, or assigned once to the name', () => {
    const calls = callsOf(dedent`
      from sagemaker.serve import ModelBuilder
      builder = ModelBuilder(model=m, instance_type="ml.c5.xlarge")
      builder.build().deploy(initial_instance_count=1)
      ModelBuilder(model=m).deploy()
      other = make()
      other.deploy()
    `);
    const chain = (c: PythonCall | undefined): string[] => (c ? [c.name, ...chain(c.receiver)] : []);
    const deploys = calls.filter((c) => c.name.endsWith('.deploy'));
    assert.deepEqual(deploys.map((c) => chain(c)), [
      ['sagemaker.serve.ModelBuilder().build().deploy', 'sagemaker.serve.ModelBuilder().build', 'sagemaker.serve.ModelBuilder'],
      ['sagemaker.serve.ModelBuilder().deploy', 'sagemaker.serve.ModelBuilder'],
    ]);
    assert.equal(deploys[0].receiver?.receiver?.keywords.find((k) => k.name === 'instance_type')?.value.kind, 'string');
  });

  describe('qualified names through imports', () => {
    it('from-imports, aliases and dotted module access', () => {
      assert.deepEqual(
        names(dedent`
          import sagemaker as sm
          import sagemaker.tuner
          from sagemaker.pytorch import PyTorch
          from sagemaker.huggingface import HuggingFace as HF
          from sagemaker import estimator
          PyTorch(entry_point="a.py")
          HF(entry_point="b.py")
          sm.estimator.Estimator(image_uri="i")
          estimator.Estimator(image_uri="i")
          sagemaker.tuner.HyperparameterTuner(est, "m", {})
        `),
        ['sagemaker.pytorch.PyTorch', 'sagemaker.huggingface.HuggingFace', 'sagemaker.estimator.Estimator', 'sagemaker.estimator.Estimator', 'sagemaker.tuner.HyperparameterTuner'],
      );
    });

    it('tf.estimator.Estimator is TensorFlow, not SageMaker; unimported names resolve to nothing', () => {
      assert.deepEqual(names('import tensorflow as tf\ntf.estimator.Estimator(model_fn=f)\nEstimator(image_uri="x")\nprint(1)\n'), ['tensorflow.estimator.Estimator']);
    });

    it('a name bound twice (import, then reassignment) is not resolved', () => {
      assert.deepEqual(names('from sagemaker.pytorch import PyTorch\nPyTorch = make_estimator\nPyTorch(entry_point="a.py")\n'), []);
    });

    it('the same import repeated (try / except ImportError) keeps its meaning', () => {
      const code = dedent`
        try:
            from sagemaker.pytorch import PyTorch
        except ImportError:
            from sagemaker.pytorch import PyTorch
        PyTorch(entry_point="a.py")
      `;
      assert.deepEqual(names(code), ['sagemaker.pytorch.PyTorch']);
    });

    it('boto3 clients: boto3.client, session.client, service_name=, sagemaker.Session().sagemaker_client, self attributes', () => {
      const code = dedent`
        import boto3
        import sagemaker
        sm = boto3.client("sagemaker", region_name="eu-west-1")
        sm.create_training_job(TrainingJobName="a")
        session = boto3.session.Session()
        other = session.client(service_name="sagemaker")
        other.create_hyper_parameter_tuning_job(HyperParameterTuningJobName="b")
        sagemaker.Session().sagemaker_client.create_training_job(TrainingJobName="c")
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="d")

        class Launcher:
            def __init__(self):
                self.client = boto3.client("sagemaker")

            def launch(self):
                self.client.create_training_job(TrainingJobName="e")
      `;
      assert.deepEqual(
        names(code).filter((n) => n.includes('create_')),
        [
          'boto3.client:sagemaker.create_training_job',
          'boto3.client:sagemaker.create_hyper_parameter_tuning_job',
          'boto3.client:sagemaker.create_training_job',
          'boto3.client:s3.create_bucket',
          'boto3.client:sagemaker.create_training_job',
        ],
      );
    });
  });

  describe('values', () => {
    it('literals: strings (quotes, prefixes, concatenation), numbers (folded), booleans, None', () => {
      const code = dedent`
        from sagemaker.estimator import Estimator
        Estimator(a='x', b=r"c:\\d", c="s3://" "bucket", d=5 * 24 * 60 * 60, e=-1, f=1_000, g=True, h=None, i=f"{x}.py", j=b"raw", k=0.5)
      `;
      const call = callsOf(code)[0];
      assert.deepEqual(Object.fromEntries(call.keywords.map((k) => [k.name, plain(k.value)])), {
        a: 'x', b: 'c:\\d', c: 's3://bucket', d: 432000, e: -1, f: 1000, g: true, h: null, i: '?', j: '?', k: 0.5,
      });
      const quoted = getKeyword(call, 'a')?.value;
      assert.equal(quoted?.kind === 'string' ? quoted.quote : undefined, "'");
    });

    it('module and function constants assigned once resolve; parameters, reassigned and mutated names do not', () => {
      const code = dedent`
        from sagemaker.tuner import HyperparameterTuner
        STRATEGY = "Grid"
        RETRIED = "Random"
        RETRIED = "Bayesian"
        LIMITS = {"max_jobs": 4}
        LIMITS["max_jobs"] = 8

        def tune(strategy_arg):
            local = "Hyperband"
            HyperparameterTuner(est, "m", {}, strategy=STRATEGY, a=strategy_arg, b=local, c=RETRIED, d=LIMITS)
      `;
      const call = callsOf(code).find((c) => c.name === 'sagemaker.tuner.HyperparameterTuner');
      assert.ok(call);
      assert.deepEqual(Object.fromEntries(call.keywords.map((k) => [k.name, plain(k.value)])), { strategy: 'Grid', a: '?', b: 'Hyperband', c: '?', d: '?' });
      assert.equal(getKeyword(call, 'strategy')?.value.indirect, true);
    });

    it('a function-local name shadows the module constant', () => {
      const code = dedent`
        from sagemaker.tuner import HyperparameterTuner
        STRATEGY = "Grid"
        def tune():
            STRATEGY = pick()
            HyperparameterTuner(est, "m", {}, strategy=STRATEGY)
      `;
      assert.equal(keyword(code, 'sagemaker.tuner.HyperparameterTuner', 'strategy'), '?');
    });

    it('**kwargs from a dict literal or dict(...) adds keywords; an unknown **kwargs makes the call open', () => {
      const code = dedent`
        from sagemaker.pytorch import PyTorch
        common = {"role": "r", "instance_count": 2}
        PyTorch(entry_point="a.py", **common, **dict(max_run=60))
        def build(**kwargs):
            return PyTorch(entry_point="b.py", **kwargs)
      `;
      const [first, second] = callsOf(code);
      assert.deepEqual(first.keywords.map((k) => [k.name, plain(k.value), !!k.spread]), [['entry_point', 'a.py', false], ['role', 'r', true], ['instance_count', 2, true], ['max_run', 60, true]]);
      assert.equal(first.open, false);
      assert.equal(second.open, true);
    });

    it('dict-shaped boto3 arguments, through a constant and with nested dicts', () => {
      const code = dedent`
        import boto3
        sm = boto3.client("sagemaker")
        STOP = {"MaxRuntimeInSeconds": 2 * 60 * 60}
        config = {"Strategy": "Random", "ResourceLimits": {"MaxNumberOfTrainingJobs": 10}, **extra}
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobConfig=config, TrainingJobDefinition={"StoppingCondition": STOP})
      `;
      const call = callsOf(code).find((c) => c.name.endsWith('create_hyper_parameter_tuning_job'));
      assert.ok(call);
      assert.deepEqual(plain(getKeyword(call, 'HyperParameterTuningJobConfig')?.value), { Strategy: 'Random', ResourceLimits: { MaxNumberOfTrainingJobs: 10 }, '…': true });
      assert.deepEqual(plain(getKeyword(call, 'TrainingJobDefinition')?.value), { StoppingCondition: { MaxRuntimeInSeconds: 7200 } });
    });

    it('conditional expressions keep their branches as alternatives', () => {
      const code = 'from sagemaker.estimator import Estimator\nEstimator(instance_type="local" if LOCAL else "ml.m5.xlarge")\n';
      const value = getKeyword(callsOf(code)[0], 'instance_type')?.value;
      assert.equal(value?.kind, 'unknown');
      assert.deepEqual(value?.kind === 'unknown' ? value.alternatives?.map(plain) : undefined, ['local', 'ml.m5.xlarge']);
    });

    it('a name assigned in several places is one of those values; a loop variable is not', () => {
      const code = dedent`
        from sagemaker.estimator import Estimator
        if LOCAL:
            kind = "local"
        else:
            kind = "ml.m5.xlarge"
        for size in sizes:
            Estimator(instance_type=kind, volume_size=size)
      `;
      const call = callsOf(code)[0];
      const kind = getKeyword(call, 'instance_type')?.value;
      assert.deepEqual(kind?.kind === 'unknown' ? kind.alternatives?.map(plain) : undefined, ['local', 'ml.m5.xlarge']);
      const size = getKeyword(call, 'volume_size')?.value;
      assert.equal(size?.kind === 'unknown' ? size.alternatives : 'known', undefined);
    });

    it('reaching definitions: the last assignment on a straight line, the set where branches join, identical values once', () => {
      const alternatives = (value: PyValue | undefined) => (value?.kind === 'unknown' ? value.alternatives?.map(plain) : plain(value));
      const type = (code: string) => alternatives(getKeyword(callsOf(code).find((c) => c.name === 'sagemaker.pytorch.PyTorch') as PythonCall, 'instance_type')?.value);
      const head = 'from sagemaker.pytorch import PyTorch\n';
      assert.equal(type(`${head}t = "ml.c5.xlarge"\nt = "ml.p3.2xlarge"\nPyTorch(instance_type=t)\n`), 'ml.p3.2xlarge');
      assert.equal(type(`${head}if a:\n    t = "ml.m5.xlarge"\nelse:\n    t = "ml.m5.xlarge"\nPyTorch(instance_type=t)\n`), 'ml.m5.xlarge', 'identical values are one value');
      assert.deepEqual(type(`${head}t = "a"\ntry:\n    t = "b"\nexcept E:\n    t = "c"\nPyTorch(instance_type=t)\n`), ['a', 'b', 'c'], 'the try body may fail before its assignment');
      assert.deepEqual(type(`${head}t = "a"\nif x:\n    t = "b"\nelse:\n    PyTorch(instance_type=t)\n`), 'a', 'the other branch of the if does not reach');
      assert.deepEqual(type(`${head}t = "a"\nfor i in r:\n    PyTorch(instance_type=t)\n    t = "b"\n`), ['a', 'b'], 'round the loop');
      assert.equal(type(`${head}t = "a"\nxs = [t for t in types]\nPyTorch(instance_type=t)\n`), 'a', "a comprehension's variable stays in it");
      assert.deepEqual(type(`${head}t = "a"\ndef f():\n    global t\n    t = "b"\nPyTorch(instance_type=t)\n`), ['a', 'b'], 'a global assignment in a function may happen any time');
      assert.deepEqual(type(`${head}t = "a"\ndef f():\n    PyTorch(instance_type=t)\nt = "b"\n`), ['a', 'b'], 'a function reads the name when it is called');
      // Below the deepest branch followed, an assignment never replaces another.
      const deep = Array.from({ length: 60 }, (_, d) => `${' '.repeat(d)}if c_${d}:\n`).join('');
      assert.deepEqual(type(`${head}t = "a"\n${deep}${' '.repeat(60)}t = "b"\nPyTorch(instance_type=t)\n`), ['a', 'b']);
    });

    it('an object made in either branch: the method call carries both calls, and the name they share', () => {
      const calls = callsOf('from sagemaker.pytorch import PyTorch\nif a:\n    est = PyTorch(instance_type="ml.c5.xlarge")\nelse:\n    est = PyTorch(instance_type="ml.m5.xlarge")\nest.fit(data)\n');
      const fit = calls.find((c) => c.name === 'sagemaker.pytorch.PyTorch().fit');
      assert.ok(fit);
      assert.equal(fit.receiver, undefined);
      assert.deepEqual(fit.receivers?.map((r) => plain(getKeyword(r, 'instance_type')?.value)), ['ml.c5.xlarge', 'ml.m5.xlarge']);
      assert.deepEqual(names('from sagemaker.pytorch import PyTorch\nfrom sagemaker.model import Model\nif a:\n    m = PyTorch()\nelse:\n    m = Model()\nm.deploy()\n'), ['sagemaker.pytorch.PyTorch', 'sagemaker.model.Model'], 'two classes: no one name');
    });

    it('a parameter takes the values its call sites pass, or the default; a recursive helper stays unknown', () => {
      const code = dedent`
        from sagemaker.pytorch import PyTorch
        def make(t, count=2):
            return PyTorch(instance_type=t, instance_count=count)
        make("ml.p3.2xlarge")
        make(t="ml.p3.2xlarge", count=2)
        def loop(t):
            PyTorch(instance_type=t)
            loop(t)
        loop("ml.c5.xlarge")
      `;
      const [made, looped] = callsOf(code).filter((c) => c.name === 'sagemaker.pytorch.PyTorch');
      assert.equal(plain(getKeyword(made, 'instance_type')?.value), 'ml.p3.2xlarge');
      assert.equal(plain(getKeyword(made, 'instance_count')?.value), 2);
      assert.equal(plain(getKeyword(looped, 'instance_type')?.value), '?');
    });

    it("the file's imports come first, as one pythonModule fact", () => {
      assert.ok(python);
      const outcome = python.parse('import boto3\nfrom sagemaker.local import LocalSession as LS\nimport sagemaker.tuner\n', 'a.py');
      assert.ok(outcome.ok);
      const kinds: string[] = [];
      outcome.walk((kind, fact) => kinds.push(kind === 'pythonModule' ? `module ${(fact as { imports: string[] }).imports.join(' ')}` : kind));
      assert.deepEqual(kinds, ['module boto3 sagemaker.local.LocalSession sagemaker']);
    });

    it('nested calls are values that carry their own call', () => {
      assert.equal(keyword('from sagemaker.tuner import HyperparameterTuner\nfrom sagemaker.pytorch import PyTorch\nHyperparameterTuner(estimator=PyTorch(entry_point="a.py"))\n', 'sagemaker.tuner.HyperparameterTuner', 'estimator'), 'call sagemaker.pytorch.PyTorch');
    });
  });

  describe('positions', () => {
    it('offsets are UTF-16 indexes: the callee after non-ASCII text slices out exactly', () => {
      const code = 'from sagemaker.pytorch import PyTorch\nx = "é😀"; est = PyTorch(entry_point="a.py")\n';
      const [call] = callsOf(code);
      assert.equal(code.slice(call.callee.start, call.callee.end), 'PyTorch');
      assert.equal(code.slice(call.arguments.open, call.arguments.close + 1), '(entry_point="a.py")');
      const keywordArg = getKeyword(call, 'entry_point');
      assert.ok(keywordArg);
      assert.equal(code.slice(keywordArg.start, keywordArg.end), 'entry_point="a.py"');
    });
  });

  describe('syntax errors', () => {
    it('a half-typed call is skipped, the rest of the file is still analysed', () => {
      const code = dedent`
        from sagemaker.pytorch import PyTorch
        a = PyTorch(entry_point="a.py")
        b = PyTorch(entry_point="b.py", use_spot_instances=)
        c = PyTorch(entry_point="c.py")
      `;
      const calls = callsOf(code);
      assert.ok(calls.every((c) => !code.slice(c.start, c.end).includes('b.py')), 'the broken call is not reported');
      assert.ok(calls.some((c) => code.slice(c.start, c.end).includes('a.py')));
      assert.ok(calls.some((c) => code.slice(c.start, c.end).includes('c.py')));
    });

    it('an unclosed bracket near the end: what comes before it is still analysed', () => {
      const code = 'from sagemaker.pytorch import PyTorch\n' + 'PyTorch(entry_point="a.py")\n'.repeat(10) + 'PyTorch(entry_point="b.py",\n';
      assert.equal(callsOf(code).length, 10);
    });

    it('a file that is mostly not Python is one parse error', () => {
      assert.ok(python);
      const outcome = python.parse('{{{{ this is :: not ] python [[ at all ))))\n'.repeat(20), 'x.py');
      assert.equal(outcome.ok, false);
      assert.match(outcome.ok ? '' : outcome.error.message, /^Python syntax error/);
    });

    it('an empty file is fine', () => {
      assert.deepEqual(callsOf(''), []);
    });
  });

  describe('re-parsing after an edit', () => {
    it('an edited file gives the same facts as a fresh parse, edit after edit', () => {
      let code = dedent`
        import boto3
        from sagemaker.pytorch import PyTorch
        from sagemaker.tuner import HyperparameterTuner
        MAX_RUN = 3600
        est = PyTorch(entry_point="train.py", instance_type="ml.g5.xlarge", max_run=MAX_RUN)
        tuner = HyperparameterTuner(est, "loss", {}, strategy="Random", max_jobs=4)
        sm = boto3.client("sagemaker")
        sm.create_training_job(TrainingJobName="j", StoppingCondition={"MaxRuntimeInSeconds": 60})
      `;
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const pieces = ['x', ' ', '\n', '(', ')', '"', 'use_spot_instances=True, ', '# note\n', 'é😀', ','];
      for (let i = 0; i < 60; i++) {
        const at = random(code.length + 1);
        const removed = random(3);
        code = code.slice(0, at) + (random(2) ? pieces[random(pieces.length)] : '') + code.slice(Math.min(code.length, at + removed));
        const outcome = python?.parse(code, 'edited.py');
        const fresh = python?.parse(code, `fresh-${i}.py`);
        assert.equal(outcome?.ok, fresh?.ok, `edit ${i}`);
        if (outcome?.ok && fresh?.ok) {
          const facts = (o: typeof outcome) => {
            const all: unknown[] = [];
            o.walk((kind, fact) => all.push([kind, fact]));
            return JSON.stringify(all);
          };
          assert.equal(facts(outcome), facts(fresh), `edit ${i}: ${JSON.stringify(code)}`);
        }
      }
    });
  });

  describe('statements lowered to JavaScript mirrors', () => {
    const grammar = new LazyGrammar(locateTestWasm, 'tree-sitter-python.wasm', (language) => new Query(language, analysisQuery));
    before(() => grammar.load());

    /** The Python files among the rule fixtures, for code written the way the rules meet it. */
    function fixtureFiles(dir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures')): string[] {
      return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : e.name.endsWith('.py') ? [path.join(dir, e.name)] : []));
    }

    it('give the same analysis as the query over the tree, fresh and with the statements of the previous edit cached', () => {
      const { parser, extra: query } = grammar.get('Python');
      const files = fixtureFiles();
      assert.ok(files.length >= 10, `Python fixtures found: ${files.length}`);
      let seed = 11;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const pieces = ['x', ' ', '\n', '(', ')', '"', ',', ':', '=', '**k', '\n    ', 'def f(a):\n', 'MAX = 3\n', '# note\n'];
      let texts = 0;
      let withErrors = 0;
      for (const file of files) {
        let code = fs.readFileSync(file, 'utf8');
        let cache: StatementCache | undefined;
        for (let i = 0; i < 12; i++) {
          const tree = parser.parse(code);
          assert.ok(tree);
          try {
            const reference = JSON.stringify(analysePython(tree, query, code));
            const lowered = lowerTree(tree, code, cache);
            assert.equal(JSON.stringify(analyseStatements(lowered.statements, code)), reference, `${path.basename(file)}, edit ${i}: ${JSON.stringify(code)}`);
            assert.equal(JSON.stringify(analyseStatements(lowerTree(tree, code, undefined).statements, code)), reference, `${path.basename(file)}, edit ${i}, lowered afresh`);
            cache = lowered.cache;
            texts++;
            if (tree.rootNode.hasError) withErrors++;
          } finally {
            tree.delete();
          }
          const at = random(code.length + 1);
          code = code.slice(0, at) + (random(2) ? pieces[random(pieces.length)] : '') + code.slice(Math.min(code.length, at + random(3)));
        }
      }
      // The edits must have exercised error recovery too, not only clean trees.
      assert.ok(withErrors > texts / 10, `${withErrors} of ${texts} texts had syntax errors`);
    });

    it('give the same analysis as the query over branches, loops, comprehensions, helpers and dict key changes', () => {
      const { parser, extra: query } = grammar.get('Python');
      const code = dedent`
        from sagemaker.pytorch import PyTorch, PyTorchModel
        args = {"role": role, "instance_type": "ml.p3.2xlarge"}
        args["max_run"] = 3600
        args.update({"use_spot_instances": True}, )
        itype = "ml.c5.xlarge"
        if big:
            itype = "ml.g5.12xlarge"
        elif medium:
            itype = "ml.g5.2xlarge"
        else:
            pass
        try:
            est = PyTorch.attach(job)
        except KeyError:
            est = PyTorch(instance_type=itype, **args)
        except ValueError:
            est = None
        else:
            est.fit(data)
        finally:
            done = True
        while pending:
            model = PyTorchModel(model_data=uri)
        else:
            model = PyTorchModel(model_data=other)
        for n in [i for i in range(3) if i]:
            model.deploy(initial_instance_count=n, instance_type=itype)
        match mode:
            case "gpu":
                itype = "ml.g5.xlarge"
            case _:
                itype = "ml.m5.xlarge"
        def deploy(m, t="ml.m5.large"):
            return m.deploy(initial_instance_count=1, instance_type=t)
        deploy(model)
        deploy(model, itype)
        del args["max_run"]
        est.deploy(1, itype)
      `;
      for (let cut = code.length; cut > 0; cut -= 97) {
        const text = code.slice(0, cut);
        const tree = parser.parse(text);
        assert.ok(tree);
        try {
          const reference = JSON.stringify(analysePython(tree, query, text));
          assert.equal(JSON.stringify(analyseStatements(lowerTree(tree, text, undefined).statements, text)), reference, `cut at ${cut}`);
        } finally {
          tree.delete();
        }
      }
    });

    it('reuse an unchanged statement, lower a changed one again, and keep only the latest parse in the cache', () => {
      const { parser } = grammar.get('Python');
      const before = 'import sagemaker\nA = 1\nB = 2\n';
      const after = 'import sagemaker\nA = 10\nB = 2\n';
      const first = parser.parse(before);
      const second = parser.parse(after);
      assert.ok(first && second);
      try {
        const one = lowerTree(first, before, undefined);
        const two = lowerTree(second, after, one.cache);
        assert.equal(two.statements[0].root, one.statements[0].root, 'the import is reused');
        assert.notEqual(two.statements[1].root, one.statements[1].root, 'the changed assignment is lowered again');
        assert.equal(two.statements[2].root, one.statements[2].root);
        assert.equal(two.statements[2].root.startIndex, after.indexOf('B = 2'), 'a reused statement is placed where it now is');
        assert.deepEqual([...two.cache.keys()], ['0:import sagemaker', '0:A = 10', '0:B = 2']);
      } finally {
        first.delete();
        second.delete();
      }
    });

    it('keep a statement written twice in a file as two copies, each at its own place, both reused', () => {
      const { parser } = grammar.get('Python');
      const code = 'x = f()\nx = f()\n';
      const tree = parser.parse(code);
      assert.ok(tree);
      try {
        const first = lowerTree(tree, code, undefined);
        assert.deepEqual(first.statements.map((s) => s.root.startIndex), [0, 8]);
        assert.notEqual(first.statements[0].root, first.statements[1].root);
        assert.equal(first.cache.get('0:x = f()')?.length, 2);
        const second = lowerTree(tree, code, first.cache);
        assert.deepEqual(second.statements.map((s) => s.root.startIndex), [0, 8]);
        assert.deepEqual(second.statements.map((s) => s.root), first.statements.map((s) => s.root), 'both copies reused');
      } finally {
        tree.delete();
      }
    });

    it('leave nothing of the analysis behind once the facts are out: scopes, bindings, memos and call sites emptied in place', () => {
      const { parser } = grammar.get('Python');
      const code = dedent`
        import sagemaker
        args = {"instance_type": "ml.m5.large"}
        args["max_run"] = 3600
        def deploy(est, instance_type):
            return est.deploy(initial_instance_count=1, instance_type=instance_type)
        est = sagemaker.estimator.Estimator(**args)
        deploy(est, "ml.g5.xlarge")
      `;
      const seen: Array<{ before: number[]; after: number[]; memoBefore: unknown[]; memo: unknown[] }> = [];
      // Reads the analysis's own state on its way out: before and after the release.
      class Probe extends Analyser {
        protected override release(): void {
          const bindings = [...this.module.bindings.values()];
          const definitions = bindings.flatMap((b) => b.definitions);
          const counts = (): number[] => [this.module.bindings.size, this.callSites.length, this.attributeTargets.length, ...bindings.map((b) => b.definitions.length + (b.changes?.length ?? 0))];
          const memos = (): unknown[] => definitions.flatMap((d) => [d.evaluated, d.path, d.receivers, d.parameter, d.fn]).filter((m) => m !== undefined);
          const before = counts();
          const memoBefore = memos();
          super.release();
          seen.push({ before, after: counts(), memoBefore, memo: memos() });
        }
      }
      const tree = parser.parse(code);
      assert.ok(tree);
      try {
        const statements = lowerTree(tree, code, undefined).statements;
        const nodes = statements.flatMap((s) => s.analysed);
        const analysis = new Probe(code, true).run(tree.rootNode.hasError, nodes);
        assert.equal(JSON.stringify(analysis), JSON.stringify(analyseStatements(statements, code)), 'the facts are whole');
        assert.ok(analysis.calls.some((c) => c.name === 'sagemaker.estimator.Estimator().deploy'), analysis.calls.map((c) => c.name).join(', '));
        assert.equal(seen.length, 1);
        const [{ before, after, memoBefore, memo }] = seen;
        assert.ok(memoBefore.length > 0, 'memos were written');
        assert.ok(before.every((n, i) => i === 2 || n > 0), `built: ${before.join(' ')}`);
        assert.deepEqual(after, before.map(() => 0));
        assert.deepEqual(memo, []);
      } finally {
        tree.delete();
      }
    });
  });

  describe('loading', () => {
    it('a missing wasm fails the load with the reason, and parse is refused rather than crashing the process', async () => {
      const language = createPythonLanguage((file) => (file === 'web-tree-sitter.wasm' ? locateTestWasm(file) : '/nonexistent/tree-sitter-python.wasm'));
      assert.deepEqual(language.loadState, { state: 'unloaded' });
      await language.load?.();
      assert.equal(language.loadState?.state, 'failed');
      assert.match(language.loadState?.state === 'failed' ? language.loadState.message : '', /ENOENT|no such file/);
      assert.throws(() => language.parse('x = 1\n', 'x.py'), /not loaded/);
    });
  });
});
