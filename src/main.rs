//! Runs when the module loads: defines `<omnichannel-contact-form>` (unless the loader,
//! `contact-form.js`, defined it first). The demo page mounts the widget through the loader
//! (`loader/demo.js`), as a host page does.

fn main() {
    omnichannel_contact_form::embed::define_custom_element();
}
