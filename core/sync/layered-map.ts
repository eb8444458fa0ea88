/**
 * A map that is never changed, whose changed copies cost what changed: a base shared by every copy made from it and
 * an overlay of the entries changed since, which is folded into a new base once it passes about twice the square root
 * of the size (so a copy costs O(√n) at most, and folding O(n) once every √n changes). A 100,000-paper library's
 * states are copied by a change without copying 100,000 entries, and every earlier copy stays as it was. Pure.
 */

/** An entry removed in the overlay. */
const GONE: unique symbol = Symbol('gone');

type Layer<V> = ReadonlyMap<string, V | typeof GONE>;

const NO_LAYER: Layer<never> = new Map();

export class LayeredMap<V> implements ReadonlyMap<string, V> {
  readonly #base: ReadonlyMap<string, V>;
  readonly #overlay: Layer<V>;
  readonly size: number;

  private constructor(base: ReadonlyMap<string, V>, overlay: Layer<V>, size: number) {
    this.#base = base;
    this.#overlay = overlay;
    this.size = size;
  }

  /** `entries` as a layered map; a layered map as it is. The map given must not be changed afterwards. */
  static of<V>(entries: ReadonlyMap<string, V> | Iterable<readonly [string, V]>): LayeredMap<V> {
    if (entries instanceof LayeredMap) return entries as LayeredMap<V>;
    const base = entries instanceof Map ? (entries as ReadonlyMap<string, V>) : new Map(entries);
    return new LayeredMap(base, NO_LAYER, base.size);
  }

  get(key: string): V | undefined {
    const over = this.#overlay.get(key);
    if (over === GONE) return undefined;
    return over ?? this.#base.get(key);
  }

  has(key: string): boolean {
    const over = this.#overlay.get(key);
    return over === undefined ? this.#base.has(key) : over !== GONE;
  }

  /** A copy with `changes` made: each key set to its value, or removed where the value is undefined. */
  with(changes: Iterable<readonly [string, V | undefined]>): LayeredMap<V> {
    let overlay: Map<string, V | typeof GONE> | undefined;
    let size = this.size;
    for (const [key, value] of changes) {
      const over = (overlay ?? this.#overlay).get(key);
      const had = over === undefined ? this.#base.has(key) : over !== GONE;
      if (value === undefined && !had) continue;
      overlay ??= new Map(this.#overlay);
      if (value === undefined) {
        size -= 1;
        if (this.#base.has(key)) overlay.set(key, GONE);
        else overlay.delete(key);
      } else {
        if (!had) size += 1;
        overlay.set(key, value);
      }
    }
    if (overlay === undefined) return this;
    if (overlay.size > 64 + 2 * Math.sqrt(size)) {
      const base = new Map(this.#base);
      for (const [key, value] of overlay) {
        if (value === GONE) base.delete(key);
        else base.set(key, value);
      }
      return new LayeredMap(base, NO_LAYER, size);
    }
    return new LayeredMap(this.#base, overlay, size);
  }

  entries(): MapIterator<[string, V]> {
    return this.#overlay.size === 0 ? this.#base.entries() : this.#layered();
  }

  *#layered(): MapIterator<[string, V]> {
    for (const [key, value] of this.#base) {
      const over = this.#overlay.get(key);
      if (over === GONE) continue;
      yield [key, over ?? value];
    }
    for (const [key, value] of this.#overlay) if (value !== GONE && !this.#base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<string> {
    if (this.#overlay.size === 0) yield* this.#base.keys();
    else for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
