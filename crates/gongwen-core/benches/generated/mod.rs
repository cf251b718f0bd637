//! Generated corpora for the benchmarks and the CLI's timings: stacks of
//! report-like texts built from the seeds, deterministic so that runs
//! compare. Shared by the `pipeline` and `compare` benchmarks and by the
//! `generate_reports` example, which writes a stack as files.

use std::path::PathBuf;

/// A small deterministic generator (xorshift), so runs compare.
pub struct Rng(pub u64);

impl Rng {
    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The seeds, one text per file, in name order.
pub fn seed_texts() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).expect("seeds/").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths.iter().map(|path| std::fs::read_to_string(path).expect("a seed")).collect()
}

/// `count` comparison stacks of about 10,000 characters: each report is mostly
/// its own text (characters drawn from the seeds' own, so no long accidental
/// matches), a fifth sentences drawn from the seeds (shared by many reports,
/// with figures changed now and then) and one template paragraph shared by
/// all. Random characters segment unlike prose: use [`work_reports`] to
/// time the per-report pipeline.
pub fn synthetic_reports(count: usize) -> Vec<String> {
    let seeds = seed_texts().concat();
    let sentences: Vec<&str> = seeds.split_inclusive('。').filter(|s| s.chars().count() > 10).collect();
    let mut alphabet: Vec<char> = seeds.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect();
    alphabet.sort_unstable();
    alphabet.dedup();
    let template = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实上级各项决策部署，对标对表年度目标任务，压紧压实工作责任，确保各项工作落地见效。";
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|index| {
            let mut text = format!("{index}号单位2023年度工作报告\n一、主要工作\n{template}\n");
            let mut chars = 0;
            while chars < 10_000 {
                let paragraph: String = if rng.below(5) == 0 {
                    let sentence = sentences[rng.below(sentences.len())];
                    if rng.below(3) == 0 { sentence.replace("2023", "2022") } else { sentence.to_owned() }
                } else {
                    let len = 40 + rng.below(120);
                    let mut own: String = (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect();
                    own.push('。');
                    own
                };
                chars += paragraph.chars().count();
                text.push_str(&paragraph);
                if rng.below(4) == 0 {
                    text.push('\n');
                }
            }
            text
        })
        .collect()
}

/// Lines up to this many characters are kept as written: titles, dates and
/// headings.
const SHORT_LINE_CHARS: usize = 50;

/// `count` work reports of about `target_chars` characters each, in the
/// genre's prose: report `i` follows seed `i mod 5` line by line (its title,
/// headings and numbering intact, the year moved by `i`), and each of its
/// paragraphs keeps its first sentence (which may open with `一是`) and
/// mixes its other sentences with sentences of every seed, figures changed,
/// until the report is long enough.
pub fn work_reports(count: usize, target_chars: usize) -> Vec<String> {
    let seeds = seed_texts();
    let all = seeds.concat();
    let pool: Vec<&str> = all
        .split_inclusive('。')
        .filter(|s| s.chars().count() > 10 && !s.contains('\n') && !opens_like_heading(s))
        .collect();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    (0..count)
        .map(|index| {
            let seed = &seeds[index % seeds.len()];
            // Sentences drawn from the pool per sentence of the seed, in
            // thousandths: the whole part always, the rest by chance.
            let extra_per_mille = (target_chars * 1000 / seed.chars().count().max(1)).saturating_sub(1000);
            let year = 2015 + index % 10;
            let mut text = String::with_capacity(target_chars * 3 + 1024);
            for line in seed.lines() {
                let line = line.replace("2023", &year.to_string());
                if line.chars().count() <= SHORT_LINE_CHARS {
                    text.push_str(&line);
                } else {
                    for (position, sentence) in line.split_inclusive('。').enumerate() {
                        if position == 0 {
                            text.push_str(sentence);
                            continue;
                        }
                        push_with_figures_changed(&mut text, sentence, &mut rng);
                        let extra = extra_per_mille / 1000 + usize::from(rng.below(1000) < extra_per_mille % 1000);
                        for _ in 0..extra {
                            push_with_figures_changed(&mut text, pool[rng.below(pool.len())], &mut rng);
                        }
                    }
                }
                text.push('\n');
            }
            text
        })
        .collect()
}

/// Whether a sentence opens with what could read as a heading marker
/// (`一是`, `（二）`, `3.`), which a paragraph of the pool must not.
fn opens_like_heading(sentence: &str) -> bool {
    let mut chars = sentence.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    "一二三四五六七八九十第（(".contains(first) || first.is_ascii_digit() || second == '是'
}

/// Appends `sentence` with each run of ASCII digits replaced, one time in
/// three, by another number of the same length.
fn push_with_figures_changed(text: &mut String, sentence: &str, rng: &mut Rng) {
    let mut digits = String::new();
    for c in sentence.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            if rng.below(3) == 0 {
                let first = 1 + rng.below(9);
                text.push(char::from(b'0' + first as u8));
                for _ in 1..digits.len() {
                    text.push(char::from(b'0' + rng.below(10) as u8));
                }
            } else {
                text.push_str(&digits);
            }
            digits.clear();
        }
        if c != '\0' {
            text.push(c);
        }
    }
}
