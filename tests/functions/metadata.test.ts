/**
 * The functions.json the build writes: generated here by the same generator the webpack plugin
 * (custom-functions-metadata-plugin) runs on src/functions/functions.ts, then checked for the
 * names, parameters and help text Excel shows.
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { FUNCTION_IDS } from "./helpers";

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
}

let metadata: { functions: FunctionMetadata[] };
let associate: { functionName: string; id: string }[];
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  errors = result.errors;
  associate = result.associate;
  metadata = JSON.parse(result.metadataJson || '{"functions":[]}');
});

function fn(id: string): FunctionMetadata {
  const found = metadata.functions.find((f) => f.id === id);
  if (!found) throw new Error(`no function ${id} in functions.json`);
  return found;
}

/** Parameter name, type, matrix or scalar, optional or required. */
function signature(id: string): string[] {
  return fn(id).parameters.map(
    (p) =>
      `${p.name}: ${p.type}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? " (optional)" : ""}`,
  );
}

describe("functions.json", () => {
  it("is generated without errors", () => {
    expect(errors).toEqual([]);
  });

  it("declares the nine TENDER functions with ids Excel accepts", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(FUNCTION_IDS);
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z0-9_.]+$/);
      expect(f.name).toBe(f.id);
    }
  });

  it("declares each parameter's name, type and whether it is optional", () => {
    // Days are "any", not "number": Excel would otherwise turn TRUE into 1 and refuse "2 days"
    // with a bare #VALUE!, before the function could say what is wrong.
    expect(signature("VALUE")).toEqual(["day_rate: any", "days: any"]);
    expect(signature("WORKDAYS")).toEqual(["start: any", "end: any", "region: string (optional)"]);
    expect(signature("ENDDATE")).toEqual([
      "start: any",
      "days: any",
      "days_per_week: any (optional)",
      "region: string (optional)",
    ]);
    expect(signature("DAYRATE")).toEqual(["values: any[][]"]);
    expect(signature("ALLOCATE")).toEqual(["total: any", "weights: any[][]", "unit: string (optional)"]);
    expect(signature("RECONCILE")).toEqual([
      "values: any[][]",
      "stated_total: any",
      "tolerance: any (optional)",
    ]);
    expect(signature("FINYEAR")).toEqual(["date: any"]);
  });

  it("declares what each function returns", () => {
    expect(fn("VALUE").result).toEqual({ type: "number" });
    expect(fn("WORKDAYS").result).toEqual({ type: "number" });
    expect(fn("ENDDATE").result).toEqual({ type: "number" });
    expect(fn("DAYRATE").result).toEqual({ type: "number" });
    expect(fn("ALLOCATE").result).toEqual({ dimensionality: "matrix" });
    expect(fn("RECONCILE").result).toEqual({ type: "string" });
    expect(fn("FINYEAR").result).toEqual({ type: "string" });
  });

  it("gives help text for every function and every parameter", () => {
    for (const f of metadata.functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(10);
    }
    expect(fn("VALUE").description).toMatch(/exact to the penny/);
    expect(fn("WORKDAYS").parameters[2].description).toMatch(/England & Wales/);
    expect(fn("ALLOCATE").description).toMatch(/add up exactly/);
    expect(fn("FINYEAR").parameters[0].description).toMatch(/31\/08\/2017/);
  });

  it("associates every id with a function the module exports", () => {
    const exported = functions as unknown as Record<string, unknown>;
    expect(associate.map((a) => a.id)).toEqual(metadata.functions.map((f) => f.id));
    for (const a of associate) expect(typeof exported[a.functionName]).toBe("function");
  });
});
