from sagemaker.pytorch import PyTorch

est = PyTorch(
    entry_point="train.py",
    instance_type="ml.m5.xlarge",
    use_spot_instances=True,
    max_wait=7200,
)
