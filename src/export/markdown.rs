//! The Markdown report: sources, links with their changes and conflicts, what each adds,
//! and the reader's notes beside the links and passages they are on.

use std::fmt::Write;

use super::text::{conflict_sentence, letter};
use crate::annotate::{Note, Notes, rfc3339};
use crate::comparison::{Comparison, PairAlignment};
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
        let _ = write!(out, "- **{}**: `{}`", letter(i), s.document.path);
        for part in [&m.title, &m.byline, &m.date].into_iter().flatten() {
            let _ = write!(out, " · {}", escape(part));
        }
        out.push('\n');
    }
    for p in &cmp.pairs {
        pair(&mut out, cmp, p, notes);
    }
    let detached = notes.detached();
    if !detached.is_empty() {
        out.push_str("\n## Detached notes\n\nTheir passages changed or went when the sources were read again.\n\n");
        for n in detached {
            for q in &n.quotes {
                let _ = writeln!(
                    out,
                    "> **{}, was:** {}\n>",
                    letter(q.source),
                    escape(&q.text)
                );
            }
            out.push('\n');
            note(&mut out, n);
        }
    }
    visible(&out, true).into_owned()
}

/// One note as a block: tags and time on the first line, its text with line breaks kept.
fn note(out: &mut String, n: &Note) {
    let tags = if n.tags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", escape(&n.tags.join(", ")))
    };
    let _ = writeln!(out, "**Note**{tags} ({}):\n", rfc3339(n.updated));
    for line in n.text.lines() {
        let _ = writeln!(out, "> {}", escape(line));
    }
    if n.text.trim().is_empty() {
        out.push_str("> (no text)\n");
    }
    out.push('\n');
}

fn pair(out: &mut String, cmp: &Comparison, p: &PairAlignment, notes: &Notes) {
    let (a, b) = (&cmp.sources[p.a], &cmp.sources[p.b]);
    let (la, lb) = (letter(p.a), letter(p.b));
    let _ = writeln!(out, "\n## {la} and {lb}\n");
    for (n, l) in p.alignment.links.iter().enumerate() {
        let _ = writeln!(out, "### Link {} (score {:.2})\n", n + 1, l.score);
        let ta: Vec<&str> = l.a.iter().map(|&i| a.segment_text(i)).collect();
        let tb: Vec<&str> = l.b.iter().map(|&i| b.segment_text(i)).collect();
        let _ = writeln!(out, "> **{la}:** {}\n>", escape(&ta.join(" ")));
        let _ = writeln!(out, "> **{lb}:** {}\n", escape(&tb.join(" ")));
        if !l.why.is_empty() {
            let _ = writeln!(out, "Why: {}\n", escape(&l.why.join("; ")));
        }
        let changes: Vec<String> = l
            .changes
            .iter()
            .filter(|c| !c.a.is_empty() && !c.b.is_empty())
            .map(|c| format!("“{}” → “{}”", escape(&c.a), escape(&c.b)))
            .collect();
        if !changes.is_empty() {
            let _ = writeln!(out, "Changed: {}\n", changes.join(", "));
        }
        for c in &l.conflicts {
            let _ = writeln!(
                out,
                "- **Conflict.** {}",
                escape(&conflict_sentence(c, &la, &lb))
            );
        }
        if !l.conflicts.is_empty() {
            out.push('\n');
        }
        for n in notes.on_link(p.a, p.b, l) {
            note(out, n);
        }
        let sides = [(p.a, &l.a), (p.b, &l.b)];
        for (src, ids) in sides {
            for &i in ids {
                for n in notes.on_passage(src, i) {
                    let _ = writeln!(out, "On {} passage {}:", letter(src), i + 1);
                    note(out, n);
                }
            }
        }
    }
    let sides = [
        (p.a, &la, a, &p.alignment.only_a),
        (p.b, &lb, b, &p.alignment.only_b),
    ];
    for (idx, who, src, only) in sides {
        if only.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### Only in {who}\n");
        for &i in only {
            let _ = writeln!(out, "- {}", escape(src.segment_text(i)));
            let on = notes.on_passage(idx, i);
            if !on.is_empty() {
                out.push('\n');
            }
            for n in on {
                let mut block = String::new();
                note(&mut block, n);
                // Indented under its bullet so the note reads as part of that item.
                for line in block.lines() {
                    if line.is_empty() {
                        out.push('\n');
                    } else {
                        let _ = writeln!(out, "  {line}");
                    }
                }
            }
        }
        out.push('\n');
    }
}

/// Escapes the characters Markdown would read as markup, and folds line breaks.
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
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
