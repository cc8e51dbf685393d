/**
 * A button that opens the browser's file picker for one kind of file, with the hint under it that
 * says which files it takes (the button is described by the hint). The chosen file goes to `onFile`;
 * the picker is emptied, so choosing the same file again reads it again.
 */
import { useId, useRef, type ChangeEvent, type ReactNode } from "react";
import { Button, Text } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useStepStyles } from "./step-styles";

export interface FilePickerProps {
  label: string;
  hint: ReactNode;
  /** The file types the picker offers (the input's accept). */
  accept: string;
  /** The picker's own name, for assistive technology and tests: "Tender file". */
  inputLabel: string;
  primary?: boolean;
  busy: boolean;
  onFile: (file: File) => void;
}

export function FilePicker(props: FilePickerProps) {
  const styles = useStepStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) props.onFile(file);
  };
  return (
    <>
      <Button
        appearance={props.primary ? "primary" : undefined}
        icon={<DocumentArrowUpRegular />}
        disabledFocusable={props.busy}
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
      <Text id={hintId} size={200}>
        {props.hint}
      </Text>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept={props.accept}
        aria-label={props.inputLabel}
        tabIndex={-1}
        onChange={pick}
      />
    </>
  );
}
