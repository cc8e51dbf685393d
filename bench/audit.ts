/**
 * Bulk audit speed: `tender-budget audit` on generated JSON Lines of Contracts Finder shaped
 * releases (100 MB and 1 GB), against a user's quick alternative — `jq` summing each release's lot
 * values — and the floor, a bare line-by-line JSON.parse in Node (readline). The same file for all
 * three, in one run. The files are written to a temporary folder and deleted afterwards.
 *
 * Peak memory is the audit process's maximum resident set (worker threads included), read by
 * bench/rusage-hook.js; CPU time above wall time shows the cores in use.
 */
import { spawnSync } from "child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runNode } from "./node-run";

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "tender-budget.js");
export const JQ = process.env.JQ_PATH ?? "/usr/bin/jq";

/** A small, seeded generator (mulberry32): the same file every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "support services framework provision delivery maintenance consultancy advice children adults highways housing school transport digital cleaning security catering training care review assessment programme improvement".split(
    " ",
  );
const PLACES = [
  "Barnet",
  "Kirklees",
  "Reading",
  "Worcestershire",
  "Leeds",
  "Croydon",
  "Torbay",
  "Kent",
  "Sandwell",
  "Cumbria",
];

function sentence(rnd: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  return out.join(" ");
}

/**
 * One process's releases as Contracts Finder publishes them: the tender (parties with addresses
 * and contacts, a description, CPV items, documents, 0 to 4 lots with or without values), and for
 * half of them an award release later. About 1 in 20 has lots that do not add up.
 */
function processReleases(rnd: () => number, n: number): string[] {
  const ocid = `ocds-b5fd17-${(0x10000000 + n).toString(16)}-bench`;
  const buyerId = `GB-CF-${1000 + (n % 500)}`;
  const buyer = `${PLACES[n % PLACES.length]} Council ${n % 500}`;
  const party = {
    id: buyerId,
    name: buyer,
    identifier: { scheme: "GB-CF", id: String(1000 + (n % 500)), legalName: buyer },
    address: {
      streetAddress: `${1 + (n % 200)} High Street`,
      locality: PLACES[n % PLACES.length],
      postalCode: "AB1 2CD",
      countryName: "United Kingdom",
    },
    contactPoint: {
      name: "Procurement Team",
      email: "procurement@example.gov.uk",
      telephone: "01234 567890",
    },
    roles: ["buyer"],
  };
  const lotCount = Math.floor(rnd() * 5);
  const lots = [];
  let total = 0;
  for (let i = 0; i < lotCount; i++) {
    const valued = rnd() < 0.8;
    const amount = Math.round(rnd() * 500) * 960;
    if (valued) total += amount;
    lots.push({
      id: String(i + 1),
      title: `Lot ${i + 1}: ${PLACES[(n + i) % PLACES.length]}`,
      status: "active",
      ...(valued ? { value: { amount, currency: "GBP" } } : {}),
    });
  }
  const stated = lotCount === 0 ? Math.round(rnd() * 2000) * 1000 : total + (rnd() < 0.05 ? 560 : 0);
  const date = `20${String(17 + (n % 8)).padStart(2, "0")}-0${1 + (n % 9)}-1${n % 10}T10:15:27+01:00`;
  const tender = {
    ocid,
    id: `${ocid}-tender-1`,
    date,
    tag: ["tender"],
    initiationType: "tender",
    language: "en",
    parties: [party],
    buyer: { id: buyerId, name: buyer },
    tender: {
      id: `T-${n}`,
      title: `${sentence(rnd, 6)} ${PLACES[n % PLACES.length]}`,
      description: sentence(rnd, 80 + Math.floor(rnd() * 80)),
      status: "active",
      items: [
        {
          id: "1",
          description: sentence(rnd, 5),
          classification: {
            scheme: "CPV",
            id: "79400000",
            description: "Business and management consultancy and related services",
          },
          deliveryAddresses: [{ region: "Any region" }],
        },
      ],
      minValue: { amount: 0, currency: "GBP" },
      value: { amount: stated, currency: "GBP" },
      procurementMethod: "open",
      procurementMethodDetails: "Open procedure",
      mainProcurementCategory: "services",
      tenderPeriod: { startDate: date, endDate: date.replace(/-1(\d)T/, "-2$1T") },
      contractPeriod: { startDate: "2025-04-01T00:00:00+01:00", endDate: "2026-03-31T23:59:59+01:00" },
      ...(lotCount > 0 ? { lots } : {}),
      documents: [
        {
          id: "1",
          documentType: "tenderNotice",
          title: "Notice",
          url: `https://www.contractsfinder.service.gov.uk/Notice/${ocid}`,
          format: "text/html",
        },
      ],
    },
  };
  const out = [JSON.stringify(tender)];
  if (rnd() < 0.5) {
    const award = {
      ocid,
      id: `${ocid}-award-1`,
      date: date.replace(/^20(\d\d)/, (_, y) => `20${Number(y) + 1}`),
      tag: ["award"],
      initiationType: "tender",
      parties: [party, { id: `GB-COH-${n}`, name: `Supplier ${n} Ltd`, roles: ["supplier"] }],
      buyer: { id: buyerId, name: buyer },
      awards: [
        {
          id: "1",
          status: "active",
          date,
          value: { amount: Math.round(stated * (0.9 + rnd() * 0.2)), currency: "GBP" },
          suppliers: [{ id: `GB-COH-${n}`, name: `Supplier ${n} Ltd` }],
        },
      ],
    };
    out.push(JSON.stringify(award));
  }
  return out;
}

/** Write JSON Lines of at least `bytes` bytes; returns the number of releases. */
export function generateJsonLines(file: string, bytes: number): number {
  const rnd = random(16);
  const fd = openSync(file, "w");
  let written = 0;
  let releases = 0;
  let buffer: string[] = [];
  let pending = 0;
  try {
    for (let n = 0; written + pending < bytes; n++) {
      for (const line of processReleases(rnd, n)) {
        buffer.push(line);
        pending += line.length + 1;
        releases++;
      }
      if (pending > 4 << 20) {
        written += writeSync(fd, buffer.join("\n") + "\n");
        buffer = [];
        pending = 0;
      }
    }
    if (buffer.length > 0) written += writeSync(fd, buffer.join("\n") + "\n");
  } finally {
    closeSync(fd);
  }
  return releases;
}

export interface Timed {
  wallMs: number;
  cpuMs?: number;
  maxRssMiB?: number;
  ok: boolean;
  note?: string;
}

function timedNode(args: string[], env: Record<string, string> = {}): Timed {
  const dir = mkdtempSync(join(tmpdir(), "tb-rusage-"));
  const usage = join(dir, "usage.json");
  try {
    const r = runNode(args, { cwd: ROOT, env, usageFile: usage });
    return {
      wallMs: r.wallMs,
      ok: r.status === 0 || r.status === 1,
      ...(r.cpuMs !== undefined ? { cpuMs: r.cpuMs, maxRssMiB: r.maxRssMiB } : {}),
      ...(r.status !== 0 && r.status !== 1 ? { note: r.stderr.slice(0, 300) } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A bare line-by-line JSON.parse: what the audit cannot beat (readline, one thread). */
const BARE_PARSE = `
const rl = require("readline").createInterface({ input: require("fs").createReadStream(process.argv[1]), crlfDelay: Infinity });
let n = 0;
rl.on("line", (l) => { if (l) { JSON.parse(l); n++; } });
rl.on("close", () => { if (n === 0) process.exit(3); });
`;

/** jq summing each release's lot values, one number a line (what a user might type). */
export const JQ_FILTER = "[.tender.lots[]?.value.amount // 0] | add";

function timedJq(file: string): Timed {
  if (!existsSync(JQ))
    return {
      wallMs: NaN,
      ok: false,
      note: `no jq at ${JQ}: apt-get install jq (Debian/Ubuntu), brew install jq (macOS), or set JQ_PATH`,
    };
  const started = process.hrtime.bigint();
  // The shell's `times` prints its children's user and system time (jq's CPU time) on its second line.
  const r = spawnSync("/bin/sh", ["-c", `"${JQ}" -c '${JQ_FILTER}' "${file}" > /dev/null && times`], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const children = String(r.stdout).trim().split("\n")[1] ?? "";
  const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000,
  );
  return {
    wallMs,
    ok: r.status === 0,
    ...(parts.length === 2 ? { cpuMs: parts[0] + parts[1] } : {}),
    ...(r.status !== 0 ? { note: String(r.stderr).slice(0, 300) } : {}),
  };
}

export interface AuditRun {
  label: string;
  bytes: number;
  releases: number;
  generateMs: number;
  audit: Timed;
  jq: Timed;
  bare: Timed;
}

/** Generate each size in a temporary folder, measure the three on it, delete it. */
export function measureAudit(
  sizes: readonly { label: string; bytes: number }[],
  say: (line: string) => void,
): AuditRun[] {
  const runs: AuditRun[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "tb-audit-bench-"));
    try {
      const file = join(dir, "releases.jsonl");
      say(`  generating ${size.label} of JSON Lines…`);
      const t0 = Date.now();
      const releases = generateJsonLines(file, size.bytes);
      const generateMs = Date.now() - t0;
      const bytes = statSync(file).size;
      say(`  ${releases.toLocaleString("en-GB")} releases; audit…`);
      const audit = timedNode([BIN, "audit", file, "--out", join(dir, "audit.csv")]);
      say(`  jq…`);
      const jq = timedJq(file);
      say(`  bare JSON.parse…`);
      const bare = timedNode(["-e", BARE_PARSE, file]);
      runs.push({ label: size.label, bytes, releases, generateMs, audit, jq, bare });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return runs;
}

/** MB per second of CPU time (all threads): the work per byte, whatever the load on the machine. */
export const cpuThroughput = (bytes: number, t: Timed): number =>
  t.ok && t.cpuMs !== undefined && t.cpuMs > 0 ? bytes / 1e6 / (t.cpuMs / 1000) : NaN;

/** MB/s (10^6 bytes a second). */
export const throughput = (bytes: number, t: Timed): number => (t.ok ? bytes / 1e6 / (t.wallMs / 1000) : NaN);
