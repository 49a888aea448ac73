//! What each column of a spreadsheet holds. A header is matched on its own, case- and
//! space-insensitively, against the names the widget gives each field in all six languages,
//! the host page's `labels`, Rocket.Chat's own importer columns (`name`, `emails`, `phones`,
//! `manager`), and the custom fields' ids and labels; anything else is ignored, never guessed.
//! The agent can change every column's choice.

use crate::domain::custom_fields::CustomField;
use crate::domain::field::Field;
use crate::domain::texts::ENGLISH;

include!(concat!(env!("OUT_DIR"), "/field_names.rs"));

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// Nothing the import sends.
    Ignore,
    /// A contact field (several Email or Phone columns add up).
    Field(Field),
    /// A visitor custom field, by id.
    Custom(String),
}

/// The header's key for matching: lower case, without white space.
fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The catalogue key of a field (as `i18n/*.txt` and [`FIELD_NAMES`] write it) and the column
/// Rocket.Chat's own importer reads it from.
fn keys(field: Field) -> (&'static str, &'static str) {
    match field {
        Field::Name => ("Name", "name"),
        Field::Email => ("Email", "emails"),
        Field::Phone => ("Phone", "phones"),
        Field::ContactManager => ("ContactManager", "manager"),
    }
}

/// Every name `field` goes by: English, each catalogue's, Rocket.Chat's importer column, and
/// the host page's label for it (`labels`).
fn names(field: Field, labels: &[(Field, String)]) -> impl Iterator<Item = &str> {
    let (catalogue, importer) = keys(field);
    let english = ENGLISH[field.label() as usize];
    let translated = FIELD_NAMES
        .iter()
        .filter(move |(k, _)| *k == catalogue)
        .map(|(_, name)| *name);
    let given = labels
        .iter()
        .filter(move |(f, _)| *f == field)
        .map(|(_, l)| l.as_str());
    [english, importer]
        .into_iter()
        .chain(translated)
        .chain(given)
}

/// The column a header names, or [`Column::Ignore`].
pub fn guess(header: &str, labels: &[(Field, String)], custom: &[CustomField]) -> Column {
    let wanted = key(header);
    if wanted.is_empty() {
        return Column::Ignore;
    }
    let field = Field::ALL
        .into_iter()
        .find(|&f| names(f, labels).any(|name| key(name) == wanted));
    if let Some(field) = field {
        return Column::Field(field);
    }
    custom
        .iter()
        .find(|f| key(&f.id) == wanted || key(&f.label) == wanted)
        .map_or(Column::Ignore, |f| Column::Custom(f.id.clone()))
}

/// [`guess`] for every header.
pub fn guess_all(
    header: &[String],
    labels: &[(Field, String)],
    custom: &[CustomField],
) -> Vec<Column> {
    header.iter().map(|h| guess(h, labels, custom)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::custom_fields::FieldKind;

    fn custom(id: &str, label: &str) -> CustomField {
        CustomField {
            id: id.into(),
            label: label.into(),
            kind: FieldKind::Text,
            required: false,
            regexp: None,
            default_value: None,
        }
    }

    fn guessed(headers: &[&str]) -> Vec<Column> {
        let fields = [custom("customer_no", "Customer number")];
        let labels = [(Field::Name, "Full name".to_owned())];
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        guess_all(&headers, &labels, &fields)
    }

    #[test]
    fn headers_in_every_language_case_and_spacing_name_their_field() {
        use Column::Field as F;
        assert_eq!(
            guessed(&["NAME", "e-mail", " Telefon ", "Kontaktmanager"]),
            [
                F(Field::Name),
                F(Field::Email),
                F(Field::Phone),
                F(Field::ContactManager)
            ]
        );
        assert_eq!(
            guessed(&["Nom", "E-mail", "Téléphone", "Gestionnaire de contacts"]),
            guessed(&[
                "Nombre",
                "Correo electrónico",
                "Telefone",
                "contact manager"
            ]),
        );
        assert_eq!(
            guessed(&["name", "emails", "phones", "manager"]),
            [
                F(Field::Name),
                F(Field::Email),
                F(Field::Phone),
                F(Field::ContactManager)
            ],
            "Rocket.Chat's own importer columns"
        );
        assert_eq!(
            guessed(&["full  NAME"]),
            [F(Field::Name)],
            "the host's label"
        );
        assert_eq!(guessed(&["الهاتف"]), [F(Field::Phone)], "Arabic");
        assert_eq!(
            guessed(&["Courriel"]),
            [Column::Ignore],
            "not a name the widget uses"
        );
    }

    #[test]
    fn custom_fields_by_id_or_label_and_anything_else_is_ignored() {
        assert_eq!(
            guessed(&["customer_no", "CUSTOMER NUMBER", "Notes", "", "Mobile"]),
            [
                Column::Custom("customer_no".into()),
                Column::Custom("customer_no".into()),
                Column::Ignore,
                Column::Ignore,
                Column::Ignore
            ]
        );
    }

    #[test]
    fn every_catalogue_names_the_four_fields() {
        // Five catalogues beside English, each with the four names.
        assert_eq!(FIELD_NAMES.len(), 5 * Field::ALL.len());
        for (key, name) in FIELD_NAMES {
            assert!(!name.trim().is_empty(), "{key} has a name");
        }
    }
}
