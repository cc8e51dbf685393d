/**
 * Findings grouped by severity, each with its badge, its message and (in Excel, where it points at a
 * cell) a "Go to cell" button: the list the Check and Contract tracking steps both show.
 */
import { Badge, Button, Text } from "@fluentui/react-components";
import { TargetArrowRegular } from "@fluentui/react-icons";
import type { Finding } from "../domain/core/types";
import { useStepStyles } from "./step-styles";
import { groupFindings, SEVERITY_HEADINGS } from "./view";

const BADGE: Record<Finding["severity"], { color: "danger" | "warning" | "informative"; label: string }> = {
  error: { color: "danger", label: "Error" },
  warning: { color: "warning", label: "Warning" },
  info: { color: "informative", label: "Note" },
};

export interface FindingsListProps {
  findings: readonly Finding[];
  /** Prefix of each group's heading id (`findings` → `findings-error`). */
  idPrefix: string;
  /** Words after each group's heading: " in the invoices" gives "Errors in the invoices (2)". */
  headingSuffix?: string;
  /** Present in Excel: select the cell a finding concerns. */
  onGoToCell?: (finding: Finding) => void;
  /** Whether a finding points at a cell (only those get a "Go to cell" button). */
  canGoTo?: (finding: Finding) => boolean;
  busy: boolean;
  /** The lot a finding concerns, shown with it (an invoice's lot). */
  lotOf?: (finding: Finding) => string | undefined;
}

export function FindingsList({
  findings,
  idPrefix,
  headingSuffix = "",
  onGoToCell,
  canGoTo,
  busy,
  lotOf,
}: FindingsListProps) {
  const styles = useStepStyles();
  return (
    <>
      {groupFindings(findings).map((group) => (
        <section
          key={group.severity}
          className={styles.group}
          aria-labelledby={`${idPrefix}-${group.severity}`}
        >
          <h2 id={`${idPrefix}-${group.severity}`} className={styles.heading}>
            {SEVERITY_HEADINGS[group.severity]}
            {headingSuffix} ({group.findings.length})
          </h2>
          <ul className={styles.list}>
            {group.findings.map((finding, i) => (
              <li key={`${finding.code}-${finding.path}-${i}`} className={styles.item}>
                <Badge appearance="tint" color={BADGE[finding.severity].color}>
                  {BADGE[finding.severity].label}
                </Badge>
                {lotOf?.(finding) !== undefined && <Text weight="semibold">{`Lot: ${lotOf(finding)}`}</Text>}
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
    </>
  );
}
