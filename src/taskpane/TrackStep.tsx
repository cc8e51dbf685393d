import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentAddRegular, TargetArrowRegular, TextBulletListSquareRegular } from "@fluentui/react-icons";
import type { ActualsReport } from "../domain/actuals";
import type { Phasing } from "../domain/check/phasing";
import { ChartSlot } from "./charts/ChartSlot";
import { spendSeries } from "./charts/series";
import type { Finding } from "../domain/core/types";
import { formatLongDate } from "./en-gb";
import {
  findingLot,
  invoiceErrorsByLot,
  invoiceErrorWords,
  positionFigures,
  positionHeadline,
  positionRows,
  trackingSummary,
} from "./tracking";
import { FilePicker } from "./FilePicker";
import { FindingsList } from "./FindingsList";
import { useStepStyles } from "./step-styles";
import { StepSection } from "./StepSection";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  value: { margin: 0 },
  // The position at a glance: four columns that fit a 320 px pane, names wrapping at spaces only.
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& th, & td": {
      textAlign: "left",
      verticalAlign: "top",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& th": { fontWeight: tokens.fontWeightSemibold },
    "& td:nth-child(2), & td:nth-child(3), & th:nth-child(2), & th:nth-child(3)": { textAlign: "right" },
  },
  // A lot over its allocation or with invoice errors: marked at the row's and the card's edge.
  marked: { boxShadow: `inset 3px 0 0 ${tokens.colorPaletteRedBorder2}` },
});

export interface TrackStepProps {
  inExcel: boolean;
  busy: boolean;
  /** The position and findings of the invoices last read, when there are any. */
  actuals?: ActualsReport;
  /** The tender's phasing, which the spend charts compare the invoices with. */
  phasing?: Phasing;
  /** Where the invoices came from, in words: "invoices.csv", "the Actuals sheet". */
  source: string;
  /** The "As of" box as typed; empty means the latest invoice date. */
  asOfText: string;
  /** The problem with the "As of" box, if any. */
  asOfError?: string;
  onAsOf: (text: string) => void;
  /** In Excel: add an Actuals sheet for the invoices. */
  onCreateSheet: () => void;
  /** In Excel: read the Actuals sheet, check it and write the Budget vs actual sheet. */
  onCheckSheet: () => void;
  /** In a browser: read an invoices .csv file. */
  onFile: (file: File) => void;
  /** In a browser: read invoices pasted as CSV text. */
  onPaste: (text: string) => void;
  /** Present in Excel: select the invoice row a finding concerns. */
  onGoToCell?: (finding: Finding) => void;
  canGoTo?: (finding: Finding) => boolean;
}

/** The figures of one lot, or of the tender as a whole, as a list of terms and values. */
function Position({ label, figures }: { label: string; figures: { term: string; value: string }[] }) {
  const styles = useStyles();
  const step = useStepStyles();
  return (
    <dl className={styles.figures} aria-label={label}>
      {figures.map((f) => (
        <div key={f.term} style={{ display: "contents" }}>
          <dt className={step.term}>{f.term}</dt>
          <dd className={styles.value}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Step 6: invoices against the allocation — the position at a glance and the findings. */
export function TrackStep(props: TrackStepProps) {
  const styles = useStepStyles();
  const own = useStyles();
  const [pasted, setPasted] = useState("");
  const { actuals, phasing } = props;
  const series = useMemo(
    () => (actuals && phasing ? spendSeries(actuals, phasing) : undefined),
    [actuals, phasing],
  );

  const errorFindings = actuals ? actuals.findings.filter((f) => f.severity === "error") : [];
  const errors = errorFindings.length;
  const errorsByLot = actuals ? invoiceErrorsByLot(actuals) : new Map<number, number>();
  const lotOf = (f: Finding) => (actuals ? findingLot(actuals, f)?.lot : undefined);
  const findingsList = (findings: Finding[]) => (
    <FindingsList
      findings={findings}
      idPrefix="invoice-findings"
      headingSuffix=" in the invoices"
      onGoToCell={props.onGoToCell}
      canGoTo={props.canGoTo}
      busy={props.busy}
      lotOf={lotOf}
    />
  );
  const flagged = actuals ? actuals.lots.filter((l) => l.forecast.exhaustsBeforeEnd) : [];

  return (
    <div className={styles.stack}>
      <Text>
        Check each invoice against the contracted day rate and see how much of each lot&apos;s allocation is
        used and left.
      </Text>
      {props.inExcel ? (
        <StepSection id="track-workbook" title="Invoices in this workbook">
          <Button icon={<DocumentAddRegular />} disabledFocusable={props.busy} onClick={props.onCreateSheet}>
            New actuals sheet
          </Button>
          <Text size={200}>
            Adds an Actuals sheet with a table to paste or type the invoices into: lot, invoice number,
            invoice date, period start and end, days and amount (ex VAT).
          </Text>
          <Button
            appearance="primary"
            icon={<TargetArrowRegular />}
            disabledFocusable={props.busy}
            onClick={props.onCheckSheet}
          >
            Check invoices
          </Button>
          <Text size={200}>Reads the Actuals sheet and writes the Budget vs actual sheet.</Text>
        </StepSection>
      ) : (
        <StepSection id="track-file" title="Invoices">
          <FilePicker
            label="Open invoices (.csv)"
            hint="A .csv file with a header row: Lot, Invoice number, Invoice date, Period start, Period end, Days, Amount (ex VAT) and, if you have it, VAT."
            accept=".csv,text/csv"
            inputLabel="Invoices file"
            primary
            busy={props.busy}
            onFile={props.onFile}
          />
          <Field label="Invoices" hint="Or paste the invoices as CSV text, with the header row.">
            <Textarea
              resize="vertical"
              rows={5}
              value={pasted}
              onChange={(_, data) => setPasted(data.value)}
            />
          </Field>
          <Button
            icon={<TextBulletListSquareRegular />}
            disabled={pasted.trim() === ""}
            disabledFocusable={props.busy}
            onClick={() => props.onPaste(pasted)}
          >
            Check pasted invoices
          </Button>
        </StepSection>
      )}

      <Field
        label="As of"
        hint="The date to take the position at, such as 31/01/2018. Leave it empty for the latest invoice."
        validationState={props.asOfError ? "error" : "none"}
        validationMessage={props.asOfError}
      >
        <Input value={props.asOfText} onChange={(_, data) => props.onAsOf(data.value)} />
      </Field>

      {actuals && (
        <>
          <MessageBar intent={errors > 0 ? "error" : flagged.length > 0 ? "warning" : "success"}>
            <MessageBarBody>
              <MessageBarTitle>{positionHeadline(actuals)}</MessageBarTitle>
              {trackingSummary(actuals, props.source, props.inExcel)}
            </MessageBarBody>
          </MessageBar>

          {/* The invoice errors first: each names its lot, whose row and card are marked below. */}
          {errors > 0 && findingsList(errorFindings)}

          <StepSection
            id="track-position"
            title={actuals.asOf ? `Position at ${formatLongDate(actuals.asOf)}` : "Position"}
          >
            <table className={own.table} aria-label="Position by lot">
              <thead>
                <tr>
                  <th scope="col">Lot</th>
                  <th scope="col">Used</th>
                  <th scope="col">Left</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {positionRows(actuals).map((row) => (
                  <tr key={row.lot} className={row.marked ? own.marked : undefined}>
                    <th scope="row">{row.lot}</th>
                    <td>{row.used}</td>
                    <td>{row.left}</td>
                    <td>{row.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {actuals.lots.map((lot, i) => {
              const lotErrors = errorsByLot.get(lot.index) ?? 0;
              return (
                <div
                  key={lot.index}
                  className={lot.overBudget || lotErrors > 0 ? `${styles.card} ${own.marked}` : styles.card}
                >
                  <h3 className={styles.subheading}>
                    {lot.lot}{" "}
                    {lot.overBudget && (
                      <Badge appearance="filled" color="danger">
                        Over budget
                      </Badge>
                    )}{" "}
                    {lotErrors > 0 && (
                      <Badge appearance="tint" color="danger">
                        {invoiceErrorWords(lotErrors)}
                      </Badge>
                    )}{" "}
                    {lot.forecast.exhaustsBeforeEnd && !lot.overBudget && (
                      <Badge appearance="tint" color="warning">
                        Runs out early
                      </Badge>
                    )}
                  </h3>
                  {series && <ChartSlot kind="spend" series={series[i]} />}
                  <Position label={`Position of ${lot.lot}`} figures={positionFigures(lot)} />
                </div>
              );
            })}
            <div className={styles.card}>
              <h3 className={styles.subheading}>All lots</h3>
              {series && <ChartSlot kind="spend" series={series[series.length - 1]} />}
              <Position label="Position of all lots" figures={positionFigures(actuals.totals)} />
            </div>
          </StepSection>

          {actuals.findings.length === 0 ? (
            <Text>No problems found in the invoices.</Text>
          ) : (
            errors < actuals.findings.length &&
            findingsList(actuals.findings.filter((f) => f.severity !== "error"))
          )}
        </>
      )}
      {!actuals && (
        <Text size={200}>
          {props.source !== "" && props.asOfError
            ? `Correct the As of date, or empty it, to see the position of the invoices from ${props.source}.`
            : props.inExcel
              ? "Add an actuals sheet, paste the invoices into it, then check them."
              : "Open or paste the invoices to see the position."}
        </Text>
      )}
    </div>
  );
}
