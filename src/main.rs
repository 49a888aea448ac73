//! Runs when the module loads: defines `<omnichannel-contact-form>` (unless the loader,
//! `contact-form.js`, defined it first). The demo page mounts the widget through the loader
//! (`loader/demo.js`), as a host page does.

// The widget's allocator: a sorted free list that merges neighbours, a tenth of the bytes of
// Rust's default (dlmalloc). Chosen here, by the widget's own build, not by the library, which
// a Leptos app links with an allocator of its own choosing.
// SAFETY: the widget runs on the page's one thread (no wasm threads are ever started).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    omnichannel_contact_form::embed::define_custom_element();
}
