/**
 * A property whose value is made the first time it is read, then kept as an ordinary property. The
 * engine keeps large results compact (typed arrays, shared months) and makes the objects a shell
 * reads, such as one line per lot, only when something reads them.
 */

/**
 * Define `key` on `target` as `make()`, made when first read (or replaced when first assigned) and
 * an ordinary enumerable, writable property from then on. `JSON.stringify`, spreading and deep
 * equality read it like any other property. `onMade` runs once the value exists.
 */
export function defineMadeOnRead<T extends object, K extends keyof T>(
  target: T,
  key: K,
  make: () => T[K],
  onMade?: () => void,
): void {
  const settle = (value: T[K]): void => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    onMade?.();
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      const value = make();
      settle(value);
      return value;
    },
    set(value: T[K]): void {
      settle(value);
    },
  });
}
