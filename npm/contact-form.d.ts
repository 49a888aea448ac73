// Types of the loader, `omnichannel-contact-form` (the package's main entry). Written by hand
// and kept true by tests/typescript_types.rs (every option, value, label key and event of the
// widget is here) and by e2e/tests/npm_package.rs (a sample using all of it type-checks with
// `tsc --strict`, and wrong values do not).

/** Which Rocket.Chat API saves contacts. */
export type Api =
  /** `POST /api/v1/omnichannel/contact`, every Rocket.Chat (the default). */
  | "legacy"
  /** The Contact Center of Rocket.Chat 7.1 and later (`omnichannel/contacts*`). */
  | "contacts"
  /** The Contact Center when the server has it, else the legacy endpoint. */
  | "auto";

/** The languages the widget speaks: English and the five catalogues beside the module. */
export type Language = "en" | "de" | "fr" | "es" | "pt" | "ar";

/**
 * A BCP 47 tag: `en`, `de`, `fr`, `es`, `pt-BR` or `ar`; a region is allowed (`de-AT` speaks
 * German, any `pt` Brazilian Portuguese).
 */
export type Locale = Language | `${Language}-${string}`;

/** When the loader fetches the wasm. */
export type Load =
  /** At once (the default). */
  | "eager"
  /** When the browser is idle (`requestIdleCallback`). */
  | "idle"
  /** When the form scrolls into view. */
  | "visible"
  /** On the first focus, pointer or key in the form. */
  | "interaction";

/** The keys of the `labels` option: the texts a host page may word its own way. */
export type LabelKey =
  | "name"
  | "email"
  | "phone"
  | "contactManager"
  | "register"
  | "update"
  | "newContact"
  | "signOut"
  | "user"
  | "password"
  | "code"
  | "signIn";

/** The options of `mount()`. Every one may be left out. */
export interface Options {
  /**
   * The Rocket.Chat base URL: `https://`, or plain `http://` only on this computer (`localhost`,
   * `127.0.0.0/8`, `[::1]`) unless `allowInsecure`. Default: the page's own origin.
   */
  server?: string;
  /** Which API saves contacts. Default: `"legacy"`. */
  api?: Api;
  /**
   * Lets a plain-`http://` server on another host through: the password and token then cross the
   * network unencrypted. Only for a network you trust. Default: `false`.
   */
  allowInsecure?: boolean;
  /** The signed-in user's own token (with `userId`; without both, the user signs in). */
  authToken?: string;
  /** The signed-in user's id (with `authToken`). */
  userId?: string;
  /** Where a sign-in made in the widget is kept. Default: `"session"`. */
  storage?: "session" | "local";
  /** Light, dark, or following `prefers-color-scheme`. Default: `"light"`. */
  theme?: "light" | "dark" | "auto";
  /** The language. Default: the browser's languages, else English. */
  locale?: Locale;
  /** Seconds a request may take before it is cancelled and said so (0.1 to 600). Default: 15. */
  timeout?: number;
  /** The id of a contact to open first (a CRM record that stores the Rocket.Chat contact id). */
  contactId?: string;
  /** Texts that win over the language's. */
  labels?: Partial<Record<LabelKey, string>>;
  /** When the loader fetches the wasm (the module takes the option and ignores it). Default: `"eager"`. */
  load?: Load;
}

/** A mounted widget. It stays until `unmount()`, whether or not the page keeps the handle. */
export interface Handle {
  /** Removes the widget from its element. */
  unmount(): void;
  /** Switches the language (none: the browser's languages), keeping what was typed. */
  setLocale(locale?: Locale): void;
  /**
   * Opens the contact with this id, asking first over unsaved changes. Resolves once the form
   * shows it; rejects with an `Error` saying why it did not (no such contact, the user kept
   * editing, a save under way, the server's refusal, the widget unmounted).
   */
  open(id: string): Promise<void>;
  /**
   * Shows the import of contacts from a spreadsheet in the form's place, as its **Import
   * contacts** button does. Resolves `true` once asked, `false` when there is nothing to import
   * with (no one signed in, the widget unmounted).
   */
  openImport(): Promise<boolean>;
  /** Frees the handle's own memory (the widget stays: see `unmount`). */
  free(): void;
}

/** `contact-saved`: the server accepted the contact. */
export interface ContactSavedDetail {
  /** The contact's id. */
  contact: string;
  /** The contact's token (legacy API only: a Contact Center contact has none). */
  token?: string;
  /** Whether the save made a new contact. */
  created: boolean;
  /** The API it was saved through. */
  api: "legacy" | "contacts";
}

/** `contact-error`: a failure the user was told about. */
export interface ContactErrorDetail {
  /** The HTTP status; 0 when no answer came (network, timeout, CORS). */
  status: number;
  /** The English sentence, for logs. */
  error: string;
}

/** `contact-opened`: the form now shows this contact. */
export interface ContactOpenedDetail {
  /** The contact's id. */
  contact: string;
  /** The API it was opened through. */
  api: "legacy" | "contacts";
  /** A Contact Center contact not identified yet (a first-time visitor's): saving identifies it. */
  unknown: boolean;
}

/** `contact-deleted`: the contact is deleted from the server (Contact Center). */
export interface ContactDeletedDetail {
  /** The deleted contact's id. */
  contact: string;
}

/** `conversation-opened`: the agent opened one of the contact's past chats in the form. */
export interface ConversationOpenedDetail {
  /** The contact's id. */
  contact: string;
  /** The chat's room id (a host page may link to it in Rocket.Chat). */
  room: string;
}

/** `channel-blocked` / `channel-unblocked`: the agent blocked or unblocked a contact's channel. */
export interface ChannelBlockedDetail {
  /** The contact's id. */
  contact: string;
  /** The channel's name as Rocket.Chat lists it (`widget`, `sms`, an app's label). */
  channel: string;
  /** Whether the server now holds it blocked (read again after the change). */
  blocked: boolean;
}

/** `contacts-imported`: an import of a spreadsheet ended (every row sent, or cancelled). */
export interface ContactsImportedDetail {
  /** The file's name. */
  file: string;
  /** Contacts made. */
  created: number;
  /** Existing contacts updated. */
  updated: number;
  /** Rows left alone (existing contacts, with Skip). */
  skipped: number;
  /** Rows not imported (refused, with errors, or repeated in the file). */
  failed: number;
}

/**
 * `contact-changed-elsewhere`: someone else changed the contact since the form read it. The
 * form kept their values (and says so), or asks about the fields both sides changed.
 */
export interface ContactChangedElsewhereDetail {
  /** The contact's id. */
  contact: string;
  /** The fields: `name`, `email`, `phone`, `contactManager`, `customFields.<id>`. */
  fields: string[];
}

/**
 * Mounts the widget into `element`: the form is drawn at once and the wasm (fetched as
 * `options.load` says) takes it over, keeping what was typed; then `contact-form-ready` fires.
 * Mounting again on the same element replaces the first widget.
 */
export function mount(element: HTMLElement, options?: Options): Handle;

/**
 * `<omnichannel-contact-form>`, defined by importing the package. Attributes: `server`, `api`,
 * `locale`, `theme`, `auth-token`, `user-id`, `contact-id`, `storage`, `load` and the boolean
 * `allow-insecure`, as the options of the same names. Changing `locale` or `theme` keeps what
 * was typed; changing `contact-id` opens that contact; changing `server`, `api` or the
 * credentials mounts a fresh widget.
 */
export interface OmnichannelContactFormElement extends HTMLElement {
  /** Opens contact `id`, as `Handle.open` does. */
  open(id: string): Promise<void>;
  /** Shows the import, as `Handle.openImport` does (rejects when the element is not connected). */
  openImport(): Promise<boolean>;
}

/**
 * The element's attributes as a template writes them, each the option of the same name (the
 * framework declarations beside this file type the element with them).
 */
export interface ContactFormAttributes {
  server?: string;
  api?: Api;
  locale?: Locale;
  theme?: "light" | "dark" | "auto";
  "auth-token"?: string;
  "user-id"?: string;
  "contact-id"?: string;
  storage?: "session" | "local";
  load?: Load;
  /** Present (and not `"false"`) lets a plain-`http://` server through, as `allowInsecure`. */
  "allow-insecure"?: boolean;
}

/** The events the widget dispatches on its element, by name. */
export interface ContactFormEventMap {
  /** The server accepted the contact. */
  "contact-saved": CustomEvent<ContactSavedDetail>;
  /** A failure the user was told about. */
  "contact-error": CustomEvent<ContactErrorDetail>;
  /** The form now shows this contact. */
  "contact-opened": CustomEvent<ContactOpenedDetail>;
  /** The contact was deleted. */
  "contact-deleted": CustomEvent<ContactDeletedDetail>;
  /** Someone else changed the contact meanwhile: their values were kept, or are asked about. */
  "contact-changed-elsewhere": CustomEvent<ContactChangedElsewhereDetail>;
  /** The agent opened one of the contact's past chats. */
  "conversation-opened": CustomEvent<ConversationOpenedDetail>;
  /** The agent blocked one of the contact's channels. */
  "channel-blocked": CustomEvent<ChannelBlockedDetail>;
  /** The agent unblocked one of the contact's channels. */
  "channel-unblocked": CustomEvent<ChannelBlockedDetail>;
  /** An import of a spreadsheet ended. */
  "contacts-imported": CustomEvent<ContactsImportedDetail>;
  /** The wasm has taken the drawn form over (the loader's). */
  "contact-form-ready": CustomEvent<null>;
}

declare global {
  interface HTMLElementEventMap extends ContactFormEventMap {}
  interface HTMLElementTagNameMap {
    "omnichannel-contact-form": OmnichannelContactFormElement;
  }
}
