import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import { visitEndpointVariants } from '../../src/model/endpointVariants';
import type { EndpointVariantRecord } from '../../src/model/records';
import { createTestLinter } from '../kit/languages';

/** Each Python variant's `gpuSharding`, in deploy order. */
function shardingOf(code: string): Array<EndpointVariantRecord['gpuSharding']> {
  const seen: Array<EndpointVariantRecord['gpuSharding']> = [];
  const probe = defineRule({
    id: 'PROBE',
    name: 'probe',
    meta: { category: 'deploy', defaultSeverity: 'info', formats: ['py'], description: 'collects sharding', messages: {}, fixes: [], wellArchitected: [], options: {} },
    create: (context) => visitEndpointVariants(context.text, (v) => seen.push(v.gpuSharding)),
  });
  createTestLinter({ rules: [probe] }).lint('deploy.py', code, { settings: resolveRuleSettings([probe]), format: 'python' });
  return seen;
}

describe('endpoint variants: the tensor-parallel degree of the served model (gpuSharding)', () => {
  it('reads the deploy\'s own model: env dict through a name, json.dumps, "max", a name, ResourceRequirements; a model without the keys is not sharded even when another one is', () => {
    const code = [
      'import json',
      'from sagemaker.model import Model',
      'from sagemaker.compute_resource_requirements.resource_requirements import ResourceRequirements',
      'hub = {"SM_NUM_GPUS": json.dumps(4)}',
      'Model(image_uri=i, env=hub).deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge")',
      'Model(image_uri=i, env={"OPTION_TENSOR_PARALLEL_DEGREE": "max"}).deploy(initial_instance_count=1, instance_type="ml.g5.48xlarge")',
      'Model(image_uri=i, env={"TENSOR_PARALLEL_DEGREE": tp}).deploy(initial_instance_count=1, instance_type="ml.g5.48xlarge")',
      'Model(image_uri=i).deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge", resources=ResourceRequirements(requests={"num_accelerators": 2}))',
      'Model(image_uri=i, env={"MODEL_ID": "m"}).deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge")',
      '',
    ].join('\n');
    assert.deepEqual(shardingOf(code), [
      { degree: 4, scope: 'model' },
      { degree: 'all', scope: 'model' },
      { degree: 'unknown', scope: 'model' },
      { degree: 2, scope: 'model' },
      undefined,
    ]);
  });

  it('links a boto3 variant to the create_model its ModelName names, whichever call comes first; falls back to the file when the file does not make that model', () => {
    const code = [
      'import boto3',
      'sm = boto3.client("sagemaker")',
      'sm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.g5.48xlarge", "InitialInstanceCount": 1}])',
      'sm.create_model(ModelName="m", PrimaryContainer={"Image": img, "Environment": {"NUM_SHARD": "8"}})',
      '',
    ].join('\n');
    assert.deepEqual(shardingOf(code), [{ degree: 8, scope: 'model' }]);
    assert.deepEqual(shardingOf(code.replace('"NUM_SHARD"', '"MODEL_ID"')), [undefined]);
    assert.deepEqual(shardingOf(code.replace('create_model(ModelName="m"', 'create_model(ModelName="other"')), [{ degree: 8, scope: 'file' }]);
    // The linked model's environment sets no degree: the other model's degree does not reach this variant.
    const two = code.replace('"Environment": {"NUM_SHARD": "8"}})', '"Environment": {"MODEL_ID": "x"}})\nsm.create_model(ModelName="big", PrimaryContainer={"Image": img, "Environment": {"NUM_SHARD": "8"}})');
    assert.deepEqual(shardingOf(two), [undefined]);
    // An environment the file does not show: the file's degree, as before.
    assert.deepEqual(shardingOf(two.replace('"Environment": {"MODEL_ID": "x"}', '"Environment": env')), [{ degree: 8, scope: 'file' }]);
  });

  it('boto3 inference component: NumberOfAcceleratorDevicesRequired in ComputeResourceRequirements is the file\'s degree for a variant of instance pools', () => {
    const code = [
      'import boto3',
      'sm = boto3.client("sagemaker")',
      'sm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "InstancePools": [{"InstanceType": "ml.g5.12xlarge", "Priority": 1}, {"InstanceType": "ml.g6.12xlarge", "Priority": 2}], "InitialInstanceCount": 1}])',
      'sm.create_inference_component(InferenceComponentName="ic", EndpointName="e", VariantName="v", Specification={"ModelName": "m", "ComputeResourceRequirements": {"NumberOfAcceleratorDevicesRequired": 4, "MinMemoryRequiredInMb": 1024}})',
      '',
    ].join('\n');
    assert.deepEqual(shardingOf(code), [{ degree: 4, scope: 'file' }]);
  });
});
