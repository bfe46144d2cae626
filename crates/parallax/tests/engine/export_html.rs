//! The HTML page: standalone (no external asset), every input string escaped, every
//! linked passage's counterpart present, more than two sources shown pair by pair.

use parallax::annotate::{Anchor, Notes};
use parallax::export::html;
use parallax::{Comparison, Document, Options, SegmentId, SourceId};

use crate::support::{BODY_TAGS, HEAD_TAGS, tag_names, two};

fn hostile() -> Vec<Document> {
    vec![
        Document::from_text(
            "a<img src=x onerror=alert(1)>.txt",
            "The council approved the \"new\" budget <script>alert('a')</script> on Monday.\n\nA second paragraph with \u{1b}[31mescape\u{1b}[0m codes and a \u{202e}reversed part.",
        ),
        Document::from_text(
            "b.txt",
            "On Monday the council approved the new budget & </p><p onclick=x> tag.\n\nSomething only B says about the weather.",
        ),
    ]
}

#[test]
fn page_is_standalone_and_escapes_everything() {
    let cmp = Comparison::build(hostile(), &Options::default()).unwrap();
    let mut notes = Notes::default();
    let id = notes
        .add(
            &cmp,
            Anchor::Passage {
                source: SourceId(1),
                segment: SegmentId(0),
            },
            "<b>bold?</b> \"quoted\" & 'single'",
            0,
        )
        .unwrap();
    notes.set_tag(id, "disputed", true, 0).unwrap();
    let page = html::render(&cmp, &notes, "Title </title><script>x()</script>");
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Only the page's own script element; no URL to anything outside.
    assert_eq!(page.matches("<script").count(), 1, "one inline script");
    for bad in ["http://", "https://", "href=", "@import", "url("] {
        assert!(!page.contains(bad), "page holds {bad:?}");
    }
    // Every tag in the page is one the exporter writes: input made none.
    let script_start = page.find("<script>").unwrap() + "<script>".len();
    let script_end = page.rfind("</script>").unwrap();
    let markup = format!("{}{}", &page[..script_start], &page[script_end..]);
    for name in tag_names(&markup) {
        assert!(
            HEAD_TAGS.contains(&name.as_str()) || BODY_TAGS.contains(&name.as_str()),
            "unexpected tag <{name}"
        );
    }
    assert!(
        page.contains("default-src 'none'"),
        "a CSP forbids network access"
    );
    // The passages' text, marks taken out, holds the input's markup as text.
    let text = strip_tags(&page);
    assert!(
        text.contains("&lt;script&gt;alert(&#39;a&#39;)&lt;/script&gt;"),
        "{text}"
    );
    assert!(text.contains("&amp; &lt;/p&gt;&lt;p onclick=x&gt;"));
    assert!(page.contains("&lt;b&gt;bold?&lt;/b&gt; &quot;quoted&quot; &amp; &#39;single&#39;"));
    assert!(page.contains("<span class=\"tag\">disputed</span>"));
    assert!(
        !page.contains('\u{1b}') && !page.contains('\u{202e}'),
        "controls made visible"
    );
    // Every linked passage has its counterpart in the other column.
    let links = &cmp.pairs[0].alignment.links;
    assert!(!links.is_empty());
    for (k, l) in links.iter().enumerate() {
        for (side, ids) in [("a", &l.a), ("b", &l.b)] {
            for i in ids {
                let id = format!("id=\"s0-1-{side}-{i}\" data-link=\"{k}\"");
                assert!(page.contains(&id), "{id}");
            }
        }
    }
    for &i in &cmp.pairs[0].alignment.only_b {
        assert!(page.contains(&format!(
            "id=\"s0-1-b-{i}\" tabindex=\"0\" title=\"Only in B\"><sup class=\"mark\">+</sup>"
        )));
    }
}

/// The page without its tags (the exporter's tags hold no `>` inside attribute values, as
/// every value is escaped).
fn strip_tags(page: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn more_sources_get_a_pair_chooser_and_the_claims() {
    let cmp = Comparison::build(parallax::demo::documents(), &Options::default()).unwrap();
    let page = html::render(&cmp, &Notes::default(), "four");
    assert_eq!(page.matches("<section class=\"pair\"").count(), 6);
    assert_eq!(page.matches("<option value=").count(), 6);
    assert_eq!(
        page.matches(" hidden>").count(),
        5,
        "one pair shown at a time"
    );
    if !cmp.clusters.is_empty() {
        assert!(page.contains("<h2>Claims across sources</h2>"));
    }
}

#[test]
fn detached_notes_are_listed_with_their_quotes() {
    let cmp = Comparison::build(hostile(), &Options::default()).unwrap();
    let mut notes = Notes::default();
    notes
        .add(
            &cmp,
            Anchor::Passage {
                source: SourceId(1),
                segment: SegmentId(1),
            },
            "weather matters",
            0,
        )
        .unwrap();
    let other = two(
        "Completely different words here.",
        "Nothing at all alike in this text.",
    );
    let r = notes.reattach(&other);
    assert_eq!(r.detached.len(), 1);
    let page = html::render(&other, &notes, "t");
    assert!(page.contains("<h2>Detached notes</h2>"));
    assert!(page.contains("<b>B, was:</b> Something only B says about the weather."));
    assert!(page.contains("weather matters"));
}

#[test]
fn conflicts_are_marked_with_a_sign_and_a_sentence() {
    let mut cmp = two(
        "The mayor, 56, opened the new bridge on Monday morning.",
        "On Monday morning the mayor, 62, opened the new bridge.",
    );
    let at = |cmp: &Comparison, doc: usize, word: &str| {
        let start = cmp.sources[doc].document.text.find(word).unwrap();
        parallax::Span::new(start, start + word.len())
    };
    let conflict = parallax::facts::Conflict {
        kind: parallax::facts::FactKind::Age,
        a: "56".into(),
        b: "62".into(),
        a_span: at(&cmp, 0, "56"),
        b_span: at(&cmp, 1, "62"),
        slot: "Age".into(),
        elided: Default::default(),
    };
    let link = cmp.pairs[0]
        .link_facts
        .first_mut()
        .expect("the sentences link");
    let sentence = parallax::export::text::conflict_sentence(&conflict, "A", "B");
    link.conflicts = vec![conflict];
    let page = html::render(&cmp, &Notes::default(), "t");
    assert!(
        page.contains(&format!(
            "<mark class=\"conflict\" title=\"{sentence}\">⚠\u{2009}56</mark>"
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "<mark class=\"conflict\" title=\"{sentence}\">⚠\u{2009}62</mark>"
    )));
    // The sentence is in sight (and in print), not only in a tooltip: above the columns,
    // with the pair's counts, linked to its passage.
    let shown = strip_tags(&page);
    assert!(
        shown.contains("1 link, 0 passages only in A, 0 only in B, 1 fact differs"),
        "{shown}"
    );
    assert!(shown.contains(&format!("Link 1 ⚠ {sentence}")), "{shown}");
    assert!(page.contains("<a href=\"#s0-1-a-0\" data-link=\"0\">Link 1</a>"));
}

/// The words inside `class="chg"` marks of column `col` ("a" or "b") of the first pair.
fn changed_words(page: &str, col: &str) -> Vec<String> {
    let start = page.find(&format!("class=\"col col-{col}\"")).unwrap();
    let end = page[start + 1..]
        .find("class=\"col col-")
        .map_or(page.len(), |e| start + 1 + e);
    page[start..end]
        .split("<span class=\"chg\"")
        .skip(1)
        .map(|m| {
            let inner = &m[m.find('>').unwrap() + 1..];
            inner[..inner.find("</span>").unwrap()].to_string()
        })
        .collect()
}

#[test]
fn only_words_that_differ_are_marked_as_changed() {
    let docs = vec![
        Document::from_text(
            "a.txt",
            "The council approved the new budget on Monday after a long debate.\n\n\
             Officials said the river bridge would reopen to traffic next spring.",
        ),
        Document::from_text(
            "b.txt",
            "The council approved the new budget on Monday after a short debate.\n\n\
             Next spring, traffic should cross the bridge over the river again, officials said.",
        ),
    ];
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    assert_eq!(cmp.pairs[0].alignment.links.len(), 2, "both sentences link");
    let page = html::render(&cmp, &Notes::default(), "t");
    // One word edited (not a fact, which is flagged instead): that word is marked, and only
    // it. The reworded sentence differs in most of its words: marking them would mark
    // nearly everything, so nothing is.
    assert_eq!(changed_words(&page, "a"), ["long"]);
    assert_eq!(changed_words(&page, "b"), ["short"]);
}

#[test]
fn lines_of_one_paragraph_stay_lines() {
    let docs = vec![
        Document::from_text(
            "a.txt",
            "The pier closed on Tuesday.\nNobody was hurt.\nRepairs will cost two million euros.",
        ),
        Document::from_text(
            "b.txt",
            "The pier closed on Tuesday. Nobody was hurt at all.",
        ),
    ];
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    let page = html::render(&cmp, &Notes::default(), "t");
    let a = &page[page.find("col col-a").unwrap()..page.find("col col-b").unwrap()];
    assert_eq!(a.matches("<br>").count(), 2, "{a}");
    let b = &page[page.find("col col-b").unwrap()..];
    assert!(!b[..b.find("</section>").unwrap()].contains("<br>"));
}

/// A German source's paragraphs say so (`lang="de"`), for screen readers, hyphenation and
/// spell checkers; the page's own words stay English, and so do an English source's.
#[test]
fn each_column_names_its_sources_language() {
    let cmp = two(
        "Der Stadtrat hat am Montag den neuen Haushalt beschlossen. Die Opposition stimmte dagegen.",
        "The council approved the new budget on Monday. The opposition voted against it.",
    );
    let page = html::render(&cmp, &Notes::default(), "t");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    // The first paragraph of each column.
    let para = |letter: &str| {
        let col = page.find(&format!("class=\"col col-{letter}\"")).unwrap();
        let at = col + page[col..].find("class=\"para\"").unwrap();
        page[at..at + page[at..].find('>').unwrap()].to_string()
    };
    assert!(para("a").contains("lang=\"de\""), "{}", para("a"));
    assert!(para("b").contains("lang=\"en\""), "{}", para("b"));
}

/// A note on a link of A and B marks that link's passages (✎) in the A and B view only: in
/// the view of A and C, where the note is not shown, a mark would lead to no note.
#[test]
fn a_note_is_marked_only_where_the_page_shows_it() {
    let fast = Options {
        fast: true,
        ..Options::default()
    };
    let cmp = Comparison::build(parallax::demo::documents(), &fast).unwrap();
    let (a, b, c) = (SourceId(0), SourceId(1), SourceId(2));
    let link = parallax::LinkId(0);
    let anchor = Anchor::link(&cmp, a, b, link).unwrap();
    let mut notes = Notes::default();
    notes.add(&cmp, anchor, "check this one", 0).unwrap();
    let page = html::render(&cmp, &notes, "four");
    let section = |x: SourceId, y: SourceId| {
        let start = page.find(&format!("id=\"pair-{}-{}\"", x.0, y.0)).unwrap();
        let end = page[start..].find("</section>").unwrap();
        &page[start..start + end]
    };
    let mark = "title=\"has a note\">✎";
    assert!(section(a, b).contains(mark), "the note's own pair marks it");
    assert!(section(a, b).contains("check this one"));
    assert!(!section(a, c).contains(mark), "no note to find in A and C");
}
