/**
 * `tender-budget audit FILE...`: check every contracting process in downloads of published
 * notices and list them by the size of the difference between the stated total and the lots.
 */

import { createWriteStream, promises as fs, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import {
  auditCsvHeader,
  auditCsvLine,
  auditRowToJson,
  type AuditOptions,
  type AuditRow,
  type AuditSummary,
} from "../../domain/audit";
import { formatMoney } from "../../domain/core/money";
import type { InputError } from "../../domain/core/types";
import { ExitCode, type CheckFlags } from "../args";
import { checkOutputs, type CheckedOutput } from "../files";
import { fileProblem, type ResolvedIo } from "../io";
import { readAuditOptions } from "./options";
import { shardFile, type ShardRows } from "./chunk";
import { inThread, startRunner, WORKER_MAX_BYTES, type Runner } from "./pool";
import { auditFile } from "./read";
import { RowStore, ShardedCollector, shardCount, shardsToCheck, TempFolder } from "./shards";

/** The audit's outcome: the summary, and the rows (read from disk, in audit order) as often as asked. */
interface AuditOutput {
  summary: AuditSummary;
  count: number;
  rows: () => Iterable<AuditRow>;
}

const PROGRAM = "tender-budget";
/** Files smaller than this are read in the main thread: starting workers would cost more. */
const WORKERS_FROM_BYTES = 4 << 20;

type OutputKind = "csv" | "json" | "xlsx";

function outputKind(file: string): OutputKind | undefined {
  const m = /\.(csv|json|xlsx)$/i.exec(file);
  return m ? (m[1].toLowerCase() as OutputKind) : undefined;
}

function printErrors(io: ResolvedIo, heading: string, errors: readonly InputError[]): void {
  const lines = [`${PROGRAM}: ${heading}`, ...errors.map((e) => `  ${e.path}: ${e.message}`)];
  io.stderr.write(lines.join("\n") + "\n");
}

/** Releases read, MB/s and the time left (when the size is known), on one line of a terminal. */
class Progress {
  private bytes = 0;
  private shown = 0;
  private readonly started = Date.now();

  constructor(
    private readonly io: ResolvedIo,
    private readonly totalBytes: number,
    private readonly collector: { releases: number },
  ) {}

  add(file: string, fileBytes: number, doneBefore: number): void {
    this.bytes = doneBefore + fileBytes;
    const now = Date.now();
    if (now - this.shown < 250) return;
    this.shown = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.bytes / seconds;
    const left = rate > 0 ? (this.totalBytes - this.bytes) / rate : 0;
    this.io.stderr.write(
      `\r\x1b[K${file}: ${this.collector.releases.toLocaleString("en-GB")} releases read, ${(rate / 1e6).toFixed(1)} MB/s, ${Math.ceil(left)} s left`,
    );
  }

  clear(): void {
    if (this.shown > 0) this.io.stderr.write("\r\x1b[K");
  }
}

/** Write text to a new file (never an existing one), piece by piece, waiting when the disk is behind. */
async function writeStreamed(file: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, { flags: "wx" });
  const failed = new Promise<never>((_, reject) => out.on("error", reject));
  try {
    for (const part of parts) {
      if (!out.write(part))
        await Promise.race([new Promise<void>((r) => out.once("drain", () => r())), failed]);
    }
    await Promise.race([new Promise<void>((r) => out.end(() => r())), failed]);
  } finally {
    out.destroy();
  }
}

/**
 * Each output goes to a new file beside its target; only when all are written is each renamed
 * over its target, so a failure leaves every earlier file as it was and nothing half-written.
 */
async function writeOutputs(
  io: ResolvedIo,
  outputs: readonly CheckedOutput<OutputKind>[],
  result: AuditOutput,
  extra: Record<string, unknown>,
): Promise<boolean> {
  const temps: { out: CheckedOutput<OutputKind>; temp: string }[] = [];
  const fail = async (file: string, e: unknown): Promise<false> => {
    for (const { temp } of temps) await io.remove(temp).catch(() => undefined);
    io.stderr.write(`${PROGRAM}: ${fileProblem(e, file, false)}; nothing was written\n`);
    return false;
  };
  for (const out of outputs) {
    const temp = join(dirname(out.target), `.${basename(out.target)}.${randomBytes(6).toString("hex")}.tmp`);
    temps.push({ out, temp });
    try {
      if (out.item === "csv") await writeStreamed(temp, csvParts(result));
      else if (out.item === "json") await writeStreamed(temp, jsonParts(result, extra));
      else {
        // Excel holds a workbook whole, so the rows are in memory for the .xlsx (at most 1,048,576).
        // Loaded only when asked for: exceljs takes a while to start.
        const { auditSheetPlan } = await import("../../workbook/layout/audit-sheet");
        const { workbookToXlsx } = await import("../../workbook/xlsx");
        const plan = auditSheetPlan({ summary: result.summary, rows: [...result.rows()] });
        await io.writeFile(temp, await workbookToXlsx([plan]));
      }
      if (out.replaces !== undefined) await io.chmod(temp, out.replaces.mode);
    } catch (e) {
      return fail(out.file, e);
    }
  }
  for (const [i, { out, temp }] of temps.entries()) {
    try {
      await io.rename(temp, out.target);
    } catch (e) {
      temps.splice(0, i);
      return fail(out.file, e);
    }
    io.stderr.write(`${PROGRAM}: wrote ${out.file}: ${result.count.toLocaleString("en-GB")} rows\n`);
  }
  return true;
}

function* csvParts(result: AuditOutput): Generator<string> {
  yield auditCsvHeader();
  for (const row of result.rows()) yield auditCsvLine(row);
}

function* jsonParts(result: AuditOutput, extra: Record<string, unknown>): Generator<string> {
  yield `{\n  "summary": ${JSON.stringify({ ...result.summary, ...extra })},\n  "tenders": [`;
  let first = true;
  for (const row of result.rows()) {
    yield `${first ? "" : ","}\n    ${JSON.stringify(auditRowToJson(row))}`;
    first = false;
  }
  yield `${first ? "" : "\n  "}]\n}\n`;
}

const money = (p: number | undefined): string => (p === undefined ? "" : formatMoney(p, { signed: true }));

function rowLine(row: AuditRow): string {
  const pct =
    row.differencePercent === undefined
      ? ""
      : ` (${row.differencePercent > 0 ? "+" : ""}${row.differencePercent.toFixed(2)}%)`;
  const who = row.buyer ? ` (${row.buyer})` : "";
  return `  ${row.status.padEnd(16)} ${`${money(row.difference)}${pct}`.padEnd(28)} ${row.ocid}  ${row.title}${who}`;
}

/** Up to 20 rows of a kind, and how many there are in all. */
class Some {
  readonly rows: AuditRow[] = [];
  count = 0;
  add(row: AuditRow): void {
    if (this.rows.length < 20) this.rows.push(row);
    this.count++;
  }
}

function textReport(result: AuditOutput, files: readonly string[], seconds: number): string {
  const s = result.summary;
  const out: string[] = [];
  out.push(
    `Audited ${s.tenders.toLocaleString("en-GB")} tenders from ${s.releases.toLocaleString("en-GB")} releases in ${files.length} ${files.length === 1 ? "file" : "files"} (${seconds.toFixed(1)} s)` +
      (s.leftOut > 0 ? `; ${s.leftOut.toLocaleString("en-GB")} left out by --buyer, --from or --to` : ""),
  );
  out.push(
    `  ${s.statuses.mismatch} mismatch, ${s.statuses["within-tolerance"]} within tolerance, ${s.statuses.rounded} rounded, ${s.statuses.reconciles} reconcile, ${s.statuses["not-checkable"]} not checkable; ${s.awardAboveEstimate} awarded above the advertised value`,
  );
  if (s.unreadable > 0) out.push(`  ${s.unreadable} parts of the input could not be read (listed below)`);
  const differing = new Some();
  const awards = new Some();
  const unreadable = new Some();
  for (const row of result.rows()) {
    if (row.difference !== undefined && row.difference !== 0) differing.add(row);
    if (row.findings.some((f) => f.code === "AWARD_ABOVE_ESTIMATE")) awards.add(row);
    if (row.ocid === null) unreadable.add(row);
  }
  if (differing.count > 0) {
    out.push("", "Largest differences (lots total − stated total):");
    for (const row of differing.rows) out.push(rowLine(row));
    if (differing.count > 20)
      out.push(`  ... and ${differing.count - 20} more (--json or --out audit.csv lists them all)`);
  }
  if (awards.count > 0) {
    out.push("", "Awarded above the advertised value:");
    for (const row of awards.rows) {
      const f = row.findings.find((x) => x.code === "AWARD_ABOVE_ESTIMATE");
      out.push(`  ${row.ocid}  ${row.title}: ${f?.message}`);
    }
    if (awards.count > 20) out.push(`  ... and ${awards.count - 20} more`);
  }
  if (unreadable.count > 0) {
    out.push("", "Could not be read:");
    for (const row of unreadable.rows) out.push(`  ${row.reason}`);
    if (unreadable.count > 20) out.push(`  ... and ${unreadable.count - 20} more`);
  }
  return out.join("\n") + "\n";
}

/**
 * Compile and check one shard at a time on the lanes (every process is independent), each
 * shard's rows going to the row store as they come back.
 */
async function checkShards(
  collector: ShardedCollector,
  store: RowStore,
  options: AuditOptions,
  runner: Runner,
): Promise<void> {
  const written = await runner.flush();
  if (!written.some((w) => w.lane === 0)) written.push({ lane: 0, shards: collector.lane.flush() });
  const mainLane = inThread(collector.lane);
  const waiting: Promise<ShardRows>[] = [];
  const job = {
    ...(options.tolerance ? { tolerance: options.tolerance } : {}),
    ...(options.filters ? { filters: options.filters } : {}),
  };
  for (const { shard, lanes } of shardsToCheck(written)) {
    let bytes = 0;
    for (const lane of lanes) bytes += statSync(shardFile(collector.folder, shard, lane)).size;
    waiting.push(
      (bytes > WORKER_MAX_BYTES ? mainLane : runner).check({ kind: "shard", shard, lanes, ...job }),
    );
    while (waiting.length > runner.capacity) store.add(await (waiting.shift() as Promise<ShardRows>));
  }
  while (waiting.length > 0) store.add(await (waiting.shift() as Promise<ShardRows>));
}

export async function runAudit(
  io: ResolvedIo,
  files: readonly string[],
  flags: CheckFlags,
): Promise<ExitCode> {
  const read = readAuditOptions(flags);
  if (!read.ok) {
    printErrors(io, "some options are not valid:", read.errors);
    return ExitCode.InvalidInput;
  }
  const options: AuditOptions = read.value;
  // Every input must be there, and every output writable, before anything is read or written.
  const sizes: number[] = [];
  for (const file of files) {
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
      sizes.push(stat.size);
    } catch (e) {
      io.stderr.write(`${PROGRAM}: ${fileProblem(e, file, true)}\n`);
      return ExitCode.InvalidInput;
    }
  }
  const outErrors: InputError[] = [];
  const planned: { file: string; item: OutputKind }[] = [];
  for (const file of flags.out) {
    const kind = outputKind(file);
    if (kind === undefined) {
      outErrors.push({
        path: "--out",
        message: `cannot tell what to write to "${file}"; end its name with .csv, .xlsx or .json`,
      });
    } else {
      planned.push({ file, item: kind });
    }
  }
  const inputs = files.map((file) => ({ file, role: "a file being audited" }));
  const outputs = await checkOutputs(io, planned, inputs, flags.force);
  if (!outputs.ok) outErrors.push(...outputs.errors);
  if (!outputs.ok || outErrors.length > 0) {
    printErrors(io, "some outputs cannot be written (nothing was written):", outErrors);
    return ExitCode.InvalidInput;
  }

  const started = Date.now();
  const total = sizes.reduce((a, b) => a + b, 0);
  const gzs = files.map((f) => /\.gz$/i.test(f));
  const shards = shardCount(
    sizes.map((size, i) => ({ size, gz: gzs[i] })),
    io.env,
  );
  const folder = new TempFolder();
  const collector = new ShardedCollector(folder.path, shards);
  const large = total >= (gzs.some((g) => g) ? WORKERS_FROM_BYTES / 4 : WORKERS_FROM_BYTES);
  // The same worker threads read the files and then check the shards.
  const runner: Runner = large
    ? startRunner(io.env, collector.lane, { folder: folder.path, shards })
    : inThread(collector.lane);
  let store: RowStore | undefined;
  try {
    const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    const progress = tty ? new Progress(io, total, collector) : undefined;
    const unreadable: string[] = [];
    let doneBytes = 0;
    for (const [i, file] of files.entries()) {
      const size = sizes[i];
      const outcome = await auditFile(file, collector, {
        runner,
        ...(progress ? { onBytes: (n: number) => progress.add(file, n, doneBytes) } : {}),
      });
      doneBytes += size;
      if (outcome.unreadable !== undefined) unreadable.push(outcome.unreadable);
    }
    progress?.clear();
    for (const u of unreadable) io.stderr.write(`${PROGRAM}: ${u}\n`);
    if (collector.releases === 0) {
      for (const row of collector.problemRows()) io.stderr.write(`${PROGRAM}: ${row.reason}\n`);
      io.stderr.write(`${PROGRAM}: no release could be read, so there is nothing to audit\n`);
      return ExitCode.InvalidInput;
    }
    // A file that is not JSON at all is listed among what could not be read, and the audit goes on.
    for (const u of unreadable) collector.addProblem(u);

    store = new RowStore(folder.path);
    await checkShards(collector, store, options, runner);
    await runner.close();
    const rowStore = store;
    const problems = collector.problemRows();
    const result: AuditOutput = {
      summary: rowStore.summary(collector.releases, collector.problemCount),
      count: rowStore.count + problems.length,
      rows: function* () {
        yield* rowStore.sorted();
        yield* problems;
      },
    };
    const seconds = (Date.now() - started) / 1000;
    const extra = {
      files: [...files],
      tolerance: options.tolerance
        ? { amount: options.tolerance.absolute / 100, percent: options.tolerance.percent }
        : null,
      filters: {
        buyer: options.filters?.buyer ?? null,
        from: options.filters?.from ?? null,
        to: options.filters?.to ?? null,
      },
    };
    const written = await writeOutputs(io, outputs.value, result, extra);
    if (!written) return ExitCode.InvalidInput;
    if (flags.json) for (const part of jsonParts(result, extra)) io.stdout.write(part);
    else io.stdout.write(textReport(result, files, seconds));
    return result.summary.statuses.mismatch > 0 ? ExitCode.Findings : ExitCode.Ok;
  } finally {
    await runner.close();
    collector.lane.close();
    store?.close();
    folder.remove();
  }
}
