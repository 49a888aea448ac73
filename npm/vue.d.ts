// Vue 3's types for <omnichannel-contact-form>, with no runtime code: a project names it once,
// `import type {} from "omnichannel-contact-form/vue";`, and tells Vue's compiler the tag is a
// custom element (`isCustomElement`). vue-tsc with `strictTemplates` then checks its attributes
// and `@contact-saved`-style events. Kept true by tests/typescript_types.rs and compiled by
// e2e/tests/frameworks.rs, as docs/frameworks.md shows it.
import type { ComponentOptionsMixin, DefineComponent } from "vue";
import type { ContactFormAttributes, ContactFormEventMap } from "./contact-form.js";

/** `contact-id` → `contactId`: Vue checks a template's `contact-id="…"` as that prop. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** The attributes as vue-tsc names them (Vue sets them on the element as written). */
export type ContactFormVueProps = {
  [K in keyof ContactFormAttributes as Camel<K>]: ContactFormAttributes[K];
};

/** `@contact-saved="…"` and the others: each event, given to its handler. */
export type ContactFormVueEmits = {
  [K in keyof ContactFormEventMap]: (event: ContactFormEventMap[K]) => void;
};

declare module "vue" {
  interface GlobalComponents {
    "omnichannel-contact-form": DefineComponent<
      ContactFormVueProps,
      {},
      {},
      {},
      {},
      ComponentOptionsMixin,
      ComponentOptionsMixin,
      ContactFormVueEmits
    >;
  }
}
