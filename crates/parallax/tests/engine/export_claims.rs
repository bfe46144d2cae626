//! The claim-by-source matrix in the text and Markdown reports of more than two sources,
//! and the reasons of each pair's links named with that pair's letters.

use parallax::align::BELIEVED_LINK;
use parallax::align::LinkModel;
use parallax::annotate::Notes;
use parallax::comparison::WEAK_LINK;
use parallax::export::{html, json, markdown, text};
use parallax::{Comparison, Options, SegmentId, SourceId, demo};

fn four() -> Comparison {
    Comparison::build(demo::documents(), &Options::default()).unwrap()
}

/// The demo linked by the aligner's own scores, without the learned link score. That score
/// shows a link only when it believes it, so weak links come from the aligner's scores
/// (and from passages joined for a fact they share).
fn four_with_weak_links() -> Comparison {
    let mut options = Options {
        fast: true,
        ..Options::default()
    };
    options.params.link_model = LinkModel::none();
    Comparison::build(demo::documents(), &options).unwrap()
}

/// The mark a source should get for a claim, from the pairs' links themselves: ✓ when a
/// shown link of `WEAK_LINK` or more joins one of its passages in the claim to another
/// passage of the claim (≠ when it states it with a different fact), ≈ when only possible
/// links (below the shown threshold) do, – when it is not in the claim.
fn mark(cmp: &Comparison, claim: usize, src: SourceId) -> &'static str {
    let c = &cmp.clusters[claim];
    let member = |d: SourceId, s: &SegmentId| {
        c.members
            .iter()
            .any(|m| m.doc == d && m.segments.contains(s))
    };
    let Some(m) = c.members.iter().find(|m| m.doc == src) else {
        // Not in the claim: → when a believed link ties one of its passages to the claim's.
        let linked = cmp.pairs.iter().any(|p| {
            p.alignment.links.iter().any(|l| {
                !l.is_weak()
                    && ((p.a == src && l.b.iter().any(|s| member(p.b, s)))
                        || (p.b == src && l.a.iter().any(|s| member(p.a, s))))
            })
        });
        return if linked { "→" } else { "–" };
    };
    let joins = |p: &parallax::comparison::PairAlignment, l: &parallax::align::Link| {
        (p.a == src
            && l.a.iter().any(|s| m.segments.contains(s))
            && l.b.iter().any(|s| member(p.b, s)))
            || (p.b == src
                && l.b.iter().any(|s| m.segments.contains(s))
                && l.a.iter().any(|s| member(p.a, s)))
    };
    let shown = cmp.pairs.iter().any(|p| {
        p.alignment
            .links
            .iter()
            .any(|l| l.score >= WEAK_LINK && joins(p, l))
    });
    if !shown {
        "≈"
    } else if cmp.stance(c, src) == parallax::comparison::Stance::Differs {
        // Which facts differ is tested on its own (claims_stance).
        "≠"
    } else {
        "✓"
    }
}

#[test]
fn markdown_has_a_claim_by_source_table() {
    let cmp = four();
    assert!(!cmp.clusters.is_empty(), "the demo articles share claims");
    let md = markdown::render(&cmp);
    let section = md
        .split("\n## Claims across sources\n")
        .nth(1)
        .expect("a claims section")
        .split("\n## ")
        .next()
        .unwrap();
    let head = "| # | Claim | A | B | C | D |";
    let at = section.find(head).expect("the table's header row");
    // Each source named once, by its letter and the name the per-source lines give it, in
    // the list of sources (its path or title ends in it) or, when not there, above the table.
    let before = &md[..md.find(head).unwrap()];
    for (i, name) in cmp.names().iter().enumerate() {
        let name = markdown::escape(name);
        let line = format!("- **{}**: ", (b'A' + i as u8) as char);
        assert_eq!(before.matches(&line).count(), 1, "{before}");
        let listed = before[before.find(&line).unwrap()..]
            .lines()
            .next()
            .unwrap();
        assert!(listed.contains(name.as_str()), "{listed} names {name}");
    }
    let rows: Vec<&str> = section[at..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), cmp.clusters.len());
    for (k, row) in rows.iter().enumerate() {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(cells.len(), 2 + cmp.sources.len(), "{row}");
        assert_eq!(cells[0], (k + 1).to_string());
        assert!(
            cells[1].starts_with('“') && cells[1].ends_with('”'),
            "{row}"
        );
        for (i, cell) in cells[2..].iter().enumerate() {
            let want = mark(&cmp, k, SourceId(i));
            assert_eq!(*cell, want, "claim {} source {i}: {row}", k + 1);
        }
    }
}

#[test]
fn text_has_a_claim_by_source_matrix_and_names_the_sources_first() {
    let cmp = four_with_weak_links();
    let out = text::render(&cmp);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "4 sources, 6 pairs; each pair below, then the claims across sources."
    );
    let pairs: Vec<&str> = out.lines().filter(|l| l.starts_with("── ")).collect();
    assert_eq!(pairs.len(), 6);
    assert_eq!(pairs[0], "── A and B (pair 1 of 6) ──");
    assert_eq!(pairs[5], "── C and D (pair 6 of 6) ──");
    let section = out
        .split(
            "Claims across sources (✓ states it, ≠ with a different fact, ≈ only a weak match,\n\
             → a passage outside it (in another claim or none) is linked to it, not counted, \
             – does not)\n",
        )
        .nth(1)
        .expect("a claims section");
    for (i, s) in cmp.sources.iter().enumerate() {
        let line = format!("  {}: {}", (b'A' + i as u8) as char, s.document.path);
        assert!(section.contains(&line), "{line}");
    }
    let rows: Vec<&str> = section
        .lines()
        .skip_while(|l| !l.ends_with("A B C D  claim"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        // A claim's flags and the links from outside it stand under its row.
        .filter(|l| !l.trim_start().starts_with(['!', '?', '→']))
        .collect();
    assert_eq!(rows.len(), cmp.clusters.len(), "{section}");
    let mut outside = 0;
    for (k, row) in rows.iter().enumerate() {
        let cells: Vec<&str> = row.split_whitespace().skip(1).take(4).collect();
        let want: Vec<&str> = (0..4).map(|i| mark(&cmp, k, SourceId(i))).collect();
        assert_eq!(cells, want, "{row}");
        // Under a row, each source marked → says which of its passages is linked to which.
        let under: Vec<&str> = section
            .lines()
            .skip_while(|l| l != row)
            .skip(1)
            .take_while(|l| !rows.contains(l) && !l.is_empty())
            .collect();
        for (i, cell) in cells.iter().enumerate() {
            let said = format!("→ {} ", (b'A' + i as u8) as char);
            let lines = under.iter().filter(|l| l.trim_start().starts_with(&said));
            let said = lines.filter(|l| l.contains(" is linked to ")).count();
            assert_eq!(said > 0, *cell == "→", "{row}\n{}", under.join("\n"));
            outside += said;
        }
    }
    // The demo has passages linked to claims that hold other passages of their source.
    assert!(outside > 0, "{section}");
    // The claims hold matches by shown links: the mark means something.
    assert!(section.contains('✓'), "{section}");
    // The legend gives the exact path and, where it differs, the name the per-source lines
    // below go by (the blog post's own title), so the two can be matched.
    let names = cmp.names();
    assert!(
        names[2].starts_with("Exclusive: US Held Secret Talks"),
        "{names:?}"
    );
    // The path stays whole on its line (to copy); the long title goes under it.
    let mut legend = section.lines().skip_while(|l| !l.starts_with("  C: "));
    assert_eq!(
        legend.next(),
        Some("  C: assets/samples/cabello-2026-exclusive-blog.txt"),
        "{section}"
    );
    assert!(
        (legend.next().unwrap()).starts_with("     — Exclusive: US Held Secret Talks With"),
        "{section}"
    );
    assert!(legend.next().unwrap().starts_with("       "), "{section}");
    assert!(
        section.contains("\n  C Exclusive: US Held Secret Talks"),
        "{section}"
    );
}

#[test]
fn two_sources_have_no_claims_section() {
    let mut docs = demo::documents();
    docs.truncate(2);
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    assert!(!markdown::render(&cmp).contains("Claims across sources"));
    let out = text::render(&cmp);
    assert!(!out.contains("Claims across sources"));
    assert!(out.starts_with("A: "), "{out}");
}

#[test]
fn each_pairs_reasons_name_its_own_sources() {
    let cmp = four();
    let out = text::render(&cmp) + &markdown::render(&cmp);
    let mut checked = 0;
    // Every pair but A and B has sides other than A and B.
    for p in cmp
        .pairs
        .iter()
        .filter(|p| (p.a, p.b) != (SourceId(0), SourceId(1)))
    {
        for l in &p.alignment.links {
            if l.a.len() > 1 || l.b.len() > 1 {
                let (la, lb) = ((b'A' + p.a.0 as u8) as char, (b'A' + p.b.0 as u8) as char);
                let (n, m) = (l.a.len(), l.b.len());
                let verb = |k: usize| if k == 1 { "tells" } else { "tell" };
                let noun = if n == 1 { "passage" } else { "passages" };
                let want = format!(
                    "{n} {noun} of {la} {} what {m} of {lb} {}",
                    verb(n),
                    verb(m)
                );
                assert!(out.contains(&want), "{want}");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "the demo has n:m links beyond A and B");
}

/// The JSON report names each pair's sides by their sources' letters, as the other reports
/// do: in the pair of B and D a flag says "B says …, D says …", not "A says …".
#[test]
fn json_flags_and_reasons_name_each_pairs_own_sources() {
    let cmp = four_with_weak_links();
    let report = json::report(&cmp);
    let letter = |i: usize| ((b'A' + i as u8) as char).to_string();
    let (mut flags, mut groups) = (0, 0);
    for p in report.pairs.as_ref().unwrap() {
        let (la, lb) = (letter(p.a), letter(p.b));
        for l in &p.links {
            for c in l.conflicts.iter().chain(&l.possible_conflicts) {
                let said = |x: &str| [" says ", " has ", " writes "].map(|v| format!("{x}{v}"));
                assert!(
                    said(&la).iter().any(|s| c.sentence.contains(s))
                        && said(&lb).iter().any(|s| c.sentence.contains(s)),
                    "pair {la}{lb}: {}",
                    c.sentence
                );
                flags += usize::from((p.a, p.b) != (0, 1));
            }
            for w in l.why.iter().filter(|w| w.contains(" tell")) {
                assert!(w.contains(&format!(" of {la} ")), "pair {la}{lb}: {w}");
                assert!(w.contains(&format!(" of {lb} ")), "pair {la}{lb}: {w}");
                groups += usize::from((p.a, p.b) != (0, 1));
            }
        }
    }
    assert!(
        flags > 0 && groups > 0,
        "{flags} flags, {groups} n:m links beyond A and B"
    );
}

#[test]
fn the_text_report_fits_100_columns() {
    let out = text::render(&four());
    for line in out.lines() {
        assert!(
            line.chars().count() <= 100,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    // Long lists wrap rather than being cut: every fact a pair lists is still there.
    assert!(out.contains("Facts only in A: "), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("      ")),
        "why lists wrap: {out}"
    );
}

#[test]
fn weak_links_say_so_in_every_report() {
    let cmp = four_with_weak_links();
    let (txt, md) = (text::render(&cmp), markdown::render(&cmp));
    let report = json::report(&cmp);
    let page = html::render(&cmp, &Notes::default(), "four");
    let mut weak = 0;
    for (p, rp) in cmp.pairs.iter().zip(report.pairs.as_ref().unwrap()) {
        for (k, (l, rl)) in p.alignment.links.iter().zip(&rp.links).enumerate() {
            let is_weak = l.is_weak();
            // The score as shown agrees with the mark: no "0.25 (weak)", no "0.60 (weak)".
            let shown: f32 = format!("{:.2}", l.score).parse().unwrap();
            for line in [WEAK_LINK, BELIEVED_LINK] {
                assert_eq!(shown < line, l.score < line, "{}", l.score);
            }
            let (in_text, in_md) = if is_weak {
                (
                    format!("score {:.2} (weak)  ", l.score),
                    format!("(score {:.2}, weak)", l.score),
                )
            } else {
                (
                    format!("score {:.2}  ", l.score),
                    format!("(score {:.2})", l.score),
                )
            };
            assert!(txt.contains(&in_text), "{in_text}");
            assert!(md.contains(&in_md), "{in_md}");
            assert_eq!(rl.weak, is_weak, "JSON link {k}");
            let title = format!("title=\"Link {} with {}", k + 1, p.b.letter());
            let weak_title = format!("{title}, weak (score {:.2})\"", l.score);
            assert_eq!(page.contains(&weak_title), is_weak, "{weak_title}");
            weak += usize::from(is_weak);
        }
    }
    assert!(weak > 0, "the demo has weak links");
}

#[test]
fn a_claim_is_labelled_by_its_most_linked_passage() {
    let cmp = four();
    // How many passages of the claim each passage is linked to (shown or possible links).
    let reach_in = |c: &parallax::comparison::Cluster, doc: SourceId, seg: SegmentId| {
        let member = |d: SourceId, s: SegmentId| {
            c.members
                .iter()
                .any(|m| m.doc == d && m.segments.contains(&s))
        };
        let mut n = 0;
        for p in &cmp.pairs {
            for l in p.alignment.links.iter().chain(&p.alignment.possible) {
                if p.a == doc && l.a.contains(&seg) {
                    n += l.b.iter().filter(|&&s| member(p.b, s)).count();
                } else if p.b == doc && l.b.contains(&seg) {
                    n += l.a.iter().filter(|&&s| member(p.a, s)).count();
                }
            }
        }
        n
    };
    for c in &cmp.clusters {
        let passages: Vec<(SourceId, SegmentId)> = c
            .members
            .iter()
            .flat_map(|m| m.segments.iter().map(move |&s| (m.doc, s)))
            .collect();
        let most = passages
            .iter()
            .map(|&(d, s)| reach_in(c, d, s))
            .max()
            .unwrap();
        let labelled = passages.iter().find(|&&(d, s)| {
            let text: String = cmp
                .source(d)
                .segment_text(s)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            text.starts_with(c.label.trim_end_matches('…'))
        });
        let &(d, s) =
            labelled.unwrap_or_else(|| panic!("label {:?} is none of its passages", c.label));
        assert_eq!(reach_in(c, d, s), most, "claim {:?}", c.label);
    }
}

/// In the HTML matrix a ✓ or ≠ opens the source's passage where it is linked to another
/// source's passage of the claim, not in a pair that shows it as "only in" one source.
#[test]
fn html_signs_open_the_passage_where_it_is_linked() {
    let cmp = four();
    let page = html::render(&cmp, &Notes::default(), "four");
    let body = &page[page.find("<table class=\"matrix\">").expect("a matrix")..];
    let (mut firm, mut outside) = (0, 0);
    for cell in body.split("<td class=\"cell ").skip(1) {
        let class = &cell[..cell.find('"').unwrap()];
        if !matches!(class, "states" | "differs" | "outside") {
            continue;
        }
        // → opens the passage outside the claim, linked in its pair, and says where it is.
        if class == "outside" {
            assert!(cell.contains(" is linked to "), "{cell}");
            outside += 1;
        }
        let at = cell.find("href=\"#").expect("a firm sign links") + 7;
        let id = &cell[at..at + cell[at..].find('"').unwrap()];
        let span = &page[..page
            .find(&format!("id=\"{id}\""))
            .expect("the target exists")];
        let opened = &span[span.rfind("<span").unwrap()..];
        assert!(
            opened.starts_with("<span class=\"seg linked"),
            "{id} opens an unlinked passage: {opened}"
        );
        firm += 1;
    }
    assert!(firm >= 10, "the demo's claims have firm signs: {firm}");
    assert!(
        outside > 0,
        "the demo has passages linked to a claim from outside it"
    );
    // Each such link is listed under its claim, in sight, as in the other reports.
    let listed: usize = cmp.claim_table().outside.iter().map(Vec::len).sum();
    assert!(listed >= outside);
    assert_eq!(body.matches("<span class=\"outside\">→ ").count(), listed);
}
