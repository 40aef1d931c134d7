from sagemaker.tuner import HyperparameterTuner

tuner = HyperparameterTuner(
    estimator,
    objective_metric_name="validation:auc",
    hyperparameter_ranges=ranges,
    strategy="Bayesian",
    max_jobs=20,
    max_parallel_jobs=2,
)
tuner.fit({"train": train_s3})
