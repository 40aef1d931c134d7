/**
 * `read` worked out once per fact object for every rule that asks: facts are never changed after
 * the parse, so the answer for one object stays true for the lint (and is dropped with the facts).
 */
export function oncePerFact<K extends object, T>(read: (key: K) => T): (key: K) => T {
  const answers = new WeakMap<K, { value: T }>();
  return (key) => {
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = { value: read(key) }));
    return answer.value;
  };
}
