import {
  Fragment,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from "react";
import {
  Checkbox,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useStepStyles } from "./step-styles";
import { fieldOfPath, type TenderDraft, type TenderField } from "./draft";
import { boxId, ErrorSummary } from "./ErrorSummary";
import type { PaneAction } from "./state";
import type { Finding } from "../domain/core/types";
import { Box, LotEditor, lotLineId, useReviewStyles as useStyles } from "./ReviewBoxes";
import { lotMarks, lotSummary } from "./lot-summary";
import type { AllocationLine } from "./view";
import { RulesFields } from "./RulesFields";
import { openNotes } from "./source-notes";
import { StepSection } from "./StepSection";

/** Lots edited a page at a time: a tender of thousands of lots would otherwise draw every box at once. */
export const LOTS_PER_PAGE = 50;

/** The pages (0-based) that hold a lot with a problem, in order. */
function pagesWithProblems(errors: ReadonlyMap<string, readonly string[]>): number[] {
  const pages = new Set<number>();
  for (const path of errors.keys()) {
    const lot = /^lots\[(\d+)\]/.exec(path);
    if (lot) pages.add(Math.floor(Number(lot[1]) / LOTS_PER_PAGE));
  }
  return [...pages].sort((a, b) => a - b);
}

export interface ReviewStepProps {
  draft: TenderDraft;
  source: string;
  sourceNotes: readonly string[];
  /** Where fields came from, by path, shown under their boxes. */
  hints: Readonly<Record<string, string>>;
  /** Input problems by path (`statedTotal`, `lots[2].days`). */
  errors: ReadonlyMap<string, readonly string[]>;
  /** Problems that belong to no single box. */
  otherErrors: readonly string[];
  dispatch: Dispatch<PaneAction>;
  onNext: () => void;
  /**
   * The list of problems at the top, once the user has tried to go on with some left: `focusKey`
   * changes at each try, and a problem with a box of another step is opened by `onOtherStep`.
   */
  summary?: { focusKey: number; onOtherStep: (path: string) => void };
  /** The lot last removed, offered back with Undo. */
  removed?: { name: string; index: number; key: string };
  /** The allocation's lines and the check's findings while the tender checks: each lot's line and mark. */
  lines?: readonly AllocationLine[];
  findings?: readonly Finding[];
  /**
   * The lots the user opened (true) or folded (false), by lot key, when kept by the caller over a
   * visit to another step; otherwise Review keeps them itself.
   */
  folding?: {
    opened: ReadonlyMap<string, boolean>;
    setOpened: Dispatch<SetStateAction<ReadonlyMap<string, boolean>>>;
  };
}

const NO_FINDINGS: readonly Finding[] = [];

/** A lot with nothing typed in it yet (a blank tender's first, one just added): open to be filled. */
const isEmpty = (lot: TenderDraft["lots"][number]) =>
  [lot.name, lot.dayRate, lot.days, lot.statedValue, lot.startDate, lot.endDate].every(
    (v) => v.trim() === "",
  );

const TENDER_BOXES: readonly {
  field: TenderField;
  label: string;
  hint?: string;
  money?: boolean;
  date?: boolean;
}[] = [
  { field: "title", label: "Title" },
  { field: "buyer", label: "Buyer" },
  {
    field: "statedTotal",
    label: "Stated total (£)",
    money: true,
    hint: "As the tender states it, e.g. £346,000",
  },
  { field: "dayRate", label: "Default day rate (£)", money: true, hint: "For lots without their own" },
  { field: "closingDate", label: "Closing date", date: true },
  { field: "startDate", label: "Start date", date: true },
  { field: "endDate", label: "End date", date: true },
];

/** A message bar whose body is a list: the notes to confirm, the problems found. */
function ListBar({
  intent,
  title,
  items,
}: {
  intent: "warning" | "error";
  title: string;
  items: readonly string[];
}) {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Step 2: the tender as read, every field editable, problems beside the boxes they concern. */
export function ReviewStep({
  draft,
  source,
  sourceNotes,
  hints,
  errors: allErrors,
  otherErrors,
  dispatch,
  onNext,
  summary,
  removed,
  lines,
  findings = NO_FINDINGS,
  folding,
}: ReviewStepProps) {
  // A box is checked when the user leaves it: while they type in it ("£" on the way to "£105,600")
  // its problems wait, beside it and in the summary; a correction shows at once as the problem goes.
  const [typing, setTyping] = useState<string | null>(null);
  // Each lot folds to one line; the user opens and folds it. A lot whose boxes are being edited, one
  // with problems in its boxes and one with nothing typed yet (just added) stay open.
  const [ownOpened, setOwnOpened] = useState<ReadonlyMap<string, boolean>>(new Map());
  const opened = folding?.opened ?? ownOpened;
  const setOpened = folding?.setOpened ?? setOwnOpened;
  const lotKeys = useRef<string[]>([]);
  lotKeys.current = draft.lots.map((l) => l.key);
  const choose = useCallback(
    (key: string | undefined, open: boolean) => {
      if (key === undefined) return;
      setOpened((now) => (now.get(key) === open ? now : new Map(now).set(key, open)));
    },
    [setOpened],
  );
  const onTyping = useCallback(
    (path: string | null) => {
      setTyping(path);
      const lot = path === null ? undefined : fieldOfPath(path)?.lot;
      if (lot !== undefined) choose(lotKeys.current[lot], true);
    },
    [choose],
  );
  const errors = useMemo(() => {
    if (typing === null || !allErrors.has(typing)) return allErrors;
    const shown = new Map(allErrors);
    shown.delete(typing);
    return shown;
  }, [allErrors, typing]);
  const styles = { ...useStepStyles(), ...useStyles() };
  // A note about a box goes once the box is resolved ("No buyer found." once a buyer is given).
  const notes = openNotes(sourceNotes, draft, allErrors, hints, typing);
  const edit = (field: TenderField) => (value: string) => dispatch({ type: "editTender", field, value });
  const lotCount = draft.lots.length;
  const pageCount = Math.max(1, Math.ceil(lotCount / LOTS_PER_PAGE));
  const problemPages = pagesWithProblems(errors);
  // Opened with problems to correct: start on the page of the first lot that has one.
  const [chosenPage, setPage] = useState(() => problemPages[0] ?? 0);
  const page = Math.min(chosenPage, pageCount - 1);
  const first = page * LOTS_PER_PAGE;
  const shown = draft.lots.slice(first, first + LOTS_PER_PAGE);
  const otherProblemPages = problemPages.filter((p) => p !== page && p < pageCount);
  // A box chosen in the error summary: its page is shown first, then it takes the focus.
  const [focusPath, setFocusPath] = useState<string | null>(null);
  useEffect(() => {
    if (focusPath === null) return;
    // A folded lot takes the focus on its line.
    const lot = fieldOfPath(focusPath)?.lot;
    (
      document.getElementById(boxId(focusPath)) ??
      (lot === undefined ? null : document.getElementById(lotLineId(lot)))
    )?.focus();
    setFocusPath(null);
  }, [focusPath]);
  // Removing a lot moves the focus to the lot that takes its place (the one before, if it was last).
  const onRemove = useCallback(
    (index: number) => {
      dispatch({ type: "removeLot", index });
      setFocusPath(`lots[${Math.min(index, lotCount - 2)}].name`);
    },
    [dispatch, lotCount],
  );
  const selectBox = (path: string) => {
    const field = fieldOfPath(path);
    const shown = document.getElementById(boxId(path));
    if (shown && field?.lot === undefined) {
      shown.focus();
      return;
    }
    // The VAT rate, bank holidays and tolerance are options of the Build step.
    if (!field || path === "vatRate" || path === "region") {
      summary?.onOtherStep(path);
      return;
    }
    if (field.lot !== undefined) {
      setPage(Math.floor(field.lot / LOTS_PER_PAGE));
      choose(draft.lots[field.lot]?.key, true);
    }
    setFocusPath(path);
  };
  const marks = useMemo(() => lotMarks(allErrors, findings), [allErrors, findings]);
  // Lots with a problem showing in one of their boxes: they stay open until it is corrected.
  const lotsWithProblems = useMemo(
    () => new Set([...errors.keys()].map((path) => fieldOfPath(path)?.lot).filter((l) => l !== undefined)),
    [errors],
  );
  const onToggle = useCallback(
    (index: number, open: boolean) => choose(lotKeys.current[index], open),
    [choose],
  );
  const pager =
    pageCount > 1 ? (
      <div role="group" className={styles.actions} aria-label="Pages of lots">
        <Text>
          {`Lots ${(first + 1).toLocaleString("en-GB")}–${(first + shown.length).toLocaleString("en-GB")} of ${lotCount.toLocaleString("en-GB")}`}
          {otherProblemPages.length > 0 &&
            ` (problems to correct on page ${otherProblemPages.map((p) => (p + 1).toLocaleString("en-GB")).join(", ")})`}
        </Text>
        <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous lots
        </Button>
        <Button size="small" disabled={page === pageCount - 1} onClick={() => setPage(page + 1)}>
          Next lots
        </Button>
        {otherProblemPages.length > 0 && (
          <Button
            size="small"
            onClick={() => setPage(otherProblemPages.find((p) => p > page) ?? otherProblemPages[0])}
          >
            Next problem
          </Button>
        )}
      </div>
    ) : undefined;
  return (
    <div className={styles.stack}>
      {summary && (
        <ErrorSummary
          errors={errors}
          otherErrors={otherErrors}
          lotNames={draft.lots.map((l) => l.name)}
          onSelect={selectBox}
          focusKey={summary.focusKey}
          then="then build the allocation"
        />
      )}
      {source && <Text>Read from {source}. Check each figure and correct anything that is wrong.</Text>}
      {notes.length > 0 && <ListBar intent="warning" title="Please confirm" items={notes} />}
      {!summary && otherErrors.length > 0 && (
        <ListBar intent="error" title="The tender has problems" items={otherErrors} />
      )}
      <StepSection id="review-tender" title="Tender" layout="stack">
        {TENDER_BOXES.map((box) => (
          <Fragment key={box.field}>
            <Box
              path={box.field}
              label={box.label}
              hint={hints[box.field] ?? box.hint}
              value={draft[box.field]}
              errors={errors.get(box.field)}
              placeholder={box.date ? "dd/mm/yyyy" : undefined}
              inputMode={box.money ? "decimal" : "text"}
              money={box.money}
              onChange={edit(box.field)}
              onTyping={onTyping}
            />
            {box.field === "statedTotal" && (
              <Checkbox
                checked={draft.statedTotalIsCeiling === true}
                label="The stated total is a ceiling: a budget, allocation, cap or “up to” amount the lots may not go over"
                onChange={(_, data) => dispatch({ type: "setCeiling", ceiling: data.checked === true })}
              />
            )}
          </Fragment>
        ))}
      </StepSection>
      <RulesFields draft={draft} errors={errors} hints={hints} dispatch={dispatch} />
      <StepSection id="review-lots" title={`Lots (${draft.lots.length})`} layout="stack">
        {removed && (
          <MessageBar intent="info">
            <MessageBarBody>{`Removed ${removed.name.trim() || `lot ${removed.index + 1}`}.`}</MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  dispatch({ type: "undoRemoveLot" });
                  choose(removed.key, true);
                  setFocusPath(`lots[${removed.index}].name`);
                }}
              >
                Undo
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {pager}
        {shown.map((lot, i) => {
          const index = first + i;
          const mark = marks.get(index);
          const mustStay = lotsWithProblems.has(index);
          return (
            <LotEditor
              key={lot.key}
              lot={lot}
              index={index}
              summary={lotSummary(lot, index, lines?.[index])}
              markText={mark?.text}
              markSeverity={mark?.severity}
              open={mustStay || (opened.get(lot.key) ?? isEmpty(lot))}
              canFold={!mustStay}
              onToggle={onToggle}
              canRemove={draft.lots.length > 1}
              errors={errors}
              hints={hints}
              dispatch={dispatch}
              onTyping={onTyping}
              onRemove={onRemove}
            />
          );
        })}
        {pager}
        <div className={styles.actions}>
          <Button
            icon={<AddRegular />}
            onClick={() => {
              dispatch({ type: "addLot" });
              // The new lot is the last one: show its page.
              setPage(Math.floor(lotCount / LOTS_PER_PAGE));
            }}
          >
            Add lot
          </Button>
          <Button appearance="primary" onClick={onNext}>
            Next: build allocation
          </Button>
        </div>
      </StepSection>
    </div>
  );
}
