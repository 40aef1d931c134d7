import type { CdkApp, CdkConstruct, CdkValue } from '../../parsers/cdk/model';
import { getProp, propsKnown } from '../../parsers/cdk/model';

/**
 * Constructs of a type that nothing outside their props may have fixed: their
 * props are readable, and no call of `method` (`addLifecycleRule`) is made on
 * them, nor on a receiver the analysis could not tie to one construct (which
 * may be any of them).
 */
export function constructsWithout(app: CdkApp, type: string, method: string): CdkConstruct[] {
  if (app.unresolvedMethods.includes(method)) return [];
  return app.constructs.filter((c) => c.type === type && propsKnown(c) && !c.methods.some((m) => m.method === method));
}

/** `effective` when some enabled item has one of the keys; `unknown` when an item or the list cannot be read. */
export function listVerdict(value: CdkValue, keys: readonly string[]): 'effective' | 'ineffective' | 'unknown' {
  if (value.kind !== 'array' || value.open) return 'unknown';
  let verdict: 'ineffective' | 'unknown' = 'ineffective';
  for (const item of value.items) {
    if (item.kind !== 'object' || item.open) {
      verdict = 'unknown';
      continue;
    }
    if (!item.props.some((p) => keys.includes(p.key))) continue;
    const enabled = getProp(item, 'enabled')?.value;
    if (!enabled || (enabled.kind === 'bool' && enabled.value)) return 'effective';
    if (enabled.kind !== 'bool') verdict = 'unknown';
  }
  return verdict;
}
