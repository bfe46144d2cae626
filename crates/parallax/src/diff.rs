//! Word-level changes between two runs of passages (the two sides of a link), computed with
//! `similar` over folded words so that case, punctuation and curly versus straight quotes do
//! not count as changes. The aligner records them and the facts stage reads the numbers they
//! replace, so they sit below both.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::span::Span;
use crate::text::{Language, Token, tokens};

/// What happened to a run of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeOp {
    /// Words of A replaced by words of B.
    Replace,
    /// Words of A that B drops.
    Delete,
    /// Words B adds.
    Insert,
}

/// A run of words that differs between the two sides of a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// What happened.
    pub op: ChangeOp,
    /// The words on A's side, as written (empty for an insert).
    pub a: String,
    /// The words on B's side, as written (empty for a delete).
    pub b: String,
    /// Where A's words stand in A's text.
    pub a_span: Option<Span>,
    /// Where B's words stand in B's text.
    pub b_span: Option<Span>,
}

/// One side of a word diff: passages of one text, in order.
#[derive(Clone, Debug)]
pub struct Passages<'a> {
    /// The text they are in.
    pub text: &'a str,
    /// Its language.
    pub lang: Language,
    /// Each passage's id in its text and its span; ids that follow each other are
    /// neighbours in the text.
    pub spans: Vec<(usize, Span)>,
}

/// The words of the passages, in order, each with the position (in `p.spans`) of the
/// passage it comes from.
fn words(p: &Passages<'_>) -> Vec<(Token, usize)> {
    p.spans
        .iter()
        .enumerate()
        .flat_map(|(k, &(_, span))| {
            tokens(p.text, span, p.lang)
                .into_iter()
                .map(move |t| (t, k))
        })
        .collect()
}

/// The runs of `len` words from `from` that lie in one stretch of text: a link may join
/// passages that are not neighbours ("A 5 ~ B 21+23"), and a change must never take in
/// the passages between them, nor text between two neighbours that is no passage (a
/// byline and a date between a headline and the lead). Each run as its text and span.
fn pieces(ts: &[(Token, usize)], p: &Passages<'_>, from: usize, len: usize) -> Vec<(String, Span)> {
    let mut out: Vec<(String, Span)> = Vec::new();
    let mut start = from;
    for k in from..from + len {
        let last = k + 1 == from + len;
        // The next word starts a new stretch when its passage does not follow this one.
        let breaks = !last && {
            let (i, j) = (ts[k].1, ts[k + 1].1);
            let (x, y) = (p.spans[i], p.spans[j]);
            let text_between = || {
                let between = p.text.get(x.1.end..y.1.start).unwrap_or("");
                !between.trim_matches(crate::lines::is_blank).is_empty()
            };
            i != j && (y.0 != x.0 + 1 || text_between())
        };
        if last || breaks {
            let span = Span::new(ts[start].0.span.start, ts[k].0.span.end);
            out.push((span.slice(p.text).to_string(), span));
            start = k + 1;
        }
    }
    out
}

/// The word-level changes from passages `a` to passages `b`.
pub fn word_changes(a: &Passages<'_>, b: &Passages<'_>) -> Vec<Change> {
    let wa = words(a);
    let wb = words(b);
    let ka: Vec<&str> = wa.iter().map(|t| t.0.folded.as_str()).collect();
    let kb: Vec<&str> = wb.iter().map(|t| t.0.folded.as_str()).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &ka, &kb) {
        let (ai, al, bi, bl) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index, old_len, new_index, 0),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 0, new_index, new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index, new_len),
        };
        let pa = pieces(&wa, a, ai, al);
        let pb = pieces(&wb, b, bi, bl);
        // Pieces pair up in order; what one side has left over is deleted or inserted.
        let nth = |ps: &[(String, Span)], k: usize| {
            ps.get(k)
                .cloned()
                .map_or((String::new(), None), |(t, s)| (t, Some(s)))
        };
        for k in 0..pa.len().max(pb.len()) {
            let (ta, sa) = nth(&pa, k);
            let (tb, sb) = nth(&pb, k);
            let op = match (sa.is_some(), sb.is_some()) {
                (true, true) => ChangeOp::Replace,
                (true, false) => ChangeOp::Delete,
                _ => ChangeOp::Insert,
            };
            out.push(Change {
                op,
                a: ta,
                b: tb,
                a_span: sa,
                b_span: sb,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The passages of `text` that start with each of `starts`, numbered as the text's
    /// passages: `ids[k]` for the k-th.
    fn passages<'a>(text: &'a str, starts: &[(usize, &str)]) -> Passages<'a> {
        let spans = starts
            .iter()
            .map(|&(id, s)| {
                let at = text.find(s).unwrap();
                let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
                (id, Span::new(at, end))
            })
            .collect();
        Passages {
            text,
            lang: Language::English,
            spans,
        }
    }

    /// A headline and the lead are neighbouring passages, but the byline and the date
    /// between them are no passage: a change across the two must not take them in.
    #[test]
    fn a_change_never_takes_in_text_between_two_passages() {
        let a = "Ferry fire off the port: 7 missing\n\nBy Anna Keller\nJune 3, 2025\n\n\
                 A fire broke out on the ferry on Tuesday.\n";
        let b = "Seven missing after ferry blaze\n\nBy Omar Haddad\nJune 4, 2025\n\n\
                 Seven were still missing after a fire broke out on the ferry.\n";
        let pa = passages(a, &[(0, "Ferry fire"), (1, "A fire")]);
        let pb = passages(b, &[(0, "Seven missing"), (1, "Seven were")]);
        let changes = word_changes(&pa, &pb);
        assert!(!changes.is_empty());
        for c in &changes {
            for t in [&c.a, &c.b] {
                assert!(!t.contains("By ") && !t.contains("June"), "{changes:?}");
            }
        }
    }
}
