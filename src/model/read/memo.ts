import { answersOf } from '../../core/factAnswers';

/**
 * The answer under `key` in a fact's `answers` ({@link answersOf}), made by `make(a, b)` on the
 * first ask (its arguments passed through, so a hit allocates nothing). A maker that asked itself
 * about the same fact meanwhile: the outer answer is the one kept.
 */
export function answerIn<A, B, T>(answers: unknown[], key: object, make: (a: A, b: B) => T, a: A, b: B): T {
  const at = find(answers, key);
  if (at !== -1) return answers[at] as T;
  const value = make(a, b);
  const again = find(answers, key);
  if (again !== -1) answers[again] = value;
  else answers.push(key, value);
  return value;
}

/** The answer kept on `fact` under `key` (an object of the caller's own), made by `make` on the first ask. */
export function answerFor<T>(fact: object, key: object, make: () => T): T {
  return answerIn(answersOf(fact), key, make, undefined, undefined);
}

function find(answers: readonly unknown[], reader: object): number {
  for (let i = 0; i < answers.length; i += 2) if (answers[i] === reader) return i + 1;
  return -1;
}

/**
 * `read` worked out once per fact object for every rule that asks: facts are never changed after
 * the parse, so the answer for one object stays true for the lint (and is dropped with the facts).
 */
export function oncePerFact<K extends object, T>(read: (key: K) => T): (key: K) => T {
  // Its own token: two readers made from one function keep apart.
  const reader = {};
  return (key) => answerIn(answersOf(key), reader, read, key, undefined);
}

/**
 * As {@link oncePerFact}, for a reader that also takes the context the fact is read in (a Terraform
 * resource's module): the answer is kept with its context and worked out again for another one.
 */
export function oncePerFactIn<K extends object, C, T>(read: (key: K, context: C) => T): (key: K, context: C) => T {
  const reader = {};
  const make = (key: K, context: C) => ({ context, value: read(key, context) });
  return (key, context) => {
    const answers = answersOf(key);
    const kept = answerIn(answers, reader, make, key, context);
    if (kept.context === context) return kept.value;
    const again = make(key, context);
    answers[find(answers, reader)] = again;
    return again.value;
  };
}
