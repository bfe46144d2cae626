//! Caps on what an HTML page may ask of the parser, applied before it sees the page.
//!
//! The HTML5 parser and readability cost more than linear time in two shapes no article
//! has: deep nesting (520 KB of `<div>` ran past 30 s or overflowed the stack, F3) and
//! elements with huge numbers of attributes (500,000 took 75 s, F4: each attribute is
//! checked against the ones before it). One linear pass over the markup drops the tags
//! nested deeper than [`MAX_DEPTH`] (their text stays) and the attributes of one element
//! past [`MAX_ATTRIBUTES`]. A page within both caps is passed on untouched.
//!
//! This is a tag scanner, not a parser (no crate offers a cheap pre-pass; html5ever itself
//! is what must be protected): it knows comments, declarations, quoted attribute values,
//! void elements and the raw-text elements whose content is not markup, which is all that
//! depth and attribute counts need. Where it misjudges, the parser still gets well-formed
//! enough markup, since only whole tags or whole attributes are ever dropped.

use std::borrow::Cow;

/// Deepest element nesting kept. Real pages stay under a hundred; the parser's cost grows
/// with depth squared (4,000 levels: 5.7 s, 1,000: 0.4 s, 256: 0.07 s).
pub const MAX_DEPTH: usize = 256;
/// Most attributes kept on one element.
pub const MAX_ATTRIBUTES: usize = 1000;

/// Elements that never hold content and so never nest.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: [&str; 9] = [
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// What the caps took out of a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capped {
    /// Tags dropped for nesting deeper than [`MAX_DEPTH`].
    pub deep_tags: usize,
    /// Attributes dropped past [`MAX_ATTRIBUTES`] on one element.
    pub attributes: usize,
}

/// The page with the caps applied, and what they took out (the page itself, borrowed, when
/// nothing).
pub fn tame(html: &str) -> (Cow<'_, str>, Capped) {
    let mut out = String::new();
    let mut capped = Capped::default();
    let (mut depth, mut hidden) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let (mut at, mut copied) = (0usize, 0usize);
    // Copies html[copied..upto] and skips html[upto..to]: a dropped tag or attribute.
    let drop = |out: &mut String, copied: &mut usize, upto: usize, to: usize| {
        out.push_str(&html[*copied..upto]);
        *copied = to;
    };
    while let Some(off) = html[at..].find('<') {
        let lt = at + off;
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            at = rest.find('>').map_or(html.len(), |e| lt + e + 1);
        } else if let Some(name) = tag_name(&rest[1..]) {
            let tag = scan_tag(html, lt + 1 + name.len());
            let name = name.to_ascii_lowercase();
            at = tag.end;
            let nests = !tag.self_closing && !VOID.contains(&name.as_str());
            if nests && depth >= MAX_DEPTH {
                drop(&mut out, &mut copied, lt, tag.end);
                hidden += 1;
                capped.deep_tags += 1;
            } else if tag.attributes.len() > MAX_ATTRIBUTES {
                let first_dropped = tag.attributes[MAX_ATTRIBUTES].0;
                let last = tag.attributes[tag.attributes.len() - 1].1;
                drop(&mut out, &mut copied, first_dropped, last);
                capped.attributes += tag.attributes.len() - MAX_ATTRIBUTES;
            }
            if !nests {
                continue;
            }
            if hidden == 0 {
                depth += 1;
            }
            if RAW_TEXT.contains(&name.as_str()) {
                at = raw_text_end(html, at, &name);
            }
        } else if let Some(name) = rest.strip_prefix("</").and_then(tag_name) {
            let end = rest.find('>').map_or(html.len(), |e| lt + e + 1);
            if !VOID.contains(&name.to_ascii_lowercase().as_str()) {
                if hidden > 0 {
                    hidden -= 1;
                    drop(&mut out, &mut copied, lt, end);
                    capped.deep_tags += 1;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
            at = end;
        } else {
            at = lt + 1;
        }
        if at >= bytes.len() {
            break;
        }
    }
    if capped == Capped::default() {
        return (Cow::Borrowed(html), capped);
    }
    out.push_str(&html[copied.min(html.len())..]);
    (Cow::Owned(out), capped)
}

/// The tag name at the start of `s`, if `s` starts with one (an ASCII letter, then letters,
/// digits, hyphens or colons).
fn tag_name(s: &str) -> Option<&str> {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(s.len());
    Some(&s[..end])
}

/// A start tag as scanned: where it ends (after `>`), its attributes as byte ranges (each
/// from the white space before it to its end), and whether it closes itself (`/>`).
struct Tag {
    end: usize,
    attributes: Vec<(usize, usize)>,
    self_closing: bool,
}

/// Scans the attributes of the start tag whose name ends at `at`.
fn scan_tag(html: &str, mut at: usize) -> Tag {
    let b = html.as_bytes();
    let mut attributes = Vec::new();
    loop {
        let before = at;
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        match b.get(at) {
            None => {
                return Tag {
                    end: b.len(),
                    attributes,
                    self_closing: false,
                };
            }
            Some(b'>') => {
                return Tag {
                    end: at + 1,
                    attributes,
                    self_closing: false,
                };
            }
            Some(b'/') if b.get(at + 1) == Some(&b'>') => {
                return Tag {
                    end: at + 2,
                    attributes,
                    self_closing: true,
                };
            }
            Some(b'/') => {
                at += 1;
                continue;
            }
            Some(_) => {}
        }
        while at < b.len() && !matches!(b[at], b'=' | b'>' | b'/') && !b[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut look = at;
        while look < b.len() && b[look].is_ascii_whitespace() {
            look += 1;
        }
        if b.get(look) == Some(&b'=') {
            at = look + 1;
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            match b.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    at = html[at + 1..]
                        .find(q as char)
                        .map_or(b.len(), |e| at + 1 + e + 1);
                }
                _ => {
                    while at < b.len() && b[at] != b'>' && !b[at].is_ascii_whitespace() {
                        at += 1;
                    }
                }
            }
        }
        attributes.push((before, at));
    }
}

/// Where the raw text of element `name` that starts at `at` ends: at its end tag (matched
/// without regard to case), or at the end of the page.
fn raw_text_end(html: &str, at: usize, name: &str) -> usize {
    let close = format!("</{name}");
    let b = html.as_bytes();
    let mut from = at;
    while let Some(off) = html[from..].find("</") {
        let k = from + off;
        let candidate = &b[k..(k + close.len()).min(b.len())];
        if candidate.eq_ignore_ascii_case(close.as_bytes()) {
            return k;
        }
        from = k + 2;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_page_passes_untouched() {
        let page = r#"<html><head><title>T</title><script>if (a < b) { x = "</div>"; }</script>
            </head><body><!-- <div><div> --><p class="x" id='y'>Text <b>bold</b><br/>more</p>
            <img src="a.png"></body></html>"#;
        let (out, capped) = tame(page);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(capped, Capped::default());
    }

    #[test]
    fn tags_deeper_than_the_cap_go_and_their_text_stays() {
        let page = format!(
            "<body>{}<p>The text.</p>{}</body>",
            "<div>".repeat(MAX_DEPTH + 50),
            "</div>".repeat(MAX_DEPTH + 50)
        );
        let (out, capped) = tame(&page);
        assert!(out.contains("The text."));
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH - 1);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH - 1);
        assert!(capped.deep_tags > 0);
    }

    #[test]
    fn attributes_past_the_cap_go_and_the_tag_stays_whole() {
        let attrs: Vec<String> = (0..MAX_ATTRIBUTES + 10)
            .map(|i| format!("a{i}=\"v {i}\""))
            .collect();
        let page = format!("<p {}>The text.</p>", attrs.join(" "));
        let (out, capped) = tame(&page);
        assert_eq!(capped.attributes, 10);
        assert!(out.contains(&format!("a{}=\"v", MAX_ATTRIBUTES - 1)));
        assert!(!out.contains(&format!("a{}=", MAX_ATTRIBUTES)));
        assert!(
            out.ends_with("\">The text.</p>"),
            "{}",
            &out[out.len() - 30..]
        );
    }
}
