//! The Markdown report: sources, links with their changes and conflicts, what each adds.

use std::fmt::Write;

use super::text::{conflict_sentence, letter};
use crate::comparison::{Comparison, PairAlignment};
use crate::text::visible;

/// The comparison as a Markdown document.
pub fn render(cmp: &Comparison) -> String {
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
        pair(&mut out, cmp, p);
    }
    visible(&out, true).into_owned()
}

fn pair(out: &mut String, cmp: &Comparison, p: &PairAlignment) {
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
    }
    for (who, src, only) in [(&la, a, &p.alignment.only_a), (&lb, b, &p.alignment.only_b)] {
        if only.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### Only in {who}\n");
        for &i in only {
            let _ = writeln!(out, "- {}", escape(src.segment_text(i)));
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
