//! One pair of sources as two columns of passages.

use std::fmt::Write;

use super::{esc, note};
use crate::align::Link;
use crate::annotate::Notes;
use crate::comparison::{Comparison, LinkFacts, PairAlignment};
use crate::export::json::where_label;
use crate::export::walk::{self, Pair, PairSink};
use crate::facts::{is_possible, sentence};
use crate::ids::{LinkId, SegmentId, SourceId};
use crate::span::Span;

/// How many link tints the style sheet has.
const TINTS: usize = 8;

/// A link whose passages differ in more than this share of their words was told in other
/// words, not edited: marking its changes would mark nearly every word, so none are marked
/// (its facts that differ still are).
const MAX_CHANGED_SHARE: f32 = 0.4;

/// A change longer than this many words on one side is a rewritten stretch, not changed
/// words, and is not marked.
const MAX_CHANGE_WORDS: usize = 4;

/// A stretch inside a passage to mark: a conflicting fact or changed words.
struct Mark {
    /// The link it belongs to: it is shown only inside that link's passages.
    link: LinkId,
    span: Span,
    conflict: bool,
    /// A conflict on a weak link: possible, shown apart.
    possible: bool,
    title: String,
}

/// Which side of the pair a column shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    A,
    B,
}

impl Column {
    /// `a` in column A, `b` in column B.
    fn pick<T>(self, a: T, b: T) -> T {
        match self {
            Column::A => a,
            Column::B => b,
        }
    }
}

/// What the links of a pair give one column: the link each passage is in (its first,
/// should a passage be in more than one) and the stretches to mark inside linked passages.
struct LinkMarks {
    column: Column,
    link_of: Vec<Option<LinkId>>,
    marks: Vec<Mark>,
}

impl PairSink for LinkMarks {
    fn link(&mut self, pair: &Pair, k: LinkId, l: &Link, facts: &LinkFacts) {
        let ids = self.column.pick(&l.a, &l.b);
        for &i in ids {
            self.link_of[i.0].get_or_insert(k);
        }
        let (la, lb) = (&pair.a.letter, &pair.b.letter);
        let possible = is_possible(l);
        for c in &facts.conflicts {
            self.marks.push(Mark {
                link: k,
                span: self.column.pick(c.a_span, c.b_span),
                conflict: true,
                possible,
                title: sentence(c, la, lb, possible),
            });
        }
        let side = self.column.pick(&pair.a, &pair.b);
        let words = |s: &str| s.split_whitespace().count();
        let total: usize = ids
            .iter()
            .map(|&i| words(side.source.segment_text(i)))
            .sum();
        let changed: usize = l
            .changes
            .iter()
            .map(|c| words(self.column.pick(&c.a, &c.b)))
            .sum();
        if changed as f32 > MAX_CHANGED_SHARE * total.max(1) as f32 {
            return;
        }
        for c in &l.changes {
            let span = self.column.pick(c.a_span, c.b_span);
            if words(self.column.pick(&c.a, &c.b)) > MAX_CHANGE_WORDS {
                continue;
            }
            if let Some(span) = span {
                self.marks.push(Mark {
                    link: k,
                    span,
                    conflict: false,
                    possible: false,
                    title: format!("{la}: “{}” · {lb}: “{}”", c.a, c.b),
                });
            }
        }
    }
}

/// The section of pair `p`, visible when `shown`.
pub(super) fn pair(
    out: &mut String,
    cmp: &Comparison,
    p: &PairAlignment,
    notes: &Notes,
    shown: bool,
) {
    let _ = writeln!(
        out,
        "<section class=\"pair\" id=\"pair-{0}-{1}\" data-pair=\"{0}-{1}\" data-links=\"{2}\"{3}>",
        p.a,
        p.b,
        p.alignment.links.len(),
        if shown { "" } else { " hidden" }
    );
    super::flags::head(out, cmp, p);
    column(out, cmp, p, notes, Column::A);
    column(out, cmp, p, notes, Column::B);
    out.push_str("</section>\n");
}

fn column(out: &mut String, cmp: &Comparison, p: &PairAlignment, notes: &Notes, col: Column) {
    let (idx, other) = match col {
        Column::A => (p.a, p.b),
        Column::B => (p.b, p.a),
    };
    let src = cmp.source(idx);
    let text = &src.document.text;
    let key = format!("{}-{}", p.a, p.b);
    let tag = if col == Column::A { "a" } else { "b" };
    let mut found = LinkMarks {
        column: col,
        link_of: vec![None; src.segments.len()],
        marks: Vec::new(),
    };
    walk::pair(cmp, p, &mut found);
    let LinkMarks {
        link_of, mut marks, ..
    } = found;
    // Conflicts first so that they win where a change covers the same words.
    marks.sort_by_key(|m| (!m.conflict, m.span.start));
    let mut kept: Vec<Mark> = Vec::new();
    for m in marks {
        if !m.span.is_empty() && !kept.iter().any(|k| k.span.overlaps(&m.span)) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.span.start);

    let m = &src.document.meta;
    // The name that tells the sources apart, as everywhere else.
    let name = cmp.names().swap_remove(idx.0);
    // The page's own words are English; a source's paragraphs are in its own language,
    // which screen readers, hyphenation and spell checkers read from `lang`.
    let lang = src.lang.code();
    let _ = writeln!(out, "<div class=\"col col-{tag}\" data-source=\"{idx}\">");
    let _ = writeln!(
        out,
        "<div class=\"src\"><h2><span class=\"letter\">{}</span> {}</h2><p class=\"meta\">{}</p></div>",
        idx.letter(),
        esc(&name),
        esc(&[
            // The path, unless the heading already shows it; for a web page the heading
            // names, where it came from and when.
            Some(source_line(&src.document, &name))
                .filter(|p| *p != name)
                .as_deref(),
            m.byline.as_deref(),
            m.date.as_deref()
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "))
    );
    let mut para: Option<usize> = None;
    let mut prev_end = 0;
    for g in &src.segments {
        if para != Some(g.paragraph) {
            if para.is_some() {
                out.push_str("</div>\n");
            }
            let _ = write!(out, "<div class=\"para\" lang=\"{lang}\">");
            para = Some(g.paragraph);
        } else if text
            .get(prev_end..g.span.start)
            .is_some_and(|gap| gap.contains('\n'))
        {
            // A line break inside a paragraph stays one: a text of one sentence per line
            // must not run together.
            out.push_str("<br>\n");
        } else {
            out.push(' ');
        }
        prev_end = g.span.end;
        let id = format!("s{key}-{tag}-{}", g.id);
        match link_of[g.id.0] {
            Some(k) => {
                let _ = write!(
                    out,
                    "<span class=\"seg linked c{}\" id=\"{id}\" data-link=\"{k}\" tabindex=\"0\" title=\"Link {} with {}{}\"><sup class=\"mark\">{}</sup>",
                    k.0 % TINTS,
                    k.number(),
                    other.letter(),
                    weak_note(&p.alignment.links[k.0]),
                    k.number()
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<span class=\"seg only\" id=\"{id}\" tabindex=\"0\" title=\"Only in {}\"><sup class=\"mark\">+</sup>",
                    idx.letter()
                );
            }
        }
        let own: Vec<&Mark> = kept
            .iter()
            .filter(|m| Some(m.link) == link_of[g.id.0])
            .collect();
        marked(out, text, g.span, &own);
        // Marked for the notes this pair's view shows: on the passage, or on this pair's
        // link holding it. A note on another pair's link is shown with that pair; marked
        // here, it was a ✎ with no note to find.
        let on_link = link_of[g.id.0]
            .is_some_and(|k| !notes.on_link(p.a, p.b, &p.alignment.links[k.0]).is_empty());
        if on_link || !notes.on_passage(idx, g.id).is_empty() {
            out.push_str("<sup class=\"nmark\" title=\"has a note\">✎</sup>");
        }
        out.push_str("</span>");
        passage_notes(out, cmp, notes, idx, col, p, g.id);
    }
    if para.is_some() {
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

/// The notes on passage `i`, and (in column A) on links starting there, right after the
/// passage: beside what they are about, not at the end of a long paragraph.
fn passage_notes(
    out: &mut String,
    cmp: &Comparison,
    notes: &Notes,
    idx: SourceId,
    col: Column,
    p: &PairAlignment,
    i: SegmentId,
) {
    for n in notes.on_passage(idx, i) {
        let on = where_label(cmp, n.anchor.as_ref());
        note(out, n, on.as_deref());
    }
    if col != Column::A {
        return;
    }
    for l in p.alignment.links.iter().filter(|l| l.a.first() == Some(&i)) {
        for n in notes.on_link(p.a, p.b, l) {
            let on = where_label(cmp, n.anchor.as_ref());
            note(out, n, on.as_deref());
        }
    }
}

/// The text of `seg` with the marks inside it wrapped.
fn marked(out: &mut String, text: &str, seg: Span, marks: &[&Mark]) {
    let mut at = seg.start;
    for m in marks.iter().filter(|m| seg.contains(&m.span)) {
        if m.span.start < at || text.get(m.span.start..m.span.end).is_none() {
            continue;
        }
        out.push_str(&esc(&text[at..m.span.start]));
        let inner = esc(&text[m.span.start..m.span.end]);
        if m.conflict && m.possible {
            let _ = write!(
                out,
                "<mark class=\"conflict possible\" title=\"{}\">?\u{2009}{inner}</mark>",
                esc(&m.title)
            );
        } else if m.conflict {
            let _ = write!(
                out,
                "<mark class=\"conflict\" title=\"{}\">⚠\u{2009}{inner}</mark>",
                esc(&m.title)
            );
        } else {
            let _ = write!(
                out,
                "<span class=\"chg\" title=\"{}\">{inner}</span>",
                esc(&m.title)
            );
        }
        at = m.span.end;
    }
    out.push_str(&esc(&text[at..seg.end]));
}

/// ", weak (score 0.20)" for a weak link, as the other reports mark it; nothing otherwise.
fn weak_note(l: &Link) -> String {
    if l.is_weak() {
        format!(", weak (score {:.2})", l.score)
    } else {
        String::new()
    }
}

/// The source's line under its heading `name`: the path, or for a web page headed by its
/// short name, its URL and when it was fetched (the name once, not twice).
fn source_line(d: &crate::document::Document, name: &str) -> String {
    match d.origin() {
        Some(origin) if d.name() == name => origin,
        _ => d.source_line().into_owned(),
    }
}
