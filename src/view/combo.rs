//! The one combobox mechanism (the WAI-ARIA pattern) of the contact-manager picker and the
//! contact search: whether the list is shown, the highlighted option, a look-up that waits for
//! a pause in typing, which look-up is the latest (a late answer to an earlier one is dropped),
//! and the keys: ArrowDown/ArrowUp move, Enter picks, Escape closes.

use crate::domain::agents::{step, Key};
use crate::view::input::{option_id, Combobox};
use crate::web::timer::Timer;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// A combobox's list state (cheap to copy).
#[derive(Clone, Copy)]
pub struct Combo {
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    timer: Timer,
    /// Counts look-ups, so that only the latest answer is shown.
    asked: StoredValue<u32>,
}

impl Combo {
    /// A closed list.
    pub fn new() -> Self {
        Combo {
            open: RwSignal::new(false),
            active: RwSignal::new(None),
            timer: Timer::new(),
            asked: StoredValue::new(0),
        }
    }

    /// Closes the list and forgets a pending look-up (its answer, if one comes, is dropped).
    pub fn close(&self) {
        self.timer.clear();
        self.asked.update_value(|n| *n = n.wrapping_add(1));
        self.open.set(false);
        self.active.set(None);
    }

    /// Shows or hides the list.
    pub fn show(&self, open: bool) {
        self.open.set(open);
    }

    /// Whether the list is shown (tracked).
    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// Whether option `i` is highlighted (tracked).
    pub fn is_active(&self, i: usize) -> bool {
        self.active.get() == Some(i)
    }

    /// Runs `lookup` once typing pauses for `ms` milliseconds, with its ticket: while
    /// [`Combo::is_current`] holds for it, its answer is the one to show.
    pub fn later(&self, ms: u64, lookup: impl FnOnce(u32) + 'static) {
        let ticket = self.asked.get_value();
        self.timer
            .start(Duration::from_millis(ms), move || lookup(ticket));
    }

    /// The latest look-up's ticket (a follow-up of it, like "Show more", goes with it).
    pub fn ticket(&self) -> u32 {
        self.asked.get_value()
    }

    /// Whether the look-up with `ticket` is still the latest (and the widget still there).
    pub fn is_current(&self, ticket: u32) -> bool {
        self.asked.try_get_value() == Some(ticket)
    }

    /// The combobox half that goes on the input: `len()` options listed now, `pick(i)` takes
    /// option `i`. Enter with no option highlighted is left to the input (a form submits).
    pub fn combobox(
        &self,
        len: impl Fn() -> usize + Copy + Send + Sync + 'static,
        pick: Callback<usize>,
    ) -> Combobox {
        let combo = *self;
        let on_keydown = Callback::new(move |ev: web_sys::KeyboardEvent| {
            let open = combo.open.get_untracked();
            let key = match ev.key().as_str() {
                "ArrowDown" => Key::Down,
                "ArrowUp" if open => Key::Up,
                "Enter" if open => {
                    match combo.active.get_untracked() {
                        Some(i) => {
                            ev.prevent_default(); // picking is not submitting
                            pick.run(i);
                        }
                        None => combo.close(),
                    }
                    return;
                }
                "Escape" if open => {
                    ev.prevent_default();
                    combo.close();
                    return;
                }
                _ => return,
            };
            let len = len();
            if len > 0 {
                ev.prevent_default();
                combo.open.set(true);
                combo
                    .active
                    .set(step(combo.active.get_untracked(), len, key));
            }
        });
        Combobox {
            expanded: self.open.into(),
            active: self.active.into(),
            on_keydown,
            on_blur: self.on_blur(),
        }
    }

    /// Leaving the field closes the list; moving within it (to a "Show more" button under
    /// the list) does not.
    pub fn on_blur(&self) -> Callback<web_sys::FocusEvent> {
        let combo = *self;
        Callback::new(move |ev: web_sys::FocusEvent| {
            let field = |target: Option<web_sys::EventTarget>| {
                let element = target?.dyn_into::<web_sys::Element>().ok()?;
                element.closest(".ocf-field").ok().flatten()
            };
            let to = field(ev.related_target());
            if to.is_none() || to != field(ev.target()) {
                combo.close();
            }
        })
    }
}

/// The list of the combobox input `input_id`, named `label`: `labels()` as its options (each
/// made again when they change), option `i` taken with `pick(i)`. Shown while the combo is open.
pub fn listbox(
    combo: Combo,
    input_id: String,
    label: String,
    labels: impl Fn() -> Vec<String> + Send + Sync + 'static,
    pick: Callback<usize>,
) -> impl IntoView {
    let list_id = format!("{input_id}-list");
    view! {
        <ul class="ocf-listbox" id=list_id role="listbox" aria-label=label hidden=move || !combo.is_open()>
            {move || labels().into_iter().enumerate().map(|(i, text)| {
                view! {
                    <li
                        id=option_id(&input_id, i)
                        role="option"
                        class:ocf-option--active=move || combo.is_active(i)
                        aria-selected=move || combo.is_active(i).to_string()
                        // mousedown, not click: the input keeps focus, so blur does not close first
                        on:mousedown=move |ev| {
                            ev.prevent_default();
                            pick.run(i);
                        }
                    >
                        {text}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

impl Default for Combo {
    fn default() -> Self {
        Self::new()
    }
}
