/**
 * Where a chart stands: the charts' code is fetched the first time one is shown, and until it
 * arrives the slot holds the chart's exact height, so nothing below it moves when it appears.
 */
import { useCallback, useState } from "react";
import { Text } from "@fluentui/react-components";
import { lazyModule, useLazyModule } from "../lazy-module";
import { BAR_ROW, SPEND_CHART_HEIGHT } from "./layout";
import type { Bar, SpendSeries } from "./series";

export const charts = lazyModule(() => import(/* webpackChunkName: "charts" */ "./Charts"));

export type ChartSlotProps =
  { kind: "bars"; title: string; bars: readonly Bar[] } | { kind: "spend"; series: SpendSeries };

export function ChartSlot(props: ChartSlotProps) {
  const [failed, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const module = useLazyModule(charts, !failed, onError);
  if (failed) {
    return (
      <Text size={200}>
        The chart could not be loaded (reload the pane to try again); the figures are beside it.
      </Text>
    );
  }
  if (!module) {
    const height = props.kind === "bars" ? props.bars.length * BAR_ROW : SPEND_CHART_HEIGHT;
    return <div style={{ height }} aria-hidden="true" />;
  }
  return props.kind === "bars" ? (
    <module.BarChart title={props.title} bars={props.bars} />
  ) : (
    <module.SpendChart series={props.series} />
  );
}
