//! The writing checks (校对): doubled words of two to four characters
//! (`围绕围绕`, `深入深入`) but not legitimate reduplication (规规矩矩,
//! 清清爽爽, 层层压实); doubled punctuation (`。。`); half-width punctuation
//! inside Chinese text (`工作要点, 明确`); unmatched quotes and brackets;
//! likely typos from a curated confusion list (`新时达` → `新时代`); number
//! style (`二0二三年`).

use std::sync::OnceLock;

use super::{LintFinding, LintKind};
use crate::clean::CleanedText;
use crate::diagnostic::Severity;
use crate::pattern_search::PatternTable;
use crate::source::is_cjk;
use crate::text::TextRange;

/// Reduplications that are Chinese, not typing errors: AABB and AA forms.
const REDUPLICATIONS: &[&str] = &[
    "规规矩矩",
    "清清爽爽",
    "干干净净",
    "明明白白",
    "实实在在",
    "认认真真",
    "扎扎实实",
    "踏踏实实",
    "兢兢业业",
    "勤勤恳恳",
    "方方面面",
    "时时处处",
    "事事处处",
    "上上下下",
    "家家户户",
    "老老实实",
    "堂堂正正",
    "轰轰烈烈",
    "原原本本",
    "清清白白",
    "平平安安",
    "真真切切",
    "点点滴滴",
    "坦坦荡荡",
    "常常",
    "人人",
    "天天",
    "事事",
    "处处",
    "时时",
    "层层",
    "步步",
    "个个",
    "年年",
    "月月",
    "日日",
    "家家",
    "户户",
    "村村",
    "条条",
    "件件",
    "项项",
    "样样",
    "次次",
    "代代",
    "默默",
    "渐渐",
    "久久",
    "刚刚",
    "仅仅",
    "往往",
    "深深",
    "紧紧",
    "牢牢",
    "稳稳",
    "多多",
    "谢谢",
    "看看",
    "想想",
    "试试",
    "走走",
    "常常",
    "纷纷",
    "频频",
    "屡屡",
    "恰恰",
    "种种",
    "匆匆",
    "冉冉",
    "蒸蒸日上",
    "欣欣向荣",
    "井井有条",
    "源源不断",
    "津津乐道",
    "息息相关",
    "滔滔不绝",
    "孜孜不倦",
    "念念不忘",
    "谆谆",
    "殷殷",
    "切切",
    "久久为功",
    "层层压实",
    "层层传导",
    "步步为营",
    "一一",
];

/// Likely typos and their corrections.
const TYPOS: &[(&str, &str)] = &[
    ("新时达", "新时代"),
    ("按步就班", "按部就班"),
    ("题中应有之意", "题中应有之义"),
    ("再接再励", "再接再厉"),
    ("迫不急待", "迫不及待"),
    ("一股作气", "一鼓作气"),
    ("变本加利", "变本加厉"),
    ("走头无路", "走投无路"),
    ("谈笑风声", "谈笑风生"),
    ("默守成规", "墨守成规"),
    ("既往不究", "既往不咎"),
    ("出奇不意", "出其不意"),
    ("穿流不息", "川流不息"),
    ("美仑美奂", "美轮美奂"),
    ("精兵减政", "精兵简政"),
    ("重蹈复辙", "重蹈覆辙"),
    ("天翻地复", "天翻地覆"),
    ("一愁莫展", "一筹莫展"),
    ("关健", "关键"),
    ("部暑", "部署"),
    ("布署", "部署"),
    ("凑效", "奏效"),
    ("针贬", "针砭"),
    ("竟争", "竞争"),
    ("松驰", "松弛"),
    ("截止目前", "截至目前"),
    ("截止到", "截至"),
    ("社会主意", "社会主义"),
    ("中国特色社会主意", "中国特色社会主义"),
    ("习近平新时代中国特色社会主意思想", "习近平新时代中国特色社会主义思想"),
    ("党风廉正", "党风廉政"),
    ("两学一作", "两学一做"),
    ("全面从严冶党", "全面从严治党"),
    ("为人民服物", "为人民服务"),
];

/// Half-width marks that read as errors between Chinese characters.
const HALF_WIDTH: &[(char, char)] =
    &[(',', '，'), (';', '；'), (':', '：'), ('?', '？'), ('!', '！'), ('(', '（'), (')', '）')];

/// Every occurrence of each typo of [`TYPOS`], as `str::match_indices` finds
/// them, grouped by typo in table order: one pass of a table built once,
/// not one scan of the text per typo.
fn typo_matches(text: &str) -> Vec<(usize, TextRange)> {
    static TABLE: OnceLock<PatternTable> = OnceLock::new();
    TABLE.get_or_init(|| PatternTable::new(TYPOS.iter().map(|(wrong, _)| *wrong).enumerate())).find_by_row(text)
}

/// Whether `c` is a Chinese digit as numbers are written digit by digit
/// (二〇二三), to catch numbers in mixed styles.
fn is_chinese_digit(c: char) -> bool {
    crate::outline::numerals::digit_value(c).is_some()
}

/// Every writing flaw of a cleaned text, in text order.
pub fn lint_text(cleaned: &CleanedText) -> Vec<LintFinding> {
    let text = &cleaned.text;
    let mut findings = Vec::new();
    let mut push =
        |kind: LintKind, severity: Severity, message: String, range: TextRange, suggestion: Option<String>| {
            findings.push(LintFinding::in_text(cleaned, kind, severity, message, range, suggestion));
        };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    // Doubled words of 2 to 4 characters (围绕围绕, 深入深入), reduplication
    // aside; a doubled single character is too often Chinese (看看, 常常).
    let mut i = 0;
    while i < chars.len() {
        let mut found = false;
        // A doubled word begins with a CJK character, repeated `len` later:
        // most characters fail one of these before any span is compared.
        let starts_word = is_cjk(chars[i].1);
        for len in (2..=4).rev() {
            if !starts_word || i + 2 * len > chars.len() || chars[i + len].1 != chars[i].1 {
                continue;
            }
            let (first, second) = (&chars[i..i + len], &chars[i + len..i + 2 * len]);
            // Compared as characters, not as Strings: this runs at every
            // character of every report.
            if first.iter().zip(second).any(|(&(_, a), &(_, b))| a != b)
                || !first.iter().all(|&(_, c)| is_cjk(c) && c.is_alphanumeric())
            {
                continue;
            }
            let range = TextRange::new(chars[i].0, end_of(i + 2 * len));
            // Reduplication: a known form that holds the doubled span and lies
            // within two characters of it on either side.
            let around = TextRange::new(chars[i.saturating_sub(2)].0, end_of((i + 2 * len + 2).min(chars.len())));
            let doubled = range.slice(text);
            let legitimate =
                REDUPLICATIONS.iter().any(|form| form.contains(doubled) && around.slice(text).contains(form));
            if legitimate {
                continue;
            }
            let first: String = first.iter().map(|&(_, c)| c).collect();
            push(LintKind::DoubledWord, Severity::Warning, format!("「{first}」重复"), range, Some(first.clone()));
            i += 2 * len;
            found = true;
            break;
        }
        if !found {
            i += 1;
        }
    }
    // Doubled punctuation (。。, ，，) — not ellipses or dashes.
    for window in chars.windows(2) {
        let ((at, a), (_, b)) = (window[0], window[1]);
        if a == b && matches!(a, '。' | '，' | '、' | '；' | '：' | '！' | '？') {
            let range = TextRange::new(at, at + a.len_utf8() + b.len_utf8());
            push(
                LintKind::DoubledPunctuation,
                Severity::Warning,
                format!("标点「{a}」重复"),
                range,
                Some(a.to_string()),
            );
        }
    }
    // Half-width punctuation between Chinese characters (a space may follow it).
    for (index, &(at, c)) in chars.iter().enumerate() {
        if !c.is_ascii_punctuation() {
            continue;
        }
        let Some(&(_, full)) = HALF_WIDTH.iter().find(|(half, _)| *half == c) else { continue };
        let before = index.checked_sub(1).map(|i| chars[i].1);
        let after = chars[index + 1..].iter().map(|&(_, c)| c).find(|c| *c != ' ');
        let chinese = |c: Option<char>| c.is_some_and(|c| is_cjk(c) && c.is_alphanumeric());
        if chinese(before) && chinese(after) {
            let range = TextRange::new(at, at + c.len_utf8());
            push(
                LintKind::HalfWidthPunctuation,
                Severity::Info,
                format!("中文里用了半角「{c}」"),
                range,
                Some(full.to_string()),
            );
        }
    }
    // Unmatched quotes and brackets, within each line, every pair in one
    // pass over the line.
    const PAIRS: [(char, char); 4] = [('“', '”'), ('（', '）'), ('《', '》'), ('【', '】')];
    for line in &cleaned.lines {
        let slice = line.range.slice(text);
        let mut open_at: [Vec<usize>; 4] = Default::default();
        let mut unmatched: [Vec<usize>; 4] = Default::default();
        for (offset, c) in slice.char_indices() {
            // Most characters are ASCII or ideographs, none of them a quote
            // or a bracket: one test passes them over.
            if c.is_ascii() || ('\u{3400}'..='\u{9FFF}').contains(&c) {
                continue;
            }
            if let Some(pair) = PAIRS.iter().position(|&(open, _)| open == c) {
                open_at[pair].push(offset);
            } else if let Some(pair) = PAIRS.iter().position(|&(_, close)| close == c)
                && open_at[pair].pop().is_none()
            {
                unmatched[pair].push(offset);
            }
        }
        for (((open, close), mut unmatched), still_open) in PAIRS.into_iter().zip(unmatched).zip(open_at) {
            unmatched.extend(still_open);
            for offset in unmatched {
                let at = line.range.start + offset;
                let c = text[at..].chars().next().unwrap_or(open);
                let range = TextRange::new(at, at + c.len_utf8());
                push(
                    LintKind::UnmatchedPair,
                    Severity::Info,
                    format!("「{c}」没有配对的「{}」", if c == open { close } else { open }),
                    range,
                    None,
                );
            }
        }
    }
    // Likely typos: the longest where entries overlap (社会主意 inside
    // 中国特色社会主意).
    let mut typos: Vec<(TextRange, &str)> =
        typo_matches(text).into_iter().map(|(pattern, range)| (range, TYPOS[pattern].1)).collect();
    typos.sort_by_key(|(range, _)| std::cmp::Reverse(range.len()));
    let mut kept: Vec<TextRange> = Vec::new();
    for (range, right) in typos {
        if kept.iter().any(|k| k.start <= range.start && range.end <= k.end) {
            continue;
        }
        kept.push(range);
        push(LintKind::Typo, Severity::Warning, format!("疑为「{right}」"), range, Some(right.to_owned()));
    }
    // Numbers mixing Chinese and Arabic digits (二0二三年, 2〇23).
    let mut index = 0;
    while index < chars.len() {
        let run_end = (index..chars.len())
            .find(|&j| !(chars[j].1.is_ascii_digit() || is_chinese_digit(chars[j].1)))
            .unwrap_or(chars.len());
        if run_end > index + 1 {
            let run = &chars[index..run_end];
            let arabic = run.iter().any(|&(_, c)| c.is_ascii_digit());
            let chinese = run.iter().filter(|&&(_, c)| is_chinese_digit(c)).count();
            if arabic && chinese > 0 && run.len() >= 3 {
                let range = TextRange::new(run[0].0, end_of(run_end));
                push(LintKind::NumberStyle, Severity::Info, "数字中混用了汉字和阿拉伯数字".to_owned(), range, None);
            }
        }
        index = run_end.max(index + 1);
    }
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings
}
