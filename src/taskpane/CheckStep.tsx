import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowForwardRegular, TargetArrowRegular } from "@fluentui/react-icons";
import { TOTAL_STATUS_LABELS } from "../domain/check/total-status";
import type { Finding } from "../domain/core/types";
import { formatNumber } from "./en-gb";
import { groupFindings, headlineSentence, money, percent, SEVERITY_HEADINGS, type Headline } from "./view";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingVerticalS,
    margin: 0,
  },
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
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
}

const BADGE: Record<Finding["severity"], "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** The headline figures: computed total, stated total, variance, day rate. */
export function HeadlineFigures({ headline }: { headline: Headline }) {
  const styles = useStyles();
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
export function CheckStep({ headline, findings, onGoToCell, canGoTo, busy, onNext }: CheckStepProps) {
  const styles = useStyles();
  const groups = groupFindings(findings);
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
      {groups.length === 0 ? (
        <Text>No problems found.</Text>
      ) : (
        <Text>
          {errors === 0
            ? `${findings.length} ${findings.length === 1 ? "finding" : "findings"}, none of them errors.`
            : `${errors} ${errors === 1 ? "error" : "errors"} to fix before the figures can be relied on.`}
        </Text>
      )}
      {groups.map((group) => (
        <section key={group.severity} className={styles.stack} aria-labelledby={`findings-${group.severity}`}>
          <h2 id={`findings-${group.severity}`} className={styles.heading}>
            {SEVERITY_HEADINGS[group.severity]} ({group.findings.length})
          </h2>
          <ul className={styles.list}>
            {group.findings.map((finding, i) => (
              <li key={`${finding.code}-${finding.path}-${i}`} className={styles.item}>
                <Badge appearance="tint" color={BADGE[finding.severity]}>
                  {finding.severity === "info" ? "Note" : finding.severity === "error" ? "Error" : "Warning"}
                </Badge>
                <Text>{finding.message}</Text>
                {onGoToCell && (canGoTo?.(finding) ?? true) && (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<TargetArrowRegular />}
                    disabledFocusable={busy}
                    aria-label={`Go to cell: ${finding.message}`}
                    onClick={() => onGoToCell(finding)}
                  >
                    Go to cell
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div>
        <Button appearance="primary" icon={<ArrowForwardRegular />} iconPosition="after" onClick={onNext}>
          Next: export
        </Button>
      </div>
    </div>
  );
}
