/**
 * The official OCDS 1.1.5 schemas (release package, release with the lots extension), read from the
 * shared material (its ocds/ folder, found by tests/support/shared-material.ts). Tests only: the product
 * never reads them. Where the schemas are absent (a fresh clone), one line says so and the schema
 * check is skipped: releasePackageErrors and releaseErrors then return [] and the tests that call
 * them keep their other assertions.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { sharedDir } from "../support/shared-material";

export const OCDS_SCHEMA_DIR: string | undefined = sharedDir(
  "ocds",
  "checks against the official OCDS schemas (the tests keep their other assertions)",
);

function readSchema(dir: string, name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Record<string, unknown>;
}

let compiled: { pkg: ValidateFunction; release: ValidateFunction } | undefined;

function validators(dir: string): { pkg: ValidateFunction; release: ValidateFunction } {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const releaseSchema = readSchema(dir, "release-schema-with-lots-v1.1.5.json");
  ajv.addSchema(releaseSchema);
  const pkg = ajv.compile(readSchema(dir, "release-package-schema.json"));
  const release = ajv.getSchema(releaseSchema.id as string) as ValidateFunction;
  compiled = { pkg, release };
  return compiled;
}

/** The errors of one of the schemas (a package's or a release's) on `json`, as readable lines; [] when valid. */
function schemaErrors(schema: "pkg" | "release", json: unknown): string[] {
  if (OCDS_SCHEMA_DIR === undefined) return [];
  const v = validators(OCDS_SCHEMA_DIR)[schema];
  return v(json)
    ? []
    : (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

/** The schema errors of a release package, as readable lines; [] when it is valid. */
export function releasePackageErrors(json: unknown): string[] {
  return schemaErrors("pkg", json);
}

/** The schema errors of a single release; [] when it is valid. */
export function releaseErrors(json: unknown): string[] {
  return schemaErrors("release", json);
}
