/**
 * Where the rules timeline stands: its drawing code is fetched the first time it is shown, and until
 * it arrives the slot holds the timeline's exact height, so nothing below it moves when it appears.
 */
import { useCallback, useState } from "react";
import { Text } from "@fluentui/react-components";
import { lazyModule, useLazyModule } from "../lazy-module";
import { timelineHeight, type TimelineLayout } from "./timeline";

export const timelineChart = lazyModule(() => import(/* webpackChunkName: "timeline" */ "./Timeline"));

export function TimelineSlot({ layout }: { layout: TimelineLayout }) {
  const [failed, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const module = useLazyModule(timelineChart, !failed, onError);
  if (failed) {
    return (
      <Text size={200}>
        The timeline could not be loaded (reload the pane to try again); the dates are in the timetable below.
      </Text>
    );
  }
  if (!module) return <div style={{ height: timelineHeight(layout.lanes.length) }} aria-hidden="true" />;
  return <module.Timeline layout={layout} />;
}
