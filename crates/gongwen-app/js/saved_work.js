// Saved work (opt-in): the report files the user loaded, kept in this
// browser's IndexedDB so that a reload restores them. Nothing leaves the
// machine. One object store of records { key, name, data }: `key` orders
// them as they were loaded, `name` is the file's name (or its path in a
// dropped folder), `data` a File or Blob. Calls run one after another, so a
// delete never overtakes the put it follows.

const DATABASE = 'gongwen-lens';
const STORE = 'files';
const VERSION = 1;

let queue = Promise.resolve();

/** Runs `work(database)` after the calls before it, on a fresh connection. */
function queued(work) {
  const run = queue.then(async () => {
    const database = await open();
    try {
      return await work(database);
    } finally {
      database.close();
    }
  });
  queue = run.catch(() => {});
  return run;
}

/**
 * Opens the database with its store. A database of that name without the
 * store (made by something else) is upgraded to a version that has it.
 */
async function open(version = VERSION) {
  const database = await new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) {
      reject(new Error('此浏览器不提供 IndexedDB（或已被禁用）'));
      return;
    }
    const request = indexedDB.open(DATABASE, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE, { keyPath: 'key' });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('另一个标签页正占用本机保存的数据'));
  });
  if (database.objectStoreNames.contains(STORE)) return database;
  const next = database.version + 1;
  database.close();
  return open(next);
}

/** Resolves when `transaction` commits; rejects with its error. */
function committed(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('保存被中止'));
  });
}

/** Stores `records`: [{ key, name, data }] where data is a File, a Blob or bytes. */
export function putFiles(records) {
  return queued(async (database) => {
    const transaction = database.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    for (const { key, name, data } of records) {
      store.put({ key, name, data: data instanceof Blob ? data : new Blob([data]) });
    }
    await committed(transaction);
  });
}

/** Every stored record as { key, name, file }, in the order they were loaded. */
export function savedFiles() {
  return queued(async (database) => {
    const transaction = database.transaction(STORE, 'readonly');
    const request = transaction.objectStore(STORE).getAll();
    await committed(transaction);
    return request.result.map(({ key, name, data }) => ({
      key,
      name,
      file: data instanceof File ? data : new File([data], name.split('/').pop() || name),
    }));
  });
}

/** Deletes the records of `keys`. */
export function deleteFiles(keys) {
  return queued(async (database) => {
    const transaction = database.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    for (const key of keys) store.delete(key);
    await committed(transaction);
  });
}

/** Deletes every record. */
export function clearFiles() {
  return queued(async (database) => {
    const transaction = database.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).clear();
    await committed(transaction);
  });
}
