//! Structural checks of a loaded comparison: every index and span must point where it can,
//! so that a hand-edited or damaged file gives an error at load, not a panic later.

use super::{Saved, sha256_hex};
use crate::comparison::Source;
use crate::document::Document;
use crate::ids::SegmentId;
use crate::span::Span;

type Check = std::result::Result<(), String>;

/// Checks `saved`; the error says what is wrong, for [`crate::Error::Corrupt`].
pub(super) fn check(saved: &Saved) -> Check {
    let cmp = &saved.comparison;
    cmp.options
        .params
        .check()
        .map_err(|e| format!("aligner parameter {e}"))?;
    let n = cmp.sources.len();
    if n < 2 {
        return Err(format!("{n} sources, at least two needed"));
    }
    if saved.sources.len() != n {
        return Err(format!(
            "{} sources listed but {n} in the comparison",
            saved.sources.len()
        ));
    }
    for (i, (src, listed)) in cmp.sources.iter().zip(&saved.sources).enumerate() {
        if sha256_hex(&src.document.text) != listed.sha256 {
            return Err(format!(
                "the text of source {} does not match its SHA-256",
                i + 1
            ));
        }
        source(src).map_err(|e| format!("source {}: {e}", i + 1))?;
    }
    for (k, p) in cmp.pairs.iter().enumerate() {
        if !(p.a < p.b && p.b.0 < n) {
            return Err(format!("pair {} names sources that are not there", k + 1));
        }
        let (a, b) = (cmp.source(p.a), cmp.source(p.b));
        let al = &p.alignment;
        if p.link_facts.len() != al.links.len() {
            return Err(format!(
                "pair {} has {} links but facts for {}",
                k + 1,
                al.links.len(),
                p.link_facts.len()
            ));
        }
        for (l, f) in al.links.iter().zip(&p.link_facts) {
            ids(&l.a, a.segments.len())?;
            ids(&l.b, b.segments.len())?;
            for c in &f.conflicts {
                span(c.a_span, &a.document.text)?;
                span(c.b_span, &b.document.text)?;
            }
            for c in &l.changes {
                c.a_span.map_or(Ok(()), |s| span(s, &a.document.text))?;
                c.b_span.map_or(Ok(()), |s| span(s, &b.document.text))?;
            }
        }
        ids(&al.only_a, a.segments.len())?;
        ids(&al.only_b, b.segments.len())?;
    }
    for c in &cmp.clusters {
        for m in &c.members {
            let s = cmp
                .sources
                .get(m.doc.0)
                .ok_or_else(|| format!("claim {} names a source that is not there", c.id))?;
            ids(&m.segments, s.segments.len())?;
        }
    }
    saved.notes.check(cmp).map_err(|e| e.to_string())?;
    Ok(())
}

fn source(s: &Source) -> Check {
    let text = &s.document.text;
    for (i, g) in s.segments.iter().enumerate() {
        if g.id != SegmentId(i) {
            return Err(format!("passage {} has id {}", i + 1, g.id));
        }
        span(g.span, text)?;
    }
    for f in &s.facts {
        span(f.span, text)?;
    }
    document(&s.document)
}

/// Checks what of a document points into its text: the header lines. (A version-1 file's
/// documents are checked before their comparison is built again from them.)
pub(super) fn document(d: &Document) -> Check {
    for h in &d.meta.header {
        span(h.span, &d.text)?;
    }
    Ok(())
}

fn span(s: Span, text: &str) -> Check {
    if s.start <= s.end && text.get(s.start..s.end).is_some() {
        Ok(())
    } else {
        Err(format!(
            "span {}..{} does not fit a text of {} bytes",
            s.start,
            s.end,
            text.len()
        ))
    }
}

fn ids(ids: &[SegmentId], len: usize) -> Check {
    match ids.iter().find(|&&i| i.0 >= len) {
        Some(i) => Err(format!("passage {} named but only {len} exist", i.number())),
        None => Ok(()),
    }
}
