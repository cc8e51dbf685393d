#!/usr/bin/env node
/* `npm start`: builds and serves the add-in on https://localhost:3000 in the background, waits until
 * the pane answers, then says how to open it in a browser and how to sideload manifest.xml into Excel.
 * `npm stop` stops it. TB_HTTP=1 (npm run start:http) serves plain http instead. */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const http = require("http");
const https = require("https");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, ".dev-server.pid");
const logFile = path.join(root, ".dev-server.log");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const useHttp = process.env.TB_HTTP === "1";
const scheme = useHttp ? "http" : "https";
const paneUrl = `${scheme}://localhost:${port}/taskpane.html`;

function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function probe() {
  return new Promise((resolve) => {
    const client = useHttp ? http : https;
    const req = client.get(paneUrl, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function main() {
  if (fs.existsSync(pidFile)) {
    // The pid file holds the process id, then the address it serves (http or https).
    const [pidLine, servedUrl] = fs.readFileSync(pidFile, "utf8").split("\n");
    const pid = Number.parseInt(pidLine, 10);
    if (running(pid)) {
      const url = servedUrl || paneUrl;
      const other = url !== paneUrl ? `\nTo serve ${paneUrl} instead, run npm stop first.` : "";
      console.log(
        `Tender Budget is already being served (process ${pid}): ${url}${other}\nStop it with: npm stop`,
      );
      return 0;
    }
    fs.unlinkSync(pidFile);
  }
  const log = fs.openSync(logFile, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: process.env,
  });
  fs.writeFileSync(pidFile, `${child.pid}\n${paneUrl}\n`);
  child.unref();
  process.stdout.write(`Building and serving Tender Budget (log: ${path.relative(process.cwd(), logFile)}) `);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (!running(child.pid)) {
      console.error(`\nThe dev server stopped. Its log:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`);
      fs.rmSync(pidFile, { force: true });
      return 1;
    }
    if (await probe()) {
      const notes = fs
        .readFileSync(logFile, "utf8")
        .split("\n")
        .filter((l) => l.startsWith("[tender-budget]"))
        .map((l) => l.replace("[tender-budget] ", ""))
        .join("\n");
      console.log(`\n
Tender Budget is running: ${paneUrl}
${notes ? `\n${notes}\n` : ""}
Open that address in any browser to use the pane without Excel.

Sideload into Excel (manifest: ${path.join(root, "manifest.xml")})${
        useHttp ? ";\nExcel needs the https address, so first npm stop, then npm start" : ""
      }:
  - Excel on the web: open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in, choose manifest.xml.
  - Excel on Windows: npx office-addin-debugging start manifest.xml desktop
      (or share a folder holding manifest.xml, add it under File > Options > Trust Center >
       Trusted Add-in Catalogs, then Home > Add-ins > Shared Folder).
  - Excel on macOS: copy manifest.xml to
      ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.
  Then click "Tender Budget" on the Home tab.

Stop the server with: npm stop`);
      return 0;
    }
    process.stdout.write(".");
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.error(`\nThe pane did not answer on ${paneUrl} within 3 minutes; see ${logFile}. Stopping.`);
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch (error) {
    console.error(`Could not stop process ${child.pid}: ${error.message}`);
  }
  fs.rmSync(pidFile, { force: true });
  return 1;
}

main().then((code) => {
  process.exitCode = code;
});
