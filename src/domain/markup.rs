//! Markup safe by type. The widget runs in the host page's origin, where the agent's sign-in
//! lives, so what it puts into `innerHTML` must never carry markup from a value: a contact's
//! name, a chat message, a server's error text. [`Markup`] can only be made here: by the one
//! escaper (every value, as text), from the widget's own sentences (escaped, their isolates as
//! `<bdi>`), and from markup written in the source (`&'static str`). Views set `inner_html`
//! only through [`html`] or [`live`], which take nothing but `Markup`; `tests/architecture.rs`
//! refuses any other `inner_html`.

use crate::domain::catalogue::{ISOLATE, LTR, POP};

/// HTML that is safe to put into `innerHTML`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup(String);

/// Appends `text` to `out` escaped: it can only ever read as those characters.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

impl Markup {
    /// Nothing.
    pub fn new() -> Self {
        Markup(String::new())
    }

    /// A sentence of the widget's texts (a catalogue's, with values put in): escaped, each
    /// isolate a `<bdi>` (which copies as plain text, unlike the isolate characters). The only
    /// markup in it is `<bdi>`, whatever the values and the catalogue hold.
    pub fn said(text: &str) -> Self {
        let mut markup = Markup::new();
        markup.say(text);
        markup
    }

    /// Appends markup written in this program's source: a tag, never a value.
    pub fn tag(&mut self, source: &'static str) -> &mut Self {
        self.0.push_str(source);
        self
    }

    /// Appends `text` as text (what a person typed or a server sent: its isolate marks are
    /// characters like any other).
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }

    /// Appends a sentence of the widget's texts (see [`Markup::said`]).
    pub fn say(&mut self, text: &str) -> &mut Self {
        let mut rest = text;
        while let Some(at) = rest.find([ISOLATE, LTR, POP]) {
            escape(&mut self.0, &rest[..at]);
            let mark = rest[at..].chars().next().unwrap_or(POP);
            self.0.push_str(match mark {
                ISOLATE => "<bdi>",
                LTR => "<bdi dir=\"ltr\">",
                _ => "</bdi>",
            });
            rest = &rest[at + mark.len_utf8()..];
        }
        escape(&mut self.0, rest);
        self
    }

    /// Appends other markup.
    pub fn append(&mut self, other: &Markup) -> &mut Self {
        self.0.push_str(&other.0);
        self
    }

    /// `parts` with `by` between them.
    pub fn join(parts: &[Markup], by: &'static str) -> Markup {
        let mut out = Markup::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                out.tag(by);
            }
            out.append(part);
        }
        out
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The HTML, to read (tests, logs).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The HTML of `markup`, for a view's `inner_html` (the only way one is set).
pub fn html(markup: Markup) -> String {
    markup.0
}

/// The HTML `markup()` gives each time it is read, for a view's reactive `inner_html`.
pub fn live(
    markup: impl Fn() -> Markup + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync {
    move || markup().0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Texts;
    use crate::domain::texts::Text;

    #[test]
    fn values_are_text_and_sentences_have_only_bdi() {
        let t = Texts::default();
        let said = t.fill(
            Text::Rejected,
            &[("message", "<img src=x onerror=alert(1)> & \"q\" 'a'")],
        );
        assert_eq!(
            Markup::said(&said).as_str(),
            "The server refused the contact: <bdi>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;</bdi>"
        );
        assert_eq!(Markup::said("a < b").as_str(), "a &lt; b");
        assert_eq!(
            Markup::said("\u{2066}+966\u{2069}").as_str(),
            "<bdi dir=\"ltr\">+966</bdi>"
        );
        // A person's text keeps its isolate marks as characters, never as markup.
        let mut typed = Markup::new();
        typed.tag("<p>").text("\u{2068}<b>x</b>'").tag("</p>");
        assert_eq!(typed.as_str(), "<p>\u{2068}&lt;b&gt;x&lt;/b&gt;&#39;</p>");
        let parts = [Markup::said("a"), Markup::said("b&c")];
        assert_eq!(Markup::join(&parts, " · ").as_str(), "a · b&amp;c");
        assert_eq!(html(Markup::said("<")), "&lt;");
        assert_eq!(live(|| Markup::said(">"))(), "&gt;");
    }
}
