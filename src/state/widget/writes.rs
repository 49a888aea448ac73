//! The widget's one write lock. Every writer takes it: the form's save (and each resend),
//! Resolve and Delete, and any writer to come (the spreadsheet import): so no two writes race,
//! and what one reads again before writing is not changed under it by another of this widget.
//! It lives with the session, not with a writer's state, and a write holds it as a [`Writing`],
//! which gives it back when dropped, however the flow ends (an early return, the widget
//! unmounted mid-way).

use leptos::prelude::*;

/// Whether a write is under way (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Writes {
    busy: RwSignal<bool>,
}

/// A write under way: the lock, given back when this is dropped.
#[derive(Debug)]
pub struct Writing {
    busy: RwSignal<bool>,
}

impl Drop for Writing {
    fn drop(&mut self) {
        // Unmounted meanwhile, there is nothing left to give back.
        let _ = self.busy.try_set(false);
    }
}

impl Writes {
    /// No write under way.
    pub fn new() -> Self {
        Writes {
            busy: RwSignal::new(false),
        }
    }

    /// Takes the lock; `None` while another write holds it (a double click sends one request).
    pub fn begin(&self) -> Option<Writing> {
        if self.busy.get_untracked() {
            return None;
        }
        self.busy.set(true);
        Some(Writing { busy: self.busy })
    }

    /// Whether a write is under way (tracked: `aria-busy` follows it).
    pub fn is_busy(&self) -> bool {
        self.busy.get()
    }

    /// Whether a write is under way, for a handler (untracked).
    pub fn is_busy_now(&self) -> bool {
        self.busy.get_untracked()
    }
}

impl Default for Writes {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_write_at_a_time_and_the_lock_comes_back_however_it_ends() {
        let writes = Writes::new();
        let first = writes.begin().expect("the lock is free");
        assert!(writes.is_busy_now());
        assert!(writes.begin().is_none(), "a second writer waits its turn");
        drop(first);
        assert!(!writes.is_busy_now());
        // A flow that returns early gives it back too.
        let early = |writes: Writes| -> Option<()> {
            let _writing = writes.begin()?;
            None
        };
        assert_eq!(early(writes), None);
        assert!(writes.begin().is_some());
    }
}
