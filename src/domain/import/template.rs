//! **Download a template**: a file whose header names every column the import maps, so that a
//! file filled in from it is read back column for column: the contact's fields by their labels
//! in the agent's language, then this server's custom fields by theirs.

use crate::domain::custom_fields::CustomField;
use crate::domain::sheet::delimiter::Delimiter;
use crate::domain::sheet::write::for_spreadsheets;

/// The template's name when downloaded.
pub const FILE_NAME: &str = "contacts-template.csv";

/// The template: a header of `fields` (the contact's fields' labels) and `custom`'s labels.
pub fn template(fields: &[&str], custom: &[CustomField]) -> String {
    let labels = custom.iter().map(|f| f.label.as_str());
    let header: Vec<&str> = fields.iter().copied().chain(labels).collect();
    for_spreadsheets([header], Delimiter::Comma)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::custom_fields::FieldKind;
    use crate::domain::field::Field;
    use crate::domain::sheet::columns::{guess_all, Column};
    use crate::domain::sheet::read::read;

    #[test]
    fn a_template_reads_back_column_for_column() {
        let custom = [CustomField {
            id: "customer_no".into(),
            label: "Customer number".into(),
            kind: FieldKind::Text,
            required: false,
            regexp: None,
            default_value: None,
        }];
        for fields in [
            ["Name", "Email", "Phone", "Contact manager"],
            ["Name", "E-Mail", "Telefon", "Kontaktmanager"],
        ] {
            let text = template(&fields, &custom);
            assert!(text.starts_with('\u{FEFF}'), "a BOM for spreadsheets");
            let table = read(text.trim_start_matches('\u{FEFF}'), Delimiter::Comma);
            assert!(
                table.is_empty(),
                "a header, no example to import by mistake"
            );
            let mut expected: Vec<Column> = Field::ALL.into_iter().map(Column::Field).collect();
            expected.push(Column::Custom("customer_no".into()));
            assert_eq!(
                guess_all(&table.header, &[], &custom),
                expected,
                "{fields:?}"
            );
        }
    }
}
