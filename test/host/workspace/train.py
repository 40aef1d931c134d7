"""Training script used by the extension-host tests: an estimator on on-demand capacity."""
from sagemaker.pytorch import PyTorch

estimator = PyTorch(
    entry_point="train.py",
    role="arn:aws:iam::111122223333:role/SageMakerRole",
    framework_version="2.3",
    py_version="py311",
    instance_type="ml.m5.xlarge",
    instance_count=1,
    max_run=3600,
    output_path="s3://greenml-host-test/output",
)
