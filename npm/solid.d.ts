// Solid's types for <omnichannel-contact-form>, with no runtime code: a project names it once,
// `import type {} from "omnichannel-contact-form/solid";`. Solid sets a custom element's props
// as properties, and the element reads attributes, so they are typed as Solid's `attr:` ones
// (`attr:api="contacts"`), its events as `on:contact-saved`. Kept true by
// tests/typescript_types.rs and checked by e2e/tests/frameworks.rs, as docs/frameworks.md shows.
import type { JSX } from "solid-js";
import type {
  ContactFormAttributes,
  ContactFormEventMap,
  OmnichannelContactFormElement,
} from "./contact-form.js";

/** `attr:api="contacts"`: each attribute, set as an attribute. */
export type ContactFormSolidAttributes = {
  [K in keyof ContactFormAttributes as `attr:${K}`]?: ContactFormAttributes[K];
};

/** `on:contact-saved={…}`: each event, given to its listener. */
export type ContactFormSolidEvents = {
  [K in keyof ContactFormEventMap as `on:${K}`]?: (event: ContactFormEventMap[K]) => void;
};

declare module "solid-js" {
  namespace JSX {
    interface IntrinsicElements {
      "omnichannel-contact-form": JSX.HTMLAttributes<OmnichannelContactFormElement> &
        ContactFormSolidAttributes &
        ContactFormSolidEvents;
    }
  }
}
