/**
 * A list whose items are set by key: an item of a key already there replaces it in place, a new
 * key is appended. A map of places keeps each set constant-time, so a dictionary or an object of
 * 50,000 keys is read in linear time (a search of the list per key made it quadratic). Most lists
 * are a handful of keywords: up to {@link scanned} items are searched in place, and the map is made
 * only when the list grows past that (a map per call's keywords cost more than the search).
 */
const scanned = 8;

export class ByKey<T> {
  private places: Map<string, number> | undefined;

  constructor(
    readonly items: T[],
    private readonly keyOf: (item: T) => string,
  ) {
    if (items.length > scanned) this.index();
  }

  has(key: string): boolean {
    return this.placeOf(key) !== undefined;
  }

  set(item: T): void {
    const key = this.keyOf(item);
    const place = this.placeOf(key);
    if (place !== undefined) {
      this.items[place] = item;
      return;
    }
    this.places?.set(key, this.items.length);
    this.items.push(item);
    if (!this.places && this.items.length > scanned) this.index();
  }

  private placeOf(key: string): number | undefined {
    if (this.places) return this.places.get(key);
    const items = this.items;
    // The last item of a key wins, as when the map is set item by item.
    for (let i = items.length - 1; i >= 0; i--) if (this.keyOf(items[i]) === key) return i;
    return undefined;
  }

  private index(): void {
    const places = new Map<string, number>();
    this.items.forEach((item, i) => places.set(this.keyOf(item), i));
    this.places = places;
  }
}
