// The stress tier: adversarial inputs of a chosen size, one generator per case, for every
// format the engine lints. Each probes a shape that makes a naive per-file path grow faster
// than the file (unbalanced brackets, deep nesting, one finding per import, huge maps, long
// lines, many cells). Pure functions of the size, no randomness and no I/O:
// scripts/bench-stress.mjs times them (ms per KB at two sizes) and test/stress/ checks that
// the growth is linear.
//
// `make(bytes)` returns a text of about that many bytes (UTF-16 code units; ASCII only).

/** Repeats `unit(i)` until the text reaches `bytes`, between a head and a tail. */
function fill(bytes, head, unit, tail = '') {
  const parts = [head];
  let length = head.length + tail.length;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  parts.push(tail);
  return parts.join('');
}

const pyHead = 'import sagemaker\nfrom sagemaker.pytorch import PyTorch\n\nrole = sagemaker.get_execution_role()\n';
const estimator = (i) => `estimator_${i} = PyTorch(entry_point="train.py", role=role, instance_type="ml.p3.2xlarge", instance_count=1, framework_version="2.1", py_version="py310")\nestimator_${i}.fit("s3://bucket/train")\n`;

/** A notebook of the given cells (each a string of lines), in nbformat 4 as Jupyter writes it. */
function notebook(cells) {
  const nb = {
    cells: cells.map((source, i) => ({ cell_type: 'code', execution_count: i + 1, id: `c${i}`, metadata: {}, outputs: [], source: source.split(/(?<=\n)/) })),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}
/** As many cells as it takes to reach `bytes`, each made by `cell(i)`. */
function notebookOf(bytes, cell) {
  const cells = [];
  // The JSON of a cell costs about its source's length plus 140 bytes of keys and escapes.
  for (let length = 200; length < bytes; length += 140) {
    const source = cell(cells.length);
    cells.push(source);
    length += source.length + source.split('\n').length * 4;
  }
  return notebook(cells);
}

const cfnYamlHead = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
const cfnYamlEndpoint = (i) => `  Config${i}:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: model-${i}\n          InstanceType: ml.p3.2xlarge\n          InitialInstanceCount: 1\n  Endpoint${i}:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Config${i}.EndpointConfigName\n  Logs${i}:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /aws/sagemaker/Endpoints/endpoint-${i}\n`;
const cfnJsonEndpoint = (i) => `${i ? ',' : ''}\n  "Config${i}": {"Type": "AWS::SageMaker::EndpointConfig", "Properties": {"ProductionVariants": [{"VariantName": "AllTraffic", "ModelName": "model-${i}", "InstanceType": "ml.p3.2xlarge", "InitialInstanceCount": 1}]}},\n  "Endpoint${i}": {"Type": "AWS::SageMaker::Endpoint", "Properties": {"EndpointConfigName": {"Fn::GetAtt": ["Config${i}", "EndpointConfigName"]}}},\n  "Logs${i}": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/aws/sagemaker/Endpoints/endpoint-${i}"}}`;

const tfEndpoint = (i) => `resource "aws_sagemaker_endpoint_configuration" "c${i}" {\n  name = "config-${i}"\n  production_variants {\n    variant_name           = "AllTraffic"\n    model_name             = "model-${i}"\n    initial_instance_count = 1\n    instance_type          = "ml.p3.2xlarge"\n  }\n}\n\nresource "aws_sagemaker_endpoint" "e${i}" {\n  name                 = "endpoint-${i}"\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c${i}.name\n}\n\nresource "aws_cloudwatch_log_group" "l${i}" {\n  name = "/aws/sagemaker/Endpoints/endpoint-${i}"\n}\n\n`;

const cdkTsHead = "import * as cdk from 'aws-cdk-lib';\nimport * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n\nconst app = new cdk.App();\nconst stack = new cdk.Stack(app, 'Ml');\n";
const cdkTsEndpoint = (i) => `const config${i} = new sagemaker.CfnEndpointConfig(stack, 'Config${i}', {\n  productionVariants: [{ variantName: 'AllTraffic', modelName: 'model-${i}', instanceType: 'ml.p3.2xlarge', initialInstanceCount: 1, initialVariantWeight: 1 }],\n});\nnew sagemaker.CfnEndpoint(stack, 'Endpoint${i}', { endpointConfigName: config${i}.attrEndpointConfigName });\nnew s3.Bucket(stack, 'Bucket${i}');\n`;
const cdkPyHead = 'import aws_cdk as cdk\nfrom aws_cdk import aws_sagemaker as sagemaker\nfrom aws_cdk import aws_s3 as s3\n\napp = cdk.App()\nstack = cdk.Stack(app, "Ml")\n';
const cdkPyEndpoint = (i) => `config_${i} = sagemaker.CfnEndpointConfig(stack, "Config${i}", production_variants=[sagemaker.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="model-${i}", instance_type="ml.p3.2xlarge", initial_instance_count=1, initial_variant_weight=1)])\nsagemaker.CfnEndpoint(stack, "Endpoint${i}", endpoint_config_name=config_${i}.attr_endpoint_config_name)\ns3.Bucket(stack, "Bucket${i}")\n`;

/**
 * The cases, by format. `file` is the name linted (its extension picks the format); `make(bytes)`
 * builds the input. A case that stands for a defect found once says so.
 */
export const stressCases = [
  // ---------------------------------------------------------------- Python
  { name: 'py-dense-calls', file: 'train.py', make: (bytes) => fill(bytes, pyHead, estimator) },
  // An unclosed bracket on every line: tree-sitter's error recovery re-tries every earlier
  // bracket at each one (found: a 100 KB file took 22 s).
  { name: 'py-unbalanced-open', file: 'train.py', make: (bytes) => fill(bytes, pyHead, (i) => `x_${i} = PyTorch(role=role, instance_type="ml.p3.2xlarge"\n`) },
  { name: 'py-unbalanced-close', file: 'train.py', make: (bytes) => fill(bytes, pyHead, (i) => `x_${i} = PyTorch(role=role, instance_type="ml.p3.2xlarge"))]\n`) },
  // Runs of opening brackets: an ERROR node with a child per bracket, which tree-sitter's query
  // cursor walks in quadratic time (found: a 100 KB file took 22 s).
  { name: 'py-unclosed-run', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}${estimator(0)}`, () => '([{\n') },
  { name: 'py-one-unclosed', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}hyperparameters = dict(\n`, estimator) },
  // 10,000 imports interleaved with calls whose fix adds an import (found: 636 KB took 19 s).
  { name: 'py-imports-interleaved', file: 'train.py', make: (bytes) => fill(bytes, pyHead, (i) => `import module_${i}\n${estimator(i)}predictor_${i} = estimator_${i}.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n`) },
  { name: 'py-deep-nesting', file: 'train.py', make: (bytes) => { const depth = Math.max(1, Math.floor((bytes - 200) / 4)); return `${pyHead}estimator = PyTorch(role=role, instance_type="ml.p3.2xlarge", hyperparameters=${'f('.repeat(depth)}1${')'.repeat(depth)})\n`; } },
  { name: 'py-deep-blocks', file: 'train.py', make: (bytes) => { const lines = []; let length = pyHead.length; for (let d = 0; length < bytes && d < 90; d++) { const line = `${' '.repeat(d)}if x_${d}:\n`; lines.push(line); length += line.length; } const pad = ' '.repeat(lines.length); return fill(bytes - length, pyHead + lines.join(''), (i) => `${pad}estimator_${i} = PyTorch(role=role, instance_type="ml.p3.2xlarge")\n`); } },
  { name: 'py-long-line', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}estimator = PyTorch(role=role, instance_type="ml.p3.2xlarge", hyperparameters={`, (i) => `"k${i}": ${i}, `, '})\n') },
  { name: 'py-many-keywords', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}estimator = PyTorch(role=role, instance_type="ml.p3.2xlarge", `, (i) => `k${i}=${i}, `, ')\n') },
  { name: 'py-huge-dict', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}params = {\n`, (i) => `    "key_${i}": "value",\n`, '}\nestimator = PyTorch(role=role, instance_type="ml.p3.2xlarge", hyperparameters=params)\n') },
  { name: 'py-long-string', file: 'train.py', make: (bytes) => `${pyHead}script = "${'x'.repeat(Math.max(0, bytes - 200))}"\n${estimator(0)}` },
  { name: 'py-lone-cr', file: 'train.py', make: (bytes) => fill(bytes, pyHead.replace(/\n/g, '\r'), (i) => estimator(i).replace(/\n/g, '\r')) },
  // One name bound again and again (straight on, in if/else, in try/except), each binding used: a use looks back a bounded number of bindings.
  { name: 'py-rebound-names', file: 'train.py', make: (bytes) => fill(bytes, pyHead, (i) => [`itype = "ml.p3.2xlarge"\n`, `if flag_${i}:\n    itype = "ml.g5.xlarge"\nelse:\n    itype = "ml.c5.xlarge"\n`, `try:\n    itype = pick(${i})\nexcept KeyError:\n    itype = "ml.m5.xlarge"\n`][i % 3] + `est = PyTorch(role=role, instance_type=itype)\nest.fit("s3://bucket/train")\npredictor = est.deploy(initial_instance_count=1, instance_type=itype)\n`) },
  // Thousands of bindings in one branch, thousands of uses in the other: every binding is excluded, each use's look-back still bounded.
  { name: 'py-excluded-branches', file: 'train.py', make: (bytes) => { const half = Math.floor((bytes - pyHead.length) / 2); return fill(half, `${pyHead}if c:\n`, () => '    x = "ml.m5.xlarge"\n', 'else:\n') + fill(half, '', (i) => `    e_${i} = PyTorch(role=role, instance_type=x)\n`); } },
  // A kwargs dict changed by key thousands of times, splatted after each change.
  { name: 'py-dict-changes', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}args = {"role": role, "instance_type": "ml.p3.2xlarge"}\n`, (i) => `args["k_${i}"] = ${i}\nestimator_${i} = PyTorch(**args)\n`) },
  // A helper called from thousands of places: its parameter is not followed past a bounded number of call sites.
  { name: 'py-helper-sites', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}def make(t):\n    return PyTorch(role=role, instance_type=t)\n`, (i) => `make("ml.p3.${i % 3 ? 2 : 8}xlarge")\n`) },
  // Branches nested 90 deep, a binding at each level, then uses at the bottom (below the deepest branch followed).
  { name: 'py-deep-branches', file: 'train.py', make: (bytes) => { const lines = []; let length = pyHead.length; for (let d = 0; length < bytes && d < 90; d++) { const line = `${' '.repeat(d)}itype = "ml.g5.${d}xlarge"\n${' '.repeat(d)}if x_${d}:\n`; lines.push(line); length += line.length; } const pad = ' '.repeat(lines.length); return fill(bytes - length, pyHead + lines.join(''), (i) => `${pad}itype = pick(${i})\n${pad}estimator_${i} = PyTorch(role=role, instance_type=itype)\n`); } },
  // A try statement with thousands of handlers that each end by leaving, its else binding the name read after it.
  { name: 'py-try-handlers', file: 'train.py', make: (bytes) => fill(bytes, `${pyHead}try:\n    x = load()\n`, (i) => `except E_${i}:\n    raise\n`, `else:\n    x = "ml.m5.xlarge"\n${Array.from({ length: 20 }, (_, i) => `estimator_${i} = PyTorch(role=role, instance_type=x)\n`).join('')}`) },
  // ---------------------------------------------------------------- notebooks
  { name: 'nb-10k-cells', file: 'explore.ipynb', make: (bytes) => notebookOf(bytes, (i) => (i === 0 ? pyHead : estimator(i))) },
  { name: 'nb-unbalanced', file: 'explore.ipynb', make: (bytes) => notebookOf(bytes, (i) => (i === 0 ? pyHead : `x_${i} = PyTorch(role=role, instance_type="ml.p3.2xlarge"\n`)) },
  { name: 'nb-unclosed-run', file: 'explore.ipynb', make: (bytes) => notebookOf(bytes, (i) => (i === 0 ? `${pyHead}${estimator(0)}` : '([{\n'.repeat(40))) },
  { name: 'nb-imports-interleaved', file: 'explore.ipynb', make: (bytes) => notebookOf(bytes, (i) => (i === 0 ? pyHead : `import module_${i}\n${estimator(i)}predictor_${i} = estimator_${i}.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n`)) },
  // The same estimator name rebound in every cell and deployed in the next.
  { name: 'nb-rebound-cells', file: 'explore.ipynb', make: (bytes) => notebookOf(bytes, (i) => (i === 0 ? pyHead : i % 2 ? `estimator = PyTorch(role=role, instance_type="ml.p3.2xlarge")\nestimator.fit("s3://bucket/${i}")\n` : `predictor = estimator.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n`)) },
  // One function that deploys and deletes endpoints again and again, never called: every delete placed, every deploy judged against them.
  { name: 'nb-function-deploys', file: 'explore.ipynb', make: (bytes) => notebook([fill(bytes - 300, `${pyHead}est = PyTorch(role=role, instance_type="ml.p3.2xlarge")\ndef run():\n`, (i) => `    predictor_${i} = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n    predictor_${i}.delete_endpoint()\n`)]) },
  // One deploy, then a cleanup function of thousands of deletes that nothing calls: the function holding each delete is found once.
  { name: 'nb-function-deletes', file: 'explore.ipynb', make: (bytes) => notebook([`${pyHead}est = PyTorch(role=role, instance_type="ml.p3.2xlarge")\npredictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n`, fill(bytes - 600, 'def cleanup():\n', (i) => `    predictor.delete_endpoint()  # ${i}\n`)]) },
  // One cell, its source a single string: every offset is mapped back through one literal.
  { name: 'nb-one-string-cell', file: 'explore.ipynb', make: (bytes) => { const nb = JSON.parse(notebook([fill(bytes - 300, pyHead, estimator)])); nb.cells[0].source = nb.cells[0].source.join(''); return JSON.stringify(nb, null, 1) + '\n'; } },
  // ---------------------------------------------------------------- CloudFormation YAML
  { name: 'cfn-yaml-resources', file: 'template.yaml', make: (bytes) => fill(bytes, cfnYamlHead, cfnYamlEndpoint) },
  // Thousands of models, each named by one endpoint config (by its literal name, then by !Ref): each variant finds its own.
  { name: 'cfn-yaml-models', file: 'template.yaml', make: (bytes) => fill(bytes, cfnYamlHead, (i) => `  Model${i}: {Type: AWS::SageMaker::Model, Properties: {ModelName: model-${i}}}\n  Config${i}: {Type: AWS::SageMaker::EndpointConfig, Properties: {ProductionVariants: [{ModelName: ${i % 2 ? `!Ref Model${i}` : `model-${i}`}, InstanceType: ml.g5.12xlarge, InitialInstanceCount: 1}]}}\n`) },
  { name: 'cfn-yaml-50k-keys', file: 'template.yaml', make: (bytes) => fill(bytes, `${cfnYamlHead}  Logs:\n    Type: AWS::Logs::LogGroup\n  Meta:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata:\n`, (i) => `      key${i}: value\n`) },
  { name: 'cfn-yaml-deep', file: 'template.yaml', make: (bytes) => { const depth = Math.max(1, Math.floor((bytes - 200) / 2)); return `${cfnYamlHead}  Deep:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`; } },
  { name: 'cfn-yaml-unclosed-run', file: 'template.yaml', make: (bytes) => fill(bytes, `${cfnYamlHead}  Meta:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata: `, () => '[{') },
  // Conditions: each log group's properties behind !If nested 20 deep (more branches than are read) and a retention behind three.
  { name: 'cfn-yaml-deep-if', file: 'template.yaml', make: (bytes) => fill(bytes, cfnYamlHead, (i) => `  Logs${i}:\n    Type: AWS::Logs::LogGroup\n    Properties: ${Array.from({ length: 20 }, (_, d) => `!If [C${d}, { LogGroupName: g${d} }, `).join('')}{ RetentionInDays: !If [A, 3653, !If [B, 1, !If [C, 7, 30]]] }${']'.repeat(20)}\n`) },
  // One template whose keys repeat: every resource and each of its keys written twice.
  { name: 'cfn-yaml-duplicate-keys', file: 'template.yaml', make: (bytes) => fill(bytes, cfnYamlHead, (i) => `  Logs${i % 1000}:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: a${i}\n      LogGroupName: b${i}\n`) },
  { name: 'cfn-yaml-long-line', file: 'template.yaml', make: (bytes) => fill(bytes, `${cfnYamlHead}  Meta:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata: {`, (i) => `k${i}: v, `, 'end: v}\n') },
  // ---------------------------------------------------------------- CloudFormation JSON
  { name: 'cfn-json-resources', file: 'template.json', make: (bytes) => fill(bytes, '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {', cfnJsonEndpoint, '\n}}\n') },
  { name: 'cfn-json-50k-keys', file: 'template.json', make: (bytes) => fill(bytes, '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Meta": {"Type": "AWS::CloudFormation::WaitConditionHandle", "Metadata": {"k": 0', (i) => `,\n "key${i}": ${i}`, '}}}}\n') },
  { name: 'cfn-json-unclosed-run', file: 'template.json', make: (bytes) => fill(bytes, '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Meta": {"Type": "AWS::CloudFormation::WaitConditionHandle", "Metadata": ', () => '[') },
  { name: 'cfn-json-deep', file: 'template.json', make: (bytes) => { const depth = Math.max(1, Math.floor((bytes - 200) / 2)); return `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Deep": {"Type": "AWS::CloudFormation::WaitConditionHandle", "Metadata": ${'['.repeat(depth)}1${']'.repeat(depth)}}}}\n`; } },
  // ---------------------------------------------------------------- Terraform
  { name: 'tf-resources', file: 'main.tf', make: (bytes) => fill(bytes, '', tfEndpoint) },
  { name: 'tf-unbalanced', file: 'main.tf', make: (bytes) => fill(bytes, '', (i) => `resource "aws_sagemaker_endpoint_configuration" "c${i}" {\n  production_variants {\n    instance_type = "ml.p3.2xlarge"\n`) },
  { name: 'tf-unclosed-run', file: 'main.tf', make: (bytes) => fill(bytes, 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  tags = ', () => '([{\n') },
  { name: 'tf-deep', file: 'main.tf', make: (bytes) => { const depth = Math.max(1, Math.floor((bytes - 200) / 2)); return `resource "aws_sagemaker_endpoint_configuration" "c" {\n  name = "config"\n  tags = ${'['.repeat(depth)}1${']'.repeat(depth)}\n}\n`; } },
  { name: 'tf-long-line', file: 'main.tf', make: (bytes) => fill(bytes, 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  name = "config"\n  tags = {', (i) => `k${i} = "v", `, '}\n}\n') },
  // ---------------------------------------------------------------- CDK
  { name: 'cdk-ts-constructs', file: 'stack.ts', make: (bytes) => fill(bytes, cdkTsHead, cdkTsEndpoint) },
  // Thousands of models, each named by one endpoint config's variant: each variant finds its own.
  { name: 'cdk-ts-models', file: 'stack.ts', make: (bytes) => fill(bytes, cdkTsHead, (i) => `new sagemaker.CfnModel(stack, 'M${i}', { modelName: 'm${i}' });\nnew sagemaker.CfnEndpointConfig(stack, 'C${i}', { productionVariants: [{ modelName: 'm${i}', instanceType: 'ml.g5.12xlarge' }] });\n`) },
  { name: 'cdk-ts-unbalanced', file: 'stack.ts', make: (bytes) => fill(bytes, cdkTsHead, (i) => `new sagemaker.CfnEndpointConfig(stack, 'Config${i}', { productionVariants: [{ instanceType: 'ml.p3.2xlarge'\n`) },
  { name: 'cdk-ts-unclosed-run', file: 'stack.ts', make: (bytes) => fill(bytes, cdkTsHead, () => '([{\n') },
  { name: 'cdk-ts-deep', file: 'stack.ts', make: (bytes) => { const depth = Math.max(1, Math.floor((bytes - 400) / 2)); return `${cdkTsHead}new s3.Bucket(stack, 'B', { metadata: ${'['.repeat(depth)}1${']'.repeat(depth)} });\n`; } },
  { name: 'cdk-ts-huge-object', file: 'stack.ts', make: (bytes) => fill(bytes, `${cdkTsHead}new s3.Bucket(stack, 'B', {\n`, (i) => `  k${i}: ${i},\n`, '});\n') },
  { name: 'cdk-py-constructs', file: 'app.py', make: (bytes) => fill(bytes, cdkPyHead, cdkPyEndpoint) },
  { name: 'cdk-py-unclosed-run', file: 'app.py', make: (bytes) => fill(bytes, cdkPyHead, () => '([{\n') },
  { name: 'cdk-py-unbalanced', file: 'app.py', make: (bytes) => fill(bytes, cdkPyHead, (i) => `sagemaker.CfnEndpointConfig(stack, "Config${i}", production_variants=[sagemaker.CfnEndpointConfig.ProductionVariantProperty(instance_type="ml.p3.2xlarge"\n`) },
];
