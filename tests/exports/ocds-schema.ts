/**
 * The official OCDS 1.1.5 schemas (release package, release with the lots extension), read from
 * ../shared/ocds next to the repository. Tests only: the product never reads them.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";

export const OCDS_SCHEMA_DIR = path.resolve(__dirname, "../../../shared/ocds");

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(OCDS_SCHEMA_DIR, name), "utf8")) as Record<string, unknown>;
}

let compiled: { pkg: ValidateFunction; release: ValidateFunction } | undefined;

function validators(): { pkg: ValidateFunction; release: ValidateFunction } {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const releaseSchema = readSchema("release-schema-with-lots-v1.1.5.json");
  ajv.addSchema(releaseSchema);
  const pkg = ajv.compile(readSchema("release-package-schema.json"));
  const release = ajv.getSchema(releaseSchema.id as string) as ValidateFunction;
  compiled = { pkg, release };
  return compiled;
}

/** The schema errors of a release package, as readable lines; [] when it is valid. */
export function releasePackageErrors(json: unknown): string[] {
  const v = validators().pkg;
  return v(json)
    ? []
    : (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

/** The schema errors of a single release; [] when it is valid. */
export function releaseErrors(json: unknown): string[] {
  const v = validators().release;
  return v(json)
    ? []
    : (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
