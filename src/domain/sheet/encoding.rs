//! A spreadsheet file's bytes as text, decoded as people's files really are: a byte order mark
//! decides (UTF-8, UTF-16 LE or BE, as Excel's "Unicode text" writes it), else UTF-8 when the
//! bytes are valid UTF-8, else Windows-1252 (what Excel writes without a BOM in Western Europe:
//! "Müller" arrives as the byte 0xFC). The agent may pick another encoding when the preview looks
//! wrong; decoding never fails, it only reads a byte it cannot place as U+FFFD.

/// How a file's bytes are turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a leading BOM is dropped).
    Utf8,
    /// UTF-16, little-endian (a leading BOM is dropped).
    Utf16Le,
    /// UTF-16, big-endian (a leading BOM is dropped).
    Utf16Be,
    /// Windows-1252, the Western European "ANSI" code page.
    Windows1252,
}

impl Encoding {
    /// Every encoding, in the order the choice lists them.
    pub const ALL: [Encoding; 4] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1252,
    ];

    /// The name the choice shows (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// The encoding named `name` (as [`Encoding::name`] gives it).
    pub fn named(name: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.name() == name)
    }

    /// The encoding of `bytes`: the BOM's, else UTF-8 when valid, else Windows-1252.
    pub fn of(bytes: &[u8]) -> Encoding {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Encoding::Utf8,
            [0xFF, 0xFE, ..] => Encoding::Utf16Le,
            [0xFE, 0xFF, ..] => Encoding::Utf16Be,
            _ if std::str::from_utf8(bytes).is_ok() => Encoding::Utf8,
            _ => Encoding::Windows1252,
        }
    }

    /// `bytes` as text in this encoding, without its BOM.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Utf8 => {
                let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
                String::from_utf8_lossy(bytes).into_owned()
            }
            Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes, [0xFF, 0xFE]),
            Encoding::Utf16Be => utf16(bytes, u16::from_be_bytes, [0xFE, 0xFF]),
            Encoding::Windows1252 => bytes.iter().map(|&b| windows_1252(b)).collect(),
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, bom: [u8; 2]) -> String {
    let bytes = bytes.strip_prefix(&bom).unwrap_or(bytes);
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        // An odd last byte cannot be a character.
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// The characters Windows-1252 puts at 0x80–0x9F, where Latin-1 has control codes; the five
/// bytes it leaves unassigned read as themselves, as browsers' decoders do.
const HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

fn windows_1252(byte: u8) -> char {
    let code = match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => u16::from(byte),
    };
    char::from_u32(u32::from(code)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_decides_and_is_dropped() {
        let utf8 = b"\xEF\xBB\xBFname\n";
        assert_eq!(Encoding::of(utf8), Encoding::Utf8);
        assert_eq!(Encoding::Utf8.decode(utf8), "name\n");
        let le = b"\xFF\xFEn\0\xE4\0";
        assert_eq!(Encoding::of(le), Encoding::Utf16Le);
        assert_eq!(Encoding::Utf16Le.decode(le), "nä");
        let be = b"\xFE\xFF\0n\0\xE4";
        assert_eq!(Encoding::of(be), Encoding::Utf16Be);
        assert_eq!(Encoding::Utf16Be.decode(be), "nä");
    }

    #[test]
    fn without_a_bom_valid_utf8_is_utf8_and_anything_else_windows_1252() {
        assert_eq!(Encoding::of("Müller".as_bytes()), Encoding::Utf8);
        let ansi = b"M\xFCller \x80 \x93quoted\x94";
        assert_eq!(Encoding::of(ansi), Encoding::Windows1252);
        assert_eq!(
            Encoding::Windows1252.decode(ansi),
            "Müller € \u{201C}quoted\u{201D}"
        );
    }

    #[test]
    fn a_wrong_choice_reads_replacement_characters_never_fails() {
        assert_eq!(Encoding::Utf8.decode(b"M\xFCller"), "M\u{FFFD}ller");
        assert_eq!(Encoding::Utf16Le.decode(b"n\0x"), "n\u{FFFD}");
        // A lone surrogate.
        assert_eq!(Encoding::Utf16Le.decode(b"\x00\xD8"), "\u{FFFD}");
    }

    #[test]
    fn every_encoding_has_a_name_that_reads_back() {
        for encoding in Encoding::ALL {
            assert_eq!(Encoding::named(encoding.name()), Some(encoding));
        }
    }
}
