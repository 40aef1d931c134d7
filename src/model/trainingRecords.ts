import type { Field, Span } from './field';
import type { RecordFormat } from './records';

/** Whether a setting is written: `unknown` when a `**kwargs`, a spread or a dict the analysis cannot read may hold it. */
export type Presence = 'set' | 'absent' | 'unknown';

/**
 * One SageMaker training job, whatever wrote it: an SDK v2 estimator (generic, framework or
 * built-in algorithm), an SDK v3 `ModelTrainer` (or its preview under `sagemaker.modules`), a
 * boto3 `create_training_job` request, or a training job definition of a boto3
 * `create_hyper_parameter_tuning_job`, a Terraform `aws_sagemaker_training_job` or a training job
 * definition of a Terraform `aws_sagemaker_hyper_parameter_tuning_job`.
 */
export interface TrainingJobRecord {
  kind: 'trainingJob';
  format: RecordFormat;
  /** The API that writes it; messages may name its setting names, verdicts never branch on it. */
  writing: 'estimator' | 'model-trainer' | 'boto3' | 'terraform';
  /** Where a finding about the whole job sits: the callee, or a tuning job definition's name. */
  anchor: Span;
  /**
   * `pytorch`, `tensorflow`, `huggingface`, `sklearn`, `xgboost`, `mxnet`, `chainer`, `rl`, or
   * `builtin` (a built-in algorithm); undefined when neither the class nor the image tells.
   */
  framework?: string;
  instanceType?: Field<string>;
  instanceCount?: Field<number>;
  /** The run-time limit in seconds (`max_run`, `MaxRuntimeInSeconds`, `max_runtime_in_seconds`). */
  maxRunSeconds?: Field<number>;
  /** Managed spot training: the flag as written (`use_spot_instances`, `EnableManagedSpotTraining`, `enable_managed_spot_training`). */
  spot?: Field<boolean>;
  maxWait: Presence;
  checkpoint: Presence;
  /**
   * A multi-process launch: `distribution=` (v1 `distributions=`, v3 `distributed=`), a launcher of
   * the job's own (a `backend` hyperparameter, a `ModelTrainer` command or shell entry script).
   * `unknown` in boto3, where the image's entry point decides.
   */
  distribution: Presence;
  /**
   * A Debugger rule watching GPU utilisation: `watched`, `unwatched` (rules written, none of them
   * it), `absent` (no rules), `profiler-off` (`disable_profiler=True`), `unknown`; undefined when
   * the writing has no such setting (SDK v3).
   */
  utilizationRule?: 'watched' | 'unwatched' | 'absent' | 'profiler-off' | 'unknown';
  /** An enabled SageMaker Training Compiler configuration (SDK v2 `compiler_config=TrainingCompilerConfig(...)`). */
  trainingCompiler?: Span;
  /** May run on the local machine rather than SageMaker (local mode, a local container, a mode the file cannot resolve). */
  runsLocally: boolean;
  /** A setting that decides the verdict may be hidden (`**kwargs`, a config object not written at the call). */
  settingsHidden: boolean;
  /** The tuning job that runs it, once the tuner is read (the link job → tuner). */
  tunedBy?: TuningJobRecord;
}

/**
 * One hyperparameter tuning job: an SDK v2 or v3 `HyperparameterTuner` (or its `create`), or a
 * boto3 `create_hyper_parameter_tuning_job` request, or a Terraform
 * `aws_sagemaker_hyper_parameter_tuning_job`.
 */
export interface TuningJobRecord {
  kind: 'tuningJob';
  format: RecordFormat;
  writing: 'tuner' | 'boto3' | 'terraform';
  anchor: Span;
  /** `Bayesian`, `Random`, `Grid`, `Hyperband`; undefined when not written (the service default, Bayesian). */
  strategy?: Field<string>;
  /** `Auto` or `Off`; undefined when not written (`Off`). */
  earlyStopping?: Field<string>;
  /** A limit on the number of training jobs is written (`max_jobs`, `ResourceLimits.MaxNumberOfTrainingJobs`). */
  jobLimit: Presence;
  /** The limit's value when it is a literal. */
  maxJobs?: Field<number>;
  /** The early-stopping setting may be hidden (`**kwargs`, a config dict with a spread). */
  settingsHidden: boolean;
  /** The training jobs it runs, as far as the file shows them (the link job → tuner). */
  jobs: TrainingJobRecord[];
}
