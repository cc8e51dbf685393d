/**
 * The manifest `npm run build` writes for a hosting address (scripts/production-manifest.js,
 * docs/deploy.md). Office add-in manifests: "Office Add-ins manifest" and "Specify domains you want to
 * open in the add-in window" (learn.microsoft.com/office/dev/add-ins/develop/add-in-manifests);
 * version updates: "Maintain your Office Add-in" (learn.microsoft.com/office/dev/add-ins/publish/maintain-breaking-changes).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { itWith, sharedDir } from "../support/shared-material";
import { xsdVerdict } from "./xsd";

interface ManifestModule {
  DEV_ORIGIN: string;
  parseAddinUrl: (text: string, option?: string) => { origin: string; base: string };
  productionManifest: (xml: string, address: string, version?: string) => string;
  deployOptions: (
    env?: Record<string, unknown>,
    environ?: Record<string, string | undefined>,
  ) => { url?: string; version?: string };
  ManifestPlugin: new (options: {
    source: string;
    assetsDir: string;
    url?: string;
    version?: string;
  }) => webpack.WebpackPluginInstance;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../../scripts/production-manifest.js") as ManifestModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../../scripts/validate-manifest.js") as {
  validateManifest: (xml: string, options: { assetsDir: string }) => string[];
};

const root = path.resolve(__dirname, "../..");
const devManifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");
const HOST = "https://addins.example.gov.uk";
const ADDRESS = `${HOST}/tender-budget`;

/** Every URL in the manifest: attribute values and element text that start with a scheme. */
function urlsOf(xml: string): string[] {
  return [
    ...xml.matchAll(/(?:DefaultValue="|<AppDomain>|<SourceLocation DefaultValue=")([a-z]+:\/\/[^"<]*)/gi),
  ].map((m) => m[1]);
}

const xsdDir = sharedDir(
  "manifest-xsd",
  "the deployment manifest against the official add-in manifest XSDs (1 test)",
);

describe("the manifest for a hosting address", () => {
  const xml = deploy.productionManifest(devManifest, `${ADDRESS}/`, "1.0.1.0");

  it("puts every URL on the given host, under the given folder, and none on localhost", () => {
    const urls = urlsOf(xml);
    expect(urls.length).toBe(urlsOf(devManifest).length);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(new URL(url).origin).toBe(HOST);
    }
    expect(xml).not.toContain("localhost");
    expect(xml).toContain(`<SourceLocation DefaultValue="${ADDRESS}/taskpane.html"/>`);
    expect(xml).toContain(`<bt:Url id="Functions.Metadata.Url" DefaultValue="${ADDRESS}/functions.json"/>`);
    expect(xml).toContain(`<bt:Image id="Icon.80x80" DefaultValue="${ADDRESS}/assets/icon-80.png"/>`);
    // An AppDomain is an origin: scheme, host and port, no folder.
    expect(xml).toContain(`<AppDomain>${HOST}</AppDomain>`);
  });

  it("keeps the add-in's id and everything else of the development manifest", () => {
    const back = xml
      .split(ADDRESS)
      .join(deploy.DEV_ORIGIN)
      .replace(`<AppDomain>${HOST}</AppDomain>`, `<AppDomain>${deploy.DEV_ORIGIN}</AppDomain>`)
      .replace("<Version>1.0.1.0</Version>", "<Version>1.0.0.0</Version>");
    expect(back).toBe(devManifest);
  });

  it("takes the release's version, and keeps the development one when none is given", () => {
    expect(xml).toContain("<Version>1.0.1.0</Version>");
    expect(deploy.productionManifest(devManifest, HOST)).toContain("<Version>1.0.0.0</Version>");
  });

  it("passes the offline checks of npm run validate", () => {
    expect(validateManifest(xml, { assetsDir })).toEqual([]);
    expect(validateManifest(deploy.productionManifest(devManifest, HOST), { assetsDir })).toEqual([]);
  });

  itWith(xsdDir)(
    "is valid against the official add-in manifest XSDs (extended with <Runtimes>)",
    async () => {
      expect(await xsdVerdict(xml, xsdDir)).toEqual({ errors: [], valid: true });
    },
  );

  it("leaves the development manifest on https://localhost:3000", () => {
    for (const url of urlsOf(devManifest)) expect(new URL(url).origin).toBe("https://localhost:3000");
  });
});

describe("the hosting address", () => {
  it("is the origin and the folder without a trailing slash", () => {
    expect(deploy.parseAddinUrl("https://addins.example.gov.uk/")).toEqual({
      origin: HOST,
      base: HOST,
    });
    expect(deploy.parseAddinUrl(" https://addins.example.gov.uk:8443/a/b// ")).toEqual({
      origin: "https://addins.example.gov.uk:8443",
      base: "https://addins.example.gov.uk:8443/a/b",
    });
  });

  it.each([
    ["http://addins.example.gov.uk", /--env url: "http:\/\/addins.example.gov.uk" is not https/],
    ["addins.example.gov.uk", /--env url: "addins.example.gov.uk" is not an address/],
    ["", /--env url: "" is not an address/],
    ["https://addins.example.gov.uk/?v=2", /has a user name, query or fragment/],
    ["https://user:pw@addins.example.gov.uk", /has a user name, query or fragment/],
  ])("refuses %j, naming the option and what to give", (text, message) => {
    expect(() => deploy.parseAddinUrl(text)).toThrow(message);
    expect(() => deploy.parseAddinUrl(text)).toThrow(/e\.g\. --env url=https:\/\//);
  });

  it("refuses a version that is not 1 to 4 numbers", () => {
    expect(() => deploy.productionManifest(devManifest, HOST, "1.0.1.0.0")).toThrow(
      /--env version: "1.0.1.0.0" is not a manifest version/,
    );
    expect(() => deploy.productionManifest(devManifest, HOST, "v2")).toThrow(/not a manifest version/);
  });

  it("comes from --env first, then TB_ADDIN_URL and TB_ADDIN_VERSION", () => {
    const environ = { TB_ADDIN_URL: "https://a.example", TB_ADDIN_VERSION: "2.0" };
    expect(deploy.deployOptions({}, environ)).toEqual({ url: "https://a.example", version: "2.0" });
    expect(deploy.deployOptions({ url: "https://b.example" }, environ)).toEqual({
      url: "https://b.example",
      version: "2.0",
    });
    expect(deploy.deployOptions({}, {})).toEqual({ url: undefined, version: undefined });
    expect(deploy.deployOptions({}, { TB_ADDIN_URL: "" })).toEqual({ url: undefined, version: undefined });
  });
});

// webpack itself takes some seconds to start on a busy machine.
describe("the build's manifest plugin", () => {
  jest.setTimeout(60_000);

  /** Runs webpack on an empty module with the plugin; the output folder and the errors. */
  async function build(options: { source?: string; url?: string; version?: string }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tender-budget-manifest-"));
    const entry = path.join(dir, "entry.js");
    fs.writeFileSync(entry, "export {};\n");
    const compiler = webpack({
      mode: "production",
      context: dir,
      entry,
      output: { path: path.join(dir, "dist") },
      plugins: [
        new deploy.ManifestPlugin({
          source: options.source ?? path.join(root, "manifest.xml"),
          assetsDir,
          url: options.url,
          version: options.version,
        }),
      ],
    });
    const stats = await new Promise<webpack.Stats>((done, fail) =>
      compiler.run((error, result) => (error || !result ? fail(error) : done(result))),
    );
    await new Promise((done) => compiler.close(done));
    return { out: path.join(dir, "dist"), errors: stats.compilation.errors.map((e) => e.message), dir };
  }

  it("writes dist/manifest.xml for the address it is given", async () => {
    const { out, errors, dir } = await build({ url: ADDRESS, version: "1.2.0.0" });
    try {
      expect(errors).toEqual([]);
      const written = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
      expect(written).toBe(deploy.productionManifest(devManifest, ADDRESS, "1.2.0.0"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes the development manifest as it is when no address is given", async () => {
    const { out, errors, dir } = await build({});
    try {
      expect(errors).toEqual([]);
      expect(fs.readFileSync(path.join(out, "manifest.xml"), "utf8")).toBe(devManifest);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails the build, listing the problems, when the manifest does not pass the checks", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tender-budget-bad-manifest-"));
    const bad = path.join(tmp, "manifest.xml");
    fs.writeFileSync(bad, devManifest.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"));
    const { out, errors, dir } = await build({ source: bad, url: ADDRESS });
    try {
      expect(errors.join("\n")).toMatch(
        /dist\/manifest\.xml for https:\/\/addins\.example\.gov\.uk\/tender-budget does not pass/,
      );
      expect(errors.join("\n")).toContain('<Id> must be a GUID, found "not-a-guid"');
      expect(fs.existsSync(path.join(out, "manifest.xml"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
