//! The languages the widget speaks, how one is chosen from BCP 47 tags, its writing direction
//! and its plural rule. Adding a language is one variant here and one catalogue file.

/// A language the widget has a catalogue for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, built in.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Brazilian Portuguese (also what any `pt` tag gets).
    PtBr,
    /// Arabic, written right to left.
    Ar,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 6] = [
        Language::En,
        Language::De,
        Language::Fr,
        Language::Es,
        Language::PtBr,
        Language::Ar,
    ];

    /// The BCP 47 tag: the root's `lang` and the catalogue's file name (`i18n/<tag>.txt`).
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::PtBr => "pt-BR",
            Language::Ar => "ar",
        }
    }

    /// The language for a BCP 47 tag, by its primary subtag: `de-AT` is German, any `pt` is
    /// Brazilian Portuguese. Case and `_` for `-` are forgiven (`pt_br` is seen in the wild).
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Language::ALL
            .into_iter()
            .find(|l| l.tag()[..2].eq_ignore_ascii_case(primary))
    }

    /// The language to speak: the asked one when there is one and it is supported, else the
    /// first supported of the browser's (`navigator.languages`), else English.
    pub fn choose(asked: Option<Language>, browser: &[String]) -> Language {
        asked
            .or_else(|| browser.iter().find_map(|t| Language::from_tag(t)))
            .unwrap_or_default()
    }

    /// The `dir` of the widget's root.
    pub fn dir(self) -> &'static str {
        if self == Language::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// How many plural forms a counted text has, in the order of [`Language::plural`]'s
    /// indexes (CLDR's categories for whole numbers: Arabic has six, the others two).
    pub fn plural_forms(self) -> usize {
        if self == Language::Ar {
            6
        } else {
            2
        }
    }

    /// Which form a count of `n` takes (CLDR plural rules for whole numbers). English, German
    /// and Spanish: one (1), other. French and Portuguese: one (0 and 1), other. Arabic: zero,
    /// one, two, few (3–10 in the last two digits), many (11–99), other.
    pub fn plural(self, n: u64) -> usize {
        match self {
            Language::Ar => match (n, n % 100) {
                (0, _) => 0,
                (1, _) => 1,
                (2, _) => 2,
                (_, 3..=10) => 3,
                (_, 11..=99) => 4,
                _ => 5,
            },
            Language::Fr | Language::PtBr => usize::from(n > 1),
            Language::En | Language::De | Language::Es => usize::from(n != 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn tags_fall_back_to_their_language() {
        let cases = [
            ("de", Some(Language::De)),
            ("de-AT", Some(Language::De)),
            ("DE-ch", Some(Language::De)),
            ("pt", Some(Language::PtBr)),
            ("pt-PT", Some(Language::PtBr)),
            ("pt_br", Some(Language::PtBr)),
            ("ar-SA", Some(Language::Ar)),
            ("en-GB", Some(Language::En)),
            ("fr-CA", Some(Language::Fr)),
            ("es-419", Some(Language::Es)),
            ("zh-Hans", None),
            ("", None),
            ("a", None),
        ];
        for (tag, language) in cases {
            assert_eq!(Language::from_tag(tag), language, "{tag}");
        }
    }

    #[test]
    fn the_asked_language_wins_then_the_browsers_first_supported_then_english() {
        let browser = tags(&["zh-CN", "fr-CA", "de"]);
        assert_eq!(Language::choose(Some(Language::Ar), &browser), Language::Ar);
        assert_eq!(Language::choose(None, &browser), Language::Fr);
        assert_eq!(Language::choose(None, &tags(&["zh", "ja"])), Language::En);
        assert_eq!(Language::choose(None, &[]), Language::En);
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        for language in Language::ALL {
            let rtl = language == Language::Ar;
            assert_eq!(language.dir(), if rtl { "rtl" } else { "ltr" });
        }
    }

    #[test]
    fn plural_forms_follow_each_languages_rule() {
        let forms = |l: Language| [0, 1, 2, 3, 11, 100, 102, 111].map(|n| l.plural(n));
        assert_eq!(forms(Language::En), [1, 0, 1, 1, 1, 1, 1, 1]);
        assert_eq!(forms(Language::De), forms(Language::En));
        assert_eq!(forms(Language::Fr), [0, 0, 1, 1, 1, 1, 1, 1]);
        assert_eq!(forms(Language::PtBr), forms(Language::Fr));
        assert_eq!(forms(Language::Ar), [0, 1, 2, 3, 4, 5, 5, 4]);
        for language in Language::ALL {
            assert!((0..500).all(|n| language.plural(n) < language.plural_forms()));
        }
    }
}
