import { emptyInPlace } from './release';

/**
 * What the model worked out about one fact during a lint (its readers' answers, as reader,
 * answer, reader, answer…), kept on the fact itself under a private symbol, so it lives and dies
 * with the fact. (Module-level weak maps keyed by the facts of each lint cost the young-generation
 * collector dearly: it keeps an entry's value alive through the next scavenge even when its key
 * is dead, so every lint's records, calls and values were copied again, and many promoted, after
 * the lint was over.)
 */
const answersSlot = Symbol('greenml.answers');

type WithAnswers = { [answersSlot]?: unknown[] };

/** The reader-answer list of `fact`, made (not enumerable: invisible to comparisons and JSON) on the first ask. */
export function answersOf(fact: object): unknown[] {
  const held = (fact as WithAnswers)[answersSlot];
  if (held) return held;
  const answers: unknown[] = [];
  Object.defineProperty(fact, answersSlot, { value: answers, enumerable: false, writable: false, configurable: false });
  return answers;
}

/**
 * Empties the answers kept on `fact` in place, once the lint that walked it is over and nothing
 * replays it ({@link emptyInPlace} says why: a fact that is old by then kept every record and
 * value it had answers for alive through the next collections). A later ask works them out again.
 */
export function releaseAnswers(fact: object): void {
  const held = (fact as WithAnswers)[answersSlot];
  if (held) emptyInPlace(held);
}
