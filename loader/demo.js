// The demo page (`trunk serve`): the widget as a host page embeds it, through the loader, talking
// to the page's own origin. `?api=contacts` or `?api=auto` picks the API, `?locale=de` the
// language, `?contactId=` the contact to open, `?load=` when the wasm is fetched.
import { mount } from "./contact-form.js";

const element = document.getElementById("omnichannel-contact-form-demo");
const params = new URLSearchParams(location.search);
const options = {};
for (const key of ["api", "locale", "contactId", "load", "theme"]) {
  const value = params.get(key);
  if (value) options[key] = value;
}
// Tests (and curious readers) can tell when the wasm has taken the form over.
element.addEventListener("contact-form-ready", () => document.body.setAttribute("data-ready", ""));
mount(element, options);
