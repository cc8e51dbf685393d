/**
 * What went wrong, shown over the step: the title, what happened, what to do, a Dismiss button, and
 * for a workbook error "Copy details", which copies Excel's own account of it (code, message, where it
 * failed, debugInfo) for whoever supports the user.
 */
import { useEffect, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { copyText } from "./clipboard";
import type { PaneProblem } from "./use-task";

export interface ProblemBarProps {
  problem: PaneProblem;
  onDismiss: () => void;
}

export function ProblemBar({ problem, onDismiss }: ProblemBarProps) {
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => setCopied(null), [problem]);
  const { details } = problem;
  const copy = (): void => {
    if (!details) return;
    copyText(details).then(
      () => setCopied("Details copied: paste them into your message to whoever supports you."),
      (e: unknown) =>
        setCopied(`Could not copy the details (${e instanceof Error ? e.message : String(e)}).`),
    );
  };
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.detail} <strong>What to do:</strong> {problem.next}
        {copied && <div role="status">{copied}</div>}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      >
        {details && <Button onClick={copy}>Copy details</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
