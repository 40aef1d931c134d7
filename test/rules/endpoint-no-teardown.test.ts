import { endpointNoTeardown } from '../../src/rules/endpoint-no-teardown';
import { RuleTester } from '../kit/ruleTester';
import { notebookJson } from '../kit/notebook';

/** Cells of a notebook; `line` below is the raw .ipynb line, as findings carry it. */
const nb = (...cells: string[]) => notebookJson(cells);
const setup = 'import sagemaker\nfrom sagemaker.pytorch import PyTorch, PyTorchModel\nrole = sagemaker.get_execution_role()\n';
const train = 'est = PyTorch(entry_point="train.py", role=role, framework_version="2.3", py_version="py311", instance_type="ml.g5.xlarge", instance_count=1, use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://b/c")\n';
const deploy = 'predictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n';
const teardownCell = '# Delete the endpoint when you are done with it: it bills for every hour it is up.\npredictor.delete_endpoint()';
const sessionSetup = 'import sagemaker\nsess = sagemaker.Session()\n';
const v3Create = 'from sagemaker.core.resources import Endpoint\nendpoint = Endpoint.create(endpoint_name="churn", endpoint_config_name="churn-config")\n';
const cleanupDef = 'def cleanup():\n    predictor.delete_endpoint()\n    print("endpoint deleted")\n';
/** A cleanup helper that reports instead of failing: the deletes are handed to it uncalled, or as lambdas. */
const tryDef = 'def _try(label, fn):\n    try:\n        fn()\n    except Exception as e:\n        print(f"skip {label}: {e}")\n';
const coreCreate = 'from sagemaker_core.resources import Endpoint\nendpoint: Endpoint = Endpoint.create(endpoint_name="churn", endpoint_config_name="churn-config")\n';
const deleteAll = 'def delete_all_resources():\n    for obj in list(globals().values()):\n        if hasattr(obj, "delete") and obj.__class__.__module__ == "sagemaker_core.main.resources":\n            obj.delete()\n';
const cleanupByName = 'import boto3\nsm = boto3.client("sagemaker")\ncleanup_list = []\ndef cleanup_endpoint(name):\n    sm.delete_endpoint(EndpointName=name)\n    print("deleted", name)\n';
/**
 * A helper module beside the notebook (`endpoint_helper.py`): a client made at import, a load helper,
 * and a cleanup that deletes the endpoint by name inside a try; `delete_all(predictor)` deletes what it is given.
 */
const endpointHelper = {
  fileName: 'endpoint_helper.py',
  code: 'import boto3\n\nsm_client = boto3.client("sagemaker")\n\n\ndef generate_load(endpoint_name, n=50):\n    for _ in range(n):\n        invoke(endpoint_name)\n\n\ndef cleanup_endpoint(endpoint_name, endpoint_config_name):\n    """Delete the endpoint and its configuration."""\n    try:\n        sm_client.delete_endpoint(EndpointName=endpoint_name)\n        sm_client.delete_endpoint_config(EndpointConfigName=endpoint_config_name)\n    except Exception as e:\n        print(f"cleanup failed: {e}")\n',
};
const cleanupModule = { fileName: 'cleanup.py', code: 'def delete_all(predictor):\n    predictor.delete_model()\n    predictor.delete_endpoint()\n' };
/** The same text with Windows line ends (a notebook saved on Windows keeps `\r\n` in its cells' sources; a module beside it its CRLF lines). */
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
/** A cleanup function with a blank line in its body, before the delete. */
const cleanupSpaced = 'def cleanup():\n    print("deleting the endpoint")\n\n    predictor.delete_endpoint()\n';
/** sagemaker-core's globals() walk, its objects gathered first, a blank line before the loop. */
const deleteAllSpaced = 'def delete_all_resources():\n    objects = list(globals().values())\n\n    for obj in objects:\n        if hasattr(obj, "delete") and obj.__class__.__module__ == "sagemaker_core.main.resources":\n            obj.delete()\n';
/**
 * A context manager beside the notebook (`managed_endpoint.py`) that keeps an endpoint for a `with`
 * block and deletes it when the block ends, if asked (`auto_delete`) and if it found it in service.
 */
const managedEndpoint = (exit = '        if self.live and self.auto_delete:\n            sm_client.delete_endpoint(EndpointName=self.endpoint_name)\n            self.live = False\n') => ({
  fileName: 'managed_endpoint.py',
  code: `import boto3\n\nsm_client = boto3.client("sagemaker")\n\n\nclass ManagedEndpoint:\n    """Keeps an endpoint for a with block; deletes it at the end when asked."""\n\n    def __init__(self, endpoint_name, auto_delete=False):\n        self.endpoint_name = endpoint_name\n        self.auto_delete = auto_delete\n        self.live = False\n\n    def __enter__(self):\n        status = sm_client.describe_endpoint(EndpointName=self.endpoint_name)["EndpointStatus"]\n        self.live = status == "InService"\n        return self\n\n    def __exit__(self, exc_type, exc, tb):\n${exit}`,
});
const withManaged = (args: string) => `from managed_endpoint import ManagedEndpoint\nwith ManagedEndpoint(${args}) as mep:\n    values = explainer.shap_values(rows, nsamples="auto")\n`;
/** The notebook's own context manager: the predictor for the block, deleted after it unless kept. */
const endpointScope = 'class EndpointScope:\n    def __init__(self, predictor, delete_on_exit=True):\n        self.predictor = predictor\n        self.delete_on_exit = delete_on_exit\n\n    def __enter__(self):\n        return self.predictor\n\n    def __exit__(self, *exc):\n        if self.delete_on_exit:\n            self.predictor.delete_endpoint()\n';
const noTeardown = (line: number, column: number, length: number, teardown = 'predictor.delete_endpoint()') => ({ messageId: 'noTeardown', data: { teardown }, line, column, endLine: line, endColumn: column + length });

const mbSetup = 'from sagemaker.serve import ModelBuilder\nimport time\nendpoint_name = f"summarize-vllm-{int(time.time())}"\nmb = ModelBuilder(image_uri=serve_image, s3_model_data_url=model_data, env_vars=serve_env, role_arn=role, instance_type="ml.g5.2xlarge")\nmb.build()\n';
const mbDeploy = 'endpoint = mb.deploy(endpoint_name=endpoint_name, initial_instance_count=1, instance_type="ml.g5.2xlarge", wait=False)\n';
const model = 'model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.3", py_version="py311")\n';

new RuleTester().run(endpointNoTeardown, {
  valid: [
    { name: 'predictor.delete_endpoint() in a later cell', format: 'notebook', code: nb(setup, train, deploy, 'predictor.predict(x)\n', 'predictor.delete_endpoint()\n') },
    { name: 'the session deletes it, later in the same cell', format: 'notebook', code: nb(setup, train, `${deploy}sess = sagemaker.Session()\nsess.delete_endpoint(predictor.endpoint_name)\n`) },
    { name: 'boto3 create_endpoint and delete_endpoint', format: 'notebook', code: nb('import boto3\nsm = boto3.client("sagemaker")\n', 'sm.create_endpoint(EndpointName="ep", EndpointConfigName="cfg")\n', 'sm.delete_endpoint(EndpointName="ep")\n') },
    { name: 'deleted through an object the analysis cannot follow: silent', format: 'notebook', code: nb(setup, train, deploy, 'for p in [predictor]:\n    p.delete_endpoint()\n') },
    { name: 'serverless and local-mode deploys cost nothing idle', format: 'notebook', code: nb(setup, train, 'from sagemaker.serverless import ServerlessInferenceConfig\ns = est.deploy(serverless_inference_config=ServerlessInferenceConfig())\nl = est.deploy(1, "local")\n') },
    {
      name: 'ModelBuilder: serverless or batch-transform configs, and in-process mode, make no idle endpoint',
      format: 'notebook',
      code: nb(
        'from sagemaker.serve import ModelBuilder, Mode\nfrom sagemaker.serverless.serverless_inference_config import ServerlessInferenceConfig\nfrom sagemaker.batch_inference.batch_transform_inference_config import BatchTransformInferenceConfig\nmb = ModelBuilder(model=trainer)\n',
        'p = mb.deploy(endpoint_name="s", inference_config=ServerlessInferenceConfig(memory_size_in_mb=2048))\n',
        't = mb.deploy(endpoint_name="b", inference_config=BatchTransformInferenceConfig(instance_count=1, instance_type="ml.m5.large", output_path="s3://b/o"))\n',
        'local = ModelBuilder(model=m, mode=Mode.IN_PROCESS).build().deploy()\n',
      ),
    },
    { name: 'a model that is never deployed', format: 'notebook', code: nb(setup, 'model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.3", py_version="py311")\n') },
    {
      name: 'BedrockModelBuilder.deploy imports the model into Amazon Bedrock: no SageMaker endpoint',
      format: 'notebook',
      code: nb('from sagemaker.serve.bedrock_model_builder import BedrockModelBuilder\nbuilder = BedrockModelBuilder(model=trainer)\n', 'deployment = builder.deploy(custom_model_name="tuned-model", role_arn=role)\n'),
    },
    { name: 'deploy is not a SageMaker one', format: 'notebook', code: nb('import mlflow\napp = mlflow.deployments.get_deploy_client("sagemaker")\napp.deploy(name="x")\n') },
    {
      name: 'sagemaker.Session(): endpoint_from_model_data, then the session deletes it',
      format: 'notebook',
      code: nb(sessionSetup, 'sess.endpoint_from_model_data(model_s3_location="s3://b/m.tar.gz", image_uri=image, initial_instance_count=1, instance_type="ml.m5.large", name="churn")\n', 'sess.delete_endpoint("churn")\n'),
    },
    { name: 'SDK v3: Endpoint.create(...), then endpoint.delete()', format: 'notebook', code: nb(v3Create, 'endpoint.delete()\n') },
    { name: 'SDK v3: Endpoint.get(name).delete() may delete any endpoint', format: 'notebook', code: nb(v3Create, 'Endpoint.get("churn").delete()\n') },
    { name: 'a cleanup function called in a later cell', format: 'notebook', code: nb(setup, train, deploy, cleanupDef, 'cleanup()\n') },
    {
      name: 'a cleanup function of a module beside the notebook (from endpoint_helper import cleanup_endpoint), called in a later cell: its body deletes the endpoint',
      format: 'notebook',
      code: nb(setup, train, deploy, 'from endpoint_helper import cleanup_endpoint\ncleanup_endpoint(predictor.endpoint_name, predictor.endpoint_name)\n'),
      siblings: [endpointHelper],
    },
    {
      name: 'import cleanup, then cleanup.delete_all(predictor): a module beside the notebook whose function deletes what it is given',
      format: 'notebook',
      code: nb('import cleanup\n', setup, train, deploy, 'cleanup.delete_all(predictor)\n'),
      siblings: [cleanupModule, endpointHelper],
    },
    {
      name: 'delete methods of several objects handed uncalled to one helper: _try("endpoint", endpoint.delete), _try("model", model.delete)',
      format: 'notebook',
      code: nb('from sagemaker.serve import ModelBuilder\nmb = ModelBuilder(model=m, role_arn=role)\n', 'core_model = mb.build(model_name="demo-model")\ncore_endpoint = mb.deploy(endpoint_name="demo-ep")\n', `${tryDef}_try(f"endpoint {name}", core_endpoint.delete)\n_try(f"model {name}", core_model.delete)\n`),
    },
    {
      name: 'a lambda handed to a helper deletes an endpoint object rebound in a reconnect cell: _try("endpoint", lambda: ep.delete())',
      format: 'notebook',
      code: nb(
        'from sagemaker.core.resources import Endpoint\n',
        'ep = Endpoint.create(endpoint_name="bench", endpoint_config_name="bench-config")\n',
        'if "ep" not in globals():\n    ep = Endpoint.get(endpoint_name="bench")\n',
        `${tryDef}_try("endpoint", lambda: ep.delete())\n`,
      ),
    },
    {
      name: 'endpoint names kept in a cleanup list, deleted by a helper defined before the deploys and called in a loop after them',
      format: 'notebook',
      code: nb(cleanupByName, setup, train, `${deploy}cleanup_list.append(predictor.endpoint_name)\n`, 'for n in cleanup_list:\n    cleanup_endpoint(n)\n'),
    },
    {
      name: 'a helper of the notebook, defined before the deploy, that deletes the predictor it is given: cleanup(predictor)',
      format: 'notebook',
      code: nb('def cleanup(p):\n    p.delete_model()\n    p.delete_endpoint()\n', setup, train, deploy, 'cleanup(predictor)\n'),
    },
    {
      name: "sagemaker-core: a function that deletes every resource object of globals(), defined and called in the last cell",
      format: 'notebook',
      code: nb(coreCreate, 'endpoint.wait_for_status("InService")\n', `${deleteAll}\n\ndelete_all_resources()\n`),
    },
    { name: 'a cleanup function handed to atexit counts as called', format: 'notebook', code: nb(setup, train, deploy, `import atexit\n${cleanupDef}atexit.register(cleanup)\n`) },
    { name: '%store of the endpoint-name variable after the deploy hands the teardown to the notebook that restores it', format: 'notebook', code: nb(mbSetup, `${mbDeploy}%store endpoint_name\nprint("deploying", endpoint_name)\n`) },
    { name: '%store of the predictor, with another name on the same line', format: 'notebook', code: nb(setup, train, deploy, '%store predictor train_job_name\n') },
    {
      name: '%store in the branch that creates a boto3 endpoint by its name variable',
      format: 'notebook',
      code: nb('import boto3\nsm = boto3.client("sagemaker")\nep_name = f"ner-{stamp}"\n', 'if use_boto3:\n    sm.create_endpoint(EndpointName=ep_name, EndpointConfigName=cfg_name)\n    %store ep_name\n'),
    },
    { name: 'a delete on a name that %store -r restores counts', format: 'notebook', code: nb(setup, train, deploy, '%store -r predictor\npredictor.delete_endpoint()\n') },
    { name: 'a delete on a name another notebook run with %run may bind counts', format: 'notebook', code: nb(setup, train, deploy, '%run ./shared_setup.ipynb\n', 'predictor.delete_endpoint()\n') },
    { name: 'a delete on a parameter of a cleanup helper counts', format: 'notebook', code: nb(setup, train, 'live = est.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n', 'def cleanup(predictor):\n    predictor.delete_endpoint()\n', 'cleanup(live)\n') },
    {
      name: 'CRLF cells: a cleanup function with a blank line in its body, defined before the deploy and called after it',
      format: 'notebook',
      code: nb(crlf(setup), crlf(cleanupSpaced), crlf(train), crlf(deploy), crlf('cleanup()\n')),
    },
    {
      name: 'a CRLF module beside the notebook whose cleanup has blank lines in its body, called after the deploy',
      format: 'notebook',
      code: nb(setup, train, deploy, 'import cleanup\ncleanup.delete_all(predictor)\n'),
      siblings: [{ fileName: 'cleanup.py', code: crlf('import time\n\n\ndef delete_all(predictor):\n    predictor.delete_model()\n\n    predictor.delete_endpoint()\n\n    time.sleep(1)\n') }],
    },
    {
      name: 'with ManagedEndpoint(name, auto_delete=True): a class beside the notebook whose __exit__ deletes the endpoint when asked',
      format: 'notebook',
      code: nb(setup, train, deploy, withManaged('predictor.endpoint_name'), withManaged('predictor.endpoint_name, auto_delete=True')),
      siblings: [managedEndpoint()],
    },
    {
      name: 'the flag given by position: with ManagedEndpoint(name, True)',
      format: 'notebook',
      code: nb(setup, train, deploy, withManaged('predictor.endpoint_name, True')),
      siblings: [managedEndpoint()],
    },
    {
      name: 'an __exit__ that always deletes: any with block of the class',
      format: 'notebook',
      code: nb(setup, train, deploy, withManaged('predictor.endpoint_name')),
      siblings: [managedEndpoint('        sm_client.delete_endpoint(EndpointName=self.endpoint_name)\n')],
    },
    {
      name: "the notebook's own context manager, its flag True by default: with EndpointScope(predictor)",
      format: 'notebook',
      code: nb(setup, train, deploy, endpointScope, 'with EndpointScope(predictor) as p:\n    p.predict(rows)\n'),
    },
  ],
  invalid: [
    {
      name: 'sagemaker.Session().endpoint_from_model_data creates an endpoint; the teardown deletes it by its name through the session',
      format: 'notebook',
      code: nb(sessionSetup, 'sess.endpoint_from_model_data(model_s3_location="s3://b/m.tar.gz", image_uri=image, initial_instance_count=1, instance_type="ml.m5.large", name="churn")\n'),
      errors: [noTeardown(19, 6, 29, 'sess.delete_endpoint("churn")')],
      output: nb(sessionSetup, 'sess.endpoint_from_model_data(model_s3_location="s3://b/m.tar.gz", image_uri=image, initial_instance_count=1, instance_type="ml.m5.large", name="churn")\n', teardownCell.replace('predictor.delete_endpoint()', 'sess.delete_endpoint("churn")')),
    },
    {
      name: 'sagemaker.Session().create_endpoint and endpoint_from_job create endpoints',
      format: 'notebook',
      code: nb(sessionSetup, 'sess.create_endpoint("churn-v2", "churn-config")\n', 'sagemaker.Session().endpoint_from_job(job_name="train-1", initial_instance_count=1, instance_type="ml.c5.xlarge")\n'),
      errors: [noTeardown(19, 6, 20, 'sess.delete_endpoint("churn-v2")'), noTeardown(28, 6, 37)],
      output: nb(sessionSetup, 'sess.create_endpoint("churn-v2", "churn-config")\n', 'sagemaker.Session().endpoint_from_job(job_name="train-1", initial_instance_count=1, instance_type="ml.c5.xlarge")\n', teardownCell.replace('predictor.delete_endpoint()', 'sess.delete_endpoint("churn-v2")')),
    },
    {
      name: 'sagemaker.Session().endpoint_from_production_variants creates an endpoint; the teardown deletes it by its name',
      format: 'notebook',
      code: nb(sessionSetup, 'from sagemaker.session import production_variant\nv = production_variant("churn-a", "ml.c5.xlarge", 1)\n', 'sess.endpoint_from_production_variants("churn-ab", [v])\n'),
      errors: [noTeardown(29, 6, 38, 'sess.delete_endpoint("churn-ab")')],
      output: nb(sessionSetup, 'from sagemaker.session import production_variant\nv = production_variant("churn-a", "ml.c5.xlarge", 1)\n', 'sess.endpoint_from_production_variants("churn-ab", [v])\n', teardownCell.replace('predictor.delete_endpoint()', 'sess.delete_endpoint("churn-ab")')),
    },
    {
      name: 'SDK v3: Endpoint.create(...) never deleted; the teardown calls its delete()',
      format: 'notebook',
      code: nb(v3Create, 'endpoint.invoke(body=payload)\n'),
      errors: [noTeardown(10, 17, 15, 'endpoint.delete()')],
      output: nb(v3Create, 'endpoint.invoke(body=payload)\n', teardownCell.replace('predictor.delete_endpoint()', 'endpoint.delete()')),
    },
    {
      name: 'a delete_endpoint inside a cleanup function whose only call is commented out is no teardown',
      format: 'notebook',
      code: nb(setup, train, deploy, cleanupDef, '# cleanup()\n'),
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, cleanupDef, '# cleanup()\n', teardownCell),
    },
    {
      name: 'a globals() walk that nobody calls deletes nothing',
      format: 'notebook',
      code: nb(coreCreate, deleteAll),
      errors: [noTeardown(10, 27, 15, 'endpoint.delete()')],
      output: nb(coreCreate, deleteAll, teardownCell.replace('predictor.delete_endpoint()', 'endpoint.delete()')),
    },
    {
      name: 'CRLF cells: a cleanup function with a blank line before its delete, its only call commented out',
      format: 'notebook',
      code: nb(crlf(setup), crlf(train), crlf(deploy), crlf(cleanupSpaced), crlf('# cleanup()\n')),
      errors: [noTeardown(29, 18, 10)],
      output: nb(crlf(setup), crlf(train), crlf(deploy), crlf(cleanupSpaced), crlf('# cleanup()\n'), crlf(teardownCell)),
    },
    {
      name: 'CRLF cells: a globals() walk with a blank line in its body that nobody calls deletes nothing',
      format: 'notebook',
      code: nb(crlf(coreCreate), crlf(deleteAllSpaced)),
      errors: [noTeardown(10, 27, 15, 'endpoint.delete()')],
      output: nb(crlf(coreCreate), crlf(deleteAllSpaced), crlf(teardownCell.replace('predictor.delete_endpoint()', 'endpoint.delete()'))),
    },
    {
      name: 'with ManagedEndpoint(name): auto_delete is False by default, the endpoint is kept',
      format: 'notebook',
      code: nb(setup, train, deploy, withManaged('predictor.endpoint_name')),
      siblings: [managedEndpoint()],
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, withManaged('predictor.endpoint_name'), teardownCell),
    },
    {
      name: 'with ManagedEndpoint(name, auto_delete=False), or a flag from a variable: not a teardown',
      format: 'notebook',
      code: nb(setup, train, deploy, withManaged('predictor.endpoint_name, auto_delete=False'), withManaged('predictor.endpoint_name, auto_delete=delete_after')),
      siblings: [managedEndpoint()],
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, withManaged('predictor.endpoint_name, auto_delete=False'), withManaged('predictor.endpoint_name, auto_delete=delete_after'), teardownCell),
    },
    {
      name: 'a context manager whose __exit__ deletes nothing (the model only)',
      format: 'notebook',
      code: nb(setup, train, deploy, withManaged('predictor.endpoint_name, auto_delete=True')),
      siblings: [managedEndpoint('        if self.auto_delete:\n            sm_client.delete_model(ModelName=self.endpoint_name)\n')],
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, withManaged('predictor.endpoint_name, auto_delete=True'), teardownCell),
    },
    {
      name: 'the delete in an else branch of __exit__: not settled by the call',
      format: 'notebook',
      code: nb(setup, train, deploy, withManaged('predictor.endpoint_name, auto_delete=True')),
      siblings: [managedEndpoint('        if exc_type is None:\n            print("kept")\n        else:\n            sm_client.delete_endpoint(EndpointName=self.endpoint_name)\n')],
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, withManaged('predictor.endpoint_name, auto_delete=True'), teardownCell),
    },
    {
      name: 'the class made outside a with statement: its __exit__ never runs',
      format: 'notebook',
      code: nb(setup, train, deploy, 'from managed_endpoint import ManagedEndpoint\nmep = ManagedEndpoint(predictor.endpoint_name, auto_delete=True)\n'),
      siblings: [managedEndpoint()],
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, 'from managed_endpoint import ManagedEndpoint\nmep = ManagedEndpoint(predictor.endpoint_name, auto_delete=True)\n', teardownCell),
    },
    {
      name: "the notebook's own context manager kept by its flag, entered before the deploy, or made outside a with statement",
      format: 'notebook',
      code: nb(setup, train, endpointScope, 'with EndpointScope(old_predictor):\n    pass\n', deploy, 'with EndpointScope(predictor, delete_on_exit=False) as p:\n    p.predict(rows)\nscope = EndpointScope(predictor)\n'),
      errors: [noTeardown(58, 18, 10)],
      output: nb(setup, train, endpointScope, 'with EndpointScope(old_predictor):\n    pass\n', deploy, 'with EndpointScope(predictor, delete_on_exit=False) as p:\n    p.predict(rows)\nscope = EndpointScope(predictor)\n', teardownCell),
    },
    {
      name: 'a globals() walk cannot see an endpoint object the notebook does not keep',
      format: 'notebook',
      code: nb('from sagemaker_core.resources import Endpoint\nEndpoint.create(endpoint_name="churn", endpoint_config_name="churn-config")\n', `${deleteAll}delete_all_resources()\n`),
      errors: [noTeardown(10, 6, 15)],
      output: null,
    },
    {
      name: 'the cleanup function of a module beside the notebook, its only call commented out: not a teardown',
      format: 'notebook',
      code: nb(setup, train, deploy, 'from endpoint_helper import cleanup_endpoint\n# cleanup_endpoint(predictor.endpoint_name, predictor.endpoint_name)\n'),
      siblings: [endpointHelper],
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, 'from endpoint_helper import cleanup_endpoint\n# cleanup_endpoint(predictor.endpoint_name, predictor.endpoint_name)\n', teardownCell),
    },
    {
      name: 'a function of a module beside the notebook that deletes nothing (generate_load), or a cleanup of a module the folder does not have: not a teardown',
      format: 'notebook',
      code: nb(setup, train, deploy, 'from endpoint_helper import generate_load\nfrom teardown import delete_all\ngenerate_load(predictor.endpoint_name)\ndelete_all(predictor)\n'),
      siblings: [endpointHelper],
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, 'from endpoint_helper import generate_load\nfrom teardown import delete_all\ngenerate_load(predictor.endpoint_name)\ndelete_all(predictor)\n', teardownCell),
    },
    {
      name: 'the cleanup function of a module beside the notebook, called only before the deploy: not a teardown of it',
      format: 'notebook',
      code: nb('from cleanup import delete_all\ndelete_all(old_predictor)\n', setup, train, deploy),
      siblings: [cleanupModule],
      errors: [noTeardown(39, 18, 10)],
      output: nb('from cleanup import delete_all\ndelete_all(old_predictor)\n', setup, train, deploy, teardownCell),
    },
    {
      name: 'a cleanup helper called only before the deploy (old endpoints) does not delete it',
      format: 'notebook',
      code: nb(`${cleanupByName}cleanup_endpoint("previous-run")\n`, setup, train, deploy),
      errors: [noTeardown(44, 18, 10)],
      output: nb(`${cleanupByName}cleanup_endpoint("previous-run")\n`, setup, train, deploy, teardownCell),
    },
    {
      name: 'a delete method named in a comment or a string is not handed on',
      format: 'notebook',
      code: nb(setup, train, deploy, `${tryDef}# _try("endpoint", predictor.delete_endpoint)\nprint("run predictor.delete_endpoint when done")\n`),
      errors: [noTeardown(29, 18, 10)],
      output: nb(setup, train, deploy, `${tryDef}# _try("endpoint", predictor.delete_endpoint)\nprint("run predictor.delete_endpoint when done")\n`, teardownCell),
    },
    {
      name: 'an estimator deployed and never deleted: the fix appends a teardown cell',
      format: 'notebook',
      code: nb(setup, train, 'est.fit()\n', deploy, 'predictor.predict(x)\n'),
      errors: [noTeardown(38, 18, 10)],
      output: nb(setup, train, 'est.fit()\n', deploy, 'predictor.predict(x)\n', teardownCell),
    },
    {
      name: 'a delete before the deploy does not count',
      format: 'notebook',
      code: nb(setup, 'model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.3", py_version="py311")\nold = sagemaker.Session()\nold.delete_endpoint("previous")\n', 'live = model.deploy(initial_instance_count=1, instance_type="ml.c6i.large")\n'),
      errors: [noTeardown(31, 13, 12, 'live.delete_endpoint()')],
      output: nb(setup, 'model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.3", py_version="py311")\nold = sagemaker.Session()\nold.delete_endpoint("previous")\n', 'live = model.deploy(initial_instance_count=1, instance_type="ml.c6i.large")\n', teardownCell.replace('predictor', 'live')),
    },
    {
      name: 'boto3 create_endpoint: the teardown names the same endpoint',
      format: 'notebook',
      code: nb('import boto3\nsm = boto3.client("sagemaker")\nNAME = "fraud-ep"\n', 'sm.create_endpoint(EndpointName=NAME, EndpointConfigName="cfg")\n'),
      errors: [noTeardown(20, 6, 18, 'sm.delete_endpoint(EndpointName=NAME)')],
      output: nb('import boto3\nsm = boto3.client("sagemaker")\nNAME = "fraud-ep"\n', 'sm.create_endpoint(EndpointName=NAME, EndpointConfigName="cfg")\n', teardownCell.replace('predictor.delete_endpoint()', 'sm.delete_endpoint(EndpointName=NAME)')),
    },
    {
      name: 'a predictor teardown does not delete a boto3 endpoint',
      format: 'notebook',
      code: nb(setup, train, deploy, 'import boto3\nboto3.client("sagemaker").create_endpoint(EndpointName=f"ep-{n}", EndpointConfigName="cfg")\n', 'predictor.delete_endpoint()\n'),
      errors: [noTeardown(39, 6, 43, 'boto3.client("sagemaker").delete_endpoint(EndpointName=f"ep-{n}")')],
      output: nb(setup, train, deploy, 'import boto3\nboto3.client("sagemaker").create_endpoint(EndpointName=f"ep-{n}", EndpointConfigName="cfg")\n', 'predictor.delete_endpoint()\n', teardownCell.replace('predictor.delete_endpoint()', 'boto3.client("sagemaker").delete_endpoint(EndpointName=f"ep-{n}")')),
    },
    {
      name: 'a deploy whose result is not kept: reported, no fix',
      format: 'notebook',
      code: nb(setup, train, 'est.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n'),
      errors: [noTeardown(29, 6, 10)],
      output: null,
    },
    {
      name: 'kept in `_` (IPython rebinds it to the last output): no `_.delete_endpoint()`, no fix without an endpoint name',
      format: 'notebook',
      code: nb(setup, train, '_ = est.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n', '__ = est.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n'),
      errors: [noTeardown(29, 10, 10), noTeardown(38, 11, 10)],
      output: null,
    },
    {
      name: 'kept in `_` with an endpoint name: the teardown deletes the endpoint by its name through the SDK session',
      format: 'notebook',
      code: nb(setup, train, '_ = est.deploy(initial_instance_count=1, instance_type="ml.m5.large", endpoint_name="churn-ep")\n'),
      errors: [noTeardown(29, 10, 10, 'sagemaker.Session().delete_endpoint("churn-ep")')],
      output: nb(setup, train, '_ = est.deploy(initial_instance_count=1, instance_type="ml.m5.large", endpoint_name="churn-ep")\n', teardownCell.replace('predictor.delete_endpoint()', 'sagemaker.Session().delete_endpoint("churn-ep")')),
    },
    {
      name: 'a delete on a name nothing in the notebook binds deletes nothing (NameError)',
      format: 'notebook',
      code: nb(setup, model, 'predictor_llm = model.deploy(initial_instance_count=1, instance_type="ml.g5.4xlarge")\n', 'out = predictor_llm.predict(payload)\n', 'predictor.delete_model()\npredictor.delete_endpoint()\n'),
      errors: [noTeardown(29, 22, 12, 'predictor_llm.delete_endpoint()')],
      output: nb(setup, model, 'predictor_llm = model.deploy(initial_instance_count=1, instance_type="ml.g5.4xlarge")\n', 'out = predictor_llm.predict(payload)\n', 'predictor.delete_model()\npredictor.delete_endpoint()\n', teardownCell.replace('predictor', 'predictor_llm')),
    },
    {
      name: 'an unrelated %store does not hand the endpoint on',
      format: 'notebook',
      code: nb(mbSetup, `${mbDeploy}%store model_data\n`),
      errors: [noTeardown(22, 17, 9)],
      output: null,
    },
    {
      name: '%store -r restores the name, it does not keep the endpoint for another notebook',
      format: 'notebook',
      code: nb(mbSetup, mbDeploy, '%store -r endpoint_name\n'),
      errors: [noTeardown(22, 17, 9)],
      output: null,
    },
    {
      name: 'the endpoint-name variable bound again before the %store: it stores another endpoint\'s name',
      format: 'notebook',
      code: nb(mbSetup, mbDeploy, 'endpoint_name = "summarize-lmi"\n%store endpoint_name\n'),
      errors: [noTeardown(22, 17, 9)],
      output: null,
    },
  ],
});
