// Trims what the release's main wasm and its JS glue carry that no browser needs, after
// wasm-opt (which keeps the names and never sees the glue): run by scripts/post-build.sh as
// `node wasm-trim.mjs <main.wasm> <glue.js> [other.js …]`.
//
//  1. The names the wasm and its glue know each other by. wasm-bindgen names each function the
//     wasm imports `__wbg_<method>_<16 hex digits>` (unique across crates when it links), and
//     exports its closures' entries as `wasm_bindgen__convert__closures_____invoke__h<16 hex>`;
//     both files spell every name, and the hex digits do not compress: about 4 KB brotli of the
//     first download. Each becomes a short name ("a", "b", … "ba", …) in both files. An import
//     is renamed only where the glue spells it exactly once, as a key (`name:`); an export only
//     where the glue reads it as `wasm.name` and never otherwise (as another object's property
//     or quoted), and no other file given names it (the lazy parts' link module takes the
//     memory and the table by name). Anything else keeps its name, so a glue of another shape
//     is left working, only larger. The first import renamed is named after the wasm's bytes
//     (`_<12 hex digits>`) instead: short names are the same in every release, so a module of
//     one release (cached by a browser) given another's wasm would link every "a" to another
//     function; this way it lacks the release's import and fails to load, as a module and a
//     wasm that disagree did with wasm-bindgen's names.
//  2. The glue's classes whose wasm side is gone: wasm-opt removes the exports of the streams
//     wasm-streams exports through server_fn (`--remove-exports` in index.html; the widget
//     never makes one), and every `wasm.<name>` such a class calls is then missing, so it could
//     not work. A class goes, with its finalization registry and its `Symbol.dispose` line,
//     only when all it calls is missing and nothing else in the glue names it.
//  3. The active element segments that only write `ref.null` into the function table: the
//     splitter leaves one per run of slots the lazy parts fill when they come, and a table
//     starts null. Only a trailing run of them goes, so no kept segment changes its index.
//
// Either file is written only when the whole wasm was read and what is written reads back; an
// encoding this script does not know stops it with an error (and the build with it) rather
// than writing a guess.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const GLUE_MODULE = /^\.\/.*_bg\.js$/;
const [wasmPath, gluePath, ...otherPaths] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node wasm-trim.mjs <main.wasm> <glue.js> [other.js …]");
  process.exit(2);
}

function fail(message) {
  console.error(`wasm-trim: ${wasmPath}: ${message}`);
  process.exit(1);
}

/** A cursor over bytes: LEB128 numbers, names and raw spans. */
class Reader {
  constructor(bytes, pos = 0, end = bytes.length) {
    Object.assign(this, { bytes, pos, end });
  }
  byte() {
    if (this.pos >= this.end) fail("ends inside a section");
    return this.bytes[this.pos++];
  }
  leb() {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      value |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (!(b & 0x80)) return Number(value);
    }
  }
  name() {
    const length = this.leb();
    const start = this.pos;
    this.pos += length;
    if (this.pos > this.end) fail("a name runs past its section");
    return new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(start, this.pos));
  }
  /** Skips one constant expression (an offset or an element): true when it is `ref.null`. */
  constExpr() {
    const op = this.byte();
    switch (op) {
      case 0x41: // i32.const
      case 0x42: // i64.const
      case 0x23: // global.get
      case 0xd2: // ref.func
        this.leb();
        break;
      case 0xd0: // ref.null <heap type>
        this.leb();
        break;
      default:
        fail(`a constant expression with opcode 0x${op.toString(16)}`);
    }
    if (this.byte() !== 0x0b) fail("a constant expression of more than one instruction");
    return op === 0xd0;
  }
  limits() {
    const flags = this.byte();
    if (flags & ~7) fail(`limits with flags ${flags}`);
    this.leb();
    if (flags & 1) this.leb();
  }
  /** A value or reference type: one byte, or a reference to a type index. */
  refType() {
    const t = this.byte();
    if (t === 0x63 || t === 0x64) this.leb();
  }
}

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Uint8Array.from(out);
}

function name(text) {
  const bytes = new TextEncoder().encode(text);
  return concat([leb(bytes.length), bytes]);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** "a" … "z", "A" … "Z", then "ba", "bb", …: the shortest keys first. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length);
  } while (i);
  return s;
}

/** The import section's entries: module, name, and the bytes of what is imported. */
function readImports(r) {
  const entries = [];
  const count = r.leb();
  for (let i = 0; i < count; i++) {
    const module = r.name();
    const field = r.name();
    const start = r.pos;
    const kind = r.byte();
    if (kind === 0x00) r.leb(); // a function: its type
    else if (kind === 0x01) {
      r.refType();
      r.limits();
    } else if (kind === 0x02) r.limits();
    else if (kind === 0x03) {
      r.refType(); // or a number type: one byte
      r.byte(); // mutability
    } else if (kind === 0x04) {
      r.byte();
      r.leb();
    } else fail(`an import of kind ${kind}`);
    entries.push({ module, field, kind, what: r.bytes.subarray(start, r.pos) });
  }
  return entries;
}

/** The export section's entries: name, and the bytes of what is exported. */
function readExports(r) {
  const entries = [];
  const count = r.leb();
  for (let i = 0; i < count; i++) {
    const field = r.name();
    const start = r.pos;
    r.byte(); // kind
    r.leb(); // index
    entries.push({ field, what: r.bytes.subarray(start, r.pos) });
  }
  return entries;
}

/** A search for `word` as a whole name, after `before` (which is not the end of a longer one). */
function token(word, before = "") {
  const escaped = (w) => w.replace(/[^\w]/g, "\\$&");
  const edge = before ? "(?<![\\w$.])" : "(?<![\\w$])";
  return new RegExp(`${edge}${escaped(before)}${escaped(word)}(?![\\w$])`, "g");
}

/** The glue without the classes (`export class Name {…}`, wasm-bindgen's layout) that call
 * only wasm exports `exported` lacks, nor their registry and `Symbol.dispose` line. */
function dropDeadClasses(glue, exported) {
  for (const [whole, name] of glue.matchAll(/^export class (\w+) \{\n[\s\S]*?^\}\n/gm)) {
    const calls = [...whole.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]);
    if (!calls.length || calls.some((c) => exported.has(c))) continue;
    const registry = new RegExp(`^const ${name}Finalization = [^;]*;\n`, "m");
    const dispose = `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`;
    const without = glue.replace(whole, "").replace(registry, "").replace(dispose, "");
    if (!token(name).test(without) && !token(`${name}Finalization`).test(without)) glue = without;
  }
  return glue;
}

/** The element section without its trailing run of active segments that only write nulls. */
function trimElements(r) {
  const count = r.leb();
  const segments = [];
  for (let i = 0; i < count; i++) {
    const start = r.pos;
    const flags = r.leb();
    let nullsOnly = false;
    if (flags > 7) fail(`an element segment with flags ${flags}`);
    if (flags === 2 || flags === 6) r.leb(); // table index
    if (!(flags & 1)) r.constExpr(); // the offset of an active segment
    if (flags & 3) r.refType(); // element kind or reference type
    const items = r.leb();
    if (flags & 4) {
      nullsOnly = items > 0;
      for (let j = 0; j < items; j++) nullsOnly = r.constExpr() && nullsOnly;
    } else {
      for (let j = 0; j < items; j++) r.leb();
    }
    const active = !(flags & 1);
    segments.push({ bytes: r.bytes.subarray(start, r.pos), dropped: active && nullsOnly });
  }
  let kept = segments.length;
  while (kept > 0 && segments[kept - 1].dropped) kept--;
  return concat([leb(kept), ...segments.slice(0, kept).map((s) => s.bytes)]);
}

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");
if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail("not a wasm module");

/** A module's sections: id and body. */
function readSections(bytes) {
  const sections = [];
  for (const r = new Reader(bytes, 8); r.pos < bytes.length; ) {
    const id = r.byte();
    const size = r.leb();
    if (r.pos + size > bytes.length) fail(`section ${id} runs past the end`);
    sections.push({ id, body: bytes.subarray(r.pos, r.pos + size) });
    r.pos += size;
  }
  return sections;
}

// The sections, and the glue's import names to rename.
const sections = readSections(wasm);
const imports = readImports(new Reader(sections.find((s) => s.id === 2)?.body ?? leb(0)));
const exports = readExports(new Reader(sections.find((s) => s.id === 7)?.body ?? leb(0)));
const others = otherPaths.map((p) => readFileSync(p, "utf8"));
glue = dropDeadClasses(glue, new Set(exports.map((e) => e.field)));
const release = `_${createHash("sha256").update(wasm).digest("hex").slice(0, 12)}`;
let renamed = 0;
for (const entry of imports) {
  const { module, field, kind } = entry;
  if (kind !== 0x00 || !GLUE_MODULE.test(module)) continue;
  const found = [...glue.matchAll(token(field))];
  if (found.length !== 1 || glue[found[0].index + field.length] !== ":") continue;
  entry.short = renamed === 0 ? release : shortName(renamed - 1);
  renamed++;
  glue = glue.replace(token(field), entry.short);
}
renamed = 0;
for (const entry of exports) {
  const { field } = entry;
  // Read as a property, always of `wasm`; never quoted (a function of the glue may bear the
  // same name: esbuild renames it anyway).
  const seen = [...glue.matchAll(token(field))].map((m) => [m.index, m.index + field.length]);
  const read = seen.filter(([at]) => glue[at - 1] === ".").length;
  const quoted = seen.some(([at, end]) => /["'`]/.test(`${glue[at - 1]}${glue[end]}`));
  const called = [...glue.matchAll(token(field, "wasm."))].length;
  if (!called || read !== called || quoted || others.some((o) => token(field).test(o))) continue;
  entry.short = shortName(renamed++);
  glue = glue.replace(token(field, "wasm."), `wasm.${entry.short}`);
}
// A table given by another module may hold functions already: its null writes stay.
const tableImported = imports.some((i) => i.kind === 0x01);

const out = [wasm.subarray(0, 8)];
for (const { id, body } of sections) {
  let bytes = body;
  if (id === 2) {
    const named = imports.map((i) => [name(i.module), name(i.short ?? i.field), i.what]);
    bytes = concat([leb(imports.length), ...named.flat()]);
  }
  if (id === 7) {
    const named = exports.map((e) => [name(e.short ?? e.field), e.what]);
    bytes = concat([leb(exports.length), ...named.flat()]);
  }
  if (id === 9 && !tableImported) bytes = trimElements(new Reader(body));
  out.push(Uint8Array.of(id), leb(bytes.length), bytes);
}
const trimmed = concat(out);
// What was written reads back: every section, and the imports, each with its new name.
const again = readSections(trimmed);
const back = readImports(new Reader(again.find((s) => s.id === 2)?.body ?? leb(0)));
const backExports = readExports(new Reader(again.find((s) => s.id === 7)?.body ?? leb(0)));
const readsBack = (read, written) =>
  read.length === written.length && read.every((e, i) => e.field === (written[i].short ?? written[i].field));
if (!readsBack(back, imports) || !readsBack(backExports, exports)) {
  fail("the renamed imports and exports do not read back");
}
writeFileSync(wasmPath, trimmed);
writeFileSync(gluePath, glue);
