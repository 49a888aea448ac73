//! The country calling codes ITU-T has assigned (E.164 list, including the international
//! non-geographic ones such as +800 and +882), so that a number starting with a code nobody has
//! (`+999`) is refused instead of stored undialable. The codes are prefix-free: at most one of a
//! number's first one, two or three digits is in the list.

/// Every assigned code, as a number, ascending (read at compile time only: the build keeps
/// [`ASSIGNED_BITS`]).
const ASSIGNED: [u16; 216] = [
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211,
    212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234,
    235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253,
    254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298,
    299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377,
    378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505,
    506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675,
    676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850,
    852, 853, 855, 856, 870, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965, 966, 967,
    968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 992, 993, 994, 995, 996, 997, 998,
];

/// One bit per number below 1000: set for an assigned code. 125 bytes in the wasm instead of
/// the 432 of the list and a binary search.
const ASSIGNED_BITS: [u8; 125] = {
    let mut bits = [0u8; 125];
    let mut i = 0;
    while i < ASSIGNED.len() {
        let code = ASSIGNED[i] as usize;
        bits[code / 8] |= 1 << (code % 8);
        i += 1;
    }
    bits
};

fn is_assigned(code: usize) -> bool {
    code < 1000 && ASSIGNED_BITS[code / 8] & (1 << (code % 8)) != 0
}

/// Codes whose national numbers all have the same length: `(code, national digits)`. Only
/// plans where that is certain: the North American plan and Russia/Kazakhstan.
const FIXED_LENGTH: [(u16, usize); 2] = [(1, 10), (7, 10)];

/// The country code at the start of `digits` (international digits, no `+`), and its length
/// in digits; when no assigned code starts them, `Err` holds their first three digits (what
/// the user would read as the code).
pub fn split(digits: &str) -> Result<(u16, usize), u16> {
    let mut code = 0;
    for (len, digit) in digits.bytes().take(3).enumerate() {
        if !digit.is_ascii_digit() {
            break;
        }
        code = code * 10 + usize::from(digit - b'0');
        if is_assigned(code) {
            return Ok((code as u16, len + 1));
        }
    }
    Err(code as u16)
}

/// How many national digits every number under `code` has, where that is fixed.
pub fn national_length(code: u16) -> Option<usize> {
    FIXED_LENGTH
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, len)| *len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bits_hold_exactly_the_list() {
        let from_bits: Vec<u16> = (0..1000)
            .filter(|c| is_assigned(*c))
            .map(|c| c as u16)
            .collect();
        assert_eq!(from_bits, ASSIGNED);
    }

    #[test]
    fn the_list_is_sorted_and_prefix_free() {
        assert!(
            ASSIGNED.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        for a in ASSIGNED {
            for b in ASSIGNED {
                let (a, b) = (a.to_string(), b.to_string());
                assert!(a == b || !b.starts_with(&a), "+{a} is a prefix of +{b}");
            }
        }
    }

    #[test]
    fn codes_of_one_two_and_three_digits_are_found() {
        assert_eq!(split("14155550132"), Ok((1, 1)));
        assert_eq!(split("74951234567"), Ok((7, 1)));
        assert_eq!(split("442079460958"), Ok((44, 2)));
        assert_eq!(split("4930901820"), Ok((49, 2)));
        assert_eq!(split("35312345678"), Ok((353, 3)));
        assert_eq!(split("9715012345678"), Ok((971, 3)));
        assert_eq!(split("80012345678"), Ok((800, 3)));
    }

    #[test]
    fn unassigned_codes_are_not() {
        for digits in [
            "99912345678",
            "2141234567",
            "2591234567",
            "3841234567",
            "6931234567",
        ] {
            assert_eq!(split(digits), Err(digits[..3].parse().unwrap()), "{digits}");
        }
        assert_eq!(split(""), Err(0));
    }

    #[test]
    fn fixed_lengths() {
        assert_eq!(national_length(1), Some(10));
        assert_eq!(national_length(44), None);
    }
}
