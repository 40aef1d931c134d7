import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { Linter } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { estimateFigures } from '../../src/linter';
import { allRules } from '../../src/rules';
import { dedent } from '../kit/dedent';
import { testLanguages } from '../kit/languages';
import { notebookJson } from '../kit/notebook';

/**
 * How the real rules read Python values the way the author meant them: a name bound more than
 * once (notebook cells, `if`/`else`, `try`/`except`), a `**kwargs` dict changed by key, one SDK
 * class through two import paths, a helper's parameters. Each case is written after a shape seen
 * in public SageMaker code; each lists the findings of the rules it watches as `ID text`, the text
 * being what the finding underlines.
 */

interface Case {
  name: string;
  /** Python source, or the cells of a notebook. */
  code: string | string[];
  watch: string[];
  expected: string[];
}

const linter = new Linter({ rules: [...allRules], languages: testLanguages, figures: estimateFigures });
const settings = resolveRuleSettings([...allRules], { rules: {} });

function underlined(text: string, f: Finding): string {
  const lines = text.split('\n');
  if (f.line === f.endLine) return lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
  return `${lines[f.line - 1].slice(f.column - 1)}…`;
}

function findings(c: Case): string[] {
  const notebook = Array.isArray(c.code);
  const text = Array.isArray(c.code) ? notebookJson(c.code) : c.code;
  const result = linter.lint(notebook ? 'case.ipynb' : 'case.py', text, { settings });
  assert.deepEqual(result.ruleErrors, [], 'a rule threw');
  return result.findings
    .filter((f) => c.watch.includes(f.ruleId))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
    .map((f) => `${f.ruleId} ${underlined(text, f)}`);
}

function run(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) it(c.name, () => assert.deepEqual(findings(c), c.expected));
  });
}

const hosting = ['SML301', 'SML302', 'SML304', 'SML307'];
const training = ['SML201', 'SML202', 'SML203', 'SML204', 'SML205', 'SML206', 'SML207', 'SML208', 'SML209'];

run('names bound more than once', [
  {
    name: 'notebook: one estimator name for three frameworks, each trained then deployed in its cells',
    code: [
      'from sagemaker.sklearn.estimator import SKLearn\nfrom sagemaker.pytorch import PyTorch\nrole = "arn:aws:iam::111122223333:role/sm"\n',
      'estimator = SKLearn(entry_point="fit.py", role=role, instance_type="ml.c5.xlarge", instance_count=1, framework_version="1.2-1")\nestimator.fit(inputs)\n',
      'sk_predictor = estimator.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n',
      'estimator = PyTorch(entry_point="fit.py", role=role, instance_type="ml.c5.xlarge", instance_count=1, framework_version="2.1", py_version="py310")\nestimator.fit(inputs)\n',
      'pt_predictor = estimator.deploy(initial_instance_count=1, instance_type="ml.c5.large")\n',
      'sk_predictor.delete_endpoint()\npt_predictor.delete_endpoint()\n',
    ],
    watch: hosting,
    expected: ['SML301 estimator.deploy', 'SML304 instance_type=\\"ml.m5.xlarge\\"', 'SML301 estimator.deploy', 'SML304 instance_type=\\"ml.c5.large\\"'],
  },
  {
    name: 'notebook: a transformers model, then a SageMaker model under the same name, deployed and never deleted',
    code: [
      'from transformers import BertModel\nfrom sagemaker.pytorch import PyTorchModel\n',
      'model = BertModel.from_pretrained("bert-base-uncased")\nmodel.save_pretrained("model/")\n',
      'model = PyTorchModel(entry_point="serve.py", model_data=artifact, role=role, framework_version="2.1", py_version="py310")\npredictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n',
      'predictor.predict(payload)\n',
    ],
    watch: hosting,
    expected: ['SML301 model.deploy', 'SML307 model.deploy', 'SML304 instance_type=\\"ml.m5.xlarge\\"'],
  },
  {
    name: 'script: an xgboost classifier tried locally, then a SageMaker Model deployed under the same name',
    code: dedent`
      from xgboost import XGBClassifier
      from sagemaker.model import Model
      model = XGBClassifier()
      model.fit(x_train, y_train)
      model = Model(image_uri=image, model_data=artifact, role=role)
      model.deploy(initial_instance_count=1, instance_type="ml.c5.xlarge")
    `,
    watch: hosting,
    expected: ['SML301 model.deploy', 'SML304 instance_type="ml.c5.xlarge"'],
  },
  {
    name: 'notebook: local-mode estimator in one cell, the cloud one in a later cell, deployed from the latest',
    code: [
      'from sagemaker.tensorflow import TensorFlow\ninstance_type = "local"\nif gpu_available:\n    instance_type = "local_gpu"\n',
      'estimator = TensorFlow(entry_point="cifar.py", role=role, train_instance_count=1, train_instance_type=instance_type, framework_version="2.11", py_version="py39")\nestimator.fit(local_inputs)\n',
      'estimator = TensorFlow(entry_point="cifar.py", role=role, train_instance_count=1, train_instance_type="ml.c5.2xlarge", framework_version="2.11", py_version="py39", use_spot_instances=True, max_wait=7200, max_run=3600, checkpoint_s3_uri=ckpt)\nestimator.fit(inputs)\n',
      'predictor = estimator.deploy(initial_instance_count=1, instance_type="ml.m4.xlarge")\n',
      'predictor.delete_endpoint()\n',
    ],
    watch: [...hosting, ...training],
    expected: ['SML301 estimator.deploy', 'SML304 instance_type=\\"ml.m4.xlarge\\"'],
  },
  {
    name: 'notebook: the instance type variable set again before the second deploy; each deploy takes the value that reaches it',
    code: [
      'from sagemaker import Model\nllm = Model(image_uri=tgi_image, model_data=llm_data, role=role)\ninstance_type = "ml.g5.2xlarge"\nllm.deploy(initial_instance_count=1, instance_type=instance_type)\n',
      'from sagemaker.model import Model\ninstance_type = "ml.m5.2xlarge"\nembedder = Model(image_uri=emb_image, model_data=emb_data, role=role)\nembedder.deploy(initial_instance_count=1, instance_type=instance_type)\n',
    ],
    watch: ['SML301', 'SML304'],
    expected: ['SML304 instance_type=instance_type', 'SML301 embedder.deploy', 'SML304 instance_type=instance_type'],
  },
  {
    name: 'script: model and type chosen in if/else, every branch a CPU type: SML301 fires, and SML304 on every value (named by the first)',
    code: dedent`
      from sagemaker.pytorch import PyTorchModel
      if quantized:
          model = PyTorchModel(entry_point="serve_int8.py", model_data=artifact, role=role, framework_version="2.1", py_version="py310")
          instance_type = "ml.c5.xlarge"
      else:
          model = PyTorchModel(entry_point="serve.py", model_data=artifact, role=role, framework_version="2.1", py_version="py310")
          instance_type = "ml.m5.xlarge"
      predictor = model.deploy(initial_instance_count=1, instance_type=instance_type)
    `,
    watch: hosting,
    expected: ['SML301 model.deploy', 'SML304 instance_type=instance_type'],
  },
  {
    name: 'script: if/else between a GPU and a CPU type: not every value fires SML301; every value fires SML304 (Inferentia for one, Graviton for the other)',
    code: dedent`
      from sagemaker.pytorch import PyTorchModel
      if use_gpu:
          model = PyTorchModel(entry_point="serve.py", model_data=artifact, role=role, framework_version="2.1", py_version="py310")
          instance_type = "ml.g4dn.xlarge"
      else:
          model = PyTorchModel(entry_point="serve_cpu.py", model_data=artifact, role=role, framework_version="2.1", py_version="py310")
          instance_type = "ml.m5.xlarge"
      predictor = model.deploy(initial_instance_count=1, instance_type=instance_type)
    `,
    watch: hosting,
    expected: ['SML304 instance_type=instance_type'],
  },
  {
    name: 'script: try/except re-attaches a finished job or trains one; either way the same estimator class is deployed',
    code: dedent`
      from botocore.exceptions import ClientError
      from sagemaker.pytorch import PyTorch
      try:
          estimator = PyTorch.attach(previous_job)
      except ClientError:
          estimator = PyTorch(entry_point="train.py", role=role, instance_type="ml.c5.xlarge", instance_count=1, framework_version="2.1", py_version="py310")
          estimator.fit(inputs)
      predictor = estimator.deploy(initial_instance_count=1, instance_type="ml.c5.large")
    `,
    watch: hosting,
    expected: ['SML301 estimator.deploy', 'SML304 instance_type="ml.c5.large"'],
  },
  {
    name: 'script: a branch of the if excludes the other; the one before the if still reaches the else',
    code: dedent`
      from sagemaker.model import Model
      instance_type = "ml.c5.xlarge"
      if big:
          instance_type = "ml.g5.12xlarge"
          model = Model(image_uri=image, model_data=artifact, role=role)
          model.deploy(initial_instance_count=1, instance_type=instance_type)
      else:
          model = Model(image_uri=image, model_data=artifact, role=role)
          model.deploy(initial_instance_count=1, instance_type=instance_type)
    `,
    watch: ['SML301', 'SML304'],
    expected: ['SML304 instance_type=instance_type', 'SML301 model.deploy', 'SML304 instance_type=instance_type'],
  },
  {
    name: 'script: the training type reassigned in a loop comes round to the top of the loop: a set',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      instance_type = "ml.p3.2xlarge"
      for size in sizes:
          est = PyTorch(entry_point="train.py", role=role, instance_type=instance_type, instance_count=1, framework_version="2.1", py_version="py310")
          est.fit(inputs)
          instance_type = "ml.c5.xlarge"
    `,
    watch: ['SML207'],
    expected: [],
  },
  {
    name: 'script: the training type from the last of two assignments (GPU): SML207 fires on it',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      instance_type = "ml.c5.xlarge"
      instance_type = "ml.p3.2xlarge"
      est = PyTorch(entry_point="train.py", role=role, instance_type=instance_type, instance_count=1, framework_version="2.1", py_version="py310")
    `,
    watch: ['SML203', 'SML207'],
    expected: ['SML203 PyTorch', 'SML207 instance_type=instance_type'],
  },
]);

/** A model package's container read in `try`; `handler` is the `except` clause's body (indented), `orElse` the `else` clause's. */
const tryElse = (handler: string, orElse: string) =>
  [
    'from sagemaker.model import Model',
    'try:',
    '    package = sm.describe_model_package(ModelPackageName=package_arn)',
    '    model = package["InferenceSpecification"]["Containers"][0]',
    'except sm.exceptions.ClientError:',
    handler,
    'else:',
    orElse,
    'predictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")',
    '',
  ].join('\n');
const wrapContainer = '    model = Model(image_uri=model["Image"], model_data=model["ModelDataUrl"], role=role)';
const fallbackModel = '    model = Model(image_uri=fallback_image, model_data=fallback_artifact, role=role)';

run('a name bound in a try statement and again in its else', [
  {
    name: 'script: bound in try (a container dict) and again in else (a Model); the handler re-raises: only the else value reaches the deploy',
    code: tryElse('    raise', wrapContainer),
    watch: hosting,
    expected: ['SML301 model.deploy', 'SML304 instance_type="ml.m5.xlarge"'],
  },
  {
    name: 'notebook: the handler binds a fallback Model, the else wraps the container: the deploy is of either Model, never of the dict',
    code: ['import boto3\nsm = boto3.client("sagemaker")\n', tryElse('    print("package gone, using the fallback")\n' + fallbackModel, wrapContainer), 'predictor.predict(sample)\n'],
    watch: hosting,
    expected: ['SML301 model.deploy', 'SML307 model.deploy', 'SML304 instance_type=\\"ml.m5.xlarge\\"'],
  },
  {
    name: 'script: a handler that falls through without binding the name: the try value may reach the deploy, silent',
    code: tryElse('    print("package gone")', wrapContainer),
    watch: hosting,
    expected: [],
  },
  {
    name: 'script: a handler that binds the name only under an if: the try value may reach the deploy, silent',
    code: tryElse('    if use_fallback:\n' + fallbackModel.replace('    model', '        model'), wrapContainer),
    watch: hosting,
    expected: [],
  },
  {
    name: 'script: the else binds the name only under an if: the try value may reach the deploy, silent',
    code: tryElse('    raise', '    if wrap:\n' + wrapContainer.replace('    model', '        model')),
    watch: hosting,
    expected: [],
  },
]);

run('a **kwargs dict changed by key', [
  {
    name: 'notebook: dict(...) splatted into two estimators, max_run changed between them',
    code: [
      'from sagemaker.tensorflow import TensorFlow\nestimator_args = dict(entry_point="vit.py", role=role, instance_type="ml.p3.2xlarge", instance_count=1, framework_version="2.11", py_version="py39", max_run=60 * 20)\n',
      'baseline = TensorFlow(hyperparameters={"epochs": 5}, **estimator_args)\n',
      'estimator_args["max_run"] = 60 * 60\n',
      'longer = TensorFlow(hyperparameters={"epochs": 20}, **estimator_args)\n',
    ],
    watch: ['SML203', 'SML207'],
    // Both estimators train on the GPU type the dict names: one finding on the dict's entry (its fix changes both), one SML203 per estimator.
    expected: ['SML207 instance_type=\\"ml.p3.2xlarge\\"', 'SML203 TensorFlow', 'SML203 TensorFlow'],
  },
  {
    name: 'script: update({...}) turns spot on for the whole dict: spot without max_wait and checkpoints',
    code: dedent`
      from sagemaker.estimator import Estimator
      kwargs = {"image_uri": image, "role": role, "instance_count": 1, "instance_type": "ml.g5.2xlarge", "output_path": output}
      kwargs.update({"use_spot_instances": True})
      est = Estimator(**kwargs)
    `,
    watch: training,
    expected: ['SML204 "use_spot_instances": True', 'SML205 "use_spot_instances": True', 'SML208 Estimator'],
  },
  {
    name: 'script: keys added under an if: spot in one path only, nothing fires on spot',
    code: dedent`
      from sagemaker.estimator import Estimator
      kwargs = {"image_uri": image, "role": role, "instance_count": 1, "instance_type": "ml.m5.xlarge", "output_path": output}
      if use_spot:
          kwargs["use_spot_instances"] = True
          kwargs["max_run"] = 3600
      est = Estimator(**kwargs)
    `,
    watch: ['SML203', 'SML204', 'SML205'],
    expected: [],
  },
  {
    name: 'script: a key deleted with del and with pop',
    code: dedent`
      from sagemaker.estimator import Estimator
      kwargs = {"image_uri": image, "role": role, "instance_count": 1, "instance_type": "ml.m5.xlarge", "use_spot_instances": True, "max_wait": 7200, "checkpoint_s3_uri": ckpt}
      del kwargs["use_spot_instances"]
      kwargs.pop("max_wait")
      est = Estimator(**kwargs)
    `,
    watch: ['SML203', 'SML204', 'SML205'],
    expected: ['SML203 Estimator'],
  },
]);

run('a **kwargs dict written by a loop over a literal list of keys', [
  {
    name: 'script: for key in ["max_run", "max_wait"]: kwargs[key] = ... writes those keys only: spot without checkpoints is still judged, max_wait is known to be set',
    code: dedent`
      from sagemaker.estimator import Estimator
      kwargs = {"image_uri": image, "role": role, "instance_count": 1, "instance_type": "ml.g5.2xlarge", "use_spot_instances": True}
      for key in ["max_run", "max_wait"]:
          kwargs[key] = 24 * 3600
      est = Estimator(**kwargs)
    `,
    watch: ['SML203', 'SML204', 'SML205', 'SML207'],
    expected: ['SML204 "use_spot_instances": True'],
  },
  {
    name: 'notebook: spot turned on in a later cell by a loop over a tuple of keys: the estimator after it is a spot job without checkpoints',
    code: [
      'from sagemaker.pytorch import PyTorch\nargs = dict(entry_point="train.py", role=role, instance_type="ml.p3.2xlarge", instance_count=1, framework_version="2.1", py_version="py310")\n',
      'for k in ("use_spot_instances", "enable_network_isolation"):\n    args[k] = True\n',
      'est = PyTorch(**args)\n',
    ],
    watch: ['SML203', 'SML204', 'SML207'],
    expected: ['SML207 instance_type=\\"ml.p3.2xlarge\\"', 'SML204 args[k] = True'],
  },
  {
    name: 'script: a loop that may leave an iteration early (continue) may not write each key: spot is not known to be on, the GPU type is still judged',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      kwargs = {"entry_point": "train.py", "role": role, "instance_count": 1, "instance_type": "ml.g5.2xlarge", "framework_version": "2.1", "py_version": "py310"}
      for key in ["use_spot_instances", "enable_network_isolation"]:
          if key in skipped:
              continue
          kwargs[key] = True
      est = PyTorch(**kwargs)
    `,
    watch: ['SML203', 'SML204', 'SML207'],
    expected: ['SML207 "instance_type": "ml.g5.2xlarge"'],
  },
  {
    name: 'script: a value read through the loop variable (limits[key]): those keys unknown, the rest of the dict judged',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      kwargs = {"entry_point": "train.py", "role": role, "instance_count": 1, "instance_type": "ml.g5.2xlarge", "framework_version": "2.1", "py_version": "py310"}
      for key in ["use_spot_instances", "max_run"]:
          kwargs[key] = limits[key]
      est = PyTorch(**kwargs)
    `,
    watch: ['SML203', 'SML204', 'SML207'],
    expected: ['SML207 "instance_type": "ml.g5.2xlarge"'],
  },
  {
    name: 'script: keys from a variable (for key in keys) still hide the whole dict',
    code: dedent`
      from sagemaker.estimator import Estimator
      other = {"image_uri": image, "role": role, "instance_count": 1, "instance_type": "ml.g5.2xlarge"}
      for key in keys:
          other[key] = 3600
      Estimator(**other)
    `,
    watch: ['SML203', 'SML207', 'SML208'],
    expected: [],
  },
]);

run('a **kwargs bound to a different dict on each path', [
  {
    name: 'notebook: FSx settings in one branch, an empty dict in the other: nothing turns spot on, so the training rules judge the estimator',
    code: [
      'from sagemaker.pytorch import PyTorch\nuse_fsx = False\n',
      'if use_fsx:\n    kwargs = {"subnets": subnets, "security_group_ids": security_groups}\nelse:\n    kwargs = {}\n',
      'smp_estimator = PyTorch(entry_point="train.py", role=role, instance_type="ml.p4d.24xlarge", instance_count=2, framework_version="2.2", py_version="py310", **kwargs)\n',
    ],
    watch: training,
    expected: ['SML203 PyTorch', 'SML208 PyTorch', 'SML206 instance_type=\\"ml.p4d.24xlarge\\"', 'SML207 instance_type=\\"ml.p4d.24xlarge\\"', 'SML206 instance_count=2'],
  },
  {
    name: 'script: the same estimator with its keys added under the if gives the same findings',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      kwargs = {}
      if use_fsx:
          kwargs["subnets"] = subnets
          kwargs["security_group_ids"] = security_groups
      smp_estimator = PyTorch(entry_point="train.py", role=role, instance_type="ml.p4d.24xlarge", instance_count=2, framework_version="2.2", py_version="py310", **kwargs)
    `,
    watch: training,
    expected: ['SML203 PyTorch', 'SML208 PyTorch', 'SML206 instance_type="ml.p4d.24xlarge"', 'SML207 instance_type="ml.p4d.24xlarge"', 'SML206 instance_count=2'],
  },
  {
    name: 'script: spot turned on in one branch only: the spot rules stay silent, the type is still judged',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      if budget_run:
          kwargs = {"use_spot_instances": True, "max_wait": 7200, "checkpoint_s3_uri": ckpt}
      else:
          kwargs = {"max_run": 3600}
      est = PyTorch(entry_point="train.py", role=role, instance_type="ml.g5.2xlarge", instance_count=1, framework_version="2.2", py_version="py310", **kwargs)
    `,
    watch: ['SML203', 'SML204', 'SML205', 'SML207'],
    expected: ['SML207 instance_type="ml.g5.2xlarge"'],
  },
  {
    name: 'script: the same GPU type in both branches, written in the dicts: SML207 fires on the spread, whose value both agree on',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      kwargs = {"instance_type": "ml.p4d.24xlarge", "subnets": subnets} if in_vpc else {"instance_type": "ml.p4d.24xlarge"}
      est = PyTorch(entry_point="train.py", role=role, instance_count=1, framework_version="2.2", py_version="py310", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri=ckpt, **kwargs)
    `,
    watch: ['SML203', 'SML207'],
    expected: ['SML207 kwargs'],
  },
]);

run('a constant-key subscript of a dict the file shows', [
  {
    name: 'notebook: the instance type read as instance["type"] of a dict literal in an earlier cell (a multi-GPU type: SML302/304, not SML301)',
    code: [
      'from sagemaker.model import Model\ninstance = {"type": "ml.g6e.12xlarge", "num_gpu": 4}\n',
      'model = Model(image_uri=image, model_data=data, role=role)\npredictor = model.deploy(initial_instance_count=1, instance_type=instance["type"], container_startup_health_check_timeout=900)\n',
    ],
    watch: hosting,
    expected: ['SML307 model.deploy', 'SML302 instance_type=instance[\\"type\\"]', 'SML304 instance_type=instance[\\"type\\"]'],
  },
  {
    name: 'script: a test-case dict, its entry bound to a constant, the constant deployed',
    code: dedent`
      from sagemaker.model import Model
      TESTCASE = {"name": "nova-lite", "instance": "ml.g5.12xlarge", "tp": 1}
      INSTANCE_TYPE = TESTCASE["instance"]
      Model(image_uri=image, model_data=data, role=role).deploy(initial_instance_count=1, instance_type=INSTANCE_TYPE)
    `,
    watch: hosting,
    expected: ['SML302 instance_type=INSTANCE_TYPE', 'SML304 instance_type=INSTANCE_TYPE'],
  },
  {
    name: 'script: the key changed after the dict was made is read with its change; a CPU type makes SML301 fire',
    code: dedent`
      from sagemaker.model import Model
      cfg = {"instance_type": "ml.g5.xlarge", "count": 1}
      cfg["instance_type"] = "ml.m5.large"
      Model(image_uri=image, model_data=data, role=role).deploy(initial_instance_count=cfg["count"], instance_type=cfg["instance_type"])
    `,
    watch: ['SML301', 'SML304'],
    expected: ['SML301 Model(image_uri=image, model_data=data, role=role).deploy', 'SML304 instance_type=cfg["instance_type"]'],
  },
  {
    name: 'script: a dict that may hide the key (a **spread the file does not show), or a key it does not hold: unknown, no type-based finding',
    code: dedent`
      from sagemaker.model import Model
      cfg = {**defaults, "count": 1}
      other = {"type": "ml.g5.12xlarge"}
      Model(image_uri=image, model_data=data, role=role).deploy(initial_instance_count=1, instance_type=cfg["instance_type"])
      Model(image_uri=image, model_data=data, role=role).deploy(initial_instance_count=1, instance_type=other["kind"])
    `,
    watch: ['SML302', 'SML304'],
    expected: [],
  },
]);

run('X.attach(job) with no import of X in the file', [
  {
    name: 'script: TensorFlow.attach(job) with its import elsewhere, deployed on ml.t2.medium: an endpoint, and no new training job',
    code: dedent`
      training_job_name = "your-training-job-name"
      estimator = TensorFlow.attach(training_job_name)
      predictor = estimator.deploy(initial_instance_count=1, instance_type="ml.t2.medium")
    `,
    watch: [...hosting, ...training],
    expected: ['SML301 estimator.deploy', 'SML304 instance_type="ml.t2.medium"'],
  },
  {
    name: 'notebook: HyperparameterTuner.attach(name) in a notebook whose imports are in a %run file; the best job deployed',
    code: ['%run ./setup.py\n', 'tuner = HyperparameterTuner.attach("xgb-tuning-0412")\npredictor = tuner.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n'],
    watch: [...hosting, ...training],
    expected: ['SML301 tuner.deploy', 'SML307 tuner.deploy', 'SML304 instance_type=\\"ml.m5.xlarge\\"'],
  },
  {
    name: 'script: a class of that name the file binds, or an unknown class name, is not the SDK\'s',
    code: dedent`
      from mylib import TensorFlow
      a = TensorFlow.attach("job-a")
      a.deploy(initial_instance_count=1, instance_type="ml.m5.large")
      b = MyEstimator.attach("job-b")
      b.deploy(initial_instance_count=1, instance_type="ml.m5.large")
    `,
    watch: [...hosting, ...training],
    expected: [],
  },
]);

run('one SDK class through two import paths', [
  {
    name: 'script: SKLearn imported from the package or its estimator module, in a try/except',
    code: dedent`
      try:
          from sagemaker.sklearn import SKLearn
      except ImportError:
          from sagemaker.sklearn.estimator import SKLearn
      est = SKLearn(entry_point="fit.py", role=role, instance_type="ml.m5.xlarge", instance_count=1, framework_version="1.2-1")
      est.fit(inputs)
      est.deploy(initial_instance_count=1, instance_type="ml.m5.large")
    `,
    watch: [...hosting, 'SML203'],
    expected: ['SML203 SKLearn', 'SML301 est.deploy', 'SML304 instance_type="ml.m5.large"'],
  },
  {
    name: 'notebook: ModelBuilder from sagemaker.serve in one cell and from its builder module in another, in if/else',
    code: [
      'if legacy_sdk:\n    from sagemaker.serve.builder.model_builder import ModelBuilder\nelse:\n    from sagemaker.serve import ModelBuilder\n',
      'builder = ModelBuilder(model=model_id, role_arn=role, instance_type="ml.g5.2xlarge")\nendpoint = builder.build().deploy(endpoint_name="llm", initial_instance_count=1)\n',
      'endpoint.delete_endpoint()\n',
    ],
    watch: hosting,
    expected: ['SML304 instance_type=\\"ml.g5.2xlarge\\"'],
  },
]);

run('helpers: deploy() and fit() on a parameter, called in the same file', [
  {
    name: 'notebook: a deploy helper with a default type, called with a variable',
    code: [
      'from sagemaker.xgboost import XGBoost\nxgb = XGBoost(entry_point="forecast.py", role=role, instance_type="ml.m5.xlarge", instance_count=1, framework_version="1.7-1", use_spot_instances=True, max_wait=7200, max_run=3600, checkpoint_s3_uri=ckpt)\nxgb.fit(inputs)\n',
      'def deploy_model(xgb_estimator, instance_type="ml.m5.xlarge"):\n    return xgb_estimator.deploy(initial_instance_count=1, instance_type=instance_type)\n',
      'deploy_type = "ml.m5.xlarge"\npredictor = deploy_model(xgb, deploy_type)\n',
      'predictor.delete_endpoint()\n',
    ],
    watch: hosting,
    expected: ['SML301 xgb_estimator.deploy', 'SML304 instance_type=instance_type'],
  },
  {
    name: 'script: a helper called twice with two CPU types: SML301 fires (every value), and SML304 on every value',
    code: dedent`
      from sagemaker.amazon.knn import KNN
      def predictor_from_estimator(est, instance_type, endpoint_name=None):
          return est.deploy(initial_instance_count=1, instance_type=instance_type, endpoint_name=endpoint_name)
      knn = KNN(role=role, instance_count=1, instance_type="ml.m5.2xlarge", k=10, sample_size=200, predictor_type="classifier")
      small = predictor_from_estimator(knn, "ml.m4.xlarge", endpoint_name="knn-small")
      large = predictor_from_estimator(knn, "ml.c5.2xlarge", endpoint_name="knn-large")
    `,
    watch: hosting,
    expected: ['SML301 est.deploy', 'SML304 instance_type=instance_type'],
  },
  {
    name: 'script: an estimator built in a helper from its parameter: SML207 on the GPU type the call passes',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      def make_estimator(instance_type, job_name):
          return PyTorch(entry_point="train.py", role=role, base_job_name=job_name, instance_type=instance_type, instance_count=1, framework_version="2.1", py_version="py310", use_spot_instances=True, max_wait=7200, max_run=3600, checkpoint_s3_uri=ckpt)
      make_estimator("ml.p3.2xlarge", "resnet")
    `,
    watch: training,
    expected: ['SML208 PyTorch', 'SML207 instance_type=instance_type'],
  },
  {
    name: 'notebook: a factory helper returns the estimator; its model is deployed and deleted',
    code: [
      'from sagemaker.pytorch import PyTorch as PyTorchEstimator\n',
      'def get_estimator(job_name, overrides=None):\n    return PyTorchEstimator(entry_point="mnist.py", role=role, base_job_name=job_name, instance_type="ml.c5.xlarge", instance_count=1, framework_version="2.1", py_version="py310", use_spot_instances=True, max_wait=7200, max_run=3600, checkpoint_s3_uri=ckpt)\n',
      'est_a = get_estimator("mnist-a")\nest_a.fit({"training": inputs})\nmodel_a = est_a.create_model(role=role, source_dir="code", entry_point="inference.py")\npred_a = model_a.deploy(initial_instance_count=1, instance_type="ml.c5.xlarge")\n',
      'pred_a.delete_endpoint(delete_endpoint_config=True)\n',
    ],
    watch: hosting,
    expected: ['SML301 model_a.deploy', 'SML304 instance_type=\\"ml.c5.xlarge\\"'],
  },
  {
    name: 'script: a helper nobody calls, or called with *args: its parameters stay unknown',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      def make_estimator(instance_type):
          return PyTorch(entry_point="train.py", role=role, instance_type=instance_type, instance_count=1, framework_version="2.1", py_version="py310", use_spot_instances=True, max_wait=7200, max_run=3600, checkpoint_s3_uri=ckpt)
      def other(instance_type):
          return PyTorch(entry_point="train.py", role=role, instance_type=instance_type, instance_count=1, framework_version="2.1", py_version="py310", use_spot_instances=True, max_wait=7200, max_run=3600, checkpoint_s3_uri=ckpt)
      other(*types)
    `,
    watch: ['SML207'],
    expected: [],
  },
]);

run('a method called on a choice of objects: (a if c else b).deploy(...), (a or b).deploy(...)', [
  {
    name: 'notebook: the tuner or the estimator deployed by a flag, never deleted: every side a deploy, SML301/304/307 fire',
    code: [
      'from sagemaker.estimator import Estimator\nfrom sagemaker.tuner import HyperparameterTuner, IntegerParameter\nuse_amt = True\n',
      'tabular_estimator = Estimator(role=role, image_uri=train_image_uri, source_dir=train_source_uri, entry_point="transfer_learning.py", instance_count=1, instance_type="ml.m5.xlarge", max_run=3600, output_path=s3_output_location)\nif use_amt:\n    tuner = HyperparameterTuner(tabular_estimator, "multi_logloss", {"num_leaves": IntegerParameter(10, 100)}, max_jobs=10, max_parallel_jobs=2)\n    tuner.fit({"training": training_path}, logs=True)\nelse:\n    tabular_estimator.fit({"training": training_path}, logs=True)\n',
      'predictor = (tuner if use_amt else tabular_estimator).deploy(\n    initial_instance_count=1,\n    instance_type="ml.m5.large",\n    entry_point="inference.py",\n    image_uri=deploy_image_uri,\n    source_dir=deploy_source_uri,\n)\n',
      'predictor.predict(payload)\n',
    ],
    watch: hosting,
    expected: ['SML301 (tuner if use_amt else tabular_estimator).deploy', 'SML307 (tuner if use_amt else tabular_estimator).deploy', 'SML304 instance_type=\\"ml.m5.large\\"'],
  },
  {
    name: 'notebook: the same deploy, its predictor deleted in a later cell: SML307 stays silent',
    code: [
      'from sagemaker.estimator import Estimator\nfrom sagemaker.tuner import HyperparameterTuner, IntegerParameter\nuse_amt = False\n',
      'ic_estimator = Estimator(role=role, image_uri=train_image_uri, instance_count=1, instance_type="ml.p3.2xlarge", max_run=3600, output_path=s3_output_location)\nhp_tuner = HyperparameterTuner(ic_estimator, "val_accuracy", {"learning_rate": IntegerParameter(1, 10)}, max_jobs=4, max_parallel_jobs=2)\n',
      'finetuned_predictor = (hp_tuner if use_amt else ic_estimator).deploy(initial_instance_count=1, instance_type="ml.c5.xlarge", entry_point="inference.py", image_uri=deploy_image_uri)\n',
      'finetuned_predictor.delete_model()\nfinetuned_predictor.delete_endpoint()\n',
    ],
    watch: hosting,
    expected: ['SML301 (hp_tuner if use_amt else ic_estimator).deploy', 'SML304 instance_type=\\"ml.c5.xlarge\\"'],
  },
  {
    name: 'script: (tuner or estimator).deploy(...) on a GPU type: SML301 silent, SML302 on the one value',
    code: dedent`
      from sagemaker.pytorch import PyTorch
      from sagemaker.tuner import HyperparameterTuner
      estimator = PyTorch(entry_point="train.py", role=role, instance_type="ml.g5.xlarge", instance_count=1, framework_version="2.1", py_version="py310")
      tuner = HyperparameterTuner(estimator, "val_loss", ranges, max_jobs=4, max_parallel_jobs=2)
      predictor = (tuner or estimator).deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge")
    `,
    watch: hosting,
    expected: ['SML302 instance_type="ml.g5.12xlarge"', 'SML304 instance_type="ml.g5.12xlarge"'],
  },
  {
    name: 'script: one side the file does not show (a helper of another module): the deploy stays unresolved',
    code: dedent`
      from sagemaker.tuner import HyperparameterTuner
      from helpers import build_estimator
      tuner = HyperparameterTuner(build_estimator(), "val_loss", ranges, max_jobs=4, max_parallel_jobs=2)
      predictor = (tuner if use_amt else estimator).deploy(initial_instance_count=1, instance_type="ml.c5.xlarge")
    `,
    watch: hosting,
    expected: [],
  },
]);

run('cfg.get("key", default) through a name', [
  {
    name: 'script: a helper reads the type from a config dict it is passed, with a GPU default: SML301 silent (the only value shown is GPU)',
    code: dedent`
      import boto3
      import yaml
      def ensure_endpoint(client, defaults):
          instance_type = defaults.get("endpoint_instance_type", "ml.p5e.48xlarge")
          variant = {"VariantName": "default", "InstanceType": instance_type, "InitialInstanceCount": 1, "ManagedInstanceScaling": {"Status": "ENABLED", "MinInstanceCount": 1, "MaxInstanceCount": 1}}
          client.create_endpoint_config(EndpointConfigName="bench-config", ExecutionRoleArn=role, ProductionVariants=[variant])
          client.create_endpoint(EndpointName="bench", EndpointConfigName="bench-config")
      config = yaml.safe_load(open("config.yaml"))
      ensure_endpoint(boto3.client("sagemaker"), config.get("sagemaker_defaults", {}))
    `,
    watch: ['SML301', 'SML302', 'SML304'],
    expected: [],
  },
  {
    name: 'script: the same read with a CPU default: SML301 fires (every value it may take may be a CPU one), SML304 needs the one value',
    code: dedent`
      import json
      from sagemaker.model import Model
      with open("deploy_config.json") as f:
          cfg = json.load(f)
      model = Model(image_uri=image, model_data=artifact, role=role)
      model.deploy(initial_instance_count=1, instance_type=cfg.get("instance_type", "ml.m5.xlarge"))
    `,
    watch: hosting,
    expected: ['SML301 model.deploy'],
  },
  {
    name: 'notebook: a dict the notebook shows: its entry, or the default when it has no such key; SML304 on the value',
    code: [
      'from sagemaker.huggingface import HuggingFaceModel\ndeploy_config = {"instance_type": "ml.c5.2xlarge", "initial_instance_count": 1}\nserve_config = {"initial_instance_count": 1}\n',
      'hub_model = HuggingFaceModel(env=hub_env, role=role, transformers_version="4.37", pytorch_version="2.1", py_version="py310")\npredictor = hub_model.deploy(initial_instance_count=deploy_config.get("initial_instance_count", 1), instance_type=deploy_config.get("instance_type", "ml.g5.xlarge"))\n',
      'second = hub_model.deploy(initial_instance_count=1, instance_type=serve_config.get("instance_type", "ml.m5.large"))\n',
      'predictor.delete_endpoint()\nsecond.delete_endpoint()\n',
    ],
    watch: hosting,
    expected: [
      'SML301 hub_model.deploy',
      'SML304 instance_type=deploy_config.get(\\"instance_type\\", \\"ml.g5.xlarge\\")',
      'SML301 hub_model.deploy',
      'SML304 instance_type=serve_config.get(\\"instance_type\\", \\"ml.m5.large\\")',
    ],
  },
  {
    name: 'notebook: os.environ.get with a GPU default: the environment may say otherwise, SML301 silent, SML302/304 need the value',
    code: [
      'import os\nfrom sagemaker.huggingface import HuggingFaceModel\nINFER_INSTANCE_TYPE = os.environ.get("INFER_INSTANCE_TYPE", "ml.g5.2xlarge")\n',
      'model = HuggingFaceModel(env=hub_env, role=role, transformers_version="4.37", pytorch_version="2.1", py_version="py310")\npredictor = model.deploy(initial_instance_count=1, instance_type=INFER_INSTANCE_TYPE)\n',
      'predictor.delete_endpoint()\n',
    ],
    watch: hosting,
    expected: [],
  },
  {
    name: 'script: requests.get(url, params) and a v3 Endpoint.get(name) are no mapping reads: their calls stay calls',
    code: dedent`
      import requests
      from sagemaker.core.resources import Endpoint
      from sagemaker.model import Model
      resp = requests.get("https://example.com/config", "ml.m5.large")
      Model(image_uri=image, model_data=artifact, role=role).deploy(initial_instance_count=1, instance_type=resp)
      Endpoint.get("my-endpoint").delete()
    `,
    watch: hosting,
    expected: ['SML301 Model(image_uri=image, model_data=artifact, role=role).deploy'],
  },
]);

run('a list index, a loop variable and a loop-key subscript', [
  {
    name: 'notebook: the first of a list of supported types, deployed and deleted through the session: SML304 on that type',
    code: [
      'from sagemaker import ModelPackage\nsupported_realtime_inference_instance_types = ["ml.m4.xlarge"]\nsupported_batch_transform_instance_types = ["ml.m4.xlarge"]\n',
      'model = ModelPackage(role=role, model_package_arn=model_package_arn, sagemaker_session=session)\n',
      'model.deploy(\n    initial_instance_count=1,\n    instance_type=supported_realtime_inference_instance_types[0],\n    endpoint_name=model_name,\n)\n',
      'model.sagemaker_session.delete_endpoint(model.endpoint_name)\n',
    ],
    watch: hosting,
    expected: ['SML301 model.deploy', 'SML304 instance_type=supported_realtime_inference_instance_types[0]'],
  },
  {
    name: 'notebook: the first of a priority list of GPU fallbacks: SML301 silent',
    code: [
      'from sagemaker.model import Model\nINSTANCE_TYPE_FALLBACKS = [\n    "ml.g5.2xlarge",\n    "ml.g6.2xlarge",\n    "ml.g6e.2xlarge",\n    "ml.g4dn.2xlarge",\n]\n',
      'model = Model(image_uri=image, model_data=artifact, role=role)\npredictor = model.deploy(initial_instance_count=1, instance_type=INSTANCE_TYPE_FALLBACKS[0])\n',
      'predictor.delete_endpoint()\n',
    ],
    watch: ['SML301'],
    expected: [],
  },
  {
    name: 'notebook: a type looked up by a loop variable over the keys of a model-config dict: SML301 silent on the GPU type, SML304 on it',
    code: [
      'from sagemaker.model import Model\n_MODEL_CONFIG_ = {\n    "huggingface-text2text-flan-t5-xxl": {\n        "instance type": "ml.g5.12xlarge",\n        "env": {"SAGEMAKER_MODEL_SERVER_WORKERS": "1", "TS_DEFAULT_WORKERS_PER_MODEL": "1"},\n    },\n}\n',
      'for model_id in _MODEL_CONFIG_:\n    inference_instance_type = _MODEL_CONFIG_[model_id]["instance type"]\n    model = Model(image_uri=deploy_image_uri, model_data=model_uri, role=role, env=_MODEL_CONFIG_[model_id]["env"])\n    model_predictor = model.deploy(initial_instance_count=1, instance_type=inference_instance_type)\n    model_predictor.delete_endpoint()\n',
    ],
    watch: ['SML301', 'SML304'],
    expected: ['SML304 instance_type=inference_instance_type'],
  },
  {
    name: 'script: a loop over CPU types deploying each: every value a CPU type, SML301 fires, and SML304 on every value',
    code: dedent`
      from sagemaker.model import Model
      model = Model(image_uri=image, model_data=artifact, role=role)
      for instance_type in ["ml.c5.xlarge", "ml.m5.xlarge"]:
          predictor = model.deploy(initial_instance_count=1, instance_type=instance_type)
          benchmark(predictor)
          predictor.delete_endpoint()
    `,
    watch: ['SML301', 'SML302', 'SML304'],
    expected: ['SML301 model.deploy', 'SML304 instance_type=instance_type'],
  },
  {
    name: 'script: a capacity fallback loop over GPU types, with one CPU type last: SML301 stays silent, SML302 too (one value is no oversized type); SML304 fires on every value',
    code: dedent`
      from sagemaker.model import Model
      model = Model(image_uri=image, model_data=artifact, role=role)
      for instance in ["ml.p3.2xlarge", "ml.g4dn.xlarge", "ml.m5.4xlarge"]:
          try:
              predictor = model.deploy(initial_instance_count=1, instance_type=instance)
              break
          except Exception as e:
              print(f"{instance} not available: {e}")
    `,
    watch: ['SML301', 'SML302', 'SML304'],
    expected: ['SML304 instance_type=instance'],
  },
]);
