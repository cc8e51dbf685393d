import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Finding, InputError, Tender } from "../domain/core/types";
import { BuildStep } from "./BuildStep";
import { CheckStep } from "./CheckStep";
import { DFE_2017_TENDER } from "../domain/core/examples";
import { DFE_EXAMPLE_NAME } from "./dfe-example";
import { emptyDraft, tenderToDraft, withoutUntouchedLots } from "./draft";
import { checkDraft, choicesOf, OPTION_PATHS, optionsFromChoices } from "./engine";
import { ExportStep, type ExportAction } from "./ExportStep";
import { exportActions } from "./exports";
import type { HostInfo } from "./host";
import { ReviewStep } from "./ReviewStep";
import { listProblems, readPastedText, readTenderFile, READS_PROSE, type LoadedTender } from "./sources";
import { StartStep } from "./StartStep";
import { TrackStep } from "./TrackStep";
import { loadedActuals, readAsOf, readInvoicesCsv, trackActuals, type LoadedActuals } from "./tracking";
import { INITIAL_STATE, paneReducer, STEPS, stepEnabled, type PaneState, type Step } from "./state";
import { PaneError, useTask, type PaneProblem } from "./use-task";
import { unwrap, useWorkbook } from "./workbook-context";
import type { FindingLocation } from "../workbook/port";
import { headlineSentence } from "./view";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "280px",
    maxWidth: "560px",
    boxSizing: "border-box",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  stepButton: {
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  steps: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  step: { outlineStyle: "none" },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** A tender's own fields without its lots. */
/** "1 error to fix: see Check totals." when findings hold errors, else undefined (the result is good). */
export function errorsCaveat(findings: readonly Finding[], where: string): string | undefined {
  const errors = findings.filter((f) => f.severity === "error").length;
  return errors === 0 ? undefined : `${errors} ${errors === 1 ? "error" : "errors"} to fix: ${where}.`;
}

function tenderLevel(tender: Tender): Partial<Tender> {
  const { lots: _lots, ...rest } = tender;
  return rest;
}

export interface AppProps {
  host: HostInfo;
  /** Starting state, for tests. */
  initialState?: PaneState;
}

/** The Tender Budget pane: Start → Review → Build → Check → Export → Contract tracking. */
export function App({ host, initialState = INITIAL_STATE }: AppProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [state, dispatch] = useReducer(paneReducer, initialState);
  const task = useTask();
  const [locations, setLocations] = useState<FindingLocation[]>([]);
  /** The invoices last read for contract tracking, and the "As of" box. */
  const [actuals, setActuals] = useState<LoadedActuals | null>(null);
  const [asOfText, setAsOfText] = useState("");
  /** The OCDS id typed on the Export step, for the OCDS download. */
  const [ocid, setOcid] = useState("");
  /** Whether a build has been tried on this tender: from then on every problem shows in Review. */
  const [buildTried, setBuildTried] = useState(false);
  const busy = task.state.busy !== null;

  const checked = useMemo(
    () => (state.draft ? checkDraft(state.draft, state.options) : null),
    [state.draft, state.options],
  );

  const load = useCallback((loaded: LoadedTender) => {
    setBuildTried(false);
    dispatch({
      type: "loaded",
      draft: tenderToDraft(loaded.tender),
      source: loaded.source,
      notes: loaded.notes,
      hints: loaded.hints,
    });
    const n = loaded.tender.lots.length;
    return `Read ${n} ${n === 1 ? "lot" : "lots"} from ${loaded.source}.`;
  }, []);

  /**
   * Move to a step; a success message or a problem from the step being left is not carried over
   * (a bad invoices file is not news on the Review step).
   */
  const goTo = (step: Step) => {
    if (step !== state.step) task.dismiss();
    dispatch({ type: "goTo", step });
  };

  // When the step changes, move focus to its content so keyboard users carry on from there
  // (the button that changed the step may no longer exist).
  const stepSection = useRef<HTMLElement>(null);
  const firstStep = useRef(true);
  /** Sent back to Review by a build that found problems: focus the first box to correct. */
  const focusFirstInvalid = useRef(false);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    const invalid = focusFirstInvalid.current
      ? stepSection.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      : null;
    focusFirstInvalid.current = false;
    (invalid ?? stepSection.current)?.focus();
  }, [state.step]);

  // In Excel, a workbook the pane has worked on before keeps its tender and choices: restore them.
  const { run } = task;
  useEffect(() => {
    if (!host.inExcel) return;
    void run(
      "Looking for a tender kept in this workbook…",
      {
        title: "Could not read the tender kept in this workbook",
        next: "Read the tender from the Tender sheet instead.",
      },
      async () => {
        const saved = unwrap(
          await workbook.loadState(),
          "Could not read the tender kept in this workbook",
          "Read the tender from the Tender sheet instead.",
        );
        if (!saved?.tender) return;
        dispatch({ type: "setOptions", options: optionsFromChoices(saved.choices) });
        return load({ tender: saved.tender, source: "this workbook, as last checked", notes: [] });
      },
    );
  }, [host.inExcel, workbook, run, load]);

  const onExample = () => {
    task.dismiss();
    load({ tender: DFE_2017_TENDER, source: DFE_EXAMPLE_NAME, notes: [] });
  };

  const onBlank = () => {
    task.dismiss();
    setBuildTried(false);
    dispatch({ type: "loaded", draft: emptyDraft(), source: "", notes: [] });
  };

  const onFile = (file: File) =>
    void task.run(
      `Reading ${file.name}…`,
      {
        title: `Could not read ${file.name}`,
        next: "Check that it is an .xlsx workbook, a .csv lots table or a tender .json file, then open it again.",
      },
      async () => load(await readTenderFile(file)),
    );

  const onNotice = (text: string) =>
    void task.run(
      "Reading the tender notice…",
      {
        title: "Could not read the tender notice",
        next: "Check the text you pasted, or start a blank tender and type the figures in.",
      },
      async () => load(await readPastedText(text)),
    );

  const EXCEL_BUSY_NEXT = "Close any open cell editor in Excel and try again.";

  const onCreateSheet = (example: boolean) =>
    void task.run(
      "Creating the Tender sheet…",
      { title: "Could not create the Tender sheet", next: EXCEL_BUSY_NEXT },
      async () => {
        const sheet = unwrap(
          await workbook.createTenderSheet(example ? DFE_2017_TENDER : undefined),
          "Could not create the Tender sheet",
          EXCEL_BUSY_NEXT,
        );
        if (example) {
          load({ tender: DFE_2017_TENDER, source: `the sheet "${sheet.name}"`, notes: [] });
          return `Created the sheet "${sheet.name}" with the DfE 2017 example.`;
        }
        return `Created the sheet "${sheet.name}". Fill in the tender and its lots, then read it.`;
      },
    );

  const onReadWorkbook = (from: "tender-sheet" | "selection") =>
    void task.run(
      from === "selection" ? "Reading the selected lots table…" : "Reading the Tender sheet…",
      {
        title: "Could not read the tender from the workbook",
        next: "Select the lots table (with its header row) or use the Tender sheet, then try again.",
      },
      async () => {
        // A selected table holds only lots: keep the tender-level fields already in the pane.
        const base = from === "selection" && checked?.ok ? tenderLevel(checked.tender) : undefined;
        const tender = unwrap(
          await workbook.readTender({ from, base }),
          "The tender in the workbook has problems",
          "Correct the cells named above in Excel, then read the tender again.",
        );
        return load({
          tender,
          source: from === "selection" ? "the selected table" : "the Tender sheet",
          notes: [],
        });
      },
    );

  // The problems that stopped a build follow the boxes: each correction updates the list, and the
  // message goes once the tender is right, rather than staying on screen with figures already fixed.
  const inputProblem = useRef<PaneProblem | null>(null);
  const { report: reportProblem, dismiss, state: taskState } = task;
  const reportInputProblems = useCallback(
    (errors: readonly InputError[], lotNames: readonly string[]) => {
      const problem = {
        title: "The tender needs correcting before the allocation can be built",
        detail: listProblems(errors, lotNames),
        next: "Correct the boxes marked in red (in Review or in the options), then build again.",
      };
      inputProblem.current = problem;
      reportProblem(problem);
    },
    [reportProblem],
  );
  useEffect(() => {
    if (inputProblem.current === null || !checked || !state.draft) return;
    if (taskState.problem !== inputProblem.current) {
      // Dismissed, or replaced by another task's outcome.
      inputProblem.current = null;
      return;
    }
    if (checked.ok) {
      inputProblem.current = null;
      dismiss();
    } else {
      const lotNames = state.draft.lots.map((l) => l.name);
      if (listProblems(checked.errors, lotNames) !== inputProblem.current.detail) {
        reportInputProblems(checked.errors, lotNames);
      }
    }
  }, [checked, state.draft, taskState.problem, dismiss, reportInputProblems]);

  const onBuild = () => {
    if (!checked || !state.draft) return;
    setBuildTried(true);
    if (!checked.ok) {
      reportInputProblems(
        checked.errors,
        state.draft.lots.map((l) => l.name),
      );
      if (!checked.errors.some((e) => OPTION_PATHS.has(e.path))) {
        focusFirstInvalid.current = true;
        dispatch({ type: "goTo", step: "review" });
      }
      return;
    }
    const { report, tolerance } = checked;
    // The same path in Excel and in a browser: the in-memory workbook stands in for Excel there.
    const title = host.inExcel ? "Could not write the allocation to Excel" : "Could not build the allocation";
    const next = host.inExcel
      ? EXCEL_BUSY_NEXT
      : "Build the allocation again; if it still fails, reload the pane.";
    void task
      .run(
        host.inExcel ? "Writing the Allocation and Phasing sheets…" : "Building the allocation…",
        { title, next },
        async () => {
          const sheet = unwrap(await workbook.writeAllocation(report, { tolerance }), title, next);
          unwrap(await workbook.writePhasing(report, { activate: false }), title, next);
          const located = unwrap(await workbook.showFindings(report.findings), title, next);
          setLocations(located);
          unwrap(
            await workbook.saveState({ tender: report.tender, choices: choicesOf(state.options) }),
            "Could not keep the tender in the workbook",
            next,
          );
          const n = report.allocation.lines.length;
          const message = host.inExcel
            ? `Wrote the allocation to the sheet "${sheet.name}".`
            : `Built the allocation of ${n} ${n === 1 ? "lot" : "lots"}.`;
          return { message, caveat: errorsCaveat(report.findings, "see Check totals") };
        },
      )
      .then((ok) => {
        if (ok) dispatch({ type: "built" });
      });
  };

  const addressOf = (finding: Finding): string | undefined =>
    locations.find((l) => l.finding.code === finding.code && l.finding.path === finding.path)?.address;

  const onGoToCell = (finding: Finding) =>
    void task.run(
      "Selecting the cell…",
      {
        title: "Could not select the cell",
        next: "Check that the sheet the tender was read from is still there.",
      },
      async () => {
        const address = addressOf(finding);
        if (!address) return;
        unwrap(
          await workbook.selectCell(address),
          "Could not select the cell",
          "Check that the sheet the tender was read from is still there.",
        );
        return `Selected ${address}.`;
      },
    );

  const onSummary = () =>
    void task.run(
      "Writing the summary sheet…",
      { title: "Could not write the summary sheet", next: EXCEL_BUSY_NEXT },
      async () => {
        if (!checked?.ok) return;
        const sheet = unwrap(
          await workbook.writeSummary(checked.report, { tolerance: checked.tolerance }),
          "Could not write the summary sheet",
          EXCEL_BUSY_NEXT,
        );
        return `Wrote the summary to the sheet "${sheet.name}".`;
      },
    );

  const readInvoices = (source: string, text: () => Promise<string>, again: string) =>
    void task.run(
      `Reading ${source}…`,
      {
        title: `Could not read ${source}`,
        next: "Check that it is a .csv file of invoices with a header row, then open it again.",
      },
      async () => {
        const loaded = await readInvoicesCsv(await text(), source, again);
        setActuals(loaded);
        const n = loaded.lines.length;
        const message = `Read ${n} invoice ${n === 1 ? "line" : "lines"} from ${source}.`;
        const when = readAsOf(asOfText);
        if (!checked?.ok || when.error !== undefined) return message;
        const tracked = trackActuals(loaded, checked.report, when.asOf);
        return { message, caveat: errorsCaveat(tracked.findings, "see the errors below") };
      },
    );

  const onInvoicesFile = (file: File) =>
    readInvoices(file.name, () => file.text(), "open the invoices again");
  const onInvoicesPaste = (text: string) =>
    readInvoices("the pasted invoices", () => Promise.resolve(text), "paste the invoices again");

  const onCreateActualsSheet = () =>
    void task.run(
      "Creating the Actuals sheet…",
      { title: "Could not create the Actuals sheet", next: EXCEL_BUSY_NEXT },
      async () => {
        const sheet = unwrap(
          await workbook.createActualsSheet(checked?.ok ? checked.tender : undefined),
          "Could not create the Actuals sheet",
          EXCEL_BUSY_NEXT,
        );
        return `Created the sheet "${sheet.name}". Paste or type the invoices into its table, then check them.`;
      },
    );

  const onCheckInvoices = () =>
    void task.run(
      "Checking the invoices…",
      { title: "Could not check the invoices", next: EXCEL_BUSY_NEXT },
      async () => {
        if (!checked?.ok) return;
        const when = readAsOf(asOfText);
        if (when.error !== undefined) {
          throw new PaneError(
            "The as-of date needs correcting",
            when.error,
            "Correct the As of box, or empty it.",
          );
        }
        const lines = unwrap(
          await workbook.readActuals(),
          "The invoices in the Actuals sheet have problems",
          "Correct the cells named above in Excel, then check the invoices again.",
        );
        if (lines.length === 0) {
          throw new PaneError(
            "There are no invoices to check",
            "The Actuals sheet has no invoice lines yet.",
            "Paste or type the invoices into the table on the Actuals sheet, then check them again.",
          );
        }
        const loaded = await loadedActuals(lines, workbook.actualsLineRef(), "the Actuals sheet");
        const tracked = trackActuals(loaded, checked.report, when.asOf);
        const title = "Could not write the Budget vs actual sheet";
        const sheet = unwrap(
          await workbook.writeBudgetVsActual(checked.report, tracked),
          title,
          EXCEL_BUSY_NEXT,
        );
        const located = unwrap(
          await workbook.showFindings([...checked.report.findings, ...tracked.findings]),
          "Could not mark the invoice rows",
          EXCEL_BUSY_NEXT,
        );
        setLocations(located);
        setActuals(loaded);
        const n = lines.length;
        return `Checked ${n} invoice ${n === 1 ? "line" : "lines"} and wrote the sheet "${sheet.name}".`;
      },
    );

  const downloads: ExportAction[] =
    checked?.ok === true
      ? exportActions(checked.report, checked.tolerance, { ocid }).map((a) => ({
          id: a.id,
          label: a.label,
          description: a.description,
          run: () =>
            void task.run(a.busyLabel, { title: `Could not make the ${a.what}`, next: "Try again." }, a.run),
        }))
      : [];

  const report = checked?.ok ? checked : undefined;
  const asOf = readAsOf(asOfText);
  // The invoices follow the tender: an edit in Review or a new as-of date checks them again.
  const actualsReport = useMemo(
    () =>
      actuals && report && asOf.error === undefined
        ? trackActuals(actuals, report.report, asOf.asOf)
        : undefined,
    [actuals, report, asOf.asOf, asOf.error],
  );
  const errorMap =
    checked && !checked.ok && state.draft
      ? buildTried
        ? checked.byPath
        : withoutUntouchedLots(checked.byPath, state.draft)
      : new Map<string, string[]>();

  return (
    <main className={styles.root} aria-busy={busy}>
      <h1 className={styles.title}>Tender Budget</h1>
      <nav aria-label="Steps">
        <ol className={styles.steps}>
          {STEPS.map((s, i) => {
            const current = state.step === s.id;
            return (
              <li key={s.id}>
                <Button
                  id={`step-${s.id}`}
                  className={styles.stepButton}
                  size="small"
                  appearance={current ? "primary" : "subtle"}
                  aria-current={current ? "step" : undefined}
                  disabled={!stepEnabled(state, s.id)}
                  onClick={() => goTo(s.id)}
                >
                  {`${i + 1}. ${s.label}`}
                </Button>
              </li>
            );
          })}
        </ol>
      </nav>

      <div className={styles.status} role="status" aria-live="polite">
        {task.state.busy && (
          <>
            <ProgressBar aria-label={task.state.busy} />
            <Text>{task.state.busy}</Text>
          </>
        )}
        {task.state.done && (
          <MessageBar
            intent={task.state.caveat === null ? "success" : "warning"}
            data-intent={task.state.caveat === null ? "success" : "warning"}
          >
            <MessageBarBody>
              <span>{task.state.done}</span>
              {task.state.caveat !== null && <> {task.state.caveat}</>}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {host.problem && (
        <MessageBar intent="info">
          <MessageBarBody>{host.problem}</MessageBarBody>
        </MessageBar>
      )}
      {task.state.problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{task.state.problem.title}</MessageBarTitle>
            {task.state.problem.detail} <strong>What to do:</strong> {task.state.problem.next}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={task.dismiss}
              />
            }
          />
        </MessageBar>
      )}

      <section ref={stepSection} tabIndex={-1} className={styles.step} aria-labelledby={`step-${state.step}`}>
        {state.step === "start" && (
          <StartStep
            inExcel={host.inExcel}
            busy={busy}
            readsProse={READS_PROSE}
            onExample={onExample}
            onBlank={onBlank}
            onFile={onFile}
            onNotice={onNotice}
            onCreateSheet={onCreateSheet}
            onReadWorkbook={onReadWorkbook}
          />
        )}
        {state.step === "review" && state.draft && (
          <ReviewStep
            draft={state.draft}
            source={state.source}
            sourceNotes={state.sourceNotes}
            hints={state.sourceHints}
            errors={errorMap}
            otherErrors={checked && !checked.ok ? checked.unplaced : []}
            dispatch={dispatch}
            onNext={() => goTo("build")}
          />
        )}
        {state.step === "build" && state.draft && (
          <BuildStep
            inExcel={host.inExcel}
            draft={state.draft}
            options={state.options}
            optionErrors={errorMap}
            dispatch={dispatch}
            busy={busy}
            onBuild={onBuild}
            lines={state.built ? report?.view.lines : undefined}
            headline={state.built ? report?.view.headline : undefined}
            summary={state.built && report ? headlineSentence(report.view.headline) : undefined}
            phasing={state.built ? report?.view.phasing[state.options.phasingView] : undefined}
            onNext={() => goTo("check")}
          />
        )}
        {state.step === "check" && report && (
          <CheckStep
            headline={report.view.headline}
            findings={report.view.findings}
            onGoToCell={host.inExcel ? onGoToCell : undefined}
            canGoTo={(f) => addressOf(f) !== undefined}
            busy={busy}
            onNext={() => goTo("export")}
          />
        )}
        {(state.step === "check" || state.step === "export" || state.step === "track") &&
          checked &&
          !checked.ok && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>The tender has changed and needs correcting</MessageBarTitle>
                {listProblems(
                  checked.errors,
                  state.draft?.lots.map((l) => l.name),
                )}{" "}
                Correct it in Review to see the totals again.
              </MessageBarBody>
            </MessageBar>
          )}
        {state.step === "export" && report && (
          <ExportStep
            busy={busy}
            onSummarySheet={host.inExcel ? onSummary : undefined}
            downloads={downloads}
            onNext={() => goTo("track")}
            ocid={{ value: ocid, onChange: setOcid }}
          />
        )}
        {state.step === "track" && report && (
          <TrackStep
            inExcel={host.inExcel}
            busy={busy}
            actuals={actualsReport}
            source={actuals?.source ?? ""}
            asOfText={asOfText}
            asOfError={asOf.error}
            onAsOf={setAsOfText}
            onCreateSheet={onCreateActualsSheet}
            onCheckSheet={onCheckInvoices}
            onFile={onInvoicesFile}
            onPaste={onInvoicesPaste}
            onGoToCell={host.inExcel ? onGoToCell : undefined}
            canGoTo={(f) => addressOf(f) !== undefined}
          />
        )}
      </section>
    </main>
  );
}
