//! Scratch: the wasm size of a spec-following HTML tokenizer, and the text
//! blocks it finds, for comparison with Gongwen Lens's hand-written scanner.

/// Block elements that end a text block.
const BLOCKS: &[&str] = &["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "td", "section", "article", "body"];
const SKIP: &[&str] = &["script", "style", "head", "nav", "noscript", "template"];

/// Visible text blocks of an HTML page, whitespace removed.
#[cfg(feature = "gum")]
pub fn blocks(html: &str) -> Vec<String> {
    use html5gum::{Token, Tokenizer};
    let mut out = Vec::new();
    let mut current = String::new();
    let mut skip = 0usize;
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_lowercase();
                if SKIP.contains(&name.as_str()) && !tag.self_closing { skip += 1; }
                if BLOCKS.contains(&name.as_str()) && !current.is_empty() { out.push(std::mem::take(&mut current)); }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_lowercase();
                if SKIP.contains(&name.as_str()) { skip = skip.saturating_sub(1); }
                if BLOCKS.contains(&name.as_str()) && !current.is_empty() { out.push(std::mem::take(&mut current)); }
            }
            Token::String(text) if skip == 0 => current.extend(String::from_utf8_lossy(&text).chars().filter(|c| !c.is_whitespace())),
            _ => {}
        }
    }
    if !current.is_empty() { out.push(current); }
    out
}

/// Visible text blocks of an HTML page by html5ever's tree builder.
#[cfg(feature = "ever")]
pub fn blocks(html: &str) -> Vec<String> {
    use html5ever::tendril::TendrilSink;
    use markup5ever_rcdom::{Handle, NodeData, RcDom};
    fn walk(node: &Handle, out: &mut Vec<String>, current: &mut String) {
        match &node.data {
            NodeData::Element { name, .. } => {
                let tag = name.local.to_string();
                if SKIP.contains(&tag.as_str()) { return; }
                let block = BLOCKS.contains(&tag.as_str());
                if block && !current.is_empty() { out.push(std::mem::take(current)); }
                for child in node.children.borrow().iter() { walk(child, out, current); }
                if block && !current.is_empty() { out.push(std::mem::take(current)); }
            }
            NodeData::Text { contents } => current.extend(contents.borrow().chars().filter(|c| !c.is_whitespace())),
            _ => for child in node.children.borrow().iter() { walk(child, out, current); },
        }
    }
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut out = Vec::new();
    let mut current = String::new();
    walk(&dom.document, &mut out, &mut current);
    if !current.is_empty() { out.push(current); }
    out
}

/// The wasm entry point whose size is measured.
#[cfg(any(feature = "gum", feature = "ever"))]
#[unsafe(no_mangle)]
pub extern "C" fn count_blocks(pointer: *const u8, len: usize) -> usize {
    // Only there so that the wasm build keeps the tokenizer: its size is what is measured.
    let _ = (pointer, len);
    blocks(include_str!("../../../corpus/21_html_tags_inside_headings.html")).len()
}
