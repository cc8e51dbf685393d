import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowForwardRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { TOTAL_STATUS_LABELS } from "../domain/check/total-status";
import type { Finding } from "../domain/core/types";
import { formatNumber } from "./en-gb";
import { FindingsList } from "./FindingsList";
import { useStepStyles } from "./step-styles";
import { headlineSentence, money, percent, type Headline } from "./view";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface CheckStepProps {
  headline: Headline;
  findings: readonly Finding[];
  /** Present in Excel: select the cell a finding concerns. */
  onGoToCell?: (finding: Finding) => void;
  /** Whether a finding points at a cell (only those get a "Go to cell" button). */
  canGoTo?: (finding: Finding) => boolean;
  busy: boolean;
  onNext: () => void;
  /** The procurement rules panel, shown after the findings. */
  rules?: ReactNode;
}

/** The headline figures: computed total, stated total, variance, day rate. */
export function HeadlineFigures({ headline }: { headline: Headline }) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const rates = headline.dayRates ?? [];
  const figures: { term: string; value: string; note?: string }[] = [
    { term: "Computed total", value: money(headline.total), note: "ex VAT" },
    {
      term: "Stated total",
      value: headline.stated ? money(headline.stated.pence) : "Not stated",
    },
    {
      term: "Variance",
      value: headline.variance === undefined ? "None to check" : money(headline.variance, true),
      note: headline.variancePercent === undefined ? undefined : percent(headline.variancePercent),
    },
    headline.dayRate === undefined && rates.length > 1
      ? {
          term: "Day rates",
          value: `${money(rates[0])}–${money(rates[rates.length - 1])}`,
          note: `${rates.length} rates, set lot by lot`,
        }
      : {
          term: headline.dayRateInferred ? "Implied day rate" : "Day rate",
          value: headline.dayRate === undefined ? "None found" : money(headline.dayRate),
          note: headline.dayRateInferred ? "worked out from the lot values" : undefined,
        },
  ];
  return (
    <dl className={styles.figures} aria-label="Headline figures">
      {figures.map((f) => (
        <div key={f.term} className={styles.figure}>
          <dt className={styles.term}>{f.term}</dt>
          <dd className={styles.value}>{f.value}</dd>
          {f.note && (
            <dd className={styles.term} style={{ margin: 0 }}>
              {f.note}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/**
 * The verdict over the findings: the reconciliation status the workbook's Status cell gives
 * (domain/check/total-status), in its words and a matching colour — green when the totals agree or
 * the stated total is a rounding of them, amber within the tolerance, red over a budget or not
 * reconciling. Without a stated total there is nothing to agree with, and it says so.
 */
export function verdictOf(headline: Headline): {
  intent: "success" | "warning" | "error" | "info";
  title: string;
} {
  const status = headline.status;
  if (status === undefined) return { intent: "info", title: "No stated total to check" };
  const intent =
    status === "reconciles" || status === "rounded"
      ? "success"
      : status === "withinTolerance"
        ? "warning"
        : "error";
  return { intent, title: TOTAL_STATUS_LABELS[status] };
}

/** Step 4: the headline and the findings, grouped by severity, in plain words. */
export function CheckStep({ headline, findings, onGoToCell, canGoTo, busy, onNext, rules }: CheckStepProps) {
  const styles = useStepStyles();
  const verdict = verdictOf(headline);
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <div className={styles.stack}>
      <HeadlineFigures headline={headline} />
      <MessageBar intent={verdict.intent} data-intent={verdict.intent}>
        <MessageBarBody>
          <MessageBarTitle>{verdict.title}</MessageBarTitle>
          {headlineSentence(headline)}
        </MessageBarBody>
      </MessageBar>
      <Text>
        {headline.vatRate === 0
          ? `No VAT is added: the total stays ${money(headline.total)}.`
          : `VAT at ${formatNumber(headline.vatRate)}% brings the total to ${money(headline.totalIncVat)}.`}
      </Text>
      {findings.length === 0 ? (
        <Text>No problems found.</Text>
      ) : (
        <Text>
          {errors === 0
            ? `${findings.length} ${findings.length === 1 ? "finding" : "findings"}, none of them errors.`
            : `${errors} ${errors === 1 ? "error" : "errors"} to fix before the figures can be relied on.`}
        </Text>
      )}
      <FindingsList
        findings={findings}
        idPrefix="findings"
        onGoToCell={onGoToCell}
        canGoTo={canGoTo}
        busy={busy}
      />
      {rules}
      <div>
        <Button appearance="primary" icon={<ArrowForwardRegular />} iconPosition="after" onClick={onNext}>
          Next: export
        </Button>
      </div>
    </div>
  );
}
