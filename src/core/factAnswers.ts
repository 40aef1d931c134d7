import { emptyInPlace } from './release';

/*
 * What the model worked out about one fact during a lint (its readers' answers, as reader,
 * answer, reader, answer…), kept on the fact itself in a private field, so it lives and dies
 * with the fact. (Module-level weak maps keyed by the facts of each lint cost the young-generation
 * collector dearly: it keeps an entry's value alive through the next scavenge even when its key
 * is dead, so every lint's records, calls and values were copied again, and many promoted, after
 * the lint was over.)
 */

/** A constructor that hands back the object it is given, so a subclass's private field lands on that object. */
class Returning {
  constructor(target: object) {
    return target;
  }
}

/**
 * The slot: a private field stamped on the fact. Unlike a symbol-keyed property it is invisible to
 * every reflection (comparisons, spreads, JSON), and adding it is an ordinary property store
 * (an `Object.defineProperty` per fact cost about four times as much).
 */
class Answered extends Returning {
  readonly #answers: unknown[] = [];

  static of(fact: object): unknown[] {
    if (#answers in fact) return (fact as Answered).#answers;
    const answers = (new Answered(fact) as Answered).#answers;
    if (made.length >= maxMade) emptyInPlace(made);
    made.push(answers);
    return answers;
  }
}

/**
 * The answer lists made since the last lint ended, in order: what {@link settleAnswers} empties.
 * (Listing them as they are made costs one push each; asking every walked fact whether it has
 * answers cost a failed private-field lookup per fact, most of them never asked anything.)
 */
const made: unknown[][] = [];

/** Lists past this many are forgotten (not emptied: that only costs the collector), so asks outside any lint cannot grow it. */
const maxMade = 1 << 16;

/** The reader-answer list of `fact`, made on the first ask. */
export function answersOf(fact: object): unknown[] {
  return Answered.of(fact);
}

/** Where a lint starts among the lists made: what it passes to {@link settleAnswers} when it ends. */
export function answersMark(): number {
  return made.length;
}

/**
 * Ends a lint: with `release`, empties in place every answer list made since `mark` (the lint's
 * facts are not replayed, so nothing will read them again; {@link emptyInPlace} says why: a fact
 * that is old by then kept every record and value it had answers for alive through the next
 * collections; a later ask works them out again). Lists made before the mark, or kept for a
 * replay, are forgotten as they are.
 */
export function settleAnswers(mark: number, release: boolean): void {
  if (release) for (let i = Math.min(mark, made.length); i < made.length; i++) emptyInPlace(made[i]);
  emptyInPlace(made);
}
