//! Chinese numerals as reports write them: 两, 十二, 三十, 一百零五,
//! 二千三百, 一万二千, 三点五, 百分之十点二, digit by digit (二〇二三; but
//! 三四 is an estimate, three or four, not 34),
//! and Arabic numerals with thousands separators, decimals and full-width
//! digits.

/// The value of a Chinese digit, 两 included (两周, 两千).
pub fn digit_value(c: char) -> Option<u64> {
    if c == '两' { Some(2) } else { crate::outline::numerals::digit_value(c).map(u64::from) }
}

/// The multiplier of a Chinese unit character below 万.
fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿' | '点')
}

/// An integer below 万 written with 十/百/千 (or digit by digit, 二〇二三).
fn parse_below_wan(text: &[char]) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    // Digit by digit (二〇二三, 一九九八) when there is no unit character.
    if text.iter().all(|&c| digit_value(c).is_some()) {
        if text.len() == 1 {
            return digit_value(text[0]);
        }
        // 两 never stands in a digit-by-digit number, and two digits are an
        // estimate (三四个: three or four), not a number.
        if text.contains(&'两') || (text.len() < 3 && !text.iter().any(|&c| c == '〇' || c == '零')) {
            return None;
        }
        return text.iter().try_fold(0u64, |acc, &c| Some(acc * 10 + digit_value(c)?));
    }
    let mut total = 0u64;
    let mut pending: Option<u64> = None;
    let mut last_unit = u64::MAX;
    for &c in text {
        if let Some(d) = digit_value(c) {
            if pending.is_some() && d != 0 {
                return None; // two digits in a row: 三四
            }
            pending = if d == 0 { None } else { Some(d) };
        } else if let Some(unit) = small_unit(c) {
            if unit >= last_unit {
                return None; // 十百, 百百
            }
            let multiplier = match pending.take() {
                Some(digit) => digit,
                // 十二 is 12; 百 alone is not a number.
                None if unit == 10 => 1,
                None => return None,
            };
            total += multiplier * unit;
            last_unit = unit;
        } else {
            return None;
        }
    }
    Some(total + pending.unwrap_or(0))
}

/// An integer written with 万 and 亿 over groups below 万.
fn parse_integer(text: &[char]) -> Option<u64> {
    if let Some(at) = text.iter().position(|&c| c == '亿') {
        let high = if at == 0 { 1 } else { parse_integer(&text[..at])? };
        let low = if at + 1 == text.len() { 0 } else { parse_integer(&text[at + 1..])? };
        return Some(high * 100_000_000 + low);
    }
    if let Some(at) = text.iter().position(|&c| c == '万') {
        let high = if at == 0 { 1 } else { parse_below_wan(&text[..at])? };
        let rest = &text[at + 1..];
        let rest = rest.strip_prefix(&['零']).unwrap_or(rest);
        let low = if rest.is_empty() { 0 } else { parse_below_wan(rest)? };
        return Some(high * 10_000 + low);
    }
    parse_below_wan(text)
}

/// The value of a Chinese numeral (`三十`, `两`, `一万二千`, `三点五`,
/// `百分之十点二` — a percentage's number, 10.2), or `None`.
pub fn parse_chinese_numeral(text: &str) -> Option<f64> {
    let text = text.strip_prefix("百分之").unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return None;
    }
    match chars.iter().position(|&c| c == '点') {
        Some(at) => {
            let whole = parse_integer(&chars[..at])?;
            let fraction = &chars[at + 1..];
            if fraction.is_empty() || !fraction.iter().all(|&c| digit_value(c).is_some() && c != '两') {
                return None;
            }
            let digits: String =
                fraction.iter().filter_map(|&c| digit_value(c)).map(|d| char::from(b'0' + d as u8)).collect();
            format!("{whole}.{digits}").parse().ok()
        }
        None => parse_integer(&chars).map(|v| v as f64),
    }
}

/// The value of an Arabic numeral as written: full-width digits, `,`
/// thousands separators and a `.` or `．` decimal point.
pub fn parse_arabic_numeral(text: &str) -> Option<f64> {
    let ascii: String = text
        .chars()
        .filter(|&c| c != ',' && c != '，')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '．' => '.',
            other => other,
        })
        .collect();
    ascii.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let table: &[(&str, Option<f64>)] = &[
            ("一", Some(1.0)),
            ("两", Some(2.0)),
            ("十", Some(10.0)),
            ("十二", Some(12.0)),
            ("二十", Some(20.0)),
            ("三十五", Some(35.0)),
            ("一百", Some(100.0)),
            ("一百零五", Some(105.0)),
            ("一百一十", Some(110.0)),
            ("两百", Some(200.0)),
            ("二百三十四", Some(234.0)),
            ("一千", Some(1000.0)),
            ("一千零一", Some(1001.0)),
            ("两千三百", Some(2300.0)),
            ("三千零五十", Some(3050.0)),
            ("一万", Some(10_000.0)),
            ("一万二千", Some(12_000.0)),
            ("三万零五百", Some(30_500.0)),
            ("十万", Some(100_000.0)),
            ("一百万", Some(1_000_000.0)),
            ("一千二百万", Some(12_000_000.0)),
            ("一亿", Some(100_000_000.0)),
            ("三亿五千万", Some(350_000_000.0)),
            ("万", Some(10_000.0)),
            ("三点五", Some(3.5)),
            ("零点五", Some(0.5)),
            ("十点二", Some(10.2)),
            ("一点二", Some(1.2)),
            ("百分之十点二", Some(10.2)),
            ("百分之五十", Some(50.0)),
            ("百分之百", None),
            ("二〇二三", Some(2023.0)),
            ("一九九八", Some(1998.0)),
            ("零", Some(0.0)),
            ("三四", None),
            ("十百", None),
            ("点五", None),
            ("三点", None),
            ("两两", None),
            ("百", None),
            ("", None),
            ("五十六", Some(56.0)),
            ("九十九", Some(99.0)),
        ];
        for (text, value) in table {
            assert_eq!(parse_chinese_numeral(text), *value, "{text}");
        }
    }

    #[test]
    fn arabic_numerals() {
        assert_eq!(parse_arabic_numeral("1,234.5"), Some(1234.5));
        assert_eq!(parse_arabic_numeral("６５"), Some(65.0));
        assert_eq!(parse_arabic_numeral("3．25"), Some(3.25));
        assert_eq!(parse_arabic_numeral("12"), Some(12.0));
    }
}
