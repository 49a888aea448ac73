// <omnichannel-contact-form>: the widget in an open Shadow DOM. Its styles are one constructed
// stylesheet shared by every element (adoptedStyleSheets): a Content-Security-Policy without
// 'unsafe-inline' blocks an inline <style>, not a constructed sheet.
const ATTRIBUTES = { "server": "server", "api": "api", "locale": "locale", "auth-token": "authToken", "user-id": "userId", "contact-id": "contactId" };
// The theme attribute is pure CSS, so changing it keeps what was typed.
const HOST_CSS = ':host { display: block; } :host([theme="dark"]) .ocf { color-scheme: dark; } :host([theme="auto"]) .ocf { color-scheme: light dark; }';

export function define_contact_form_element(mount, css) {
  if (customElements.get("omnichannel-contact-form")) return;
  let sheet = null;
  const style = (root) => {
    if ("adoptedStyleSheets" in ShadowRoot.prototype && typeof CSSStyleSheet.prototype.replaceSync === "function") {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css + "\n" + HOST_CSS);
      }
      root.adoptedStyleSheets = [sheet];
      return [];
    }
    // Browsers without constructed stylesheets (before Safari 16.4) get a <style> element.
    const element = document.createElement("style");
    element.textContent = css + "\n" + HOST_CSS;
    return [element];
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
      root.replaceChildren(...style(root), mountPoint);
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
