import type { Visitors } from '../core/types';
import { awsProviderRegions } from './read/regions';
import { visitRegions } from './resources';

/** The region a file's work runs in, as the recommender needs it. */
export interface WorkRegion {
  /**
   * The one region every region setter of the file names (a boto3 session or client's
   * `region_name`, the module's `provider "aws"` regions, the CDK stacks' `env.region`); undefined
   * when none names one, when one is not a literal, or when two differ.
   */
  code(): string | undefined;
  /** Runs `judge` once every region setter of the file has been read: at the end of the walk. */
  settle(judge: () => void): void;
}

/**
 * The rule's visitors (`make`) with the region of the file's work read beside them: the region's
 * visitors see each fact first, and judgments passed to `settle` run after the rule's `onEnd`.
 * A Terraform file reads the providers of its whole module (they often sit in `providers.tf`).
 */
export function withWorkRegion(make: (region: WorkRegion) => Visitors): Visitors {
  const codes = new Set<string>();
  let unknownSetter = false;
  let ended = false;
  const pending: Array<() => void> = [];
  const note = (code: string | undefined) => (code === undefined ? (unknownSetter = true) : codes.add(code));
  const region: WorkRegion = {
    code: () => (!unknownSetter && codes.size === 1 ? codes.values().next().value : undefined),
    settle: (judge) => (ended ? judge() : void pending.push(judge)),
  };
  const reader = visitRegions((record) => note(record.region.known ? record.region.value : undefined));
  const own: Visitors = {
    ...reader,
    tfFile: undefined,
    tfModule(module) {
      for (const file of module.files) if (file.file) for (const provider of awsProviderRegions(file.file)) note(provider.code);
    },
  };
  const rule = make(region);
  const merged: Record<string, ((fact: never) => void) | undefined> = {};
  for (const key of new Set([...Object.keys(own), ...Object.keys(rule)])) {
    if (key === 'onEnd') continue;
    const first = (own as Record<string, ((fact: never) => void) | undefined>)[key];
    const second = (rule as Record<string, ((fact: never) => void) | undefined>)[key];
    merged[key] = first && second ? (fact: never) => (first(fact), second(fact)) : (first ?? second);
  }
  return {
    ...(merged as Visitors),
    onEnd() {
      rule.onEnd?.();
      ended = true;
      for (const judge of pending.splice(0)) judge();
    },
  };
}
