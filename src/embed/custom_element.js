// <omnichannel-contact-form>: the widget in an open Shadow DOM. Its styles are widget.css, the
// very file the page's loader and its <link> use, fetched once from beside the module (this
// snippet sits four folders below it, in snippets/<crate>/src/embed/; bundlers follow the
// `new URL(…, import.meta.url)` too) into one constructed stylesheet every element shares
// (adoptedStyleSheets): a Content-Security-Policy without 'unsafe-inline' blocks an inline
// <style>, not a constructed sheet. Each form is shown once styled, so nothing moves.
const ATTRIBUTES = { "server": "server", "api": "api", "locale": "locale", "auth-token": "authToken", "user-id": "userId", "contact-id": "contactId" };
const CSS = new URL("../../../../widget.css", import.meta.url);
// The theme attribute is pure CSS, so changing it keeps what was typed.
const HOST_CSS = ':host { display: block; } :host([theme="dark"]) .ocf { color-scheme: dark; } :host([theme="auto"]) .ocf { color-scheme: light dark; }';

export function define_contact_form_element(mount) {
  if (customElements.get("omnichannel-contact-form")) return;
  // The sheet, or (before Safari 16.4, which has no constructed sheets) its text for a <style>;
  // fetched again by the next element when it failed.
  let sheet = null;
  const styles = () => sheet ||= fetch(CSS)
    .then((r) => r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`)))
    .then((css) => {
      // Asked here, not when the module loads: a page rendered in Node first has no ShadowRoot.
      const constructed = "adoptedStyleSheets" in ShadowRoot.prototype && typeof CSSStyleSheet.prototype.replaceSync === "function";
      if (!constructed) return css + "\n" + HOST_CSS;
      const made = new CSSStyleSheet();
      made.replaceSync(css + "\n" + HOST_CSS);
      return made;
    })
    .catch((error) => { sheet = null; throw error; });
  const style = (root, point) => {
    point.hidden = true;
    const show = () => { point.hidden = false; };
    styles().then((made) => {
      if (!point.isConnected) return;
      if (typeof made !== "string") { root.adoptedStyleSheets = [made]; return; }
      const element = document.createElement("style");
      element.textContent = made;
      root.prepend(element);
    }).then(show, show);
  };
  customElements.define("omnichannel-contact-form", class extends HTMLElement {
    static get observedAttributes() { return [...Object.keys(ATTRIBUTES), "allow-insecure"]; }
    connectedCallback() { this.render(); }
    disconnectedCallback() { this.unmount(); }
    // A new locale switches the language in place, keeping what was typed (as theme does); a
    // new contact-id opens that contact (asking first if what was typed would be dropped).
    attributeChangedCallback(name, old, value) {
      if (!this.handle) return;
      if (name === "locale") this.handle.setLocale(value === null ? undefined : value);
      else if (name === "contact-id") { if (value) this.open(value).catch(() => {}); }
      else this.render();
    }
    // Opens contact `id`; settles as handle.open does.
    open(id) {
      return this.handle ? this.handle.open(id) : Promise.reject(new Error("the element is not connected"));
    }
    // Shows the import; settles as handle.openImport does.
    openImport() {
      return this.handle ? this.handle.openImport() : Promise.reject(new Error("the element is not connected"));
    }
    unmount() {
      if (!this.handle) return;
      this.handle.unmount();
      this.handle.free();
      this.handle = null;
    }
    render() {
      this.unmount();
      const root = this.shadowRoot || this.attachShadow({ mode: "open" });
      const mountPoint = document.createElement("div");
      root.replaceChildren(mountPoint);
      style(root, mountPoint);
      const options = {};
      for (const [attribute, key] of Object.entries(ATTRIBUTES)) {
        const value = this.getAttribute(attribute);
        if (value !== null) options[key] = value;
      }
      // Present, or "true": Vue and Solid write a false one as "false", which must not open http://.
      if (![null, "false"].includes(this.getAttribute("allow-insecure"))) options.allowInsecure = true;
      this.handle = mount(mountPoint, options);
    }
  });
}
