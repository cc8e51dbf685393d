/* The manifest of a deployed add-in: manifest.xml with every https://localhost:3000 address replaced
 * by the address the built files are hosted at (docs/deploy.md). `npm run build` writes it to
 * dist/manifest.xml when given the address (--env url=… or TB_ADDIN_URL), checks it with
 * scripts/validate-manifest.js and stops with the problems if it does not pass. Without an address,
 * dist/manifest.xml is the development manifest, as manifest.xml is. */
"use strict";
const fs = require("fs");
const path = require("path");
const { validateManifest } = require("./validate-manifest");

/** The address every URL of the development manifest starts with. */
const DEV_ORIGIN = "https://localhost:3000";

/**
 * The hosting address as the manifest needs it: https, no query, fragment or user name, no trailing
 * slash (a folder such as https://apps.example.gov.uk/tender-budget is allowed). Throws an Error
 * naming the option and what to give when the text is not such an address.
 */
function parseAddinUrl(text, option = "--env url") {
  const given = String(text ?? "").trim();
  const advice = `give the https address the built files are hosted at, e.g. ${option}=https://addins.example.gov.uk/tender-budget`;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`${option}: "${given}" is not an address; ${advice}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`${option}: "${given}" is not https; Office loads add-ins only over https: ${advice}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`${option}: "${given}" has a user name, query or fragment; ${advice}`);
  }
  return { origin: url.origin, base: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}

/** A manifest <Version>: 1 to 4 whole numbers separated by dots. */
function parseManifestVersion(text, option = "--env version") {
  const given = String(text ?? "").trim();
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(given)) {
    throw new Error(
      `${option}: "${given}" is not a manifest version; give 1 to 4 numbers separated by dots, higher than the version deployed now, e.g. ${option}=1.0.1.0`,
    );
  }
  return given;
}

/**
 * The development manifest rewritten for `address`: each URL's https://localhost:3000 becomes the
 * address (the AppDomain its origin), and <Version> becomes `version` when given.
 */
function productionManifest(devXml, address, version) {
  const { origin, base } = parseAddinUrl(address);
  let xml = devXml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(base);
  if (version !== undefined) {
    const v = parseManifestVersion(version);
    xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${v}</Version>`);
  }
  return xml;
}

/** The address and version a build was given: `--env url=… version=…` first, then TB_ADDIN_URL and TB_ADDIN_VERSION. */
function deployOptions(env = {}, environ = process.env) {
  const url = env.url ?? (environ.TB_ADDIN_URL || undefined);
  const version = env.version ?? (environ.TB_ADDIN_VERSION || undefined);
  return {
    url: typeof url === "string" ? url : undefined,
    version: typeof version === "string" ? version : undefined,
  };
}

/**
 * Webpack plugin: emits manifest.xml into the build, rewritten for `url` when given, and fails the
 * build with the validator's problems when the result does not pass them.
 */
class ManifestPlugin {
  constructor({ source, assetsDir, url, version }) {
    this.source = source;
    this.assetsDir = assetsDir;
    this.url = url;
    this.version = version;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ManifestPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(this.source);
          const dev = fs.readFileSync(this.source, "utf8");
          const xml = this.url === undefined ? dev : productionManifest(dev, this.url, this.version);
          const problems = validateManifest(xml, { assetsDir: this.assetsDir });
          if (problems.length > 0) {
            const error = new compiler.webpack.WebpackError(
              `dist/manifest.xml for ${this.url ?? DEV_ORIGIN} does not pass the manifest checks:\n- ${problems.join("\n- ")}`,
            );
            compilation.errors.push(error);
            return;
          }
          compilation.emitAsset("manifest.xml", new RawSource(xml));
        },
      );
    });
  }
}

module.exports = {
  DEV_ORIGIN,
  parseAddinUrl,
  parseManifestVersion,
  productionManifest,
  deployOptions,
  ManifestPlugin,
  assetsDir: path.resolve(__dirname, "..", "assets"),
};
