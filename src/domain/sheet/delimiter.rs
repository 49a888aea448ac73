//! Which character separates a file's cells: found from its header line (`,` `;` tab `|`,
//! counted outside quotes: Excel writes the list separator of the PC's region, `;` in much of
//! Europe, and a tab for "Unicode text"), and the agent may pick another.

/// A cell separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;`
    Semicolon,
    /// A tab.
    Tab,
    /// `|`
    Pipe,
}

impl Delimiter {
    /// Every delimiter, in the order the choice lists them (and ties are settled).
    pub const ALL: [Delimiter; 4] = [
        Delimiter::Comma,
        Delimiter::Semicolon,
        Delimiter::Tab,
        Delimiter::Pipe,
    ];

    /// The character itself.
    pub fn char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
            Delimiter::Pipe => '|',
        }
    }

    /// The delimiter that is `c`.
    pub fn of_char(c: char) -> Option<Delimiter> {
        Delimiter::ALL.into_iter().find(|d| d.char() == c)
    }

    /// The delimiter of `text`'s first line: the one that appears most often in it outside
    /// quotes (a comma when none does).
    pub fn of(text: &str) -> Delimiter {
        let mut counts = [0usize; 4];
        let mut quoted = false;
        for c in text.chars() {
            match c {
                '"' => quoted = !quoted,
                '\n' | '\r' if !quoted => break,
                _ if !quoted => {
                    if let Some(i) = Delimiter::ALL.iter().position(|d| d.char() == c) {
                        counts[i] += 1;
                    }
                }
                _ => {}
            }
        }
        let mut best = Delimiter::Comma;
        let mut most = 0;
        for (delimiter, count) in Delimiter::ALL.into_iter().zip(counts) {
            if count > most {
                (best, most) = (delimiter, count);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_line_decides_counted_outside_quotes() {
        assert_eq!(
            Delimiter::of("Name;E-Mail;Telefon\nA,B;c;d"),
            Delimiter::Semicolon
        );
        assert_eq!(Delimiter::of("name\temails\tphones"), Delimiter::Tab);
        assert_eq!(Delimiter::of("name|emails"), Delimiter::Pipe);
        assert_eq!(
            Delimiter::of("\"Last; First\",\"a;b;c\",phones"),
            Delimiter::Comma,
            "the semicolons are inside quotes"
        );
        assert_eq!(Delimiter::of("\"a\nb;c;d\",e\r\nx;y;z;w"), Delimiter::Comma);
    }

    #[test]
    fn one_column_or_a_tie_reads_as_commas() {
        assert_eq!(Delimiter::of("name\nAda"), Delimiter::Comma);
        assert_eq!(Delimiter::of(""), Delimiter::Comma);
        assert_eq!(Delimiter::of("a;b,c"), Delimiter::Comma);
    }

    #[test]
    fn each_delimiter_is_its_char() {
        for d in Delimiter::ALL {
            assert_eq!(Delimiter::of_char(d.char()), Some(d));
        }
        assert_eq!(Delimiter::of_char('x'), None);
    }
}
