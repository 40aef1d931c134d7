import type { Format } from './types';

/**
 * Which kind of file this is, from its name and, where the name is not enough,
 * its content. CloudFormation is recognised by content: a template names its
 * format version or the SAM transform, or has a top-level `Resources` section
 * with an AWS-typed resource; any other YAML or JSON (Kubernetes manifests,
 * package.json, workflows) is not ours and is never linted or reported.
 */
export function detectFormat(fileName: string, text: string): Format | undefined {
  const lower = fileName.toLowerCase();
  const extension = lower.slice(lower.lastIndexOf('.'));
  switch (extension) {
    case '.py':
      return cdkPythonImport.test(text) ? 'cdk-python' : 'python';
    case '.ipynb':
      return 'notebook';
    case '.tf':
      return 'terraform';
    case '.ts':
      return !lower.endsWith('.d.ts') && cdkImport.test(text) ? 'cdk-typescript' : undefined;
    case '.yaml':
    case '.yml':
    case '.json':
    case '.template': {
      const json = text.trimStart().startsWith('{');
      if (json) return extension !== '.yaml' && extension !== '.yml' && looksLikeCfnJson(text) ? 'cfn-json' : undefined;
      return extension !== '.json' && looksLikeCfnYaml(text) ? 'cfn-yaml' : undefined;
    }
    default:
      return undefined;
  }
}

/** File extensions each format may have; used to decide what to read before reading it. */
export const formatExtensions: Record<Format, readonly string[]> = {
  python: ['.py'],
  notebook: ['.ipynb'],
  terraform: ['.tf'],
  'cdk-typescript': ['.ts'],
  'cdk-python': ['.py'],
  'cfn-yaml': ['.yaml', '.yml', '.template'],
  'cfn-json': ['.json', '.template'],
};

const cdkImport = /from\s+['"](?:aws-cdk-lib|@aws-cdk\/)|require\(\s*['"](?:aws-cdk-lib|@aws-cdk\/)/;
/** `import aws_cdk…` or `from aws_cdk… import` at the start of a line. */
const cdkPythonImport = /^[ \t]*(?:import[ \t]+aws_cdk\b|from[ \t]+aws_cdk\b[\w.]*[ \t]+import\b)/m;
const cfnYamlVersion = /^(?:AWSTemplateFormatVersion\s*:|Transform\s*:\s*['"]?AWS::Serverless)/m;
const cfnYamlResources = /^Resources\s*:/m;
const cfnYamlType = /^\s+Type\s*:\s*['"]?(?:AWS|Custom|Alexa)::/m;
const cfnJsonVersion = /"AWSTemplateFormatVersion"\s*:/;
const cfnJsonResources = /"Resources"\s*:/;
const cfnJsonType = /"Type"\s*:\s*"(?:AWS|Custom|Alexa)::/;

function looksLikeCfnYaml(text: string): boolean {
  return cfnYamlVersion.test(text) || (cfnYamlResources.test(text) && cfnYamlType.test(text));
}

function looksLikeCfnJson(text: string): boolean {
  return cfnJsonVersion.test(text) || (cfnJsonResources.test(text) && cfnJsonType.test(text));
}
