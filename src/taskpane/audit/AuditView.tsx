/**
 * The Audit view: the tenders of a bulk download, one compact row each (status, title, buyer, the
 * stated total, the lots' total and the difference), largest difference first as on the command
 * line, sortable, filterable to mismatches, 100 at a time. A tender's title opens it in Review;
 * a part of the file that could not be read is listed last, as not checkable, with its reason.
 */
import { useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, DocumentTableRegular } from "@fluentui/react-icons";
import type { AuditRow } from "../../domain/audit";
import { useStepStyles } from "../step-styles";
import type { BulkAudit } from "./read-bulk";
import {
  AUDIT_ORDERS,
  differenceText,
  isProblemRow,
  statedAndLots,
  STATUS_COLOURS,
  STATUS_LABELS,
  summarySentence,
  visibleRows,
  type AuditOrder,
} from "./audit-view";
import { ChoiceBox } from "../ChoiceBox";
import { StepSection } from "../StepSection";

/** Rows listed at a time. */
export const AUDIT_PAGE = 100;

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Long titles, ocids and reasons break rather than widen a 320 px pane.
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  open: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface AuditViewProps {
  audit: BulkAudit;
  busy: boolean;
  /** Open a tender in Review. */
  onOpen: (row: AuditRow) => void;
  /** Close the audit and go back to Start's choices. */
  onClose: () => void;
  /** In Excel: write the audit as the Audit sheet. */
  onWriteSheet?: () => void;
  onDownload: (kind: "xlsx" | "csv") => void;
}

export function AuditView({ audit, busy, onOpen, onClose, onWriteSheet, onDownload }: AuditViewProps) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const [order, setOrder] = useState<AuditOrder>("largest");
  const [onlyMismatches, setOnlyMismatches] = useState(false);
  const [shown, setShown] = useState(AUDIT_PAGE);
  const rows = visibleRows(audit.result.rows, { order, onlyMismatches });
  const listed = rows.slice(0, shown);
  const left = rows.length - listed.length;
  const { capped } = audit;

  return (
    <div className={styles.stack}>
      <StepSection id="audit-heading" title={`Audit of ${audit.fileName}`}>
        <Text>{summarySentence(audit.result.summary)}</Text>
        {capped && (
          <MessageBar intent="warning">
            <MessageBarBody>
              The pane holds at most {capped.releases.toLocaleString("en-GB")} releases, so it stopped after{" "}
              {megabytes(capped.bytes)} of {megabytes(capped.total)}: a tender whose later releases come after
              that point is checked as it then stood. Audit the whole file on the command line:{" "}
              <code>tender-budget audit {audit.fileName}</code>
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          {onWriteSheet && (
            <Button
              appearance="primary"
              icon={<DocumentTableRegular />}
              disabledFocusable={busy}
              onClick={onWriteSheet}
            >
              Write audit to sheet
            </Button>
          )}
          <Button icon={<ArrowDownloadRegular />} disabledFocusable={busy} onClick={() => onDownload("xlsx")}>
            Download audit (.xlsx)
          </Button>
          <Button icon={<ArrowDownloadRegular />} disabledFocusable={busy} onClick={() => onDownload("csv")}>
            Download audit (.csv)
          </Button>
          <Button icon={<DismissRegular />} disabledFocusable={busy} onClick={onClose}>
            Close audit
          </Button>
        </div>
      </StepSection>

      <StepSection id="audit-tenders" title="Tenders">
        <ChoiceBox
          label="Order"
          value={order}
          choices={AUDIT_ORDERS.map((o) => [o.id, o.label])}
          onChange={(chosen) => {
            setOrder(chosen);
            setShown(AUDIT_PAGE);
          }}
        />
        <Checkbox
          label="Only mismatches"
          checked={onlyMismatches}
          onChange={(_, data) => {
            setOnlyMismatches(data.checked === true);
            setShown(AUDIT_PAGE);
          }}
        />
        <Text role="status" aria-live="polite" className={styles.muted}>
          {rows.length === 0
            ? "No tender is a mismatch."
            : `Showing ${listed.length.toLocaleString("en-GB")} of ${rows.length.toLocaleString("en-GB")}${
                onlyMismatches ? " mismatches" : ""
              }. Open a tender to review it.`}
        </Text>
        <ul className={styles.list} aria-label="Tenders in the audit">
          {listed.map((row, i) => (
            <li key={row.ocid ?? `problem-${i}`} className={styles.row}>
              <Badge appearance="tint" color={STATUS_COLOURS[row.status]}>
                {STATUS_LABELS[row.status]}
              </Badge>
              {isProblemRow(row) ? (
                <Text>{row.reason}</Text>
              ) : (
                <>
                  <Link
                    as="button"
                    className={styles.open}
                    disabledFocusable={busy}
                    onClick={() => onOpen(row)}
                  >
                    {row.title || row.ocid}
                  </Link>
                  {row.buyer && <Text size={200}>{row.buyer}</Text>}
                  <Text size={200} className={styles.muted}>
                    {statedAndLots(row)}
                  </Text>
                  {differenceText(row) && (
                    <Text size={200} className={row.status === "mismatch" ? styles.mismatch : undefined}>
                      {differenceText(row)}
                    </Text>
                  )}
                  {row.reason && (
                    <Text size={200} className={styles.muted}>
                      Not checkable: {row.reason}.
                    </Text>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
        {left > 0 && (
          <div>
            <Button onClick={() => setShown((n) => n + AUDIT_PAGE)}>
              {`Show ${Math.min(AUDIT_PAGE, left)} more (${left.toLocaleString("en-GB")} not shown)`}
            </Button>
          </div>
        )}
      </StepSection>
    </div>
  );
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
}
