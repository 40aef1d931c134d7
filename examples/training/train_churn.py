"""Train and tune the churn model on SageMaker (run from a laptop or a CI job)."""
import boto3
import sagemaker
from sagemaker.debugger import ProfilerConfig
from sagemaker.huggingface import HuggingFace, TrainingCompilerConfig
from sagemaker.pytorch import PyTorch
from sagemaker.tuner import ContinuousParameter, HyperparameterTuner, IntegerParameter

REGION = "ap-southeast-2"
BUCKET = "s3://acme-churn-ml"

boto_session = boto3.Session(region_name=REGION)
session = sagemaker.Session(boto_session=boto_session)
role = sagemaker.get_execution_role()

# The main model: a PyTorch job on a 4-GPU instance, on-demand, one day at most.
estimator = PyTorch(
    entry_point="train.py",
    source_dir="src",
    role=role,
    framework_version="2.3",
    py_version="py311",
    instance_count=1,
    instance_type="ml.p3.8xlarge",
    max_run=24 * 3600,
    hyperparameters={"epochs": 30, "batch-size": 512},
    profiler_config=ProfilerConfig(system_monitor_interval_millis=500),
    sagemaker_session=session,
)

# Every combination of the grid, with nothing to stop the hopeless ones early.
tuner = HyperparameterTuner(
    estimator,
    objective_metric_name="validation:auc",
    hyperparameter_ranges={
        "lr": ContinuousParameter(1e-5, 1e-2),
        "layers": IntegerParameter(2, 8),
    },
    strategy="Grid",
    max_parallel_jobs=4,
)
tuner.fit({"train": f"{BUCKET}/train", "validation": f"{BUCKET}/validation"})

# Fine-tune the text encoder on spot capacity, but without checkpoints or a wait limit.
encoder = HuggingFace(
    entry_point="finetune.py",
    source_dir="src",
    role=role,
    transformers_version="4.21.1",
    pytorch_version="1.11.0",
    py_version="py38",
    instance_count=1,
    instance_type="ml.g5.2xlarge",
    use_spot_instances=True,
    compiler_config=TrainingCompilerConfig(),
    sagemaker_session=session,
)
encoder.fit({"train": f"{BUCKET}/text"})
