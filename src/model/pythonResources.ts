import type { PyDict, PythonCall, PyValue } from '../parsers/python/facts';
import { getKeyword } from '../parsers/python/facts';
import type { Field, FieldSource, Span } from './field';
import { known, unknown } from './field';
import { oncePerFact } from './read/memo';
import type { ResourceRecord } from './resourceRecords';
import type { RecordBase, Settings } from './resourceSettings';
import { literal, studioOrCluster } from './resourceSettings';

/**
 * The adapter that reads Studio domains, user profiles and spaces from boto3 calls in Python
 * scripts and notebooks (`create_`/`update_domain`, `_user_profile`, `_space`): the request dicts
 * are read with the API's own keys, as CloudFormation's, into the records of ./resources.ts.
 */

function pyField<T>(value: PyValue, picked: T | undefined, anchor: Span, source?: FieldSource): Field<T> {
  if (picked !== undefined) return known(picked, anchor, source);
  const alternatives = value.kind === 'unknown' ? value.alternatives : undefined;
  return unknown(alternatives ? 'several-values' : value.kind === 'unknown' && !value.path ? 'variable' : 'expression', anchor);
}

/** A boto3 request dict, read with the same keys as CloudFormation (the API's own names). */
function pySettings(dict: PyDict, anchor: Span): Settings {
  const entry = (key: string) => dict.entries.find((e) => e.key === key);
  // A key not written in a dict with a spread the analysis could not open may still be there.
  const missing = () => (dict.open ? 'unknown' : undefined);
  function scalar<T>(key: string, kind: 'string' | 'number'): Field<T> | undefined {
    const found = entry(key);
    if (!found) return dict.open ? unknown<T>('expression', anchor) : undefined;
    const v = found.value;
    const value = v.kind === kind && (v.kind === 'string' || v.kind === 'number') ? (v.value as T) : undefined;
    const quote = v.kind === 'string' ? v.quote : '';
    const source = v.indirect || value === undefined || quote === undefined ? undefined : literal(v.start, v.end, quote);
    return pyField(v, value, { start: found.keyStart, end: found.keyEnd }, source);
  }
  return {
    anchor,
    child(key) {
      const found = entry(key);
      if (!found) return missing();
      return found.value.kind === 'dict' ? pySettings(found.value, { start: found.keyStart, end: found.keyEnd }) : 'unknown';
    },
    items(key) {
      const found = entry(key);
      if (!found) return missing();
      const list = found.value;
      if (list.kind !== 'list' || !list.items.every((item) => item.kind === 'dict')) return 'unknown';
      return list.items.map((item) => pySettings(item as PyDict, { start: item.start, end: item.end }));
    },
    string: (key) => scalar(key, 'string'),
    number: (key) => scalar(key, 'number'),
  };
}

/** The boto3 SageMaker calls that write a Studio resource's settings, by the CloudFormation type whose records they share, and the keyword naming it. */
const pyStudioCalls: Readonly<Record<string, { type: string; name: string; settings: string }>> = {
  create_domain: { type: 'AWS::SageMaker::Domain', name: 'DomainName', settings: 'DefaultUserSettings' },
  update_domain: { type: 'AWS::SageMaker::Domain', name: 'DomainId', settings: 'DefaultUserSettings' },
  create_user_profile: { type: 'AWS::SageMaker::UserProfile', name: 'UserProfileName', settings: 'UserSettings' },
  update_user_profile: { type: 'AWS::SageMaker::UserProfile', name: 'UserProfileName', settings: 'UserSettings' },
  create_space: { type: 'AWS::SageMaker::Space', name: 'SpaceName', settings: 'SpaceSettings' },
  update_space: { type: 'AWS::SageMaker::Space', name: 'SpaceName', settings: 'SpaceSettings' },
};

/** The Studio resource a boto3 SageMaker call creates or updates, as a record (once per call). */
export const pyResourceRecord = oncePerFact((call: PythonCall): ResourceRecord | undefined => {
  const prefix = 'boto3.client:sagemaker.';
  const method = call.name.startsWith(prefix) ? call.name.slice(prefix.length) : undefined;
  const spec = method !== undefined ? pyStudioCalls[method] : undefined;
  if (!spec) return undefined;
  const named = getKeyword(call, spec.name)?.value;
  const base: RecordBase = { format: 'py', name: named?.kind === 'string' ? named.value : method!, anchor: call.callee, source: { format: 'py', call } };
  // The request as keywords: `DefaultUserSettings={...}`; an update that does not write the settings changes none of them.
  const settings = getKeyword(call, spec.settings);
  if (!settings && (method!.startsWith('update_') || call.open)) return undefined;
  const root: Settings = {
    anchor: base.anchor,
    child: (key) => {
      const keyword = getKeyword(call, key);
      if (!keyword) return call.open ? 'unknown' : undefined;
      return keyword.value.kind === 'dict' ? pySettings(keyword.value, { start: keyword.start, end: keyword.start + key.length }) : 'unknown';
    },
    items: () => 'unknown',
    string: () => undefined,
    number: () => undefined,
  };
  return studioOrCluster(spec.type, base, root);
});
