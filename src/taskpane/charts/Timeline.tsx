/**
 * The rules timeline: the tendering period against its minimum, the award notice and standstill,
 * and the start, each on a lane of its own across the same dates. Small SVG in Fluent's colours so
 * it follows the light and dark themes; loaded only when shown (./TimelineSlot.tsx). An image with a
 * summary in words; the dates themselves are in the timetable beside it.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import {
  position,
  shortDate,
  TIMELINE_AXIS,
  TIMELINE_KEY,
  TIMELINE_LANE,
  timelineHeight,
  timelineSummary,
  type Lane,
  type Span,
  type TimelineLayout,
} from "./timeline";

const BAR = 14;

const useStyles = makeStyles({
  timeline: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  lane: {
    height: `${TIMELINE_LANE}px`,
    display: "flex",
    flexDirection: "column",
    justifyContent: "center",
    gap: "2px",
  },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  axis: { height: `${TIMELINE_AXIS}px`, display: "flex", justifyContent: "space-between" },
  key: {
    height: `${TIMELINE_KEY}px`,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
});

function pct(n: number): string {
  return `${n.toFixed(2)}%`;
}

function SpanShape({ layout, span, error }: { layout: TimelineLayout; span: Span; error: boolean }) {
  const from = position(layout, span.from);
  const width = position(layout, span.to) - from;
  const outline = span.kind === "minimum" || span.kind === "latest";
  if (width <= 0) {
    return (
      <line
        x1={pct(from)}
        x2={pct(from)}
        y1={0}
        y2={BAR}
        strokeWidth={3}
        style={{ stroke: error ? tokens.colorPaletteRedForeground1 : tokens.colorBrandForeground1 }}
      />
    );
  }
  const fill = outline
    ? "none"
    : span.kind === "standstill"
      ? tokens.colorNeutralForeground3
      : error
        ? tokens.colorPaletteRedForeground1
        : tokens.colorBrandBackground;
  return (
    <rect
      x={pct(from)}
      width={pct(width)}
      y={outline ? 1 : 3}
      height={outline ? BAR - 2 : BAR - 6}
      rx={2}
      strokeWidth={outline ? 1.5 : 0}
      strokeDasharray={outline ? "4 3" : undefined}
      style={{ fill, stroke: outline ? tokens.colorNeutralForeground2 : "none" }}
    />
  );
}

function LaneRow({ layout, lane }: { layout: TimelineLayout; lane: Lane }) {
  const styles = useStyles();
  return (
    <div className={styles.lane}>
      <span className={lane.error ? `${styles.label} ${styles.error}` : styles.label}>{lane.label}</span>
      <svg width="100%" height={BAR}>
        <line
          x1="0"
          x2="100%"
          y1={BAR / 2}
          y2={BAR / 2}
          strokeWidth={1}
          style={{ stroke: tokens.colorNeutralStroke2 }}
        />
        {lane.spans.map((span) => (
          <SpanShape key={`${span.kind}-${span.from}`} layout={layout} span={span} error={lane.error} />
        ))}
        {lane.ticks.map((tick) => {
          const x = pct(position(layout, tick.at));
          return (
            <line
              key={`${tick.kind}-${tick.at}`}
              x1={x}
              x2={x}
              y1={0}
              y2={BAR}
              strokeWidth={3}
              strokeDasharray={tick.kind === "latest" ? "3 2" : undefined}
              style={{
                stroke:
                  tick.kind === "latest"
                    ? tokens.colorNeutralForeground2
                    : lane.error
                      ? tokens.colorPaletteRedForeground1
                      : tokens.colorNeutralForeground1,
              }}
            />
          );
        })}
      </svg>
    </div>
  );
}

/** The timeline for a layout from ./timeline.ts. */
export function Timeline({ layout }: { layout: TimelineLayout }) {
  const styles = useStyles();
  return (
    <figure
      className={styles.timeline}
      style={{ height: timelineHeight(layout.lanes.length) }}
      role="img"
      aria-label={timelineSummary(layout)}
    >
      <div aria-hidden="true">
        {layout.lanes.map((lane) => (
          <LaneRow key={lane.label} layout={layout} lane={lane} />
        ))}
        <div className={styles.axis}>
          <span>{shortDate(layout.first)}</span>
          <span>{shortDate(layout.last)}</span>
        </div>
        <div className={styles.key}>
          <svg width="18" height="10">
            <rect
              x="1"
              y="1"
              width="16"
              height="8"
              rx="2"
              strokeWidth={1.5}
              strokeDasharray="4 3"
              style={{ fill: "none", stroke: tokens.colorNeutralForeground2 }}
            />
          </svg>
          Outline: the minimum, or the latest date
        </div>
      </div>
    </figure>
  );
}
