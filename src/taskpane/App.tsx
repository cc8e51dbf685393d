import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DFE_2017_TENDER } from "../domain/core/examples";
import { opensAsAudit } from "./audit/bulk-file";
import { DFE_EXAMPLE_NAME } from "./dfe-example";
import { emptyDraft, tenderToDraft } from "./draft";
import { browserDraftStore, draftWords, workbookDraftStore, type DraftStore } from "./draft-store";
import type { ReplaceQuestion } from "./KeepWork";
import type { HostInfo } from "./host";
import { lazyModule, prefetchWhenIdle, useLazyModule } from "./lazy-module";
import type { LoadedTender } from "./sources";
import { ProblemBar } from "./ProblemBar";
import { READS_PROSE, StartStep } from "./StartStep";
import {
  INITIAL_STATE,
  paneReducer,
  STEPS,
  stepEnabled,
  stepsClosedReason,
  type PaneState,
  type Step,
} from "./state";
import { useKeptDraft } from "./use-kept-draft";
import { useTask } from "./use-task";
import { NOTICE_BUSY, tenderReaders, useStartActions } from "./start-actions";

export { tenderReaders };
import { unwrap, useWorkbook } from "./workbook-context";

/**
 * The steps after Start and the engine they run on, fetched once the first screen is up (Start
 * needs neither): the first load stays small, and the steps are there before the user asks.
 */
export const tenderSteps = lazyModule(() => import(/* webpackChunkName: "steps" */ "./TenderSteps"));

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
  stepsReason: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // The browser's own progress element (role progressbar, indeterminate without a value): Fluent's
  // ProgressBar would add its package to the first load for a bar shown only while a task runs.
  progress: { width: "100%", height: tokens.strokeWidthThicker, accentColor: tokens.colorBrandBackground },
  // Where a step stands while its code is still arriving (only if the user is quicker than the
  // fetch after the first screen): the pane's own background, holding the height the step will take.
  arriving: { minHeight: "60vh" },
});

export interface AppProps {
  host: HostInfo;
  /** Starting state, for tests. */
  initialState?: PaneState;
  /** Where the draft is kept over a reload; by default the workbook in Excel, else the browser. */
  draftStore?: DraftStore;
}

/** The Tender Budget pane: Start → Review → Build → Check → Export → Contract tracking. */
export function App({ host, initialState = INITIAL_STATE, draftStore }: AppProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [state, dispatch] = useReducer(paneReducer, initialState);
  const task = useTask();
  const store = useMemo(
    () => draftStore ?? (host.inExcel ? workbookDraftStore(workbook) : browserDraftStore()),
    [draftStore, host.inExcel, workbook],
  );
  const kept = useKeptDraft(store, state);
  /** Asked before another tender replaces one the user has edited: what replaces it, and then. */
  const [question, setQuestion] = useState<(ReplaceQuestion & { go: () => void }) | null>(null);
  const askedFrom = useRef<HTMLElement | null>(null);
  /** Run `go`, which replaces the tender, once the user agrees when it holds their edits. */
  const replacing = (what: string, go: () => void) => {
    const edited = state.edited && state.draft ? state.draft : kept.offer?.edited ? kept.offer.draft : null;
    if (edited === null) return go();
    askedFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setQuestion({ what, replaces: `your tender ${draftWords(edited)}`, go });
  };
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
  // The steps' chunk also holds the question before replacing a tender and the offer of a kept
  // draft: each needs a tender or a kept draft, whose steps the user is about to need anyway.
  const steps = useLazyModule(
    tenderSteps,
    state.draft !== null || state.step !== "start" || kept.offer !== null,
    stepsFailed,
  );
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

  // In Excel, a workbook the pane has worked on before keeps its tender and choices: restore them,
  // unless a draft is kept too (it is offered instead; discarding it restores the checked tender).
  const { run } = task;
  const restored = useRef(false);
  const waitForDraft = kept.looking || kept.offer !== null || state.draft !== null;
  useEffect(() => {
    if (!host.inExcel || waitForDraft || restored.current) return;
    restored.current = true;
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
  }, [host.inExcel, waitForDraft, workbook, run, load]);

  const onResume = () => {
    const offer = kept.offer;
    if (!offer) return;
    kept.taken();
    task.dismiss();
    setBuildTried(false);
    dispatch({ type: "setOptions", options: offer.options });
    dispatch({
      type: "loaded",
      draft: offer.draft,
      source: offer.source,
      notes: offer.notes,
      hints: offer.hints,
      edited: offer.edited,
    });
  };

  const { readFile, readNotice, createSheet, readWorkbook } = useStartActions({
    task,
    workbook,
    load,
    state,
    onAudit: setAuditFile,
  });

  const onExample = () =>
    replacing("The DfE 2017 example", () => {
      task.dismiss();
      load({ tender: DFE_2017_TENDER, source: DFE_EXAMPLE_NAME, notes: [] });
    });

  const onBlank = () =>
    replacing("Starting a blank tender", () => {
      task.dismiss();
      setBuildTried(false);
      dispatch({ type: "loaded", draft: emptyDraft(), source: "", notes: [] });
    });

  const onFile = (file: File) => {
    // A download of many notices opens in the Audit view, which replaces no tender.
    if (opensAsAudit(file)) {
      task.dismiss();
      setAuditFile(file);
      return;
    }
    replacing(`Reading ${file.name}`, () => readFile(file));
  };

  const onNotice = (text: string) => replacing("Reading the tender notice", () => void readNotice(text));

  const onCreateSheet = (example: boolean) =>
    example ? replacing("The DfE 2017 example", () => createSheet(true)) : createSheet(false);

  const onReadWorkbook = (from: "tender-sheet" | "selection") =>
    replacing(from === "selection" ? "Reading the selected lots table" : "Reading the Tender sheet", () =>
      readWorkbook(from),
    );

  const closedReason = stepsClosedReason(state);

  return (
    <main className={styles.root} aria-busy={busy}>
      <h1 className={styles.title}>Tender Budget</h1>
      <nav aria-label="Steps">
        <ol className={styles.steps}>
          {STEPS.map((s, i) => {
            const current = state.step === s.id;
            const enabled = stepEnabled(state, s.id);
            return (
              <li key={s.id}>
                <Button
                  id={`step-${s.id}`}
                  className={styles.stepButton}
                  size="small"
                  appearance={current ? "primary" : "subtle"}
                  aria-current={current ? "step" : undefined}
                  disabled={!enabled}
                  aria-describedby={enabled || closedReason === null ? undefined : "steps-closed-reason"}
                  onClick={() => goTo(s.id)}
                >
                  {`${i + 1}. ${s.label}`}
                </Button>
              </li>
            );
          })}
        </ol>
        {closedReason !== null && (
          <p id="steps-closed-reason" className={styles.stepsReason}>
            {closedReason}
          </p>
        )}
      </nav>

      <div className={styles.status} role="status" aria-live="polite">
        {task.state.busy && (
          <>
            <progress className={styles.progress} aria-label={task.state.busy} />
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
      {kept.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{kept.problem}</MessageBarBody>
        </MessageBar>
      )}

      <section ref={stepSection} tabIndex={-1} className={styles.step} aria-labelledby={`step-${state.step}`}>
        {state.step === "start" && question && steps && (
          <steps.ReplaceConfirm
            question={question}
            onKeep={() => {
              setQuestion(null);
              askedFrom.current?.focus();
            }}
            onReplace={() => {
              setQuestion(null);
              question.go();
            }}
          />
        )}
        {state.step === "start" && kept.offer && !question && steps && (
          <steps.ResumeOffer
            kept={kept.offer}
            where={store.where}
            onResume={onResume}
            onDiscard={kept.discard}
          />
        )}
        {auditFile &&
          (audit ? (
            <audit.AuditPanel
              file={auditFile}
              inExcel={host.inExcel}
              task={task}
              hidden={state.step !== "start"}
              onOpen={load}
              replacing={replacing}
              onClose={() => setAuditFile(null)}
            />
          ) : (
            state.step === "start" && <div className={styles.arriving} aria-busy="true" />
          ))}
        {state.step === "start" && !auditFile && (
          <StartStep
            inExcel={host.inExcel}
            busy={busy}
            readingNotice={task.state.busy === NOTICE_BUSY}
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
