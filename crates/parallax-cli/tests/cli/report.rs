//! The report command: the JSON contract (README "The JSON report") on files, standard input, Markdown
//! and HTML, spans that slice the input to each segment's text, and the text and Markdown
//! formats.

use crate::support;

use serde_json::Value;

use crate::support::{fixture, path};

/// Runs `parallax` with `args`, feeding `stdin` when given; asserts it took all of it and
/// succeeded.
fn run(args: &[&str], stdin: Option<&[u8]>) -> String {
    let (out, fed) = support::run(args, stdin);
    fed.unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {err}");
    assert!(!err.contains("panicked"), "{err}");
    String::from_utf8(out.stdout).expect("the report is UTF-8")
}

/// Runs `align … --format json` and parses the report, checking its top-level shape.
fn report(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let mut all = vec!["align"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let r: Value = serde_json::from_str(&run(&all, stdin)).expect("the report is JSON");
    assert_eq!(r["format"], "parallax-report");
    assert_eq!(r["version"], 1);
    assert!(r["documents"].is_array());
    assert!(r["links"].is_array());
    assert!(r["only"]["a"].is_array() && r["only"]["b"].is_array());
    r
}

/// Asserts that every segment and fact of `doc` slices `input` to exactly its text, that
/// segments are in order and do not overlap, and that link and only ids exist.
fn spans_slice(doc: &Value, input: &[u8]) {
    let segs = doc["segments"].as_array().unwrap();
    assert!(!segs.is_empty(), "no segments in {}", doc["path"]);
    let mut at = 0;
    for (i, s) in segs.iter().enumerate() {
        assert_eq!(s["id"].as_u64(), Some(i as u64));
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(at <= start && start < end && end <= input.len(), "{s}");
        assert_eq!(
            std::str::from_utf8(&input[start..end]).unwrap(),
            s["text"].as_str().unwrap(),
            "segment {i} of {}",
            doc["path"]
        );
        at = end;
    }
    for f in doc["facts"].as_array().unwrap() {
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&input[start..end]).unwrap(),
            f["text"].as_str().unwrap()
        );
    }
}

/// Asserts that link and only ids name existing segments of the two documents.
fn ids_exist(r: &Value) {
    let n = |d: usize| r["documents"][d]["segments"].as_array().unwrap().len() as u64;
    for link in r["links"].as_array().unwrap() {
        for (side, d) in [("a", 0), ("b", 1)] {
            for id in link[side].as_array().unwrap() {
                assert!(id.as_u64().unwrap() < n(d), "{link}");
            }
        }
        assert!(link["score"].is_number() && link["why"].is_array());
        assert!(link["changes"].is_array() && link["conflicts"].is_array());
    }
    for (side, d) in [("a", 0), ("b", 1)] {
        for id in r["only"][side].as_array().unwrap() {
            assert!(id.as_u64().unwrap() < n(d));
        }
    }
}

const SAMPLES: [&str; 4] = [
    "assets/samples/cabello-2019-ap-rewrite.txt",
    "assets/samples/cabello-2019-speed-read.txt",
    "assets/samples/cabello-2026-exclusive-blog.txt",
    "assets/samples/cabello-2026-reuters-rewrite.txt",
];

#[test]
fn the_samples_report_spans_that_slice_the_files() {
    for (a, b) in [(0, 1), (2, 3), (0, 3)] {
        let (pa, pb) = (path(SAMPLES[a]), path(SAMPLES[b]));
        let r = report(&[&pa, &pb], None);
        for (d, p) in [(0, &pa), (1, &pb)] {
            let doc = &r["documents"][d];
            assert_eq!(doc["id"], d);
            assert_eq!(doc["path"], p.as_str());
            assert_eq!(doc["format"], "text");
            assert!(doc.get("text").is_none(), "plain text is not repeated");
            spans_slice(doc, &std::fs::read(p).unwrap());
        }
        ids_exist(&r);
    }
}

#[test]
fn the_header_reaches_the_report() {
    let r = report(&[&path(SAMPLES[2]), &path(SAMPLES[3])], None);
    let blog = &r["documents"][0];
    assert!(
        blog["title"]
            .as_str()
            .unwrap()
            .starts_with("Exclusive: US Held")
    );
    assert_eq!(blog["byline"], "Raja Awais Ali");
    assert_eq!(blog["date"], "1/17/2026");
    assert_eq!(r["documents"][1]["date"], "2026-01-17");
    let texts: Vec<&str> = blog["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        texts[0].starts_with("Exclusive: US Held"),
        "the headline is a passage"
    );
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("Exclusive: US Held"))
            .count(),
        1,
        "the repeated headline is not"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("Raja Awais Ali") || t.contains("min read"))
    );
    let reuters = r["documents"][1]["segments"][0]["text"].as_str().unwrap();
    assert!(
        reuters.starts_with("The White House was conducting"),
        "{reuters}"
    );
}

#[test]
fn standard_input_is_read_as_a_source() {
    let bytes = std::fs::read(path(SAMPLES[1])).unwrap();
    let r = report(&["-", &path(SAMPLES[0])], Some(&bytes));
    assert_eq!(r["documents"][0]["path"], "-");
    spans_slice(&r["documents"][0], &bytes);
    let r = report(&[&path(SAMPLES[0]), "-"], Some(&bytes));
    spans_slice(&r["documents"][1], &bytes);
}

#[test]
fn markdown_spans_index_the_extracted_text() {
    let md = fixture("article.md");
    let r = report(&[&md, &path(SAMPLES[0])], None);
    let doc = &r["documents"][0];
    assert_eq!(doc["format"], "markdown");
    assert_eq!(doc["title"], "Minister Held Secret Talks With Envoys");
    assert_eq!(doc["byline"], "Jane Doe");
    let text = doc["text"].as_str().unwrap();
    assert!(!text.contains("**") && !text.contains("](") && !text.contains("```"));
    assert!(!text.contains("code that is not prose"));
    spans_slice(doc, text.as_bytes());
    let segs: Vec<&str> = doc["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(segs.contains(&"The minister met envoys in the capital last month, officials said."));
    assert!(segs.contains(&"Talks began in Jan. 2025."));
}

#[test]
fn html_in_a_legacy_charset_is_decoded_and_keeps_paragraphs() {
    let html = fixture("article-windows-1252.html");
    let r = report(&[&html, &path(SAMPLES[0])], None);
    let doc = &r["documents"][0];
    assert_eq!(doc["format"], "html");
    assert_eq!(doc["title"], "Geheime Gespräche mit Cabello");
    assert_eq!(doc["byline"], "Erika Mustermann");
    assert!(doc["date"].as_str().unwrap().starts_with("2026-01-17"));
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.contains("Nicolás Maduro äußerte sich"),
        "decoded: {text}"
    );
    assert!(
        text.contains("2,5 Mio. €"),
        "windows-1252 euro sign: {text}"
    );
    assert!(
        !text.contains("Alle Rechte") && !text.contains("Wirtschaft"),
        "no boilerplate"
    );
    spans_slice(doc, text.as_bytes());
    let segs = doc["segments"].as_array().unwrap();
    let paragraphs: std::collections::BTreeSet<u64> = segs
        .iter()
        .map(|s| s["paragraph"].as_u64().unwrap())
        .collect();
    assert!(paragraphs.len() >= 5, "paragraphs kept: {paragraphs:?}");
    assert!(
        segs.iter().any(|s| s["text"]
            == "Er kontrolliert z. B. die Geheimdienste und große Teile der Polizei, heißt es in Caracas."),
        "German abbreviations do not split"
    );
}

#[test]
fn html_on_standard_input_is_recognised() {
    let bytes = std::fs::read(fixture("article-windows-1252.html")).unwrap();
    let r = report(&["-", &path(SAMPLES[0])], Some(&bytes));
    assert_eq!(r["documents"][0]["format"], "html");
    assert!(
        r["documents"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Gespräche")
    );
}

#[test]
fn the_units_change_the_passages() {
    let (a, b) = (path(SAMPLES[2]), path(SAMPLES[3]));
    let count = |unit: &str| {
        let r = report(&[&a, &b, "--unit", unit], None);
        spans_slice(&r["documents"][0], &std::fs::read(&a).unwrap());
        r["documents"][0]["segments"].as_array().unwrap().len()
    };
    let (sentences, paragraphs, lines) = (count("sentence"), count("paragraph"), count("line"));
    assert!(sentences > paragraphs, "{sentences} > {paragraphs}");
    let non_empty = std::fs::read_to_string(&a)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(lines, non_empty);
}

#[test]
fn more_than_two_sources_report_pairs() {
    let p: Vec<String> = SAMPLES.iter().map(|s| path(s)).collect();
    let out = run(&["align", &p[0], &p[1], &p[2], "--format", "json"], None);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["documents"].as_array().unwrap().len(), 3);
    assert_eq!(r["pairs"].as_array().unwrap().len(), 3);
}

/// `align --format html` writes the page `export` writes, without notes: with more than two
/// sources, the claim matrix whose every cell opens a passage of the page.
#[test]
fn align_writes_a_standalone_html_page() {
    let p: Vec<String> = SAMPLES.iter().map(|s| path(s)).collect();
    let page = run(
        &["align", &p[0], &p[1], &p[2], "--fast", "--format", "html"],
        None,
    );
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..100]);
    assert!(page.contains("<section class=\"claims\" id=\"claims\">"));
    assert!(page.contains("<title>Parallax: cabello-2019-ap-rewrite.txt · "));
    let cells: Vec<&str> = page
        .split("<a class=\"cell\" href=\"#")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert!(!cells.is_empty(), "the matrix links its cells");
    for id in cells {
        assert!(page.contains(&format!("id=\"{id}\"")), "no passage #{id}");
    }
}

/// One file given twice (once by a relative path) is compared with itself, and a note
/// says so: nothing else tells that two sources are one file.
#[test]
fn one_file_given_twice_is_named_in_a_note() {
    let p: Vec<String> = SAMPLES.iter().map(|s| path(s)).collect();
    let relative = format!("./crates/../{}", SAMPLES[0]);
    let out = support::parallax(&["align", &p[0], &p[1], &relative, "--fast"])
        .current_dir(support::root())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("are one source") && err.contains(&relative),
        "{err}"
    );
    let out = support::parallax(&["align", &p[0], &p[1], &p[2], "--fast"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
}

/// A hard link is the file it links to: one source, said as for a second path to it. A
/// copy is another file, and gets no note.
#[cfg(unix)]
#[test]
fn a_hard_link_to_a_file_given_is_named_in_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let (first, linked, copy) = (
        dir.path().join("first.txt"),
        dir.path().join("linked.txt"),
        dir.path().join("copy.txt"),
    );
    std::fs::copy(path(SAMPLES[0]), &first).unwrap();
    std::fs::hard_link(&first, &linked).unwrap();
    std::fs::copy(&first, &copy).unwrap();
    let other = path(SAMPLES[1]);
    let note = |files: [&std::path::Path; 2]| {
        let [x, y] = files.map(|f| f.to_str().unwrap().to_string());
        let out = support::parallax(&["align", &x, &other, &y, "--fast"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = note([&first, &linked]);
    assert!(
        err.contains("are one source") && err.contains("linked.txt"),
        "{err}"
    );
    assert_eq!(note([&first, &copy]), "");
}

#[test]
fn the_text_report_names_the_sources_and_counts() {
    let (a, b) = (path(SAMPLES[0]), path(SAMPLES[1]));
    let out = run(&["align", &a, &b], None);
    assert!(out.starts_with(&format!("A: {a}\nB: {b}\n")), "{out}");
    assert!(
        out.contains(" links, ") && out.contains("only in A"),
        "{out}"
    );
    assert!(out.contains("Only in B:"), "{out}");
    assert_eq!(run(&["align", &a, &b, "--format", "text"], None), out);
}

#[test]
fn the_markdown_report_has_headings_and_sources() {
    let (a, b) = (path(SAMPLES[0]), path(SAMPLES[1]));
    let out = run(&["align", &a, &b, "--format", "markdown"], None);
    assert!(out.starts_with("# "), "{out}");
    assert!(out.contains(&format!("`{a}`")) && out.contains(&format!("`{b}`")));
    assert!(out.contains("## "), "{out}");
}

/// `--params` changes the aligner's knobs without a rebuild: without the learned link score
/// (a model with no weights) a floor no score reaches leaves no link, and an empty object is
/// the defaults.
#[test]
fn aligner_parameters_from_a_file_change_the_links() {
    let dir = tempfile::tempdir().unwrap();
    let strict = dir.path().join("strict.json");
    std::fs::write(
        &strict,
        r#"{"floor": 1.5, "link_model": {"meaning": [], "fast": [], "min_score": 0}}"#,
    )
    .unwrap();
    let none = dir.path().join("none.json");
    std::fs::write(&none, "{}").unwrap();
    let (a, b) = (path(SAMPLES[0]), path(SAMPLES[1]));
    let default = report(&[&a, &b], None);
    assert!(!default["links"].as_array().unwrap().is_empty());
    let same = report(&[&a, &b, "--params", none.to_str().unwrap()], None);
    assert_eq!(same, default);
    let bare = report(&[&a, &b, "--params", strict.to_str().unwrap()], None);
    assert!(
        bare["links"].as_array().unwrap().is_empty(),
        "{}",
        bare["links"]
    );
}

/// A source longer than the sentence encoder reads whole is read only where the words leave
/// a link in doubt; when even those are too many it is aligned without the encoder. One line
/// on standard error says which and names it; a short source beside it gets no such line.
#[test]
fn a_source_too_long_for_the_encoder_is_named_in_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    let text: String = (0..450)
        .map(|i| format!("Report number {i} says the river rose by {i} centimetres overnight.\n\n"))
        .collect();
    std::fs::write(&long, text).unwrap();
    let short = path(SAMPLES[0]);
    let out = crate::support::parallax(&[])
        .args(["align", long.to_str().unwrap(), &short, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("encoder")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(notes[0].contains("long.txt"), "{err}");
    assert!(
        notes[0].contains("450 passages") && notes[0].contains("--fast"),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["links"].is_array());

    // A long revision of it, one sentence reworded: the encoder reads only that one.
    let lines: Vec<String> = (0..450)
        .map(|i| format!("Report number {i} says the river rose by {i} centimetres overnight."))
        .collect();
    let mut before = lines.clone();
    let mut after = lines;
    before[100] = "The talks collapsed and the two sides reached no deal.".into();
    after[100] = "Negotiations between the two sides broke down without any agreement.".into();
    let (a, b) = (dir.path().join("before.txt"), dir.path().join("after.txt"));
    std::fs::write(&a, before.join("\n\n")).unwrap();
    std::fs::write(&b, after.join("\n\n")).unwrap();
    let out = crate::support::parallax(&[])
        .args(["align", a.to_str().unwrap(), b.to_str().unwrap()])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("before.txt: 450 passages")
            && err.contains("it read only the 1 passage without a sure link"),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["encoded"], 1);
    let reworded = report["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["a"][0] == 100)
        .expect("the reworded sentence is linked");
    assert!(
        reworded["why"].to_string().contains("close in meaning"),
        "{reworded}"
    );

    // Two copies: every passage is linked surely by its words, and the encoder is not needed.
    let out = crate::support::parallax(&[])
        .args(["align", a.to_str().unwrap(), a.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("its words link every passage surely, so it read none"),
        "{err}"
    );
}

/// Each document says the language it was read as and whether the sentence encoder read it:
/// two English texts are encoded unless `--fast`; German text never is (the model is
/// English), nor then the English text beside it, since the encoder's evidence needs both.
#[test]
fn each_document_says_its_language_and_whether_the_encoder_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let de = dir.path().join("de.txt");
    std::fs::write(
        &de,
        "Der Bürgermeister hat die neue Brücke am Montag eröffnet. Die Arbeiten haben drei \
         Jahre gedauert, und die Kosten sind deutlich gestiegen. Viele Menschen sind gekommen, \
         um die ersten Autos über den Fluss fahren zu sehen.",
    )
    .unwrap();
    let en = path(SAMPLES[0]);
    let r = report(&[&en, de.to_str().unwrap()], None);
    let docs = r["documents"].as_array().unwrap();
    assert_eq!(docs[0]["language"], "english");
    assert_eq!(docs[1]["language"], "german");
    for d in docs {
        assert_eq!(
            (&d["encoder"], &d["encoded"]),
            (&false.into(), &0.into()),
            "{d}"
        );
    }
    let both = report(&[&en, &path(SAMPLES[1])], None);
    for d in both["documents"].as_array().unwrap() {
        assert_eq!(d["encoder"], true, "{d}");
        let passages = d["segments"].as_array().unwrap().len();
        assert_eq!(d["encoded"], passages, "a short text is read whole: {d}");
    }
    let fast = report(&[&en, &path(SAMPLES[1]), "--fast"], None);
    for d in fast["documents"].as_array().unwrap() {
        assert_eq!(d["encoder"], false, "--fast: {d}");
    }
}

/// `--min-score` is a probability of the learned score, which judges English pairs only: on
/// German text it changes nothing, and the user is told so rather than left to wonder.
#[test]
fn min_score_on_german_text_says_it_applies_to_english_only() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(
        &a,
        "Der Bürgermeister hat die neue Brücke am Montag eröffnet. Die Arbeiten haben drei \
         Jahre gedauert.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Am Montag hat der Bürgermeister die Brücke eröffnet. Gebaut wurde drei Jahre lang.",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        crate::support::parallax(&[])
            .args(["align", a.to_str().unwrap(), b.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&["--min-score", "0.9"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--min-score applies to English text only; a.txt, b.txt not in English"),
        "{err}"
    );
    // Without the option, no note.
    assert!(!String::from_utf8_lossy(&run(&[]).stderr).contains("--min-score"));
}

/// The text report cuts each passage to a line, so a word revised at a long sentence's end
/// would be out of sight: a link with a few words replaced in place lists them; a sentence
/// told anew (many words replaced) does not.
#[test]
fn the_text_report_lists_a_few_words_revised_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let long = |end: &str| {
        format!(
            "The regional transport authority said on Monday that the new tram line through the \
             old town would open to passengers in the spring after years of delays, {end}.\n\n\
             Residents had complained for months about the noise of the building work."
        )
    };
    std::fs::write(&a, long("costing the city about 80 million euros")).unwrap();
    std::fs::write(
        &b,
        long("costing the city about 95 million euros").replace(
            "Residents had complained for months about the noise of the building work.",
            "Neighbours grumbled all winter that drills and diggers kept them awake at night.",
        ),
    )
    .unwrap();
    let out = crate::support::parallax(&[])
        .args(["align", a.to_str().unwrap(), b.to_str().unwrap(), "--fast"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("  changed: “80” → “95”"), "{text}");
    assert_eq!(text.matches("changed:").count(), 1, "{text}");
}

/// A word one revision adds or drops is a change the reports name as a replaced one is: an
/// added "not" reverses the sentence, and an editor must see it in the text and Markdown
/// reports, not in the JSON alone.
#[test]
fn a_word_added_or_dropped_is_named_in_the_text_and_markdown_reports() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(
        &a,
        "The mayor said the bridge would reopen in March after long repairs.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "The mayor said the bridge would not reopen in March after repairs.\n",
    )
    .unwrap();
    let report = |format: &str| {
        let out = crate::support::parallax(&[])
            .args(["align", a.to_str().unwrap(), b.to_str().unwrap()])
            .args(["--fast", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = report("text");
    assert!(
        text.contains("  changed: B adds “not”; B drops “long”"),
        "{text}"
    );
    let md = report("md");
    assert!(md.contains("Changed: B adds “not”, B drops “long”"), "{md}");
}

/// A source in a language whose facts are not read (Spanish here, beside English) is named
/// in one note on standard error with its language; the JSON says how each was read, and
/// the encoder reads neither (it reads English beside English only).
#[test]
fn a_source_whose_facts_are_not_read_is_named_with_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let es = dir.path().join("es.txt");
    std::fs::write(
        &es,
        "El alcalde dijo que el puente fue cerrado por las obras y los daños.\n\
         Unos 30 vecinos fueron evacuados por los bomberos.\n",
    )
    .unwrap();
    let en = dir.path().join("en.txt");
    std::fs::write(
        &en,
        "The mayor said that the bridge was closed for the works and the damage.\n\
         At least 32 residents were evacuated by firefighters.\n",
    )
    .unwrap();
    let out = crate::support::parallax(&[])
        .args(["align", es.to_str().unwrap(), en.to_str().unwrap()])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("facts are read"))
        .collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].contains("A (Spanish)") && !notes[0].contains("B ("),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs[0]["language"], "spanish");
    assert_eq!(docs[1]["language"], "english");
    assert!(docs.iter().all(|d| d["encoder"] == false), "{docs:?}");
    assert_eq!(docs[0]["facts"].as_array().unwrap().len(), 0);
}

/// The configuration's `[align]` settings hold for `align` as for the reader, and the
/// command line wins over them.
#[test]
fn the_configurations_align_settings_hold_for_align() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let (a, b) = (
        path("assets/samples/cabello-2019-ap-rewrite.txt"),
        path("assets/samples/cabello-2019-speed-read.txt"),
    );
    let links = |toml: &str, extra: &[&str]| -> (usize, bool) {
        std::fs::write(&config, toml).unwrap();
        let mut args = vec!["align", &a, &b, "--format", "json"];
        args.extend_from_slice(extra);
        let out = support::parallax(&args)
            .env("PARALLAX_CONFIG", &config)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        let encoded = r["documents"][0]["encoder"].as_bool().unwrap();
        (r["links"].as_array().unwrap().len(), encoded)
    };
    let (default, encoded) = links("", &[]);
    assert!(encoded);
    let (strict, _) = links("[align]\nmin_score = 0.97\n", &[]);
    assert!(
        strict < default,
        "{strict} links at 0.97, {default} by default"
    );
    let (asked, _) = links("[align]\nmin_score = 0.97\n", &["--min-score", "0.6"]);
    assert_eq!(asked, default, "--min-score wins over the configuration");
    let (_, encoded) = links("[align]\nfast = true\n", &[]);
    assert!(!encoded, "fast = true skips the encoder");
    let (_, encoded) = links("[align]\nfast = true\n", &["--no-fast"]);
    assert!(encoded, "--no-fast wins over fast = true");
    let (_, encoded) = links("", &["--no-fast", "--fast"]);
    assert!(!encoded, "the last of --fast and --no-fast holds");
    // A broken setting is refused in one line, naming the file.
    std::fs::write(&config, "[align]\nmin_score = 2\n").unwrap();
    let out = support::parallax(&["align", &a, &b])
        .env("PARALLAX_CONFIG", &config)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("config.toml") && err.contains("min_score must be a probability"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // A mistake in the reader's colours is no reason for a report to fail.
    let (theme, _) = links("[theme]\nadded = \"blu\"\n", &[]);
    assert_eq!(theme, default);
}
