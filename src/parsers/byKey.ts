/**
 * A list whose items are set by key: an item of a key already there replaces it in place, a new
 * key is appended. A map of places keeps each set constant-time, so a dictionary or an object of
 * 50,000 keys is read in linear time (a search of the list per key made it quadratic).
 */
export class ByKey<T> {
  private readonly places = new Map<string, number>();

  constructor(
    readonly items: T[],
    private readonly keyOf: (item: T) => string,
  ) {
    items.forEach((item, i) => this.places.set(keyOf(item), i));
  }

  has(key: string): boolean {
    return this.places.has(key);
  }

  set(item: T): void {
    const key = this.keyOf(item);
    const place = this.places.get(key);
    if (place === undefined) {
      this.places.set(key, this.items.length);
      this.items.push(item);
    } else this.items[place] = item;
  }
}
