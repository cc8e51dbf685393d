/**
 * The boxes of the Review step: one labelled box (checked once the user leaves it, linked from the
 * error summary by its id) and one lot's boxes with its Remove button, folded to a line of its own
 * (a button that opens it) while the user has no need of them.
 */
import { memo, useRef, type Dispatch } from "react";
import { formatMoney, parseMoney } from "../domain/core/money";
import { Button, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, DeleteRegular } from "@fluentui/react-icons";
import { useStepStyles } from "./step-styles";
import type { LotDraft, LotField } from "./draft";
import { boxId } from "./ErrorSummary";
import { lotTitle } from "./lot-summary";
import type { PaneAction } from "./state";

export const useReviewStyles = makeStyles({
  grid: {
    "& > *": { minWidth: 0 },
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(132px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    // A box beside a taller one (with a hint or an error under it) keeps its own height.
    alignItems: "start",
  },
  // A box with a hint (the sentence of a notice it was read from) takes the whole row to show it.
  wide: { gridColumn: "1 / -1" },
  lot: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  /** A folded lot: only its line, with less room around it. */
  folded: { padding: tokens.spacingHorizontalXS },
  /** The lot's line as a button: as wide as the lot, its words wrapping rather than cut. */
  toggle: {
    width: "100%",
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "start",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightRegular },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightRegular },
});

/** The id of a lot's line (its button, or its heading while it must stay open). */
export const lotLineId = (index: number) => `lot-${index}-line`;

interface BoxProps {
  /** The path of the field, for the box's id (the error summary links to it). */
  path: string;
  label: string;
  /** Accessible name when the visible label alone is ambiguous (e.g. "Days" in every lot). */
  name?: string;
  value: string;
  errors?: readonly string[];
  hint?: string;
  placeholder?: string;
  inputMode?: "decimal" | "text";
  /** An amount of money: once left after typing, shown as £ with separators ("346k" → "£346,000"). */
  money?: boolean;
  className?: string;
  onChange: (value: string) => void;
  /** The user is typing in the box (`path`) or has left it (null): it is checked once left. */
  onTyping: (path: string | null) => void;
}

export function Box({
  path,
  label,
  name,
  value,
  errors,
  hint,
  placeholder,
  inputMode,
  money,
  className,
  onChange,
  onTyping,
}: BoxProps) {
  // Typed in since it took the focus: only then is an amount written out again when it is left.
  const typed = useRef(false);
  const styles = { ...useStepStyles(), ...useReviewStyles() };
  const invalid = errors !== undefined && errors.length > 0;
  return (
    <Field
      className={className}
      label={{ children: label, htmlFor: boxId(path) }}
      hint={hint}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? errors.join(" ") : undefined}
    >
      <Input
        id={boxId(path)}
        className={styles.control}
        value={value}
        aria-label={name}
        placeholder={placeholder}
        inputMode={inputMode}
        onChange={(_, data) => {
          typed.current = true;
          onTyping(path);
          onChange(data.value);
        }}
        onBlur={(event) => {
          if (money && typed.current) {
            const shown = moneyAsShown(event.currentTarget.value);
            if (shown !== undefined && shown !== event.currentTarget.value) onChange(shown);
          }
          typed.current = false;
          onTyping(null);
        }}
      />
    </Field>
  );
}

/**
 * An amount as the box shows it once left: "£346,000", pence kept when there are pence
 * ("£1,234.50"); undefined (left as typed) when it is not an amount, or when writing it out would
 * change what it says, its value or the precision it was stated to ("£1.20m" is to £10,000).
 */
export function moneyAsShown(text: string): string | undefined {
  const read = parseMoney(text);
  if (!read.ok) return undefined;
  const { pence, precision } = read.value;
  const shown = formatMoney(pence, { omitZeroPence: precision >= 100 });
  const again = parseMoney(shown);
  // Stated to the penny or to 10p is kept to pence ("960.5" → "£960.50").
  const samePrecision =
    again.ok && (again.value.precision === precision || (precision < 100 && again.value.precision < 100));
  return again.ok && again.value.pence === pence && samePrecision ? shown : undefined;
}

const LOT_BOXES: readonly {
  field: Exclude<LotField, "name">;
  label: string;
  money?: boolean;
  date?: boolean;
}[] = [
  { field: "dayRate", label: "Day rate (£)", money: true },
  { field: "days", label: "Days" },
  { field: "statedValue", label: "Stated value (£)", money: true },
  { field: "startDate", label: "Start date", date: true },
  { field: "endDate", label: "End date", date: true },
];

interface LotEditorProps {
  lot: LotDraft;
  index: number;
  /** The lot in one line ("Barnet · 112 days × £960 = £107,520"), and what needs looking at. */
  summary: string;
  markText?: string;
  markSeverity?: "error" | "warning";
  /** Its boxes are shown; `canFold` false keeps them so (a lot with problems in its boxes). */
  open: boolean;
  canFold: boolean;
  onToggle: (index: number, open: boolean) => void;
  canRemove: boolean;
  errors: ReadonlyMap<string, readonly string[]>;
  hints: Readonly<Record<string, string>>;
  dispatch: Dispatch<PaneAction>;
  onTyping: (path: string | null) => void;
  onRemove: (index: number) => void;
}

export const LotEditor = memo(function LotEditor({
  lot,
  index,
  summary,
  markText,
  markSeverity,
  open,
  canFold,
  onToggle,
  canRemove,
  errors,
  hints,
  dispatch,
  onTyping,
  onRemove,
}: LotEditorProps) {
  const styles = { ...useStepStyles(), ...useReviewStyles() };
  const title = lotTitle(lot, index);
  const edit = (field: LotField) => (value: string) => dispatch({ type: "editLot", index, field, value });
  const line = (
    <>
      {summary}
      {markText && (
        <span className={markSeverity === "error" ? styles.error : styles.warning}>{` · ${markText}`}</span>
      )}
    </>
  );
  return (
    <div
      role="group"
      aria-labelledby={lotLineId(index)}
      className={mergeClasses(styles.lot, !open && styles.folded)}
    >
      {canFold ? (
        <Button
          id={lotLineId(index)}
          appearance="subtle"
          className={styles.toggle}
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={open ? `lot-${index}-boxes` : undefined}
          onClick={() => onToggle(index, !open)}
        >
          {line}
        </Button>
      ) : (
        <div id={lotLineId(index)} className={styles.legend}>
          {line}
        </div>
      )}
      {open && (
        <div id={`lot-${index}-boxes`} className={styles.group}>
          <Box
            path={`lots[${index}].name`}
            label="Lot name"
            name={`Lot name (lot ${index + 1})`}
            value={lot.name}
            errors={errors.get(`lots[${index}].name`)}
            onChange={edit("name")}
            onTyping={onTyping}
          />
          <div className={styles.grid}>
            {LOT_BOXES.map((box) => (
              <Box
                key={box.field}
                path={`lots[${index}].${box.field}`}
                label={box.label}
                name={`${title} ${box.label.replace(" (£)", "").toLowerCase()}`}
                value={lot[box.field]}
                errors={errors.get(`lots[${index}].${box.field}`)}
                hint={hints[`lots[${index}].${box.field}`]}
                className={hints[`lots[${index}].${box.field}`] ? styles.wide : undefined}
                placeholder={box.date ? "dd/mm/yyyy" : undefined}
                inputMode={box.date ? "text" : "decimal"}
                money={box.money}
                onChange={edit(box.field)}
                onTyping={onTyping}
              />
            ))}
          </div>
          {canRemove && (
            <div className={styles.actions}>
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Remove lot ${title}`}
                onClick={() => onRemove(index)}
              >
                Remove lot
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
});
