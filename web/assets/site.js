// The course's pages: editable Scheme blocks run by contigo in a Web
// Worker (worker.js). The blocks of a chapter share one interpreter and
// run in order, as the course test runs them: running a block first runs
// the blocks above it that have not run yet.
//
// Stop terminates the worker: the interpreter's loop never returns to the
// worker's event loop, so a message could not reach it, and a flag in
// shared memory would need cross-origin isolation, which a static host may
// not give. A new worker then replays, silently, the blocks that had run,
// so the chapter's definitions are back.
"use strict";

const status = document.getElementById("status");
const blocks = Array.from(document.querySelectorAll(".block"));
let worker = null;
let nextId = 1;
const pending = new Map(); // run id -> {onOut, onErr, onDone}
let ran = []; // {block, src} of the blocks run in the current worker, in order
let queue = Promise.resolve();
let current = null; // the block running now

function startWorker() {
  const t0 = performance.now();
  status.textContent = "starting the interpreter…";
  status.className = "status";
  worker = new Worker("worker.js");
  const ready = new Promise((resolve) => {
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === "ready") {
        if (m.error) {
          status.textContent = "the interpreter failed to start: " + m.error;
          status.className = "status error";
        } else {
          const ms = Math.round(performance.now() - t0);
          status.textContent = "interpreter ready (" + ms + " ms)";
          status.dataset.startup = String(ms);
          status.title = "loading and compiling contigo.wasm: " + Math.round(m.load) +
            " ms; starting Go: " + Math.round(m.runtime) +
            " ms; starting the interpreter (loading its Scheme library): " + Math.round(m.init) + " ms";
          status.className = "status ready";
        }
        resolve();
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === "out") p.onOut(m.text);
      else if (m.type === "err") p.onErr(m.text);
      else if (m.type === "done") {
        pending.delete(m.id);
        p.onDone(m);
      }
    };
  });
  // A worker that dies (the interpreter crashed, or ran out of memory)
  // ends the run in progress with an error rather than leaving it
  // running forever.
  worker.onerror = (e) => {
    status.textContent = "the interpreter stopped: " + (e.message || "unknown error");
    status.className = "status error";
    for (const [id, p] of pending) {
      p.onErr("the interpreter stopped: " + (e.message || "unknown error") + "\n");
      p.onDone({ id, type: "done", status: 70 });
    }
    pending.clear();
    ran = [];
    worker.terminate();
    startWorker().then(() => {
      status.textContent += " (restarted after an error: the chapter's earlier blocks run again when needed)";
    });
  };
  worker.ready = ready;
  return ready;
}

// send runs src in the worker and resolves with the "done" message.
function send(kind, src, file, line, trace, onOut, onErr) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { onOut, onErr, onDone: resolve });
    worker.postMessage({ id, kind, src, file, line, trace });
  });
}

function source(block) {
  return block.querySelector("textarea").value + "\n";
}

// runBlock runs one block, showing its output, its errors and its
// timeline; it resolves with its status (or null when stopped).
async function runBlock(block) {
  const out = block.querySelector(".out");
  const state = block.querySelector(".state");
  const tlBox = block.querySelector(".timeline-box");
  const wantTl = block.dataset.timeline === "1" || (block.querySelector(".want-timeline") || {}).checked;
  out.hidden = false;
  out.textContent = "";
  out.classList.remove("failed");
  markErrorLine(block, null);
  state.textContent = "running…";
  block.classList.add("running");
  block.querySelector(".stop").disabled = false;
  current = block;
  const src = source(block);
  const append = (text, cls) => {
    const span = document.createElement("span");
    if (cls) span.className = cls;
    span.textContent = text;
    out.appendChild(span);
  };
  const kind = block.dataset.program ? "program" : "block";
  const t0 = performance.now();
  const m = await send(kind, src, block.dataset.file, Number(block.dataset.line), wantTl,
    (t) => append(t, ""), (t) => append(t, "err"));
  current = null;
  block.classList.remove("running");
  block.querySelector(".stop").disabled = true;
  if (m.stopped) {
    state.textContent = "stopped";
    return null;
  }
  const ms = Math.round(performance.now() - t0);
  state.textContent = (m.status === 0 ? "done" : "exit status " + m.status) + " (" + ms + " ms)";
  state.dataset.status = String(m.status);
  if (m.status !== 0) {
    out.classList.add("failed");
    markErrorLine(block, out.textContent);
  }
  if (!out.textContent) out.hidden = true;
  if (m.svg) {
    tlBox.hidden = false;
    tlBox.innerHTML = '<p class="tl-summary">' + escapeHTML(m.summary) + "</p>" + m.svg;
    tlBox.dataset.lanes = String(m.lanes);
    tlBox.dataset.handoffs = String(m.handoffs);
  }
  if (kind === "block") ran.push({ block, src });
  return m.status;
}

function escapeHTML(s) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// markErrorLine highlights, in the gutter, the first line of the block
// that the error text points at (FILE:LINE:COL).
function markErrorLine(block, text) {
  block.querySelectorAll(".gutter .bad").forEach((e) => e.classList.remove("bad"));
  if (!text) return;
  const file = block.dataset.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(file + ":(\\d+):(\\d+)").exec(text);
  if (!m) return;
  const el = block.querySelector('.gutter [data-line="' + m[1] + '"]');
  if (el) el.classList.add("bad");
}

// run runs block i after the chapter's blocks above it that have not
// run yet in this interpreter. Runs are queued: one at a time.
function run(block) {
  queue = queue.then(async () => {
    await worker.ready;
    if (block.dataset.program) return runBlock(block);
    const i = blocks.indexOf(block);
    for (const b of blocks.slice(0, i)) {
      if (!b.dataset.program && !ran.some((r) => r.block === b)) {
        if ((await runBlock(b)) === null) return null;
      }
    }
    return runBlock(block);
  });
  return queue;
}

// stop ends the run in progress: a new worker replays what had run.
async function stop() {
  if (!current) return;
  const stopped = current;
  worker.terminate();
  for (const [id, p] of pending) p.onDone({ id, stopped: true });
  pending.clear();
  const replay = ran.filter((r) => r.block !== stopped);
  ran = [];
  await startWorker();
  if (replay.length) status.textContent += ", replaying " + replay.length + " block(s)…";
  for (const r of replay) {
    await send("block", r.src, r.block.dataset.file, Number(r.block.dataset.line), false, () => {}, () => {});
    ran.push(r);
  }
  if (replay.length) status.textContent = status.textContent.replace(/, replaying.*/, "");
}

// The editor: a textarea as tall as its text, with a gutter numbering
// its lines as in the Markdown file, so that an error's line:col is
// found at a glance.
function setupEditor(block) {
  const ta = block.querySelector("textarea");
  const gutter = block.querySelector(".gutter");
  const first = Number(block.dataset.line);
  const refresh = () => {
    const n = ta.value.split("\n").length;
    ta.rows = n;
    let html = "";
    for (let i = 0; i < n; i++) html += '<span data-line="' + (first + i) + '">' + (first + i) + "</span>\n";
    gutter.innerHTML = html;
  };
  ta.addEventListener("input", refresh);
  ta.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run(block);
    } else if (e.key === "Tab" && !e.shiftKey) {
      e.preventDefault();
      ta.setRangeText("  ", ta.selectionStart, ta.selectionEnd, "end");
      refresh();
    }
  });
  block.querySelector(".run").addEventListener("click", () => run(block));
  block.querySelector(".stop").addEventListener("click", stop);
  block.refresh = refresh;
  refresh();
}

function setupPlayground() {
  const data = document.getElementById("examples-data");
  if (!data) return;
  const examples = JSON.parse(data.textContent);
  const select = document.getElementById("examples");
  const block = document.getElementById("playground");
  for (const ex of examples) {
    const o = document.createElement("option");
    o.value = ex.name;
    o.textContent = ex.name;
    select.appendChild(o);
  }
  const show = (name) => {
    const ex = examples.find((e) => e.name === name) || examples[0];
    if (!ex) return;
    select.value = ex.name;
    block.querySelector("textarea").value = ex.scheme.replace(/\n$/, "");
    block.dataset.file = ex.name + ".scm";
    block.refresh();
    document.querySelector("#go-src code").textContent = ex.go || "(no Go version)";
    document.querySelector("#trio-src code").textContent = ex.trio || "(no Trio version)";
    block.querySelector(".out").hidden = true;
    block.querySelector(".timeline-box").hidden = true;
    block.querySelector(".state").textContent = "";
    if (location.hash.slice(1) !== ex.name) history.replaceState(null, "", "#" + ex.name);
  };
  select.addEventListener("change", () => show(select.value));
  show(decodeURIComponent(location.hash.slice(1)) || "gbe-channels");
}

blocks.forEach(setupEditor);
setupPlayground();
startWorker();
