//! Word-level changes inside a link, computed with `similar` over folded words so that case,
//! punctuation and curly versus straight quotes do not count as changes.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::Side;
use crate::span::Span;
use crate::text::{Token, tokens};

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

/// The words of the given segments, in order.
fn words(side: Side<'_>, ids: &[usize]) -> Vec<Token> {
    ids.iter()
        .flat_map(|&i| tokens(side.text, side.segments[i].span, side.lang))
        .collect()
}

/// The word-level changes from A's passages `ia` to B's passages `ib`.
pub fn word_changes(a: Side<'_>, ia: &[usize], b: Side<'_>, ib: &[usize]) -> Vec<Change> {
    let wa = words(a, ia);
    let wb = words(b, ib);
    let ka: Vec<&str> = wa.iter().map(|t| t.folded.as_str()).collect();
    let kb: Vec<&str> = wb.iter().map(|t| t.folded.as_str()).collect();
    let run = |ts: &[Token], text: &str, from: usize, len: usize| -> (String, Option<Span>) {
        if len == 0 {
            return (String::new(), None);
        }
        let span = Span::new(ts[from].span.start, ts[from + len - 1].span.end);
        (span.slice(text).to_string(), Some(span))
    };
    capture_diff_slices(Algorithm::Patience, &ka, &kb)
        .into_iter()
        .filter_map(|op| {
            let (op, ai, al, bi, bl) = match op {
                DiffOp::Equal { .. } => return None,
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => (ChangeOp::Delete, old_index, old_len, new_index, 0),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => (ChangeOp::Insert, old_index, 0, new_index, new_len),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => (ChangeOp::Replace, old_index, old_len, new_index, new_len),
            };
            let (ta, sa) = run(&wa, a.text, ai, al);
            let (tb, sb) = run(&wb, b.text, bi, bl);
            Some(Change {
                op,
                a: ta,
                b: tb,
                a_span: sa,
                b_span: sb,
            })
        })
        .collect()
}
