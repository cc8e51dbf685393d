/** @jest-environment jsdom */
import { act, render, screen } from "@testing-library/react";
import { lazyModule, prefetchWhenIdle, useLazyModule, type LazyModule } from "../../src/taskpane/lazy-module";
import { LazySlot } from "../../src/taskpane/charts/LazySlot";

/** A module fetch the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("lazyModule", () => {
  it("fetches once however often it is asked, and keeps what arrived", async () => {
    const fetch = jest.fn(() => Promise.resolve({ answer: 42 }));
    const m = lazyModule(fetch);
    expect(m.current()).toBeUndefined();
    const [a, b] = await Promise.all([m.load(), m.load()]);
    expect(a).toBe(b);
    expect(m.current()).toEqual({ answer: 42 });
    await m.load();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("passes a failed fetch on and tries again on the next use", async () => {
    const fetch = jest
      .fn<Promise<{ answer: number }>, []>()
      .mockRejectedValueOnce(new Error("ChunkLoadError: offline"))
      .mockResolvedValueOnce({ answer: 42 });
    const m = lazyModule(fetch);
    await expect(m.load()).rejects.toThrow("offline");
    expect(m.current()).toBeUndefined();
    await expect(m.load()).resolves.toEqual({ answer: 42 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

interface HostProps {
  module: LazyModule<{ text: string }>;
  wanted: boolean;
  onError: (error: unknown) => void;
}

function Host({ module, wanted, onError }: HostProps) {
  const loaded = useLazyModule(module, wanted, onError);
  return <p>{loaded ? loaded.text : "not yet"}</p>;
}

describe("useLazyModule", () => {
  it("does not fetch what is not wanted", () => {
    const fetch = jest.fn(() => Promise.resolve({ text: "the step" }));
    render(<Host module={lazyModule(fetch)} wanted={false} onError={jest.fn()} />);
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getByText("not yet")).toBeTruthy();
  });

  it("renders a module fetched ahead in the first render, with no placeholder in between", async () => {
    const m = lazyModule(() => Promise.resolve({ text: "the step" }));
    await m.load();
    render(<Host module={m} wanted onError={jest.fn()} />);
    expect(screen.getByText("the step")).toBeTruthy();
  });

  it("fetches a wanted module and shows it when it arrives", async () => {
    const arrival = deferred<{ text: string }>();
    render(<Host module={lazyModule(() => arrival.promise)} wanted onError={jest.fn()} />);
    expect(screen.getByText("not yet")).toBeTruthy();
    await act(async () => arrival.resolve({ text: "the step" }));
    expect(screen.getByText("the step")).toBeTruthy();
  });

  it("reports a fetch that fails instead of waiting for ever", async () => {
    const arrival = deferred<{ text: string }>();
    const onError = jest.fn();
    render(<Host module={lazyModule(() => arrival.promise)} wanted onError={onError} />);
    await act(async () => arrival.reject(new Error("ChunkLoadError: offline")));
    expect(onError).toHaveBeenCalledWith(new Error("ChunkLoadError: offline"));
    expect(screen.getByText("not yet")).toBeTruthy();
  });
});

describe("prefetchWhenIdle", () => {
  it("fetches once the browser is idle, and not at all when cancelled first", () => {
    jest.useFakeTimers();
    try {
      const fetch = jest.fn(() => Promise.resolve({}));
      prefetchWhenIdle([lazyModule(fetch)]);
      expect(fetch).not.toHaveBeenCalled();
      jest.runAllTimers();
      expect(fetch).toHaveBeenCalledTimes(1);

      const never = jest.fn(() => Promise.resolve({}));
      const cancel = prefetchWhenIdle([lazyModule(never)]);
      cancel();
      jest.runAllTimers();
      expect(never).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("LazySlot", () => {
  /** A 96 px slot for a module the test settles by hand; it draws the module's text. */
  function renderSlot() {
    const fetch = deferred<{ text: string }>();
    const { container } = render(
      <LazySlot
        module={lazyModule(() => fetch.promise)}
        height={96}
        failed="The chart could not be loaded."
        draw={(m) => <p>{m.text}</p>}
      />,
    );
    return { fetch, container };
  }

  it("holds the drawing's height while its code is fetched, then draws it", async () => {
    const { fetch, container } = renderSlot();
    expect((container.firstChild as HTMLElement).style.height).toBe("96px");
    await act(async () => fetch.resolve({ text: "the chart" }));
    expect(screen.getByText("the chart")).toBeTruthy();
  });

  it("says in words when the code could not be fetched", async () => {
    const { fetch } = renderSlot();
    await act(async () => fetch.reject(new Error("ChunkLoadError: offline")));
    expect(screen.getByText("The chart could not be loaded.")).toBeTruthy();
  });
});
