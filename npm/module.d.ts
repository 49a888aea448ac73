// Types of `omnichannel-contact-form/module`: the wasm-bindgen module itself, for pages that
// load the wasm at once and draw nothing before it (`init()`, then `mount()`).

import type { Handle, Options } from "./contact-form.js";
export type * from "./contact-form.js";

/**
 * Fetches and compiles the wasm (from beside this module unless told otherwise) and defines
 * `<omnichannel-contact-form>`. Await it once before `mount()`.
 */
export default function init(moduleOrPath?: unknown): Promise<unknown>;

/** Mounts the widget into `element` (drawn at once: the wasm is there). */
export function mount(element: HTMLElement, options?: Options): Handle;
