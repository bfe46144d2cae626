//! Recognising the header of an article: headline, kicker, byline and date lines that stand
//! before the prose. General rules only (line length, final punctuation, capitalisation, date
//! patterns, a repeated headline); nothing is keyed to particular sources.

use std::sync::LazyLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::markdown::Heading;
use super::{HeaderLine, HeaderRole, Metadata};
use crate::lines::{is_blank, lines_with_offsets};
use crate::sentences::sentences;
use crate::span::Span;
use crate::text::ends_like_sentence;

/// Words that label a date line.
const LABELS: &str = "date|dated|published|updated|posted|veröffentlicht|aktualisiert";

/// Dates as header lines write them, optionally with a weekday before, a time or a reading
/// time after, and a label ("date", "Published:", "Updated") or a bare "on": "2026-01-17",
/// "1/17/2026", "17.01.2026", "1/17/20262 min read", "Saturday, January 17, 2026", "17 Jan
/// 2026", "on July 02 2013 7:41 AM", "Posted at 3:21 PM ET, 01/5/2011".
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // English and German by their first letters; the other languages the engine tells
    // apart by their full names (their short forms clash with common words).
    const MONTH: &str = concat!(
        r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez)[a-zä]*\.?",
        r"|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre",
        r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
        r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
        r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro",
        r"|maart|mei|augustus|oktober)"
    );
    let pattern = [
        // A labelled line may give the time first: "Posted at 3:21 PM ET, 01/5/2011",
        // "PUBLISHED: 22:07 GMT, 7 July 2012".
        &format!(
            r"(?i)^(?:(?:{LABELS})(?:\s*:?\s*(?:at\s+)?[0-9]{{1,2}}:[0-9]{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{{2,4}})?,)?(?:\s+on)?\s*:?\s*|(?P<on>on\s+))?"
        ),
        r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?",
        r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?",
        r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}",
        r"|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}",
        &format!(r"|{MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}"),
        // "4 de abril de 2025" in Spanish and Portuguese.
        &format!(r"|[0-9]{{1,2}}\.?\s+(?:de\s+)?{MONTH}\s+(?:de\s+)?[0-9]{{4}})"),
        r"(?:,?\s+(?:at\s+)?[0-9]{1,2}[:.][0-9]{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}(?-u:\b))?)?",
        r"(?:\s*(?:[|·•-]\s*)?[0-9]+\s*min(?:ute)?s?\.?\s+read)?",
    ]
    .concat();
    Regex::new(&pattern).unwrap()
});

/// A time stamp with no date, the whole line: "Updated 3:45 p.m.", "Posted at 3:21 PM ET",
/// "Last updated: 10:02am EST". It says when the page changed, not what happened.
static TIME_STAMP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:last\s+)?(?:{LABELS}|modified)\s*:?\s*(?:at\s+)?[0-9]{{1,2}}[:.][0-9]{{2}}\s*(?:[ap]\.?\s?m\.?)?(?:\s+[a-z]{{2,4}})?\s*$"
    ))
    .unwrap()
});

/// The labels a date line may open with.
static DATE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*(?:{LABELS})(?-u:\b)")).unwrap());

/// Words that open a byline ("By Jane Doe", "Von Erika Muster").
static BY_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(?:by|von)\s+").unwrap());

/// "By" in the other languages the engine tells apart: French ("par"), Spanish and
/// Portuguese ("por"), Italian ("di"), Dutch ("door"). An English headline may open with
/// one of these ("Di Maio quits", "Door Dash drivers win"), so a line is a byline by one
/// only below the headline and when a person's name follows.
static OTHER_BY_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:par|por|di|door)\s+").unwrap());

/// A block that does not end like a sentence is header only when it is this short (words).
const MAX_HEADER_WORDS: usize = 20;
/// A prose block this long (words) is body: the header is over.
const BODY_WORDS: usize = 40;
/// The header is looked for in this many non-empty lines at most.
const MAX_HEADER_LINES: usize = 8;

/// Finds the header stretches at the top of `text` and what they say.
///
/// The top of the text is read block by block (runs of non-blank lines). A block that ends
/// like a sentence is prose: a one-sentence standfirst lets the scan go on, anything longer
/// is the body and ends it. A short block without final punctuation is header, each of its
/// lines a headline, kicker, byline or date. A date that opens a line is header even when
/// prose follows on that line (" date 2026-01-17 The White House…"): only the date is header
/// then, and the body has begun. A header needs prose after it: a text of nothing but short
/// lines (or a single line) has no header. Anywhere in the text, a line that repeats the
/// headline is header too.
pub fn detect_header(text: &str) -> Metadata {
    let mut meta = Metadata::default();
    let mut seen = 0;
    let mut body_found = false;
    'blocks: for block in blocks(text) {
        for (i, &(at, line)) in block.iter().enumerate() {
            if TIME_STAMP_LINE.is_match(line) {
                meta.header.push(HeaderLine {
                    span: Span::new(at, at + line.len()),
                    role: HeaderRole::Date,
                });
                continue;
            }
            let Some((date, end, rest)) = date_at_start(line) else {
                continue;
            };
            // Prose may follow a date only on the block's first line (a dateline).
            if rest && i > 0 {
                continue;
            }
            meta.date.get_or_insert_with(|| date.to_string());
            meta.header.push(HeaderLine {
                span: Span::new(at, at + end),
                role: HeaderRole::Date,
            });
            if rest {
                body_found = true;
                break 'blocks;
            }
        }
        seen += block.len();
        let lines: Vec<(usize, &str)> = block
            .into_iter()
            .filter(|(at, _)| !meta.header.iter().any(|h| h.span.start == *at))
            .collect();
        let (Some(&(first, _)), Some(&(last_at, last))) = (lines.first(), lines.last()) else {
            continue;
        };
        let words: usize = lines.iter().map(|(_, l)| word_count(l)).sum();
        let long_line = lines.iter().any(|(_, l)| word_count(l) > MAX_HEADER_WORDS);
        if ends_like_sentence(last) || long_line || words > BODY_WORDS {
            body_found = true;
            // Text of one sentence a line may give its headline on the first line, with
            // the body right under it (no blank line between).
            if meta.header.iter().all(|h| h.role == HeaderRole::Date)
                && let Some((at, line)) = line_headline(&lines)
            {
                meta.title = Some(line.to_string());
                meta.header.push(HeaderLine {
                    span: Span::new(at, at + line.len()),
                    role: HeaderRole::Title,
                });
            }
            // A one-sentence standfirst may sit between headline and byline; more is body.
            let span = Span::new(first, last_at + last.len());
            if words > BODY_WORDS || sentences(text, span).len() > 1 {
                break;
            }
        } else {
            // A label of a few words below the headline and the lines under it
            // ("Executive summary" after the authors and the draft's date) heads a section
            // of the body, which has begun: a kicker stands above a headline.
            // Not a dateline or a page's label in capitals ("GALWAY"), nor under a byline
            // alone ("Photo gallery"): a report's section follows its standfirst.
            let under_standfirst = meta.title.is_some()
                && (meta.header.iter()).any(|h| h.role == HeaderRole::Subtitle);
            if let [(_, line)] = lines.as_slice()
                && under_standfirst
                && line.starts_with(char::is_uppercase)
                && line.chars().any(char::is_lowercase)
                && classify(line, true) == HeaderRole::Kicker
            {
                body_found = true;
                break;
            }
            // After a standfirst only a byline or the repeated headline may follow; any
            // other short line is a subheading of the body, which has begun.
            let late = |line: &str| {
                meta.title.as_deref() == Some(line)
                    || classify(line, meta.title.is_some()) == HeaderRole::Byline
            };
            if body_found && !lines.iter().all(|(_, l)| late(l)) {
                break;
            }
            for (at, line) in lines {
                header_line(&mut meta, at, line);
            }
        }
        if seen >= MAX_HEADER_LINES {
            break;
        }
    }
    if !body_found {
        return Metadata::default();
    }
    meta.header.sort_by_key(|h| h.span);
    if meta.title.is_none() {
        short_headline(text, &mut meta);
    }
    mark_repeated_headline(text, &mut meta);
    meta.header.sort_by_key(|h| h.span);
    meta
}

/// Marks a Markdown document's own headings in its header: a heading its writer marked is
/// no kicker. The first of level 1 is the headline when none was found ("# Kelby works");
/// any other is a passage of the body ("## 1 Introduction").
pub fn mark_headings(meta: &mut Metadata, text: &str, headings: &[Heading]) {
    let heading_at = |span: Span| headings.iter().find(|h| h.span.overlaps(&span));
    let mut kept = Vec::with_capacity(meta.header.len());
    for mut h in std::mem::take(&mut meta.header) {
        if h.role == HeaderRole::Kicker
            && let Some(heading) = heading_at(h.span)
        {
            if heading.level == 1 && meta.title.is_none() {
                meta.title = Some(h.span.slice(text).to_string());
                h.role = HeaderRole::Title;
            } else {
                continue;
            }
        }
        kept.push(h);
    }
    meta.header = kept;
}

/// With no headline found, a short label of two or three capitalised words that is the
/// last header line before the body (bylines and dates aside) is the headline ("Colts beat
/// Jaguars"): a kicker stands above a headline, and a headline must not vanish from the
/// comparison. A kicker with another label after it ("Speed Reads" above "venezuela
/// crisis") stays one.
fn short_headline(text: &str, meta: &mut Metadata) {
    let labels: Vec<usize> = (0..meta.header.len())
        .filter(|&k| !matches!(meta.header[k].role, HeaderRole::Byline | HeaderRole::Date))
        .collect();
    let Some(&last) = labels.last() else { return };
    let headline = |k: usize| {
        let line = meta.header[k].span.slice(text);
        meta.header[k].role == HeaderRole::Kicker
            && word_count(line) >= 2
            && line.starts_with(char::is_uppercase)
    };
    // A name under a short label ("Colts beat Jaguars" / "Jane Doe") is the byline, written
    // without "By": the label above it is the headline.
    let last_line = meta.header[last].span.slice(text);
    let words: Vec<&str> = last_line.split_whitespace().collect();
    let (title, byline) = match labels.len().checked_sub(2).map(|k| labels[k]) {
        Some(above) if looks_like_name(&words) && headline(above) => (above, Some(last)),
        _ => (last, None),
    };
    if !headline(title) {
        return;
    }
    meta.header[title].role = HeaderRole::Title;
    meta.title = Some(meta.header[title].span.slice(text).to_string());
    if let Some(k) = byline {
        meta.header[k].role = HeaderRole::Byline;
        meta.byline.get_or_insert(last_line.to_string());
    }
}

/// The headline atop a block of one sentence a line: a first line of three to
/// [`MAX_HEADER_WORDS`] words that starts with a capital and does not end like a sentence,
/// and opens with no date label ("Posted", "Updated"), over at least two lines, most of
/// them starting and ending like a sentence. Prose
/// wrapped at a width ends few of its lines like a sentence and starts most of them in
/// mid-sentence, so its first line is never taken.
fn line_headline<'a>(lines: &[(usize, &'a str)]) -> Option<(usize, &'a str)> {
    let (&(at, first), rest) = lines.split_first()?;
    let opens = |l: &str| {
        l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
    };
    let ended = rest.iter().filter(|(_, l)| ends_like_sentence(l)).count();
    let starts = rest.iter().filter(|(_, l)| opens(l)).count();
    let headline = (3..=MAX_HEADER_WORDS).contains(&word_count(first))
        && first.starts_with(char::is_uppercase)
        && !ends_like_sentence(first)
        // "Posted at 3:21 PM ET, 01/5/2011": a date line the date pattern does not read.
        && !DATE_LABEL.is_match(first);
    (headline && rest.len() >= 2 && 3 * ended >= 2 * rest.len() && 3 * starts >= 2 * rest.len())
        .then_some((at, first))
}

/// Records one short line without final punctuation as the header line it reads as.
fn header_line(meta: &mut Metadata, at: usize, line: &str) {
    if meta.title.as_deref() == Some(line) {
        return; // a repeated headline: marked with the others at the end
    }
    let role = classify(line, meta.title.is_some());
    match role {
        HeaderRole::Title => meta.title = Some(line.to_string()),
        HeaderRole::Byline => {
            let prefix = if BY_PREFIX.is_match(line) {
                &*BY_PREFIX
            } else {
                &*OTHER_BY_PREFIX
            };
            let name = prefix.replace(line, "").into_owned();
            meta.byline.get_or_insert(name);
        }
        _ => {}
    }
    meta.header.push(HeaderLine {
        span: Span::new(at, at + line.len()),
        role,
    });
}

/// What a short header line is: a byline when it opens with "By" or, after the headline,
/// reads like a person's name; a kicker when it is a label of at most three words or starts
/// in lower case; otherwise the headline, or a subtitle once there is one.
fn classify(line: &str, have_title: bool) -> HeaderRole {
    let words: Vec<&str> = line.split_whitespace().collect();
    if BY_PREFIX.is_match(line) && words.len() <= 10 {
        return HeaderRole::Byline;
    }
    if have_title && OTHER_BY_PREFIX.is_match(line) && looks_like_name(&words[1..]) {
        return HeaderRole::Byline;
    }
    if have_title && looks_like_name(&words) {
        return HeaderRole::Byline;
    }
    if word_count(line) <= 3 || line.starts_with(char::is_lowercase) {
        return HeaderRole::Kicker;
    }
    if have_title {
        HeaderRole::Subtitle
    } else {
        HeaderRole::Title
    }
}

/// The words of `line` by Unicode's word boundaries: in scripts written without spaces
/// (Chinese, Japanese) each ideograph counts, so a sentence there is not one "word", too
/// short to be prose.
fn word_count(line: &str) -> usize {
    // Separators count as words between spaces ("Iran - US talks" is four), as they did
    // before text without spaces was counted by its ideographs.
    line.unicode_words()
        .count()
        .max(line.split_whitespace().count())
}

/// Two to four capitalised words with letters only: a person's name. A particle between
/// them may be in lower case ("Jan de Vries", "Ana da Silva").
fn looks_like_name(words: &[&str]) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "van", "der", "den", "da", "di", "del", "dos", "du", "la", "le", "von",
    ];
    let capitalised = |w: &&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
    };
    let inner = words.get(1..words.len().saturating_sub(1)).unwrap_or(&[]);
    (2..=4).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && inner
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
}

/// The date that opens `line`, where its header part ends, and whether prose follows it.
///
/// Prose may follow a labelled date ("date 2026-01-17 The White House…"), a numeric one, or
/// one set off by a dash or bar; a sentence that merely starts with a written-out date
/// ("January 17, 2026 was cold.") is prose, not a header.
fn date_at_start(line: &str) -> Option<(&str, usize, bool)> {
    let m = DATE_LINE.captures(line)?;
    let end = m.get(0).unwrap().end();
    let rest = &line[end..];
    if rest.starts_with(char::is_alphanumeric) {
        return None; // "2026-01-17x" or "1/17/20263": no date
    }
    let date = m.name("date").unwrap().as_str();
    let trimmed = rest.trim_start();
    if trimmed.is_empty() {
        return Some((date, end, false));
    }
    // "On 1/17/2026, the council voted": a sentence, not a date line.
    if m.name("on").is_some() {
        return None;
    }
    let labelled = DATE_LABEL.is_match(line);
    let numeric = date.starts_with(|c: char| c.is_ascii_digit()) && !date.contains(' ');
    let dash = trimmed.starts_with(['-', '–', '—', '|']);
    (labelled || numeric || dash).then_some((date, end, true))
}

/// A later line that repeats the headline word for word is header, not a second passage.
fn mark_repeated_headline(text: &str, meta: &mut Metadata) {
    let Some(title) = meta.title.clone() else {
        return;
    };
    let first = meta
        .header
        .iter()
        .find(|h| h.role == HeaderRole::Title)
        .map(|h| h.span.start);
    for (start, line) in lines_with_offsets(text) {
        let lead = line.len() - line.trim_start().len();
        if Some(start + lead) == first || meta.header.iter().any(|h| h.span.start == start + lead) {
            continue;
        }
        if line.trim() == title {
            meta.header.push(HeaderLine {
                span: Span::new(start + lead, start + lead + title.len()),
                role: HeaderRole::Title,
            });
        }
    }
}

/// Blocks of non-blank lines, each line trimmed and paired with the offset it starts at.
fn blocks(text: &str) -> impl Iterator<Item = Vec<(usize, &str)>> {
    let mut lines = lines_with_offsets(text).peekable();
    std::iter::from_fn(move || {
        while lines
            .peek()
            .is_some_and(|(_, l)| l.trim_matches(is_blank).is_empty())
        {
            lines.next();
        }
        let mut block = Vec::new();
        while let Some((start, line)) = lines.next_if(|(_, l)| !l.trim_matches(is_blank).is_empty())
        {
            let lead = line.len() - line.trim_start_matches(is_blank).len();
            block.push((start + lead, line.trim_matches(is_blank)));
        }
        (!block.is_empty()).then_some(block)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_classified_by_shape() {
        assert_eq!(classify("By Jane Doe", false), HeaderRole::Byline);
        assert_eq!(classify("Raja Awais Ali", true), HeaderRole::Byline);
        assert_eq!(classify("Speed Reads", false), HeaderRole::Kicker);
        assert_eq!(
            classify("venezuela crisis talks ahead", false),
            HeaderRole::Kicker
        );
        assert_eq!(
            classify("US Held Secret Talks With Cabello", false),
            HeaderRole::Title
        );
        assert_eq!(
            classify("Months before the raid on Caracas", true),
            HeaderRole::Subtitle
        );
    }

    #[test]
    fn names_are_two_to_four_capitalised_words() {
        assert!(looks_like_name(&["Raja", "Awais", "Ali"]));
        assert!(looks_like_name(&["Mary-Ann", "O'Neil"]));
        assert!(!looks_like_name(&["Raja"]));
        assert!(!looks_like_name(&["Talks", "in", "Caracas"]));
        assert!(!looks_like_name(&["Covid19", "News"]));
    }

    #[test]
    fn sentence_endings_allow_closing_quotes() {
        assert!(ends_like_sentence("He said “no.”"));
        assert!(ends_like_sentence("Why?"));
        assert!(!ends_like_sentence("Speed Reads"));
        assert!(!ends_like_sentence("Talks (in Caracas)"));
        assert!(ends_like_sentence("死者は42人に達した。"));
        assert!(ends_like_sentence("「地震だ！」"));
    }

    #[test]
    fn text_without_spaces_opens_with_prose_not_a_label() {
        let text =
            "東京で大きな地震があった。死者は42人に達した。\n\nAn earthquake struck Tokyo.\n";
        assert_eq!(detect_header(text), Metadata::default());
        // A headline in such a script is a headline, not a three-word label.
        assert_eq!(
            classify("東京で大きな地震、死者42人", false),
            HeaderRole::Title
        );
        // A dash between spaced words still counts as one, as before.
        assert_eq!(classify("Iran - US talks", false), HeaderRole::Title);
    }

    #[test]
    fn dates_open_lines() {
        assert_eq!(
            date_at_start("1/17/20262 min read"),
            Some(("1/17/2026", 19, false))
        );
        assert_eq!(
            date_at_start("date 2026-01-17 The White House"),
            Some(("2026-01-17", 15, true))
        );
        assert_eq!(
            date_at_start("Jan. 17, 2026 — The talks"),
            Some(("Jan. 17, 2026", 13, true))
        );
        assert_eq!(date_at_start("January 17, 2026 was cold."), None);
        assert_eq!(date_at_start("1/17/20263 people"), None);
        assert_eq!(date_at_start("2026 was a year"), None);
        assert_eq!(date_at_start("Talks on 1/17/2026"), None);
        // A bare "on" opens a date line, not a sentence that opens with a date.
        assert_eq!(
            date_at_start("on July 02 2013 7:41 AM"),
            Some(("July 02 2013", 23, false))
        );
        assert_eq!(date_at_start("On July 2, 2013 the quake struck."), None);
        // A label, then the time before the date.
        assert_eq!(
            date_at_start("Posted at 3:21 PM ET, 01/5/2011"),
            Some(("01/5/2011", 31, false))
        );
        assert_eq!(date_at_start("Posted at 3:21 PM ET, the talks began"), None);
        for (line, date) in [
            ("PUBLISHED: 22:07 GMT, 7 July 2012", "7 July 2012"),
            (
                "Published 12:17 am, Monday, September 16, 2013",
                "September 16, 2013",
            ),
        ] {
            assert_eq!(date_at_start(line), Some((date, line.len(), false)));
        }
        assert_eq!(date_at_start("On 1/17/2026, the council voted 7-2."), None);
        assert_eq!(
            date_at_start("On July 2, 2013 — the day it struck — …"),
            None
        );
    }
}
