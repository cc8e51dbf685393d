import { defineMadeOnRead } from "../../src/domain/made-on-read";

interface Box {
  name: string;
  items: number[];
}

/** A box whose items are made on first read, counting the calls to make and onMade. */
function box(made: number[] = [1, 2, 3]): { box: Box; makes: () => number; settled: () => number } {
  const b = { name: "box" } as Box;
  let makes = 0;
  let settled = 0;
  defineMadeOnRead(
    b,
    "items",
    () => {
      makes++;
      return made;
    },
    () => {
      settled++;
    },
  );
  return { box: b, makes: () => makes, settled: () => settled };
}

describe("defineMadeOnRead", () => {
  it("does not make the value until it is read, then makes it once", () => {
    const { box: b, makes, settled } = box();
    expect(makes()).toBe(0);
    expect(settled()).toBe(0);
    // Listing the keys does not read the value.
    expect(Object.keys(b)).toEqual(["name", "items"]);
    expect("items" in b).toBe(true);
    expect(makes()).toBe(0);

    const first = b.items;
    expect(first).toEqual([1, 2, 3]);
    expect(makes()).toBe(1);
    expect(settled()).toBe(1);
    // Read again: the same array, not made again.
    expect(b.items).toBe(first);
    expect(b.items).toBe(first);
    expect(makes()).toBe(1);
    expect(settled()).toBe(1);
  });

  it("is an own, enumerable accessor before it is read and an ordinary data property after", () => {
    const { box: b } = box();
    const before = Object.getOwnPropertyDescriptor(b, "items");
    expect(before?.enumerable).toBe(true);
    expect(before?.configurable).toBe(true);
    expect(typeof before?.get).toBe("function");
    expect(typeof before?.set).toBe("function");
    expect(Object.prototype.propertyIsEnumerable.call(b, "items")).toBe(true);

    const items = b.items;
    expect(Object.getOwnPropertyDescriptor(b, "items")).toEqual({
      value: items,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(Object.getOwnPropertyDescriptor(b, "items")?.get).toBeUndefined();

    // Writable: a later assignment replaces it, and makes nothing.
    b.items = [9];
    expect(b.items).toEqual([9]);
    delete (b as Partial<Box>).items;
    expect("items" in b).toBe(false);
  });

  it("takes an assigned value before any read without making one, and keeps it", () => {
    const { box: b, makes, settled } = box();
    const mine = [7, 8];
    b.items = mine;
    expect(makes()).toBe(0);
    expect(settled()).toBe(1);
    expect(b.items).toBe(mine);
    expect(makes()).toBe(0);
    expect(Object.getOwnPropertyDescriptor(b, "items")).toEqual({
      value: mine,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    // A second assignment is an ordinary one: onMade does not run again.
    b.items = [1];
    expect(b.items).toEqual([1]);
    expect(settled()).toBe(1);
    expect(makes()).toBe(0);
  });

  it("runs onMade after the value exists, once", () => {
    const b = { name: "box" } as Box;
    const seen: PropertyDescriptor[] = [];
    defineMadeOnRead(
      b,
      "items",
      () => [4],
      () => {
        const d = Object.getOwnPropertyDescriptor(b, "items");
        if (d) seen.push(d);
      },
    );
    expect(b.items).toEqual([4]);
    expect(b.items).toEqual([4]);
    expect(seen).toHaveLength(1);
    expect(seen[0].value).toEqual([4]);
    expect(seen[0].get).toBeUndefined();
  });

  it("works without onMade", () => {
    const b = { name: "box" } as Box;
    defineMadeOnRead(b, "items", () => [5]);
    expect(b.items).toEqual([5]);
    expect(Object.getOwnPropertyDescriptor(b, "items")?.value).toEqual([5]);
  });

  it("is read by JSON.stringify, spreading, Object.entries and Jest's equality like any property", () => {
    const json = box();
    expect(JSON.stringify(json.box)).toBe('{"name":"box","items":[1,2,3]}');
    expect(json.makes()).toBe(1);

    const spread = box();
    const copy = { ...spread.box };
    expect(copy).toEqual({ name: "box", items: [1, 2, 3] });
    expect(Object.getOwnPropertyDescriptor(copy, "items")?.value).toEqual([1, 2, 3]);
    expect(spread.makes()).toBe(1);
    // The copy's array is the original's: made once, shared by both.
    expect(copy.items).toBe(spread.box.items);
    expect(spread.makes()).toBe(1);

    const assigned = box();
    expect(Object.assign({}, assigned.box)).toEqual({ name: "box", items: [1, 2, 3] });
    expect(Object.entries(box().box)).toEqual([
      ["name", "box"],
      ["items", [1, 2, 3]],
    ]);

    expect(box().box).toEqual({ name: "box", items: [1, 2, 3] });
    expect(box().box).toStrictEqual({ name: "box", items: [1, 2, 3] });
    expect(box().box).not.toEqual({ name: "box", items: [1, 2] });
    expect(box([]).box).not.toEqual({ name: "box" });
    expect({ name: "box", items: [1, 2, 3] }).toEqual(box().box);
  });

  it("gives each object its own value", () => {
    const a = { name: "a" } as Box;
    const b = { name: "b" } as Box;
    defineMadeOnRead(a, "items", () => [1]);
    defineMadeOnRead(b, "items", () => [2]);
    expect(b.items).toEqual([2]);
    expect(a.items).toEqual([1]);
  });
});
