//! A comparison saved before version 2 of the saved format (its links held their conflicts,
//! and their reasons in words) still opens: built again from the texts and options it holds,
//! with its name, notes, place and sources, and the same links; the file is only read.
//! The fixture was written by Parallax as it was before version 2.

use parallax::align::LinkModel;
use parallax::annotate::Notes;
use parallax::comparison::Cluster;
use parallax::diff::Change;
use parallax::facts::{Conflict, Fact, FactKind, FactsOnly};
use parallax::store::{self, Place, SavedSource};
use parallax::{Options, SegmentId, Source};
use serde::Deserialize;
use serde_json::Value;

/// A link as version 1 saved it.
#[derive(Debug, Deserialize)]
struct V1Link {
    a: Vec<SegmentId>,
    b: Vec<SegmentId>,
    score: f32,
    why: Vec<String>,
    changes: Vec<Change>,
    conflicts: Vec<Conflict>,
}

/// Field `key` of `v`, read as a `T`.
fn get<T: serde::de::DeserializeOwned>(v: &Value, key: &str) -> T {
    serde_json::from_value(v[key].clone()).unwrap_or_else(|e| panic!("{key}: {e}"))
}

#[test]
fn a_version_1_file_opens_with_its_notes_and_the_same_links() {
    let path = crate::support::fixture("cabello-v1.parallax.json");
    let bytes = std::fs::read(&path).unwrap();
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(raw["version"], 1);

    let saved = store::load_file(path.as_ref()).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is only read"
    );
    assert_eq!(saved.version, store::VERSION);
    assert_eq!(saved.name, "cabello-v1");
    assert_eq!(saved.saved, get::<u64>(&raw, "saved"));
    assert_eq!(saved.sources, get::<Vec<SavedSource>>(&raw, "sources"));
    assert_eq!(saved.place, get::<Option<Place>>(&raw, "place"));
    // The notes are all there, on what they were on; their quotes now keep the passages
    // beside them too (placing a note again after a sentence is reworded in place needs
    // them), which version 1 did not.
    let _: Notes = get(&raw, "notes");
    assert_eq!(saved.notes.len(), 3);
    assert!(saved.notes.detached().is_empty());
    let mut notes = serde_json::to_value(&saved.notes).unwrap();
    let mut neighbours = 0;
    for note in notes["notes"].as_array_mut().unwrap() {
        for quote in note["quotes"].as_array_mut().unwrap() {
            let quote = quote.as_object_mut().unwrap();
            neighbours += usize::from(quote.remove("before").is_some());
            neighbours += usize::from(quote.remove("after").is_some());
        }
    }
    assert!(neighbours > 0);
    assert_eq!(notes, raw["notes"]);

    let cmp = &saved.comparison;
    let old = &raw["comparison"];
    // Built as version 1 built it: without the encoder and the learned link score, which
    // came later, so that the links beside the notes are the ones the user saved.
    let mut was_built = get::<Options>(old, "options");
    was_built.fast = true;
    was_built.params.link_model = LinkModel::none();
    assert_eq!(cmp.options, was_built);
    // The sources are rebuilt by today's extractor, which adds what version 1 did not
    // know: the article's own date from its header, places in a series, and whose an age is.
    let mut rebuilt = cmp.sources.clone();
    for s in &mut rebuilt {
        s.facts
            .retain(|f| !matches!(f.kind, FactKind::Published | FactKind::Rank));
        s.facts.iter_mut().for_each(|f| *f = as_v1(f));
    }
    let was_sources: Vec<Source> = get(old, "sources");
    assert_eq!(rebuilt, was_sources);
    // Facts named by index are compared as the facts they name (the added ones shift
    // the indices).
    let both = |x: &[Fact], y: &[Fact], o: &FactsOnly| -> Vec<Fact> {
        let on_a = o.a.iter().map(|&i| as_v1(&x[i]));
        on_a.chain(o.b.iter().map(|&i| as_v1(&y[i]))).collect()
    };
    // The claims across sources are rebuilt by today's rules (they no longer chain); no
    // note is anchored on a claim, so only the links must be the ones saved.
    assert!(!get::<Vec<Cluster>>(old, "clusters").is_empty() && !cmp.clusters.is_empty());
    let pairs = old["pairs"].as_array().unwrap();
    assert_eq!(cmp.pairs.len(), pairs.len());
    for (p, was) in cmp.pairs.iter().zip(pairs) {
        assert_eq!((p.a, p.b), (get(was, "a"), get(was, "b")));
        let (fa, fb) = (&cmp.sources[p.a.0].facts, &cmp.sources[p.b.0].facts);
        let (wa, wb) = (&was_sources[p.a.0].facts, &was_sources[p.b.0].facts);
        // Today's rules leave out the date of an article's header (its own date, no date
        // of the story), which version 1 listed.
        let mut was_only = get::<FactsOnly>(was, "facts_only");
        let headed = |today: &[Fact], old: &[Fact], i: usize| {
            old[i].kind == FactKind::Date
                && (today.iter()).any(|f| f.kind == FactKind::Published && f.span == old[i].span)
        };
        // Nor do they list a people's name where the other source writes its country
        // ("Venezuelan" against "Venezuela"), which version 1 did.
        let peoples = |old: &[Fact], i: usize| {
            old[i].kind == FactKind::Entity && old[i].value == "venezuelan"
        };
        was_only
            .a
            .retain(|&i| !headed(fa, wa, i) && !peoples(wa, i));
        was_only
            .b
            .retain(|&i| !headed(fb, wb, i) && !peoples(wb, i));
        assert_eq!(both(fa, fb, &p.facts_only), both(wa, wb, &was_only));
        let additions: Vec<FactsOnly> = get(was, "link_facts_only");
        assert_eq!(p.link_facts.len(), additions.len());
        let al = &was["alignment"];
        assert_eq!(p.alignment.only_a, get::<Vec<SegmentId>>(al, "only_a"));
        assert_eq!(p.alignment.only_b, get::<Vec<SegmentId>>(al, "only_b"));
        let links: Vec<V1Link> = get(al, "links");
        assert_eq!(p.alignment.links.len(), links.len());
        assert!(!links.is_empty());
        for (k, (l, w)) in p.alignment.links.iter().zip(&links).enumerate() {
            assert_eq!((&l.a, &l.b, l.score), (&w.a, &w.b, w.score));
            // Version 1 kept the reasons in words, the sides named A and B.
            let words: Vec<String> = l.why.iter().map(|r| r.words("A", "B")).collect();
            assert_eq!(words, w.why);
            assert_eq!(l.changes, w.changes);
            // Version 1 named no slots: the conflicts are the same facts, now with one.
            let unnamed: Vec<_> = p.link_facts[k]
                .conflicts
                .iter()
                .map(|c| Conflict {
                    slot: String::new(),
                    ..c.clone()
                })
                .collect();
            assert_eq!(unnamed, w.conflicts);
            assert_eq!(
                both(fa, fb, &p.link_facts[k].additions),
                both(wa, wb, &additions[k])
            );
        }
    }
}

#[test]
fn a_version_1_file_is_saved_as_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.parallax.json");
    std::fs::copy(crate::support::fixture("cabello-v1.parallax.json"), &path).unwrap();
    let opened = store::load_file(&path).unwrap();
    store::save_file(&path, &opened).unwrap();
    let raw: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(raw["version"], store::VERSION);
    assert_eq!(store::load_file(&path).unwrap(), opened);
    // The version-1 file is the backup, as any file saved over.
    let backup = store::backup_path(&path);
    let old: Value = serde_json::from_slice(&std::fs::read(backup).unwrap()).unwrap();
    assert_eq!(old["version"], 1);
}

/// A fact as version 1 extracted it: ages named no owner.
fn as_v1(f: &Fact) -> Fact {
    let mut f = f.clone();
    if f.kind == FactKind::Age {
        f.speaker = None;
    }
    f
}
