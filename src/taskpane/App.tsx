import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Tender } from "../domain/core/types";
import { opensAsAudit } from "./audit/bulk-file";
import { DFE_2017_TENDER } from "../domain/core/examples";
import { DFE_EXAMPLE_NAME } from "./dfe-example";
import { emptyDraft, tenderToDraft } from "./draft";
import type { HostInfo } from "./host";
import { lazyModule, prefetchWhenIdle, useLazyModule } from "./lazy-module";
import type { LoadedTender } from "./sources";
import { ProblemBar } from "./ProblemBar";
import { READS_PROSE, StartStep } from "./StartStep";
import { INITIAL_STATE, paneReducer, STEPS, stepEnabled, type PaneState, type Step } from "./state";
import { useTask } from "./use-task";
import { EXCEL_BUSY_NEXT, unwrap, useWorkbook } from "./workbook-context";

/**
 * The steps after Start and the engine they run on, fetched once the first screen is up (Start
 * needs neither): the first load stays small, and the steps are there before the user asks.
 */
export const tenderSteps = lazyModule(() => import(/* webpackChunkName: "steps" */ "./TenderSteps"));

/**
 * The readers of files and pasted text (the engine's tender-file, CSV and notice readers): fetched
 * when the browser is idle after the first screen, or when the user first opens or pastes something.
 */
export const tenderReaders = lazyModule(() => import(/* webpackChunkName: "readers" */ "./sources"));
/** The Audit view of a download of many notices: fetched when such a file is opened. */
export const auditPanel = lazyModule(() => import(/* webpackChunkName: "audit" */ "./audit/AuditPanel"));
const engine = () => import(/* webpackChunkName: "steps" */ "./engine");

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
  // Where a step stands while its code is still arriving (only if the user is quicker than the
  // fetch after the first screen): the pane's own background, holding the height the step will take.
  arriving: { minHeight: "60vh" },
});

/** A tender's own fields without its lots. */
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
  /** Whether a build has been tried on this tender: from then on every problem shows in Review. */
  const [buildTried, setBuildTried] = useState(false);
  const onBuildTried = useCallback(() => setBuildTried(true), []);
  const busy = task.state.busy !== null;

  const { report: reportProblem } = task;
  const stepsFailed = useCallback(
    (error: unknown) =>
      reportProblem({
        title: "Could not load this step",
        detail: error instanceof Error ? error.message : String(error),
        next: "Check the network connection, then reload the pane.",
      }),
    [reportProblem],
  );
  const steps = useLazyModule(tenderSteps, state.draft !== null || state.step !== "start", stepsFailed);
  /** A download of many notices being audited: the Audit view stands in for Start's choices. */
  const [auditFile, setAuditFile] = useState<File | null>(null);
  const audit = useLazyModule(auditPanel, auditFile !== null, stepsFailed);
  useEffect(() => prefetchWhenIdle([tenderSteps, tenderReaders]), []);

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
  /** An element to focus when the step changes instead (a box named in the error summary, or it). */
  const focusId = useRef<string | null>(null);
  const focusOnArrival = useCallback((id: string) => {
    focusId.current = id;
  }, []);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    const target = focusId.current === null ? null : document.getElementById(focusId.current);
    focusId.current = null;
    (target ?? stepSection.current)?.focus();
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
        const { optionsFromChoices } = await engine();
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

  const onFile = (file: File) => {
    if (opensAsAudit(file)) {
      task.dismiss();
      setAuditFile(file);
      return;
    }
    void task.run(
      `Reading ${file.name}…`,
      {
        title: `Could not read ${file.name}`,
        next: "Check that it is an .xlsx workbook, a .csv lots table or a tender .json file, then open it again.",
      },
      async () => {
        const read = await (await tenderReaders.load()).readTenderFile(file);
        if ("tender" in read) return load(read);
        setAuditFile(file); // several contracting processes: audit them all
      },
    );
  };

  const onNotice = (text: string) =>
    void task.run(
      "Reading the tender notice…",
      {
        title: "Could not read the tender notice",
        next: "Check the text you pasted, or start a blank tender and type the figures in.",
      },
      async () => load(await (await tenderReaders.load()).readPastedText(text)),
    );

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
        const checked =
          from === "selection" && state.draft
            ? (await engine()).checkDraft(state.draft, state.options)
            : undefined;
        const base = checked?.ok ? tenderLevel(checked.tender) : undefined;
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
      {task.state.problem && <ProblemBar problem={task.state.problem} onDismiss={task.dismiss} />}

      <section ref={stepSection} tabIndex={-1} className={styles.step} aria-labelledby={`step-${state.step}`}>
        {auditFile &&
          (audit ? (
            <audit.AuditPanel
              file={auditFile}
              inExcel={host.inExcel}
              task={task}
              hidden={state.step !== "start"}
              onOpen={load}
              onClose={() => setAuditFile(null)}
            />
          ) : (
            state.step === "start" && <div className={styles.arriving} aria-busy="true" />
          ))}
        {state.step === "start" && !auditFile && (
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
        {steps ? (
          <steps.TenderSteps
            host={host}
            state={state}
            dispatch={dispatch}
            task={task}
            goTo={goTo}
            buildTried={buildTried}
            onBuildTried={onBuildTried}
            focusOnArrival={focusOnArrival}
          />
        ) : (
          state.step !== "start" && <div className={styles.arriving} aria-busy="true" />
        )}
      </section>
    </main>
  );
}
