/**
 * Lets plain Node require the project's TypeScript: .ts/.tsx files are transpiled to CommonJS on load
 * with the installed `typescript` (no type check: `npm run typecheck` does that). office-addin-mock
 * requires office-addin-manifest only for its CLI helpers and reads just its OfficeApp enum; the package
 * itself pulls an ES module plain require cannot load, so that one module is stood in for by its enum.
 */
"use strict";
const Module = require("module");
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  resolveJsonModule: true,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
};

let registered = false;

function register() {
  if (registered) return;
  registered = true;
  for (const ext of [".ts", ".tsx"]) {
    Module._extensions[ext] = (module, filename) => {
      const source = fs.readFileSync(filename, "utf8");
      const out = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: filename });
      module._compile(out.outputText, filename);
    };
  }
  const manifestPath = require.resolve("office-addin-manifest");
  const stub = new Module(manifestPath, module);
  stub.filename = manifestPath;
  stub.loaded = true;
  stub.exports = { OfficeApp: require("office-addin-manifest/lib/officeApp").OfficeApp };
  require.cache[manifestPath] = stub;
}

module.exports = { register, ROOT: path.resolve(__dirname, "..") };
