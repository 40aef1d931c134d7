import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { locateTestWasm } from './languages';

/** A throwaway folder holding the given files (paths relative to it). */
export function tempProject(files: Record<string, string>, prefix = 'greenml-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Runs the CLI in-process in `cwd`, collecting its output. */
export async function runCliIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), locateWasm: locateTestWasm });
  return { code, stdout, stderr };
}

/** A CloudFormation template with one log group and no retention: one SML401 finding, fixable. */
export const logGroupTemplate = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  JobLogs:',
  '    Type: AWS::Logs::LogGroup',
  '    Properties:',
  '      LogGroupName: /aws/sagemaker/TrainingJobs',
].join('\n');
