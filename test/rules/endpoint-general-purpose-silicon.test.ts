import { endpointGeneralPurposeSilicon } from '../../src/rules/endpoint-general-purpose-silicon';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

new RuleTester().run(endpointGeneralPurposeSilicon, {
  valid: [
    {
      name: 'Graviton and Inferentia endpoints, serverless, unresolved types',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        from sagemaker.serverless import ServerlessInferenceConfig
        m = Model(image_uri=img, model_data=data, role=role)
        m.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")
        m.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")
        m.deploy(serverless_inference_config=ServerlessInferenceConfig())
        m.deploy(initial_instance_count=1, instance_type=instance_type)
      `,
    },
    {
      name: 'training instances are not endpoints',
      format: 'python',
      code: dedent`
        from sagemaker.estimator import Estimator
        Estimator(image_uri=img, role=role, instance_count=1, instance_type="ml.m5.xlarge")
      `,
    },
  ],
  invalid: [
    {
      name: 'x86 CPU endpoint: Graviton3 of the same class and size, with the estimate',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=1, instance_type="ml.c5.xlarge")
      `,
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
        ...at(2, 83, 28),
      }],
      output: null,
    },
    {
      name: 'GPU endpoint in a boto3 variant: the smallest Inferentia2 with enough accelerator memory',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.g5.2xlarge", "InitialInstanceCount": 1}])
      `,
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.g5.2xlarge', silicon: 'general-purpose GPUs (A10G)', alternative: 'ml.inf2.xlarge', target: 'AWS Inferentia2', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $1.515 → $0.990 per hour" },
        ...at(2, 133, 31),
      }],
      output: null,
    },
  ],
});
