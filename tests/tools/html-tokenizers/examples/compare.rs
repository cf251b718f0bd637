//! Compares the text blocks of each HTML fixture: the hand-written scanner's
//! lines against a spec tokenizer's blocks.
fn main() {
    let mut same = 0;
    let mut differ = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let ours: Vec<String> = gongwen_core::source::html::html_lines(&text, 1)
            .into_iter()
            .map(|line| line.text.chars().filter(|c| !c.is_whitespace()).collect::<String>())
            .filter(|line: &String| !line.is_empty())
            .collect();
        let theirs: Vec<String> = html_tokenizers::blocks(&text)
            .into_iter()
            .map(|block| gongwen_core::source::html::decode_entities(&block).chars().filter(|c| !c.is_whitespace()).collect())
            .filter(|block: &String| !block.is_empty())
            .collect();
        if ours.join("|") == theirs.join("|") {
            same += 1;
        } else {
            let only_ours: Vec<&String> = ours.iter().filter(|line| !theirs.contains(line)).collect();
            let only_theirs: Vec<&String> = theirs.iter().filter(|line| !ours.contains(line)).collect();
            differ.push(format!("{path}\n  only ours: {only_ours:?}\n  only theirs: {only_theirs:?}"));
        }
    }
    println!("same blocks: {same}; different: {}", differ.len());
    for line in differ {
        println!("{}", line.chars().take(900).collect::<String>());
    }
}
