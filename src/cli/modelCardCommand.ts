import * as path from 'node:path';
import type { Linter } from '../core/engine';
import { escapeJsonText } from '../core/escape';
import { readTextFile } from '../node/textFile';
import { systemMessage } from '../node/walk';
import { lensRegion } from '../present/codeLens';
import { modelCardEstimate, modelCardFragment, placedTrainingTargets, trainingTargetAt } from '../present/modelCard';
import { FileError } from './output';
import type { CliIo } from './main';
import { reportSettings } from './reportCommand';
import { parseCommandLine, UsageError } from './usage';

export const modelCardUsage = `Usage: greenml modelcard <file> [--line N] [--region R] [--utilization U] [--intensity ccf|recent]

Prints the environmental-impact section of a SageMaker Model Card for the training call
(estimator, ModelTrainer, create_training_job or tuner) at line N of a Python file or notebook:
a JSON fragment with training_details.training_observations and
additional_information.custom_details (docs/report.md). Works offline.

Options:
  --line N                 The training call on (or around) this 1-based line; needed when the file has several
  --region R               Region when the code sets none (default: us-east-1)
  --utilization U          Average utilisation, 0 to 1 (default: 0.5, CCF's)
  --intensity ccf|recent   Grid factor: the CCF app's (default) or the recent figure of the data
  -h, --help               Show this help

Exit codes: 0 fragment printed, 2 usage error (no such file, no training call there) or internal error.
`;

/** The options `greenml modelcard` takes; its help lists each one. */
export const modelCardOptions = {
  line: { type: 'string' },
  region: { type: 'string' },
  utilization: { type: 'string' },
  intensity: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `greenml modelcard`: prints the model card fragment; resolves with the exit code. */
export async function runModelCardCommand(argv: readonly string[], io: CliIo, createLinter: () => Linter): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, modelCardOptions, 'greenml modelcard');
  if (values.help) {
    io.stdout(modelCardUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one file, got ${positionals.join(' ')}` : 'which file? e.g. greenml modelcard train.py --line 12');
  let line: number | undefined;
  if (values.line !== undefined) {
    line = Number(values.line);
    if (!Number.isInteger(line) || line < 1) throw new UsageError(`--line must be a line number from 1, got "${values.line}"`);
  }
  const settings = reportSettings(values);
  const file = path.resolve(io.cwd, positionals[0]);
  const linter = createLinter();
  let text: string;
  try {
    const read = readTextFile(file, linter.maxTextLength);
    if ('skipped' in read) throw new FileError(`cannot read ${positionals[0]}: ${read.skipped}`);
    text = read.file.text;
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError(`cannot read ${positionals[0]}: ${systemMessage(err)}`);
  }
  if (!linter.mayHandle(file)) throw new UsageError(`${positionals[0]} is not a file Green ML reads (Python, notebook, CloudFormation, Terraform)`);
  const failures = await linter.prepare([file]);
  if (failures.length) return 2;
  const { targets, codeRegion } = placedTrainingTargets(linter, file, text);
  const chosen = trainingTargetAt(targets, line);
  if ('error' in chosen) throw new UsageError(`${positionals[0]}: ${chosen.error}`);
  const region = lensRegion({ targets: [], ...(codeRegion ? { region: { code: codeRegion, start: 0 } } : {}) }, { region: settings.region });
  io.stdout(`${escapeJsonText(JSON.stringify(modelCardFragment(modelCardEstimate(chosen.target, region, settings)), null, 2))}\n`);
  return 0;
}
