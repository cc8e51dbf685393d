import { Field, type FieldProps, Select } from "@fluentui/react-components";
import { useStepStyles } from "./step-styles";

export interface ChoiceBoxProps<V extends string> {
  label: string;
  /** The value chosen. */
  value: V;
  /** Each choice: its value and the words shown for it, in order. */
  choices: readonly (readonly [V, string])[];
  /** Called with the value chosen (with `none`, "" stands for it: let V include ""). */
  onChange: (value: V) => void;
  /** The words of an empty first choice ("Not given"), for a choice that may be left out. */
  none?: string;
  /** The field's other props: a hint, its validation state, a class to widen it. */
  field?: Omit<FieldProps, "label" | "children">;
}

/** A drop-down under its label: one of a fixed list of choices. */
export function ChoiceBox<V extends string>({
  label,
  value,
  choices,
  onChange,
  none,
  field,
}: ChoiceBoxProps<V>) {
  const styles = useStepStyles();
  return (
    <Field label={label} {...field}>
      <Select className={styles.control} value={value} onChange={(_, data) => onChange(data.value as V)}>
        {none !== undefined && <option value="">{none}</option>}
        {choices.map(([choice, words]) => (
          <option key={choice} value={choice}>
            {words}
          </option>
        ))}
      </Select>
    </Field>
  );
}
