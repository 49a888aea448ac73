//! One language's texts: English built in, any other read from its catalogue file
//! (`i18n/<tag>.txt`, one `Key = text` line per [`Text`], in [`Text`]'s order, then one per
//! [`ImportText`]), with the host page's label overrides on top; and the filling of
//! `{placeholders}` and plural forms.

use crate::domain::language::Language;
use crate::domain::texts::{BlockText, ImportText, Text, BLOCK_ENGLISH, ENGLISH, IMPORT_ENGLISH};
use std::sync::Arc;
use thiserror::Error;

/// Opens an isolated value (U+2068 FIRST STRONG ISOLATE): a name or an address put into a
/// sentence keeps its own direction, so an Arabic name cannot reorder an English sentence's
/// parentheses, nor an email address an Arabic one. The view turns each isolate into `<bdi>`.
pub const ISOLATE: char = '\u{2068}';
/// Opens a left-to-right isolate (U+2066 LEFT-TO-RIGHT ISOLATE), which catalogues put around
/// example phone numbers in right-to-left sentences: digits, spaces and `+` have no direction
/// of their own, so without it an RTL paragraph puts the `+` after the number and reverses
/// its groups. The view turns it into `<bdi dir="ltr">`.
pub const LTR: char = '\u{2066}';
/// Closes an isolated value (U+2069 POP DIRECTIONAL ISOLATE).
pub const POP: char = '\u{2069}';

/// Why a catalogue file cannot be used (said in the console; the widget speaks English then).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogueError {
    /// A line is neither `Key = text`, a `#` comment nor empty.
    #[error("line {0} is not \"Key = text\"")]
    Line(usize),
    /// The file has another number of texts than this build (a file of another version).
    #[error("it has {0} texts, this version needs {LINES}")]
    Count(usize),
}

/// How many texts a catalogue file has: [`Text`]'s, then [`ImportText`]'s, then
/// [`BlockText`]'s.
pub const LINES: usize = ENGLISH.len() + IMPORT_ENGLISH.len() + BLOCK_ENGLISH.len();

/// A key of the catalogues: the widget's own texts ([`Text`]), the import's ([`ImportText`],
/// whose English table only the import's code reads, so it travels in the import's chunk) or
/// blocking a channel's ([`BlockText`], in the Conversations part's chunk).
pub trait Key: Copy {
    /// Its line among a catalogue file's texts.
    fn line(self) -> usize;
    /// Its English wording.
    fn english(self) -> &'static str;
    /// The label the host page may override it as, if it is one.
    fn label(self) -> Option<Text>;
}

impl Key for Text {
    fn line(self) -> usize {
        self as usize
    }

    fn english(self) -> &'static str {
        ENGLISH[self as usize]
    }

    fn label(self) -> Option<Text> {
        Some(self)
    }
}

impl Key for ImportText {
    fn line(self) -> usize {
        ENGLISH.len() + self as usize
    }

    fn english(self) -> &'static str {
        IMPORT_ENGLISH[self as usize]
    }

    fn label(self) -> Option<Text> {
        None
    }
}

impl Key for BlockText {
    fn line(self) -> usize {
        ENGLISH.len() + IMPORT_ENGLISH.len() + self as usize
    }

    fn english(self) -> &'static str {
        BLOCK_ENGLISH[self as usize]
    }

    fn label(self) -> Option<Text> {
        None
    }
}

/// Something the widget tells the user, worded in the language of the texts given.
pub trait Say {
    /// The sentence, with values isolated (see [`ISOLATE`]).
    fn say(&self, texts: &Texts) -> String;
}

/// The texts the widget speaks (cheap to clone: the catalogue is shared).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    /// The language of `lines` (English when there are none).
    language: Language,
    /// The catalogue's texts by [`Text`]; `None` for English.
    lines: Option<Arc<[Box<str>]>>,
    /// The host page's `labels`, which win over any language.
    overrides: Arc<Vec<(Text, String)>>,
}

/// The `(key, text)` lines of a catalogue file, checked to be as many as this build's texts.
pub fn parse(file: &str) -> Result<Vec<(&str, &str)>, CatalogueError> {
    let mut lines = Vec::with_capacity(LINES);
    for (n, line) in file.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, text) = line.split_once(" = ").ok_or(CatalogueError::Line(n + 1))?;
        lines.push((key, text));
    }
    if lines.len() == LINES {
        Ok(lines)
    } else {
        Err(CatalogueError::Count(lines.len()))
    }
}

impl Texts {
    /// `language`'s texts from its catalogue file (English needs none).
    pub fn read(language: Language, file: &str) -> Result<Texts, CatalogueError> {
        let lines = parse(file)?.into_iter().map(|(_, t)| t.into()).collect();
        Ok(Texts {
            language,
            lines: Some(lines),
            overrides: Arc::default(),
        })
    }

    /// The same texts with the host page's label overrides on top.
    pub fn with_overrides(self, overrides: Arc<Vec<(Text, String)>>) -> Texts {
        Texts { overrides, ..self }
    }

    /// The language these texts are in (the root's `lang` and `dir`).
    pub fn language(&self) -> Language {
        self.language
    }

    /// A text as it stands (an override, else the language's, else English).
    pub fn get(&self, key: impl Key) -> &str {
        let label = key.label();
        match self.overrides.iter().find(|(k, _)| Some(*k) == label) {
            Some((_, text)) => text,
            None => self
                .lines
                .as_ref()
                .map_or(key.english(), |l| &l[key.line()]),
        }
    }

    /// A text with its `{name}`s replaced by `args`' values, each isolated.
    pub fn fill(&self, key: impl Key, args: &[(&str, &str)]) -> String {
        put(self.get(key), args, "")
    }

    /// A counted text: the plural form the language's rule gives `count`, filled with `count`
    /// as `{count}` and with `args`.
    pub fn count(&self, key: impl Key, count: u64, args: &[(&str, &str)]) -> String {
        let form = self.get(key).split('|').nth(self.language.plural(count));
        put(form.unwrap_or_default(), args, &count.to_string())
    }
}

/// `text` with each `{name}` of `args` replaced by its isolated value, and `{count}` by
/// `count`; other braces stay.
fn put(text: &str, args: &[(&str, &str)], count: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => value,
                None if name == "count" && !count.is_empty() => count,
                None => return None,
            };
            Some((value, close))
        });
        match found {
            Some((value, close)) => {
                out.push(ISOLATE);
                out.push_str(value);
                out.push(POP);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` without its isolates: for logs, events and tests.
pub fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| *c != ISOLATE && *c != POP)
        .collect()
}

/// `Display` through the English texts, so that English has one source: the [`Text`] table.
macro_rules! english_display {
    ($type:ty) => {
        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                use $crate::domain::catalogue::{plain, Say, Texts};
                f.write_str(&plain(&self.say(&Texts::default())))
            }
        }
    };
}
pub(crate) use english_display;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::texts::{BLOCK_NAMES, IMPORT_NAMES, NAMES};
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect()
    }

    fn catalogue(language: Language) -> String {
        let path = format!("{}/i18n/{}.txt", env!("CARGO_MANIFEST_DIR"), language.tag());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Every language has every key, in order, with English's placeholders and, for counted
    /// texts, its own number of plural forms: a missing, extra or misspelt key fails here.
    /// Every key's name and English wording, in a catalogue file's order.
    fn keys() -> Vec<(&'static str, &'static str)> {
        assert_eq!(NAMES.len(), ENGLISH.len());
        assert_eq!(IMPORT_NAMES.len(), IMPORT_ENGLISH.len());
        assert_eq!(BLOCK_NAMES.len(), BLOCK_ENGLISH.len());
        let own = NAMES.iter().zip(ENGLISH);
        let import = IMPORT_NAMES.iter().zip(IMPORT_ENGLISH);
        let block = BLOCK_NAMES.iter().zip(BLOCK_ENGLISH);
        own.chain(import)
            .chain(block)
            .map(|(n, e)| (*n, *e))
            .collect()
    }

    #[test]
    fn every_catalogue_has_every_text_with_the_same_placeholders() {
        let keys = keys();
        for language in &Language::ALL[1..] {
            let file = catalogue(*language);
            let lines = parse(&file).unwrap_or_else(|e| panic!("{}: {e}", language.tag()));
            for (i, (key, text)) in lines.iter().enumerate() {
                let (name, english) = keys[i];
                let at = format!("{}.txt, {name}", language.tag());
                assert_eq!(*key, name, "{at}: keys must follow src/domain/texts.rs");
                assert!(!text.trim().is_empty(), "{at}: empty");
                let counted = english.contains('|');
                let forms: Vec<&str> = text.split('|').collect();
                let wanted = if counted { language.plural_forms() } else { 1 };
                assert_eq!(forms.len(), wanted, "{at}: plural forms");
                let all = placeholders(english);
                for form in &forms {
                    let mine = placeholders(form);
                    assert!(mine.is_subset(&all), "{at}: unknown placeholder in {form}");
                    let without_count =
                        |s: &BTreeSet<&str>| s.iter().filter(|p| **p != "count").count();
                    // A form may say its number in words ("one", "two"), never drop a value.
                    assert_eq!(without_count(&mine), without_count(&all), "{at}: {form}");
                }
                if counted {
                    let other = forms.last().expect("a form");
                    assert!(
                        other.contains("{count}"),
                        "{at}: the last form shows the count"
                    );
                }
            }
            assert!(Texts::read(*language, &file).is_ok());
        }
    }

    #[test]
    fn english_counted_texts_have_one_and_other() {
        for (name, text) in keys() {
            assert!(!text.contains(" = "), "{name}");
            if text.contains('|') {
                assert_eq!(text.split('|').count(), 2, "{name}");
            }
        }
    }

    #[test]
    fn the_import_texts_follow_the_widgets_in_every_catalogue() {
        let de = Texts::read(Language::De, &catalogue(Language::De)).expect("German");
        assert_eq!(de.get(Text::ImportContacts), "Kontakte importieren");
        assert_eq!(de.get(ImportText::BackToForm), "Zurück zum Formular");
        let en = Texts::default();
        assert_eq!(en.get(ImportText::CsvFile), "CSV file");
        assert_eq!(
            plain(&en.count(ImportText::StartImport, 3, &[])),
            "Import 3 contacts"
        );
    }

    #[test]
    fn values_are_put_in_isolated_and_unknown_braces_stay() {
        let t = Texts::default();
        let saved = t.fill(Text::Registered, &[("id", "c1")]);
        assert_eq!(saved, "Contact registered (id \u{2068}c1\u{2069}).");
        assert_eq!(plain(&saved), "Contact registered (id c1).");
        assert_eq!(
            put("{a} {b} {", &[("a", "x")], ""),
            "\u{2068}x\u{2069} {b} {"
        );
    }

    #[test]
    fn counts_take_the_languages_form() {
        let en = Texts::default();
        assert_eq!(
            en.count(Text::NeedAttention, 1, &[]),
            "One field needs attention before saving."
        );
        assert_eq!(
            plain(&en.count(Text::NeedAttention, 3, &[])),
            "3 fields need attention before saving."
        );
        let ar = Texts::read(Language::Ar, &catalogue(Language::Ar)).expect("Arabic");
        let forms: Vec<&str> = ar.get(Text::NeedAttention).split('|').collect();
        for (n, form) in [(0, 0), (1, 1), (2, 2), (5, 3), (12, 4), (100, 5)] {
            let said = plain(&ar.count(Text::NeedAttention, n, &[]));
            assert_eq!(said, forms[form].replace("{count}", &n.to_string()), "{n}");
        }
    }

    #[test]
    fn overrides_win_key_by_key_over_the_language() {
        let de = Texts::read(Language::De, &catalogue(Language::De)).expect("German");
        let name = de.get(Text::Name).to_owned();
        let de = de.with_overrides(Arc::new(vec![(Text::Register, "Anlegen".into())]));
        assert_eq!(de.get(Text::Register), "Anlegen");
        assert_eq!(de.get(Text::Name), name);
        assert_eq!(de.language(), Language::De);
    }

    #[test]
    fn a_file_of_another_version_or_shape_is_refused() {
        assert_eq!(parse("# nothing"), Err(CatalogueError::Count(0)));
        assert_eq!(parse("Name = Name\nbroken"), Err(CatalogueError::Line(2)));
    }
}
