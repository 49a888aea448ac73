// React 19's JSX for <omnichannel-contact-form>, with no runtime code: a project names it once,
// `import type {} from "omnichannel-contact-form/react";`. Kept true by tests/typescript_types.rs
// and compiled by e2e/tests/frameworks.rs, as docs/frameworks.md shows it.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  ContactFormAttributes,
  ContactFormEventMap,
  OmnichannelContactFormElement,
} from "./contact-form.js";

/** React 19 adds an `on<event>` prop of a custom element as a listener of `<event>`, as written. */
export type ContactFormReactEvents = {
  [K in keyof ContactFormEventMap as `on${K}`]?: (event: ContactFormEventMap[K]) => void;
};

/** The element's props: React's own (`ref`, `key`, `className`, …), its attributes, its events. */
export type ContactFormReactProps = DetailedHTMLProps<
  HTMLAttributes<OmnichannelContactFormElement>,
  OmnichannelContactFormElement
> &
  ContactFormAttributes &
  ContactFormReactEvents;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "omnichannel-contact-form": ContactFormReactProps;
    }
  }
}
