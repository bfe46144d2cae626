//! The HTML export: one standalone page (inline CSS and script, no external asset, works
//! offline) with the two sources in columns, linked passages tinted alike and numbered,
//! passages only one source has marked "+", conflicting facts marked "⚠", notes beside their
//! passages. A click on a passage scrolls its counterpart into view and highlights both;
//! n/N move between links as in the reader.
//!
//! With more than two sources every pair is in the page and a chooser at the top shows one
//! pair at a time (the first by default); the claims shared across sources are listed
//! under the columns.
//!
//! Every string from the input or the notes is HTML-escaped; a Content-Security-Policy
//! forbids the page any network access.

mod claims;
mod column;
mod flags;

use std::fmt::Write;

use crate::annotate::{Note, Notes, rfc3339};
use crate::comparison::Comparison;
use crate::ids::SourceId;
use crate::text::visible;

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/script.js");

/// The comparison and its notes as one HTML page titled `title`.
pub fn render(cmp: &Comparison, notes: &Notes, title: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"Parallax {}\">\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&format!("Parallax: {title}"))
    );
    header(&mut out, cmp, notes, title);
    out.push_str("<main id=\"main\">\n");
    for (k, p) in cmp.pairs.iter().enumerate() {
        column::pair(&mut out, cmp, p, notes, k == 0);
    }
    claims::section(&mut out, cmp);
    corrections(&mut out, notes);
    detached(&mut out, notes);
    let _ = write!(
        out,
        "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// The corrections by hand, under the pairs: links marked wrong are not shown above.
fn corrections(out: &mut String, notes: &Notes) {
    let all = super::corrections::report(notes);
    if all.is_empty() {
        return;
    }
    out.push_str("<section class=\"corrections\">\n<h2>Corrections by hand</h2>\n<ul>\n");
    for c in &all {
        let _ = write!(
            out,
            "<li><strong>{}</strong>",
            esc(&super::corrections::label(c))
        );
        for q in &c.quotes {
            let _ = write!(out, "<br><q>{}</q>", esc(&super::one_line(q, 200)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn header(out: &mut String, cmp: &Comparison, notes: &Notes, title: &str) {
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(title));
    out.push_str("<p class=\"help\">Click a passage to bring up its counterpart. Keys: <kbd>n</kbd>/<kbd>N</kbd> next/previous link, <kbd>Esc</kbd> clear.</p>\n");
    out.push_str(
        "<p class=\"legend\"><span class=\"seg linked c0\"><sup class=\"mark\">1</sup>linked (same number, same tint)</span> \
         <span class=\"seg only\"><sup class=\"mark\">+</sup>only in this source</span> \
         <mark class=\"conflict\">⚠ fact differs</mark> <span class=\"chg\">changed words</span>",
    );
    // A page without notes (`parallax align --format html`) has no ✎ to explain.
    if !notes.is_empty() {
        out.push_str(" <sup class=\"nmark\">✎</sup> has a note");
    }
    out.push_str("</p>\n");
    if cmp.pairs.len() > 1 {
        out.push_str("<label class=\"chooser\">Sources: <select id=\"pair\">");
        let names = cmp.names();
        for p in &cmp.pairs {
            let name = |i: SourceId| format!("{} {}", i.letter(), names[i.0]);
            // Which pairs hold notes: only one pair is shown at a time.
            let noted = match notes_in(notes, p.a, p.b) {
                0 => String::new(),
                1 => " · 1 note".to_string(),
                n => format!(" · {n} notes"),
            };
            let _ = write!(
                out,
                "<option value=\"{}-{}\">{} · {}{noted}</option>",
                p.a,
                p.b,
                esc(&super::one_line(&name(p.a), 50)),
                esc(&super::one_line(&name(p.b), 50))
            );
        }
        out.push_str("</select></label>\n");
    }
    out.push_str("<p id=\"status\" class=\"status\" aria-live=\"polite\"></p>\n</header>\n");
}

/// How many notes the pair of sources `a` and `b` shows: those on its links and those on
/// passages of either source.
fn notes_in(notes: &Notes, a: SourceId, b: SourceId) -> usize {
    notes
        .ordered()
        .iter()
        .filter(|n| n.anchor.as_ref().is_some_and(|x| x.in_pair(a, b)))
        .count()
}

fn detached(out: &mut String, notes: &Notes) {
    let list = notes.detached();
    if list.is_empty() {
        return;
    }
    out.push_str("<section class=\"detached\">\n<h2>Detached notes</h2>\n<p>Their passages changed or went when the sources were read again.</p>\n");
    super::walk::detached(
        out,
        &list,
        |out, _, who, text| {
            let _ = writeln!(
                out,
                "<blockquote><b>{who}, was:</b> {}</blockquote>",
                esc(text)
            );
        },
        |out, n| note(out, n, None),
    );
    out.push_str("</section>\n");
}

/// One note as an aside; `on` says where it stands ("A, passage 3").
fn note(out: &mut String, n: &Note, on: Option<&str>) {
    let _ = write!(out, "<aside class=\"note\" id=\"note-{}\">", n.id.0);
    out.push_str("<span class=\"nmark\">✎</span> ");
    if let Some(on) = on {
        let _ = write!(out, "<b>{}</b> ", esc(on));
    }
    for t in &n.tags {
        let _ = write!(out, "<span class=\"tag\">{}</span> ", esc(t));
    }
    let _ = write!(out, "<time datetime=\"{0}\">{0}</time>", rfc3339(n.updated));
    let body: Vec<String> = n.text.lines().map(esc).collect();
    let _ = writeln!(
        out,
        "<div class=\"ntext\">{}</div></aside>",
        body.join("<br>")
    );
}

/// `text` made safe for HTML text and attribute values: control characters made visible,
/// then `& < > " '` escaped.
pub fn esc(text: &str) -> String {
    let text = visible(text, true);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
