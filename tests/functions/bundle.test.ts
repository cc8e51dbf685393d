/**
 * The functions bundle as Excel meets it: src/functions/functions.ts built with the project's
 * webpack.config.js (custom-functions-metadata-plugin adds the associate calls), then run in a fresh JavaScript
 * context whose only Office global is a CustomFunctions runtime that records `associate` calls.
 * Excel calls the functions it was given by id; so does this test.
 */
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import webpack from "webpack";
import { FUNCTION_IDS } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
const ENTRY = "./src/functions/functions.ts";

class RuntimeError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}

type Registered = (...args: unknown[]) => unknown;

let outDir: string;
let registered: Record<string, Registered>;
let metadata: { functions: { id: string }[] };
/** Every id the bundle associated, in order (the build adds these calls; the source must not). */
const associations: string[] = [];

/**
 * The project's own webpack configuration, narrowed to the functions entry: same loaders, same
 * resolve aliases (the bundled UK bank-holiday table), same metadata plugin; one self-contained
 * file so it can run on its own here.
 */
async function build(dir: string): Promise<webpack.Stats> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: "development" });
  const functionsEntry = (config.entry as Record<string, string>).functions;
  expect(functionsEntry).toBe(ENTRY);
  const plugins = (config.plugins ?? []).filter(
    (p) => p?.constructor.name === "CustomFunctionsMetadataPlugin",
  );
  expect(plugins).toHaveLength(1);
  const compiler = webpack({
    ...config,
    context: ROOT,
    devtool: false,
    entry: { functions: functionsEntry },
    output: { path: dir, filename: "[name].js" },
    optimization: { splitChunks: false },
    plugins,
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (!stats) reject(new Error("webpack gave no stats"));
      else resolve(stats);
    }),
  );
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "tender-functions-"));
  const stats = await build(outDir);
  expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
  metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8"));

  registered = {};
  const runtime = {
    associate: (id: string, fn: Registered) => {
      associations.push(id);
      registered[id] = fn;
    },
    Error: RuntimeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  const sandbox: Record<string, unknown> = { CustomFunctions: runtime, setTimeout, clearTimeout };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(outDir, "functions.js"), "utf8"), sandbox, {
    filename: "functions.js",
  });
}, 120_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(RuntimeError);
    const e = error as RuntimeError;
    return { code: e.code, message: e.message };
  }
  throw new Error("expected an Excel error");
}

describe("the built functions bundle", () => {
  it("registers exactly the functions functions.json declares", () => {
    expect(Object.keys(registered).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(Object.keys(registered)).toHaveLength(FUNCTION_IDS.length);
  });

  it("associates each id once: the source adds no associate calls of its own", () => {
    expect(associations).toEqual(metadata.functions.map((f) => f.id));
  });

  it("answers Excel's calls by id", () => {
    const dfe = [[107520], [48960], [95040], [95040]];
    expect(registered.VALUE(960, 112)).toBe(107520);
    expect(registered.WORKDAYS(42978, 43069, null)).toBe(66);
    expect(registered.ENDDATE("2017-08-31", 66, null, null)).toBe(43069);
    expect(registered.DAYRATE(dfe)).toBe(960);
    expect(registered.ALLOCATE(346000, [[112], [51], [""], [99]], null)).toEqual([
      [147908.4],
      [67351.14],
      [""],
      [130740.46],
    ]);
    expect(registered.RECONCILE(dfe, 346000, null)).toBe("Mismatch: +£560.00");
    expect(registered.FINYEAR(42978)).toBe("2017/18");
  });

  it("answers bad arguments with the runtime's Excel errors", () => {
    expect(excelErrorOf(() => registered.VALUE(0, 10))).toEqual({
      code: "#VALUE!",
      message: "day_rate must be a positive amount",
    });
    expect(excelErrorOf(() => registered.DAYRATE([[1000], [1001]])).code).toBe("#N/A");
    // The bundle carries bank holidays for 1970 to 2100 only.
    expect(excelErrorOf(() => registered.WORKDAYS("1960-01-01", "1960-12-31", null))).toEqual({
      code: "#VALUE!",
      message:
        "start (1960-01-01) is before 1970: working days are worked out for 1970 to 2100, the years whose bank holidays are known",
    });
    expect(registered.WORKDAYS("2100-12-01", "2100-12-31", null)).toBe(21);
    expect(registered.ENDDATE("2100-12-01", 21, null, null)).toBe(73415); // 31 December 2100
    expect(excelErrorOf(() => registered.ENDDATE("2100-12-01", 22, null, null)).message).toMatch(
      /^the work would end after 2100: /,
    );
    expect(excelErrorOf(() => registered.ALLOCATE(100, [[1], ["x"]], null)).message).toBe(
      'row 2 of weights is "x"; weights must be numbers',
    );
  });
});
