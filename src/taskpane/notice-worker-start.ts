/**
 * Starts the notice reader's worker. Alone in its module because of `import.meta.url`, the form
 * webpack 5 needs to bundle a worker: the jest tests (CommonJS) replace this module.
 */
export function startNoticeWorker(): Worker {
  return new Worker(new URL("./notice.worker.ts", import.meta.url), { name: "notice-reader" });
}
