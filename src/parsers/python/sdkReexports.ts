/**
 * The public re-export paths of the SageMaker Python SDK's classes, v2 and v3: each line is one
 * class, its defining module path first, then every other path the SDK exports it under
 * (`sagemaker.sklearn.SKLearn` is `sagemaker.sklearn.estimator.SKLearn`). Two of them in one file
 * are one class.
 *
 * Source: the `from … import …` statements (module level and lazy, in functions) of every
 * `__init__.py` under `sagemaker/` in github.com/aws/sagemaker-python-sdk, branch `master-v2`
 * (commit fc582aaa46faf7b7e16ab1e13840869712174cd0, 2026-08-10, SDK v2) and the v3 monorepo
 * (commit a24812666d258d9d19c9a82d0c9385ca0bd3ba01, 2026-08-21: sagemaker-core, -train, -serve,
 * -mlops), joined when v2 and v3 export one name from two modules; kept: the classes whose name
 * ends in Estimator, Model, Predictor, Tuner, Trainer, Session, Config, Builder, Compute,
 * Condition, Rule or Processor, and the estimator classes.
 */
const groups: readonly string[] = [
  'sagemaker.algorithm.AlgorithmEstimator sagemaker.AlgorithmEstimator',
  'sagemaker.amazon.factorization_machines.FactorizationMachines sagemaker.FactorizationMachines',
  'sagemaker.amazon.factorization_machines.FactorizationMachinesModel sagemaker.FactorizationMachinesModel',
  'sagemaker.amazon.factorization_machines.FactorizationMachinesPredictor sagemaker.FactorizationMachinesPredictor',
  'sagemaker.amazon.ipinsights.IPInsights sagemaker.IPInsights',
  'sagemaker.amazon.ipinsights.IPInsightsModel sagemaker.IPInsightsModel',
  'sagemaker.amazon.ipinsights.IPInsightsPredictor sagemaker.IPInsightsPredictor',
  'sagemaker.amazon.kmeans.KMeans sagemaker.KMeans',
  'sagemaker.amazon.kmeans.KMeansModel sagemaker.KMeansModel',
  'sagemaker.amazon.kmeans.KMeansPredictor sagemaker.KMeansPredictor',
  'sagemaker.amazon.knn.KNN sagemaker.KNN',
  'sagemaker.amazon.knn.KNNModel sagemaker.KNNModel',
  'sagemaker.amazon.knn.KNNPredictor sagemaker.KNNPredictor',
  'sagemaker.amazon.lda.LDA sagemaker.LDA',
  'sagemaker.amazon.lda.LDAModel sagemaker.LDAModel',
  'sagemaker.amazon.lda.LDAPredictor sagemaker.LDAPredictor',
  'sagemaker.amazon.linear_learner.LinearLearner sagemaker.LinearLearner',
  'sagemaker.amazon.linear_learner.LinearLearnerModel sagemaker.LinearLearnerModel',
  'sagemaker.amazon.linear_learner.LinearLearnerPredictor sagemaker.LinearLearnerPredictor',
  'sagemaker.amazon.ntm.NTM sagemaker.NTM',
  'sagemaker.amazon.ntm.NTMModel sagemaker.NTMModel',
  'sagemaker.amazon.ntm.NTMPredictor sagemaker.NTMPredictor',
  'sagemaker.amazon.object2vec.Object2Vec sagemaker.Object2Vec',
  'sagemaker.amazon.object2vec.Object2VecModel sagemaker.Object2VecModel',
  'sagemaker.amazon.pca.PCA sagemaker.PCA',
  'sagemaker.amazon.pca.PCAModel sagemaker.PCAModel',
  'sagemaker.amazon.pca.PCAPredictor sagemaker.PCAPredictor',
  'sagemaker.amazon.randomcutforest.RandomCutForest sagemaker.RandomCutForest',
  'sagemaker.amazon.randomcutforest.RandomCutForestModel sagemaker.RandomCutForestModel',
  'sagemaker.amazon.randomcutforest.RandomCutForestPredictor sagemaker.RandomCutForestPredictor',
  'sagemaker.async_inference.async_inference_config.AsyncInferenceConfig sagemaker.async_inference.AsyncInferenceConfig',
  'sagemaker.async_inference.waiter_config.WaiterConfig sagemaker.async_inference.WaiterConfig',
  'sagemaker.automl.automlv2.AutoMLImageClassificationConfig sagemaker.AutoMLImageClassificationConfig',
  'sagemaker.automl.automlv2.AutoMLTabularConfig sagemaker.AutoMLTabularConfig',
  'sagemaker.automl.automlv2.AutoMLTextClassificationConfig sagemaker.AutoMLTextClassificationConfig',
  'sagemaker.automl.automlv2.AutoMLTextGenerationConfig sagemaker.AutoMLTextGenerationConfig',
  'sagemaker.automl.automlv2.AutoMLTimeSeriesForecastingConfig sagemaker.AutoMLTimeSeriesForecastingConfig',
  'sagemaker.automl.candidate_estimator.CandidateEstimator sagemaker.CandidateEstimator',
  'sagemaker.chainer.estimator.Chainer sagemaker.chainer.Chainer',
  'sagemaker.chainer.model.ChainerModel sagemaker.chainer.ChainerModel',
  'sagemaker.chainer.model.ChainerPredictor sagemaker.chainer.ChainerPredictor',
  'sagemaker.container_base_model.ContainerBaseModel sagemaker.ContainerBaseModel',
  'sagemaker.core.debugger.debugger.CollectionConfig sagemaker.core.debugger.CollectionConfig',
  'sagemaker.core.debugger.debugger.DebuggerHookConfig sagemaker.core.debugger.DebuggerHookConfig',
  'sagemaker.core.debugger.debugger.ProfilerRule sagemaker.core.debugger.ProfilerRule',
  'sagemaker.core.debugger.debugger.Rule sagemaker.core.debugger.Rule',
  'sagemaker.core.debugger.debugger.TensorBoardOutputConfig sagemaker.core.debugger.TensorBoardOutputConfig',
  'sagemaker.core.debugger.metrics_config.DataloaderProfilingConfig sagemaker.core.debugger.DataloaderProfilingConfig',
  'sagemaker.core.debugger.metrics_config.DetailedProfilingConfig sagemaker.core.debugger.DetailedProfilingConfig',
  'sagemaker.core.debugger.metrics_config.HorovodProfilingConfig sagemaker.core.debugger.HorovodProfilingConfig',
  'sagemaker.core.debugger.metrics_config.PythonProfilingConfig sagemaker.core.debugger.PythonProfilingConfig',
  'sagemaker.core.debugger.metrics_config.SMDataParallelProfilingConfig sagemaker.core.debugger.SMDataParallelProfilingConfig',
  'sagemaker.core.debugger.profiler_config.ProfilerConfig sagemaker.core.debugger.ProfilerConfig',
  'sagemaker.core.explainer.clarify_explainer_config.ClarifyExplainerConfig sagemaker.core.explainer.ClarifyExplainerConfig',
  'sagemaker.core.explainer.clarify_explainer_config.ClarifyInferenceConfig sagemaker.core.explainer.ClarifyInferenceConfig',
  'sagemaker.core.explainer.clarify_explainer_config.ClarifyShapBaselineConfig sagemaker.core.explainer.ClarifyShapBaselineConfig',
  'sagemaker.core.explainer.clarify_explainer_config.ClarifyShapConfig sagemaker.core.explainer.ClarifyShapConfig',
  'sagemaker.core.explainer.clarify_explainer_config.ClarifyTextConfig sagemaker.core.explainer.ClarifyTextConfig',
  'sagemaker.core.explainer.explainer_config.ExplainerConfig sagemaker.core.explainer.ExplainerConfig',
  'sagemaker.core.helper.session_helper.Session sagemaker.core.clarify.Session sagemaker.core.modules.Session sagemaker.train.Session',
  'sagemaker.core.inference_config.AsyncInferenceConfig sagemaker.serve.async_inference.AsyncInferenceConfig',
  'sagemaker.core.inference_config.ServerlessInferenceConfig sagemaker.serve.serverless.ServerlessInferenceConfig',
  'sagemaker.core.jumpstart.configs.JumpStartConfig sagemaker.core.jumpstart.JumpStartConfig',
  'sagemaker.core.jumpstart.types.HubAccessConfig sagemaker.core.jumpstart.HubAccessConfig',
  'sagemaker.core.jumpstart.types.JumpStartMetadataConfig sagemaker.core.jumpstart.JumpStartMetadataConfig',
  'sagemaker.core.jumpstart.types.ModelAccessConfig sagemaker.core.jumpstart.ModelAccessConfig',
  'sagemaker.core.local.local_session.LocalSession sagemaker.core.local.LocalSession',
  'sagemaker.core.model_monitor.clarify_model_monitoring.BiasAnalysisConfig sagemaker.core.model_monitor.BiasAnalysisConfig',
  'sagemaker.core.model_monitor.clarify_model_monitoring.ExplainabilityAnalysisConfig sagemaker.core.model_monitor.ExplainabilityAnalysisConfig',
  'sagemaker.core.model_monitor.data_capture_config.DataCaptureConfig sagemaker.core.model_monitor.DataCaptureConfig',
  'sagemaker.core.model_monitor.data_quality_monitoring_config.DataQualityMonitoringConfig sagemaker.core.model_monitor.DataQualityMonitoringConfig',
  'sagemaker.core.network.NetworkConfig sagemaker.core.clarify.NetworkConfig sagemaker.core.model_monitor.NetworkConfig',
  'sagemaker.core.processing.FrameworkProcessor sagemaker.core.FrameworkProcessor',
  'sagemaker.core.processing.Processor sagemaker.core.Processor sagemaker.core.clarify.Processor',
  'sagemaker.core.processing.ScriptProcessor sagemaker.core.ScriptProcessor',
  'sagemaker.core.remote_function.spark_config.SparkConfig sagemaker.core.remote_function.SparkConfig sagemaker.train.remote_function.SparkConfig',
  'sagemaker.core.shapes.DataCatalogConfig sagemaker.mlops.feature_store.DataCatalogConfig',
  'sagemaker.core.shapes.OfflineStoreConfig sagemaker.mlops.feature_store.OfflineStoreConfig',
  'sagemaker.core.shapes.OnlineStoreConfig sagemaker.mlops.feature_store.OnlineStoreConfig',
  'sagemaker.core.shapes.OnlineStoreSecurityConfig sagemaker.mlops.feature_store.OnlineStoreSecurityConfig',
  'sagemaker.core.shapes.S3StorageConfig sagemaker.mlops.feature_store.S3StorageConfig',
  'sagemaker.core.shapes.ThroughputConfig sagemaker.mlops.feature_store.ThroughputConfig',
  'sagemaker.core.spark.processing.PySparkProcessor sagemaker.core.spark.PySparkProcessor',
  'sagemaker.core.spark.processing.SparkJarProcessor sagemaker.core.spark.SparkJarProcessor',
  'sagemaker.core.training.configs.Compute sagemaker.train.Compute',
  'sagemaker.core.training.configs.HyperPodCompute sagemaker.train.HyperPodCompute',
  'sagemaker.core.training_compiler.config.TrainingCompilerConfig sagemaker.core.training_compiler.TrainingCompilerConfig',
  'sagemaker.core.workflow.conditions.Condition sagemaker.core.workflow.Condition',
  'sagemaker.debugger.debugger.CollectionConfig sagemaker.debugger.CollectionConfig',
  'sagemaker.debugger.debugger.DebuggerHookConfig sagemaker.debugger.DebuggerHookConfig',
  'sagemaker.debugger.debugger.ProfilerRule sagemaker.debugger.ProfilerRule',
  'sagemaker.debugger.debugger.Rule sagemaker.debugger.Rule',
  'sagemaker.debugger.debugger.TensorBoardOutputConfig sagemaker.debugger.TensorBoardOutputConfig',
  'sagemaker.debugger.metrics_config.DataloaderProfilingConfig sagemaker.debugger.DataloaderProfilingConfig',
  'sagemaker.debugger.metrics_config.DetailedProfilingConfig sagemaker.debugger.DetailedProfilingConfig',
  'sagemaker.debugger.metrics_config.HorovodProfilingConfig sagemaker.debugger.HorovodProfilingConfig',
  'sagemaker.debugger.metrics_config.PythonProfilingConfig sagemaker.debugger.PythonProfilingConfig',
  'sagemaker.debugger.metrics_config.SMDataParallelProfilingConfig sagemaker.debugger.SMDataParallelProfilingConfig',
  'sagemaker.debugger.profiler_config.ProfilerConfig sagemaker.ProfilerConfig sagemaker.debugger.ProfilerConfig',
  'sagemaker.djl_inference.djl_predictor.DJLPredictor sagemaker.djl_inference.DJLPredictor',
  'sagemaker.djl_inference.model.DJLModel sagemaker.djl_inference.DJLModel',
  'sagemaker.explainer.clarify_explainer_config.ClarifyExplainerConfig sagemaker.explainer.ClarifyExplainerConfig',
  'sagemaker.explainer.clarify_explainer_config.ClarifyInferenceConfig sagemaker.explainer.ClarifyInferenceConfig',
  'sagemaker.explainer.clarify_explainer_config.ClarifyShapBaselineConfig sagemaker.explainer.ClarifyShapBaselineConfig',
  'sagemaker.explainer.clarify_explainer_config.ClarifyShapConfig sagemaker.explainer.ClarifyShapConfig',
  'sagemaker.explainer.clarify_explainer_config.ClarifyTextConfig sagemaker.explainer.ClarifyTextConfig',
  'sagemaker.explainer.explainer_config.ExplainerConfig sagemaker.explainer.ExplainerConfig',
  'sagemaker.huggingface.estimator.HuggingFace sagemaker.huggingface.HuggingFace',
  'sagemaker.huggingface.model.HuggingFaceModel sagemaker.huggingface.HuggingFaceModel',
  'sagemaker.huggingface.model.HuggingFacePredictor sagemaker.huggingface.HuggingFacePredictor',
  'sagemaker.huggingface.processing.HuggingFaceProcessor sagemaker.huggingface.HuggingFaceProcessor',
  'sagemaker.huggingface.training_compiler.config.TrainingCompilerConfig sagemaker.huggingface.TrainingCompilerConfig',
  'sagemaker.local.local_session.LocalSession sagemaker.LocalSession sagemaker.local.LocalSession',
  'sagemaker.mlops.feature_store.dataset_builder.DatasetBuilder sagemaker.mlops.feature_store.DatasetBuilder',
  'sagemaker.mlops.feature_store.feature_group_manager.LakeFormationConfig sagemaker.mlops.feature_store.LakeFormationConfig',
  'sagemaker.mlops.local.local_pipeline_session.LocalPipelineSession sagemaker.mlops.local.LocalPipelineSession',
  'sagemaker.mlops.workflow.check_job_config.CheckJobConfig sagemaker.mlops.workflow.CheckJobConfig',
  'sagemaker.mlops.workflow.emr_step.EMRStepConfig sagemaker.mlops.workflow.EMRStepConfig',
  'sagemaker.mlops.workflow.pipeline_experiment_config.PipelineExperimentConfig sagemaker.mlops.workflow.PipelineExperimentConfig',
  'sagemaker.mlops.workflow.quality_check_step.QualityCheckConfig sagemaker.mlops.workflow.QualityCheckConfig',
  'sagemaker.mlops.workflow.selective_execution_config.SelectiveExecutionConfig sagemaker.mlops.workflow.SelectiveExecutionConfig',
  'sagemaker.mlops.workflow.steps.CacheConfig sagemaker.mlops.workflow.CacheConfig',
  'sagemaker.model.Model sagemaker.Model',
  'sagemaker.model_monitor.clarify_model_monitoring.BiasAnalysisConfig sagemaker.model_monitor.BiasAnalysisConfig',
  'sagemaker.model_monitor.clarify_model_monitoring.ExplainabilityAnalysisConfig sagemaker.model_monitor.ExplainabilityAnalysisConfig',
  'sagemaker.model_monitor.data_capture_config.DataCaptureConfig sagemaker.model_monitor.DataCaptureConfig',
  'sagemaker.model_monitor.data_quality_monitoring_config.DataQualityMonitoringConfig sagemaker.model_monitor.DataQualityMonitoringConfig',
  'sagemaker.modules.train.model_trainer.ModelTrainer sagemaker.modules.train.ModelTrainer',
  'sagemaker.mxnet.estimator.MXNet sagemaker.mxnet.MXNet',
  'sagemaker.mxnet.model.MXNetModel sagemaker.mxnet.MXNetModel',
  'sagemaker.mxnet.model.MXNetPredictor sagemaker.mxnet.MXNetPredictor',
  'sagemaker.mxnet.processing.MXNetProcessor sagemaker.mxnet.MXNetProcessor',
  'sagemaker.network.NetworkConfig sagemaker.model_monitor.NetworkConfig',
  'sagemaker.pipeline.PipelineModel sagemaker.PipelineModel',
  'sagemaker.predictor.Predictor sagemaker.Predictor',
  'sagemaker.processing.Processor sagemaker.Processor',
  'sagemaker.processing.ScriptProcessor sagemaker.ScriptProcessor',
  'sagemaker.pytorch.estimator.PyTorch sagemaker.pytorch.PyTorch',
  'sagemaker.pytorch.model.PyTorchModel sagemaker.pytorch.PyTorchModel',
  'sagemaker.pytorch.model.PyTorchPredictor sagemaker.pytorch.PyTorchPredictor',
  'sagemaker.pytorch.processing.PyTorchProcessor sagemaker.pytorch.PyTorchProcessor',
  'sagemaker.pytorch.training_compiler.config.TrainingCompilerConfig sagemaker.pytorch.TrainingCompilerConfig',
  'sagemaker.remote_function.spark_config.SparkConfig sagemaker.remote_function.SparkConfig',
  'sagemaker.rl.estimator.RLEstimator sagemaker.rl.RLEstimator',
  'sagemaker.serve.async_inference.waiter_config.WaiterConfig sagemaker.serve.async_inference.WaiterConfig',
  'sagemaker.serve.builder.model_builder.ModelBuilder sagemaker.serve.model_builder.ModelBuilder sagemaker.mlops.ModelBuilder sagemaker.serve.ModelBuilder',
  'sagemaker.serve.builder.schema_builder.SchemaBuilder sagemaker.serve.SchemaBuilder',
  'sagemaker.serve.serverless.model.LambdaModel sagemaker.serve.serverless.LambdaModel',
  'sagemaker.serverless.model.LambdaModel sagemaker.serverless.LambdaModel',
  'sagemaker.serverless.predictor.LambdaPredictor sagemaker.serverless.LambdaPredictor',
  'sagemaker.serverless.serverless_inference_config.ServerlessInferenceConfig sagemaker.serverless.ServerlessInferenceConfig',
  'sagemaker.session.Session sagemaker.Session',
  'sagemaker.sklearn.estimator.SKLearn sagemaker.sklearn.SKLearn',
  'sagemaker.sklearn.model.SKLearnModel sagemaker.sklearn.SKLearnModel',
  'sagemaker.sklearn.model.SKLearnPredictor sagemaker.sklearn.SKLearnPredictor',
  'sagemaker.sklearn.processing.SKLearnProcessor sagemaker.sklearn.SKLearnProcessor',
  'sagemaker.spark.processing.PySparkProcessor sagemaker.spark.PySparkProcessor',
  'sagemaker.spark.processing.SparkJarProcessor sagemaker.spark.SparkJarProcessor',
  'sagemaker.sparkml.model.SparkMLModel sagemaker.sparkml.SparkMLModel',
  'sagemaker.sparkml.model.SparkMLPredictor sagemaker.sparkml.SparkMLPredictor',
  'sagemaker.tensorflow.estimator.TensorFlow sagemaker.tensorflow.TensorFlow',
  'sagemaker.tensorflow.model.TensorFlowModel sagemaker.tensorflow.TensorFlowModel',
  'sagemaker.tensorflow.model.TensorFlowPredictor sagemaker.tensorflow.TensorFlowPredictor',
  'sagemaker.tensorflow.processing.TensorFlowProcessor sagemaker.tensorflow.TensorFlowProcessor',
  'sagemaker.tensorflow.training_compiler.config.TrainingCompilerConfig sagemaker.tensorflow.TrainingCompilerConfig',
  'sagemaker.train.cpt_trainer.CPTTrainer sagemaker.train.CPTTrainer',
  'sagemaker.train.data_mixing_config.DataMixingConfig sagemaker.train.DataMixingConfig',
  'sagemaker.train.dpo_trainer.DPOTrainer sagemaker.train.DPOTrainer',
  'sagemaker.train.model_trainer.ModelTrainer sagemaker.train.ModelTrainer',
  'sagemaker.train.multi_turn_rl_trainer.MultiTurnRLTrainer sagemaker.train.MultiTurnRLTrainer',
  'sagemaker.train.rlaif_trainer.RLAIFTrainer sagemaker.train.RLAIFTrainer',
  'sagemaker.train.rlvr_trainer.RLVRTrainer sagemaker.train.RLVRTrainer',
  'sagemaker.train.sft_trainer.SFTTrainer sagemaker.train.SFTTrainer',
  'sagemaker.xgboost.estimator.XGBoost sagemaker.xgboost.XGBoost',
  'sagemaker.xgboost.model.XGBoostModel sagemaker.xgboost.XGBoostModel',
  'sagemaker.xgboost.model.XGBoostPredictor sagemaker.xgboost.XGBoostPredictor',
  'sagemaker.xgboost.processing.XGBoostProcessor sagemaker.xgboost.XGBoostProcessor',
  'sagemaker_core.helper.session_helper.Session sagemaker.modules.Session',
];

let keys: Map<string, string> | undefined;

/** The defining path of each exported path, built on first use. */
function table(): Map<string, string> {
  if (keys) return keys;
  keys = new Map();
  for (const group of groups) {
    const paths = group.split(' ');
    for (const path of paths) keys.set(path, paths[0]);
  }
  return keys;
}

/**
 * The same qualified name with its SDK class spelled by its defining path: the part before the
 * first `(` (`sagemaker.sklearn.SKLearn` of `sagemaker.sklearn.SKLearn().fit`) looked up in the
 * table; names of no listed class are returned as they are.
 */
export function sdkClassKey(path: string): string {
  const call = path.indexOf('(');
  const head = call === -1 ? path : path.slice(0, call);
  const canonical = table().get(head);
  return canonical === undefined ? path : canonical + path.slice(head.length);
}

/** Whether two qualified names denote the same thing, an SDK class read through two of its export paths included. */
export function sameSdkName(a: string, b: string): boolean {
  return a === b || sdkClassKey(a) === sdkClassKey(b);
}
