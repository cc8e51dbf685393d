#!/usr/bin/env node
/* Offline checks of an Office add-in manifest (manifest.xml). No network: `npm run validate`.
 * The online validator (a Microsoft web service) stays available as `npm run validate:online`.
 *
 * Checks: well-formed XML; a TaskPaneApp for the Workbook host; a GUID id; a version of 1–4 numeric
 * parts; every resid defined once in Resources; every URL https and inside AppDomains; every image
 * present in assets/ at its declared size; ReadWriteDocument permission; a shared runtime that points
 * at the same URL as the functions page and the task pane. */
"use strict";
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

/** Returns a list of problems (empty when the manifest passes). */
function validateManifest(xml, { assetsDir }) {
  const problems = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const e = wellFormed.err;
    return [`not well-formed XML at line ${e.line}, column ${e.col}: ${e.msg}`];
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  const doc = parser.parse(xml);
  const app = first(doc.OfficeApp);
  if (!app) return ["the root element must be <OfficeApp>"];

  if (app["@type"] !== "TaskPaneApp")
    problems.push(`OfficeApp xsi:type must be TaskPaneApp, not "${app["@type"]}"`);
  const id = text(first(app.Id));
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push(`<Id> must be a GUID, found "${id}"`);
  }
  const version = text(first(app.Version));
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) {
    problems.push(`<Version> must be 1 to 4 numbers separated by dots (e.g. 1.0.0.0), found "${version}"`);
  }
  for (const required of ["ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl"]) {
    if (!app[required]) problems.push(`<${required}> is missing`);
  }
  const hosts = all(app.Hosts, "Host").map((h) => h["@Name"]);
  if (!hosts.includes("Workbook"))
    problems.push(`<Hosts> must include Workbook (found ${hosts.join(", ") || "none"})`);
  const permission = text(first(app.Permissions));
  if (permission !== "ReadWriteDocument") {
    problems.push(
      `<Permissions> should be ReadWriteDocument (the least the add-in needs), found "${permission}"`,
    );
  }

  // AppDomains and every URL in the manifest.
  const domains = all(app.AppDomains, "AppDomain").map((d) => text(d));
  for (const d of domains) {
    if (!d.startsWith("https://")) problems.push(`AppDomain "${d}" must be https`);
  }
  const urls = [];
  walk(app, (node, name) => {
    for (const [key, value] of Object.entries(node)) {
      if (key === "@DefaultValue" && /^[a-z]+:\/\//i.test(value)) urls.push({ where: name, url: value });
    }
  });
  for (const { where, url } of urls) {
    if (!url.startsWith("https://")) problems.push(`${where}: URL "${url}" must be https`);
    else if (!domains.some((d) => url === d || url.startsWith(d.replace(/\/?$/, "/")))) {
      problems.push(
        `${where}: URL "${url}" is not inside an <AppDomain> (${domains.join(", ") || "none declared"})`,
      );
    }
  }

  // Resources: every resid defined exactly once.
  const overrides = first(app.VersionOverrides);
  if (!overrides) {
    problems.push("<VersionOverrides> is missing: no ribbon button or custom functions");
    return problems;
  }
  const resources = first(overrides.Resources) || {};
  const defined = new Map();
  for (const [group, item] of [
    ["Images", "Image"],
    ["Urls", "Url"],
    ["ShortStrings", "String"],
    ["LongStrings", "String"],
  ]) {
    for (const el of all(resources[group], item)) {
      const rid = el["@id"];
      if (defined.has(rid)) problems.push(`resource id "${rid}" is defined twice`);
      defined.set(rid, { group, value: el["@DefaultValue"] });
    }
  }
  const used = new Set();
  walk(overrides, (node, name) => {
    if (typeof node["@resid"] === "string") {
      used.add(node["@resid"]);
      if (!defined.has(node["@resid"]))
        problems.push(`<${name} resid="${node["@resid"]}"> is not defined in <Resources>`);
    }
  });
  for (const rid of defined.keys()) {
    if (!used.has(rid)) problems.push(`resource "${rid}" is defined but never used`);
  }

  // Icons present at the declared sizes.
  const icons = [];
  walk(overrides, (node) => {
    if (node["@size"] && node["@resid"]) icons.push({ size: Number(node["@size"]), rid: node["@resid"] });
  });
  icons.push({ size: 32, url: first(app.IconUrl)["@DefaultValue"] });
  if (app.HighResolutionIconUrl)
    icons.push({ size: 64, url: first(app.HighResolutionIconUrl)["@DefaultValue"] });
  for (const icon of icons) {
    const url = icon.url || (defined.get(icon.rid) || {}).value;
    if (!url) continue;
    const file = path.join(assetsDir, path.basename(new URL(url).pathname));
    if (!fs.existsSync(file)) {
      problems.push(`icon ${url} has no file ${path.relative(process.cwd(), file)}`);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    if (!size) problems.push(`${file} is not a PNG`);
    else if (size.width !== icon.size || size.height !== icon.size) {
      problems.push(
        `${path.basename(file)} is ${size.width}x${size.height}, declared ${icon.size}x${icon.size}`,
      );
    }
  }

  // Shared runtime: one URL for the runtime, the functions page and the task pane.
  for (const host of all(overrides.Hosts, "Host")) {
    const runtime = first(all(host.Runtimes, "Runtime"));
    if (!runtime) continue;
    if (runtime["@lifetime"] !== "long")
      problems.push('<Runtime lifetime> must be "long" for custom functions');
    walk(host, (node, name) => {
      if (name === "Page") {
        const page = first(node.SourceLocation);
        if (page && page["@resid"] !== runtime["@resid"]) {
          problems.push(
            `custom functions <Page> uses "${page["@resid"]}" but <Runtime> uses "${runtime["@resid"]}"`,
          );
        }
      }
    });
  }
  return [...new Set(problems)];
}

function pngSize(buf) {
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function first(v) {
  return Array.isArray(v) ? v[0] : v;
}

function all(parent, name) {
  const p = first(parent);
  if (!p || typeof p !== "object") return [];
  return p[name] || [];
}

function text(node) {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node).trim();
  return String(node["#text"] ?? "").trim();
}

function walk(node, visit, name = "OfficeApp") {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit, name);
    return;
  }
  visit(node, name);
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith("@") && key !== "#text") walk(value, visit, key);
  }
}

module.exports = { validateManifest };

if (require.main === module) {
  const file = path.resolve(process.argv[2] || "manifest.xml");
  let xml;
  try {
    xml = fs.readFileSync(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
  const problems = validateManifest(xml, { assetsDir: path.join(path.dirname(file), "assets") });
  if (problems.length > 0) {
    console.error(`${path.basename(file)} has ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(
    `${path.basename(file)} passes the offline checks (use "npm run validate:online" for Microsoft's service).`,
  );
}
