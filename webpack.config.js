/* Build of the Tender Budget add-in: task pane (React + Fluent UI) and custom functions in one
 * shared runtime page, dist/taskpane.html. */
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const {
  ManifestPlugin,
  assetsDir,
  deployOptions,
  parseAddinUrl,
  parseManifestVersion,
} = require("./scripts/production-manifest");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** HTTPS options for `webpack serve`: trusted Office dev certificates where they can be installed,
 *  otherwise the generated (untrusted) ones, otherwise webpack-dev-server's self-signed certificate.
 *  TB_HTTP=1 serves plain http (the documented fallback for a plain browser). */
async function devServerTransport() {
  if (process.env.TB_HTTP === "1") return { type: "http" };
  const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options };
  } catch (error) {
    const key = path.join(certDir, "localhost.key");
    const cert = path.join(certDir, "localhost.crt");
    const ca = path.join(certDir, "ca.crt");
    const why = String(error && error.message ? error.message : error).trim();
    console.warn(
      [
        `[tender-budget] Could not install the Office development CA certificate: ${why}`,
        "[tender-budget] The pane is still served over https with an untrusted certificate (your browser will warn).",
        `[tender-budget] To trust it, import ${ca} into your browser or system store,`,
        "[tender-budget] or serve plain http instead: npm run start:http (then open http://localhost:3000/taskpane.html)",
      ].join("\n"),
    );
    if (fs.existsSync(key) && fs.existsSync(cert)) {
      return {
        type: "https",
        options: { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ca: fs.readFileSync(ca) },
      };
    }
    return { type: "https" };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  // The address the built files will be hosted at (docs/deploy.md): dist/manifest.xml points there.
  // Checked here, before building, so a wrong address stops the build with what to give instead.
  const deploy = serving ? {} : deployOptions(env);
  if (deploy.url !== undefined) parseAddinUrl(deploy.url, env.url ? "--env url" : "TB_ADDIN_URL");
  if (deploy.version !== undefined) {
    parseManifestVersion(deploy.version, env.version ? "--env version" : "TB_ADDIN_VERSION");
  }
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      // The pane shares the functions' runtime and engine modules (one copy of each in the page).
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // functions.js keeps a fixed name: manifest.xml points at it.
      filename: (pathData) =>
        dev || pathData.chunk.name === "functions" ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    target: ["web", "es2020"],
    performance: { hints: false },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Only what the first screen needs goes into the two vendor chunks; a component only a later
          // step uses (tables, switches, badges) arrives with that step.
          react: {
            chunks: "initial",
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "vendor-react",
            priority: 30,
          },
          fluent: {
            chunks: "initial",
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc[\\/]helpers)[\\/]/,
            name: "vendor-fluent",
            priority: 20,
          },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // One shared runtime: the pane and the custom functions load in the same page.
        chunks: ["taskpane", "functions"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }],
      }),
      new ManifestPlugin({
        source: path.resolve(__dirname, "manifest.xml"),
        assetsDir,
        url: deploy.url,
        version: deploy.version,
      }),
    ],
  };
  if (serving) {
    config.devServer = {
      static: { directory: path.resolve(__dirname, "dist") },
      host: "localhost",
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: await devServerTransport(),
      client: { overlay: { warnings: false } },
    };
  }
  return config;
};
