import { useState } from "react";
import { Button, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import {
  DocumentAddRegular,
  TableSearchRegular,
  TextBulletListSquareRegular,
  BookOpenRegular,
} from "@fluentui/react-icons";
import { FilePicker } from "./FilePicker";
import { useStepStyles } from "./step-styles";
import { StepSection } from "./StepSection";

// Start's groups stand further apart than a step's usual content: each is another way in.
const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** Downloads of notices, for the audit (a .json may also be one tender). */
const AUDIT_FILES = ".json,.jsonl,.ndjson,.gz,application/json";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Pasted text is read as prose by the notice reader as well as a pasted table. */
export const READS_PROSE = true;

export interface StartStepProps {
  inExcel: boolean;
  busy: boolean;
  /** A notice is being read: Read tender notice stays on, to read the text again as it now is. */
  readingNotice?: boolean;
  onExample: () => void;
  onBlank: () => void;
  onFile: (file: File) => void;
  onNotice: (text: string) => void;
  /** Add a Tender sheet: blank, or holding the DfE 2017 example. */
  onCreateSheet: (example: boolean) => void;
  onReadWorkbook: (from: "tender-sheet" | "selection") => void;
  /** Whether pasted notices are read as prose (the notice reader) or only as pasted tables. */
  readsProse: boolean;
}

/** Step 1: where the tender comes from. */
export function StartStep(props: StartStepProps) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const [notice, setNotice] = useState("");
  const noticeHint = props.readsProse
    ? "Paste the text of a tender notice or news report, or a lots table copied from a spreadsheet."
    : "Paste a lots table copied from a spreadsheet (with headers such as Lot, Day rate, Days, Stated value).";

  return (
    <div className={styles.stack}>
      <Text>
        Turns a tender&apos;s day rate, days and stated total into an allocation by lot, checks it adds up,
        phases the spend and tracks invoices against it.
      </Text>
      {props.inExcel ? (
        <StepSection id="start-workbook" title="From this workbook">
          <Button
            appearance="primary"
            icon={<TableSearchRegular />}
            disabledFocusable={props.busy}
            onClick={() => props.onReadWorkbook("tender-sheet")}
          >
            Read the Tender sheet
          </Button>
          <Button
            icon={<TableSearchRegular />}
            disabledFocusable={props.busy}
            onClick={() => props.onReadWorkbook("selection")}
          >
            Read the selected lots table
          </Button>
          <Button
            icon={<DocumentAddRegular />}
            disabledFocusable={props.busy}
            onClick={() => props.onCreateSheet(false)}
          >
            Create tender sheet
          </Button>
          <Button
            icon={<BookOpenRegular />}
            disabledFocusable={props.busy}
            onClick={() => props.onCreateSheet(true)}
          >
            Create tender sheet with the DfE 2017 example
          </Button>
          <FilePicker
            label="Audit a download of notices"
            hint="OCDS releases or packages of many tenders (.json, .jsonl, .gz), as Contracts Finder and Find a Tender publish: every tender checked, listed, and written to an Audit sheet."
            accept={AUDIT_FILES}
            inputLabel="Download of notices"
            busy={props.busy}
            onFile={props.onFile}
          />
        </StepSection>
      ) : (
        <StepSection id="start-file" title="Open or try an example">
          <Button
            appearance="primary"
            icon={<BookOpenRegular />}
            disabledFocusable={props.busy}
            onClick={props.onExample}
          >
            Use the DfE 2017 example
          </Button>
          <FilePicker
            label="Open a tender file"
            hint="An Excel workbook (.xlsx), a lots table (.csv) or a tender file (.json); a download of many notices (.json, .jsonl, .gz) opens as an audit of every tender in it."
            accept={`.xlsx,.csv,${AUDIT_FILES},text/csv,${XLSX_MIME}`}
            inputLabel="Tender file"
            busy={props.busy}
            onFile={props.onFile}
          />
        </StepSection>
      )}

      <StepSection id="start-notice" title="From a tender notice">
        <Field label="Tender notice" hint={noticeHint}>
          <Textarea resize="vertical" rows={6} value={notice} onChange={(_, data) => setNotice(data.value)} />
        </Field>
        <Button
          icon={<TextBulletListSquareRegular />}
          disabled={notice.trim() === ""}
          disabledFocusable={props.busy && props.readingNotice !== true}
          onClick={() => props.onNotice(notice)}
        >
          Read tender notice
        </Button>
      </StepSection>

      <StepSection id="start-blank" title="From scratch">
        <Button disabledFocusable={props.busy} onClick={props.onBlank}>
          Start a blank tender
        </Button>
      </StepSection>
    </div>
  );
}
