import { trainingCompilerRetired } from '../../src/rules/training-compiler-retired';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

const retired = (line: number, column: number, endLine: number, endColumn: number) => ({ messageId: 'retired', line, column, endLine, endColumn });

new RuleTester().run(trainingCompilerRetired, {
  valid: [
    {
      name: 'no compiler config, None, or disabled',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFace, TrainingCompilerConfig
        a = HuggingFace(entry_point="train.py", instance_type="ml.p3.2xlarge")
        b = HuggingFace(entry_point="train.py", instance_type="ml.p3.2xlarge", compiler_config=None)
        c = HuggingFace(entry_point="train.py", instance_type="ml.p3.2xlarge", compiler_config=TrainingCompilerConfig(enabled=False))
      `,
    },
    {
      name: 'a config from a parameter, and a class of another library with the same name',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        from mylib import TrainingCompilerConfig
        def make(cfg):
            return PyTorch(entry_point="train.py", compiler_config=cfg)
        b = PyTorch(entry_point="train.py", compiler_config=TrainingCompilerConfig())
      `,
    },
  ],
  invalid: [
    {
      name: 'Hugging Face estimator with the compiler, no fix',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFace, TrainingCompilerConfig
        est = HuggingFace(
            entry_point="train.py",
            compiler_config=TrainingCompilerConfig(debug=False),
        )
      `,
      errors: [retired(4, 5, 4, 56)],
      output: null,
    },
    {
      name: 'PyTorch estimator, config through a constant, SDK module path',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.pytorch import PyTorch
        COMPILER = sagemaker.training_compiler.config.TrainingCompilerConfig()
        est = PyTorch(entry_point="train.py", compiler_config=COMPILER)
      `,
      errors: [retired(4, 39, 4, 63)],
      output: null,
    },
    {
      name: 'notebook: the config from an earlier cell; the finding is on the raw .ipynb line',
      format: 'notebook',
      code: notebookJson(['from sagemaker.huggingface import HuggingFace, TrainingCompilerConfig\nCOMPILER = TrainingCompilerConfig()\n', 'est = HuggingFace(entry_point="train.py", compiler_config=COMPILER)\n']),
      errors: [retired(19, 50, 19, 74)],
      output: null,
    },
  ],
});
