//! The plain-text report: what a reader sees with `parallax align A B --format text`.

use std::fmt::Write;

use super::one_line;
use super::walk::{self, Pair, PairSide, PairSink};
use crate::align::Link;
use crate::comparison::{Comparison, LinkFacts, Source, Stance};
use crate::diff::ChangeOp;
use crate::facts::{Conflict, is_possible, sentence};
use crate::ids::{LinkId, SegmentId, SourceId};
use crate::text::visible;

const WIDTH: usize = 100;

/// The most runs of words replaced a link may have for the text report to list its edits.
const MOST_EDITS_LISTED: usize = 3;

/// How many runs of words added or dropped may join them, all edits counted, for those to
/// be listed too (else the replacements are listed alone).
const MOST_ADDS_LISTED: usize = 2;

/// Facts listed per source in "Facts only in …" before "and N more".
const FACTS_SHOWN: usize = 12;

/// The report as plain text, every control character of the input made visible.
pub fn render(cmp: &Comparison) -> String {
    let mut out = String::new();
    let many = cmp.sources.len() > 2;
    if many {
        // Several pairs follow, so say first what the whole report holds.
        let _ = writeln!(
            out,
            "{} sources, {} pairs; each pair below, then the claims across sources.",
            cmp.sources.len(),
            cmp.pairs.len()
        );
        legend(&mut out, cmp, "");
        out.push('\n');
    }
    for (k, p) in cmp.pairs.iter().enumerate() {
        if many {
            // Two header lines are easy to miss between long pairs: mark where each starts.
            let _ = writeln!(
                out,
                "── {} and {} (pair {} of {}) ──",
                p.a.letter(),
                p.b.letter(),
                k + 1,
                cmp.pairs.len()
            );
        }
        walk::pair(cmp, p, &mut TextPair { out: &mut out });
    }
    if many {
        claims(&mut out, cmp);
        per_source(&mut out, cmp);
    }
    visible(&out, true).into_owned()
}

/// "A: path", one line per source, each after `indent`: the exact paths, whole (to copy),
/// each followed by the name the summary lines below and the reader give the source ("—
/// Quake hits town") when the path does not end in it, so that the two can be matched; on
/// a line of its own under the path when both do not fit in one.
fn legend(out: &mut String, cmp: &Comparison, indent: &str) {
    let names = cmp.names();
    for (i, s) in cmp.sources.iter().enumerate() {
        let line = format!(
            "{indent}{}: {}",
            SourceId(i).letter(),
            s.document.source_line()
        );
        let name = &names[i];
        if s.document.is_web() || line.ends_with(name.as_str()) {
            let _ = writeln!(out, "{line}");
        } else if line.chars().count() + name.chars().count() + 3 <= WIDTH {
            let _ = writeln!(out, "{line} — {name}");
        } else {
            let under = format!("{indent}   ");
            let (head, more) = (format!("{under}— "), format!("{under}  "));
            let named = packed(&head, std::slice::from_ref(name), &more, WIDTH);
            let _ = writeln!(out, "{line}\n{named}");
        }
    }
}

/// The claim-by-source matrix: one row per claim, a column per source.
fn claims(out: &mut String, cmp: &Comparison) {
    let _ = writeln!(
        out,
        "Claims across sources (✓ states it, ≠ with a different fact, ≈ only a weak match,\n\
         → a passage outside it (in another claim or none) is linked to it, not counted, – does not)"
    );
    if cmp.clusters.is_empty() {
        let _ = writeln!(out, "  No claim is shared by two sources.");
        return;
    }
    legend(out, cmp, "  ");
    let n = cmp.sources.len();
    let number = cmp.clusters.len().to_string().len();
    let head: Vec<String> = SourceId::all(n).map(SourceId::letter).collect();
    let _ = writeln!(out, "  {:>number$}  {}  claim", "", head.join(" "));
    let table = cmp.claim_table();
    for (k, c) in cmp.clusters.iter().enumerate() {
        let cells: Vec<&str> = SourceId::all(n)
            .map(|i| stance_mark(table.stance(k, i)))
            .collect();
        let row = format!("  {:>number$}  {}  ", k + 1, cells.join(" "));
        let room = WIDTH.saturating_sub(row.chars().count());
        let _ = writeln!(out, "{row}{}", one_line(&c.label, room));
        let indent = " ".repeat(row.chars().count());
        let believed = super::claims::flags(cmp, c).into_iter().map(|f| ("!", f));
        let possible = super::claims::possible_flags(cmp, c)
            .into_iter()
            .map(|f| ("?", f));
        let outside = table.outside_lines(k).into_iter().map(|o| ("→", o));
        for (sign, flag) in believed.chain(possible).chain(outside) {
            let _ = writeln!(
                out,
                "{}",
                packed(&format!("{indent}{sign} "), &[flag], &indent, WIDTH)
            );
        }
    }
}

/// One line per source: the claims it states, what only it reports, where it differs.
fn per_source(out: &mut String, cmp: &Comparison) {
    let _ = writeln!(out, "\nPer source:");
    for line in super::claims::summary_lines(cmp) {
        let _ = writeln!(out, "{}", packed("  ", &[line], "    ", WIDTH));
    }
}

/// How the reports mark a source's stance to a claim: ✓, ≠, ≈, → or –.
pub fn stance_mark(s: Stance) -> &'static str {
    match s {
        Stance::States => "✓",
        Stance::Differs => "≠",
        Stance::Weakly => "≈",
        Stance::Outside => "→",
        Stance::Silent => "–",
    }
}

/// The plain-text report of one pair: a header, the links, the passages only one side has,
/// the facts only one side gives.
struct TextPair<'o> {
    out: &'o mut String,
}

impl PairSink for TextPair<'_> {
    fn start(&mut self, pair: &Pair) {
        let (la, lb) = (&pair.a.letter, &pair.b.letter);
        let _ = writeln!(self.out, "{la}: {}", pair.a.source.document.source_line());
        let _ = writeln!(self.out, "{lb}: {}", pair.b.source.document.source_line());
        let _ = writeln!(self.out, "{}\n", pair.summary());
    }

    fn link(&mut self, pair: &Pair, n: LinkId, l: &Link, facts: &LinkFacts) {
        let (la, lb) = (&pair.a.letter, &pair.b.letter);
        let ids = SegmentId::numbers;
        let head = format!(
            "Link {}  {la} {} ~ {lb} {}  score {:.2}{}  ",
            n.number(),
            ids(&l.a),
            ids(&l.b),
            l.score,
            if l.is_weak() { " (weak)" } else { "" },
        );
        let _ = writeln!(self.out, "{}", packed(&head, &pair.why(l), "      ", WIDTH));
        let (ta, tb) = pair.texts(l);
        for (letter, text) in [(la, ta), (lb, tb)] {
            let prefix = format!("  {letter}: ");
            let room = WIDTH.saturating_sub(prefix.chars().count());
            let _ = writeln!(self.out, "{prefix}{}", one_line(&text, room));
        }
        // A few words revised, added or dropped: the passages above are cut to a line, and
        // an edit at a sentence's end would be out of sight. A passage told anew changes
        // too many words to list; its two texts show that. At most three replacements, as
        // ever; the words only one side has besides, when they are few.
        let edits = pair.edits(l, |t| one_line(t, WIDTH));
        let room = WIDTH - "  changed: ".len();
        let replaced = edits.iter().filter(|e| e.0 == ChangeOp::Replace).count();
        let all = edits.len() <= MOST_EDITS_LISTED + MOST_ADDS_LISTED
            && edits.iter().all(|e| e.1.chars().count() <= room);
        let edits: Vec<String> = (edits.into_iter())
            .filter(|e| all || e.0 == ChangeOp::Replace)
            .map(|e| e.1)
            .collect();
        if !edits.is_empty()
            && replaced <= MOST_EDITS_LISTED
            && edits.iter().all(|r| r.chars().count() <= room)
        {
            let _ = writeln!(self.out, "{}", packed("  changed: ", &edits, "    ", WIDTH));
        }
        let possible = is_possible(l);
        let mark = if possible { "  ? " } else { "  ! " };
        for c in &facts.conflicts {
            let line = packed(mark, &[sentence(c, la, lb, possible)], "    ", WIDTH);
            let _ = writeln!(self.out, "{line}");
        }
    }

    fn only_start(&mut self, side: &PairSide) {
        let _ = writeln!(self.out, "\nOnly in {}:", side.letter);
    }

    fn only(&mut self, side: &PairSide, i: SegmentId) {
        let prefix = format!("  {} {}: ", side.letter, i.number());
        let room = WIDTH.saturating_sub(prefix.chars().count());
        let text = one_line(side.source.segment_text(i), room);
        let _ = writeln!(self.out, "{prefix}{text}");
    }

    fn end(&mut self, pair: &Pair) {
        let only = &pair.pair.facts_only;
        for (side, ids) in [(&pair.a, &only.a), (&pair.b, &only.b)] {
            if let Some(items) = facts_only(side.source, ids) {
                let head = format!("Facts only in {}: ", side.letter);
                let _ = writeln!(self.out, "\n{}", packed(&head, &items, "  ", WIDTH));
            }
        }
        self.out.push('\n');
    }
}

/// A conflict in plain words, as every report says it ([`crate::facts::sentence`]):
/// "Age of Halden: A says 56, B says 62".
pub fn conflict_sentence(c: &Conflict, la: &str, lb: &str) -> String {
    crate::facts::sentence(c, la, lb, false)
}

/// `items` after `head`, joined by "; " and wrapped at `width` columns, continuation lines
/// starting with `indent`. An item moves whole to the next line when it fits there; one too
/// long for any line is wrapped between its words. Only a single word longer than a line
/// can pass the width.
fn packed(head: &str, items: &[String], indent: &str, width: usize) -> String {
    let mut w = Wrapper {
        out: head.to_string(),
        col: head.chars().count(),
        indent,
        width,
    };
    for (k, item) in items.iter().enumerate() {
        let piece = if k + 1 < items.len() {
            format!("{item};")
        } else {
            item.clone()
        };
        // Split into words when it fits no line, or when the first would leave the head
        // alone on its line ("Link 1  B 1+2 ~ D 1+2  score 1.00" and nothing after it).
        let len = piece.chars().count();
        if indent.chars().count() + len > width || (k == 0 && w.col + len > width) {
            piece.split(' ').for_each(|word| w.word(word));
        } else {
            w.word(&piece);
        }
    }
    w.out
}

/// Text being filled line by line.
struct Wrapper<'a> {
    out: String,
    col: usize,
    indent: &'a str,
    width: usize,
}

impl Wrapper<'_> {
    /// 1 when a space must come before the next word.
    fn gap(&self) -> usize {
        usize::from(!self.out.is_empty() && !self.out.ends_with([' ', '\n']))
    }
    fn newline(&mut self) {
        let kept = self.out.trim_end_matches(' ').len();
        self.out.truncate(kept);
        self.out.push('\n');
        self.out.push_str(self.indent);
        self.col = self.indent.chars().count();
    }
    /// Adds `s` (no break inside it) on this line, or on the next when it does not fit
    /// (unless this line holds nothing but its indent or head).
    fn word(&mut self, s: &str) {
        let len = s.chars().count();
        if self.col + self.gap() + len > self.width && self.col > self.indent.chars().count() {
            self.newline();
        }
        if self.gap() == 1 {
            self.out.push(' ');
            self.col += 1;
        }
        self.out.push_str(s);
        self.col += len;
    }
}

/// The facts a source states that the other does not, in words ("name “Reuters”"), at
/// most `FACTS_SHOWN` of them and "and N more".
fn facts_only(src: &Source, ids: &[usize]) -> Option<Vec<String>> {
    let mut seen = std::collections::HashSet::new();
    let items: Vec<String> = ids
        .iter()
        .filter_map(|&i| src.facts.get(i))
        .filter(|f| seen.insert((f.kind, f.value.clone())))
        .map(|f| {
            format!(
                "{} “{}”",
                f.label(),
                one_line(f.span.slice(&src.document.text), 40)
            )
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let shown = items.len().min(FACTS_SHOWN);
    let more = items.len() - shown;
    let mut items = items;
    items.truncate(shown);
    if more > 0 {
        items.push(format!("and {more} more"));
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_lists_keep_every_item_within_the_width() {
        let items: Vec<String> = (0..30).map(|k| format!("name “Person {k}”")).collect();
        let out = packed("Facts only in A: ", &items, "  ", 60);
        for line in out.lines() {
            assert!(line.chars().count() <= 60, "{line}");
        }
        for it in &items {
            assert!(out.contains(it.as_str()), "{it} lost: {out}");
        }
        assert!(out.lines().skip(1).all(|l| l.starts_with("  ")), "{out}");
        // An item longer than a line is wrapped between its words, nothing lost.
        let long = vec![
            (0..40)
                .map(|k| format!("W{k}"))
                .collect::<Vec<_>>()
                .join(", "),
        ];
        let out = packed("Link 1  ", &long, "      ", 50);
        assert!(out.lines().all(|l| l.chars().count() <= 50), "{out}");
        let words: Vec<&str> = out.split_whitespace().skip(2).collect();
        assert_eq!(words.join(" "), long[0]);
    }

    #[test]
    fn a_head_is_never_left_alone_on_its_line() {
        let items = vec![
            "shared names: Indonesia's, Aceh, Tuesday, UTC, EDT, Associated, Press".to_string(),
            "shared numbers: 6.1".to_string(),
        ];
        let out = packed("Link 1  B 1+2 ~ D 1+2  score 1.00  ", &items, "      ", 100);
        let first = out.lines().next().unwrap();
        assert!(first.contains("shared names: Indonesia's"), "{out}");
        assert!(out.lines().all(|l| !l.ends_with(' ')), "{out:?}");
    }
}
