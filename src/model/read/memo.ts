/**
 * The answers of every {@link oncePerFact} reader about one fact, as reader, answer, reader,
 * answer…: one list per fact, found once however many readers ask (a weak map per reader cost a
 * weak-map entry per fact and reader, most of them for calls no reader cares about, and the
 * collector's work on weak maps grows with their entries).
 */
const answersByFact = new WeakMap<object, unknown[]>();
// The rules visit a fact one after another before the next fact comes: the last fact's list is
// kept at hand, so the readers after the first find it without a lookup.
let lastFact: object | undefined;
let lastAnswers: unknown[] = [];

function answersOf(fact: object): unknown[] {
  if (fact === lastFact) return lastAnswers;
  let answers = answersByFact.get(fact);
  if (!answers) answersByFact.set(fact, (answers = []));
  lastFact = fact;
  lastAnswers = answers;
  return answers;
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
  return (key) => {
    const answers = answersOf(key);
    const at = find(answers, reader);
    if (at !== -1) return answers[at] as T;
    const value = read(key);
    // A reader that asked itself about this fact meanwhile: the outer answer is the one kept.
    const again = find(answers, reader);
    if (again !== -1) answers[again] = value;
    else answers.push(reader, value);
    return value;
  };
}
