"use strict";
// Preloaded (node -r) into a measured child process: at exit, writes the process's peak resident
// memory (all threads, worker threads included) and CPU time to the file named by BENCH_RUSAGE_FILE.
const { writeFileSync } = require("fs");
process.on("exit", () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({ maxRssKiB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }),
  );
});
