//! Every row checked before anything is sent, by the form's own rules (the same code, not a
//! copy): the name required, emails and phones normalised as the form does, the custom fields'
//! required, pattern and option rules. A row of another width than the header is reported on
//! its own line; a row that repeats an email or phone of an earlier ready row is flagged, not
//! sent. Nothing here fails the file.

use crate::domain::custom_fields::{self, CustomField, CustomFieldError, Values};
use crate::domain::field::{Field, FieldError, Place};
use crate::domain::sheet::columns::Column;
use crate::domain::sheet::read::{Row, Table};
use crate::domain::sheet::seen::Seen;
use crate::domain::validate::{validate, ContactDraft, Lower, ValidContact};
use std::borrow::Cow;

/// What a row is checked against.
pub struct Rules<'a> {
    /// What each column holds, by position: one per cell of the header.
    pub columns: &'a [Column],
    /// The custom fields the server takes.
    pub custom: &'a [CustomField],
    /// Whether the server is the Contact Center (several emails and phones per contact).
    pub center: bool,
    /// Lower-cases an email as the form does.
    pub lower: Lower,
    /// Runs a custom field's pattern (`None`: the server decides).
    pub matches: &'a dyn Fn(&str, &str) -> Option<bool>,
}

/// Why a row cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The row has `cells` cells where the header has `header`.
    Width {
        /// The row's cells.
        cells: usize,
        /// The header's.
        header: usize,
    },
    /// A contact field's value, as the form would say it under the input.
    Field(Place, FieldError),
    /// A custom field's value.
    Custom(CustomFieldError),
    /// Several values of a field the legacy endpoint keeps one of.
    OnlyOne(Field),
}

/// A row ready to send: the contact as the form would send it, and its custom fields. Made
/// when the row is sent (by [`ready`]), not kept for every row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready {
    /// The checked contact.
    pub contact: ValidContact,
    /// Its custom fields, by id (empty ones left out).
    pub custom: Values,
}

/// What the check made of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// To be sent.
    Ready,
    /// Not to be sent, and why.
    Invalid(Vec<Problem>),
    /// An email or phone of the ready row on `line` again: not sent.
    Repeated {
        /// The earlier row's line.
        line: usize,
    },
}

/// A row checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The line the row starts on.
    pub line: usize,
    /// What is to be done with it.
    pub verdict: Verdict,
}

/// How many rows of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Every row.
    pub rows: usize,
    /// Ready to send.
    pub ready: usize,
    /// With errors.
    pub invalid: usize,
    /// Repeated in the file.
    pub repeated: usize,
}

impl Summary {
    /// Counts `checked`.
    pub fn of(checked: &[Checked]) -> Summary {
        let mut summary = Summary {
            rows: checked.len(),
            ..Summary::default()
        };
        for row in checked {
            match row.verdict {
                Verdict::Ready => summary.ready += 1,
                Verdict::Invalid(_) => summary.invalid += 1,
                Verdict::Repeated { .. } => summary.repeated += 1,
            }
        }
        summary
    }
}

/// Checks every row of `table`.
pub fn check(table: &Table, rules: &Rules) -> Vec<Checked> {
    let mut checker = Checker::default();
    checker.check(table, table.len(), rules);
    checker.done()
}

/// Checks a table's rows a slice at a time (a large file's checks between the page's other
/// work), with the same verdicts as [`check`]. The emails and phones of the ready rows are
/// kept as [`Seen`] by row: a hash met again is made sure of by checking that row again.
#[derive(Debug, Default)]
pub struct Checker {
    /// The emails and phones of the ready rows so far, by row index.
    seen: Seen,
    checked: Vec<Checked>,
}

impl Checker {
    /// Checks up to `count` more rows of `table`; `false` once every row is checked.
    pub fn check(&mut self, table: &Table, count: usize, rules: &Rules) -> bool {
        let from = self.checked.len();
        let to = table.len().min(from.saturating_add(count));
        self.checked.reserve_exact(table.len() - from);
        for index in from..to {
            let Some(row) = table.row(index) else { break };
            let verdict = match ready(&row, rules) {
                Ok(ready) => self.first(table, index, &ready, rules),
                Err(problems) => Verdict::Invalid(problems),
            };
            self.checked.push(Checked {
                line: row.line,
                verdict,
            });
        }
        self.checked.len() < table.len()
    }

    /// Row `index`'s verdict when its emails and phones are first seen there (they are kept),
    /// else the earlier row's.
    fn first(&mut self, table: &Table, index: usize, ready: &Ready, rules: &Rules) -> Verdict {
        for value in ready.contact.values() {
            let earlier = self.seen.find(value, |i| holds(table, i, value, rules));
            if let Some(line) = earlier.and_then(|i| table.row(i)).map(|r| r.line) {
                return Verdict::Repeated { line };
            }
        }
        for value in ready.contact.values() {
            self.seen.insert(value, index);
        }
        Verdict::Ready
    }

    /// Every row's verdict, in the table's order.
    pub fn done(self) -> Vec<Checked> {
        self.checked
    }
}

/// Whether the ready row `index` of `table` has `value` among its emails and phones.
fn holds(table: &Table, index: usize, value: &str, rules: &Rules) -> bool {
    let ready = table.row(index).map(|row| ready(&row, rules));
    matches!(ready, Some(Ok(ready)) if ready.contact.values().any(|v| v == value))
}

/// `row` as the form would send it, or why it cannot be sent (an email or phone of an earlier
/// row is not looked at here: see [`Checker`]).
pub fn ready(row: &Row, rules: &Rules) -> Result<Ready, Vec<Problem>> {
    let width = row.width();
    if width != rules.columns.len() {
        return Err(vec![Problem::Width {
            cells: width,
            header: rules.columns.len(),
        }]);
    }
    let (draft, custom) = draft_of(row, rules.columns);
    let mut problems = Vec::new();
    if !rules.center {
        for (field, more) in [
            (Field::Email, &draft.more_emails),
            (Field::Phone, &draft.more_phones),
        ] {
            if !more.is_empty() {
                problems.push(Problem::OnlyOne(field));
            }
        }
    }
    let checked = validate(&draft, rules.lower);
    if let Err(errors) = &checked {
        for field in Field::ALL {
            if let Some(error) = errors.get(field) {
                problems.push(Problem::Field(Place::first(field), *error));
            }
        }
        problems.extend(errors.rows.iter().map(|(p, e)| Problem::Field(*p, *e)));
    }
    let refused = custom_fields::check_all(rules.custom, &custom, rules.matches);
    problems.extend(refused.into_iter().map(|(_, e)| Problem::Custom(e)));
    match checked {
        Ok(contact) if problems.is_empty() => {
            let custom = custom.into_iter().filter(|(_, v)| !v.is_empty()).collect();
            Ok(Ready { contact, custom })
        }
        _ => Err(problems),
    }
}

/// The row as the form's inputs would hold it: names of several Name columns joined, each
/// email and phone cell split on `;`, `,` and line breaks, the first manager given.
fn draft_of(row: &Row, columns: &[Column]) -> (ContactDraft, Values) {
    let mut names = Vec::new();
    let (mut emails, mut phones) = (Vec::new(), Vec::new());
    let mut manager = String::new();
    let mut custom = Values::new();
    for (column, cell) in columns.iter().zip(row.cells()) {
        let cell = match cell {
            Cow::Borrowed(cell) => Cow::Borrowed(cell.trim()),
            Cow::Owned(cell) => Cow::Owned(cell.trim().to_owned()),
        };
        match column {
            Column::Ignore => {}
            Column::Field(Field::Name) if !cell.is_empty() => names.push(cell),
            Column::Field(Field::Name) => {}
            Column::Field(Field::Email) => emails.extend(values(&cell)),
            Column::Field(Field::Phone) => phones.extend(values(&cell)),
            Column::Field(Field::ContactManager) if manager.is_empty() => {
                manager = cell.into_owned()
            }
            Column::Field(Field::ContactManager) => {}
            Column::Custom(id) => custom_fields::fill_empty(&mut custom, id, cell.into_owned()),
        }
    }
    let mut emails = emails.into_iter();
    let mut phones = phones.into_iter();
    let draft = ContactDraft {
        name: names.join(" "),
        email: emails.next().unwrap_or_default(),
        phone: phones.next().unwrap_or_default(),
        contact_manager: manager,
        more_emails: emails.collect(),
        more_phones: phones.collect(),
    };
    (draft, custom)
}

/// The values of a cell that may hold several.
fn values(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::custom_fields::FieldKind;
    use crate::domain::sheet::delimiter::Delimiter;
    use crate::domain::sheet::read::read;

    fn lower(s: &str) -> String {
        s.to_lowercase()
    }

    /// No field here has a pattern: the server would decide.
    fn matches(_pattern: &str, _value: &str) -> Option<bool> {
        None
    }

    fn fields() -> Vec<CustomField> {
        vec![CustomField {
            id: "tier".into(),
            label: "Tier".into(),
            kind: FieldKind::Select(vec!["gold".into(), "silver".into()]),
            required: false,
            regexp: None,
            default_value: None,
        }]
    }

    fn checked(csv: &str, center: bool) -> Vec<Checked> {
        checked_by(csv, center, usize::MAX)
    }

    /// `csv` checked `slice` rows at a time.
    fn checked_by(csv: &str, center: bool, slice: usize) -> Vec<Checked> {
        with_rules(csv, center, |table, rules| {
            if slice == usize::MAX {
                return check(table, rules);
            }
            let mut checker = Checker::default();
            while checker.check(table, slice, rules) {}
            checker.done()
        })
    }

    /// `csv` read, and the rules its columns are checked by.
    fn with_rules<R>(csv: &str, center: bool, run: impl FnOnce(&Table, &Rules) -> R) -> R {
        let table = read(csv, Delimiter::of(csv));
        let columns = [
            Column::Field(Field::Name),
            Column::Field(Field::Email),
            Column::Field(Field::Phone),
            Column::Custom("tier".into()),
            Column::Ignore,
        ];
        let custom = fields();
        let rules = Rules {
            columns: &columns,
            custom: &custom,
            center,
            lower,
            matches: &matches,
        };
        run(&table, &rules)
    }

    #[test]
    fn rows_checked_a_slice_at_a_time_get_the_same_verdicts_repeats_across_slices_too() {
        let mut csv = String::from("n,e,p,t,x\n");
        for i in 0..25 {
            // Every seventh row repeats the email of the row before it; every fifth is bad.
            let email = match i {
                i if i % 7 == 6 => format!("p{}@x.org", i - 1),
                i if i % 5 == 4 => "bad".to_owned(),
                i => format!("p{i}@x.org"),
            };
            csv.push_str(&format!("P {i},{email},,,\n"));
        }
        let whole = checked(&csv, false);
        assert_eq!(whole.len(), 25);
        assert!(whole
            .iter()
            .any(|c| matches!(c.verdict, Verdict::Repeated { .. })));
        for slice in [1, 2, 3, 10, 24, 25, 26] {
            assert_eq!(checked_by(&csv, false, slice), whole, "slices of {slice}");
        }
    }

    #[test]
    fn a_good_row_is_ready_as_the_form_would_send_it() {
        let csv = "Name;E-Mail;Telefon;Tier;Notiz\nJürgen Müller;\"A@X.org, b@x.org\";+49 30 1234567;gold;hi\n";
        assert_eq!(checked(csv, true)[0].verdict, Verdict::Ready);
        let ready = with_rules(csv, true, |table, rules| {
            ready(&table.row(0).unwrap(), rules)
        });
        let ready = ready.expect("ready");
        assert_eq!(ready.contact.name, "Jürgen Müller");
        assert_eq!(ready.contact.email.as_deref(), Some("a@x.org"));
        assert_eq!(ready.contact.more_emails, ["b@x.org"]);
        assert_eq!(ready.contact.phone.as_deref(), Some("+49301234567"));
        assert_eq!(ready.custom, [("tier".to_owned(), "gold".to_owned())]);
    }

    #[test]
    fn each_problem_is_said_on_its_row_and_the_rest_go_on() {
        let rows = checked(
            "n,e,p,t,x\n,bad,12ab,bronze,\nshort\nAda,ada@x.org,,,\n",
            true,
        );
        assert_eq!(rows.len(), 3);
        let Verdict::Invalid(problems) = &rows[0].verdict else {
            panic!("{rows:?}");
        };
        assert!(problems.contains(&Problem::Field(
            Place::first(Field::Name),
            FieldError::NameMissing
        )));
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::Field(place, _) if place.field == Field::Email)));
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::Field(place, _) if place.field == Field::Phone)));
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::Custom(CustomFieldError::NotAnOption { .. }))));
        assert_eq!(
            rows[1].verdict,
            Verdict::Invalid(vec![Problem::Width {
                cells: 1,
                header: 5
            }])
        );
        assert!(matches!(rows[2].verdict, Verdict::Ready));
        assert_eq!(
            Summary::of(&rows),
            Summary {
                rows: 3,
                ready: 1,
                invalid: 2,
                repeated: 0
            }
        );
    }

    #[test]
    fn a_repeated_email_or_phone_is_flagged_not_sent() {
        let rows = checked(
            "n,e,p,t,x\nAda,ada@x.org,,,\nAda B,ADA@x.org,,,\nCy,,+49 30 1234567,,\nDee,d@x.org,+49301234567,,\n",
            true,
        );
        assert_eq!(rows[1].verdict, Verdict::Repeated { line: 2 });
        assert_eq!(rows[3].verdict, Verdict::Repeated { line: 4 });
        assert_eq!(Summary::of(&rows).repeated, 2);
    }

    #[test]
    fn the_legacy_endpoint_keeps_one_email_and_one_phone() {
        let rows = checked("n,e,p,t,x\nAda,\"a@x.org;b@x.org\",,,\n", false);
        assert_eq!(
            rows[0].verdict,
            Verdict::Invalid(vec![Problem::OnlyOne(Field::Email)])
        );
    }
}
