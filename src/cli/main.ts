/**
 * `tender-budget`: check a tender outside Excel with the same engine.
 *
 *   tender-budget check FILE [--json] [options]
 *
 * `main` never exits the process and never prints a stack trace for bad input (only with DEBUG
 * set, for an unexpected failure); it returns the exit status for bin/tender-budget.js to set.
 */

import { join } from "node:path";
import { ExitCode, parseArgs, type CheckFlags } from "./args";
import { type CliIo, fileProblem, type ResolvedIo, resolveIo, writeChunks } from "./io";
import { loadActuals, loadTender } from "./load";
import { checkOutputs, writeAtomically } from "./files";
import { planOutputs } from "./outputs";
import { jsonSafely, showSafely } from "./terminal";
import { applyOverrides, readCheckOptions } from "./options";
import { runAudit } from "./audit/run";
import { formatActuals, formatReport } from "./report-text";
import { actualsToJson, checkActuals, csvLineRef, type ActualsTableLayout } from "../domain/actuals";
import { checkTender, hasErrors, type Report } from "../domain/check/check";
import { reportToJson } from "../domain/formats/report-json";
import { jsonChunks } from "../domain/formats/json-chunks";
import type { InputError } from "../domain/core/types";

export { ExitCode } from "./args";
export type { CliIo } from "./io";

const PROGRAM = "tender-budget";
/** At most this many input problems are listed; the rest are counted. */
const MAX_LISTED_ERRORS = 50;

export const USAGE = `Usage: ${PROGRAM} check FILE [options]

Check a tender: work out each lot's value from its day rate and days, reconcile the lots with
the stated total, phase the spend by month, and list the findings.

FILE
  tender.json       a tender file (title, buyer, statedTotal, dayRate, dates, lots), or an
                    OCDS release or release package (e.g. from Contracts Finder)
  lots.csv          a lots table with headers such as Lot (or Council), Day rate, Days,
                    Stated value, Start date, End date; tender-level values from the options
  notice.txt        the text of a tender notice or news report; what it does not say is listed
  workbook.xlsx     a workbook with a Tender sheet, or a sheet holding a lots table

Options
  --json                   print the report as JSON (money in pounds, dates YYYY-MM-DD)
  --stated-total AMOUNT    the tender's stated total, e.g. 346000, "£346,000" or £1.2m
  --day-rate AMOUNT        the default day rate for lots without their own, e.g. 960
  --closing DATE           closing date for bids (31/07/2017 or 2017-07-31)
  --start DATE             contract start date
  --end DATE               contract end date
  --region REGION          bank holidays: GB-ENG (England & Wales, default), GB-SCT, GB-NIR
  --vat PERCENT            VAT rate in percent (default 20); figures are ex VAT
  --tolerance AMOUNT       accept a difference from the stated total up to this amount
  --tolerance-percent P    ... or up to this percentage of the stated total
  --days-per-week N        days worked a week, for phasing (default 5)
  --title TEXT             the tender's title (default: the file name)
  --buyer TEXT             the buyer
  --buyer-type TYPE        procurement rules: central, sub-central or utility
  --contract-type TYPE     services, supplies, works or light-touch
  --procedure NAME         open, restricted, competitive-flexible, direct-award or call-off
  --published DATE         the tender notice's date: when the procurement started
  --award-notice DATE      the contract award notice (or standstill letters) went out
  --options-value AMOUNT   extensions and options not in the lots, ex VAT (counted
                           towards the threshold; see docs/rules.md)
  --out FILE               also write FILE, by the end of its name (may be repeated);
                           an existing FILE is not replaced unless --force is given:
                             .xlsx          Tender, Allocation, Phasing and summary sheets
                             .csv           the allocation table (opens in Excel)
                             .findings.csv  the findings
                             .tender.csv    the tender itself, which check reads back
                             .ocds.json     an OCDS 1.1 release package (see --ocid)
                             .json          the report (what --json prints)
  --force                  replace --out files that already exist (never the input files)
  --ocid OCID              the tender's OCDS id under your registered prefix, e.g.
                           ocds-b5fd17-2017-0142 (default: one made up under the
                           unregistered prefix ocds-tenderbudget-)
  --actuals FILE.csv       invoices (Lot, Invoice number, Invoice date, Period start,
                           Period end, Days, Amount): check them and show the position
  --as-of DATE             the date of the contract position (default: the latest invoice)
  -h, --help               show this help
  -V, --version            show the version

Options given with a tender file replace the file's own values.

Exit status
  0  no finding is an error
  1  the check found errors (e.g. the lots do not add up to the stated total)
  2  the input is invalid; the message names the field, or the CSV row and column

Usage: ${PROGRAM} audit FILE... [--json] [--out audit.csv|audit.xlsx|audit.json]
                    [--tolerance AMOUNT] [--tolerance-percent P] [--buyer TEXT]
                    [--from DATE] [--to DATE]

Audit many tenders at once from downloads of published notices: OCDS release packages (a
Contracts Finder search), record packages, JSON arrays of releases or JSON Lines (a Find a
Tender feed), each optionally gzipped (.gz), read as a stream. Each contracting process's
releases are compiled (the latest date wins) and checked: the stated total against the lots,
the lots against day rate x days, the awarded value against the advertised one. Listed by the
size of the difference; status reconciles, rounded, within-tolerance, mismatch or
not-checkable (with the reason). A broken line becomes a not-checkable row naming its line.
  --buyer TEXT             only buyers whose name contains TEXT
  --from DATE, --to DATE   only tenders first published on or between these dates
  --out FILE               .csv, .xlsx (an Audit sheet: an Excel Table) or .json
  --force                  replace --out files that already exist

Exit status of audit: 0 no tender is a mismatch, 1 some are, 2 nothing could be read
`;

/** Print input problems, one a line: `  path: message`. */
function printErrors(io: ResolvedIo, heading: string, errors: readonly InputError[]): void {
  const lines = [`${PROGRAM}: ${heading}`];
  for (const e of errors.slice(0, MAX_LISTED_ERRORS)) {
    // "lots.csv is empty" names its file already; "row 3, column "Days": ..." needs the path.
    lines.push(e.message.startsWith(e.path) ? `  ${e.message}` : `  ${e.path}: ${e.message}`);
  }
  if (errors.length > MAX_LISTED_ERRORS) {
    lines.push(`  ... and ${errors.length - MAX_LISTED_ERRORS} more problems`);
  }
  io.stderr.write(lines.join("\n") + "\n");
}

/** What --json prints: the report's JSON text, safe for a terminal, and a line break, in chunks. */
function* safeJsonChunks(json: unknown): Generator<string, void, undefined> {
  for (const chunk of jsonChunks(json)) yield jsonSafely(chunk);
  yield "\n";
}

async function readVersion(io: ResolvedIo): Promise<string> {
  // lib/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  const bytes = await io.readFile(join(__dirname, "..", "..", "package.json"));
  const pkg: unknown = JSON.parse(new TextDecoder().decode(bytes));
  const version =
    typeof pkg === "object" && pkg !== null ? (pkg as { version?: unknown }).version : undefined;
  return typeof version === "string" ? version : "unknown";
}

async function readInput(io: ResolvedIo, file: string): Promise<Uint8Array | undefined> {
  try {
    return await io.readFile(file);
  } catch (e) {
    io.stderr.write(`${PROGRAM}: ${fileProblem(e, file, true)}\n`);
    return undefined;
  }
}

async function runCheck(io: ResolvedIo, file: string, flags: CheckFlags): Promise<ExitCode> {
  const options = readCheckOptions(flags);
  if (!options.ok) {
    printErrors(io, "some options are not valid:", options.errors);
    return ExitCode.InvalidInput;
  }
  const planned = planOutputs(flags.out);
  const inputs = [{ file, role: "the file being checked" }];
  if (flags.actuals !== undefined)
    inputs.push({ file: flags.actuals, role: "the invoices file (--actuals)" });
  const outputs = await checkOutputs(
    io,
    planned.planned.map((p) => ({ file: p.file, item: p.format })),
    inputs,
    flags.force,
  );
  const outputErrors = [...planned.errors, ...(outputs.ok ? [] : outputs.errors)];
  if (!outputs.ok || outputErrors.length > 0) {
    printErrors(io, "some outputs cannot be written (nothing was written):", outputErrors);
    return ExitCode.InvalidInput;
  }

  const bytes = await readInput(io, file);
  if (bytes === undefined) return ExitCode.InvalidInput;
  const loaded = await loadTender(file, bytes);
  if (!loaded.ok) {
    printErrors(io, `${file} cannot be checked:`, loaded.errors);
    return ExitCode.InvalidInput;
  }
  if (loaded.value.encodingNote !== undefined) io.stderr.write(`${PROGRAM}: ${loaded.value.encodingNote}\n`);

  let invoices: ActualsTableLayout | undefined;
  let locateInvoice: ((path: string) => string | undefined) | undefined;
  if (flags.actuals !== undefined) {
    const actualsBytes = await readInput(io, flags.actuals);
    if (actualsBytes === undefined) return ExitCode.InvalidInput;
    const read = loadActuals(flags.actuals, actualsBytes);
    if (!read.ok) {
      printErrors(io, `${flags.actuals} cannot be checked:`, read.errors);
      return ExitCode.InvalidInput;
    }
    if (read.value.encodingNote !== undefined) io.stderr.write(`${PROGRAM}: ${read.value.encodingNote}\n`);
    invoices = read.value.layout;
    locateInvoice = read.value.locate;
  }

  const { overrides, tolerance, daysPerWeek, asOf, ocid } = options.value;
  const tender = applyOverrides(loaded.value.tender, overrides);
  const report = checkTender(tender, {
    ...(tolerance ? { tolerance } : {}),
    ...(daysPerWeek !== undefined ? { daysPerWeek } : {}),
  });
  const actuals =
    invoices === undefined
      ? undefined
      : checkActuals(tender, report.allocation, report.phasing, invoices.lines, {
          ...(asOf !== undefined ? { asOf } : {}),
          lineRef: csvLineRef(invoices),
        });
  // The invoice findings join the report's findings (their paths name the invoice rows).
  const combined: Report = actuals
    ? { ...report, findings: [...report.findings, ...actuals.findings] }
    : report;

  const context =
    actuals && invoices
      ? { tolerance, ocid, actuals: { lines: invoices.lines, report: actuals } }
      : { tolerance, ocid };
  const rendered = [];
  for (const out of outputs.value) {
    rendered.push({ ...out, data: await out.item.render(combined, context) });
  }
  const written = await writeAtomically(io, rendered);
  if (!written.ok) {
    const lines = [`${PROGRAM}: ${fileProblem(written.error, written.file, false)}`];
    lines.push(
      written.written.length === 0
        ? "  nothing was written; every existing file is as it was"
        : `  already written: ${written.written.join(", ")}; the others are as they were`,
    );
    if (written.leftBehind.length > 0) {
      lines.push(`  could not remove the unfinished ${written.leftBehind.join(", ")}; delete it`);
    }
    io.stderr.write(lines.join("\n") + "\n");
    return ExitCode.InvalidInput;
  }
  for (const out of rendered) {
    io.stderr.write(`${PROGRAM}: ${out.replaces ? "replaced" : "wrote"} ${out.file}: ${out.item.holds}\n`);
  }

  const { notes, missing, provenance } = loaded.value;
  // Where each finding's field is: a lots table's row and column or option, an invoice's row.
  const locateTender = loaded.value.locate;
  const locate =
    locateTender === undefined && locateInvoice === undefined
      ? undefined
      : (path: string): string | undefined => locateInvoice?.(path) ?? locateTender?.(path);
  if (flags.json) {
    const base = reportToJson(combined);
    // For a lots table, each finding also says where its field is: `row 4, column "Days"`.
    const findings = base.findings.map((f) => {
      const where = locate?.(f.path);
      return where === undefined ? f : { ...f, where };
    });
    const json = {
      ...base,
      findings,
      ...(actuals ? { actuals: actualsToJson(actuals) } : {}),
      ...(missing !== undefined ? { notice: { missing, notes, ...provenance } } : {}),
    };
    // Written piece by piece as it is made: a large tender's report is never one string.
    await writeChunks(io.stdout, safeJsonChunks(json));
  } else {
    io.stdout.write(showSafely(formatReport(combined, notes, missing ?? [], locate)));
    if (actuals) io.stdout.write(showSafely(formatActuals(actuals)));
  }
  return hasErrors(combined) ? ExitCode.Findings : ExitCode.Ok;
}

/** Run the command line. Resolves to the exit status; never rejects. */
export async function main(argv: readonly string[], ioIn: CliIo): Promise<number> {
  const resolved = resolveIo(ioIn);
  // Every message may quote the file's own text: its control characters are shown, not obeyed.
  const io: ResolvedIo = {
    ...resolved,
    stderr: { write: (s: string) => resolved.stderr.write(showSafely(s)) },
  };
  try {
    const args = parseArgs(argv);
    if (!args.ok) {
      io.stderr.write(`${PROGRAM}: ${args.error}\n`);
      return ExitCode.InvalidInput;
    }
    const command = args.value;
    if (command.kind === "help") {
      io.stdout.write(USAGE);
      return ExitCode.Ok;
    }
    if (command.kind === "version") {
      io.stdout.write(`${PROGRAM} ${await readVersion(io)}\n`);
      return ExitCode.Ok;
    }
    if (command.kind === "audit") return await runAudit(io, command.files, command.flags);
    return await runCheck(io, command.file, command.flags);
  } catch (e) {
    // A failure of the program itself, not of the input: say so plainly; details only on request.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`${PROGRAM}: unexpected failure: ${message}\n`);
    if (io.env.DEBUG) {
      io.stderr.write(`${e instanceof Error && e.stack ? e.stack : String(e)}\n`);
    } else {
      io.stderr.write("Set DEBUG=1 to see the details, and please report this.\n");
    }
    return ExitCode.InvalidInput;
  }
}
