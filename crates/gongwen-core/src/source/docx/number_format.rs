//! Word's number formats (`w:numFmt`): how a counter value is written —
//! `一`, `十一`, `（一）`'s `一`, `①`, `１`, `A`, `iv`, `甲`.
//!
//! Chinese counting follows Word: `chineseCounting` writes 1–99 with 十
//! (十, 十一, 二十一) and larger numbers digit by digit with 〇 (一〇〇);
//! `chineseCountingThousand` spells 百, 千 and 万 out, with 零 for inner
//! zeros (一百零一), as a Chinese reader writes them.

/// Writes `value` in the number format `format` (a `w:numFmt` value). An
/// unknown format is written in decimal, as Word does.
pub fn format_number(value: i64, format: &str) -> String {
    if value < 1 && !matches!(format, "decimal" | "decimalZero" | "none" | "bullet") {
        return value.to_string();
    }
    let n = u64::try_from(value).unwrap_or(0);
    match format {
        "none" | "bullet" => String::new(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "ordinal" => format!("{n}{}", ordinal_suffix(n)),
        "chineseCounting" | "japaneseCounting" | "taiwaneseCounting" => chinese_counting(n),
        "chineseCountingThousand" | "taiwaneseCountingThousand" => chinese_counting_thousand(n),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => digit_by_digit(n),
        "chineseLegalSimplified" => chinese_legal(n),
        "ideographTraditional" => cyclic(n, &HEAVENLY_STEMS),
        "ideographZodiac" => cyclic(n, &EARTHLY_BRANCHES),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(n, 0x2460, 20),
        "decimalEnclosedParen" => enclosed(n, 0x2474, 20),
        "decimalEnclosedFullstop" => enclosed(n, 0x2488, 20),
        "ideographEnclosedCircle" => enclosed(n, 0x3280, 10),
        "ideographParenthesized" => enclosed(n, 0x3220, 10),
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c)).collect()
        }
        _ => n.to_string(),
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
const EARTHLY_BRANCHES: [&str; 12] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"];

fn digit(d: u64) -> char {
    DIGITS[usize::try_from(d % 10).unwrap_or(0)]
}

/// 1–99 with 十; from 100 on, digit by digit.
fn chinese_counting(n: u64) -> String {
    if n >= 100 { digit_by_digit(n) } else { below_hundred(n) }
}

fn below_hundred(n: u64) -> String {
    let (tens, ones) = (n / 10, n % 10);
    let mut text = String::new();
    if tens > 1 {
        text.push(digit(tens));
    }
    if tens > 0 {
        text.push('十');
    }
    if ones > 0 || n == 0 {
        text.push(digit(ones));
    }
    text
}

fn digit_by_digit(n: u64) -> String {
    n.to_string().bytes().map(|b| digit(u64::from(b - b'0'))).collect()
}

/// 百, 千, 万 spelled out, 零 for a run of inner zeros.
fn chinese_counting_thousand(n: u64) -> String {
    if n >= 10_000 {
        let (high, low) = (n / 10_000, n % 10_000);
        let mut text = chinese_counting_thousand(high);
        text.push('万');
        if low > 0 {
            if low < 1000 {
                text.push('零');
            }
            text.push_str(&below_ten_thousand(low, true));
        }
        return text;
    }
    below_ten_thousand(n, false)
}

/// Below 10,000. `inner` keeps the 一 of 一十 when the number is not the
/// first part of a larger one.
fn below_ten_thousand(n: u64, inner: bool) -> String {
    let places = [(1000, '千'), (100, '百'), (10, '十')];
    let mut text = String::new();
    let mut pending_zero = false;
    let mut rest = n;
    for (value, unit) in places {
        let d = rest / value;
        rest %= value;
        if d == 0 {
            pending_zero = !text.is_empty();
            continue;
        }
        if pending_zero {
            text.push('零');
            pending_zero = false;
        }
        if !(d == 1 && unit == '十' && text.is_empty() && !inner) {
            text.push(digit(d));
        }
        text.push(unit);
    }
    if rest > 0 {
        if pending_zero {
            text.push('零');
        }
        text.push(digit(rest));
    }
    text
}

/// 壹, 贰, 叁 … with 拾, 佰, 仟.
fn chinese_legal(n: u64) -> String {
    const LEGAL: [(char, char); 10] = [
        ('〇', '零'),
        ('一', '壹'),
        ('二', '贰'),
        ('三', '叁'),
        ('四', '肆'),
        ('五', '伍'),
        ('六', '陆'),
        ('七', '柒'),
        ('八', '捌'),
        ('九', '玖'),
    ];
    below_ten_thousand(n.min(9999), true)
        .chars()
        .map(|c| match c {
            '十' => '拾',
            '百' => '佰',
            '千' => '仟',
            _ => LEGAL.iter().find(|(plain, _)| *plain == c).map_or(c, |(_, legal)| *legal),
        })
        .collect()
}

fn cyclic(n: u64, symbols: &[&str]) -> String {
    let len = u64::try_from(symbols.len()).unwrap_or(1);
    symbols[usize::try_from((n - 1) % len).unwrap_or(0)].to_owned()
}

fn enclosed(n: u64, first: u32, count: u64) -> String {
    if n > count {
        return n.to_string();
    }
    let offset = u32::try_from(n - 1).unwrap_or(0);
    char::from_u32(first + offset).map_or_else(|| n.to_string(), String::from)
}

fn roman(mut n: u64) -> String {
    const NUMERALS: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut text = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value && text.len() < 64 {
            text.push_str(numeral);
            n -= value;
        }
    }
    text
}

/// A, B, … Z, AA, BB, … as Word writes letters past 26.
fn letters(n: u64, base: u8) -> String {
    let letter = char::from(base + u8::try_from((n - 1) % 26).unwrap_or(0));
    let repeat = usize::try_from((n - 1) / 26 + 1).unwrap_or(1).min(64);
    std::iter::repeat_n(letter, repeat).collect()
}

fn ordinal_suffix(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn chinese_counting_as_word_writes_it() {
        let written: Vec<String> =
            [1, 9, 10, 11, 19, 20, 21, 99, 100, 105].map(|n| format_number(n, "chineseCounting")).into();
        assert_eq!(written, ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一〇〇", "一〇五"]);
        let thousand: Vec<String> =
            [10, 11, 100, 101, 110, 1001, 10_000, 10_010].map(|n| format_number(n, "chineseCountingThousand")).into();
        assert_eq!(thousand, ["十", "十一", "一百", "一百零一", "一百一十", "一千零一", "一万", "一万零一十"]);
    }

    #[test]
    fn other_formats() {
        assert_eq!(format_number(3, "decimalEnclosedCircleChinese"), "③");
        assert_eq!(format_number(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(7, "unknownFormat"), "7");
        assert_eq!(format_number(4, "bullet"), "");
    }
}
