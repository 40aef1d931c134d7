import { endpointOversizedInstance } from '../../src/rules/endpoint-oversized-instance';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

new RuleTester().run(endpointOversizedInstance, {
  valid: [
    {
      name: 'single-GPU, Inferentia and CPU endpoints on one instance',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFaceModel
        model = HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role)
        model.deploy(initial_instance_count=1, instance_type="ml.g5.2xlarge")
        model.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")
        model.deploy(initial_instance_count=1, instance_type="ml.m5.large")
      `,
    },
    {
      name: 'several instances with auto scaling registered in the file',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")
        boto3.client("application-autoscaling").register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/ep/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)
      `,
    },
    {
      name: 'unresolved type and count, and a commented-out deploy',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        m = Model(image_uri=img, model_data=data, role=role)
        m.deploy(initial_instance_count=n, instance_type=t)
        # m.deploy(initial_instance_count=4, instance_type="ml.p4d.24xlarge")
      `,
    },
  ],
  invalid: [
    {
      name: 'training-class instance and several instances without auto scaling (a commented-out registration does not count)',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorchModel
        model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.1", py_version="py310")
        model.deploy(initial_instance_count=2, instance_type="ml.p3.2xlarge")
        # client.register_scalable_target(ResourceId="endpoint/x/variant/AllTraffic")
      `,
      errors: [
        { messageId: 'fixedFleet', data: { count: 2 }, ...at(3, 14, 24) },
        { messageId: 'oversizedInstance', data: { instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, ...at(3, 40, 29) },
      ],
      output: null,
    },
    {
      name: 'four GPUs on a g5, boto3 variant',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.g5.12xlarge", "InitialInstanceCount": 1}])
      `,
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(2, 133, 32) }],
      output: null,
    },
  ],
});
