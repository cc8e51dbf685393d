/**
 * The steps after Start — Review, Build, Check, Export and Contract tracking — with the engine they
 * run on. Loaded after the first screen (see App.tsx): Start needs none of it. It stays mounted once
 * there is a tender, also while Start is shown, so the invoices, the OCDS id and the cells behind
 * the findings are kept when the user looks back at Start.
 */
import { useCallback, useMemo, useState, type Dispatch } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Finding } from "../domain/core/types";
import type { FindingLocation } from "../workbook/port";
import { BuildStep } from "./BuildStep";
import { CheckStep } from "./CheckStep";
import { withoutUntouchedLots } from "./draft";
import { checkDraft, OPTION_PATHS } from "./engine";
import { boxId } from "./ErrorSummary";
import { ExportStep, type ExportAction } from "./ExportStep";
import { exportActions } from "./exports";
import type { HostInfo } from "./host";
import { ReviewStep } from "./ReviewStep";
import { RulesPanel } from "./RulesPanel";
import { listProblems } from "./problems";
import type { PaneAction, PaneState, Step } from "./state";
import { TrackStep } from "./TrackStep";
import { useBuild } from "./use-build";
import { useInvoices } from "./use-invoices";
import type { Task } from "./use-task";
import { headlineSentence, phasingRowsOf } from "./view";
import { runWorkbookWrite, unwrap, useWorkbook } from "./workbook-context";

// Start's question before replacing a tender and its offer of a kept draft load with the steps.
export { ReplaceConfirm, ResumeOffer } from "./KeepWork";

export interface TenderStepsProps {
  host: HostInfo;
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  task: Task;
  goTo: (step: Step) => void;
  /** Whether a build has been tried on this tender: from then on every problem shows in Review. */
  buildTried: boolean;
  onBuildTried: () => void;
  /** Move the focus to the element with this id once the step has changed. */
  focusOnArrival: (id: string) => void;
}

export function TenderSteps(props: TenderStepsProps) {
  const { host, state, dispatch, task, goTo } = props;
  const workbook = useWorkbook();
  const busy = task.state.busy !== null;
  const [locations, setLocations] = useState<FindingLocation[]>([]);
  /** The lots of Review the user opened or folded, kept while they visit other steps. */
  const [opened, setOpened] = useState<ReadonlyMap<string, boolean>>(new Map());
  /** The OCDS id typed on the Export step, for the OCDS download. */
  const [ocid, setOcid] = useState("");

  const checked = useMemo(
    () => (state.draft ? checkDraft(state.draft, state.options) : null),
    [state.draft, state.options],
  );
  /** Counts the tries to go on with problems left: the error summary takes the focus at each. */
  const [summaryFocus, setSummaryFocus] = useState(0);
  const onBlocked = useCallback(() => setSummaryFocus((n) => n + 1), []);
  const onBuild = useBuild({
    host,
    state,
    dispatch,
    task,
    checked,
    onTried: props.onBuildTried,
    focusOnArrival: props.focusOnArrival,
    onBlocked,
    onLocated: setLocations,
  });
  const invoices = useInvoices(task, checked, setLocations);

  const addressOf = (finding: Finding): string | undefined =>
    locations.find((l) => l.finding.code === finding.code && l.finding.path === finding.path)?.address;
  const canGoTo = (finding: Finding) => addressOf(finding) !== undefined;

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
    runWorkbookWrite(
      task,
      "Writing the summary sheet…",
      "Could not write the summary sheet",
      () =>
        checked?.ok ? workbook.writeSummary(checked.report, { tolerance: checked.tolerance }) : undefined,
      (sheet) => `Wrote the summary to the sheet "${sheet.name}".`,
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

  if (!state.draft || !checked) return null;
  const report = checked.ok ? checked : undefined;
  const errorMap = !checked.ok
    ? props.buildTried
      ? checked.byPath
      : withoutUntouchedLots(checked.byPath, state.draft)
    : new Map<string, string[]>();
  const step = state.step;
  /** A box of the other step named in the error summary: open that step with the focus in it. */
  const onOtherStep = (path: string) => {
    props.focusOnArrival(boxId(path));
    goTo(OPTION_PATHS.has(path) ? "build" : "review");
  };
  const showSummary = props.buildTried && !checked.ok;

  return (
    <>
      {step === "review" && (
        <ReviewStep
          draft={state.draft}
          source={state.source}
          sourceNotes={state.sourceNotes}
          hints={state.sourceHints}
          errors={errorMap}
          otherErrors={checked.ok ? [] : checked.unplaced}
          dispatch={dispatch}
          onNext={() => {
            // "Next" does not pass red boxes: the list of them takes the focus instead.
            if (!checked.ok && checked.errors.some((e) => !OPTION_PATHS.has(e.path))) {
              props.onBuildTried();
              onBlocked();
            } else goTo("build");
          }}
          summary={showSummary ? { focusKey: summaryFocus, onOtherStep } : undefined}
          removed={
            state.removedLot && {
              name: state.removedLot.lot.name,
              index: state.removedLot.index,
              key: state.removedLot.lot.key,
            }
          }
          lines={checked.ok ? checked.view.lines : undefined}
          findings={checked.ok ? checked.view.findings : undefined}
          folding={{ opened, setOpened }}
        />
      )}
      {step === "build" && (
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
          phasing={state.built && report ? phasingRowsOf(report.view, state.options.phasingView) : undefined}
          onNext={() => goTo("check")}
          problems={
            showSummary
              ? { focusKey: summaryFocus, onOtherStep, errors: errorMap, otherErrors: checked.unplaced }
              : undefined
          }
        />
      )}
      {step === "check" && report && (
        <CheckStep
          headline={report.view.headline}
          findings={report.view.findings}
          onGoToCell={host.inExcel ? onGoToCell : undefined}
          canGoTo={canGoTo}
          busy={busy}
          onNext={() => goTo("export")}
          rules={
            <RulesPanel tender={report.tender} rules={report.report.rules} findings={report.view.findings} />
          }
        />
      )}
      {(step === "check" || step === "export" || step === "track") && !checked.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>The tender has changed and needs correcting</MessageBarTitle>
            {listProblems(
              checked.errors,
              state.draft.lots.map((l) => l.name),
            )}{" "}
            Correct it in Review to see the totals again.
          </MessageBarBody>
        </MessageBar>
      )}
      {step === "export" && report && (
        <ExportStep
          busy={busy}
          onSummarySheet={host.inExcel ? onSummary : undefined}
          downloads={downloads}
          onNext={() => goTo("track")}
          ocid={{ value: ocid, onChange: setOcid }}
        />
      )}
      {step === "track" && report && (
        <TrackStep
          inExcel={host.inExcel}
          busy={busy}
          actuals={invoices.report}
          phasing={report.report.phasing}
          source={invoices.source}
          asOfText={invoices.asOfText}
          asOfError={invoices.asOfError}
          onAsOf={invoices.setAsOfText}
          onCreateSheet={invoices.onCreateSheet}
          onCheckSheet={invoices.onCheckSheet}
          onFile={invoices.onFile}
          onPaste={invoices.onPaste}
          onGoToCell={host.inExcel ? onGoToCell : undefined}
          canGoTo={canGoTo}
        />
      )}
    </>
  );
}
