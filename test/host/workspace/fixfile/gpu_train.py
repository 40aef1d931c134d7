import sagemaker
from sagemaker.pytorch import PyTorch

estimator = PyTorch(
    entry_point="train.py",
    role=role,
    framework_version="2.3",
    py_version="py311",
    instance_type="ml.g5.2xlarge",
    instance_count=1,
    max_run=7200,
)
estimator.fit({"train": train_s3})
