//! Figures (实绩数据): every quantitative statement of a report — a number
//! (Arabic or Chinese, a percentage, a range, an amount with 万/亿) or a
//! redaction (`**`, `*`, `××`, `XX` where a number stood) with its unit,
//! its approximation word (余, 多, 以上, 左右, 近, 约, 超过, 突破, 不到, 接近)
//! and the thing it counts (`召开党组会` for `全年召开党组会65次`).
//!
//! A number is a figure only with a unit or measure word after it (次, 项,
//! 人次, 万元, %, 个百分点 …), so bare numbers in codes and names are not
//! figures. Never figures: numbers inside lexicon formulations (两个维护,
//! 三会一课, 1书4表), heading markers and enumerations (一是, （三）),
//! ordinals (第一议题), and dates (2023年, 12月, 二〇二三年).

pub mod numeral;

use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::concordance::innermost_heading;
use crate::lexicon::Lexicon;
use crate::outline::Outline;
use crate::pattern_search::PhraseIndex;
use crate::text::TextRange;
use numeral::{digit_value, is_chinese_numeral_char, parse_arabic_numeral, parse_chinese_numeral};

/// One quantitative statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The statement as written: approximation word, number, unit.
    pub text: String,
    /// Its byte range in the cleaned text.
    pub range: TextRange,
    /// The number; `None` when redacted.
    pub value: Option<f64>,
    /// The upper end of a range (`6%－6.5%`, `从264人增加到449人`).
    pub value_to: Option<f64>,
    /// The unit or measure word (次, 万元, %, 个百分点 …).
    pub unit: Option<String>,
    /// The approximation word, if any.
    pub approx: Option<String>,
    /// Whether the number is redacted (`**`, `*`, `××`, `XX`).
    pub redacted: bool,
    /// What is counted: the verb–object phrase the figure quantifies.
    pub subject: Option<String>,
    /// The source line (or paragraph) it is on.
    pub line: u32,
    /// The innermost heading whose section holds it.
    pub heading: Option<usize>,
}

/// Units and measure words, longest first within each family so that the
/// longest written form wins.
const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "万亿元",
    "亿元",
    "万元",
    "千元",
    "元",
    "万亿",
    "亿",
    "万人次",
    "万人",
    "万户",
    "万吨",
    "万平方米",
    "平方米",
    "公里",
    "千米",
    "吨",
    "亩",
    "%",
    "％",
    "人次",
    "个月",
    "小时",
    "分钟",
    "天",
    "周",
    "年",
    "次",
    "项",
    "篇",
    "件",
    "条",
    "个",
    "人",
    "期",
    "场",
    "家",
    "批",
    "户",
    "名",
    "处",
    "所",
    "座",
    "台",
    "辆",
    "套",
    "份",
    "本",
    "部",
    "支",
    "轮",
    "类",
    "村",
    "课",
    "节",
    "堂",
    "册",
    "幅",
    "首",
    "集",
    "倍",
    "岁",
    "万",
];

/// Approximation words written before the number.
const APPROX_BEFORE: &[&str] = &["超过", "突破", "不到", "接近", "近", "约", "逾"];
/// Approximation words written after the number or its unit.
const APPROX_AFTER: &[&str] = &["以上", "左右", "余", "多"];

/// Words a Chinese 一 forms that are not counts (一批, 一些, 一系列 …).
const VAGUE_AFTER_ONE: &[char] = &[
    '批', '些', '系', '种', '类', '部', '点', '定', '般', '直', '切', '道', '线', '把', '手', '流', '体', '致', '律',
    '起', '贯', '心', '步', '年', '号',
];

/// Words that join the two ends of a range.
const RANGE_JOINERS: &[&str] = &[
    "增加到",
    "提高到",
    "上升到",
    "增长到",
    "下降到",
    "减少到",
    "降低到",
    "提升到",
    "－",
    "-",
    "—",
    "~",
    "～",
    "至",
    "到",
];

/// Time and scope words stripped from the front of a subject.
const SUBJECT_PREFIXES: &[&str] =
    &["全年", "今年", "年内", "一年来", "共计", "累计", "先后", "共", "全局", "我局", "其中", "已", "均", "还"];

/// Verbs that open the phrase a figure counts: the subject starts at the
/// last of them before the number.
const SUBJECT_VERBS: &[&str] = &[
    "召开", "研究", "列出", "形成", "处置", "处理", "举办", "完成", "选派", "确定", "开展", "组织", "培训", "建成",
    "新增", "实现", "走访", "慰问", "帮扶", "解决", "收集", "整改", "制定", "出台", "印发", "发放", "投入", "开设",
    "讲授", "参加", "参与", "接待", "办理", "受理", "查处", "立案", "约谈", "提醒", "谈话", "检查", "督查", "培养",
    "提拔", "任用", "交流", "轮岗", "招录", "引进", "落实", "推进", "建立", "编印", "发布", "推送", "刊发", "录制",
    "征集", "评选", "表彰", "慰问", "捐款", "资助", "争取", "拨付", "完成", "达到", "增长", "增加", "提高", "下降",
    "减少",
];

/// How far, in characters, a subject's clause is looked for on each side.
const MAX_CLAUSE: usize = 60;

/// Characters that end the clause a subject is taken from.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '、'
            | '！'
            | '？'
            | '\n'
            | ','
            | ';'
            | ':'
            | '（'
            | '）'
            | '('
            | ')'
            | '“'
            | '”'
            | '《'
            | '》'
    )
}

/// Whether `c` is an Arabic digit, half- or full-width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether a number ([`number_at`]) may start with `c`: a digit, a
/// redaction mark or a Chinese numeral (百分之 included).
fn may_start_number(c: char) -> bool {
    is_digit(c) || matches!(c, '*' | '＊' | '×' | 'X' | 'x') || is_chinese_numeral_char(c)
}

/// A number found at some offset: its end, value and whether redacted.
struct NumberToken {
    end: usize,
    value: Option<f64>,
    redacted: bool,
    chinese: bool,
}

/// Whether `rest` opens with exactly three ASCII digits (a thousands group).
fn thousands_group(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= 3 && bytes[..3].iter().all(u8::is_ascii_digit) && bytes.get(3).is_none_or(|b| !b.is_ascii_digit())
}

/// The number (or redaction) starting at byte `at`, if any.
fn number_at(text: &str, at: usize) -> Option<NumberToken> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if is_digit(first) {
        // Digits, one decimal point, and `,` before exactly three digits; read
        // lazily, a few characters ahead at most.
        let mut end = at;
        let mut seen_point = false;
        let mut chars = rest.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let next_is_digit = |chars: &mut std::iter::Peekable<std::str::CharIndices>| {
                chars.peek().is_some_and(|&(_, n)| is_digit(n))
            };
            if is_digit(c) {
                end = at + offset + c.len_utf8();
            } else if (c == '.' || c == '．') && !seen_point && next_is_digit(&mut chars) {
                seen_point = true;
            } else if c == ',' && !seen_point && thousands_group(&rest[offset + 1..]) {
            } else {
                break;
            }
        }
        let value = parse_arabic_numeral(&text[at..end]);
        return Some(NumberToken { end, value, redacted: false, chinese: false });
    }
    if first == '*' || first == '＊' {
        let len: usize = rest.chars().take_while(|&c| c == '*' || c == '＊').map(char::len_utf8).sum();
        return Some(NumberToken { end: at + len, value: None, redacted: true, chinese: false });
    }
    if matches!(first, '×' | 'X' | 'x') {
        let run: Vec<char> = rest.chars().take_while(|&c| matches!(c, '×' | 'X' | 'x')).collect();
        if run.len() >= 2 {
            let len: usize = run.iter().map(|c| c.len_utf8()).sum();
            return Some(NumberToken { end: at + len, value: None, redacted: true, chinese: false });
        }
        return None;
    }
    let (prefix, body) = match rest.strip_prefix("百分之") {
        Some(body) => ("百分之".len(), body),
        None => (0, rest),
    };
    let body_len: usize = body.chars().take_while(|&c| is_chinese_numeral_char(c)).map(char::len_utf8).sum();
    if body_len == 0 {
        return None;
    }
    // A trailing 万/亿 is a magnitude unit when a unit follows it (三万人 is a
    // number, 万人 the unit only in 3万人); keep it in the number.
    let numeral = &body[..body_len];
    let numeral = numeral.trim_end_matches('点');
    let value = parse_chinese_numeral(numeral)?;
    // 万 or 亿 alone is a unit word, not a number.
    if !numeral.chars().any(|c| digit_value(c).is_some() || matches!(c, '十' | '百' | '千')) {
        return None;
    }
    Some(NumberToken { end: at + prefix + numeral.len(), value: Some(value), redacted: false, chinese: true })
}

/// The longest unit written at byte `at`.
fn unit_at(text: &str, at: usize) -> Option<&'static str> {
    UNITS.iter().copied().filter(|unit| text[at..].starts_with(unit)).max_by_key(|unit| unit.len())
}

/// The approximation word ending just before byte `at`, if any.
fn approx_before(text: &str, at: usize) -> Option<&'static str> {
    APPROX_BEFORE.iter().copied().find(|word| text[..at].ends_with(word))
}

/// The approximation word starting at byte `at`, if any.
fn approx_after(text: &str, at: usize) -> Option<&'static str> {
    APPROX_AFTER.iter().copied().find(|word| text[at..].starts_with(word))
}

/// Byte ranges no figure may start in: lexicon formulations with numbers in
/// them, and heading markers.
fn excluded_ranges(cleaned: &CleanedText, outline: &Outline, numbered_forms: &NumberedForms) -> ExcludedRanges {
    let mut ranges: Vec<TextRange> = outline.headings.iter().map(|h| h.marker_range).collect();
    let matcher = &numbered_forms.0;
    matcher.for_each_match(&cleaned.text, |start, form| {
        ranges.push(TextRange::new(start, start + matcher.phrase(form).len()));
    });
    ranges.sort_by_key(|r| (r.start, r.end));
    let reach = ranges
        .iter()
        .scan(0, |reach, range| {
            *reach = range.end.max(*reach);
            Some(*reach)
        })
        .collect();
    ExcludedRanges { ranges, reach }
}

/// The lexicon's forms with numbers in them (两个维护, 1书4表), in which no
/// figure starts. Made once per lexicon: the [`Segmenter`](crate::Segmenter)
/// keeps one ([`Segmenter::numbered_forms`](crate::Segmenter::numbered_forms)),
/// so that each report costs one pass, not a walk of the whole lexicon.
#[derive(Debug, Clone, Default)]
pub struct NumberedForms(PhraseIndex<'static>);

impl NumberedForms {
    /// The numbered forms of `lexicon`.
    pub fn of(lexicon: &Lexicon) -> Self {
        let numbered = lexicon
            .entries
            .iter()
            .flat_map(|entry| entry.forms())
            .filter(|form| form.chars().any(|c| is_digit(c) || is_chinese_numeral_char(c)));
        Self(PhraseIndex::owned(numbered.map(str::to_owned)))
    }
}

/// The byte ranges no figure may start in, sorted by start, with the
/// furthest end reached by each range and those before it.
struct ExcludedRanges {
    ranges: Vec<TextRange>,
    /// `reach[i]`: the largest end among `ranges[..=i]`.
    reach: Vec<usize>,
}

impl ExcludedRanges {
    /// Whether byte `at` lies in one of the 64 ranges starting last at or
    /// before it. Most bytes lie past every range before them, which the
    /// reach tells at once; only the others walk back.
    fn contain(&self, at: usize) -> bool {
        let before = self.ranges.partition_point(|r| r.start <= at);
        if before == 0 || self.reach[before - 1] <= at {
            return false;
        }
        self.ranges[..before].iter().rev().take(64).any(|r| at < r.end)
    }
}

/// What the figure at `start..end` counts: its clause's words before the
/// number (time and scope words dropped), joined with a short noun phrase
/// after its unit (`举办` + `清廉文化大讲堂`).
fn subject_of(text: &str, start: usize, end: usize) -> Option<String> {
    let clause_start =
        text[..start].char_indices().rev().find(|&(_, c)| is_clause_break(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let mut before = text[clause_start..start].trim();
    // After the last enumeration marker (一是 … 十是).
    let mut following: Option<(usize, char)> = None;
    for (at, c) in before.char_indices().rev() {
        if let Some((shi, '是')) = following
            && matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
        {
            before = &before[shi + '是'.len_utf8()..];
            break;
        }
        following = Some((at, c));
    }
    loop {
        let stripped = SUBJECT_PREFIXES.iter().find_map(|prefix| before.strip_prefix(prefix));
        match stripped {
            Some(rest) => before = rest,
            None => break,
        }
    }
    let before = before.trim_end_matches(['从', '达', '为', '计', '了']);
    // The phrase from the last verb on (处置问题线索, not 支持局派驻纪检监察组处置问题线索).
    let mut verb_at = before
        .char_indices()
        .rev()
        .map(|(at, _)| at)
        .find(|&at| SUBJECT_VERBS.iter().any(|verb| before.as_bytes()[at..].starts_with(verb.as_bytes())));
    // A verb right before it belongs to the phrase (开展培训).
    while let Some(at) = verb_at {
        match SUBJECT_VERBS.iter().find(|verb| before[..at].ends_with(*verb)) {
            Some(verb) => verb_at = Some(at - verb.len()),
            None => break,
        }
    }
    let before = verb_at.map_or(before, |at| &before[at..]);
    // A duration (为期两周的主题教育读书班) counts what follows it.
    let before = if before.ends_with("为期") { "" } else { before };
    let window_end = text[end..].char_indices().nth(MAX_CLAUSE).map_or(text.len(), |(i, _)| end + i);
    let clause_end =
        text[end..window_end].char_indices().find(|&(_, c)| is_clause_break(c)).map_or(window_end, |(i, _)| end + i);
    let after = text[end..clause_end].trim_start_matches('的');
    let after = if after.chars().count() <= 12 && !after.chars().any(|c| is_digit(c) || c == '*') { after } else { "" };
    let subject: String = format!("{before}{after}");
    let subject = subject.trim();
    // A subject is at most a short phrase: keep its last 16 characters.
    let chars: Vec<char> = subject.chars().collect();
    let subject: String = chars[chars.len().saturating_sub(16)..].iter().collect();
    (!subject.is_empty()).then_some(subject)
}

/// Every figure of a report, in text order; none starts in one of the
/// lexicon's `numbered_forms`.
pub fn extract_figures(cleaned: &CleanedText, outline: &Outline, numbered_forms: &NumberedForms) -> Vec<Figure> {
    let text = &cleaned.text;
    let excluded = excluded_ranges(cleaned, outline, numbered_forms);
    let mut figures: Vec<Figure> = Vec::new();
    let mut at = 0;
    // The character before `at`, kept as the loop steps a character at a
    // time and found again after a jump.
    let mut previous: Option<char> = None;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else { break };
        // Most characters can start no number: one test of the character
        // passes them over before any lookahead (百分之 starts with a
        // numeral).
        if !may_start_number(c) {
            previous = Some(c);
            at += c.len_utf8();
            continue;
        }
        // A number continues a word or number before it: not a start.
        let continues = previous.is_some_and(|p| {
            is_digit(p)
                || p == '.'
                || p == '*'
                || p == '＊'
                || (is_chinese_numeral_char(p) && is_chinese_numeral_char(c))
        });
        // Asking whether a number starts here first leaves the excluded
        // ranges' lookup to the few characters where one does.
        let number = if continues || previous == Some('第') { None } else { number_at(text, at) };
        let Some(number) = number.filter(|_| !excluded.contain(at)) else {
            previous = Some(c);
            at += c.len_utf8();
            continue;
        };
        match figure_at(text, at, &number, &excluded) {
            Some((end, mut figure)) => {
                figure.line = cleaned.source_line_at(figure.range.start);
                figure.heading = innermost_heading(&outline.headings, figure.range.start);
                figures.push(figure);
                at = end;
            }
            None => at = number.end.max(at + c.len_utf8()),
        }
        previous = text[..at].chars().next_back();
    }
    figures
}

/// The figure whose number starts at byte `start`, with where it ends.
fn figure_at(text: &str, start: usize, number: &NumberToken, excluded: &ExcludedRanges) -> Option<(usize, Figure)> {
    let mut end = number.end;
    let percent_word = text[start..].starts_with("百分之");
    let mut approx = approx_before(text, start).map(str::to_owned);
    let text_start = approx.as_ref().map_or(start, |word| start - word.len());
    if let Some(word) = approx_after(text, end).filter(|w| *w == "余" || *w == "多") {
        approx = Some(word.to_owned());
        end += word.len();
    }
    let unit = if percent_word { Some("%") } else { unit_at(text, end) };
    // A redaction is a figure even with no unit after it (选拔任用**科级领导干部).
    let unit = match unit {
        Some(unit) => unit,
        None if number.redacted => "",
        // A bare Arabic number right after a counting verb (选拔任用10科级领导干部).
        None if !number.chinese
            && SUBJECT_VERBS.iter().any(|verb| text[..text_start].ends_with(verb))
            && text[end..].chars().next().is_some_and(|c| crate::source::is_cjk(c) && c.is_alphanumeric()) =>
        {
            ""
        }
        None => return None,
    };
    if !percent_word {
        end += unit.len();
    }
    // An anniversary (十周年) is not a duration.
    if unit == "周" && text[end..].starts_with('年') {
        return None;
    }
    // Dates are not figures: 2023年, 二〇二三年, 12月, 5日.
    if unit == "年" && !number.redacted && number.value.is_some_and(|v| (1900.0..2100.0).contains(&v)) {
        return None;
    }
    if number.chinese {
        let numeral = &text[start..number.end];
        if numeral == "一" && text[number.end..].chars().next().is_some_and(|c| VAGUE_AFTER_ONE.contains(&c)) {
            return None;
        }
        // 百年, 十年: a span of years written in words only after 为期/近/连续.
        if unit == "年" && !["为期", "近", "连续"].iter().any(|w| text[..start].ends_with(w)) {
            return None;
        }
    }
    if let Some(word) =
        approx_after(text, end).filter(|w| *w == "以上" || *w == "左右" || (*w == "余" && approx.is_none()))
    {
        approx = Some(word.to_owned());
        end += word.len();
    }
    // A range: 6%－6.5%, 从264人增加到449人.
    let mut value_to = None;
    for joiner in RANGE_JOINERS {
        if !text[end..].starts_with(joiner) {
            continue;
        }
        let after = end + joiner.len();
        let is_word_joiner = joiner.chars().count() > 1 || *joiner == "至" || *joiner == "到";
        if is_word_joiner && *joiner != "至" && !text[..start].ends_with('从') {
            break;
        }
        if let Some(second) = number_at(text, after).filter(|n| !n.redacted && !excluded.contain(after)) {
            let second_unit = unit_at(text, second.end);
            if second_unit == Some(unit) || (second_unit.is_none() && matches!(unit, "%" | "％")) {
                value_to = second.value;
                end = second.end + second_unit.map_or(0, str::len);
            }
        }
        break;
    }
    let text_start = if value_to.is_some() && text[..text_start].ends_with('从') {
        text_start - '从'.len_utf8()
    } else {
        text_start
    };
    let value = if number.redacted { None } else { number.value };
    let figure = Figure {
        text: text[text_start..end].to_owned(),
        range: TextRange::new(text_start, end),
        value,
        value_to,
        unit: match unit {
            "" => None,
            "％" => Some("%".to_owned()),
            unit => Some(unit.to_owned()),
        },
        approx,
        redacted: number.redacted,
        subject: subject_of(text, text_start, end),
        line: 0,
        heading: None,
    };
    Some((end, figure))
}

/// One file's figures, as `gongwen figures --json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiguresRecord {
    /// The file's path as given.
    pub file: String,
    /// Every figure, in text order.
    pub figures: Vec<FigureRecord>,
}

/// One figure in a [`FiguresRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    /// The statement as written.
    pub text: String,
    /// The number; `null` when redacted.
    pub value: Option<f64>,
    /// The unit or measure word.
    pub unit: Option<String>,
    /// The approximation word.
    pub approx: Option<String>,
    /// Whether the number is redacted.
    pub redacted: bool,
    /// What is counted.
    pub subject: Option<String>,
    /// The source line (or paragraph).
    pub line: u32,
    /// The innermost heading's index in the outline.
    pub section: Option<usize>,
    /// The upper end of a range (added field).
    pub value_to: Option<f64>,
}

impl FiguresRecord {
    /// The record of the report named `file`, whose figures these are.
    pub fn of(file: &str, figures: &[Figure]) -> Self {
        Self {
            file: file.to_owned(),
            figures: figures
                .iter()
                .map(|f| FigureRecord {
                    text: f.text.clone(),
                    value: f.value,
                    unit: f.unit.clone(),
                    approx: f.approx.clone(),
                    redacted: f.redacted,
                    subject: f.subject.clone(),
                    line: f.line,
                    section: f.heading,
                    value_to: f.value_to,
                })
                .collect(),
        }
    }
}
