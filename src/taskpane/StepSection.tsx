import type { ReactNode } from "react";
import { useStepStyles } from "./step-styles";

export interface StepSectionProps {
  /** The heading's id, which names the section for assistive technology (`aria-labelledby`). */
  id: string;
  /** The heading's words. */
  title: ReactNode;
  /** "group": controls that belong together (the default); "stack": a larger part of a step, spaced wider. */
  layout?: "group" | "stack";
  children?: ReactNode;
}

/** A part of a step under its own heading, named by that heading. */
export function StepSection({ id, title, layout = "group", children }: StepSectionProps) {
  const styles = useStepStyles();
  return (
    <section className={styles[layout]} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
