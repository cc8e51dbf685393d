/**
 * On Start, what keeps the user's work: the question asked before another tender replaces one they
 * have edited, and the draft kept from before a reload, offered back. Both stand inline at the top of
 * Start (no dialog layer to load), take the focus when they appear and give it back when answered.
 */
import { useEffect, useRef } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { draftWords, type KeptDraft } from "./draft-store";

export interface ReplaceQuestion {
  /** What would replace the tender, as the start of a sentence: "Starting a blank tender". */
  what: string;
  /** What would be replaced: `your tender “DfE consultancy” with 4 lots`. */
  replaces: string;
}

/** "Replace your tender?" with Keep (the default, focused) and Replace. */
export function ReplaceConfirm(props: {
  question: ReplaceQuestion;
  onKeep: () => void;
  onReplace: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), [props.question]);
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      role="alertdialog"
      aria-labelledby="replace-title"
      aria-describedby="replace-body"
    >
      <MessageBarBody>
        <MessageBarTitle id="replace-title">Replace your tender?</MessageBarTitle>
        <span id="replace-body">
          {`${props.question.what} replaces ${props.question.replaces}, and the changes you made to it are lost.`}
        </span>
      </MessageBarBody>
      <MessageBarActions>
        <Button ref={keep} appearance="primary" size="small" onClick={props.onKeep}>
          Keep my tender
        </Button>
        <Button size="small" onClick={props.onReplace}>
          Replace it
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** "Resume your draft": what the kept draft holds and when it was kept, with Resume and Discard. */
export function ResumeOffer(props: {
  kept: KeptDraft;
  where: string;
  onResume: () => void;
  onDiscard: () => void;
}) {
  return (
    <MessageBar
      intent="info"
      layout="multiline"
      aria-labelledby="resume-title"
      aria-describedby="resume-body"
    >
      <MessageBarBody>
        <MessageBarTitle id="resume-title">You have a draft</MessageBarTitle>
        <span id="resume-body">
          {`Kept in ${props.where}: ${draftWords(props.kept.draft)}, saved ${savedWhen(props.kept.savedAt)}.`}
        </span>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={props.onResume}>
          Resume your draft
        </Button>
        <Button size="small" onClick={props.onDiscard}>
          Discard draft
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** When a draft was kept, as people say it: "today at 10:42", "2 December 2026 at 10:42". */
export function savedWhen(savedAt: string, now: Date = new Date()): string {
  const at = new Date(savedAt);
  if (Number.isNaN(at.getTime())) return "at a time not recorded";
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  const day =
    at.toDateString() === now.toDateString()
      ? "today"
      : at.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return `${day} at ${time}`;
}
