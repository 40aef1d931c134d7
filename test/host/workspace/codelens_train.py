from sagemaker.estimator import Estimator

estimator = Estimator(
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest",
    role="arn:aws:iam::123456789012:role/SageMakerRole",
    instance_count=2,
    instance_type="ml.g5.xlarge",
)
