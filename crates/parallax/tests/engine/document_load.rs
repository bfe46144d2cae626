//! Loading sources through the library: format detection, charsets, readability's output,
//! Markdown reduced to text, size parsing, and errors as values.

use parallax::document::{LoadOptions, SourceFormat, load, load_reader, parse_size};
use parallax::segment::{self, Unit};
use parallax::{Document, Error};

fn from_bytes(path: &str, bytes: &[u8]) -> Result<Document, Error> {
    load_reader(path, bytes, &LoadOptions::default())
}

const PARAS: &str = "<p>The minister met envoys in the capital last month, officials said on Monday.</p>\
<p>They spoke for hours about sanctions, elections and the army, two people briefed on the talks said.</p>\
<p>Neither side has commented on the meetings, which were first reported by a news agency.</p>";

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>")
}

#[test]
fn html_keeps_paragraphs_and_takes_title_and_byline_from_the_page() {
    let html = page(
        r#"<meta charset="utf-8"><title>Minister Met Envoys in Secret | The Daily Example</title>
<meta name="author" content="Jane Roe">"#,
        PARAS,
    );
    let doc = from_bytes("page.html", html.as_bytes()).unwrap();
    assert_eq!(doc.format, SourceFormat::Html);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Minister Met Envoys in Secret")
    );
    assert_eq!(doc.meta.byline.as_deref(), Some("Jane Roe"));
    assert!(doc.text.starts_with("Minister Met Envoys in Secret\n\n"));
    let paragraphs: Vec<usize> = segment::segment(&doc, Unit::Paragraph)
        .iter()
        .map(|s| s.paragraph)
        .collect();
    assert_eq!(
        paragraphs,
        vec![0, 1, 2, 3],
        "headline and three paragraphs"
    );
    assert!(doc.warnings.is_empty());
}

#[test]
fn an_html_table_reads_as_rows_of_cells() {
    let table = "<table><tr><th>City</th><th>Network built</th><th>Long outages</th></tr>\
                 <tr><td>Dunmore</td><td>1967</td><td>11</td></tr></table>";
    let html = page("<title>Outages</title>", &format!("{PARAS}{table}"));
    let doc = from_bytes("page.html", html.as_bytes()).unwrap();
    assert!(
        doc.text
            .contains("City | Network built | Long outages\nDunmore | 1967 | 11"),
        "{}",
        doc.text
    );
    // The head row's cells are labels, not a run of names.
    let facts = parallax::facts::extract(&doc);
    let names: Vec<&str> = (facts.iter())
        .filter(|f| f.kind == parallax::facts::FactKind::Entity)
        .map(|f| f.span.slice(&doc.text))
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Network") || n.contains("Long")),
        "{names:?}"
    );
}

#[test]
fn a_short_title_keeps_its_separator() {
    let html = page("<title>Talks | Example</title>", PARAS);
    let doc = from_bytes("page.html", html.as_bytes()).unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("Talks | Example"));
}

#[test]
fn html_charsets_are_honoured() {
    let body = "<p>Nicol\u{e1}s Maduro und der Minister trafen sich am Montag in der Hauptstadt zu Gespr\u{e4}chen.</p>";
    let latin1 = |head: &str| -> Vec<u8> {
        page(head, body)
            .chars()
            .map(|c| u8::try_from(c as u32).unwrap())
            .collect()
    };
    for head in [
        r#"<meta charset="iso-8859-1">"#,
        r#"<meta charset=ISO-8859-1>"#,
        r#"<meta http-equiv="Content-Type" content="text/html; charset=latin1">"#,
    ] {
        let doc = from_bytes("page.htm", &latin1(head)).unwrap();
        assert!(doc.text.contains("Nicolás Maduro"), "{head}: {}", doc.text);
        assert!(doc.text.contains("Gesprächen"), "{head}");
        assert!(doc.warnings.is_empty(), "{head}: {:?}", doc.warnings);
    }
    // A byte-order mark wins over the (wrong) declaration.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(page(r#"<meta charset="iso-8859-1">"#, body).as_bytes());
    assert!(
        from_bytes("page.html", &bom)
            .unwrap()
            .text
            .contains("Nicolás")
    );
}

/// F6: "charset=" in the article's text (a page about encodings) is no declaration: the
/// UTF-8 page stays UTF-8.
#[test]
fn a_charset_named_in_the_body_text_is_not_a_declaration() {
    let body = "<p>Set charset=iso-8859-1 in the header, said Nicolás, and the page broke.</p>";
    let doc = from_bytes(
        "page.html",
        page("<title>Encodings</title>", body).as_bytes(),
    )
    .unwrap();
    assert!(doc.text.contains("said Nicolás"), "{}", doc.text);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn html_bytes_invalid_in_their_charset_are_replaced_with_a_warning() {
    let mut bytes = page(r#"<meta charset="utf-8">"#, PARAS).into_bytes();
    let at = bytes.windows(8).position(|w| w == b"minister").unwrap();
    bytes[at] = 0xFF;
    let doc = from_bytes("bad.html", &bytes).unwrap();
    assert!(doc.text.contains('\u{FFFD}'));
    assert_eq!(doc.warnings.len(), 1);
    assert!(
        doc.warnings[0].starts_with("bad.html: "),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn html_without_an_extension_is_recognised_by_its_content() {
    let html = format!(
        "\u{FEFF}  \n{}",
        page("<title>A Title For The Page</title>", PARAS)
    );
    assert_eq!(
        from_bytes("-", html.as_bytes()).unwrap().format,
        SourceFormat::Html
    );
    let lower = page("", PARAS).replace("<!DOCTYPE html>", "<!-- saved page -->\n");
    assert_eq!(
        from_bytes("-", lower.as_bytes()).unwrap().format,
        SourceFormat::Html
    );
    let text = "Some <b>bold</b> claims in plain text. More text.";
    assert_eq!(
        from_bytes("-", text.as_bytes()).unwrap().format,
        SourceFormat::Text
    );
}

/// Prose around the page's one article (an advertisement and a cookie notice in plain text,
/// longer than a line) is no part of it: readability alone took both in, and the byline and
/// date line after the headline became passages.
#[test]
fn html_prose_outside_the_one_article_is_left_out() {
    let html = format!(
        "<!DOCTYPE html><html><head><title>Minister Met Envoys | Example</title></head><body>\
         <nav><a href='/'>Home</a></nav>\
         <div class='ad'>ADVERTISEMENT Buy the new phone today, half off this week only. Click here to learn more about our deals.</div>\
         <div class='cookie'>We use cookies to improve your experience. By continuing you agree to our cookie policy.</div>\
         <main><article><h1>Minister Met Envoys</h1><p class='byline'>By Jane Roe</p>{PARAS}</article></main>\
         <footer><p>Copyright 2026 The Daily Example. All rights reserved. Terms, privacy and contact.</p></footer>\
         </body></html>"
    );
    let doc = from_bytes("page.html", html.as_bytes()).unwrap();
    for gone in ["ADVERTISEMENT", "cookies", "Copyright"] {
        assert!(!doc.text.contains(gone), "{gone}: {}", doc.text);
    }
    assert!(doc.text.contains("They spoke for hours"), "{}", doc.text);
}

#[test]
fn a_page_of_menus_has_no_article() {
    let html = page(
        "",
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>",
    );
    assert!(matches!(
        from_bytes("menu.html", html.as_bytes()),
        Err(Error::NoArticle { .. })
    ));
}

#[test]
fn a_markdown_heading_keeps_its_number_and_it_names_nobody() {
    let body = "Between 2019 and 2024 long outages struck the six cities of the north.";
    let md =
        |word: &str| format!("# Report\n\n## 1. Background\n\n## 2.1 {word} equipment\n\n{body}\n");
    let doc = from_bytes("a.md", md("Ageing").as_bytes()).unwrap();
    assert!(doc.text.contains("1. Background"), "{}", doc.text);
    // "Ageing" opens its heading as a sentence's first word does: no name, so its
    // American spelling is no other name.
    let facts = parallax::facts::extract(&doc);
    assert!(
        !facts.iter().any(|f| f.span.slice(&doc.text) == "Ageing"),
        "{facts:?}"
    );
}

#[test]
fn a_markdown_hard_break_ends_its_line_in_wrapped_prose() {
    let wrapped = "Emergency planners described a recurring problem: they do not know in\n\
                   advance which facilities have working backup power. One planner in\n\
                   Dunmore told us that her team kept a spreadsheet of generator\n\
                   locations by hand and updated it only when someone remembered to\n\
                   call.";
    let md = format!(
        "{wrapped}\n\nAuthors: Ruth Adeyemi, Tomasz Wierzbicki, Claire Monteith, Jo Smith  \n\
         Draft of 14 March 2025, circulated for comment.\n"
    );
    let doc = from_bytes("a.md", md.as_bytes()).unwrap();
    let passages: Vec<&str> = segment::segment(&doc, Unit::Sentence)
        .iter()
        .map(|s| s.span.slice(&doc.text))
        .collect();
    assert!(
        passages.contains(&"Draft of 14 March 2025, circulated for comment."),
        "{passages:?}"
    );
    assert!(
        passages
            .iter()
            .any(|p| p.starts_with("One planner in\nDunmore told us")),
        "{passages:?}"
    );
}

#[test]
fn markdown_headings_are_the_headline_and_passages_not_kickers() {
    let md = "# Kelby works\n\n## 1 Introduction\n\nThe works were inspected in March by the \
              regional water authority and its engineers.\n";
    let doc = from_bytes("a.md", md.as_bytes()).unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("Kelby works"));
    let passages: Vec<&str> = segment::segment(&doc, Unit::Sentence)
        .iter()
        .map(|s| s.span.slice(&doc.text))
        .collect();
    assert_eq!(
        passages[..2],
        ["Kelby works", "1 Introduction"],
        "{passages:?}"
    );
}

#[test]
fn markdown_is_reduced_to_its_words() {
    let md = "Main Heading Of The Piece\n=========================\n\n\
## Second *level* heading ##\n\n\
Text with **bold**, __strong__, *em*, _under_ and `code`, a [link](http://x.y) and ![alt](i.png).\n\
A snake_case_name stays.\n\n\
> Quoted line\n> - nested item\n\n\
1. First\n2) Second\n\n\
<script>\nalert('x');\n</script>\n<style>p { color: red }</style>\n<!-- a\nhidden note -->\n\n\
<!-- draft --> Shown after a comment.\n\n<Style-guide>Kept too.</Style-guide>\n\n\
***\n\n```rust\nlet x = 1;\n```\n\nLast.\n";
    let doc = from_bytes("a.md", md.as_bytes()).unwrap();
    assert_eq!(doc.format, SourceFormat::Markdown);
    let lines: Vec<&str> = doc.text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines,
        vec![
            "Main Heading Of The Piece",
            "Second level heading",
            "Text with bold, strong, em, under and code, a link and alt.",
            "A snake_case_name stays.",
            "Quoted line",
            "nested item",
            "First",
            "Second",
            "Shown after a comment.",
            "<Style-guide>Kept too.</Style-guide>",
            "Last.",
        ]
    );
    assert_eq!(doc.meta.title.as_deref(), Some("Main Heading Of The Piece"));
}

#[test]
fn plain_text_is_kept_byte_for_byte() {
    let text = "\u{FEFF}Title Of The Story Here\r\n\r\nFirst sentence.  Second one.\r\n";
    let doc = from_bytes("a.txt", text.as_bytes()).unwrap();
    assert_eq!(doc.text, text);
    let segs = segment::segment(&doc, Unit::Sentence);
    let texts: Vec<&str> = segs.iter().map(|s| s.span.slice(&doc.text)).collect();
    assert_eq!(
        texts,
        vec!["Title Of The Story Here", "First sentence.", "Second one."]
    );
    assert_eq!(doc.meta.title.as_deref(), Some("Title Of The Story Here"));
}

/// A file with old Mac line ends (carriage returns alone) has lines, and so its headline;
/// each offset still points at the same byte of the file.
#[test]
fn carriage_returns_alone_end_lines() {
    let text = "Title Of The Story Here\r\rFirst sentence.  Second one.\r";
    let doc = from_bytes("a.txt", text.as_bytes()).unwrap();
    assert_eq!(doc.text.len(), text.len());
    assert_eq!(doc.meta.title.as_deref(), Some("Title Of The Story Here"));
    let segs = segment::segment(&doc, Unit::Sentence);
    let texts: Vec<&str> = segs.iter().map(|s| s.span.slice(text)).collect();
    assert_eq!(
        texts,
        vec!["Title Of The Story Here", "First sentence.", "Second one."]
    );
}

#[test]
fn errors_are_values_naming_the_file() {
    let opts = LoadOptions { max_size: 10 };
    let e = load_reader("big.txt", &b"0123456789ab"[..], &opts).unwrap_err();
    assert!(matches!(e, Error::TooLarge { max: 10, .. }));
    assert!(e.to_string().starts_with("big.txt: "));
    let e = from_bytes("x.txt", b"ok \xC3\x28").unwrap_err();
    assert!(matches!(e, Error::InvalidUtf8 { offset: 3, .. }), "{e}");
    // Bytes full of control characters are binary, not text to convert from Latin-1.
    let noise: Vec<u8> = (0..512u32)
        .map(|k| ((k * 97 + 13) % 255 + 1) as u8)
        .collect();
    let e = from_bytes("noise.bin", &noise).unwrap_err();
    assert!(matches!(e, Error::ControlBytes { .. }), "{e}");
    assert!(
        e.to_string().contains("binary file") && !e.to_string().contains("iconv"),
        "{e}"
    );
    let latin1 = b"Caf\xe9 con leche, d\xe9j\xe0 vu.\n".repeat(40);
    let e = from_bytes("latin1.txt", &latin1).unwrap_err();
    assert!(e.to_string().contains("iconv -f latin1"), "{e}");
    // A coloured log in Latin-1 is text to convert too, not binary.
    let log = b"\x1b[32mINFO\x1b[0m caf\xe9 opened\n".repeat(40);
    let e = from_bytes("build.log", &log).unwrap_err();
    assert!(e.to_string().contains("iconv -f latin1"), "{e}");
    let e = load("/definitely/not/here.txt", &LoadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }));
    assert!(!e.to_string().contains('\n'));
}

/// F5: the largest cap a user can type takes every input (it wrapped to a cap of 0).
#[test]
fn the_largest_size_cap_refuses_nothing() {
    let max = parse_size(&u64::MAX.to_string()).unwrap();
    let opts = LoadOptions { max_size: max };
    let doc = load_reader("a.txt", &b"The mayor opened the bridge."[..], &opts).unwrap();
    assert_eq!(doc.text, "The mayor opened the bridge.");
}

#[test]
fn sizes_parse_with_units() {
    assert_eq!(parse_size("1000"), Ok(1000));
    assert_eq!(parse_size("50MB"), Ok(50_000_000));
    assert_eq!(parse_size("50MiB"), Ok(50 * 1024 * 1024));
    assert_eq!(parse_size("1.5k"), Ok(1500));
    assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
    assert!(parse_size("").is_err());
    assert!(parse_size("ten").is_err());
    assert!(parse_size("5XB").is_err());
    assert!(parse_size("-5").is_err());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever the bytes and the name, loading returns a document or an error.
        #[test]
        fn loading_arbitrary_bytes_never_panics(
            bytes in prop::collection::vec(any::<u8>(), 0..400),
            name in prop_oneof![Just("a.txt"), Just("a.md"), Just("a.html"), Just("-")],
        ) {
            if let Ok(doc) = from_bytes(name, &bytes) {
                for unit in [Unit::Sentence, Unit::Paragraph, Unit::Line] {
                    for s in segment::segment(&doc, unit) {
                        prop_assert!(s.span.end <= doc.text.len());
                    }
                }
            }
        }

        #[test]
        fn markdown_and_html_shaped_text_never_panics(
            text in "([#>*_`\\[\\]()!<>/a-z =-]|\n|ä|“){0,300}",
            name in prop_oneof![Just("a.md"), Just("a.html")],
        ) {
            let _ = from_bytes(name, text.as_bytes());
        }
    }
}

/// A device given as a source (or a link to one) is refused at once: /dev/zero read up to
/// the 50 MiB cap before it was called too large.
#[cfg(unix)]
#[test]
fn a_device_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("story.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for path in ["/dev/zero", link.to_str().unwrap()] {
        let e = load(path, &LoadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::NotRegular { .. }), "{path}: {e}");
        assert!(e.to_string().starts_with(&format!("{path}: ")), "{e}");
    }
}
