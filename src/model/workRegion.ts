import { extended } from '../core/objects';
import type { Visitors } from '../core/types';
import { awsProviderRegions, sessionCalls } from './read/regions';
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
  const rule = make(region);
  const readCall = reader.pythonCall!;
  const ruleCall = rule.pythonCall;
  // One copy of the rule's visitors through extended (a spread followed by more is slow on Node 20): made for each rule of each lint.
  return extended(rule, {
    // Every call reaches every rule: a set lookup skips the ones that set no region, with no second closure.
    pythonCall: ruleCall
      ? (call) => {
          if (sessionCalls.has(call.name)) readCall(call);
          ruleCall(call);
        }
      : readCall,
    tfModule(module) {
      for (const file of module.files) if (file.file) for (const provider of awsProviderRegions(file.file)) note(provider.code);
      rule.tfModule?.(module);
    },
    cdkApp(app) {
      reader.cdkApp!(app);
      rule.cdkApp?.(app);
    },
    onEnd() {
      rule.onEnd?.();
      ended = true;
      for (const judge of pending.splice(0)) judge();
    },
  });
}
