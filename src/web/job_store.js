// job_store.rs's browser side. Not imported by the module in split builds: browser.js fetches
// it with the import's lazy part (scripts/post-build.sh ships it beside browser.js, minified).
// One function serves the four calls, so the module has one binding of them. A job is kept
// under its owner's key, a row's outcome under `<owner>\u0001<row>`, so the key range from the
// owner's key to `<owner>\u0002` holds all.
let db;
const open = () =>
  (db ||= new Promise((done, failed) => {
    const request = indexedDB.open("ocf-import", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("jobs");
    request.onsuccess = () => done(request.result);
    request.onerror = () => {
      db = 0;
      failed(request.error);
    };
  }));
// One transaction on the jobs; `work` may return what to answer once it is complete.
const within = (mode, work) =>
  open().then(
    (d) =>
      new Promise((done, failed) => {
        const x = d.transaction("jobs", mode);
        const answer = work(x.objectStore("jobs"));
        x.oncomplete = () => done(answer && answer());
        x.onerror = x.onabort = () => failed(x.error);
      }),
  );
const range = (owner, from) => IDBKeyRange.bound(owner + from, owner + "\u0002");
// Each takes its record's key and at most one argument.
const store = {
  putJob(owner, text) {
    return within("readwrite", (s) => {
      s.delete(range(owner, "\u0001"));
      s.put(text, owner);
    });
  },
  putRow(key, text) {
    return within("readwrite", (s) => {
      s.put(text, key);
    });
  },
  dropJob(owner) {
    return within("readwrite", (s) => {
      s.delete(range(owner, ""));
    });
  },
  getJob(owner) {
    return within("readonly", (s) => {
      const keys = s.getAllKeys(range(owner, ""));
      const values = s.getAll(range(owner, ""));
      return () => values.result.map((v, i) => [keys.result[i], v]);
    });
  },
};
// What job_store.rs calls (through browser.js in split builds): always a promise, never a throw.
export const call = (name, key, argument) => store[name](key, argument);
