#!/usr/bin/env node
/* `npm stop`: stops the dev server that `npm start` started. */
"use strict";
const fs = require("fs");
const path = require("path");

const pidFile = path.resolve(__dirname, "..", ".dev-server.pid");
if (!fs.existsSync(pidFile)) {
  console.log("Tender Budget is not running (no .dev-server.pid): nothing to stop.");
} else {
  // The pid file holds the process id, then the address it serves.
  const pid = Number.parseInt(fs.readFileSync(pidFile, "utf8"), 10);
  try {
    process.kill(-pid, "SIGTERM"); // the whole process group started by npm start
    console.log(`Stopped the Tender Budget dev server (process ${pid}).`);
  } catch (error) {
    if (error.code === "ESRCH") console.log(`The dev server (process ${pid}) had already stopped.`);
    else {
      console.error(`Could not stop process ${pid}: ${error.message}`);
      process.exitCode = 1;
    }
  }
  fs.rmSync(pidFile, { force: true });
}
