/**
 * Where a drawing stands whose code is fetched the first time it is shown (a chart, the rules
 * timeline): until the code arrives the slot holds the drawing's exact height, so nothing below it
 * moves when it appears; code that cannot be fetched is said in words instead.
 */
import { useCallback, useState, type ReactNode } from "react";
import { Text } from "@fluentui/react-components";
import { useLazyModule, type LazyModule } from "../lazy-module";

export interface LazySlotProps<T> {
  module: LazyModule<T>;
  /** The drawing's height in pixels, held while its code is fetched. */
  height: number;
  /** What to say when the code could not be fetched. */
  failed: string;
  draw: (module: T) => ReactNode;
}

export function LazySlot<T>({ module, height, failed, draw }: LazySlotProps<T>) {
  const [didFail, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const loaded = useLazyModule(module, !didFail, onError);
  if (didFail) return <Text size={200}>{failed}</Text>;
  if (!loaded) return <div style={{ height }} aria-hidden="true" />;
  return <>{draw(loaded)}</>;
}
