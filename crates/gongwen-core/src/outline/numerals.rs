//! Reading the numbers in heading markers: Chinese numerals (`一` … `九十九`,
//! `一百`) and ASCII or full-width Arabic digits.

/// Whether `c` can appear in a Chinese numeral of a heading marker.
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    matches!(c, '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百')
}

/// The value of a Chinese digit as markers and dates write it (〇 and 零 are
/// 0; 两 is not a digit there).
pub(crate) fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese numeral such as `十二`, `二十三` or `一百零五`;
/// `None` for anything malformed (`十十`, `二二`, empty).
pub(crate) fn parse_chinese_numeral(numeral: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in numeral.chars() {
        match c {
            '十' | '百' => {
                let unit = if c == '十' { 10 } else { 100 };
                if unit >= last_unit {
                    return None;
                }
                total += pending.take().unwrap_or(1) * unit;
                last_unit = unit;
            }
            _ => {
                let value = digit_value(c)?;
                if value == 0 && total > 0 && pending.is_none() {
                    // The placeholder zero of 一百零五.
                    continue;
                }
                if pending.is_some() {
                    return None;
                }
                pending = Some(value);
            }
        }
    }
    match (total, pending) {
        (0, None) => None,
        (_, Some(0)) if total == 0 => None,
        (_, Some(value)) => Some(total + value),
        (_, None) => Some(total),
    }
}

/// The Chinese numeral of 1–99 (`十二`, `二十`); `None` outside that range.
pub(crate) fn format_chinese_numeral(number: u32) -> Option<String> {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |n: u32| DIGITS[n as usize];
    Some(match number {
        1..=9 => digit(number).to_owned(),
        10..=19 => format!("十{}", digit(number - 10)),
        20..=99 => format!("{}十{}", digit(number / 10), digit(number % 10)),
        _ => return None,
    })
}

/// The length in bytes of the Chinese numeral at the start of `text`.
pub(crate) fn chinese_numeral_prefix_len(text: &str) -> usize {
    text.char_indices().find(|&(_, c)| !is_chinese_numeral_char(c)).map_or(text.len(), |(at, _)| at)
}

/// The length in bytes of the ASCII or full-width digits at the start of `text`.
pub(crate) fn arabic_digits_prefix_len(text: &str) -> usize {
    text.char_indices().find(|&(_, c)| arabic_digit_value(c).is_none()).map_or(text.len(), |(at, _)| at)
}

fn arabic_digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// The value of a run of ASCII or full-width digits; `None` past `u32::MAX`.
pub(crate) fn parse_arabic_digits(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |total, c| total.checked_mul(10)?.checked_add(arabic_digit_value(c)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", Some(1)),
            ("九", Some(9)),
            ("十", Some(10)),
            ("十一", Some(11)),
            ("二十", Some(20)),
            ("二十三", Some(23)),
            ("九十九", Some(99)),
            ("一百", Some(100)),
            ("一百零五", Some(105)),
            ("一百二十", Some(120)),
            ("", None),
            ("十十", None),
            ("二二", None),
            ("零", None),
        ];
        for (numeral, expected) in cases {
            assert_eq!(parse_chinese_numeral(numeral), expected, "{numeral}");
        }
    }

    #[test]
    fn formatted_numerals_read_back() {
        for number in 1..=99 {
            let numeral = format_chinese_numeral(number).expect("in range");
            assert_eq!(parse_chinese_numeral(&numeral), Some(number), "{numeral}");
        }
        assert_eq!(format_chinese_numeral(0), None);
    }

    #[test]
    fn arabic_digits() {
        assert_eq!(parse_arabic_digits("12"), Some(12));
        assert_eq!(parse_arabic_digits("１２"), Some(12));
        assert_eq!(parse_arabic_digits("99999999999"), None);
        assert_eq!(arabic_digits_prefix_len("１２．"), 6);
    }
}
