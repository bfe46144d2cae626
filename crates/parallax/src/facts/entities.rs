//! Named people, places and organisations: runs of capitalised words, with titles
//! ("Former Defense Secretary") taken off and keys folded so "Chávez" = "Chavez".
//!
//! A capitalised word that opens a sentence is a name only when the document also writes
//! it capitalised inside a sentence: "Sources indicate" is not a name, "Halden has" is.

use foldhash::{HashSet, HashSetExt};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::words::fold;
use super::words::{Word, is_capitalised, opens_sentence};
use super::{Fact, FactKind};
use crate::lexicon::{
    CURRENCIES, MONTHS, RANKS, TIME_ZONES, TITLES, WEEKDAYS, is_speech_verb, lookup,
};
use crate::span::Span;
use crate::text::Language;

/// Small words that may join the parts of one name ("Council on Foreign Relations").
const CONNECTORS: &[&str] = &[
    "of", "on", "for", "de", "del", "la", "los", "las", "le", "du", "da", "von", "van", "der",
    "al", "bin",
];

/// The longest name, in words; longer capitalised runs are headline case, not names.
const MAX_NAME_WORDS: usize = 6;

/// Leading titles, matched on folded text, longest first.
static TITLE_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(TITLES.iter().chain(RANKS))
        .unwrap()
});

/// Takes leading titles off a folded name: "former defense secretary james mattis" →
/// "james mattis". Returns the byte offset in `folded` where the name proper starts.
pub fn strip_titles(folded: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &folded[at..];
        let Some(m) = TITLE_MATCHER.find(rest) else {
            return at;
        };
        let after = &rest[m.end()..];
        if m.start() != 0 || !(after.is_empty() || after.starts_with(' ')) {
            return at;
        }
        let next = at + m.end() + (after.len() - after.trim_start().len());
        if next >= folded.len() {
            return at; // nothing but titles: keep them ("the U.S.")
        }
        at = next;
    }
}

/// The key two spellings of one name share: folded, titles and possessive off.
pub fn key(name: &str) -> String {
    // "Größer" and "Grösser" are one name, in German and in Swiss spelling.
    let folded = fold(name.trim()).replace('ß', "ss");
    let folded = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(&folded);
    let folded = folded
        .strip_prefix("the ")
        .unwrap_or(folded)
        .replace(['\n', '\t'], " ");
    folded[strip_titles(&folded)..].to_string()
}

fn possessive_end(text: &str, w: &Word) -> usize {
    let t = w.text(text);
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            return w.span.start + rest.len();
        }
    }
    w.span.end
}

fn is_name_word(text: &str, w: &Word) -> bool {
    let t = w.text(text);
    is_capitalised(t) && t.chars().any(char::is_alphabetic)
}

fn excluded(folded: &str, lang: Language) -> bool {
    // A currency code ("GBP 6 million") is part of a sum, not a name.
    (folded.len() == 3 && folded != "yen" && lookup(CURRENCIES, folded).is_some())
        || lookup(MONTHS, folded.trim_end_matches('.')).is_some()
        || lookup(WEEKDAYS, folded).is_some()
        || lang.is_stop(folded)
        || folded == "i"
        // Scales of temperature, capitalised as names are.
        || matches!(folded, "celsius" | "fahrenheit" | "kelvin")
}

/// True when word `w` is a lawmaker's party and state in brackets after the name:
/// "(D-Mass.)", "(R-Texas)", "(I-Vt.)" ("a D-list actor" is a word).
pub(super) fn party_and_state(text: &str, w: &Word) -> bool {
    let t = w.text(text);
    let opened = text[..w.span.start].ends_with('(');
    let closed = text[w.span.end..].trim_start_matches('.').starts_with(')');
    let mut chars = t.chars();
    opened
        && closed
        && matches!(chars.next(), Some('D' | 'R' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphabetic())
}

/// The named entities of `text`, outside the `skip` spans (headlines).
pub fn extract(text: &str, ws: &[Word], skip: &[Span], lang: Language, out: &mut Vec<Fact>) {
    // "US-led", "British-based": the name is the part before the hyphen, and it ends there.
    let (ws, cut): (Vec<Word>, Vec<bool>) = (ws.iter())
        .map(|w| match led_by(w.text(text)) {
            Some(head) => {
                let span = Span::new(w.span.start, w.span.start + head.len());
                (Word { span }, true)
            }
            None => (*w, false),
        })
        .unzip();
    let ws = ws.as_slice();
    // Words written capitalised inside a sentence: evidence that they are names.
    let mut inner: HashSet<String> = HashSet::new();
    // Words also written in lower case: common words, whatever case they open a sentence in.
    let mut lower: HashSet<&str> = HashSet::new();
    for w in ws {
        let t = w.text(text);
        if t.starts_with(char::is_lowercase) {
            lower.insert(t);
        } else if is_name_word(text, w) && !opens_sentence(text, w.span) {
            inner.insert(fold(&text[w.span.start..possessive_end(text, w)]));
        }
    }
    let evidence = Evidence { inner, lower };
    let mut i = 0;
    while i < ws.len() {
        // "41°C": a unit's letter glued to its number is no name.
        let unit = text[..ws[i].span.start].ends_with(|c: char| c == '°' || c.is_ascii_digit());
        // The clock test folds two words: only for a word that could start a name.
        if unit
            || !is_name_word(text, &ws[i])
            || party_and_state(text, &ws[i])
            || after_clock(text, ws, i)
            || skip.iter().any(|s| s.contains(&ws[i].span))
        {
            i += 1;
            continue;
        }
        let mut j = i + 1; // one past the last name word
        let mut k = j;
        while k < ws.len()
            && !cut[k - 1]
            && (same_line_space(text, ws[k - 1].span.end, ws[k].span.start)
                || after_title_point(text, &ws[k - 1], &ws[k]))
        {
            if text[ws[k - 1].span.start..ws[k - 1].span.end].ends_with(['\'', '’'])
                || text[ws[k - 1].span.start..ws[k - 1].span.end].ends_with("'s")
                || text[ws[k - 1].span.start..ws[k - 1].span.end].ends_with("’s")
            {
                break; // "Trump's comments": the possessive ends the name
            }
            let t = ws[k].text(text);
            if is_name_word(text, &ws[k]) {
                k += 1;
                j = k;
            } else if CONNECTORS.contains(&t) {
                k += 1;
            } else {
                break;
            }
        }
        name(text, &ws[i..j], &evidence, lang, out);
        i = j;
    }
}

/// True when word `i` tells the half of the day or the zone of the clock time before it
/// ("01:03 PM", "3:21 PM ET", "10 A.M. GMT"): capitalised, but no name.
fn after_clock(text: &str, ws: &[Word], i: usize) -> bool {
    let plain = |w: &Word| fold(w.text(text)).replace('.', "");
    let Some(prev) = i.checked_sub(1).map(|k| &ws[k]) else {
        return false;
    };
    let (word, before) = (plain(&ws[i]), plain(prev));
    let half = |w: &str| matches!(w, "am" | "pm");
    let clock = before.ends_with(|c: char| c.is_ascii_digit());
    // "10PM GMT", "3pm ET", "noon ET": a time the zone follows.
    let timed = clock
        || half(&before)
        || matches!(before.as_str(), "noon" | "midnight")
        || before
            .strip_suffix("am")
            .or_else(|| before.strip_suffix("pm"))
            .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()));
    (clock && half(&word)) || (timed && lookup(TIME_ZONES, &word).is_some())
}

/// Participles that make a name the qualifier of what follows: "a US-led consortium", "a
/// British-based firm", "Saudi-backed LIV".
const QUALIFYING: &[&str] = &[
    "led",
    "based",
    "backed",
    "owned",
    "born",
    "funded",
    "run",
    "made",
    "controlled",
    "linked",
    "allied",
    "sponsored",
    "supported",
    "registered",
    "listed",
    "headquartered",
    "ruled",
    "held",
    "occupied",
    "administered",
    "governed",
    "affiliated",
    "aligned",
    "inspired",
    "brokered",
    "operated",
    "dominated",
    "style",
    "era",
    "wide",
];

/// The name in a word like "US-led" or "British-based" (its capitalised head before a
/// hyphen and a participle of [`QUALIFYING`]), if it is one.
fn led_by(word: &str) -> Option<&str> {
    let (head, tail) = word.split_once(['-', '‑'])?;
    (head.starts_with(char::is_uppercase) && QUALIFYING.contains(&tail)).then_some(head)
}

fn german_name(written: &str, folded: &str) -> bool {
    let acronym = written.len() >= 2
        && !written.contains(' ')
        && written.chars().all(|c| c.is_uppercase() || c == '-');
    acronym || (strip_titles(folded) > 0 && written.split(' ').count() >= 2)
}

/// What the document tells about its capitalised words.
struct Evidence<'a> {
    /// Words written capitalised inside a sentence (folded).
    inner: HashSet<String>,
    /// Words written in lower case somewhere.
    lower: HashSet<&'a str>,
}

/// True when `prev` is a title written short with its point ("Rep.", "Sen.", "Gov.") and
/// `next` follows it on the line: "Rep. Edward Markey" is one name, as "Representative
/// Edward Markey" is.
fn after_title_point(text: &str, prev: &Word, next: &Word) -> bool {
    let gap = &text[prev.span.end..next.span.start];
    let word = fold(prev.text(text));
    gap.starts_with('.')
        && same_line_space(text, prev.span.end + 1, next.span.start)
        && (TITLES.contains(&format!("{word}.").as_str())
            || PLACE_ABBREVIATIONS.contains(&word.as_str()))
}

/// Abbreviations that open a place's name ("St. Aldric Hospital", "Mt. Cook", "Ft.
/// Worth"): the name goes on past their point.
const PLACE_ABBREVIATIONS: &[&str] = &["st", "mt", "ft"];

/// Where the name proper starts in a folded run of words: after its titles ("rep. edward
/// markey"), or after the words that say what the office is of and their titles
/// ("committee chairman rep. edward markey", "oklahoma governor mary fallin"); 0 when no
/// title stands before a name.
pub fn name_start(folded: &str) -> usize {
    let at = strip_titles(folded);
    if at > 0 {
        return at;
    }
    // Past the first word, a title must leave a name of two words or more: "Massachusetts
    // General Hospital", "Texas Republican Party", "Martin Luther King Jr." and "Angel Di
    // Maria" are names whole.
    (folded.match_indices(' '))
        .map(|(i, _)| i + 1)
        .find_map(|from| {
            let at = strip_titles(&folded[from..]);
            let rest = folded[from + at..].split_whitespace().count();
            (at > 0 && rest >= 2).then_some(from + at)
        })
        .unwrap_or(0)
}

fn same_line_space(text: &str, a: usize, b: usize) -> bool {
    let gap = &text[a..b];
    !gap.is_empty() && gap.chars().all(|c| c == ' ')
}

/// Turns one capitalised run into an entity, or nothing.
fn name(text: &str, run: &[Word], ev: &Evidence, lang: Language, out: &mut Vec<Fact>) {
    let mut run = run;
    // A sentence opener that is a function word is not part of the name ("The White House").
    while let Some(first) = run.first() {
        let f = fold(first.text(text));
        if lang.is_stop(&f) || excluded(&f, lang) {
            run = &run[1..];
        } else {
            break;
        }
    }
    while let Some(last) = run.last() {
        let f = fold(last.text(text));
        if excluded(&f, lang) && run.len() > 1 {
            run = &run[..run.len() - 1];
        } else {
            break;
        }
    }
    // "Despite Halden": a sentence opener the text also writes in lower case is no name part.
    if run.len() > 1
        && opens_sentence(text, run[0].span)
        && ev.lower.contains(fold(run[0].text(text)).as_str())
    {
        run = &run[1..];
    }
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    if run.len() > MAX_NAME_WORDS {
        return;
    }
    let start = first.span.start;
    let end = possessive_end(text, last);
    let written = &text[start..end];
    let folded = fold(written);
    // German capitalises every noun: only acronyms ("WHO") and names after a title
    // ("Präsident Frank Walter") say "name".
    if lang == Language::German && !german_name(written, &folded) {
        return;
    }
    if run.len() == 1 {
        if excluded(&folded, lang) || is_speech_verb(folded.as_str()) || lang == Language::German {
            return; // German capitalises every noun: one word alone says nothing
        }
        if opens_sentence(text, first.span)
            && (!ev.inner.contains(&folded) || ev.lower.contains(folded.as_str()))
        {
            return;
        }
    }
    let at = name_start(&folded);
    let key = folded[at..].to_string();
    // One letter with a point after it ("200 W. American Blvd.") is an initial, no name;
    // without one ("posted on X") it may be.
    if key.trim_end_matches('.').chars().count() < 2 && initial(&key, text, end) {
        return;
    }
    if (TITLES.contains(&key.as_str()) || RANKS.contains(&key.as_str()))
        && key != "u.s."
        && key != "us"
    {
        return; // "President" alone names nobody
    }
    // Keep the span on the name proper: count the words the titles took.
    let dropped = folded[..at].split_whitespace().count();
    let first = &run[dropped.min(run.len() - 1)];
    out.push(Fact {
        kind: FactKind::Entity,
        span: Span::new(first.span.start, end),
        // "U.S." and "US" are one name: the dots of an abbreviation are spelling; so is "ß"
        // against "ss" ("Größer", "Grösser").
        value: key.replace('.', "").replace('ß', "ss"),
        speaker: None,
    });
}

/// True when the letter `key` (ending at `end` in `text`) is an initial: a point follows it
/// and more of its line after that (a point that ends the line ends the sentence).
fn initial(key: &str, text: &str, end: usize) -> bool {
    let after = &text[end..];
    let (point, rest) = match after.strip_prefix('.') {
        Some(rest) => (true, rest),
        None => (key.ends_with('.'), after),
    };
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    point && !line.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn run(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        extract(s, &words(s), &[], Language::English, &mut out);
        out.iter().map(|f| f.span.slice(s).to_string()).collect()
    }

    #[test]
    fn a_place_goes_on_past_its_abbreviation() {
        let found = run("Nine people were taken to St. Aldric Hospital near Mt. Cook on Sunday.");
        assert_eq!(found, ["St. Aldric Hospital", "Mt. Cook"], "{found:?}");
    }

    #[test]
    fn units_are_no_names() {
        let found = run("In Seville it reached 41°C, or 106 degrees Fahrenheit, on Monday.");
        assert_eq!(found, ["Seville"], "{found:?}");
        assert_eq!(
            run("The reading was 12 degrees Celsius at Halden."),
            ["Halden"]
        );
    }

    #[test]
    fn the_half_of_the_day_and_the_zone_of_a_clock_are_no_names() {
        assert_eq!(
            run("Updated 09/14/2013 01:03 PM in Queens; posted at 3:21 PM ET, 10 A.M. GMT."),
            ["Queens"]
        );
        assert!(run("They left at 10PM GMT, set for 3pm ET and noon ET.").is_empty());
        // A zone or a capital after anything but a time may be a name.
        assert_eq!(
            run("He spoke to PM Modi and the ET team."),
            ["PM Modi", "ET"]
        );
    }

    #[test]
    fn posts_in_a_club_or_firm_are_titles() {
        assert_eq!(
            run("In a statement, General Manager Tom Telesco and Teammate Luis Castillo spoke."),
            ["Tom Telesco", "Luis Castillo"]
        );
        assert_eq!(
            run("The team of Head Coach Sean Payton won."),
            ["Sean Payton"]
        );
        // A post alone may be a name: a firm, a company, a film.
        assert_eq!(
            run("The handbag maker Coach grew, Coach USA ran buses and Coach Carter was shown."),
            ["Coach", "Coach USA", "Coach Carter"]
        );
    }

    #[test]
    fn a_name_that_qualifies_ends_at_its_hyphen() {
        assert_eq!(
            run("A consortium, US-led and British-based, backed Saudi-backed LIV Golf."),
            ["US", "British", "Saudi", "LIV Golf"]
        );
        assert_eq!(
            run("Shells hit Hamas-ruled Gaza and the Israeli-occupied West Bank."),
            ["Hamas", "Gaza", "Israeli", "West Bank"]
        );
        // A name whose parts are both names keeps them.
        assert_eq!(
            run("He met Mauricio Claver-Carone."),
            ["Mauricio Claver-Carone"]
        );
    }

    #[test]
    fn names_without_titles() {
        let s = "Former Defense Secretary James Mattis met Secretary of State Marco Rubio \
                 at the Council on Foreign Relations in Haiti.";
        assert_eq!(
            run(s),
            [
                "James Mattis",
                "Marco Rubio",
                "Council on Foreign Relations",
                "Haiti"
            ]
        );
    }

    #[test]
    fn a_letter_alone_is_no_name() {
        let s = "The shop at 200 W. Lake Street backed Plan B, said Anna Berg.";
        let names = run(s);
        assert!(
            names
                .iter()
                .all(|n| n.chars().filter(|c| c.is_alphabetic()).count() > 1),
            "{names:?}"
        );
        assert!(names.contains(&"Anna Berg".to_string()), "{names:?}");
        // A letter that stands alone is a name: "X" (the platform), also ending a line.
        for s in [
            "She wrote on X on Monday.",
            "She wrote it on X.\nHe did not.",
        ] {
            assert!(run(s).contains(&"X".to_string()), "{s}: {:?}", run(s));
        }
    }

    #[test]
    fn sentence_openers_need_evidence() {
        let s = "Sources indicate talks. Halden has power. They met Halden.";
        assert_eq!(run(s), ["Halden", "Halden"]);
    }

    #[test]
    fn abbreviations_with_and_without_dots_are_one_name() {
        let values = |s: &str| {
            let mut out = Vec::new();
            extract(s, &words(s), &[], Language::English, &mut out);
            out.into_iter().map(|f| f.value).collect::<Vec<_>>()
        };
        assert_eq!(
            values("They met U.S. envoys in Tarvenna."),
            values("They met US envoys in Tarvenna.")
        );
    }

    #[test]
    fn keys_fold_accents() {
        assert_eq!(key("Hugo Chávez"), key("the late Hugo Chavez"));
        assert_eq!(key("Lund's"), "lund");
        assert_eq!(key("Dr. Sabine Größer"), key("Sabine Grösser"));
    }
}
