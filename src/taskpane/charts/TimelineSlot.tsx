/**
 * Where the rules timeline stands: its drawing code is fetched the first time it is shown, and until
 * it arrives the slot holds the timeline's exact height, so nothing below it moves when it appears.
 */
import { lazyModule } from "../lazy-module";
import { LazySlot } from "./LazySlot";
import { timelineHeight, type TimelineLayout } from "./timeline";

export const timelineChart = lazyModule(() => import(/* webpackChunkName: "timeline" */ "./Timeline"));

export function TimelineSlot({ layout }: { layout: TimelineLayout }) {
  return (
    <LazySlot
      module={timelineChart}
      height={timelineHeight(layout.lanes.length)}
      failed="The timeline could not be loaded (reload the pane to try again); the dates are in the timetable below."
      draw={(module) => <module.Timeline layout={layout} />}
    />
  );
}
