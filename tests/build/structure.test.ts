/**
 * The shape of src/: no module imports itself round a cycle, and no source file grows past about
 * 400 lines (a file that size holds more than one idea; split it into a folder of modules).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const SRC = join(ROOT, "src");
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const FILES = sourceFiles(SRC);
const rel = (path: string): string => relative(ROOT, path).split("\\").join("/");

/** The module a relative specifier names, as a file in src/, or undefined (a package, a JSON file). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ]) {
    if (FILES.includes(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The modules a file loads when it is loaded: `import … from`, `import "…"` and `export … from`,
 * type-only ones included (a cycle of types is still a tangle); `import("…")` is left out, since it
 * loads on demand.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const found = new Set<string>();
  const pattern = /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g;
  for (const m of text.matchAll(pattern)) {
    const target = resolveImport(file, m[1]);
    if (target !== undefined) found.add(target);
  }
  return [...found];
}

/** Every cycle found by a depth-first walk, each as the files round it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].map(rel));
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);
  return found;
}

describe("src/ has no import cycle", () => {
  const graph = new Map(FILES.map((f) => [f, importsOf(f)]));

  test("the walk sees the imports (the engine's index reaches the calendar)", () => {
    const reached = new Set<string>();
    const walk = (f: string): void => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const next of graph.get(f) ?? []) walk(next);
    };
    walk(join(SRC, "domain/index.ts"));
    expect(reached.has(join(SRC, "domain/core/calendar.ts"))).toBe(true);
    expect(importsOf(join(SRC, "domain/index.ts")).length).toBeGreaterThan(10);
  });

  test("a cycle is found when there is one", () => {
    const a = join(SRC, "a.ts");
    const b = join(SRC, "b.ts");
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([["src/a.ts", "src/b.ts", "src/a.ts"]]);
  });

  test("none in src/", () => {
    expect(cycles(graph)).toEqual([]);
  });
});

/** The files over the limit, each with its length; split one into a folder of modules. */
function overLimit(lines: ReadonlyMap<string, number>): string[] {
  return [...lines].filter(([, n]) => n > MAX_LINES).map(([f, n]) => `${f}: ${n} lines`);
}

describe(`no source file in src/ is over ${MAX_LINES} lines`, () => {
  test("a file one line over is found, one at the limit is not", () => {
    const lines = new Map([
      ["src/at-limit.ts", MAX_LINES],
      ["src/over.ts", MAX_LINES + 1],
    ]);
    expect(overLimit(lines)).toEqual([`src/over.ts: ${MAX_LINES + 1} lines`]);
  });

  test("none in src/", () => {
    const lines = new Map(FILES.map((f) => [rel(f), readFileSync(f, "utf8").split("\n").length]));
    expect(overLimit(lines)).toEqual([]);
  });
});

describe("the engine reads no clock", () => {
  test("no new Date() or Date.now() in src/domain: the shells pass the date in", () => {
    const reads = FILES.filter((f) => rel(f).startsWith("src/domain/"))
      .filter((f) => /new Date\(\s*\)|Date\.now\(/.test(readFileSync(f, "utf8")))
      .map(rel);
    expect(reads).toEqual([]);
  });
});
