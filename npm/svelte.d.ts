// Svelte 5's types for <omnichannel-contact-form>, with no runtime code: a project names it once,
// `import type {} from "omnichannel-contact-form/svelte";`, and svelte-check then checks its
// attributes and `oncontact-saved`-style event attributes. Kept true by tests/typescript_types.rs
// and checked by e2e/tests/frameworks.rs, as docs/frameworks.md shows it.
import type { HTMLAttributes } from "svelte/elements";
import type {
  ContactFormAttributes,
  ContactFormEventMap,
  OmnichannelContactFormElement,
} from "./contact-form.js";

/** Svelte 5 listens to `<event>` for an `on<event>` attribute, as written. */
export type ContactFormSvelteEvents = {
  [K in keyof ContactFormEventMap as `on${K}`]?: (event: ContactFormEventMap[K]) => void;
};

declare global {
  namespace svelteHTML {
    interface IntrinsicElements {
      "omnichannel-contact-form": HTMLAttributes<OmnichannelContactFormElement> &
        ContactFormAttributes &
        ContactFormSvelteEvents;
    }
  }
}
