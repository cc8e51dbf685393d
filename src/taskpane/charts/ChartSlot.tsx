/**
 * Where a chart stands: the charts' code is fetched the first time one is shown, and until it
 * arrives the slot holds the chart's exact height, so nothing below it moves when it appears.
 */
import { lazyModule } from "../lazy-module";
import { LazySlot } from "./LazySlot";
import { BAR_ROW, SPEND_CHART_HEIGHT } from "./layout";
import type { Bar, SpendSeries } from "./series";

export const charts = lazyModule(() => import(/* webpackChunkName: "charts" */ "./Charts"));

export type ChartSlotProps =
  { kind: "bars"; title: string; bars: readonly Bar[] } | { kind: "spend"; series: SpendSeries };

export function ChartSlot(props: ChartSlotProps) {
  return (
    <LazySlot
      module={charts}
      height={props.kind === "bars" ? props.bars.length * BAR_ROW : SPEND_CHART_HEIGHT}
      failed="The chart could not be loaded (reload the pane to try again); the figures are beside it."
      draw={(module) =>
        props.kind === "bars" ? (
          <module.BarChart title={props.title} bars={props.bars} />
        ) : (
          <module.SpendChart series={props.series} />
        )
      }
    />
  );
}
