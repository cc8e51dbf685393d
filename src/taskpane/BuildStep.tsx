import { ChartSlot } from "./charts/ChartSlot";
import { bars } from "./charts/series";
import { useStepStyles } from "./step-styles";
import { useRef, type Dispatch } from "react";
import {
  Button,
  Field,
  Input,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowForwardRegular, CalculatorRegular } from "@fluentui/react-icons";
import { REGION_NAMES } from "../domain/core/calendar";
import type { Region } from "../domain/core/types";
import type { TenderDraft } from "./draft";
import { boxId, ErrorSummary } from "./ErrorSummary";
import { formatNumber } from "./en-gb";
import { moneyAsShown } from "./ReviewBoxes";
import type { BuildOptions, PaneAction, PhasingView } from "./state";
import { money, percent, type AllocationLine, type Headline, type PhasingRow } from "./view";
import { ChoiceBox } from "./ChoiceBox";
import { StepSection } from "./StepSection";

const useStyles = makeStyles({
  row: {
    "& > *": { minWidth: 0 },
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  // A box whose value is long ("England and Wales") takes the whole row, so it reads in full at 320 px.
  wide: { gridColumn: "1 / -1" },
  scroll: { overflowX: "auto" },
  num: {
    textAlign: "right",
    justifyContent: "flex-end",
    fontVariantNumeric: "tabular-nums",
    "& > div": { justifyContent: "flex-end", textAlign: "right" },
  },
  total: { fontWeight: tokens.fontWeightSemibold },
  // Columns sized to their figures, with narrow padding, so a 320 px pane fits the five of them;
  // a long lot name wraps at its spaces rather than running into the day rate beside it. Only a
  // single word wider than the whole column (break-word, unlike anywhere, leaves the column at least
  // as wide as its longest word) is broken: "Worcestershire" stays whole.
  allocation: { tableLayout: "auto" },
  cell: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXS },
  lotName: { overflowWrap: "break-word" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

/** The regions by name, spelt as the engine spells them everywhere. */
export const REGION_LABELS = REGION_NAMES;

const PHASING_LABELS: Record<PhasingView, string> = {
  month: "Month",
  quarter: "Quarter",
  financialYear: "Financial year",
};

export interface BuildStepProps {
  inExcel: boolean;
  draft: TenderDraft;
  options: BuildOptions;
  /** Problems with the options themselves, by option name (vatRate, toleranceAmount, tolerancePercent). */
  optionErrors: ReadonlyMap<string, readonly string[]>;
  dispatch: Dispatch<PaneAction>;
  busy: boolean;
  onBuild: () => void;
  /** The allocation, once built and while the tender is valid. */
  lines?: readonly AllocationLine[];
  headline?: Headline;
  phasing?: readonly PhasingRow[];
  /** The headline in one sentence, shown under the allocation. */
  summary?: string;
  onNext: () => void;
  /**
   * The list of problems at the top once a build has been tried with some left (see ReviewStep):
   * every problem of the tender, a box of Review opened there by `onOtherStep`.
   */
  problems?: {
    focusKey: number;
    onOtherStep: (path: string) => void;
    errors: ReadonlyMap<string, readonly string[]>;
    otherErrors: readonly string[];
  };
}

/** The boxes of this step that can show a problem. */
const OPTION_BOXES: ReadonlySet<string> = new Set(["vatRate", "toleranceAmount", "tolerancePercent"]);

function fieldState(errors: readonly string[] | undefined) {
  return errors && errors.length > 0
    ? { validationState: "error" as const, validationMessage: errors.join(" ") }
    : { validationState: "none" as const };
}

/** A box for a figure option (VAT rate, tolerances): its problems under it, its id the one the problem list focuses. */
function OptionBox(props: {
  option: string;
  label: string;
  value: string;
  errors: readonly string[] | undefined;
  disabled?: boolean;
  /** An amount of money: written out as £ with separators when left after typing ("500" → "£500"). */
  money?: boolean;
  onChange: (value: string) => void;
}) {
  const styles = useStepStyles();
  const typed = useRef(false);
  return (
    <Field label={{ children: props.label, htmlFor: boxId(props.option) }} {...fieldState(props.errors)}>
      <Input
        id={boxId(props.option)}
        className={styles.control}
        value={props.value}
        inputMode="decimal"
        disabled={props.disabled}
        onChange={(_, data) => {
          typed.current = true;
          props.onChange(data.value);
        }}
        onBlur={(event) => {
          if (props.money && typed.current) {
            const shown = moneyAsShown(event.currentTarget.value);
            if (shown !== undefined && shown !== event.currentTarget.value) props.onChange(shown);
          }
          typed.current = false;
        }}
      />
    </Field>
  );
}

/** Lots shown in the pane's allocation table; the Allocation sheet and the downloads have them all. */
export const TABLE_LOTS = 200;

/** The allocation as a table: one row per lot (the first TABLE_LOTS of a large tender) and a total. */
export function AllocationTable({
  lines,
  headline,
}: {
  lines: readonly AllocationLine[];
  headline: Headline;
}) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const num = mergeClasses(styles.cell, styles.num);
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" aria-label="Allocation by lot" className={styles.allocation}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>Lot</TableHeaderCell>
            <TableHeaderCell className={num}>Day rate</TableHeaderCell>
            <TableHeaderCell className={num}>Days</TableHeaderCell>
            <TableHeaderCell className={num}>Value</TableHeaderCell>
            <TableHeaderCell className={num}>Share</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.slice(0, TABLE_LOTS).map((line, i) => (
            <TableRow key={`${line.lot}-${i}`}>
              <TableCell className={mergeClasses(styles.cell, styles.lotName)}>{line.lot}</TableCell>
              <TableCell className={num}>{line.dayRate === undefined ? "–" : money(line.dayRate)}</TableCell>
              <TableCell className={num}>{line.days === undefined ? "–" : formatNumber(line.days)}</TableCell>
              <TableCell className={num}>{line.value === undefined ? "–" : money(line.value)}</TableCell>
              <TableCell className={num}>
                {line.value === undefined || headline.total === 0 ? "–" : percent(line.share * 100, false)}
              </TableCell>
            </TableRow>
          ))}
          {lines.length > TABLE_LOTS && (
            <TableRow>
              <TableCell className={styles.cell} colSpan={5}>
                {`… and ${(lines.length - TABLE_LOTS).toLocaleString("en-GB")} more lots, in the total below, on the Allocation sheet and in the downloads`}
              </TableCell>
            </TableRow>
          )}
          <TableRow className={styles.total}>
            <TableCell className={styles.cell}>Total</TableCell>
            <TableCell className={styles.cell} />
            <TableCell className={num}>
              {formatNumber(lines.reduce((sum, l) => sum + (l.days ?? 0), 0))}
            </TableCell>
            <TableCell className={num}>{money(headline.total)}</TableCell>
            {/* Shares of nothing are not shares: a total of £0 has none to add to 100%. */}
            <TableCell className={num}>{headline.total === 0 ? "–" : "100%"}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

export function PhasingTable({ rows, view }: { rows: readonly PhasingRow[]; view: PhasingView }) {
  const styles = { ...useStepStyles(), ...useStyles() };
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" aria-label={`Phasing by ${PHASING_LABELS[view].toLowerCase()}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{PHASING_LABELS[view]}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>Value</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.period}>
              <TableCell>{row.label}</TableCell>
              <TableCell className={styles.num}>{money(row.value)}</TableCell>
            </TableRow>
          ))}
          {/* The periods add up to the allocation's total: show it, so the two can be compared. */}
          <TableRow className={styles.total}>
            <TableCell>Total</TableCell>
            <TableCell className={styles.num}>
              {money(rows.reduce((sum, row) => sum + row.value, 0))}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

/** Step 3: the options, the Build allocation button, and (once built) the allocation and phasing. */
export function BuildStep(props: BuildStepProps) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const { draft, options, optionErrors, dispatch } = props;
  const setOptions = (o: Partial<BuildOptions>) => dispatch({ type: "setOptions", options: o });
  const { problems: summary } = props;
  return (
    <div className={styles.stack}>
      {summary && (
        <ErrorSummary
          errors={summary.errors}
          otherErrors={summary.otherErrors}
          lotNames={draft.lots.map((l) => l.name)}
          onSelect={(path) =>
            OPTION_BOXES.has(path) ? document.getElementById(boxId(path))?.focus() : summary.onOtherStep(path)
          }
          focusKey={summary.focusKey}
          then="then build the allocation again"
        />
      )}
      <StepSection id="build-options" title="Options" layout="stack">
        <Switch
          label="Add VAT to the totals"
          checked={options.vatOn}
          onChange={(_, data) => setOptions({ vatOn: data.checked })}
        />
        <div className={styles.row}>
          <OptionBox
            option="vatRate"
            label="VAT rate (%)"
            value={draft.vatRate}
            errors={optionErrors.get("vatRate")}
            disabled={!options.vatOn}
            onChange={(value) => dispatch({ type: "editTender", field: "vatRate", value })}
          />
          <ChoiceBox
            label="Bank holidays"
            field={{ className: styles.wide }}
            value={draft.region}
            choices={(Object.keys(REGION_LABELS) as Region[]).map((region) => [
              region,
              REGION_LABELS[region],
            ])}
            onChange={(value) => dispatch({ type: "editTender", field: "region", value })}
          />
          <OptionBox
            option="toleranceAmount"
            label="Tolerance (£)"
            money
            value={options.toleranceAmount}
            errors={optionErrors.get("toleranceAmount")}
            onChange={(value) => setOptions({ toleranceAmount: value })}
          />
          <OptionBox
            option="tolerancePercent"
            label="Tolerance (%)"
            value={options.tolerancePercent}
            errors={optionErrors.get("tolerancePercent")}
            onChange={(value) => setOptions({ tolerancePercent: value })}
          />
          <ChoiceBox
            label="Phasing by"
            value={options.phasingView}
            choices={(Object.keys(PHASING_LABELS) as PhasingView[]).map((view) => [
              view,
              PHASING_LABELS[view],
            ])}
            onChange={(phasingView) => setOptions({ phasingView })}
          />
          <ChoiceBox
            label="Days worked a week"
            value={String(options.daysPerWeek)}
            choices={["5", "4", "3", "2", "1"].map((n) => [n, n])}
            onChange={(n) => setOptions({ daysPerWeek: Number(n) })}
          />
        </div>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<CalculatorRegular />}
            disabledFocusable={props.busy}
            onClick={props.onBuild}
          >
            Build allocation
          </Button>
          {props.busy && <Spinner size="tiny" label="Working…" />}
        </div>
        <Text size={200}>
          {props.inExcel
            ? "Writes the Allocation and Phasing sheets, with live formulas, and marks the cells with problems."
            : "Shows the allocation below. Download it as an Excel workbook from Export."}
        </Text>
      </StepSection>
      {props.lines && props.headline && (
        <StepSection id="build-allocation" title="Allocation" layout="stack">
          <ChartSlot
            kind="bars"
            title="Value by lot"
            bars={bars(
              props.lines.flatMap((l) => (l.value === undefined ? [] : [{ label: l.lot, value: l.value }])),
            )}
          />
          <AllocationTable lines={props.lines} headline={props.headline} />
          {props.summary && <Text weight="semibold">{props.summary}</Text>}
          {props.phasing && props.phasing.length > 0 && (
            <>
              <h2 className={styles.heading}>Phasing</h2>
              <ChartSlot
                kind="bars"
                title={`Phasing by ${PHASING_LABELS[options.phasingView].toLowerCase()}`}
                bars={bars(
                  props.phasing.map((row) => ({ label: row.label, value: row.value })),
                  Infinity,
                )}
              />
              <PhasingTable rows={props.phasing} view={options.phasingView} />
            </>
          )}
          <div>
            <Button
              appearance="primary"
              icon={<ArrowForwardRegular />}
              iconPosition="after"
              onClick={props.onNext}
            >
              Next: check totals
            </Button>
          </div>
        </StepSection>
      )}
    </div>
  );
}
