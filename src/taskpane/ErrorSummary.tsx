/**
 * The problems that stop the allocation being built, as a list at the top of the step: each item
 * names its box and says what is wrong, and is a link that moves the focus to the box (the GOV.UK
 * error summary pattern, https://design-system.service.gov.uk/components/error-summary/). It is
 * drawn from the tender as it is now, so an item goes as soon as its box is corrected.
 */
import { useEffect, useRef } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { describePath } from "./problems";
import { useStepStyles } from "./step-styles";

/** The id of the summary, for the pane to move the focus to it. */
export const ERROR_SUMMARY_ID = "error-summary";

/** The id of the box that shows problems at `path`: `lots[2].days` → `box-lots-2-days`. */
export function boxId(path: string): string {
  return `box-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`;
}

const useStyles = makeStyles({
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  items: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface ErrorSummaryProps {
  /** Problems by path, in the order the boxes come. */
  errors: ReadonlyMap<string, readonly string[]>;
  /** Problems that belong to no single box. */
  otherErrors?: readonly string[];
  /** Lot names, to name a lot's box as Review heads it. */
  lotNames: readonly string[];
  /** Move the focus to the box at `path` (opening its step or page when needed). */
  onSelect: (path: string) => void;
  /** Changes each time the user tries to go on with problems left: the summary takes the focus. */
  focusKey: number;
  /** What to do once every box is corrected ("then build again"). */
  then: string;
}

export function ErrorSummary({
  errors,
  otherErrors = [],
  lotNames,
  onSelect,
  focusKey,
  then,
}: ErrorSummaryProps) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const self = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) self.current?.focus();
  }, [focusKey]);
  const count = [...errors.values()].reduce((n, list) => n + list.length, 0) + otherErrors.length;
  if (count === 0) return null;
  return (
    <div
      ref={self}
      id={ERROR_SUMMARY_ID}
      className={styles.summary}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className={styles.heading}>
        {count === 1 ? "There is a problem" : `There are ${count} problems`}
      </h2>
      <ul className={styles.items}>
        {[...errors].flatMap(([path, messages]) =>
          messages.map((message) => (
            <li key={`${path} ${message}`}>
              <Link
                href={`#${boxId(path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(path);
                }}
              >
                {`${describePath(path, lotNames)}: ${message}`}
              </Link>
            </li>
          )),
        )}
        {otherErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <span>{`Correct each box listed, ${then}.`}</span>
    </div>
  );
}
