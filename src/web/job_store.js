// job_store.rs's browser side: one IndexedDB store, a job under its owner's key and each row's
// outcome under "<owner>\u0001<row>" (so a row is one small write, and a range drops them all).
let db;
const open = () => (db ||= new Promise((ok, no) => {
  const r = indexedDB.open("ocf-import", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("jobs");
  r.onsuccess = () => ok(r.result);
  r.onerror = () => { db = null; no(r.error); };
}));
const run = (mode, act) => open().then((d) => new Promise((ok, no) => {
  const t = d.transaction("jobs", mode), read = act(t.objectStore("jobs"));
  t.oncomplete = () => ok(read && read());
  t.onerror = t.onabort = () => no(t.error);
}));
const rows = (owner) => IDBKeyRange.bound(owner + "\u0001", owner + "\u0002");
export const putJob = (owner, text) => run("readwrite", (s) => { s.delete(rows(owner)); s.put(text, owner); });
export const putRow = (owner, row, text) => run("readwrite", (s) => { s.put(text, owner + "\u0001" + row); });
export const dropJob = (owner) => run("readwrite", (s) => { s.delete(IDBKeyRange.bound(owner, owner + "\u0002")); });
export const getJob = (owner) => run("readonly", (s) => {
  const job = s.get(owner), keys = s.getAllKeys(rows(owner)), done = s.getAll(rows(owner));
  return () => job.result == null ? null
    : [job.result, keys.result.map((k, i) => [+k.slice(owner.length + 1), done.result[i]])];
});
