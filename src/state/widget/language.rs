//! The widget's language: chosen from the `locale` asked for and the browser's languages, its
//! catalogue fetched once per page, and switched whenever the `locale` changes (the typing,
//! which lives in the state, stays).

use crate::domain::catalogue::Texts;
use crate::domain::language::Language;
use crate::settings::labels::Labels;
use crate::state::widget::session::Session;
use crate::web::locale;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    /// Catalogues fetched on this page, shared by every widget on it.
    static LOADED: RefCell<Vec<Texts>> = const { RefCell::new(Vec::new()) };
}

fn warn(text: &str) {
    web_sys::console::warn_1(&format!("omnichannel-contact-form: {text}").into());
}

/// The language to speak for the `locale` asked for; an unsupported one is said in the console
/// and the browser's languages decide.
pub fn choose(asked: Option<&str>) -> Language {
    let supported = asked.and_then(|tag| {
        let found = Language::from_tag(tag);
        if found.is_none() {
            warn(&format!(
                "locale \"{tag}\" is not available (en, de, fr, es, pt-BR, ar); the browser's languages decide, else English."
            ));
        }
        found
    });
    Language::choose(supported, &locale::browser_languages())
}

/// `language`'s texts if they are at hand: English, or a catalogue this page fetched already.
pub fn known(language: Language) -> Option<Texts> {
    if language == Language::En {
        return Some(Texts::default());
    }
    LOADED.with_borrow(|all| all.iter().find(|t| t.language() == language).cloned())
}

/// `language`'s texts: English is built in; another language's catalogue is fetched once per
/// page. When it cannot be had, English (and the console says why).
pub async fn texts(language: Language) -> Texts {
    if let Some(texts) = known(language) {
        return texts;
    }
    let tag = language.tag();
    let read = match locale::fetch_catalogue(tag).await {
        Ok(file) => Texts::read(language, &file).map_err(|e| format!("i18n/{tag}.txt: {e}")),
        Err(why) => Err(why),
    };
    match read {
        Ok(texts) => {
            LOADED.with_borrow_mut(|all| all.push(texts.clone()));
            texts
        }
        Err(why) => {
            warn(&format!(
                "the {tag} texts are not available ({why}); English is used."
            ));
            Texts::default()
        }
    }
}

/// Speaks the language `asked` picks, now and at each change. Until another language's texts
/// have come the widget shows nothing (rather than English that then flips); at a switch the
/// old texts stay until the new ones are there. English, or a catalogue already fetched, is
/// in place before the first render.
pub fn follow(session: Session, asked: Signal<Option<String>>, labels: Labels) {
    let wanted = Rc::new(Cell::new(None));
    let speak = move |tag: Option<String>| {
        let language = choose(tag.as_deref());
        // The same language again (`de-AT` after `de`) changes nothing, not even the focus.
        if wanted.replace(Some(language)) == Some(language) {
            return;
        }
        let (wanted, overrides) = (Rc::clone(&wanted), labels.overrides());
        session.spawn(async move {
            let texts = texts(language).await;
            // A later switch wins over a slower fetch.
            if wanted.get() == Some(language) {
                session.speak(texts.with_overrides(overrides));
            }
        });
    };
    speak(asked.get_untracked());
    Effect::watch(
        move || asked.get(),
        move |tag, _, _| speak(tag.clone()),
        false,
    );
}
