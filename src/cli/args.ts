/**
 * The command line's arguments, read by a pure function of argv: no I/O, no process.
 * Values stay text here; `options.ts` turns them into money, dates and numbers.
 */

/** Exit status of `tender-budget`. */
export enum ExitCode {
  /** No finding is an error. */
  Ok = 0,
  /** Reconciliation found errors. */
  Findings = 1,
  /** The input (file, table, option) is invalid; stderr says which field and what to do. */
  InvalidInput = 2,
}

/** Flags of `check` that carry a value, by their option name (without the leading dashes). */
export const VALUE_FLAGS = {
  "stated-total": "statedTotal",
  "day-rate": "dayRate",
  closing: "closing",
  start: "start",
  end: "end",
  region: "region",
  vat: "vat",
  tolerance: "tolerance",
  "tolerance-percent": "tolerancePercent",
  "days-per-week": "daysPerWeek",
  title: "title",
  buyer: "buyer",
  actuals: "actuals",
  "as-of": "asOf",
  ocid: "ocid",
  "buyer-type": "buyerType",
  "contract-type": "contractType",
  procedure: "procedure",
  published: "published",
  "award-notice": "awardNotice",
  "options-value": "optionsValue",
  from: "from",
  to: "to",
} as const;

/** Flags that may be given more than once, collecting every value. */
export const REPEATABLE_FLAGS = {
  out: "out",
} as const;

type ValueKey = (typeof VALUE_FLAGS)[keyof typeof VALUE_FLAGS];

export type CheckFlags = { [K in ValueKey]?: string } & {
  json: boolean;
  /** `--force`: replace `--out` files that exist already. */
  force: boolean;
  /** `--out FILE`, in the order given. */
  out: string[];
};

export type CliCommand =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "check"; file: string; flags: CheckFlags }
  | { kind: "audit"; files: string[]; flags: CheckFlags };

export type ArgsResult = { ok: true; value: CliCommand } | { ok: false; error: string };

const HINT = "run `tender-budget --help` to see the options";

function closest(name: string): string | undefined {
  const all = [
    "json",
    "force",
    "help",
    "version",
    ...Object.keys(VALUE_FLAGS),
    ...Object.keys(REPEATABLE_FLAGS),
  ];
  const prefixed = all.filter((f) => f.startsWith(name) || name.startsWith(f));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/**
 * Read argv (without `node` and the script): `check FILE [options]`, `--help`, `--version`.
 * Options take their value as the next argument or after `=` (`--vat=20`); `--` ends the options.
 */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const positional: string[] = [];
  const flags: CheckFlags = { json: false, force: false, out: [] };
  let help = false;
  let version = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (arg === "-V" || arg === "--version") {
      version = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      return { ok: false, error: `unknown option "${arg}"; ${HINT}` };
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);

    if (name === "json" || name === "force") {
      if (inline !== undefined) return { ok: false, error: `--${name} takes no value (got "${arg}")` };
      flags[name] = true;
      continue;
    }
    const isValueFlag = Object.prototype.hasOwnProperty.call(VALUE_FLAGS, name);
    const isRepeatable = Object.prototype.hasOwnProperty.call(REPEATABLE_FLAGS, name);
    if (!isValueFlag && !isRepeatable) {
      const guess = closest(name);
      return {
        ok: false,
        error: `unknown option "--${name}"${guess ? ` (did you mean --${guess}?)` : ""}; ${HINT}`,
      };
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) {
        return { ok: false, error: `--${name} needs a value, e.g. --${name} ${example(name)}` };
      }
      value = next;
      i++;
    }
    if (value.trim() === "") {
      return { ok: false, error: `--${name} is empty; give a value, e.g. --${name} ${example(name)}` };
    }
    if (isRepeatable) {
      flags.out.push(value);
      continue;
    }
    const key = VALUE_FLAGS[name as keyof typeof VALUE_FLAGS];
    if (flags[key] !== undefined) {
      return { ok: false, error: `--${name} is given twice ("${flags[key]}" and "${value}"); give it once` };
    }
    flags[key] = value;
  }

  if (help) return { ok: true, value: { kind: "help" } };
  if (version) return { ok: true, value: { kind: "version" } };
  if (positional.length === 0) {
    return {
      ok: false,
      error: `no command given; try \`tender-budget check FILE\`, \`tender-budget audit FILE...\` or ${HINT}`,
    };
  }
  const [command, ...rest] = positional;
  if (command === "help") return { ok: true, value: { kind: "help" } };
  if (command === "audit") {
    if (rest.length === 0) {
      return {
        ok: false,
        error:
          "audit needs one or more FILEs: OCDS release or record packages, JSON arrays of releases or JSON Lines (.jsonl), each optionally gzipped (.gz)",
      };
    }
    return { ok: true, value: { kind: "audit", files: rest, flags } };
  }
  if (command !== "check") {
    return {
      ok: false,
      error: `unknown command "${command}"; the commands are \`check\` and \`audit\`; ${HINT}`,
    };
  }
  if (rest.length === 0) {
    return {
      ok: false,
      error:
        "check needs a FILE: a tender (.json), a lots table (.csv), a notice (.txt) or a workbook (.xlsx)",
    };
  }
  if (rest.length > 1) {
    return {
      ok: false,
      error: `check takes one FILE, got ${rest.length}: ${rest.map((r) => `"${r}"`).join(", ")}; check one file at a time`,
    };
  }
  return { ok: true, value: { kind: "check", file: rest[0], flags } };
}

function example(name: string): string {
  switch (name) {
    case "stated-total":
      return "346000";
    case "day-rate":
      return "960";
    case "closing":
    case "start":
    case "end":
    case "as-of":
    case "published":
    case "award-notice":
    case "from":
    case "to":
      return "2017-08-31";
    case "buyer-type":
      return "central";
    case "contract-type":
      return "services";
    case "procedure":
      return "open";
    case "options-value":
      return "20000";
    case "region":
      return "GB-ENG";
    case "vat":
      return "20";
    case "tolerance":
      return "500";
    case "tolerance-percent":
      return "0.5";
    case "days-per-week":
      return "5";
    case "out":
      return "summary.csv";
    case "actuals":
      return "invoices.csv";
    default:
      return `"..."`;
  }
}
