/**
 * Review's "Procurement rules" boxes: buyer type, contract type and procedure as drop-downs, the
 * dates the tender notice and the award notice were published, and the options value. All
 * optional; once given, the Check step shows which rules apply (docs/rules.md). Each box shows its
 * own problem, as the tender's other boxes do, and where the notice reader found its value.
 */
import { useRef, type Dispatch } from "react";
import { Field, Input, Text } from "@fluentui/react-components";
import type { TenderDraft, TenderField } from "./draft";
import type { PaneAction } from "./state";
import { moneyAsShown, useReviewStyles } from "./ReviewBoxes";
import { useStepStyles } from "./step-styles";
import { ChoiceBox } from "./ChoiceBox";
import { StepSection } from "./StepSection";

/** The drop-downs' choices in the user's words, by the engine's value ("" = not given). */
export const BUYER_TYPE_LABELS: Readonly<Record<string, string>> = {
  central: "Central government (incl. NHS Trusts)",
  "sub-central": "Sub-central (councils, other public bodies)",
  utility: "Utility",
};
export const CONTRACT_TYPE_LABELS: Readonly<Record<string, string>> = {
  services: "Services",
  supplies: "Supplies (goods)",
  works: "Works",
  "light-touch": "Light-touch services",
};
export const PROCEDURE_LABELS: Readonly<Record<string, string>> = {
  open: "Open",
  restricted: "Restricted",
  "competitive-flexible": "Competitive flexible",
  "direct-award": "Direct award",
  "call-off": "Call-off from a framework",
};

type RuleField = Extract<
  TenderField,
  "buyerType" | "contractType" | "procedure" | "publishedDate" | "awardNoticeDate" | "optionsValue"
>;

const CHOICES: readonly { field: RuleField; label: string; options: Readonly<Record<string, string>> }[] = [
  { field: "buyerType", label: "Buyer type", options: BUYER_TYPE_LABELS },
  { field: "contractType", label: "Contract type", options: CONTRACT_TYPE_LABELS },
  { field: "procedure", label: "Procedure", options: PROCEDURE_LABELS },
];

const BOXES: readonly { field: RuleField; label: string; hint: string; money?: boolean }[] = [
  { field: "publishedDate", label: "Published", hint: "The day the tender notice went out" },
  {
    field: "awardNoticeDate",
    label: "Award notice",
    hint: "The contract award notice or standstill letters",
  },
  {
    field: "optionsValue",
    label: "Options and extensions (£)",
    hint: "Not in the lots, ex VAT",
    money: true,
  },
];

export interface RulesFieldsProps {
  draft: TenderDraft;
  /** Problems by path (`publishedDate`, `optionsValue`). */
  errors: ReadonlyMap<string, readonly string[]>;
  /** Where a field came from (the notice's sentence), by path. */
  hints: Readonly<Record<string, string>>;
  dispatch: Dispatch<PaneAction>;
}

function fieldState(errors: readonly string[] | undefined) {
  const invalid = errors !== undefined && errors.length > 0;
  return {
    validationState: invalid ? ("error" as const) : ("none" as const),
    validationMessage: invalid ? errors.join(" ") : undefined,
  };
}

export function RulesFields({ draft, errors, hints, dispatch }: RulesFieldsProps) {
  const styles = { ...useStepStyles(), ...useReviewStyles() };
  const edit = (field: RuleField) => (value: string) => dispatch({ type: "editTender", field, value });
  /** The box typed in since it was entered: a money box is written out as £ only then, on leaving. */
  const typedIn = useRef<RuleField | null>(null);
  return (
    <StepSection id="review-rules" title="Procurement rules (optional)" layout="stack">
      <Text>For the threshold, the notices, the tendering period and the standstill on the Check step.</Text>
      <div className={styles.grid}>
        {CHOICES.map((choice) => (
          <ChoiceBox
            key={choice.field}
            label={choice.label}
            field={{
              hint: hints[choice.field],
              className: hints[choice.field] ? styles.wide : undefined,
              ...fieldState(errors.get(choice.field)),
            }}
            value={draft[choice.field]}
            none="Not given"
            choices={Object.entries(choice.options)}
            onChange={edit(choice.field)}
          />
        ))}
        {BOXES.map((box) => (
          <Field
            key={box.field}
            label={box.label}
            hint={hints[box.field] ?? box.hint}
            className={hints[box.field] ? styles.wide : undefined}
            {...fieldState(errors.get(box.field))}
          >
            <Input
              className={styles.control}
              value={draft[box.field]}
              placeholder={box.money ? undefined : "dd/mm/yyyy"}
              inputMode={box.money ? "decimal" : "text"}
              onChange={(_, data) => {
                typedIn.current = box.field;
                edit(box.field)(data.value);
              }}
              onBlur={(event) => {
                if (box.money && typedIn.current === box.field) {
                  const shown = moneyAsShown(event.currentTarget.value);
                  if (shown !== undefined && shown !== event.currentTarget.value) edit(box.field)(shown);
                }
                typedIn.current = null;
              }}
            />
          </Field>
        ))}
      </div>
    </StepSection>
  );
}
