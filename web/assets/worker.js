// The interpreter's Web Worker: it loads contigo.wasm (web/wasm) and runs
// what the page sends, so a long or endless run never freezes the page.
// The page stops a run by terminating this worker (see site.js).
importScripts("wasm_exec.js");

const started = performance.now();
const ready = (async () => {
  const go = new Go();
  const wasm = await WebAssembly.instantiateStreaming(fetch("contigo.wasm"), go.importObject);
  const loaded = performance.now();
  go.run(wasm.instance); // returns once Go's main waits for runs
  const running = performance.now();
  const err = self.contigoStart();
  postMessage({ type: "ready", ms: performance.now() - started, load: loaded - started,
    runtime: running - loaded, init: performance.now() - running, error: err || null });
})().catch((e) => postMessage({ type: "ready", error: String(e) }));

onmessage = async (e) => {
  await ready;
  const m = e.data;
  self.contigoRun(m.id, m.kind, m.src, m.file, m.line, !!m.trace);
};
