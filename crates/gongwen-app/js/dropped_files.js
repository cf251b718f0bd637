// Files of a drop, folders included: a dropped folder is walked with the
// File and Directory Entries API (readEntries returns its children in
// batches), skipping hidden and system files. Resolves to
//   [{ path, file }]   where path is the file's path inside the drop.

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

export async function droppedFiles(dataTransfer) {
  const out = [];
  // Entries and files are read before any await: the drop's items are only
  // readable while the drop event is being handled.
  const dropped = [];
  for (const item of Array.from(dataTransfer.items || [])) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    dropped.push({ entry, file: item.getAsFile() });
  }
  if (dropped.length === 0) {
    for (const file of Array.from(dataTransfer.files || [])) dropped.push({ entry: null, file });
  }
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
