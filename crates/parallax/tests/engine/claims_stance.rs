//! Claims across sources once facts are read: a source that states a claim with a
//! different fact differs (and the reports say which fact), what each source alone
//! reports, and names that tell sources of one file name apart.

use parallax::comparison::{Stance, names};
use parallax::export::{html, json, markdown, text};
use parallax::{Comparison, Options, SegmentId, SourceId, annotate::Notes, demo};

/// Three short reports of one quake: A and B agree on the toll, C gives another; C alone
/// has a sentence on the weather. Files of one name in three folders.
fn quake() -> Comparison {
    let docs = crate::quake::documents();
    Comparison::build(docs, &Options::default()).unwrap()
}

/// The claim holding passage `seg` of source `doc`.
fn claim_of(cmp: &Comparison, doc: usize, seg: usize) -> usize {
    cmp.claim_holding(SourceId(doc), SegmentId(seg))
        .expect("the passage is in a claim")
}

#[test]
fn the_source_with_another_toll_differs_and_alone() {
    let cmp = quake();
    let k = claim_of(&cmp, 0, 0);
    let c = &cmp.clusters[k];
    assert_eq!(c.carried_by(), 3, "{c:?}");
    assert_eq!(cmp.stance(c, SourceId(0)), Stance::States);
    assert_eq!(cmp.stance(c, SourceId(1)), Stance::States);
    assert_eq!(cmp.stance(c, SourceId(2)), Stance::Differs);
    assert_eq!(cmp.alone_differs(c), Some(SourceId(2)));
    let flags: Vec<String> = cmp
        .claim_conflicts(c, SourceId(2))
        .iter()
        .map(|m| m.sentence(SourceId(2)))
        .collect();
    assert!(
        flags
            .iter()
            .any(|f| f.contains("C says 57") && f.contains("A says 42")),
        "{flags:?}"
    );
    // The claim both agree on is stated plainly by all three.
    let other = &cmp.clusters[claim_of(&cmp, 0, 1)];
    for d in SourceId::all(3) {
        assert_eq!(cmp.stance(other, d), Stance::States);
    }
}

/// A fact flagged on a weak link between two passages a claim holds firmly is listed as
/// possible under the claim: not counted, no `≠`, but in sight (four reports of one quake
/// hid "one dead" against "four dead" that way). A passage the claim holds only weakly
/// flags nothing.
#[test]
fn a_flag_on_a_weak_link_inside_a_claim_is_listed_as_possible() {
    let mut cmp = quake();
    let k = claim_of(&cmp, 0, 0);
    // The link of A and C that flags the toll, as it stands when the aligner doubts it;
    // the claim holds both through B.
    let (p, l) = crate::quake::toll_link(&cmp);
    cmp.pairs[p].alignment.links[l].score = 0.1;
    let c = cmp.clusters[k].clone();
    assert!(cmp.claim_conflicts(&c, SourceId(0)).is_empty());
    let possible = cmp.possible_claim_conflicts(&c, SourceId(0));
    assert_eq!(possible.len(), 1, "{possible:?}");
    let flag = possible[0].sentence(SourceId(0));
    assert!(
        flag.contains("A says 42") && flag.contains("C says 57"),
        "{flag}"
    );
    assert!(flag.ends_with("(possible: the link is weak)"), "{flag}");
    // Under the claim, after each pair's own lists (which show it too).
    let out = text::render(&cmp);
    let claims = out.split_once("Claims across sources").unwrap().1;
    assert!(claims.contains(&format!("? {flag}")), "{out}");
    let md = markdown::render(&cmp);
    let inside = md
        .split_once("Facts told differently inside a claim")
        .unwrap()
        .1;
    assert!(inside.contains("(possible: the link is weak)"), "{md}");
    let page = html::render(&cmp, &Notes::default(), "quake");
    assert!(page.contains("<span class=\"possible\">? Killed"), "{page}");
    // Held only weakly, C's passage flags nothing: its link to B weak too, no believed link
    // joins it to the claim.
    let q = (cmp.pairs.iter())
        .position(|p| (p.a, p.b) == (SourceId(1), SourceId(2)))
        .unwrap();
    let mut loose = cmp.clone();
    for l in &mut loose.pairs[q].alignment.links {
        l.score = 0.1;
    }
    assert!(loose.possible_claim_conflicts(&c, SourceId(0)).is_empty());
}

/// A fact a believed link of the claim flags is not listed again as possible when a weak
/// link of the same two sources flags it too (a toll told in a lead and again lower down).
#[test]
fn a_possible_flag_does_not_repeat_a_believed_one() {
    let mut cmp = quake();
    let k = claim_of(&cmp, 0, 0);
    let (p, l) = crate::quake::toll_link(&cmp);
    let mut weak = cmp.pairs[p].alignment.links[l].clone();
    weak.score = 0.1;
    let facts = cmp.pairs[p].link_facts[l].clone();
    cmp.pairs[p].alignment.links.push(weak);
    cmp.pairs[p].link_facts.push(facts);
    let c = cmp.clusters[k].clone();
    assert_eq!(cmp.claim_conflicts(&c, SourceId(0)).len(), 1);
    assert!(cmp.possible_claim_conflicts(&c, SourceId(0)).is_empty());
    let out = text::render(&cmp);
    let claims = out.split_once("Claims across sources").unwrap().1;
    assert!(!claims.contains("(possible: the link is weak)"), "{claims}");
}

#[test]
fn two_sources_that_differ_only_from_each_other_leave_nobody_alone() {
    let mut cmp = quake();
    // Without C, nothing tells which of A and B is the odd one: drop C from the claim by
    // reading the pair A–B with a conflict of its own.
    let k = claim_of(&cmp, 0, 0);
    cmp.clusters[k].members.retain(|m| m.doc != SourceId(2));
    let c = cmp.clusters[k].clone();
    let ab = cmp
        .pairs
        .iter()
        .position(|p| p.a.0 == 0 && p.b.0 == 1)
        .unwrap();
    let conflict = cmp.pairs[2]
        .link_facts
        .iter()
        .flat_map(|f| f.conflicts.clone())
        .next();
    let conflict = conflict.expect("B–C flags the toll");
    let link = cmp.pairs[ab]
        .alignment
        .links
        .iter()
        .position(|l| l.a.contains(&SegmentId(0)))
        .unwrap();
    cmp.pairs[ab].link_facts[link].conflicts.push(conflict);
    assert_eq!(cmp.stance(&c, SourceId(0)), Stance::Differs);
    assert_eq!(cmp.stance(&c, SourceId(1)), Stance::Differs);
    assert_eq!(cmp.alone_differs(&c), None);
}

#[test]
fn summaries_count_claims_passages_only_here_and_conflicts() {
    let cmp = quake();
    let all = cmp.summaries();
    assert_eq!(all.len(), 3);
    let k = claim_of(&cmp, 0, 0);
    assert_eq!(all[2].differs, vec![k]);
    assert_eq!(all[2].alone, vec![k]);
    assert!(all[0].alone.is_empty() && all[1].alone.is_empty());
    // The rain sentence is C's alone; A and B have nothing of their own.
    let rain = cmp.sources[2]
        .segments
        .iter()
        .position(|s| s.span.slice(&cmp.sources[2].document.text).contains("rain"))
        .unwrap();
    assert_eq!(all[2].only, vec![SegmentId(rain)]);
    assert!(all[0].only.is_empty(), "{:?}", all[0].only);
    assert_eq!(all[0].claims.len(), 2);
    assert_eq!(
        all[2].line("C east/report.txt"),
        "C east/report.txt: 2 claims, 1 passage only here, 1 in conflict (1 where it alone differs)"
    );
}

#[test]
fn every_report_has_a_summary_line_per_source_and_the_flag() {
    let cmp = quake();
    let want = [
        "A north/report.txt: 2 claims, 0 passages only here, 0 in conflict",
        "B south/report.txt: 2 claims, 0 passages only here, 0 in conflict",
        "C east/report.txt: 2 claims, 1 passage only here, 1 in conflict (1 where it alone differs)",
    ];
    let txt = text::render(&cmp);
    let md = markdown::render(&cmp);
    let page = html::render(&cmp, &Notes::default(), "quake");
    for line in want {
        assert!(txt.contains(&format!("  {line}\n")), "{line} in\n{txt}");
        assert!(md.contains(&format!("- {line}\n")), "{line} in\n{md}");
        assert!(page.contains(&format!("<li>{line}</li>")), "{line}");
    }
    assert!(txt.contains("Per source:"));
    assert!(md.contains("## Per source"));
    // The claim with the toll marks C ≠, and the flag stands under it.
    let row = txt
        .lines()
        .find(|l| l.contains("✓ ✓ ≠"))
        .unwrap_or_else(|| panic!("a row A ✓ B ✓ C ≠ in\n{txt}"));
    assert!(row.contains("The earthquake killed"), "{row}");
    assert!(txt.contains("! Killed: A says 42"), "{txt}");
    assert!(md.contains("| ✓ | ✓ | ≠ |"), "{md}");
}

#[test]
fn the_json_report_gives_each_member_its_stance_and_conflicts() {
    let cmp = quake();
    let k = claim_of(&cmp, 0, 0);
    let v = serde_json::to_value(json::report(&cmp)).unwrap();
    let members = v["clusters"][k]["members"].as_array().unwrap();
    let c = members.iter().find(|m| m["doc"] == 2).unwrap();
    assert_eq!(c["stance"], "differs");
    let conflicts = c["conflicts"].as_array().unwrap();
    assert!(
        conflicts
            .iter()
            .any(|f| f["with"] == 0 && f["a"].as_str().unwrap().contains("57"))
    );
    assert!(
        conflicts[0]["sentence"]
            .as_str()
            .unwrap()
            .starts_with("Killed: C says")
    );
    let a = members.iter().find(|m| m["doc"] == 0).unwrap();
    // A agrees with B against C: it states the claim, and its flag against C is listed.
    assert_eq!(a["stance"], "states", "{a}");
    assert!(
        a["conflicts"]
            .as_array()
            .is_some_and(|c| c.iter().all(|f| f["with"] == 2))
    );
    // A member of a claim nobody contests carries no `conflicts` at all.
    let calm = &v["clusters"][claim_of(&cmp, 0, 1)]["members"][0];
    assert_eq!(calm["stance"], "states");
    assert!(calm.get("conflicts").is_none(), "{calm}");
    assert!(calm["segments"].is_array() && calm["doc"].is_number());
    let sums = v["summaries"].as_array().unwrap();
    assert_eq!(sums[2]["alone_differs"], serde_json::json!([k]));
    assert_eq!(sums[2]["name"], "east/report.txt");
}

#[test]
fn the_html_matrix_links_each_sign_to_a_passage_in_the_page() {
    let cmp = quake();
    let page = html::render(&cmp, &Notes::default(), "quake");
    assert!(page.contains("<table class=\"matrix\">"));
    // The per-source lines follow the table, as in the text and Markdown reports.
    let (table, per) = (
        page.find("class=\"matrix\"").unwrap(),
        page.find("Per source").unwrap(),
    );
    assert!(table < per);
    let mut links = 0;
    for part in page.split("<a class=\"cell\" href=\"#").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        assert!(
            page.contains(&format!("id=\"{id}\"")),
            "{id} is in the page"
        );
        links += 1;
    }
    let cells: usize = cmp.clusters.iter().map(|c| c.members.len()).sum();
    assert_eq!(links, cells, "every member's sign links to its passage");
    assert!(page.contains(">≠</a>"), "C's sign on the toll");
    // Every pair can be chosen.
    assert_eq!(page.matches("<option value=").count(), cmp.pairs.len());
}

#[test]
fn sources_of_one_file_name_are_named_by_their_folders() {
    let cmp = quake();
    assert_eq!(
        cmp.names(),
        ["north/report.txt", "south/report.txt", "east/report.txt"]
    );
    let txt = text::render(&cmp);
    assert!(txt.contains("  A: north/report.txt\n"), "{txt}");
    let md = markdown::render(&cmp);
    assert!(md.contains("- **C**: `east/report.txt`"), "{md}");
    assert_eq!(
        names(&[
            ("x/a.txt", None),
            ("y/a.txt", None),
            ("z/b.txt", Some("A title"))
        ]),
        ["x/a.txt", "y/a.txt", "A title"]
    );
}

#[test]
fn the_demo_names_its_sources_apart() {
    let cmp = Comparison::build(demo::documents(), &Options::default()).unwrap();
    let names = cmp.names();
    for (i, n) in names.iter().enumerate() {
        assert!(!n.is_empty());
        assert_eq!(names.iter().filter(|o| *o == n).count(), 1, "{n} once");
        let d = &cmp.sources[i].document;
        match &d.meta.title {
            Some(t) => assert_eq!(n, &t.split_whitespace().collect::<Vec<_>>().join(" ")),
            None => assert_eq!(*n, d.name()),
        }
    }
}

/// A link may hold passages of two claims (a sentence told in two, one half in each): the
/// fact it flags belongs under the claim of the passages that state it, not under the
/// other. (On five reports of one quake, "Magnitude: D says 7.6, E says 7.7" stood under a
/// claim on damaged homes, whose passage of D has no magnitude.)
#[test]
fn a_link_over_two_claims_flags_a_fact_only_under_the_claim_that_states_it() {
    let mut cmp = quake();
    let (rescue, toll) = (claim_of(&cmp, 0, 1), claim_of(&cmp, 0, 0));
    assert_ne!(rescue, toll);
    let (p, l) = crate::quake::toll_link(&cmp);
    let flagged = cmp.pairs[p].link_facts[l].conflicts.clone();
    // The link of A's and C's rescue passages, widened to hold their leads too, with the
    // toll the leads state differently.
    let r = (cmp.pairs[p].alignment.links.iter())
        .position(|x| x.a.contains(&SegmentId(1)))
        .expect("A and C both tell of the rescue");
    let link = &mut cmp.pairs[p].alignment.links[r];
    link.a.insert(0, SegmentId(0));
    link.b.insert(0, SegmentId(0));
    cmp.pairs[p].link_facts[r].conflicts.extend(flagged);
    let c = cmp.clusters[rescue].clone();
    assert!(cmp.claim_conflicts(&c, SourceId(0)).is_empty());
    assert_eq!(cmp.stance(&c, SourceId(2)), Stance::States);
    let t = cmp.clusters[toll].clone();
    assert_eq!(cmp.claim_conflicts(&t, SourceId(0)).len(), 1);
    assert_eq!(cmp.stance(&t, SourceId(2)), Stance::Differs);
}
