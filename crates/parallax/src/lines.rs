//! Lines and blanks: the helpers that reading a document's header and cutting it into
//! passages share.

use crate::span::Span;

/// White space, or the byte-order mark a UTF-8 file may start with: neither is text.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Lines with the byte offset each starts at (without the line break).
pub fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = at;
        at += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

/// The span without white space (or a byte-order mark) at either end.
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start_matches(is_blank).len());
    let end = span.end - (s.len() - s.trim_end_matches(is_blank).len());
    Span::new(start, end.max(start))
}

/// Where the line holding byte `pos` of `text` starts.
pub fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}
