import { endpointOversizedInstance } from '../../src/rules/endpoint-oversized-instance';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

const config = (variant: string, rest = '') => dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Config:
      Type: AWS::SageMaker::EndpointConfig
      Properties:
        ProductionVariants:
          - VariantName: AllTraffic
            ModelName: llm
            ${variant}
${rest}`;

const scaled = dedent`
    Endpoint:
      Type: AWS::SageMaker::Endpoint
      Properties:
        EndpointConfigName: !GetAtt Config.EndpointConfigName
    Target:
      Type: AWS::ApplicationAutoScaling::ScalableTarget
      Properties:
        ServiceNamespace: sagemaker
        ScalableDimension: sagemaker:variant:DesiredInstanceCount
        ResourceId: !Sub endpoint/\${Endpoint.EndpointName}/variant/AllTraffic
        MinCapacity: 1
        MaxCapacity: 4
`.replace(/^/gm, '    ');

const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

new RuleTester().run(endpointOversizedInstance, {
  valid: [
    {
      name: 'notebook: several instances, with auto scaling registered in a later cell',
      format: 'notebook',
      code: notebookJson([
        'import boto3\nfrom sagemaker.model import Model\nREPLICAS = 2\n',
        'Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=REPLICAS, instance_type="ml.c7g.large", endpoint_name="ep")\n',
        'boto3.client("application-autoscaling").register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/ep/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)\n',
      ]),
    },
    {
      name: 'Terraform: a SageMaker scalable target in the file',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "A"\n    instance_type          = "ml.inf2.xlarge"\n    initial_instance_count = 2\n  }\n}\nresource "aws_appautoscaling_target" "t" {\n  service_namespace = "sagemaker"\n}\n',
    },
    { name: 'single-GPU instance', format: 'cfn-yaml', code: config('InstanceType: ml.g5.2xlarge') },
    { name: 'several instances with a scalable target', format: 'cfn-yaml', code: config('InstanceType: ml.inf2.xlarge\n            InitialInstanceCount: 3', scaled) },
    { name: 'count from an unknown parameter', format: 'cfn-yaml', code: dedent`
      Parameters:
        Count: { Type: Number }
      Resources:
        Config:
          Type: AWS::SageMaker::EndpointConfig
          Properties:
            ProductionVariants:
              - { VariantName: A, ModelName: m, InstanceType: ml.inf2.xlarge, InitialInstanceCount: !Ref Count }
    ` },
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
      name: 'several instances, scaled through a client the analysis cannot resolve (a parameter of a helper)',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        def scale(autoscaling, name):
            autoscaling.register_scalable_target(ServiceNamespace="sagemaker", ResourceId=f"endpoint/{name}/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=3, instance_type="ml.m5.large", endpoint_name="ep")
      `,
    },
    {
      name: 'several instances, auto scaling registered on a session client after the deploy',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")
        scaling = boto3.Session(region_name="eu-west-1").client("application-autoscaling")
        scaling.register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/ep/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)
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
      name: 'Terraform: training-class instance and a fixed fleet',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "A"\n    instance_type          = "ml.p5.48xlarge"\n    initial_instance_count = 2\n  }\n}\n',
      errors: [
        { messageId: 'oversized', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant A', instanceType: 'ml.p5.48xlarge', accelerators: '8 × H100' }, line: 4, column: 5, endLine: 4, endColumn: 18 },
        { messageId: 'fixedFleet', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant A', count: 2 }, line: 5, column: 5, endLine: 5, endColumn: 27 },
      ],
      output: null,
    },
    {
      name: 'training-class p4d',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.p4d.24xlarge'),
      errors: [{ messageId: 'oversized', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, line: 9, column: 11, endLine: 9, endColumn: 23 }],
      output: null,
    },
    {
      name: 'a single-GPU p3 is still training-class',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.p3.2xlarge'),
      errors: [{ messageId: 'oversized', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, line: 9, column: 11, endLine: 9, endColumn: 23 }],
      output: null,
    },
    {
      name: 'three instances and no scalable target',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.inf2.xlarge\n            InitialInstanceCount: 3'),
      errors: [{ messageId: 'fixedFleet', data: { name: 'Config', variant: 'variant AllTraffic', count: 3 }, line: 10, column: 11, endLine: 10, endColumn: 31 }],
      output: null,
    },
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
        { messageId: 'fixedFleetPython', data: { count: 2 }, ...at(3, 14, 24) },
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
    {
      name: 'notebook: the count from an earlier cell, a training-class instance; findings on the raw .ipynb line',
      format: 'notebook',
      code: notebookJson(['from sagemaker.pytorch import PyTorchModel\nREPLICAS = 2\n', 'model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.1", py_version="py310")\n', 'model.deploy(initial_instance_count=REPLICAS, instance_type="ml.p3.2xlarge")\n']),
      errors: [
        { messageId: 'fixedFleetPython', data: { count: 2 }, ...at(28, 19, 31) },
        { messageId: 'oversizedInstance', data: { instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, ...at(28, 52, 31) },
      ],
      output: null,
    },
    {
      name: 'several instances: register_scalable_target( in strings and in a comment after code is no registration',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")
        print("TODO: call register_scalable_target( for ep")
        NOTE = '''scaling.register_scalable_target(ResourceId="endpoint/ep/variant/AllTraffic")'''
        ready = True  # then scaling.register_scalable_target(...)
      `,
      errors: [{ messageId: 'fixedFleetPython', data: { count: 2 }, ...at(2, 57, 24) }],
      output: null,
    },
    {
      name: 'several instances in a notebook: a cell whose string mentions register_scalable_target( is no registration',
      format: 'notebook',
      code: notebookJson([
        'from sagemaker.model import Model\n',
        'Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")\n',
        "'''Next: scaling.register_scalable_target(ServiceNamespace=\"sagemaker\") for the endpoint'''\n",
      ]),
      errors: [{ messageId: 'fixedFleetPython', data: { count: 2 }, ...at(18, 62, 24) }],
      output: null,
    },
  ],
});
