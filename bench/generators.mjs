// The benchmark corpus: seeded generators of the files a SageMaker repository holds.
// Pure functions of a PRNG, no I/O; scripts/bench.mjs writes what they return.
//
// To cover a new format, add an entry to `kinds` (ordinary files, drawn by weight) or to
// `hostile` (one file each, probing the engine's limits). Files of a format the engine
// cannot lint yet are generated anyway and show up as skipped until their language lands.

// ---------------------------------------------------------------- random helpers
/** A small counter-based PRNG (splitmix-style mixing): one stream per file, so a file does not depend on the others. */
export function prng(s) {
  let state = s >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let t = Math.imul(state ^ (state >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return ((t ^ (t >>> 15)) >>> 0) / 2 ** 32;
  };
}
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const pick = (r, list) => list[Math.floor(r() * list.length)];
const chance = (r, p) => r() < p;
/** Sizes in real repositories are skewed: many small files, a few big ones. */
const logUniform = (r, lo, hi) => Math.round(Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo))));
export const countLines = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

// ------------------------------------------------------- CloudFormation model
// Templates are built once as data, then written as YAML (short-form tags, comments,
// block scalars) or JSON (long form `Fn::`), so both syntaxes carry the same resources.
class Fn {
  constructor(name, arg) { this.name = name; this.arg = arg; }
}
const Ref = (x) => new Fn('Ref', x), Sub = (s) => new Fn('Sub', s), GetAtt = (res, attr) => new Fn('GetAtt', `${res}.${attr}`);
const If = (cond, a, b) => new Fn('If', [cond, a, b]), Join = (sep, list) => new Fn('Join', [sep, list]);
const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Fn);

function yamlScalar(v, flow) {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  const plain = /^[A-Za-z0-9_/$.][^#'"\n]*$/.test(v) && !/: |:$| #/.test(v) && !(flow && /[,[\]{}]/.test(v)) &&
    !/^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i.test(v);
  return plain ? v : `'${v.replace(/'/g, "''")}'`;
}
function yamlFlow(v) {
  if (v instanceof Fn) return `!${v.name} ${yamlFlow(v.arg)}`;
  if (Array.isArray(v)) return `[${v.map(yamlFlow).join(', ')}]`;
  if (isMap(v)) return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${yamlFlow(x)}`).join(', ')} }`;
  return yamlScalar(v, true);
}
/** Block YAML; a key starting with `#` is a comment line (dropped in JSON). */
function yamlBlock(v, indent, out) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    for (const item of v) {
      if (!isMap(item)) { out.push(`${pad}- ${yamlFlow(item)}`); continue; }
      const inner = [];
      yamlBlock(item, indent + 2, inner);
      out.push(`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1));
    }
    return out;
  }
  for (const [k, x] of Object.entries(v)) {
    const multiline = typeof x === 'string' ? x : x instanceof Fn && typeof x.arg === 'string' ? x.arg : '';
    if (k.startsWith('#')) out.push(`${pad}# ${x}`);
    else if (multiline.includes('\n')) out.push(`${pad}${k}: ${x instanceof Fn ? `!${x.name} ` : ''}|`, ...multiline.trimEnd().split('\n').map((l) => `${pad}  ${l}`));
    else if ((isMap(x) && Object.keys(x).length) || (Array.isArray(x) && x.some((i) => isMap(i) || Array.isArray(i)))) {
      out.push(`${pad}${k}:`);
      yamlBlock(x, indent + 2, out);
    } else out.push(`${pad}${k}: ${yamlFlow(x)}`);
  }
  return out;
}
function toJson(v) {
  if (v instanceof Fn) {
    if (v.name === 'Ref') return { Ref: v.arg };
    return { [`Fn::${v.name}`]: v.name === 'GetAtt' ? v.arg.split(/\.(.*)/s, 2) : toJson(v.arg) };
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (isMap(v)) return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('#')).map(([k, x]) => [k, toJson(x)]));
  return v;
}

const instanceTypes = ['ml.t3.medium', 'ml.m5.large', 'ml.m5.xlarge', 'ml.c5.2xlarge', 'ml.g4dn.xlarge', 'ml.g5.2xlarge', 'ml.p3.2xlarge', 'ml.inf2.xlarge'];
const images = ['763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-inference:2.1.0-gpu-py310', '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/${ModelImageRepo}:latest'];
const retentionDays = (r) => pick(r, [7, 14, 30, 90, 365]);

/** Resource groups, as a SageMaker team would write them; each returns [logicalId, resource] pairs. */
const cfnGroups = {
  role: (r, n) => [[`SageMakerRole${n}`, { Type: 'AWS::IAM::Role', Properties: {
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['sagemaker.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
    ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSageMakerFullAccess'],
    Policies: [{ PolicyName: `s3-access-${n}`, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [Sub(`arn:aws:s3:::\${ArtifactBucket${n}}/*`)] }] } }],
  } }], ...cfnGroups.bucket(r, n)],
  bucket: (r, n) => [[`ArtifactBucket${n}`, { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: {
    BucketName: Sub(`\${AWS::StackName}-artifacts-${n}-\${AWS::AccountId}`),
    BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
    VersioningConfiguration: { Status: pick(r, ['Enabled', 'Suspended']) },
    LifecycleConfiguration: { Rules: [{ Id: 'expire-old-checkpoints', Status: 'Enabled', Prefix: 'checkpoints/', ExpirationInDays: int(r, 7, 90) }] },
  } }]],
  endpoint: (r, n) => [
    ...cfnGroups.role(r, n),
    [`Model${n}`, { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: GetAtt(`SageMakerRole${n}`, 'Arn'),
      PrimaryContainer: { Image: Sub(pick(r, images)), ModelDataUrl: Sub(`s3://\${ArtifactBucket${n}}/models/model-${n}.tar.gz`), Environment: { SAGEMAKER_PROGRAM: 'inference.py', MODEL_SERVER_WORKERS: String(int(r, 1, 4)) } } } }],
    [`EndpointConfig${n}`, { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: GetAtt(`Model${n}`, 'ModelName'),
      InitialInstanceCount: If('IsProd', int(r, 2, 4), 1), InstanceType: If('IsProd', pick(r, instanceTypes), Ref('InstanceType')), InitialVariantWeight: 1 }] } }],
    [`Endpoint${n}`, { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointConfigName: GetAtt(`EndpointConfig${n}`, 'EndpointConfigName'),
      EndpointName: Join('-', [Ref('AWS::StackName'), `endpoint-${n}`]), Tags: [{ Key: 'team', Value: pick(r, ['ml-platform', 'recsys', 'vision']) }] } }],
    ...cfnGroups.logGroup(r, n, Sub(`/aws/sagemaker/Endpoints/\${Endpoint${n}}`)),
  ],
  notebook: (r, n) => [
    ...cfnGroups.role(r, n),
    [`LifecycleConfig${n}`, { Type: 'AWS::SageMaker::NotebookInstanceLifecycleConfig', Properties: { OnStart: [{ Content: { 'Fn::Base64': Sub(
      `#!/bin/bash\nset -e\n# stop the instance after an hour idle\nIDLE_TIME=${int(r, 1800, 7200)}\nwget -q https://example.com/autostop.py -O /home/ec2-user/autostop.py\necho "*/5 * * * * /usr/bin/python3 /home/ec2-user/autostop.py --time $IDLE_TIME" | crontab -\naws s3 cp s3://\${ArtifactBucket${n}}/setup.sh /tmp/setup.sh\n`) } }] } }],
    [`Notebook${n}`, { Type: 'AWS::SageMaker::NotebookInstance', Properties: { InstanceType: pick(r, instanceTypes), RoleArn: GetAtt(`SageMakerRole${n}`, 'Arn'),
      LifecycleConfigName: GetAtt(`LifecycleConfig${n}`, 'NotebookInstanceLifecycleConfigName'), VolumeSizeInGB: int(r, 5, 200), DirectInternetAccess: 'Disabled' } }],
    ...cfnGroups.logGroup(r, n, Sub(`/aws/sagemaker/NotebookInstances/\${Notebook${n}}`)),
  ],
  /** Half with RetentionInDays; some the rule must stay silent on (`!If`, suppressed). */
  logGroup: (r, n, name = Sub(`/greenml/\${AWS::StackName}/jobs-${n}`)) => {
    const x = r();
    const properties = x < 0.45 ? { LogGroupName: name } : x < 0.88 ? { LogGroupName: name, RetentionInDays: retentionDays(r) }
      : x < 0.94 ? If('IsProd', { LogGroupName: name, RetentionInDays: 365 }, Ref('AWS::NoValue')) : undefined;
    const pairs = [[`LogGroup${n}`, { Type: 'AWS::Logs::LogGroup', ...(properties ? { Properties: properties } : {}) }]];
    if (chance(r, 0.08)) pairs.unshift([`# ${n}`, 'greenml-ignore SML401: audit logs are kept on purpose']);
    return pairs;
  },
  pipeline: (r, n) => [[`Pipeline${n}`, { Type: 'AWS::SageMaker::Pipeline', Properties: { PipelineName: Sub(`\${AWS::StackName}-train-${n}`), RoleArn: Ref('PipelineRoleArn'),
    PipelineDefinition: { PipelineDefinitionBody: Sub(JSON.stringify({ Version: '2020-12-01', Steps: [{ Name: 'Train', Type: 'Training', Arguments: { AlgorithmSpecification: { TrainingImage: '${TrainingImage}', TrainingInputMode: 'File' },
      ResourceConfig: { InstanceType: pick(r, instanceTypes), InstanceCount: int(r, 1, 8), VolumeSizeInGB: 50 }, StoppingCondition: { MaxRuntimeInSeconds: 86400 } } }] }, null, 2)) } } }],
    [`Schedule${n}`, { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: pick(r, ['rate(1 day)', 'cron(0 3 ? * MON *)']), State: 'ENABLED',
      Targets: [{ Arn: Sub(`arn:aws:sagemaker:\${AWS::Region}:\${AWS::AccountId}:pipeline/\${Pipeline${n}}`), Id: 'pipeline', RoleArn: Ref('PipelineRoleArn') }] } }]],
};

function cfnTemplate(r, syntax, budget) {
  const sam = syntax === 'yaml' && chance(r, 0.1);
  const head = {
    ...(sam ? { Transform: 'AWS::Serverless-2016-10-31' } : chance(r, 0.9) ? { AWSTemplateFormatVersion: '2010-09-09' } : {}),
    Description: `SageMaker ${pick(r, ['inference', 'training', 'notebook'])} stack (generated for the Green ML benchmark)`,
    Parameters: { Environment: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev' }, InstanceType: { Type: 'String', Default: 'ml.m5.large' },
      PipelineRoleArn: { Type: 'String' }, ModelImageRepo: { Type: 'String', Default: 'inference' }, TrainingImage: { Type: 'String' } },
    Conditions: { IsProd: new Fn('Equals', [Ref('Environment'), 'prod']) },
  };
  const resources = {}, outputs = {};
  const headText = syntax === 'yaml' ? yamlBlock(head, 0, []).join('\n') : JSON.stringify(toJson(head), null, 2);
  let lines = countLines(headText) + 2, bytes = headText.length;
  for (let n = 1; n === 1 || (lines < budget.lines && bytes < budget.bytes); n++) {
    const group = pick(r, ['endpoint', 'endpoint', 'notebook', 'logGroup', 'logGroup', 'bucket', 'pipeline']);
    for (const [id, res] of cfnGroups[group](r, n)) {
      const one = { [id]: res };
      const text = syntax === 'yaml' ? yamlBlock(one, 2, []).join('\n') : JSON.stringify(toJson(one), null, 2);
      lines += countLines(text);
      bytes += text.length + 1;
      resources[id] = res;
    }
    if (group === 'endpoint') outputs[`Endpoint${n}Name`] = { Value: GetAtt(`Endpoint${n}`, 'EndpointName'), Export: { Name: Sub(`\${AWS::StackName}-endpoint-${n}`) } };
  }
  const template = { ...head, Resources: resources, ...(Object.keys(outputs).length ? { Outputs: outputs } : {}) };
  if (syntax === 'json') return JSON.stringify(toJson(template), null, pick(r, [2, 4])) + '\n';
  return `# ${pick(r, ['Deployed by CodePipeline', 'Owner: ml-platform', 'Do not edit by hand'])}\n${yamlBlock(template, 0, []).join('\n')}\n`;
}

// ------------------------------------------------------- other formats
export function python(r, target = logUniform(r, 20, 600)) {
  const chunks = [
    (n) => `estimator_${n} = PyTorch(\n    entry_point="train.py",\n    source_dir="src",\n    role=role,\n    instance_type="${pick(r, instanceTypes)}",\n    instance_count=${int(r, 1, 8)},\n    framework_version="2.1",\n    py_version="py310",\n    use_spot_instances=${pick(r, ['True', 'False'])},\n    max_run=${int(r, 1, 72) * 3600},\n    hyperparameters={"epochs": ${int(r, 1, 50)}, "lr": ${r().toFixed(4)}},\n)\nestimator_${n}.fit({"training": f"s3://{bucket}/data/train"})\n`,
    (n) => `predictor_${n} = estimator.deploy(\n    initial_instance_count=${int(r, 1, 4)},\n    instance_type="${pick(r, instanceTypes)}",\n    endpoint_name=f"churn-{int(time.time())}",\n)\nprint(predictor_${n}.predict(payload))\n`,
    (n) => `sm.create_endpoint_config(\n    EndpointConfigName="cfg-${n}",\n    ProductionVariants=[{\n        "VariantName": "AllTraffic",\n        "ModelName": model_name,\n        "InstanceType": "${pick(r, instanceTypes)}",\n        "InitialInstanceCount": 1,\n    }],\n)\n`,
    (n) => `def preprocess_${n}(df: pd.DataFrame) -> pd.DataFrame:\n    """Drop empty rows and scale the numeric columns."""\n    df = df.dropna()\n    for column in df.select_dtypes("number").columns:\n        df[column] = (df[column] - df[column].mean()) / df[column].std()\n    return df\n`,
    (n) => `processor_${n} = SKLearnProcessor(framework_version="1.2-1", role=role, instance_type="ml.m5.xlarge", instance_count=1)\nprocessor_${n}.run(code="preprocess.py", outputs=[ProcessingOutput(source="/opt/ml/processing/train")])\n`,
    (n) => `tuner_${n} = HyperparameterTuner(estimator, "validation:auc", {"eta": ContinuousParameter(0.01, 0.3)}, max_jobs=${int(r, 4, 100)}, max_parallel_jobs=${int(r, 1, 10)})\ntuner_${n}.fit(inputs, wait=False)\n`,
  ];
  let out = `"""SageMaker ${pick(r, ['training', 'batch inference', 'endpoint'])} job (generated for the Green ML benchmark)."""\nimport time\n\nimport boto3\nimport pandas as pd\nimport sagemaker\nfrom sagemaker.pytorch import PyTorch\nfrom sagemaker.sklearn.processing import SKLearnProcessor\nfrom sagemaker.processing import ProcessingOutput\nfrom sagemaker.tuner import ContinuousParameter, HyperparameterTuner\n\nsession = sagemaker.Session()\nrole = sagemaker.get_execution_role()\nbucket = session.default_bucket()\nsm = boto3.client("sagemaker")\n\n`;
  for (let n = 1; countLines(out) < target; n++) out += pick(r, chunks)(n) + '\n';
  return out;
}

function notebook(r) {
  const cells = [{ cell_type: 'markdown', metadata: {}, source: ['# Train and deploy\n', '\n', 'Generated for the Green ML benchmark.'] }];
  for (let i = 0, count = logUniform(r, 3, 60); i < count; i++) {
    const code = python(r, int(r, 3, 25)).split('\n').slice(int(r, 0, 10)).join('\n');
    const outputs = chance(r, 0.4) ? [{ name: 'stdout', output_type: 'stream', text: [`2024-05-0${int(r, 1, 9)} Starting - Launching requested ML instances......\n`, 'Training - Training image download completed.\n'] }] : [];
    cells.push({ cell_type: 'code', execution_count: i + 1, metadata: {}, outputs, source: code.split(/(?<=\n)/) });
  }
  const nb = { cells, metadata: { kernelspec: { display_name: 'conda_pytorch_p310', language: 'python', name: 'conda_pytorch_p310' }, language_info: { name: 'python', version: '3.10.14' } }, nbformat: 4, nbformat_minor: 5 };
  return JSON.stringify(nb, null, 1) + '\n';
}

function terraform(r) {
  let out = `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n}\n\nvariable "environment" {\n  type    = string\n  default = "dev"\n}\n\n`;
  for (let n = 1, target = logUniform(r, 20, 800); countLines(out) < target; n++) {
    out += `resource "aws_iam_role" "sagemaker_${n}" {\n  name = "sagemaker-${n}-\${var.environment}"\n  assume_role_policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }]\n  })\n}\n\n`;
    out += `resource "aws_sagemaker_model" "m${n}" {\n  name               = "model-${n}"\n  execution_role_arn = aws_iam_role.sagemaker_${n}.arn\n  primary_container {\n    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310"\n    model_data_url = "s3://models/${n}/model.tar.gz"\n  }\n}\n\n`;
    out += `resource "aws_sagemaker_endpoint_configuration" "c${n}" {\n  name = "config-${n}"\n  production_variants {\n    variant_name           = "AllTraffic"\n    model_name             = aws_sagemaker_model.m${n}.name\n    initial_instance_count = ${int(r, 1, 4)}\n    instance_type          = "${pick(r, instanceTypes)}"\n  }\n}\n\n`;
    out += `resource "aws_cloudwatch_log_group" "l${n}" {\n  name = "/aws/sagemaker/Endpoints/endpoint-${n}"\n${chance(r, 0.5) ? `  retention_in_days = ${retentionDays(r)}\n` : ''}}\n\n`;
  }
  return out;
}

function kubernetes(r) {
  const docs = [];
  for (let n = 1, target = logUniform(r, 20, 400); countLines(docs.join('---\n')) < target; n++) {
    docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: inference-${n}\n  labels: { app: inference-${n} }\nspec:\n  replicas: ${int(r, 1, 6)}\n  selector:\n    matchLabels:\n      app: inference-${n}\n  template:\n    metadata:\n      labels:\n        app: inference-${n}\n    spec:\n      containers:\n        - name: model\n          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/inference:${int(r, 1, 40)}\n          ports: [{ containerPort: 8080 }]\n          resources:\n            limits: { cpu: "${int(r, 1, 8)}", memory: ${int(r, 1, 32)}Gi, nvidia.com/gpu: ${int(r, 0, 1)} }\n`);
    docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: inference-${n}\nspec:\n  type: ${pick(r, ['ClusterIP', 'LoadBalancer'])}\n  selector: { app: inference-${n} }\n  ports:\n    - port: 80\n      targetPort: 8080\n`);
  }
  return docs.join('---\n');
}

const workflow = (r) => `name: deploy-${pick(r, ['endpoint', 'pipeline', 'stack'])}\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  id-token: write\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n      - name: Lint templates\n        run: npx greenml lint infra --format sarif --output greenml.sarif\n      - name: Deploy\n        run: |\n          aws cloudformation deploy \\\n            --template-file infra/template.yaml \\\n            --stack-name ml-${int(r, 1, 99)} \\\n            --capabilities CAPABILITY_IAM\n`;

const packageJson = (r) => JSON.stringify({ name: `@ml/service-${int(r, 1, 999)}`, version: `1.${int(r, 0, 20)}.${int(r, 0, 9)}`, private: true,
  scripts: { build: 'tsc -p .', test: 'jest', deploy: 'cdk deploy --all' },
  dependencies: Object.fromEntries(['aws-cdk-lib', 'constructs', '@aws-sdk/client-sagemaker', 'zod', 'pino'].slice(0, int(r, 2, 5)).map((d) => [d, `^${int(r, 1, 9)}.${int(r, 0, 20)}.0`])) }, null, 2) + '\n';

/** The mix of ordinary files. New formats plug in here. */
export const kinds = [
  { kind: 'cfn-yaml', weight: 34, path: (r, id) => `cfn/${id}-stack${pick(r, ['.yaml', '.yaml', '.yml'])}`, make: (r) => cfnTemplate(r, 'yaml', { lines: logUniform(r, 10, 1500), bytes: Infinity }) },
  { kind: 'cfn-json', weight: 16, path: (r, id) => `cfn/${id}-stack.json`, make: (r) => cfnTemplate(r, 'json', { lines: logUniform(r, 10, 1500), bytes: Infinity }) },
  { kind: 'k8s-yaml', weight: 8, path: (r, id) => `k8s/${id}-inference.yaml`, make: kubernetes },
  { kind: 'workflow-yaml', weight: 5, path: (r, id) => `services/${id}/.github/workflows/deploy.yml`, make: workflow },
  { kind: 'package-json', weight: 4, path: (r, id) => `services/${id}/package.json`, make: packageJson },
  { kind: 'python', weight: 15, path: (r, id) => `python/${id}-train.py`, make: (r) => python(r) },
  { kind: 'notebook', weight: 8, path: (r, id) => `notebooks/${id}-explore.ipynb`, make: notebook },
  { kind: 'terraform', weight: 10, path: (r, id) => `terraform/${id}-main.tf`, make: terraform },
];

/** Files that probe the engine's limits rather than its typical speed. */
export const hostile = {
  'huge-2mb.yaml': (r) => cfnTemplate(r, 'yaml', { lines: Infinity, bytes: 2 * 1024 * 1024 }),
  'broken.yaml': (r) => cfnTemplate(r, 'yaml', { lines: 120, bytes: Infinity }).replace(/\n {4}Properties:\n/, '\n\tProperties: [unclosed\n'),
  'binary-junk.yaml': (r) => Buffer.concat([Buffer.from('AWSTemplateFormatVersion: "2010-09-09"\n'), Buffer.from(Array.from({ length: 65536 }, () => (chance(r, 0.1) ? 0 : int(r, 1, 255))))]),
  'deep-block.yaml': () => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n Deep:\n  Type: AWS::CloudFormation::WaitConditionHandle\n  Metadata:\n${Array.from({ length: 1000 }, (_, d) => `${' '.repeat(d + 3)}level${d}:`).join('\n')} bottom\n`,
  'deep-flow.yaml': () => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Deep:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    Metadata: ${'['.repeat(10000)}1${']'.repeat(10000)}\n`,
  'deep-array.json': () => `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Deep": {"Type": "AWS::CloudFormation::WaitConditionHandle", "Metadata": ${'['.repeat(10000)}1${']'.repeat(10000)}}}}\n`,
  'alias-bomb.yaml': () => `AWSTemplateFormatVersion: '2010-09-09'\nMappings:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 9 }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n')}\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n`,
  'unterminated.json': (r) => `${cfnTemplate(r, 'json', { lines: 60, bytes: Infinity }).trimEnd().slice(0, -1).trimEnd()},\n  "Metadata": "unterminated string at the very end`,
};

// ------------------------------------------------------- a realistic training script
/**
 * An ordinary project's `train.py` and its launcher merged into one file: mostly PyTorch code
 * (datasets, models, training and evaluation loops, metrics, argparse, logging), with the
 * SageMaker SDK and boto3 calls a real launcher makes (a dozen or so), at the end. The dense
 * `python()` script is a stress case (a SageMaker call every few lines); this is the usual one.
 */
export function trainingScript(r, target = 3000) {
  const acts = ['nn.ReLU()', 'nn.GELU()', 'nn.SiLU()', 'nn.Tanh()'];
  const chunks = [
    (n) => `class TabularDataset${n}(Dataset):\n    """Rows of a parquet file as tensors; the last column is the label."""\n\n    def __init__(self, path: str, columns: list[str] | None = None, transform=None):\n        frame = pd.read_parquet(path, columns=columns)\n        self.features = torch.tensor(frame.iloc[:, :-1].to_numpy(), dtype=torch.float32)\n        self.labels = torch.tensor(frame.iloc[:, -1].to_numpy(), dtype=torch.long)\n        self.transform = transform\n\n    def __len__(self) -> int:\n        return len(self.labels)\n\n    def __getitem__(self, index: int):\n        x = self.features[index]\n        if self.transform is not None:\n            x = self.transform(x)\n        return x, self.labels[index]\n`,
    (n) => `class Block${n}(nn.Module):\n    def __init__(self, width: int, dropout: float = ${(r() * 0.5).toFixed(2)}):\n        super().__init__()\n        self.norm = nn.LayerNorm(width)\n        self.fc1 = nn.Linear(width, width * ${int(r, 2, 4)})\n        self.act = ${pick(r, acts)}\n        self.fc2 = nn.Linear(width * ${int(r, 2, 4)}, width)\n        self.drop = nn.Dropout(dropout)\n\n    def forward(self, x: torch.Tensor) -> torch.Tensor:\n        residual = x\n        x = self.norm(x)\n        x = self.fc2(self.drop(self.act(self.fc1(x))))\n        return residual + self.drop(x)\n`,
    (n) => `class Classifier${n}(nn.Module):\n    def __init__(self, in_features: int, num_classes: int, width: int = ${pick(r, [128, 256, 512])}, depth: int = ${int(r, 2, 8)}):\n        super().__init__()\n        self.stem = nn.Linear(in_features, width)\n        self.blocks = nn.ModuleList([Block1(width) for _ in range(depth)])\n        self.head = nn.Linear(width, num_classes)\n\n    def forward(self, x):\n        x = self.stem(x)\n        for block in self.blocks:\n            x = block(x)\n        return self.head(x.mean(dim=1) if x.dim() == 3 else x)\n`,
    (n) => `def train_one_epoch_${n}(model, loader, optimizer, scheduler, scaler, device, epoch: int, log_every: int = ${pick(r, [10, 50, 100])}):\n    model.train()\n    running = 0.0\n    for step, (inputs, targets) in enumerate(loader):\n        inputs, targets = inputs.to(device, non_blocking=True), targets.to(device, non_blocking=True)\n        optimizer.zero_grad(set_to_none=True)\n        with torch.autocast(device_type=device.type, enabled=scaler is not None):\n            loss = F.cross_entropy(model(inputs), targets)\n        if scaler is not None:\n            scaler.scale(loss).backward()\n            scaler.unscale_(optimizer)\n            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)\n            scaler.step(optimizer)\n            scaler.update()\n        else:\n            loss.backward()\n            optimizer.step()\n        scheduler.step()\n        running += loss.item()\n        if step % log_every == 0:\n            logger.info("epoch %d step %d loss %.4f lr %.2e", epoch, step, running / (step + 1), scheduler.get_last_lr()[0])\n    return running / max(1, len(loader))\n`,
    (n) => `@torch.no_grad()\ndef evaluate_${n}(model, loader, device) -> dict[str, float]:\n    model.eval()\n    correct, total, loss_sum = 0, 0, 0.0\n    for inputs, targets in loader:\n        inputs, targets = inputs.to(device), targets.to(device)\n        logits = model(inputs)\n        loss_sum += F.cross_entropy(logits, targets, reduction="sum").item()\n        correct += (logits.argmax(dim=-1) == targets).sum().item()\n        total += targets.numel()\n    return {"loss": loss_sum / max(1, total), "accuracy": correct / max(1, total)}\n`,
    (n) => `def save_checkpoint_${n}(model, optimizer, epoch: int, directory: str = "/opt/ml/checkpoints") -> str:\n    os.makedirs(directory, exist_ok=True)\n    path = os.path.join(directory, f"checkpoint-{epoch:04d}.pt")\n    torch.save({"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict()}, path)\n    logger.info("saved %s", path)\n    return path\n\n\ndef load_checkpoint_${n}(model, optimizer, directory: str = "/opt/ml/checkpoints") -> int:\n    paths = sorted(glob.glob(os.path.join(directory, "checkpoint-*.pt")))\n    if not paths:\n        return 0\n    state = torch.load(paths[-1], map_location="cpu")\n    model.load_state_dict(state["model"])\n    optimizer.load_state_dict(state["optimizer"])\n    return state["epoch"] + 1\n`,
    (n) => `def compute_metrics_${n}(predictions: np.ndarray, labels: np.ndarray, num_classes: int) -> dict[str, float]:\n    """Macro precision, recall and F1 from a confusion matrix."""\n    confusion = np.zeros((num_classes, num_classes), dtype=np.int64)\n    for p, t in zip(predictions, labels):\n        confusion[t, p] += 1\n    tp = np.diag(confusion).astype(np.float64)\n    precision = tp / np.maximum(confusion.sum(axis=0), 1)\n    recall = tp / np.maximum(confusion.sum(axis=1), 1)\n    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)\n    return {"precision": float(precision.mean()), "recall": float(recall.mean()), "f1": float(f1.mean())}\n`,
    (n) => `def build_loaders_${n}(args, world_size: int = 1, rank: int = 0):\n    train_set = TabularDataset1(os.path.join(args.train, "train.parquet"))\n    valid_set = TabularDataset1(os.path.join(args.validation, "valid.parquet"))\n    sampler = DistributedSampler(train_set, num_replicas=world_size, rank=rank) if world_size > 1 else None\n    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=sampler is None, sampler=sampler, num_workers=${int(r, 2, 8)}, pin_memory=True)\n    valid_loader = DataLoader(valid_set, batch_size=args.batch_size * 2, shuffle=False, num_workers=${int(r, 1, 4)})\n    return train_loader, valid_loader\n`,
    (n) => `def set_seed_${n}(seed: int = ${int(r, 0, 9999)}) -> None:\n    random.seed(seed)\n    np.random.seed(seed)\n    torch.manual_seed(seed)\n    if torch.cuda.is_available():\n        torch.cuda.manual_seed_all(seed)\n\n\ndef count_parameters_${n}(model: nn.Module) -> int:\n    return sum(p.numel() for p in model.parameters() if p.requires_grad)\n`,
    (n) => `def make_optimizer_${n}(model, lr: float, weight_decay: float = ${pick(r, ['0.01', '0.05', '1e-4'])}, warmup_steps: int = ${int(r, 100, 2000)}, total_steps: int = 10000):\n    decay, no_decay = [], []\n    for name, param in model.named_parameters():\n        (no_decay if param.ndim < 2 or "norm" in name else decay).append(param)\n    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}], lr=lr)\n\n    def schedule(step: int) -> float:\n        if step < warmup_steps:\n            return step / max(1, warmup_steps)\n        progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)\n        return 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress)))\n\n    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)\n`,
  ];
  let out = `"""Train a tabular classifier, and launch the training on SageMaker (train.py and launch.py of one project, merged)."""\nimport argparse\nimport glob\nimport json\nimport logging\nimport math\nimport os\nimport random\nimport time\n\nimport boto3\nimport numpy as np\nimport pandas as pd\nimport torch\nimport torch.nn.functional as F\nfrom torch import nn\nfrom torch.utils.data import DataLoader, Dataset, DistributedSampler\n\nlogger = logging.getLogger(__name__)\nlogging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")\n\n\n`;
  const argparseBlock = `def parse_args(argv=None):\n    parser = argparse.ArgumentParser(description=__doc__)\n    parser.add_argument("--epochs", type=int, default=20)\n    parser.add_argument("--batch-size", type=int, default=256)\n    parser.add_argument("--lr", type=float, default=3e-4)\n    parser.add_argument("--width", type=int, default=256)\n    parser.add_argument("--depth", type=int, default=4)\n    parser.add_argument("--num-classes", type=int, default=2)\n    parser.add_argument("--amp", action="store_true")\n    parser.add_argument("--model-dir", default=os.environ.get("SM_MODEL_DIR", "/opt/ml/model"))\n    parser.add_argument("--train", default=os.environ.get("SM_CHANNEL_TRAIN", "data/train"))\n    parser.add_argument("--validation", default=os.environ.get("SM_CHANNEL_VALIDATION", "data/valid"))\n    parser.add_argument("--launch", action="store_true", help="start the job on SageMaker instead of training here")\n    return parser.parse_args(argv)\n\n\n`;
  const mainBlock = `def main(argv=None):\n    args = parse_args(argv)\n    if args.launch:\n        launch(args)\n        return\n    set_seed_1()\n    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")\n    train_loader, valid_loader = build_loaders_1(args)\n    model = Classifier1(train_loader.dataset.features.shape[1], args.num_classes, args.width, args.depth).to(device)\n    logger.info("%d trainable parameters", count_parameters_1(model))\n    optimizer, scheduler = make_optimizer_1(model, args.lr, total_steps=args.epochs * len(train_loader))\n    scaler = torch.cuda.amp.GradScaler() if args.amp and device.type == "cuda" else None\n    start = load_checkpoint_1(model, optimizer)\n    best = 0.0\n    for epoch in range(start, args.epochs):\n        began = time.time()\n        train_loss = train_one_epoch_1(model, train_loader, optimizer, scheduler, scaler, device, epoch)\n        metrics = evaluate_1(model, valid_loader, device)\n        logger.info("epoch %d train_loss %.4f valid %s (%.1fs)", epoch, train_loss, json.dumps(metrics), time.time() - began)\n        save_checkpoint_1(model, optimizer, epoch)\n        if metrics["accuracy"] > best:\n            best = metrics["accuracy"]\n            torch.save(model.state_dict(), os.path.join(args.model_dir, "model.pt"))\n\n\n`;
  const launcher = `# ---------------------------------------------------------------- launcher\nimport sagemaker\nfrom sagemaker.pytorch import PyTorch, PyTorchModel\nfrom sagemaker.tuner import ContinuousParameter, HyperparameterTuner, IntegerParameter\n\nBUCKET = "ml-team-artifacts"\nINSTANCE_TYPE = "ml.g5.2xlarge"\nMAX_RUN = 8 * 3600\n\n\ndef launch(args):\n    session = sagemaker.Session()\n    role = sagemaker.get_execution_role()\n    estimator = PyTorch(\n        entry_point="train.py",\n        source_dir=".",\n        role=role,\n        instance_type=INSTANCE_TYPE,\n        instance_count=1,\n        framework_version="2.1",\n        py_version="py310",\n        max_run=MAX_RUN,\n        hyperparameters={"epochs": args.epochs, "batch-size": args.batch_size, "lr": args.lr},\n        sagemaker_session=session,\n    )\n    inputs = {"train": f"s3://{BUCKET}/data/train", "validation": f"s3://{BUCKET}/data/valid"}\n    tuner = HyperparameterTuner(\n        estimator,\n        objective_metric_name="valid:accuracy",\n        hyperparameter_ranges={"lr": ContinuousParameter(1e-5, 1e-2), "depth": IntegerParameter(2, 8)},\n        metric_definitions=[{"Name": "valid:accuracy", "Regex": "accuracy.: ([0-9.]+)"}],\n        max_jobs=20,\n        max_parallel_jobs=4,\n    )\n    tuner.fit(inputs, wait=False)\n    estimator.fit(inputs)\n    model = PyTorchModel(model_data=estimator.model_data, role=role, entry_point="inference.py", framework_version="2.1", py_version="py310")\n    predictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge", endpoint_name=f"tabular-{int(time.time())}")\n    logger.info("deployed %s", predictor.endpoint_name)\n    sm = boto3.client("sagemaker")\n    sm.create_training_job(\n        TrainingJobName=f"tabular-nightly-{int(time.time())}",\n        AlgorithmSpecification={"TrainingImage": estimator.training_image_uri(), "TrainingInputMode": "File"},\n        RoleArn=role,\n        ResourceConfig={"InstanceType": INSTANCE_TYPE, "InstanceCount": 1, "VolumeSizeInGB": 50},\n        StoppingCondition={"MaxRuntimeInSeconds": MAX_RUN},\n        OutputDataConfig={"S3OutputPath": f"s3://{BUCKET}/output"},\n    )\n\n\nif __name__ == "__main__":\n    main()\n`;
  const tail = countLines(argparseBlock) + countLines(mainBlock) + countLines(launcher) + 2;
  for (let n = 1; countLines(out) + tail < target; n++) out += `${pick(r, chunks)(n)}\n\n`;
  return out + argparseBlock + mainBlock + launcher;
}
