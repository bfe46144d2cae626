//! The Markdown report: sources, links with their changes and conflicts, what each adds,
//! and the reader's notes beside the links and passages they are on.

use std::fmt::Write;

use super::text::stance_mark;
use super::walk::{self, Pair, PairSide, PairSink};
use crate::align::Link;
use crate::annotate::{Note, NoteId, Notes, rfc3339};
use crate::comparison::{Comparison, LinkFacts};
use crate::facts::{is_possible, sentence};
use crate::ids::{LinkId, SegmentId, SourceId};
use crate::text::visible;

/// The comparison as a Markdown document.
pub fn render(cmp: &Comparison) -> String {
    render_with_notes(cmp, &Notes::default())
}

/// The comparison as a Markdown document, each note beside the link or passage it is on
/// and the detached ones (whose text is gone from the sources) at the end.
pub fn render_with_notes(cmp: &Comparison, notes: &Notes) -> String {
    let mut out = String::from("# Parallax comparison\n\n## Sources\n\n");
    for (i, s) in cmp.sources.iter().enumerate() {
        let m = &s.document.meta;
        let d = &s.document;
        let _ = write!(out, "- **{}**: ", SourceId(i).letter());
        // A web page: its short name, then where it came from and when, each in its own
        // code span (the URL and the name are the page's, not to be read as Markdown).
        if d.is_web() {
            let _ = write!(out, "{} ({}", code_span(&d.name()), code_span(&d.path));
            if let Some(at) = &d.fetched {
                let _ = write!(out, ", fetched {}", escape(at));
            }
            out.push(')');
        } else {
            out.push_str(&code_span(&d.path));
        }
        for part in [&m.title, &m.byline, &m.date].into_iter().flatten() {
            let _ = write!(out, " · {}", escape(part));
        }
        out.push('\n');
    }
    if cmp.sources.len() > 2 {
        claims(&mut out, cmp);
        per_source(&mut out, cmp);
    }
    let mut written = Vec::new();
    for p in &cmp.pairs {
        walk::pair(
            cmp,
            p,
            &mut MarkdownPair {
                out: &mut out,
                notes,
                written: &mut written,
                pair: String::new(),
            },
        );
    }
    out.push_str(&corrections(notes));
    let detached = notes.detached();
    if !detached.is_empty() {
        out.push_str("\n## Detached notes\n\nTheir passages changed or went when the sources were read again.\n\n");
        walk::detached(
            &mut out,
            &detached,
            |out, k, who, text| {
                // A link's two sides are two paragraphs of one quotation: a ">" line parts
                // them, and none is left dangling after the last.
                if k > 0 {
                    out.push_str(">\n");
                }
                let _ = writeln!(out, "> **{who}, was:** {}", escape(text));
            },
            |out, n| {
                out.push('\n');
                note(out, n);
            },
        );
    }
    visible(&out, true).into_owned()
}

/// The claim-by-source matrix: which source states which claim, one row per claim.
fn claims(out: &mut String, cmp: &Comparison) {
    out.push_str("\n## Claims across sources\n\n");
    if cmp.clusters.is_empty() {
        out.push_str("No claim is shared by two sources.\n");
        return;
    }
    out.push_str(
        "Each row is a claim two or more sources state, quoted from its most linked passage; \
         ✓ marks the sources that state it, ≠ those that state it with a different fact, \
         ≈ those joined to it only by a weak match (a few shared words), → those with a \
         passage outside it (in another claim or none) that is linked to it, not counted as \
         stating it, – those that do not.\n\n",
    );
    // The names the per-source lines use, when the list of sources above does not already
    // show each one (a title, or the path the name ends).
    let names = cmp.names();
    let shown = |i: usize| {
        let d = &cmp.sources[i].document;
        let title =
            (d.meta.title.as_deref()).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        d.source_line().ends_with(names[i].as_str()) || title.as_ref() == Some(&names[i])
    };
    if !(0..names.len()).all(shown) {
        for (i, name) in names.iter().enumerate() {
            let _ = writeln!(out, "- **{}**: {}", SourceId(i).letter(), escape(name));
        }
        out.push('\n');
    }
    out.push_str("| # | Claim |");
    for i in SourceId::all(cmp.sources.len()) {
        let _ = write!(out, " {} |", i.letter());
    }
    out.push_str("\n|--:|-------|");
    out.push_str(&":-:|".repeat(cmp.sources.len()));
    out.push('\n');
    let table = cmp.claim_table();
    for (k, c) in cmp.clusters.iter().enumerate() {
        let _ = write!(out, "| {} | “{}” |", k + 1, escape(&c.label));
        for i in SourceId::all(cmp.sources.len()) {
            let _ = write!(out, " {} |", stance_mark(table.stance(k, i)));
        }
        out.push('\n');
    }
    let flags: Vec<(usize, String)> = cmp
        .clusters
        .iter()
        .enumerate()
        .flat_map(|(k, c)| {
            let possible = super::claims::possible_flags(cmp, c);
            (super::claims::flags(cmp, c).into_iter())
                .chain(possible)
                .map(move |f| (k, f))
        })
        .collect();
    if !flags.is_empty() {
        out.push_str("\nFacts told differently inside a claim:\n\n");
        for (k, f) in flags {
            let _ = writeln!(out, "- Claim {}: {}", k + 1, escape(&f));
        }
    }
    let outside: Vec<(usize, String)> = (0..cmp.clusters.len())
        .flat_map(|k| (table.outside_lines(k).into_iter()).map(move |o| (k, o)))
        .collect();
    if !outside.is_empty() {
        out.push_str("\nLinked to a claim from outside it (→):\n\n");
        for (k, o) in outside {
            let _ = writeln!(out, "- Claim {}: {}", k + 1, escape(&o));
        }
    }
}

/// One line per source: the claims it states, what only it reports, where it differs.
fn per_source(out: &mut String, cmp: &Comparison) {
    out.push_str("\n## Per source\n\n");
    for line in super::claims::summary_lines(cmp) {
        let _ = writeln!(out, "- {}", escape(&line));
    }
}

/// One note as a block: tags and time on the first line, its text with line breaks kept.
fn note(out: &mut String, n: &Note) {
    let tags = if n.tags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", escape(&n.tags.join(", ")))
    };
    let _ = writeln!(out, "**Note**{tags} ({}):\n", rfc3339(n.updated));
    // A line break inside a paragraph is a hard break ("\\" at its end): Markdown would
    // otherwise run the note's lines together.
    let lines: Vec<&str> = n.text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let more = lines.get(i + 1).is_some_and(|next| !next.trim().is_empty());
        let brk = if more && !line.trim().is_empty() {
            "\\"
        } else {
            ""
        };
        let _ = writeln!(out, "> {}{brk}", escape_block_start(&escape(line)));
    }
    if n.text.trim().is_empty() {
        out.push_str("> (no text)\n");
    }
    out.push('\n');
}

/// A note line that would open a list item or underline a heading ("- milk", "2. call",
/// "---") gets its marker escaped: the line before it ends in a hard break, which
/// Markdown shows as a literal backslash when a new block starts, and the note should read
/// as the user typed it.
fn escape_block_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match line.as_bytes().first() {
        Some(b'-' | b'+' | b'=') => 0,
        Some(b'0'..=b'9') if matches!(line.as_bytes().get(digits), Some(b'.' | b')')) => digits,
        _ => return line.to_string(),
    };
    format!("{}\\{}", &line[..marker], &line[marker..])
}

/// The Markdown section of one pair, with the notes on its links and passages.
struct MarkdownPair<'o> {
    out: &'o mut String,
    notes: &'o Notes,
    /// The notes on passages written so far, with the pair they were written under ("A and
    /// C"). With three sources or more, a passage is in several pairs; its note is written
    /// once, and referred to after that, so the notes can be counted.
    written: &'o mut Vec<(NoteId, String)>,
    /// The pair being written, as its heading names it ("A and C").
    pair: String,
}

impl MarkdownPair<'_> {
    /// The notes `on` one passage of this pair, as Markdown: each written whole the first
    /// time, and one line for those written under an earlier pair, naming it.
    fn passage_notes(&mut self, on: &[&Note]) -> String {
        let mut block = String::new();
        let (mut before, mut under) = (0, Vec::new());
        for n in on {
            match self.written.iter().find(|(id, _)| *id == n.id) {
                Some((_, pair)) => {
                    before += 1;
                    if !under.contains(pair) {
                        under.push(pair.clone());
                    }
                }
                None => {
                    self.written.push((n.id, self.pair.clone()));
                    note(&mut block, n);
                }
            }
        }
        let under = under.join("; ");
        match before {
            0 => {}
            1 => _ = writeln!(block, "*The note on this passage is under {under}.*\n"),
            _ => _ = writeln!(block, "*The notes on this passage are under {under}.*\n"),
        }
        block
    }
}

impl PairSink for MarkdownPair<'_> {
    fn start(&mut self, pair: &Pair) {
        self.pair = format!("{} and {}", pair.a.letter, pair.b.letter);
        let _ = writeln!(self.out, "\n## {}\n", self.pair);
        let _ = writeln!(self.out, "{}\n", escape(&pair.summary()));
    }

    fn link(&mut self, pair: &Pair, n: LinkId, l: &Link, facts: &LinkFacts) {
        let (la, lb) = (&pair.a.letter, &pair.b.letter);
        let out = &mut *self.out;
        let weak = if l.is_weak() { ", weak" } else { "" };
        let _ = writeln!(
            out,
            "### Link {} (score {:.2}{weak})\n",
            n.number(),
            l.score
        );
        let (ta, tb) = pair.texts(l);
        let _ = writeln!(out, "> **{la}:** {}\n>", escape(&ta));
        let _ = writeln!(out, "> **{lb}:** {}\n", escape(&tb));
        if !l.why.is_empty() {
            let _ = writeln!(out, "Why: {}\n", escape(&pair.why(l).join("; ")));
        }
        let changes: Vec<String> = pair.edits(l, escape).into_iter().map(|e| e.1).collect();
        if !changes.is_empty() {
            let _ = writeln!(out, "Changed: {}\n", changes.join(", "));
        }
        let possible = is_possible(l);
        let head = if possible {
            "Possible conflict"
        } else {
            "Conflict"
        };
        for c in &facts.conflicts {
            let _ = writeln!(
                out,
                "- **{head}.** {}",
                escape(&sentence(c, la, lb, possible))
            );
        }
        if !facts.conflicts.is_empty() {
            out.push('\n');
        }
        for n in self.notes.on_link(pair.a.idx, pair.b.idx, l) {
            note(out, n);
        }
        for (src, ids) in [(pair.a.idx, &l.a), (pair.b.idx, &l.b)] {
            for &i in ids {
                let block = self.passage_notes(&self.notes.on_passage(src, i));
                if !block.is_empty() {
                    let out = &mut *self.out;
                    let _ = writeln!(out, "On {} passage {}:\n", src.letter(), i.number());
                    out.push_str(&block);
                }
            }
        }
    }

    fn only_start(&mut self, side: &PairSide) {
        let _ = writeln!(self.out, "### Only in {}\n", side.letter);
    }

    fn only(&mut self, side: &PairSide, i: SegmentId) {
        let out = &mut *self.out;
        // Numbered as the text report and the reader number passages ("A 20").
        let _ = writeln!(
            out,
            "- {} {}: {}",
            side.letter,
            i.number(),
            escape(side.source.segment_text(i))
        );
        let on = self.notes.on_passage(side.idx, i);
        if !on.is_empty() {
            self.out.push('\n');
        }
        let block = self.passage_notes(&on);
        // Indented under its bullet so the note reads as part of that item.
        for line in block.lines() {
            if line.is_empty() {
                self.out.push('\n');
            } else {
                let _ = writeln!(self.out, "  {line}");
            }
        }
    }

    fn only_end(&mut self, _side: &PairSide) {
        self.out.push('\n');
    }
}

/// `text` as a code span that no backquote inside can close: fenced by one more backquote
/// than its longest run (F10: a path holding a backquote closed the span and let the rest
/// run as HTML once the Markdown was rendered). Inside a code span nothing is markup.
pub fn code_span(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space on each side keeps a backquote at either end from joining the fence; the
    // renderer strips one space from each side.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Escapes the characters Markdown would read as markup (`&` too: an entity such as
/// `&lt;` would become a character), and folds line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The section listing the corrections by hand; empty when there are none.
pub fn corrections(notes: &Notes) -> String {
    let all = super::corrections::report(notes);
    if all.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "\n## Corrections by hand\n\nLinks marked wrong are left out above; links made by hand are in it, with score 1.00.\n\n",
    );
    for c in &all {
        let _ = writeln!(out, "- **{}**", escape(&super::corrections::label(c)));
        for q in &c.quotes {
            let _ = writeln!(out, "  > {}", escape(&super::one_line(q, 200)));
        }
    }
    out
}
