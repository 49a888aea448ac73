//! Properties of the spreadsheet reader, each over 10,000 generated cases (proptest): any table
//! written with quotes, delimiters, line breaks (LF, CR, CRLF) and a BOM reads back the same in
//! every encoding the import reads; the delimiter of a written header is found again; no input,
//! of any bytes, makes the decoder, the delimiter finder or the reader panic; and any import job
//! stored (written as CSV by the same writer) reads back the same.
#![cfg(not(target_arch = "wasm32"))]

mod property;

use omnichannel_contact_form::domain::import::file::decode;
use omnichannel_contact_form::domain::sheet::delimiter::Delimiter;
use omnichannel_contact_form::domain::sheet::encoding::Encoding;
use omnichannel_contact_form::domain::sheet::read::read;
use omnichannel_contact_form::domain::sheet::write::write;
use property::property;
use proptest::prelude::*;

/// A cell: often plain, often holding what needs quoting.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 @.+]{0,8}",
        "[a-zäöüßé,;|\t\"\r\n ]{0,8}",
        any::<String>(),
    ]
}

/// A table of at least a header, every row as wide as the header, no row blank (a blank row is
/// skipped on reading, by design).
fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    (1usize..6).prop_flat_map(|width| {
        prop::collection::vec(prop::collection::vec(cell(), width), 1..8).prop_map(|rows| {
            rows.into_iter()
                .filter(|row| row.iter().any(|c| !c.trim().is_empty()))
                .collect()
        })
    })
}

fn delimiter() -> impl Strategy<Value = Delimiter> {
    prop::sample::select(Delimiter::ALL.to_vec())
}

/// `text` as bytes in `encoding`, with its BOM where the encoding has one.
fn encode(text: &str, encoding: Encoding, bom: bool) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => {
            let mut bytes = if bom {
                vec![0xEF, 0xBB, 0xBF]
            } else {
                Vec::new()
            };
            bytes.extend_from_slice(text.as_bytes());
            bytes
        }
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        Encoding::Windows1252 => unreachable!("only Latin-1 text is written so"),
    }
}

#[test]
fn any_table_written_reads_back_the_same_in_every_encoding() {
    let encodings =
        prop::sample::select(vec![Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be]);
    let cases = (
        table(),
        delimiter(),
        encodings,
        any::<bool>(),
        0usize..3,
        any::<bool>(),
    );
    property(
        "written tables read back",
        cases,
        |(rows, d, encoding, bom, ending, last)| {
            let mut text = write(rows.iter().map(|r| r.iter().map(String::as_str)), d);
            // The line ends people's files have: CRLF as written, LF, or CR; the last one or not.
            match ending {
                1 => text = text.replace("\r\n", "\n"),
                2 => text = text.replace("\r\n", "\r"),
                _ => {}
            }
            if !last {
                let end = text.trim_end_matches(['\r', '\n']).len();
                let ended = text.len() - end;
                // Only the last line's end goes (a cell's own line breaks are quoted before it).
                let one = if text.ends_with("\r\n") { 2 } else { 1 };
                text.truncate(text.len() - one.min(ended));
            }
            let bytes = encode(&text, encoding, bom);
            let found = Encoding::of(&bytes);
            prop_assert!(found == encoding || (!bom && encoding == Encoding::Utf8));
            let decoded = found.decode(&bytes);
            prop_assert_eq!(&decoded, &text);
            // The import's own decoding, which takes valid UTF-8 as its text without a copy.
            prop_assert_eq!(&decode(bytes, found).0, &text);
            let table = read(&decoded, d);
            let mut back = vec![table.header.clone()];
            back.extend(table.rows().map(|r| r.to_vec()));
            if rows.is_empty() {
                prop_assert!(table.header.is_empty() && table.is_empty());
                return Ok(());
            }
            // A quoted line break inside a cell reads back as written only when the line ends were
            // not rewritten under it.
            if ending != 0 && rows.iter().flatten().any(|c| c.contains(['\r', '\n'])) {
                prop_assert_eq!(back.len(), rows.len());
                return Ok(());
            }
            prop_assert_eq!(back, rows);
            Ok(())
        },
    );
}

#[test]
fn the_delimiter_of_a_written_header_is_found_again() {
    // Words, some holding the delimiter itself (quoted, so not counted) or a quote.
    let words = prop::collection::vec(("[a-zA-Z0-9 \"]{1,8}", any::<bool>()), 2..6);
    property("delimiter found", (words, delimiter()), |(words, d)| {
        let header: Vec<String> = words
            .iter()
            .map(|(w, holds)| {
                if *holds {
                    format!("{w}{}{w}", d.char())
                } else {
                    w.clone()
                }
            })
            .collect();
        let text = write([header.iter().map(String::as_str)], d);
        prop_assert_eq!(Delimiter::of(&text), d);
        Ok(())
    });
}

#[test]
fn no_bytes_make_the_reader_panic() {
    let bytes = prop::collection::vec(any::<u8>(), 0..200);
    property("any bytes read", (bytes, delimiter()), |(bytes, d)| {
        for encoding in Encoding::ALL {
            let text = encoding.decode(&bytes);
            prop_assert_eq!(&decode(bytes.clone(), encoding).0, &text);
            let _ = Delimiter::of(&text);
            let table = read(&text, d);
            prop_assert!(table.rows().all(|r| r.line >= 1));
        }
        prop_assert_eq!(
            Encoding::of(&bytes).decode(&bytes).is_empty(),
            bytes.is_empty()
                || bytes == [0xEF, 0xBB, 0xBF]
                || bytes == [0xFF, 0xFE]
                || bytes == [0xFE, 0xFF]
        );
        Ok(())
    });
}

#[test]
fn any_import_job_stored_reads_back_the_same() {
    use omnichannel_contact_form::domain::import::job::{
        decode_outcome, encode_outcome, Existing, Job, Outcome,
    };
    use omnichannel_contact_form::domain::sheet::read::{Record, Table};
    use std::sync::Arc;
    let text = || prop_oneof!["[a-z0-9]{0,6}", any::<String>()];
    let maybe = || prop::option::of("[a-z0-9:+-]{1,20}");
    let outcome = prop_oneof![
        Just(Outcome::Waiting),
        (text(), maybe(), maybe()).prop_map(|(token, since, adding)| Outcome::InFlight {
            token,
            since,
            adding
        }),
        text().prop_map(|id| Outcome::Created { id }),
        text().prop_map(|id| Outcome::Updated { id }),
        Just(Outcome::Skipped),
        text().prop_map(|reason| Outcome::Failed { reason }),
        text().prop_map(|reason| Outcome::NotSent { reason }),
    ];
    // A row read from a file has a cell at least (an empty line is a blank row, skipped).
    let row = (
        1usize..100_000,
        prop::collection::vec(cell(), 1..5),
        outcome,
    )
        .prop_map(|(line, cells, outcome)| (Record { line, cells }, outcome));
    let job = (
        any::<String>(),
        prop::sample::select(vec![',', ';', '\t', '|']),
        prop::collection::vec(cell(), 0..5),
        prop::collection::vec("[a-z:_]{1,10}", 0..5),
        any::<bool>(),
        prop::collection::vec(row, 0..6),
    )
        .prop_map(|(file, delimiter, header, columns, skip, rows)| {
            let (rows, outcomes): (Vec<Record>, Vec<Outcome>) = rows.into_iter().unzip();
            Job {
                version: 1,
                file,
                delimiter,
                table: Arc::new(Table::of_rows(header, rows)),
                columns,
                existing: if skip {
                    Existing::Skip
                } else {
                    Existing::AddWhatIsNew
                },
                outcomes,
            }
        });
    property("stored jobs read back", job, |job| {
        prop_assert_eq!(Job::decode(&job.encode()), Some(job.clone()));
        for outcome in &job.outcomes {
            prop_assert_eq!(
                decode_outcome(&encode_outcome(outcome)),
                Some(outcome.clone())
            );
        }
        Ok(())
    });
}
