/**
 * The functions bundle as Excel meets it: src/functions/functions.ts built by webpack with
 * custom-functions-metadata-plugin (as webpack.config.js does), then run in a fresh JavaScript
 * context whose only Office global is a CustomFunctions runtime that records `associate` calls.
 * Excel calls the functions it was given by id; so does this test.
 */
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import webpack from "webpack";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";

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

function build(dir: string): Promise<webpack.Stats> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: { functions: ENTRY },
    output: { path: dir, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    target: ["web", "es2020"],
    // The plugin resolves its input against the working directory, not webpack's context.
    plugins: [new CustomFunctionsMetadataPlugin({ output: "functions.json", input: path.join(ROOT, ENTRY) })],
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
    expect(Object.keys(registered)).toHaveLength(7);
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
    expect(registered.FY(42978)).toBe("2017/18");
  });

  it("answers bad arguments with the runtime's Excel errors", () => {
    expect(excelErrorOf(() => registered.VALUE(0, 10))).toEqual({
      code: "#VALUE!",
      message: "day_rate must be a positive amount",
    });
    expect(excelErrorOf(() => registered.DAYRATE([[1000], [1001]])).code).toBe("#N/A");
    expect(excelErrorOf(() => registered.ALLOCATE(100, [[1], ["x"]], null)).message).toBe(
      'row 2 of weights is "x"; weights must be numbers',
    );
  });
});
