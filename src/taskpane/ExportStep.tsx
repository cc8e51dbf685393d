import { Button, Field, Input, Text, makeStyles } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowForwardRegular, DocumentTableRegular } from "@fluentui/react-icons";
import { useStepStyles } from "./step-styles";
import { StepSection } from "./StepSection";

// A download's label wraps in a narrow pane rather than being cut: the whole label is its name.
const useStyles = makeStyles({
  wrap: { whiteSpace: "normal", height: "auto", minHeight: "32px", textAlign: "start", maxWidth: "100%" },
});

/** One way to export, offered only when the code behind it exists. */
export interface ExportAction {
  id: string;
  label: string;
  description: string;
  run: () => void;
}

export interface ExportStepProps {
  busy: boolean;
  /** In Excel: write the printable summary sheet. */
  onSummarySheet?: () => void;
  downloads: readonly ExportAction[];
  /** Go on to contract tracking, once the contracts have started. */
  onNext?: () => void;
  /** The OCDS id for the OCDS download, as typed (empty: one is made up). */
  ocid?: { value: string; onChange: (value: string) => void };
}

/** Step 5: the summary sheet (in Excel) and downloads. */
export function ExportStep({ busy, onSummarySheet, downloads, onNext, ocid }: ExportStepProps) {
  const styles = useStepStyles();
  const own = useStyles();
  return (
    <div className={styles.stack}>
      {onSummarySheet && (
        <StepSection id="export-summary" title="In this workbook">
          <Button
            appearance="primary"
            icon={<DocumentTableRegular />}
            disabledFocusable={busy}
            onClick={onSummarySheet}
          >
            Write summary sheet
          </Button>
          <Text size={200}>One printable page with the key figures, the findings and the allocation.</Text>
        </StepSection>
      )}
      <StepSection id="export-downloads" title="Downloads">
        {downloads.map((d) => (
          <div key={d.id} className={styles.group}>
            {d.id === "ocds" && ocid && (
              <Field
                label="OCDS id (optional)"
                hint="Your organisation's registered prefix and this tender's id, e.g. ocds-b5fd17-2017-0142. Left empty, one is made up under the unregistered prefix ocds-tenderbudget-."
              >
                <Input value={ocid.value} onChange={(_, data) => ocid.onChange(data.value)} />
              </Field>
            )}
            <Button
              className={own.wrap}
              icon={<ArrowDownloadRegular />}
              disabledFocusable={busy}
              onClick={d.run}
            >
              {d.label}
            </Button>
            <Text size={200}>{d.description}</Text>
          </div>
        ))}
      </StepSection>
      {onNext && (
        <div>
          <Button appearance="primary" icon={<ArrowForwardRegular />} iconPosition="after" onClick={onNext}>
            Next: contract tracking
          </Button>
        </div>
      )}
    </div>
  );
}
