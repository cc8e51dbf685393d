/**
 * The pane's charts, small SVG drawn in Fluent's colours so they follow the light and dark themes.
 * Loaded only when a chart is shown (./ChartSlot.tsx). Each chart is an image with a summary for
 * assistive technology; the figures themselves are in the table or card beside it.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatMonth } from "../../domain/core/calendar";
import { formatLongDate } from "../en-gb";
import { money } from "../view";
import { BAR_ROW, SPEND_CHART_HEIGHT } from "./layout";
import type { Bar, SpendSeries } from "./series";

const useStyles = makeStyles({
  bars: { display: "flex", flexDirection: "column" },
  bar: {
    height: `${BAR_ROW}px`,
    display: "grid",
    gridTemplateColumns: "minmax(0, 34%) minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
  },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  value: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  spend: {
    height: `${SPEND_CHART_HEIGHT}px`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  plot: { flexGrow: 1, minHeight: 0, width: "100%" },
  axis: { display: "flex", justifyContent: "space-between" },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** Horizontal bars: label, bar, value on one row each. */
export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const styles = useStyles();
  const largest = bars.reduce((a, b) => (b.value > a.value ? b : a), bars[0]);
  const summary = `${title}: ${bars.map((b) => `${b.label} ${money(b.value)}`).join(", ")}.${
    largest ? ` The largest is ${largest.label}.` : ""
  }`;
  return (
    <div className={styles.bars} role="img" aria-label={summary}>
      {bars.map((b, i) => (
        <div key={`${b.label}-${i}`} className={styles.bar} aria-hidden="true">
          <span className={styles.label} title={b.label}>
            {b.label}
          </span>
          <svg width="100%" height="12" role="presentation">
            <rect
              x="0"
              y="0"
              height="12"
              rx="2"
              width={`${(b.length * 100).toFixed(2)}%`}
              style={{ fill: tokens.colorBrandBackground }}
            />
          </svg>
          <span className={styles.value}>{money(b.value)}</span>
        </div>
      ))}
    </div>
  );
}

const W = 300;
const H = 140;

/** "2017-08" → "Aug 2017". */
function monthLabel(month: string): string {
  return formatMonth(month).replace(/^(\w{3})\w*/, "$1");
}

/** The words a screen reader gives for a spend chart. */
export function spendSummary(s: SpendSeries): string {
  const to = s.asOf ? ` by ${formatLongDate(s.asOf)}` : "";
  const asOfIndex = s.asOf ? s.months.indexOf(s.asOf.slice(0, 7)) : -1;
  const phased =
    asOfIndex >= 0 ? `, against ${money(s.budget[asOfIndex])} phased to the end of that month` : "";
  const runOut =
    s.runOut === null
      ? "No run-out date is forecast."
      : `At the recent rate the money ${s.asOf !== undefined && s.runOut <= s.asOf ? "ran" : "runs"} out on ${formatLongDate(s.runOut)}${s.runsOutEarly ? ", before the contract ends" : ""}.`;
  return `${s.name}: ${money(s.spent)} spent of ${money(s.allocated)}${to}${phased}. ${runOut}`;
}

/** Cumulative spend (solid) against the phased budget (dashed), with the forecast run-out marked. */
/** How each line of the spend chart is drawn, the same in the plot and in its key. */
interface LineLook {
  stroke: string;
  strokeWidth: number;
  strokeDasharray?: string;
}
const SPENT: LineLook = { stroke: tokens.colorBrandForeground1, strokeWidth: 2.5 };
const PHASED: LineLook = { stroke: tokens.colorNeutralForeground3, strokeWidth: 2, strokeDasharray: "6 4" };
const ALLOCATED: LineLook = { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 };

/** The SVG attributes that draw a line as `look`. */
function strokeOf(look: LineLook) {
  return {
    style: { stroke: look.stroke },
    strokeWidth: look.strokeWidth,
    strokeDasharray: look.strokeDasharray,
  };
}

/** One entry of a chart's key: a short stroke drawn as `look`, then its label. */
function LineKey({ look, label, className }: { look: LineLook; label: string; className: string }) {
  return (
    <span className={className}>
      <svg width="18" height="6">
        <line x1="0" y1="3" x2="18" y2="3" {...strokeOf(look)} />
      </svg>
      {label}
    </span>
  );
}

export function SpendChart({ series: s }: { series: SpendSeries }) {
  const styles = useStyles();
  const n = s.months.length;
  const top = Math.max(1, s.allocated, ...s.budget, ...s.spend.map((v) => v ?? 0));
  const x = (i: number) => (n <= 1 ? W / 2 : (i / (n - 1)) * W);
  const y = (v: number) => H - (v / top) * H;
  const line = (values: readonly (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(" ");
  const runOutIndex = s.runOut === null ? -1 : s.months.indexOf(s.runOut.slice(0, 7));
  const day = s.runOut === null ? 0 : Number(s.runOut.slice(8, 10)) / 31;
  const runOutX =
    runOutIndex < 0 ? undefined : Math.min(W, x(runOutIndex) + (n > 1 ? day * (W / (n - 1)) : 0));
  const marker = s.runsOutEarly ? tokens.colorPaletteRedForeground1 : tokens.colorNeutralForeground3;
  return (
    <figure className={styles.spend} style={{ margin: 0 }} role="img" aria-label={spendSummary(s)}>
      <div className={styles.axis} aria-hidden="true">
        <span>{money(top)}</span>
        {runOutX !== undefined && s.runOut && (
          <span style={{ color: marker }}>Runs out {formatLongDate(s.runOut)}</span>
        )}
      </div>
      <svg
        className={styles.plot}
        viewBox={`-4 -4 ${W + 8} ${H + 8}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <line x1={0} y1={H} x2={W} y2={H} style={{ stroke: tokens.colorNeutralStroke1 }} strokeWidth={1} />
        <line
          x1={0}
          y1={y(s.allocated)}
          x2={W}
          y2={y(s.allocated)}
          {...strokeOf(ALLOCATED)}
          vectorEffect="non-scaling-stroke"
        />
        <polyline
          points={line(s.budget)}
          fill="none"
          {...strokeOf(PHASED)}
          vectorEffect="non-scaling-stroke"
        />
        <polyline points={line(s.spend)} fill="none" {...strokeOf(SPENT)} vectorEffect="non-scaling-stroke" />
        {runOutX !== undefined && (
          <line
            x1={runOutX}
            y1={0}
            x2={runOutX}
            y2={H}
            style={{ stroke: marker }}
            strokeWidth={2}
            strokeDasharray="2 3"
            vectorEffect="non-scaling-stroke"
          />
        )}
      </svg>
      <div className={styles.axis} aria-hidden="true">
        <span>{n > 0 ? monthLabel(s.months[0]) : ""}</span>
        <span>{n > 1 ? monthLabel(s.months[n - 1]) : ""}</span>
      </div>
      <div className={styles.legend} aria-hidden="true">
        <LineKey look={SPENT} label="Spent" className={styles.key} />
        <LineKey look={PHASED} label="Phased budget" className={styles.key} />
        <LineKey look={ALLOCATED} label="Allocated" className={styles.key} />
      </div>
    </figure>
  );
}
