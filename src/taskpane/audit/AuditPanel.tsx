/**
 * The pane's audit of a bulk download (loaded only when such a file is opened): reads the file with
 * progress and a Cancel button, then shows the Audit view; opens a tender in Review as a single
 * tender (its releases compiled as OCDS merges them, read by the usual OCDS reader); writes the
 * Audit sheet in Excel; downloads the audit as .xlsx or CSV. It stays mounted (hidden) while a
 * tender from it is reviewed, so going back to Start shows the same audit without reading it again.
 */
import { useEffect, useRef, useState } from "react";
import { Button, ProgressBar, Text } from "@fluentui/react-components";
import { auditCsvHeader, auditCsvLine, compileReleases, type AuditRow, type Json } from "../../domain/audit";
import { deliverText, deliverWorkbook } from "../deliver";
import { fileStem } from "../download";
import { XLSX_TYPE } from "../exports";
import { readJsonFile, type LoadedTender } from "../sources";
import { useStepStyles } from "../step-styles";
import { PaneError, type Task } from "../use-task";
import { runWorkbookWrite, useWorkbook } from "../workbook-context";
import { AuditView, megabytes } from "./AuditView";
import { AuditCancelled, readBulkFile, type BulkAudit, type BulkProgress } from "./read-bulk";

export interface AuditPanelProps {
  file: File;
  inExcel: boolean;
  task: Task;
  /** Hidden while a tender opened from the audit is being reviewed. */
  hidden: boolean;
  /** Load a tender into Review; returns what was read, in words. */
  onOpen: (loaded: LoadedTender) => string;
  /** Runs `go` once the user agrees to replace a tender they have edited (at once when there is none). */
  replacing: (what: string, go: () => void) => void;
  /** Close the audit (back to Start's choices). */
  onClose: () => void;
}

function progressText(name: string, p: BulkProgress | null): string {
  if (p === null) return `Reading ${name}…`;
  if (p.phase === "checking")
    return `Checking ${p.checked.toLocaleString("en-GB")} of ${p.tenders.toLocaleString("en-GB")} tenders…`;
  return `Reading ${name}: ${megabytes(p.bytes)} of ${megabytes(p.total)}, ${p.releases.toLocaleString("en-GB")} releases…`;
}

function progressValue(p: BulkProgress | null): number | undefined {
  if (p === null) return undefined;
  if (p.phase === "checking") return p.tenders === 0 ? 1 : p.checked / p.tenders;
  return p.total === 0 ? undefined : p.bytes / p.total;
}

export function AuditPanel({ file, inExcel, task, hidden, onOpen, replacing, onClose }: AuditPanelProps) {
  const styles = useStepStyles();
  const workbook = useWorkbook();
  const [audit, setAudit] = useState<BulkAudit | null>(null);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const stop = useRef<AbortController | null>(null);
  // The latest callbacks, so that reading starts again only for another file.
  const latest = useRef({ task, onClose });
  latest.current = { task, onClose };

  useEffect(() => {
    const controller = new AbortController();
    stop.current = controller;
    setAudit(null);
    setProgress(null);
    readBulkFile(file, { signal: controller.signal, onProgress: setProgress }).then(
      (read) => !controller.signal.aborted && setAudit(read),
      (error: unknown) => {
        if (controller.signal.aborted || error instanceof AuditCancelled) return;
        const { task: t, onClose: close } = latest.current;
        t.report(
          error instanceof PaneError
            ? { title: error.title, detail: error.detail, next: error.next }
            : {
                title: `Could not read ${file.name}`,
                detail: error instanceof Error ? error.message : String(error),
                next: "Check that it is a download of OCDS notices (JSON or JSON Lines), then open it again.",
              },
        );
        close();
      },
    );
    return () => controller.abort();
  }, [file]);

  if (hidden) return null;
  if (audit === null) {
    return (
      <div className={styles.stack}>
        <h2 className={styles.heading}>Audit of {file.name}</h2>
        <ProgressBar value={progressValue(progress)} aria-label="Audit progress" />
        <Text>{progressText(file.name, progress)}</Text>
        <div>
          <Button
            onClick={() => {
              stop.current?.abort();
              onClose();
            }}
          >
            Cancel
          </Button>
        </div>
      </div>
    );
  }

  const open = (row: AuditRow) => {
    const ocid = row.ocid;
    const slims = ocid === null ? undefined : audit.processes.get(ocid);
    if (ocid === null || slims === undefined) return;
    const label = row.title ? `"${row.title}"` : ocid;
    const read = () =>
      void task.run(
        `Opening ${label}…`,
        {
          title: `Could not open ${label}`,
          next: "Open another tender from the audit, or correct the notice and audit the file again.",
        },
        async () => {
          // The process as OCDS compiles it (its releases merged, the latest date winning), read by
          // the same OCDS reader as a notice opened on its own.
          const { release } = compileReleases(slims.map((s) => JSON.parse(s) as Json));
          return onOpen(await readJsonFile(JSON.stringify(release), `${ocid} in ${audit.fileName}`));
        },
      );
    // An edited tender is replaced only once the user says so.
    replacing(`Opening ${label}`, read);
  };

  const stem = `${fileStem(audit.fileName.replace(/(\.(jsonl|ndjson|jl|json))?(\.gz)?$/i, ""))}-audit`;
  const download = (kind: "xlsx" | "csv") =>
    void task.run(
      kind === "xlsx" ? "Making the audit workbook…" : "Making the audit CSV file…",
      { title: `Could not make the audit ${kind === "xlsx" ? "workbook" : "CSV file"}`, next: "Try again." },
      async () => {
        const { rows } = audit.result;
        if (kind === "csv") {
          const text = auditCsvHeader() + rows.map(auditCsvLine).join("");
          return deliverText(`${stem}.csv`, text, "text/csv;charset=utf-8");
        }
        const [{ auditSheetPlan }, { workbookToXlsx }] = await Promise.all([
          import(/* webpackChunkName: "audit" */ "../../workbook/layout/audit-sheet"),
          import(/* webpackChunkName: "xlsx" */ "../../workbook/xlsx"),
        ]);
        const bytes = await workbookToXlsx([auditSheetPlan(audit.result)]);
        return deliverWorkbook(`${stem}.xlsx`, bytes, XLSX_TYPE);
      },
    );

  const writeSheet = () =>
    runWorkbookWrite(
      task,
      "Writing the Audit sheet…",
      "Could not write the Audit sheet",
      () => workbook.writeAudit(audit.result),
      (sheet) => {
        const n = audit.result.rows.length;
        return `Wrote the audit (${n.toLocaleString("en-GB")} ${n === 1 ? "row" : "rows"}) to the sheet "${sheet.name}"${
          sheet.replaced ? ", in place of the add-in's earlier Audit sheet" : ""
        }.`;
      },
    );

  return (
    <AuditView
      audit={audit}
      busy={task.state.busy !== null}
      onOpen={open}
      onClose={onClose}
      onWriteSheet={inExcel ? writeSheet : undefined}
      onDownload={download}
    />
  );
}
