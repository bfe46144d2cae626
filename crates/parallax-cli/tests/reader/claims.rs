//! The claim matrix with many sources: rows sorted by how many sources carry a claim,
//! filters (shared by all, only one source, in conflict) and Enter on a visible row; signs
//! and colours per stance; names that tell sources apart; the status line's hint.

use parallax::comparison::Stance;
use parallax::{Comparison, Document, Options, SegmentId, SourceId};
use parallax_cli::tui;
use tui::config::Config;
use tui::matrix::{Filter, Row, rows};
use tui::model::{Model, Overlay};
use tui::side::PaneSide;

use crate::support::{demo_model, draw, model_with, press, refined_demo_model, screen};

/// Three reports of one quake in files of one name: A and B agree on the toll, C gives
/// another and alone adds a sentence on the weather.
fn quake() -> Model {
    let docs = crate::quake::documents();
    let cmp = Comparison::build(docs, &tui::reader_options(Options::default())).unwrap();
    model_with(cmp, Config::default(), 120, 40)
}

fn cmp(m: &Model) -> &Comparison {
    &m.ready().expect("loaded").cmp
}

#[test]
fn rows_come_most_carried_first_and_enter_shows_the_row_under_the_cursor() {
    // Claims of three and more sources need the encoder's links between the two years.
    let mut m = refined_demo_model(120, 40);
    let shown = rows(cmp(&m), Filter::All);
    assert_eq!(shown.len(), cmp(&m).clusters.len());
    let carried: Vec<usize> = shown
        .iter()
        .map(|r| match r {
            Row::Claim(c) => cmp(&m).clusters[*c].carried_by(),
            Row::Only(..) => panic!("a passage row without a filter"),
        })
        .collect();
    assert!(carried.windows(2).all(|w| w[0] >= w[1]), "{carried:?}");
    assert!(
        carried.first() > carried.last(),
        "the demo's claims differ in reach"
    );
    // Row 1 is shown whatever its index among the claims.
    let Row::Claim(c) = shown[1] else { panic!() };
    press(&mut m, "m j enter");
    assert_eq!(m.overlay, None);
    let r = m.ready().unwrap();
    let claim = &r.cmp.clusters[c];
    let side = m.active;
    let member = claim
        .members
        .iter()
        .find(|mb| mb.doc == r.pair.src[side])
        .expect("a pane shows a source of the claim");
    assert_eq!(m.panes[side].focus, member.segments[0]);
}

#[test]
fn the_conflict_filter_keeps_the_claim_one_source_tells_differently() {
    let mut m = quake();
    press(&mut m, "m 3");
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::Conflict)));
    let shown = rows(cmp(&m), Filter::Conflict);
    assert_eq!(shown.len(), 1, "{shown:?}");
    let Row::Claim(c) = shown[0] else { panic!() };
    let claim = &cmp(&m).clusters[c];
    assert_eq!(cmp(&m).stance(claim, SourceId(2)), Stance::Differs);
    let s = screen(&draw(&m));
    assert!(s.contains("in conflict"), "{s}");
    assert!(s.contains("✓ ✓ ≠ The earthquake killed"), "{s}");
    assert!(
        s.contains("! Killed: A says 42"),
        "the flag under the list: {s}"
    );
    assert!(
        s.contains("3 in conflict"),
        "the filter keys are named: {s}"
    );
    // Enter shows the claim where it is told two ways: C, which differs, beside a source
    // it differs from, with the flag in the panel (A and B agree, and would show nothing
    // of what the row was chosen for).
    press(&mut m, "enter");
    assert_eq!(m.overlay, None);
    let r = m.ready().unwrap();
    assert!(r.pair.src.contains(&SourceId(2)), "{:?}", r.pair.src);
    let s = screen(&draw(&m));
    assert!(s.contains("! Killed:"), "{s}");
    // Among every claim, Enter on the same row shows the row's own words first: A and B.
    let mut m = quake();
    let at = rows(cmp(&m), Filter::All)
        .iter()
        .position(|r| *r == Row::Claim(c));
    press(&mut m, "m");
    for _ in 0..at.unwrap() {
        press(&mut m, "j");
    }
    press(&mut m, "enter");
    let r = m.ready().unwrap();
    assert_eq!(r.pair.src, [SourceId(0), SourceId(1)]);
    assert_eq!(m.panes[PaneSide::Left].focus, SegmentId(0));
}

#[test]
fn only_one_source_lists_what_a_source_alone_has_and_enter_shows_it() {
    let mut m = quake();
    press(&mut m, "m 2");
    let shown = rows(cmp(&m), Filter::Only);
    let rain = SegmentId(2);
    assert_eq!(shown, vec![Row::Only(SourceId(2), rain)]);
    let s = screen(&draw(&m));
    assert!(s.contains("only one source has it"), "{s}");
    assert!(s.contains("– – + Heavy rain is expected"), "{s}");
    press(&mut m, "enter");
    let r = m.ready().unwrap();
    assert_eq!(r.pair.src, [SourceId(0), SourceId(2)]);
    assert_eq!(
        (m.active, m.panes[PaneSide::Right].focus),
        (PaneSide::Right, rain)
    );
}

/// "Shared by all sources" keeps the claims every source states through a believed link: a
/// source joined only by a weak link (≈) may not tell the claim at all.
#[test]
fn shared_by_all_leaves_out_claims_a_source_only_weakly_matches() {
    let mut cmp = cmp(&quake()).clone();
    let n = cmp.sources.len();
    assert!(rows(&cmp, Filter::Shared).contains(&Row::Claim(0)));
    // The claim as it stands when its third source is joined by weak links alone.
    cmp.clusters[0].members[2].weak = true;
    assert_eq!(cmp.stance(&cmp.clusters[0], SourceId(2)), Stance::Weakly);
    assert_eq!(cmp.clusters[0].carried_by(), n);
    assert!(!rows(&cmp, Filter::Shared).contains(&Row::Claim(0)));
    assert!(rows(&cmp, Filter::All).contains(&Row::Claim(0)));
}

/// Under the list, a claim's row lists its possible flags ("?") after its believed ones.
#[test]
fn a_claims_possible_flags_are_under_the_list() {
    let mut cmp = cmp(&quake()).clone();
    let (p, l) = crate::quake::toll_link(&cmp);
    cmp.pairs[p].alignment.links[l].score = 0.1;
    let mut m = model_with(cmp, Config::default(), 120, 40);
    press(&mut m, "m");
    let shown = screen(&draw(&m));
    assert!(shown.contains("? Killed: A says 42"), "{shown}");
}

#[test]
fn zero_and_esc_clear_a_filter_then_esc_closes() {
    let mut m = quake();
    press(&mut m, "m 1 j");
    // Every claim of the three reports is carried by all three.
    assert_eq!(m.overlay, Some(Overlay::Matrix(1, Filter::Shared)));
    assert!(screen(&draw(&m)).contains("shared by all sources"));
    press(&mut m, "0");
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::All)));
    press(&mut m, "2 esc");
    assert_eq!(m.overlay, Some(Overlay::Matrix(0, Filter::All)));
    press(&mut m, "esc");
    assert_eq!(m.overlay, None);
    press(&mut m, "3");
    assert!(
        m.message
            .as_deref()
            .is_some_and(|s| s.contains("claim matrix"))
    );
}

#[test]
fn each_stance_has_its_sign_and_its_colour() {
    let mut m = quake();
    press(&mut m, "m");
    let buf = draw(&m);
    let t = &m.config.theme;
    // The title explains the signs in plain text; the cells carry the colours.
    let coloured = |sym: &str, fg| {
        buf.content()
            .iter()
            .any(|c| c.symbol() == sym && Some(c.fg) == fg)
    };
    assert!(coloured("≠", t.claim_differs.fg));
    assert!(coloured("✓", t.claim_states.fg));
    assert_ne!(t.claim_differs.fg, t.claim_states.fg);
}

/// A source the claim does not hold, whose passage a believed link ties to the claim (the
/// passage stands in another claim), is marked → in dim, not – as saying nothing; under
/// the list the row says which passage is linked to which. On the demo, B 3 (the secret
/// communications) is linked to D 2 (Cabello, Maduro's right hand), and stands in claim 1.
#[test]
fn a_source_linked_to_a_claim_from_outside_it_is_marked_so() {
    let mut m = refined_demo_model(120, 40);
    let all = rows(cmp(&m), Filter::All);
    let at = (all.iter())
        .position(|r| match *r {
            Row::Claim(k) => {
                let c = &cmp(&m).clusters[k];
                SourceId::all(4).any(|d| cmp(&m).stance(c, d) == Stance::Outside)
            }
            Row::Only(..) => false,
        })
        .expect("a claim a source is linked to from outside");
    let Row::Claim(k) = all[at] else { panic!() };
    let c = cmp(&m).clusters[k].clone();
    let marks: String = SourceId::all(4)
        .map(|d| match cmp(&m).stance(&c, d) {
            Stance::States => "✓ ",
            Stance::Differs => "≠ ",
            Stance::Weakly => "≈ ",
            Stance::Outside => "→ ",
            Stance::Silent => "– ",
        })
        .collect();
    press(&mut m, &format!("m{}", " j".repeat(at)));
    let buf = draw(&m);
    let shown = screen(&buf);
    assert!(shown.contains("→ linked, not in it"), "the legend: {shown}");
    assert!(
        shown.contains(&format!("▶{} {marks}", k + 1)),
        "row {} as {marks}: {shown}",
        k + 1
    );
    let d = SourceId::all(4)
        .find(|&d| cmp(&m).stance(&c, d) == Stance::Outside)
        .unwrap();
    let o = cmp(&m).outside_links(&c, d)[0];
    let said = format!(
        "→ {} {} is linked to {} {}",
        d.letter(),
        o.from.number(),
        o.to.0.letter(),
        o.to.1.number()
    );
    assert!(shown.contains(&said), "{said}: {shown}");
    let dim = m.config.theme.dim.fg;
    assert!(
        buf.content()
            .iter()
            .any(|c| c.symbol() == "→" && c.fg == dim.unwrap_or_default())
    );
}

#[test]
fn sources_of_one_file_name_are_told_apart_everywhere() {
    let mut m = quake();
    let s = screen(&draw(&m));
    assert!(s.contains("A north/report.txt"), "{s}");
    assert!(s.contains("B south/report.txt"), "{s}");
    assert!(s.contains("3 sources: p pick pair, m claims"), "{s}");
    press(&mut m, "p");
    let s = screen(&draw(&m));
    assert!(s.contains("north/report.txt — east/report.txt"), "{s}");
    press(&mut m, "esc m");
    let s = screen(&draw(&m));
    assert!(s.contains("│ C east/report.txt"), "{s}");
}

#[test]
fn two_sources_get_no_many_sources_hint() {
    let docs = vec![
        Document::from_text("a.txt", "The bridge opened on Monday.\n"),
        Document::from_text("b.txt", "On Monday the bridge opened.\n"),
    ];
    let cmp = Comparison::build(docs, &tui::reader_options(Options::default())).unwrap();
    let mut m = model_with(cmp, Config::default(), 120, 30);
    assert!(!screen(&draw(&m)).contains("sources: p pick pair"));
    // A filter key of the matrix says what `m` says, not to open it first.
    press(&mut m, "2");
    let said = m.message.clone().unwrap_or_default();
    assert!(
        said.ends_with("which needs three sources or more"),
        "{said}"
    );
    let mut demo = demo_model(120, 40);
    assert!(screen(&draw(&demo)).contains("4 sources: p pick pair, m claims"));
    press(&mut demo, "2");
    let said = demo.message.clone().unwrap_or_default();
    assert!(said.ends_with("open it first (m)"), "{said}");
}

/// At 80 columns, on a passage only one source has (the longest position), the many-sources
/// hint still shows whole: the view's name gives way to it.
#[test]
fn the_many_sources_hint_fits_80_columns() {
    let mut demo = demo_model(80, 24);
    let s = screen(&draw(&demo));
    let status = s
        .lines()
        .rev()
        .find(|l| l.contains("passage"))
        .unwrap_or_default();
    assert!(status.contains(" · added · "), "{s}");
    assert!(
        status.contains("4 sources: p pick pair, m claims"),
        "{status}"
    );
    assert!(!status.contains("reading"), "{status}");
    // Wide enough, the view's name is back.
    demo = demo_model(160, 40);
    let s = screen(&draw(&demo));
    assert!(
        s.contains(" · reading · 4 sources: p pick pair, m claims"),
        "{s}"
    );
}

/// The built reader in a pseudo-terminal: p keeps the 2019 pair, m opens the matrix, a
/// filter narrows it, Enter shows a claim both 2019 articles carry, focused in A.
#[test]
fn pick_matrix_filter_and_enter_in_a_real_terminal() {
    use crate::pty::{ROOT, start_in};
    // The demo's first links, as the reader shows them at once (`--fast` here).
    let cmp = crate::support::demo();
    let has_ab = |r: &Row| match r {
        Row::Claim(c) => [0, 1].iter().all(|&d| {
            cmp.clusters[*c]
                .members
                .iter()
                .any(|mb| mb.doc == SourceId(d))
        }),
        Row::Only(..) => false,
    };
    let shared = rows(&cmp, Filter::Shared);
    let (filter, key, list) = if shared.iter().any(has_ab) {
        (Filter::Shared, "1", shared)
    } else {
        (Filter::All, "0", rows(&cmp, Filter::All))
    };
    let at = list
        .iter()
        .position(has_ab)
        .expect("the 2019 articles share a claim");
    let Row::Claim(c) = list[at] else { panic!() };
    let seg = cmp.clusters[c].members[0].segments[0];
    let pair = cmp.pair(SourceId(0), SourceId(1)).unwrap();
    let mut links: Vec<&parallax::align::Link> = pair.alignment.links.iter().collect();
    links.sort_by_key(|l| (l.a[0], l.b[0]));
    let status = match links.iter().position(|l| l.a.contains(&seg)) {
        Some(l) => format!("A: link {}/{}", l + 1, links.len()),
        None => format!(
            "A: passage {}/{}",
            seg.number(),
            cmp.sources[0].segments.len()
        ),
    };

    let mut s = start_in(std::path::Path::new(ROOT), &[], &[]);
    s.term.wait_for(&["4 sources: p pick pair, m claims"]);
    s.term.keys(b"p");
    s.term.wait_for(&["Pick the two sources shown"]);
    s.term.keys(b"\r");
    s.term.keys(b"m");
    s.term
        .wait_for(&["Claims × sources: all claims", "1 shared by all"]);
    s.term.keys(key.as_bytes());
    s.term
        .wait_for(&[&format!("Claims × sources: {}", filter.label())]);
    s.term.keys("j".repeat(at).as_bytes());
    s.term.keys(b"\r");
    // The status may read the same before Enter: wait for the matrix to close first.
    s.term.wait_gone("Claims × sources");
    s.term.wait_for(&[&status]);
    s.term.keys(b"q");
    assert!(s.finish().success());
}

/// In a real terminal, on the demo's first links (`--fast`, so the claims are the ones
/// computed here): `p` picks the 2026 pair (the panes show C and D), every filter key retitles
/// the matrix, and Enter on a claim only the 2019 articles state brings their two
/// sources back into the panes.
#[test]
fn pick_another_pair_filter_and_enter_a_claim_of_other_sources_in_a_real_terminal() {
    use crate::pty::{ROOT, start_in};
    // The demo's first links, as the reader shows them at once (`--fast` here).
    let cmp = crate::support::demo();
    let all = rows(&cmp, Filter::All);
    let states = |c: usize, d: usize| {
        cmp.clusters[c]
            .members
            .iter()
            .any(|mb| mb.doc == SourceId(d) && !mb.weak)
    };
    let at = all
        .iter()
        .position(|r| match r {
            Row::Claim(c) => states(*c, 0) && states(*c, 1) && !states(*c, 2) && !states(*c, 3),
            Row::Only(..) => false,
        })
        .expect("a claim only the 2019 articles state");
    let pair_keys = |a: usize, b: usize| -> usize {
        // The `p` list: A⇄B, A⇄C, A⇄D, B⇄C, B⇄D, C⇄D.
        let n = cmp.sources.len();
        (0..n)
            .flat_map(|x| (x + 1..n).map(move |y| (x, y)))
            .position(|p| p == (a, b))
            .unwrap()
    };

    let mut s = start_in(std::path::Path::new(ROOT), &["--fast"], &[]);
    s.term.wait_for(&["4 sources: p pick pair, m claims"]);
    s.term.keys(b"p");
    s.term.wait_for(&["Pick the two sources shown", "C ⇄ D"]);
    s.term.keys("j".repeat(pair_keys(2, 3)).as_bytes());
    s.term.keys(b"\r");
    s.term
        .wait_for(&["C: ", "cabello-2026-reuters-rewrite.txt"]);
    assert!(!s.term.flat().contains("cabello-2019-speed-read.txt"));
    s.term.keys(b"m");
    s.term.wait_for(&["Claims × sources: all claims"]);
    for (key, filter) in [
        ("3", Filter::Conflict),
        ("2", Filter::Only),
        ("1", Filter::Shared),
        ("0", Filter::All),
    ] {
        s.term.keys(key.as_bytes());
        s.term
            .wait_for(&[&format!("Claims × sources: {}", filter.label())]);
    }
    s.term.keys("j".repeat(at).as_bytes());
    s.term.keys(b"\r");
    // The matrix (whose legend names every source) closes first.
    s.term.wait_gone("Claims × sources");
    // The claim's sources, A and B, take the panes.
    s.term.wait_for(&[
        "A: ",
        "cabello-2019-ap-rewrite.txt",
        "cabello-2019-speed-read.txt",
    ]);
    assert!(!s.term.flat().contains("cabello-2026-reuters-rewrite.txt"));
    s.term.keys(b"q");
    assert!(s.finish().success());
}

/// Enter on any row shows the passage the row quotes: its source is one of the two panes.
#[test]
fn enter_shows_the_passage_the_row_quotes() {
    let mut m = refined_demo_model(160, 50);
    let n = rows(cmp(&m), Filter::All).len();
    for k in 0..n {
        let Row::Claim(c) = rows(cmp(&m), Filter::All)[k] else {
            panic!()
        };
        let label = cmp(&m).clusters[c].label.clone();
        let start: Vec<&str> = label.split_whitespace().take(4).collect();
        // From the top: the matrix opens where it was left.
        press(&mut m, "m g");
        for _ in 0..k {
            press(&mut m, "j");
        }
        press(&mut m, "enter");
        assert_eq!(m.overlay, None);
        let shown = screen(&draw(&m));
        assert!(
            shown.contains(&start.join(" ")),
            "row {k}: {label} in {shown}"
        );
    }
}

/// Enter on any row shows two sources of the claim with their passages of it linked: the
/// focused passages of the two panes are one link (or one possible link) of the pair shown.
/// A source joins a claim when linked to most of it, so not every two of its sources are.
#[test]
fn enter_shows_two_passages_of_the_claim_that_are_linked() {
    for mut m in [refined_demo_model(160, 50), quake()] {
        let n = rows(cmp(&m), Filter::All).len();
        for k in 0..n {
            let Row::Claim(c) = rows(cmp(&m), Filter::All)[k] else {
                panic!()
            };
            press(&mut m, "m g");
            for _ in 0..k {
                press(&mut m, "j");
            }
            press(&mut m, "enter");
            let r = m.ready().unwrap();
            let [left, right] = r.pair.src;
            let focus = [
                m.panes[PaneSide::Left].focus,
                m.panes[PaneSide::Right].focus,
            ];
            let claim = &r.cmp.clusters[c];
            for (doc, seg) in [(left, focus[0]), (right, focus[1])] {
                assert!(
                    claim
                        .members
                        .iter()
                        .any(|mb| mb.doc == doc && mb.segments.contains(&seg)),
                    "row {k}: {doc:?} {seg:?} is a passage of claim {}",
                    claim.label
                );
            }
            let p = r.cmp.pair(left, right).expect("a pair");
            let linked = p
                .alignment
                .links
                .iter()
                .chain(&p.alignment.possible)
                .any(|l| l.a.contains(&focus[0]) && l.b.contains(&focus[1]));
            assert!(
                linked,
                "row {k}: {} not linked in {left:?} ⇄ {right:?}",
                claim.label
            );
        }
    }
}

/// At 60×20 the matrix's title is whole, its legend explains the signs of the rows shown
/// (`+` under "only one source"), and the filter keys stay under the list wherever the
/// cursor goes.
#[test]
fn a_small_matrix_keeps_its_title_legend_and_filter_keys() {
    let mut m = refined_demo_model(60, 20);
    press(&mut m, "m");
    let all = screen(&draw(&m));
    assert!(all.contains("Claims × sources: all claims"), "{all}");
    assert!(
        all.contains("✓ says it · ≠ differs · ≈ weak match"),
        "{all}"
    );
    assert!(all.contains("shared by all"), "{all}");
    press(&mut m, "2");
    let only = screen(&draw(&m));
    assert!(only.contains("only one source has it"), "{only}");
    assert!(only.contains("+ only this source has it"), "{only}");
    assert!(!only.contains("✓ says it"), "{only}");
    press(&mut m, "G");
    let end = screen(&draw(&m));
    assert!(
        end.contains("shared by all") && end.contains("in conflict"),
        "the keys at the last row: {end}"
    );
}

/// Each claim row carries the number every report gives the claim, also when a filter
/// hides the rows before it.
#[test]
fn claim_rows_carry_the_reports_numbers() {
    let mut m = quake();
    press(&mut m, "m");
    let all = crate::support::rows(&draw(&m));
    let n = cmp(&m).clusters.len();
    assert!(n >= 2, "{all:#?}");
    for k in 1..=n {
        assert!(
            all.iter()
                .any(|l| l.contains(&format!("│{}{k} ", if k == 1 { "▶" } else { " " }))),
            "claim {k} numbered: {all:#?}"
        );
    }
    press(&mut m, "3");
    let conflict = crate::support::rows(&draw(&m));
    let Row::Claim(c) = rows(cmp(&m), Filter::Conflict)[0] else {
        panic!()
    };
    assert!(
        conflict
            .iter()
            .any(|l| l.contains(&format!("│▶{} ", c + 1))),
        "{conflict:#?}"
    );
}

/// On a short screen (60×18) the cursor's claim keeps all its words under the list (its
/// flags included), and a claim with fewer words leaves the rows to the list: five claims
/// in sight, not the two a footer as tall as the tallest left. The head (the sources, the
/// signs, the column letters) stays over the rows as the cursor moves past the screen.
#[test]
fn a_short_matrix_keeps_its_rows_and_its_head_in_sight() {
    // Refined (as the reader shows it once the encoder has read the demo), its first claim
    // carries two flags: the tallest footer.
    let mut m = refined_demo_model(60, 18);
    press(&mut m, "m");
    let claim_rows = |m: &Model| -> Vec<String> {
        (crate::support::rows(&draw(m)).into_iter())
            .filter(|l| is_claim_row(l))
            .collect()
    };
    let first = screen(&draw(&m));
    assert!(first.contains("Nicolás Maduro”"), "{first}");
    assert!(first.contains("D writes “Nicolas Maduro”"), "{first}");
    // To the last claim, past the rows the screen holds under the footer.
    let n = cmp(&m).clusters.len();
    assert!(n >= 6, "{n} claims");
    press(&mut m, &vec!["j"; n - 1].join(" "));
    let shown = claim_rows(&m);
    assert!(shown.len() >= 5, "{:#?}", crate::support::rows(&draw(&m)));
    let first = |l: &String| {
        let inner = l.trim_start_matches('│').trim_start_matches(['▶', ' ']);
        inner.starts_with("1 ")
    };
    assert!(
        !shown.iter().any(first),
        "scrolled past the first: {shown:#?}"
    );
    let screen_rows = crate::support::rows(&draw(&m));
    let head = column_letters_at(&screen_rows).expect("the column letters stay in sight");
    let cursor = screen_rows
        .iter()
        .position(|l| l.contains(&format!("│▶{n} ")))
        .expect("the cursor's row is in sight");
    assert!(head < cursor);
    assert!(
        screen_rows
            .iter()
            .any(|l| l.contains("A  cabello-2019-ap-rewrite.txt"))
    );
}

/// True for a row of the matrix's list, "1 ≠ ✓ ✓ ✓  The U.S. …": the claim's number, then
/// its signs.
fn is_claim_row(line: &str) -> bool {
    let inner = line.trim_start_matches('│').trim_start_matches(['▶', ' ']);
    let mut words = inner.split_whitespace();
    words.next().is_some_and(|w| w.parse::<usize>().is_ok())
        && words
            .next()
            .is_some_and(|w| ["✓", "≠", "≈", "→", "–"].contains(&w))
}

/// The screen row of the matrix's column letters (the demo's four sources), if in sight.
fn column_letters_at(rows: &[String]) -> Option<usize> {
    rows.iter().position(|l| {
        let inner = l.trim_start_matches('│').trim_start();
        inner.starts_with('#') && inner.contains(" A B C D  claim")
    })
}

/// On a screen too short for the whole head over a few rows (80×11 and 100×16, four
/// sources), the column letters still stay over the rows as the cursor goes down the list,
/// and the source names and the signs' legend scroll away instead: the rows' signs read by
/// their column, and more rows are in sight.
#[test]
fn a_very_short_matrix_keeps_its_column_letters_in_sight() {
    let mut m = refined_demo_model(80, 11);
    press(&mut m, "m");
    // At the top the lines keep their order: the legends, then the letters.
    let top = crate::support::rows(&draw(&m));
    let legend = top.iter().position(|l| l.contains("✓ says it"));
    assert!(
        legend.is_some() && legend < column_letters_at(&top),
        "{top:#?}"
    );
    let n = cmp(&m).clusters.len();
    press(&mut m, &vec!["j"; n - 1].join(" "));
    let rows = crate::support::rows(&draw(&m));
    let columns = column_letters_at(&rows)
        .unwrap_or_else(|| panic!("the column letters are not in sight: {rows:#?}"));
    let cursor = rows
        .iter()
        .position(|l| l.contains(&format!("│▶{n} ")))
        .unwrap_or_else(|| panic!("the cursor's row is not in sight: {rows:#?}"));
    assert!(columns < cursor, "{rows:#?}");
    assert!(
        !rows
            .iter()
            .any(|l| l.contains("A  cabello-2019-ap-rewrite.txt")),
        "the source names scroll away: {rows:#?}"
    );
    // At 100×16 the whole head (six lines) left four claims in sight under it: the column
    // letters alone stay, and the last claim's row shows all six.
    let mut m = refined_demo_model(100, 16);
    press(&mut m, "m G");
    let rows = crate::support::rows(&draw(&m));
    let claims = rows.iter().filter(|l| is_claim_row(l)).count();
    assert_eq!(claims, n, "{rows:#?}");
    assert!(column_letters_at(&rows).is_some(), "{rows:#?}");
}

/// Three reports of the 2009 Papua earthquakes (news fixtures of the engine), aligned as the
/// reader refines them.
fn papua() -> Comparison {
    let docs = [
        "37_2ecb--37_6ecb/a.txt",
        "37_2ecb--37_6ecb/b.txt",
        "37_4ecb--37_5ecb/a.txt",
    ]
    .map(|name| {
        let path = format!(
            "{}/../parallax/tests/fixtures/news/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        Document::from_text(name, std::fs::read_to_string(path).unwrap())
    });
    Comparison::build(docs.to_vec(), &Options::default()).unwrap()
}

/// "In conflict" lists a claim whose facts only a weak link tells differently (its `?`
/// flags): a fact-checker filtering for disagreements missed the death toll one report
/// gives as one and another as four. Enter shows it on that link's pair.
#[test]
fn the_conflict_filter_lists_a_difference_only_a_weak_link_tells() {
    let cmp = papua();
    let possibly: Vec<usize> = (0..cmp.clusters.len())
        .filter(|&k| {
            let c = &cmp.clusters[k];
            let differs =
                |m: &parallax::comparison::ClusterMember| cmp.stance(c, m.doc) == Stance::Differs;
            !c.members.iter().any(differs)
                && !parallax::export::claims::possible_flags(&cmp, c).is_empty()
        })
        .collect();
    assert!(!possibly.is_empty(), "the fixture has such a claim");
    let listed = rows(&cmp, Filter::Conflict);
    for &k in &possibly {
        assert!(listed.contains(&Row::Claim(k)), "claim {}", k + 1);
    }
    let first = possibly[0];
    let at = listed.iter().position(|r| *r == Row::Claim(first)).unwrap();
    let flag = parallax::export::claims::possible_flags(&cmp, &cmp.clusters[first])[0].clone();
    let mut m = model_with(cmp, Config::default(), 160, 40);
    press(&mut m, "m 3");
    press(&mut m, &vec!["j"; at].join(" "));
    let s = screen(&draw(&m));
    assert!(s.contains("? under a row: may differ"), "{s}");
    let said = flag.split(" (possible").next().unwrap();
    assert!(s.contains(said), "{said}: {s}");
    press(&mut m, "enter");
    // The pair shown is one whose link tells the fact two ways.
    let r = m.phase.ready().unwrap();
    let told = r
        .cmp
        .possible_claim_conflicts(&r.cmp.clusters[first], r.pair.src[0]);
    assert!(
        told.iter().any(|c| c.with == r.pair.src[1]),
        "{:?} tells nothing differently",
        r.pair.src
    );
}

/// A passage the pair shown does not link, though the claim matrix has both sources state
/// its claim, says so in the panel: "Only A has this passage" alone read as the matrix
/// contradicting the panes. Other sources' links join the two, unless this pair's possible
/// link (given above it) reaches the other's passage: then it says only what the matrix
/// counts. Every such passage of the demo and the Papua reports is checked, both kinds.
#[test]
fn a_passage_the_pair_leaves_unlinked_names_the_claim_that_joins_it_to_the_other() {
    let mut said = [0, 0];
    for cmp in [crate::support::refined_demo(), papua()] {
        for (at, doc, other, seg, k) in unlinked_in_a_shared_claim(&cmp) {
            let pairs = tui::pair::pairs(cmp.sources.len());
            let mut m = model_with(cmp.clone(), Config::default(), 160, 50);
            press(&mut m, &format!("p {} enter :", vec!["j"; at].join(" ")));
            crate::support::type_keys(&mut m, &format!("{} {}\n", doc.letter(), seg.number()));
            let r = m.phase.ready().unwrap();
            assert_eq!((r.pair.src[0], r.pair.src[1]), pairs[at]);
            let side = if r.pair.src[0] == doc {
                PaneSide::Left
            } else {
                PaneSide::Right
            };
            let theirs = (cmp.clusters[k].members.iter())
                .find(|mb| mb.doc == other)
                .unwrap();
            let by_this_pair = (r.pair.possible_at(&r.cmp, side, seg))
                .is_some_and(|(_, there)| there.iter().any(|s| theirs.segments.contains(s)));
            let s = screen(&draw(&m));
            let only = format!("Only {} has this passage", doc.letter());
            assert!(s.contains(&only), "{s}");
            let claim = format!("Claim {} holds it, and {} ", k + 1, other.letter());
            assert!(s.contains(&claim), "{claim}: {s}");
            let how = if by_this_pair {
                "the claim matrix counts both as stating it"
            } else {
                "other sources' links join them, not one of this pair"
            };
            assert!(s.contains(how), "{how}: {s}");
            said[usize::from(by_this_pair)] += 1;
        }
    }
    assert!(said.iter().all(|&n| n > 0), "{said:?}");
}

/// Per pair of sources (its place in the pair picker), a passage of one that the pair leaves
/// unlinked, in a claim that both state firmly (not only by a weak match): (pair, the
/// passage's source, the other, the passage, the claim).
fn unlinked_in_a_shared_claim(
    cmp: &Comparison,
) -> Vec<(usize, SourceId, SourceId, SegmentId, usize)> {
    let pairs = tui::pair::pairs(cmp.sources.len());
    let mut out = Vec::new();
    for (at, &(x, y)) in pairs.iter().enumerate() {
        let p = cmp.pair(x, y).unwrap();
        for (doc, other) in [(x, y), (y, x)] {
            let held = |l: &parallax::align::Link, s| {
                if p.a == doc {
                    l.a.contains(&s)
                } else {
                    l.b.contains(&s)
                }
            };
            for s in (0..cmp.source(doc).segments.len()).map(SegmentId) {
                if p.alignment.links.iter().any(|l| held(l, s)) {
                    continue;
                }
                let Some(k) = cmp.claim_holding(doc, s) else {
                    continue;
                };
                let firm = |d: SourceId| {
                    (cmp.clusters[k].members.iter()).any(|mb| mb.doc == d && !mb.weak)
                };
                if firm(doc) && firm(other) {
                    out.push((at, doc, other, s, k));
                }
            }
        }
    }
    out
}
