// job_store.rs's browser side (kept short: it is in the first download).
let db;const o=()=>db||=new Promise((y,n)=>{const r=indexedDB.open("ocf-import",1);r.onupgradeneeded=()=>r.result.createObjectStore("jobs");r.onsuccess=()=>y(r.result);r.onerror=()=>{db=0;n(r.error)}});
const t=(m,f)=>o().then(d=>new Promise((y,n)=>{const x=d.transaction("jobs",m),r=f(x.objectStore("jobs"));x.oncomplete=()=>y(r&&r());x.onerror=x.onabort=()=>n(x.error)}));
const k=(w,a)=>IDBKeyRange.bound(w+a,w+"\u0002");
export const putJob=(w,v)=>t("readwrite",s=>{s.delete(k(w,"\u0001"));s.put(v,w)});
export const putRow=(w,i,v)=>t("readwrite",s=>{s.put(v,w+"\u0001"+i)});
export const dropJob=w=>t("readwrite",s=>{s.delete(k(w,""))});
export const getJob=w=>t("readonly",s=>{const a=s.getAllKeys(k(w,"")),b=s.getAll(k(w,""));return()=>b.result.map((v,i)=>[a.result[i],v])});
