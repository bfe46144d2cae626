//! The plain-text report: what a reader sees with `parallax align A B --format text`.

use std::fmt::Write;

use super::one_line;
use crate::comparison::{Comparison, PairAlignment};
use crate::facts::{Conflict, FactKind};
use crate::text::visible;

const WIDTH: usize = 100;

/// The report as plain text, every control character of the input made visible.
pub fn render(cmp: &Comparison) -> String {
    let mut out = String::new();
    for p in &cmp.pairs {
        pair(&mut out, cmp, p);
    }
    if cmp.sources.len() > 2 && !cmp.clusters.is_empty() {
        let _ = writeln!(out, "Claims across sources");
        for c in &cmp.clusters {
            let who: Vec<String> = c.members.iter().map(|m| letter(m.doc)).collect();
            let _ = writeln!(
                out,
                "  [{}] {}",
                who.join(" "),
                one_line(&c.label, WIDTH - 12)
            );
        }
    }
    visible(&out, true).into_owned()
}

/// A, B, C…: how the report names sources.
pub fn letter(i: usize) -> String {
    char::from_u32('A' as u32 + i as u32).map_or_else(|| format!("#{i}"), String::from)
}

fn pair(out: &mut String, cmp: &Comparison, p: &PairAlignment) {
    let (a, b) = (&cmp.sources[p.a], &cmp.sources[p.b]);
    let (la, lb) = (letter(p.a), letter(p.b));
    let al = &p.alignment;
    let _ = writeln!(out, "{la}: {}", a.document.path);
    let _ = writeln!(out, "{lb}: {}", b.document.path);
    let _ = writeln!(
        out,
        "{} links, {} passages only in {la}, {} only in {lb}, {} facts differ\n",
        al.links.len(),
        al.only_a.len(),
        al.only_b.len(),
        al.links.iter().map(|l| l.conflicts.len()).sum::<usize>()
    );
    for (n, l) in al.links.iter().enumerate() {
        let ids = |v: &[usize]| {
            v.iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join("+")
        };
        let _ = writeln!(
            out,
            "Link {}  {la} {} ~ {lb} {}  score {:.2}  {}",
            n + 1,
            ids(&l.a),
            ids(&l.b),
            l.score,
            l.why.join("; ")
        );
        let ta: Vec<&str> = l.a.iter().map(|&i| a.segment_text(i)).collect();
        let tb: Vec<&str> = l.b.iter().map(|&i| b.segment_text(i)).collect();
        let _ = writeln!(out, "  {la}: {}", one_line(&ta.join(" "), WIDTH));
        let _ = writeln!(out, "  {lb}: {}", one_line(&tb.join(" "), WIDTH));
        for c in &l.conflicts {
            let _ = writeln!(out, "  ! {}", conflict_sentence(c, &la, &lb));
        }
    }
    for (who, src, only) in [(&la, a, &al.only_a), (&lb, b, &al.only_b)] {
        if only.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\nOnly in {who}:");
        for &i in only.iter() {
            let _ = writeln!(
                out,
                "  {who} {}: {}",
                i + 1,
                one_line(src.segment_text(i), WIDTH)
            );
        }
    }
    out.push('\n');
}

/// A conflict in plain words: "The age differs: A says “56”, B says “62-year-old”."
pub fn conflict_sentence(c: &Conflict, la: &str, lb: &str) -> String {
    let what = match c.kind {
        FactKind::Age => "The age differs",
        FactKind::Money => "The sum differs",
        FactKind::Count => "The number differs",
        FactKind::Percent => "The percentage differs",
        FactKind::Quantity => "The quantity differs",
        FactKind::Date => "The date or time differs",
        FactKind::Quote => "The quote differs",
        FactKind::Attribution => "The source cited differs",
        FactKind::Entity => "A name differs",
        FactKind::Byline => "The author differs",
    };
    format!("{what}: {la} says “{}”, {lb} says “{}”.", c.a, c.b)
}
