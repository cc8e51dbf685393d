/**
 * How Excel reaches the functions: manifest.xml's URLs against what webpack.config.js builds and serves.
 * One page (taskpane.html) is the task pane, the shared runtime and the custom functions page, and it
 * loads the functions bundle; functions.json is built beside it and the dev server sends it with CORS
 * (without the header Excel on the web shows #N/A or a lasting #BUSY!). The dev server's https options
 * exist only under `webpack serve`, never in a production build.
 */
import fs from "fs";
import path from "path";
import type { Configuration } from "webpack";

const ROOT = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

type MakeConfig = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;

/** The project's webpack configuration as `webpack` or `webpack serve` would see it. */
async function configFor(mode: string, serving: boolean, http = true): Promise<Configuration> {
  const saved = { serve: process.env.WEBPACK_SERVE, http: process.env.TB_HTTP };
  try {
    if (serving) process.env.WEBPACK_SERVE = "true";
    else delete process.env.WEBPACK_SERVE;
    // Plain http keeps the test from reaching for (or installing) development certificates.
    if (http) process.env.TB_HTTP = "1";
    else delete process.env.TB_HTTP;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as MakeConfig;
    return await makeConfig({}, { mode });
  } finally {
    for (const [key, value] of [
      ["WEBPACK_SERVE", saved.serve],
      ["TB_HTTP", saved.http],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The URL a manifest resid stands for. */
function url(id: string): string {
  const m = new RegExp(`<bt:Url id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]+)"/>`).exec(manifest);
  if (!m) throw new Error(`manifest.xml has no URL ${id}`);
  return m[1];
}

function plugin(config: Configuration, name: string): { options: Record<string, unknown> } {
  const found = (config.plugins ?? []).find((p) => p?.constructor.name === name);
  if (!found) throw new Error(`webpack.config.js has no ${name}`);
  return found as unknown as { options: Record<string, unknown> };
}

describe("one page for the task pane, the shared runtime and the functions", () => {
  it("gives the runtime, the functions page, the function file and the pane one resid", () => {
    const resids = [
      /<Runtime resid="([^"]+)"/,
      /<Page>\s*<SourceLocation resid="([^"]+)"/,
      /<FunctionFile resid="([^"]+)"/,
      /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/,
    ].map((re) => re.exec(manifest)?.[1]);
    expect(resids).toEqual(["Taskpane.Url", "Taskpane.Url", "Taskpane.Url", "Taskpane.Url"]);
  });

  it("builds taskpane.html with the functions bundle in it, and functions.json and functions.js", async () => {
    const config = await configFor("production", false);
    const html = plugin(config, "HtmlWebpackPlugin").options;
    expect(path.basename(url("Taskpane.Url"))).toBe(html.filename);
    expect(html.chunks).toEqual(expect.arrayContaining(["taskpane", "functions"]));
    expect(plugin(config, "CustomFunctionsMetadataPlugin").options.output).toBe(
      path.basename(url("Functions.Metadata.Url")),
    );
    const filename = (config.output?.filename ?? "") as (p: { chunk: { name: string } }) => string;
    // A fixed name (no content hash), since the manifest names it.
    expect(filename({ chunk: { name: "functions" } }).replace("[name]", "functions")).toBe(
      path.basename(url("Functions.Script.Url")),
    );
  });
});

describe("the dev server", () => {
  it("serves dist (functions.json included) with CORS on the manifest's port", async () => {
    const config = (await configFor("development", true)) as Configuration & {
      devServer?: { headers?: Record<string, string>; port?: number; server?: { type: string } };
    };
    expect(config.devServer?.headers?.["Access-Control-Allow-Origin"]).toBe("*");
    expect(String(config.devServer?.port)).toBe(new URL(url("Functions.Metadata.Url")).port);
    expect(config.devServer?.server).toEqual({ type: "http" });
  });

  it("is absent from a production build, so it never looks for certificates", async () => {
    const config = await configFor("production", false, false);
    expect(config).not.toHaveProperty("devServer");
    expect(JSON.stringify(config)).not.toMatch(/"https"/);
  });
});
