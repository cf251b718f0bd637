// Files of a drop, folders included: a dropped folder is walked with the
// File and Directory Entries API (readEntries returns its children in
// batches), skipping hidden and system files. Resolves to
//   [{ path, file }]   where path is the file's path inside the drop.
// Also takes the drops that come before the page's module has mounted its
// drop zone (holdEarlyDrops, called by main.js; droppedFiles() with no
// drop, by the page). Served next to index.html: main.js and the page's
// wasm glue import the same module.

const HIDDEN = (name) =>
  name.startsWith('.') || name === '__MACOSX' || /^thumbs\.db$/i.test(name) || /^desktop\.ini$/i.test(name);

function readBatch(reader) {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry) {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry, prefix, out) {
  if (HIDDEN(entry.name)) return;
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.push({ path, file: await fileOf(entry) });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    const children = [];
    for (;;) {
      const batch = await readBatch(reader);
      if (batch.length === 0) break;
      children.push(...batch);
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      await walk(child, path, out);
    }
  }
}

/**
 * What a drop holds, taken while its event is being handled (the drop's
 * items are only readable then): each item's entry, if the browser gives
 * one, and its file.
 */
export function captureDrop(dataTransfer) {
  const dropped = [];
  for (const item of Array.from(dataTransfer.items || [])) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    dropped.push({ entry, file: item.getAsFile() });
  }
  if (dropped.length === 0) {
    for (const file of Array.from(dataTransfer.files || [])) dropped.push({ entry: null, file });
  }
  return dropped;
}

/** The files of a captured drop, dropped folders walked: [{ path, file }]. */
export async function filesOfDrop(dropped) {
  const out = [];
  for (const { entry, file } of dropped) {
    if (entry && entry.isDirectory) {
      try {
        await walk(entry, '', out);
        continue;
      } catch (_) {
        // A folder the browser cannot list: nothing of it can be read.
      }
    }
    if (file && !HIDDEN(file.name)) out.push({ path: file.name, file });
  }
  return out;
}

// Drops that came before the page's module mounted its drop zone.
const early = [];

/**
 * The files of a drop, folders walked: what the page's drop zone takes.
 * With no drop, the files dropped before the drop zone was mounted
 * (holdEarlyDrops), each given once; the page asks for them once mounted,
 * so the window stops listening for early drops then. One function, not two: wasm-bindgen's
 * glue imports a module of our own once per function bound from it, and the
 * duplicate keys of its import object make esbuild (the single-file build)
 * warn.
 */
export function droppedFiles(dataTransfer) {
  if (dataTransfer) return filesOfDrop(captureDrop(dataTransfer));
  stopListening();
  return filesOfDrop(early.splice(0).flat());
}

// The window's listeners while early drops are held, to remove them.
const holding = [];

/**
 * Takes drops anywhere on the page until the page's module has mounted its
 * drop zone (#drop-zone), which then takes them itself: main.js calls this
 * before the module has even loaded, so that a drop right after opening the
 * page is not lost (the browser would otherwise open the dropped file).
 */
export function holdEarlyDrops() {
  const waiting = () => !document.getElementById('drop-zone');
  const shell = () => document.getElementById('early-drop');
  const listen = (type, listener) => {
    window.addEventListener(type, listener);
    holding.push([type, listener]);
  };
  listen('dragover', (event) => {
    if (!waiting()) return;
    event.preventDefault();
    shell()?.classList.add('dragging');
  });
  listen('dragleave', (event) => {
    if (waiting() && !event.relatedTarget) shell()?.classList.remove('dragging');
  });
  listen('drop', (event) => {
    if (!waiting()) return;
    event.preventDefault();
    early.push(captureDrop(event.dataTransfer));
    const note = document.getElementById('early-drop-count');
    if (note) note.textContent = `已收到 ${early.flat().length} 项，载入完成后开始分析`;
    shell()?.classList.remove('dragging');
  });
  shell()?.setAttribute('data-ready', 'true');
}

/**
 * Stops taking early drops, and forgets those taken: the page's module
 * could not start (main.js says so in the page), and nothing will load them.
 */
export function stopHoldingDrops() {
  stopListening();
  early.length = 0;
}

function stopListening() {
  for (const [type, listener] of holding.splice(0)) window.removeEventListener(type, listener);
}
