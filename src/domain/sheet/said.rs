//! What the import says about a row it will not send, in the agent's language: "Row 12: Enter
//! an email address like name@example.com." A field's error is the very sentence the form
//! shows under its input, after the field's name.

use crate::domain::catalogue::{Say, Texts};
use crate::domain::field::{Field, Place};
use crate::domain::sheet::check::{Checked, Problem, Verdict};
use crate::domain::texts::{ImportText, Text};

impl Say for Problem {
    fn say(&self, t: &Texts) -> String {
        match self {
            Problem::Width { cells, header } => t.fill(
                ImportText::RowWidth,
                &[
                    ("cells", &cells.to_string()),
                    ("header", &header.to_string()),
                ],
            ),
            Problem::Field(place, error) => format!("{}: {}", named(*place, t), error.say(t)),
            Problem::Custom(error) => error.say(t),
            Problem::OnlyOne(field) => {
                t.fill(ImportText::OnlyOne, &[("field", t.get(field.label()))])
            }
        }
    }
}

/// A field's name as the form labels it: "Email", or "Email 2" for the second.
fn named(place: Place, t: &Texts) -> String {
    let row = match place.field {
        Field::Email => Text::EmailRow,
        Field::Phone => Text::PhoneRow,
        field => return t.get(field.label()).to_owned(),
    };
    match place.row {
        0 => t.get(place.field.label()).to_owned(),
        n => t.fill(row, &[("n", &(n + 1).to_string())]),
    }
}

/// Why the row `checked` is not sent; `None` for a ready row.
pub fn reason(checked: &Checked, t: &Texts) -> Option<String> {
    Some(match &checked.verdict {
        Verdict::Ready => return None,
        Verdict::Invalid(problems) => problems
            .iter()
            .map(|p| p.say(t))
            .collect::<Vec<_>>()
            .join(" "),
        Verdict::Repeated { line } => {
            t.fill(ImportText::RowRepeated, &[("line", &line.to_string())])
        }
    })
}

/// A row not imported, on its line: "Row 12: …".
pub fn on_row(line: usize, reason: &str, t: &Texts) -> String {
    let line = line.to_string();
    t.fill(
        ImportText::RowProblem,
        &[("line", &line), ("reason", reason)],
    )
}

/// Why the row `checked` is not sent, on its line ("Row 12: …"); `None` for a ready row.
pub fn why_not(checked: &Checked, t: &Texts) -> Option<String> {
    Some(on_row(checked.line, &reason(checked, t)?, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::plain;
    use crate::domain::field::FieldError;

    #[test]
    fn each_reason_is_said_on_its_row() {
        let t = Texts::default();
        let invalid = |problems| Checked {
            line: 12,
            verdict: Verdict::Invalid(problems),
        };
        let said = |c: &Checked| plain(&why_not(c, &t).unwrap());
        assert_eq!(
            said(&invalid(vec![Problem::Width {
                cells: 3,
                header: 4
            }])),
            "Row 12: The row's cell count (3) differs from the header's (4)."
        );
        assert_eq!(
            said(&invalid(vec![
                Problem::Field(Place::first(Field::Name), FieldError::NameMissing),
                Problem::Field(
                    Place {
                        field: Field::Email,
                        row: 1
                    },
                    FieldError::EmailShape
                ),
            ])),
            "Row 12: Name: Enter the contact's name. Email 2: Enter an email address like name@example.com."
        );
        assert_eq!(
            said(&invalid(vec![Problem::OnlyOne(Field::Phone)])),
            "Row 12: Phone: this Rocket.Chat keeps one per contact, and the row has several."
        );
        let repeated = Checked {
            line: 7,
            verdict: Verdict::Repeated { line: 3 },
        };
        assert_eq!(
            said(&repeated),
            "Row 7: It repeats an email or phone of row 3, so it is not sent."
        );
    }
}
