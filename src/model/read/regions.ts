import type { PyValue, PythonCall } from '../../parsers/python/facts';
import { getKeyword } from '../../parsers/python/facts';
import type { TfAttribute, TfFile } from '../../parsers/terraform';
import { getAttribute, resolveLiteral } from '../../parsers/terraform';

/** boto3 calls whose `region_name` picks where the session's work runs (`boto3.session.Session` resolves to `boto3.Session`). */
export const sessionCalls = new Set(['boto3.Session', 'boto3.client', 'boto3.resource', 'boto3.setup_default_session', 'boto3.Session().client', 'boto3.Session().resource']);

/** The region argument of a boto3 session or client call; `client(service_name, region_name)` and `resource(...)` also take it by position. */
export function regionArgument(call: PythonCall): { start: number; end: number; value: PyValue } | undefined {
  if (!sessionCalls.has(call.name)) return undefined;
  const keyword = getKeyword(call, 'region_name');
  if (keyword) return keyword;
  const value = /(client|resource)$/.test(call.name) ? call.positional[1] : undefined;
  return value && { start: value.start, end: value.end, value };
}

/** The `region` attributes of the file's `provider "aws"` blocks, with their literal values (undefined when not literal). */
export function awsProviderRegions(file: TfFile): Array<{ attribute: TfAttribute; code: string | undefined }> {
  return file.blocks
    .filter((b) => b.type === 'provider' && b.labels[0]?.value === 'aws')
    .flatMap((provider) => {
      const attribute = getAttribute(provider, 'region');
      if (!attribute) return [];
      const code = resolveLiteral(file, attribute.value);
      return [{ attribute, code: typeof code === 'string' ? code : undefined }];
    });
}
