/**
 * The Check step's Rules panel: which procurement rules apply to the tender (docs/rules.md) — the
 * regime, the threshold line, the notices to publish and the timetable, drawn as a timeline with a
 * table of the dates beside it. Its figures are the engine's rules assessment; its error colour
 * follows the engine's error findings. An automated check, not legal advice, and it says so.
 */
import { useMemo } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatLongDate } from "../domain/core/calendar";
import type { Finding, Tender } from "../domain/core/types";
import type { RulesAssessment } from "../domain/rules/assess";
import { timelineLayout } from "./charts/timeline";
import { TimelineSlot } from "./charts/TimelineSlot";
import { NOT_LEGAL_ADVICE, rulesView } from "./rules-view";
import { useStepStyles } from "./step-styles";
import { StepSection } from "./StepSection";

const useStyles = makeStyles({
  figures: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0 },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "break-word",
  },
  date: { whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface RulesPanelProps {
  tender: Tender;
  rules: RulesAssessment;
  findings: readonly Finding[];
}

export function RulesPanel({ tender, rules, findings }: RulesPanelProps) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const view = useMemo(() => rulesView(tender, rules, findings), [tender, rules, findings]);
  const layout = useMemo(() => timelineLayout(view.timeline), [view]);
  const figures = [
    view.regime && { term: "Regime", value: view.regime.name, note: view.regime.note },
    view.threshold && { term: "Threshold", ...view.threshold },
    view.estimate && { term: "Estimated value", ...view.estimate },
  ].filter((f) => f !== undefined);
  return (
    <StepSection id="check-rules" title="Procurement rules" layout="stack">
      {!view.given ? (
        <Text>
          To see which rules apply — the threshold, the notices, the tendering period and the standstill —
          give the buyer type, the contract type and the Published date under Procurement rules in Review.
        </Text>
      ) : (
        <>
          {figures.length > 0 && (
            <dl className={styles.figures} aria-label="Procurement rules figures">
              {figures.map((f) => (
                <div key={f.term} className={styles.figure}>
                  <dt className={styles.term}>{f.term}</dt>
                  <dd className={styles.value}>{f.value}</dd>
                  <dd className={styles.note}>{f.note}</dd>
                </div>
              ))}
            </dl>
          )}
          {view.missing.length > 0 && (
            <div className={styles.group}>
              <h3 className={styles.subheading}>To tell whether the threshold is reached</h3>
              <ul className={styles.bullets}>
                {view.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          {view.duties.length > 0 && (
            <div className={styles.group}>
              <h3 className={styles.subheading}>Notices to publish</h3>
              <ul className={styles.bullets}>
                {view.duties.map((d) => (
                  <li key={`${d.notice}-${d.where}`}>
                    {d.notice} on {d.where}: {d.when}.
                  </li>
                ))}
              </ul>
            </div>
          )}
          {view.timetable.length > 0 && (
            <div className={styles.group}>
              <h3 className={styles.subheading}>Timetable</h3>
              {layout && <TimelineSlot layout={layout} />}
              <table className={styles.table} aria-label="Timetable">
                <thead>
                  <tr>
                    <th scope="col" className={styles.cell}>
                      Date
                    </th>
                    <th scope="col" className={styles.cell}>
                      What
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.timetable.map((row) => (
                    <tr key={row.key}>
                      <td className={`${styles.cell} ${styles.date}`}>{formatLongDate(row.date)}</td>
                      <td className={styles.cell}>
                        {row.label}
                        {row.gap && (
                          <>
                            {": "}
                            <span className={row.error ? styles.error : undefined}>{row.gap}</span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {view.notes.map((n) => (
            <Text key={n} className={styles.small}>
              {n}
            </Text>
          ))}
          <Text className={styles.small}>
            {NOT_LEGAL_ADVICE} Each rule finding above names its rule and its source.
          </Text>
        </>
      )}
    </StepSection>
  );
}
