//! Main-text extraction from saved web pages.
//!
//! The bytes are decoded by the page's declared charset (BOM, then `<meta charset>`, then
//! UTF-8) with encoding_rs, and dom_smoothie (a port of readability.js) picks the article and
//! renders it as formatted text with paragraphs kept. Spans then point into that text.

mod guard;
mod story;

use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_8};

use super::{Document, HeaderLine, HeaderRole, SourceFormat};
use crate::error::{Error, Result};
use crate::span::Span;

/// An article has at least one paragraph of this many words.
const MIN_PROSE_WORDS: usize = 8;

/// Separators between a headline and the site name in a page title.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " – ", " — ", " - ", " :: "];

/// Extracts the article of an HTML page as a document. `charset` is the one the server
/// named for a fetched page: it wins over the page's `<meta>`, a byte-order mark over both.
pub fn extract(path: &str, bytes: &[u8], charset: Option<&str>) -> Result<Document> {
    let served = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    let (encoding, declared) = match (Encoding::for_bom(bytes), served) {
        (None, Some(enc)) => (enc, true),
        _ => sniff_charset(bytes),
    };
    let (html, _, had_errors) = encoding.decode(bytes);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let no_article = || Error::NoArticle {
        path: path.to_string(),
    };
    let (html, capped) = guard::tame(&html);
    let page = dom_query::Document::from(html.as_ref());
    story::keep_story(&page);
    mark_cells(&page);
    let mut readability =
        Readability::with_document(page, None, Some(cfg)).map_err(|_| no_article())?;
    let article = readability.parse().map_err(|_| no_article())?;
    let body = tidy_paragraphs(&article.text_content);
    // Readability falls back to whatever text a page has (a menu, a cookie notice); an
    // article has at least one line that reads like a sentence.
    if !body
        .lines()
        .any(|l| l.split_whitespace().count() >= MIN_PROSE_WORDS)
    {
        return Err(no_article());
    }
    let title = clean_title(&article.title);
    // The headline heads the text so the reader shows it, and is marked as header, not prose.
    let mut text = String::new();
    let mut header = Vec::new();
    if !title.is_empty() && !body.starts_with(&title) {
        text.push_str(&title);
        header.push(HeaderLine {
            span: Span::new(0, title.len()),
            role: HeaderRole::Title,
        });
        text.push_str("\n\n");
    }
    text.push_str(&body);
    let mut doc = Document::with_format(path, text, SourceFormat::Html);
    if !header.is_empty() {
        doc.meta
            .header
            .retain(|h| !h.span.overlaps(&header[0].span));
        doc.meta.header.insert(0, header.remove(0));
        doc.meta.title = Some(title);
    }
    if let Some(byline) = article.byline.filter(|b| !b.trim().is_empty()) {
        doc.meta.byline.get_or_insert(byline.trim().to_string());
    }
    if let Some(date) = article.published_time.filter(|d| !d.trim().is_empty()) {
        doc.meta.date.get_or_insert(date.trim().to_string());
    }
    if capped.deep_tags > 0 {
        doc.warnings.push(format!(
            "{path}: elements nested deeper than {} levels were read as text ({} tags left out)",
            guard::MAX_DEPTH,
            capped.deep_tags
        ));
    }
    if capped.attributes > 0 {
        doc.warnings.push(format!(
            "{path}: {} attributes past the first {} of an element were left out",
            capped.attributes,
            guard::MAX_ATTRIBUTES
        ));
    }
    if had_errors {
        doc.warnings.push(format!(
            "{path}: some bytes are not valid {}{}; they were replaced",
            encoding.name(),
            if declared {
                " (the charset the page or its server declares)"
            } else {
                ""
            }
        ));
    }
    Ok(doc)
}

/// The page's encoding: a byte-order mark wins, then a `<meta charset>` or
/// `content="…charset=…"` in a `<meta>` tag of the first 4 KB before `<body`, then UTF-8. The flag says whether it was declared.
fn sniff_charset(bytes: &[u8]) -> (&'static Encoding, bool) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, true);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    // Only inside a <meta> tag before the body: a "charset=" in the text of an article
    // (a page about encodings) once decided the page's encoding (F6).
    let head = &head[..head.find("<body").unwrap_or(head.len())];
    let declared = head.match_indices("<meta").find_map(|(at, _)| {
        let tag = &head[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        tag.find("charset=").map(|k| &tag[k..])
    });
    if let Some(rest) = declared {
        let rest = &rest["charset=".len()..];
        let label: String = rest
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(enc) = Encoding::for_label(label.as_bytes()) {
            return (enc, true);
        }
    }
    (UTF_8, false)
}

/// The headline without the site name a page title often ends with ("Talks | The Paper"),
/// when what is left still reads like a headline (three words or more).
fn clean_title(title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep))
        .max();
    match cut {
        Some(at) if title[..at].split_whitespace().count() >= 3 => title[..at].to_string(),
        _ => title,
    }
}

/// Ends every table cell but its row's last with " |". Readability joins a row's cells with
/// spaces, and "City Network built Long outages" reads as one run of names; "City | Network
/// built | Long outages" reads as a row's cells, as Markdown writes them.
fn mark_cells(page: &dom_query::Document) {
    for cell in page.select("tr > td, tr > th").nodes() {
        if cell.next_element_sibling().is_some() {
            cell.append_html(" |");
        }
    }
}

/// Trims each line and folds runs of blank lines to one, so paragraphs are separated by
/// exactly one blank line.
fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}
