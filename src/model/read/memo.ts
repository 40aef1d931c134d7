/**
 * `read` worked out once per fact object for every rule that asks: facts are never changed after
 * the parse, so the answer for one object stays true for the lint (and is dropped with the facts).
 * The rules visit a fact one after another before the next fact comes, so the last answer is kept
 * at hand: the rules after the first find it without a lookup.
 */
export function oncePerFact<K extends object, T>(read: (key: K) => T): (key: K) => T {
  const answers = new WeakMap<K, { value: T }>();
  let lastKey: K | undefined;
  let lastValue: T | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as T;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = { value: read(key) }));
    // Set after the read: a reader that asks itself for another fact leaves the last one its own.
    lastKey = key;
    lastValue = answer.value;
    return answer.value;
  };
}
