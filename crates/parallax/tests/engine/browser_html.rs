//! The HTML export in a real browser: headless Chromium, driven through chromedriver's
//! WebDriver API, clicks a passage and checks in the DOM that its counterpart is highlighted
//! and scrolled into view, that n/N move between links, and saves a screenshot under
//! target/. Without Chromium the test says it is skipped; with CI=true it must run.

use std::path::PathBuf;

use parallax::annotate::{Anchor, Notes};
use parallax::export::html;
use parallax::{Comparison, LinkId, Options, SourceId};
use serde_json::{Value, json};

use crate::webdriver::Browser;

/// A program on PATH.
fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// Where the element stands: highlighted, and visible inside its scrolling column (not
/// under the sticky source header, not outside the window).
const PLACE: &str = r#"
const el = document.querySelector(arguments[0]);
const col = el.closest('.col');
const head = col.querySelector('.src').getBoundingClientRect();
const c = col.getBoundingClientRect();
const r = el.getBoundingClientRect();
const x = Math.min(r.left + 4, c.right - 4), y = r.top + Math.min(r.height / 2, 8);
const hit = document.elementFromPoint(x, y);
return {
  active: el.classList.contains('active'),
  inView: r.top >= head.bottom - 1 && r.bottom <= c.bottom + 1 && r.bottom <= window.innerHeight,
  onTop: hit !== null && (el === hit || el.contains(hit)),
  top: r.top, colTop: c.top, colBottom: c.bottom,
  link: document.body.getAttribute('data-link'),
  status: document.getElementById('status').textContent,
  actives: document.querySelectorAll('.seg.active').length
};"#;

/// Claims any aligner links (B says them in reverse order, lightly reworded, between
/// passages of its own), so that the link of A's first passage stands at the end of B.
const CLAIMS: [(&str, &str); 10] = [
    (
        "The harbour authority closed the northern pier on Tuesday after a crane collapsed.",
        "After a crane collapsed, the harbour authority closed the northern pier on Tuesday.",
    ),
    (
        "Nobody was hurt, according to the fire brigade spokesman.",
        "Nobody was hurt, the fire brigade spokesman said.",
    ),
    (
        "Engineers found rust in three of the crane's support bolts.",
        "Engineers later found rust in four of the crane's support bolts.",
    ),
    (
        "The pier handles about 40 cargo ships every month.",
        "About 40 cargo ships dock at the pier every month.",
    ),
    (
        "Shipping companies diverted vessels to the southern terminal.",
        "Vessels were diverted by shipping companies to the southern terminal.",
    ),
    (
        "The mayor promised a full inspection of every crane in the port.",
        "A full inspection of every crane in the port was promised by the mayor.",
    ),
    (
        "Union leaders said they had warned about the cranes last winter.",
        "Union leaders said they warned about the cranes last winter.",
    ),
    (
        "Repairs are expected to cost around two million euros.",
        "Repairs should cost around two million euros.",
    ),
    (
        "The northern pier should reopen by the end of next month.",
        "The northern pier may reopen by the end of next month.",
    ),
    (
        "Local fishermen welcomed the closure as overdue.",
        "Local fishermen called the closure overdue.",
    ),
];

const ONLY_B: [&str; 3] = [
    "Photographs of the bent crane arm spread quickly on social media.",
    "Insurance assessors arrived at the scene on Wednesday morning.",
    "A similar accident happened at a Baltic port two years ago.",
];

fn fixture() -> Vec<parallax::Document> {
    let a: Vec<&str> = CLAIMS.iter().map(|c| c.0).collect();
    let mut b: Vec<&str> = Vec::new();
    for (i, c) in CLAIMS.iter().rev().enumerate() {
        b.push(c.1);
        if i % 3 == 1 {
            b.push(ONLY_B[i / 3]);
        }
    }
    vec![
        parallax::Document::from_text("pier-a.txt", a.join("\n\n")),
        parallax::Document::from_text("pier-b.txt", b.join("\n\n")),
    ]
}

/// chromedriver and Chromium, or `None` (the test is skipped) when they are missing outside
/// CI.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let (Some(driver), Some(chromium)) = (
        which(&["chromedriver"]),
        which(&["chromium", "chromium-browser"]),
    ) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but chromium/chromedriver are missing (apt-get install chromium chromium-driver)"
        );
        eprintln!("browser_html: skipped: chromium and chromedriver are not installed");
        return None;
    };
    Some((driver, chromium))
}

#[test]
fn click_brings_counterpart_into_view_and_keys_move_between_links() {
    let Some((driver, chromium)) = tools() else {
        return;
    };

    let cmp = Comparison::build(fixture(), &Options::default()).unwrap();
    let links = &cmp.pairs[0].alignment.links;
    assert!(
        links.len() >= 6,
        "the fixture's sentences link: {}",
        links.len()
    );
    // The link whose passage in B stands lowest: its counterpart starts out of view.
    let k = (0..links.len()).max_by_key(|&i| links[i].b[0]).unwrap();
    let (a0, b0) = (links[k].a[0], links[k].b[0]);
    let mut notes = Notes::default();
    let anchor = Anchor::link(&cmp, SourceId(0), SourceId(1), LinkId(k)).unwrap();
    notes
        .add(
            &cmp,
            anchor,
            "Checked <script>alert(1)</script> against the wire copy",
            0,
        )
        .unwrap();

    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser-html");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let page = out.join("page.html");
    std::fs::write(&page, html::render(&cmp, &notes, "demo")).unwrap();
    let profile = tempfile::tempdir().unwrap();

    let b = Browser::start(&driver, &chromium, profile.path(), 1100, 650);
    b.goto(&format!("file://{}", page.display()));
    let place = |css: &str| -> Value { b.script(PLACE, json!([css])) };
    let (sel_a, sel_b) = (format!("#s0-1-a-{a0}"), format!("#s0-1-b-{b0}"));

    let before = place(&sel_b);
    assert_eq!(
        before["inView"], false,
        "counterpart starts out of view: {before}"
    );
    assert_eq!(before["active"], false);

    b.click(&b.find(&sel_a));
    let after = place(&sel_b);
    assert_eq!(after["active"], true, "counterpart highlighted: {after}");
    assert_eq!(
        after["inView"], true,
        "counterpart scrolled into view: {after}"
    );
    assert_eq!(
        after["onTop"], true,
        "counterpart not hidden under anything: {after}"
    );
    assert_eq!(
        place(&sel_a)["active"],
        true,
        "the clicked passage is highlighted too"
    );
    assert_eq!(
        after["status"],
        format!("Link {} of {}", k + 1, links.len())
    );
    // The note is shown, escaped: its text is there and no script ran from it.
    let note = b.script(
        "const n = document.querySelector('aside.note .ntext'); return n ? n.textContent : null;",
        json!([]),
    );
    assert_eq!(
        note,
        "Checked <script>alert(1)</script> against the wire copy"
    );
    let shot = b.screenshot();
    assert_eq!(&shot[..8], b"\x89PNG\r\n\x1a\n", "a PNG screenshot");
    std::fs::write(out.join("click.png"), &shot).unwrap();

    // n and N move between links, scrolling both columns.
    let n = links.len();
    b.key("n");
    let next = (k + 1) % n;
    let sel = format!("#s0-1-b-{}", links[next].b[0]);
    let now = place(&sel);
    assert_eq!(now["link"], next.to_string(), "{now}");
    assert_eq!(
        (now["active"].clone(), now["inView"].clone()),
        (json!(true), json!(true)),
        "{now}"
    );
    assert_eq!(
        place(&sel_b)["active"],
        false,
        "the previous link is no longer highlighted"
    );
    b.key("N");
    b.key("N");
    let prev = (k + n - 1) % n;
    let now = place(&format!("#s0-1-a-{}", links[prev].a[0]));
    assert_eq!(now["link"], prev.to_string());
    assert_eq!(
        (now["active"].clone(), now["inView"].clone()),
        (json!(true), json!(true)),
        "{now}"
    );
    b.key("\u{E00C}"); // WebDriver's Escape
    assert_eq!(place(&sel_a)["actives"], 0, "Esc clears the highlight");
    std::fs::write(out.join("keys.png"), b.screenshot()).unwrap();

    // Three sources: the chooser shows one pair at a time, and clicks work in the pair shown.
    let mut three = fixture();
    let c: Vec<&str> = CLAIMS.iter().map(|c| c.0).rev().collect();
    three.push(parallax::Document::from_text("pier-c.txt", c.join("\n\n")));
    let cmp3 = Comparison::build(three, &Options::default()).unwrap();
    let l02 = &cmp3.pair(SourceId(0), SourceId(2)).unwrap().alignment.links;
    assert!(!l02.is_empty());
    let page3 = out.join("three.html");
    std::fs::write(&page3, html::render(&cmp3, &Notes::default(), "three")).unwrap();
    b.goto(&format!("file://{}", page3.display()));
    let shown = "return [...document.querySelectorAll('section.pair')].filter(s => !s.hidden).map(s => s.dataset.pair);";
    assert_eq!(b.script(shown, json!([])), json!(["0-1"]));
    b.script(
        "const s = document.getElementById('pair'); s.value = '0-2'; s.dispatchEvent(new Event('change'));",
        json!([]),
    );
    assert_eq!(b.script(shown, json!([])), json!(["0-2"]));
    b.click(&b.find(&format!("#s0-2-a-{}", l02[0].a[0])));
    let there = place(&format!("#s0-2-b-{}", l02[0].b[0]));
    assert_eq!(
        (there["active"].clone(), there["inView"].clone()),
        (json!(true), json!(true)),
        "{there}"
    );
    eprintln!("browser_html: screenshots in {}", out.display());
}

/// Where the note of a passage stands against the passage and its paragraph, and whether
/// the passages of column B each start a line of their own.
const LAYOUT: &str = r#"
const seg = document.querySelector(arguments[0]);
const note = document.querySelector('aside.note');
const para = seg.closest('.para');
const last = [...para.querySelectorAll('.seg')].pop();
const s = seg.getBoundingClientRect(), n = note.getBoundingClientRect();
const tops = [...document.querySelectorAll('.col-b .seg')].map(e => e.getBoundingClientRect().top);
let ownLines = 0;
for (let i = 1; i < tops.length; i++) if (tops[i] > tops[i - 1] + 4) ownLines++;
return { segTop: s.top, segBottom: s.bottom, noteTop: n.top, lastTop: last.getBoundingClientRect().top,
         lines: tops.length, ownLines: ownLines };"#;

/// A note stands right after its passage, not after the paragraph; a text of one sentence
/// per line keeps its lines.
#[test]
fn notes_sit_beside_their_passages_and_lines_stay_lines() {
    let Some((driver, chromium)) = tools() else {
        return;
    };
    let sentences: Vec<&str> = CLAIMS.iter().map(|c| c.0).collect();
    // A: one paragraph of prose; B: the same sentences, one per line.
    let docs = vec![
        parallax::Document::from_text("para.txt", sentences.join(" ")),
        parallax::Document::from_text("lines.txt", sentences.join("\n")),
    ];
    let cmp = Comparison::build(docs, &Options::default()).unwrap();
    let mut notes = Notes::default();
    let on = parallax::SegmentId(1);
    let anchor = Anchor::Passage {
        source: SourceId(0),
        segment: on,
    };
    notes.add(&cmp, anchor, "Which spokesman?", 0).unwrap();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser-html-layout");
    std::fs::create_dir_all(&out).unwrap();
    let page = out.join("page.html");
    std::fs::write(&page, html::render(&cmp, &notes, "layout")).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let b = Browser::start(&driver, &chromium, profile.path(), 1100, 900);
    b.goto(&format!("file://{}", page.display()));
    let l = b.script(LAYOUT, json!([format!("#s0-1-a-{on}")]));
    std::fs::write(out.join("layout.png"), b.screenshot()).unwrap();
    let f = |k: &str| l[k].as_f64().unwrap();
    assert!(
        f("noteTop") >= f("segBottom") - 2.0 && f("noteTop") <= f("segBottom") + 30.0,
        "the note starts right under its passage: {l}"
    );
    assert!(
        f("noteTop") < f("lastTop"),
        "the note stands before the paragraph's last passage, not after it: {l}"
    );
    assert_eq!(l["lines"], CLAIMS.len(), "{l}");
    assert_eq!(
        l["ownLines"],
        CLAIMS.len() - 1,
        "each line of B starts a line of its own: {l}"
    );
}
