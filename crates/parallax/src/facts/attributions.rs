//! Who a claim is attributed to: "according to Reuters", "-Reuters", "Says the AP",
//! "told Ledgerwood", "two sources familiar with the discussions said", "citing a senior U.S.
//! administration official". The value is the source's key: news agencies by their
//! gazetteer name (so "AP" = "the Associated Press", and a misspelling close to one is it too),
//! anyone else by their folded words.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::is_combining_mark;

use super::entities::key;
use super::words::fold;
use super::words::{Word, first_at, is_capitalised, sentence_start};
use super::{Fact, FactKind};
use crate::lexicon::{AGENCIES, BODY_ALIASES, IRREGULAR_PLURALS, is_speech_verb, lookup};
use crate::span::Span;

/// "according to X", "citing X", German "laut X": the source runs to the clause's end.
static ACCORDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:according\s+to|citing|laut)\s+").unwrap());

/// "-Reuters" closing a paragraph: the dash, after a line's start or a space; the name that
/// must fill the rest of the line is read by [`dash_name`].
static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)(?:^|\s)[-–—]\s?").unwrap());

/// "Says the AP.", "States the Associated Press." opening a sentence, ", says the AP" after a
/// clause: the verb; the name after it is read by [`name_after`].
static SAYS_THE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)(?:^|[.!?]\s+|,\s+)",
        r"(?i:says|states|reports|writes|said|stated|reported|wrote)\s+",
    ))
    .unwrap()
});

/// "told Ledgerwood", "tell CBS": the verb; the outlet that heard it is read by
/// [`name_after`].
static TOLD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:told|tell|tells|telling)\s+").unwrap());

/// This module's patterns, for compiling them ahead of use ([`super::prepare`]).
pub(super) static PATTERNS: [&LazyLock<Regex>; 4] = [&ACCORDING, &DASH, &SAYS_THE, &TOLD];

/// Words that may stand between a subject and its speech verb ("has since said").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "since",
    "later",
    "earlier",
    "previously",
    "publicly",
    "reportedly",
    "repeatedly",
    "then",
    "still",
    "already",
    "once",
    "recently",
    "hat",
    "haben",
];

/// Words that end a subject when walking back from the verb.
const SUBJECT_STOPS: &[&str] = &[
    "that", "and", "but", "while", "as", "because", "though", "although", "if", "when", "than",
    "so", "or", "what", "dass", "und", "aber", "wie",
];

/// Adjectives paired with "and" inside a subject ("current and former officials").
const PAIRED_ADJECTIVES: &[&str] = &[
    "current", "former", "retired", "serving", "senior", "junior", "active", "past", "present",
    "local", "foreign", "federal", "military", "civilian",
];

/// Words that open a subject that names a source without capitals ("two sources", "the
/// official", "several people").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "several", "multiple", "some", "many", "his", "her", "their", "its", "our", "other",
    "both", "senior", "top", "der", "die", "das", "ein", "eine",
];

/// Words that show the walk back has left the subject for a clause.
const VERBISH: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "did", "does",
    "do", "can", "could", "should", "may", "might", "don't", "didn't", "doesn't", "won't", "not",
    "never",
];

/// Pronoun subjects name nobody.
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "er", "sie", "es", "wir",
];

/// The key of a cited source.
pub fn source_key(name: &str) -> String {
    let k = key(name);
    let k = k.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    for (alias, canon) in AGENCIES {
        if k.strip_prefix(alias)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        {
            return canon.to_string();
        }
    }
    if let Some(canon) = lookup(BODY_ALIASES, &k) {
        return canon.to_string();
    }
    // A misspelt agency name ("Accosiated Press") is still that agency.
    for (alias, canon) in AGENCIES {
        let near = k.len().abs_diff(alias.len()) <= alias.len() / 5;
        if alias.len() >= 10 && near && edit_distance(&k, alias) <= alias.len() / 5 {
            return canon.to_string();
        }
    }
    k
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Keys already worked out in this document: one source is cited many times.
type KeyCache = foldhash::HashMap<String, String>;

fn push(out: &mut Vec<Fact>, cache: &mut KeyCache, span: Span, who: &str) {
    let who = who.trim().trim_end_matches([',', '.']);
    if who.is_empty() {
        return;
    }
    let who = who
        .strip_prefix("the ")
        .or_else(|| who.strip_prefix("The "))
        .unwrap_or(who);
    let speaker = super::quotes::clean(who);
    out.push(Fact {
        kind: FactKind::Attribution,
        span,
        value: cache
            .entry(who.to_string())
            .or_insert_with(|| source_key(who))
            .clone(),
        speaker: Some(speaker),
    });
}

/// The attributions found by `re`, whose match ends where a name must follow and whose last
/// word (the verb, or the dash) opens the attribution, and by `name`, which reads that name
/// from there: each attribution's span and its name's. The names are read in code rather
/// than by the patterns because a Unicode letter class costs a millisecond or more to
/// compile, once per word a pattern allows; this module's patterns had been half the cost
/// of a short comparison.
fn named(text: &str, re: &Regex, name: impl Fn(usize) -> Option<Span>) -> Vec<(Span, Span)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(m) = re.find_at(text, at) {
        match name(m.end()) {
            Some(who) => {
                let opener = m.as_str().trim_end();
                let last = opener
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace())
                    .map_or(0, |(k, c)| k + c.len_utf8());
                found.push((Span::new(m.start() + last, who.end), who));
                at = who.end;
            }
            // No name here: another match may start inside this one.
            None => {
                let next = text[m.start()..].chars().next();
                at = m.start() + next.map_or(1, char::len_utf8);
            }
        }
    }
    found
}

/// Where the capitalised word at `at` ends: a capital letter, then letters (with `marks`,
/// also apostrophes and hyphens) and initials (".J"); `None` if no capital opens it.
/// Capitals and letters are as `char::is_uppercase` and `char::is_alphabetic` tell, as
/// everywhere in the facts.
fn word_end(text: &str, at: usize, marks: bool) -> Option<usize> {
    let first = text[at..].chars().next().filter(|c| c.is_uppercase())?;
    let mut end = at + first.len_utf8();
    loop {
        let mut next = text[end..].chars();
        match next.next() {
            Some(c)
                if c.is_alphabetic()
                    || is_combining_mark(c)
                    || (marks && matches!(c, '\'' | '’' | '-')) =>
            {
                end += c.len_utf8();
            }
            Some('.') => match next.next() {
                Some(c) if c.is_uppercase() => end += 1 + c.len_utf8(),
                // "said Sgt. Paul Olson": a title's point ends the title, not the name,
                // which goes on after it (and the title comes off its key).
                Some(c) if c.is_whitespace() && is_title(&text[at..end]) => {
                    return Some(end + 1);
                }
                _ => return Some(end),
            },
            _ => return Some(end),
        }
    }
}

/// True when `word` with a point is a title or rank written before a name ("Sgt", "Dr").
fn is_title(word: &str) -> bool {
    let dotted = format!("{}.", fold(word));
    (crate::lexicon::TITLES.iter().chain(crate::lexicon::RANKS)).any(|t| *t == dotted)
}

/// The ends of the run of capitalised words (see [`word_end`]) that starts at `at`, one per
/// word, at most `1 + more` words; the words are parted by whitespace, with `one_space` by
/// exactly one whitespace character.
fn word_ends(text: &str, at: usize, more: usize, marks: bool, one_space: bool) -> Vec<usize> {
    let mut ends = Vec::new();
    let Some(mut end) = word_end(text, at, marks) else {
        return ends;
    };
    ends.push(end);
    while ends.len() <= more {
        let rest = &text[end..];
        let gap = if one_space {
            rest.chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8)
        } else {
            rest.len() - rest.trim_start().len()
        };
        match word_end(text, end + gap, marks) {
            Some(e) if gap > 0 => {
                end = e;
                ends.push(e);
            }
            _ => break,
        }
    }
    ends
}

/// The name after a speech verb and its space, at `from`: at most `1 + more` capitalised
/// words, which "the" may open ("said the AP" names "AP").
fn name_after(text: &str, from: usize, more: usize) -> Option<Span> {
    let rest = &text[from..];
    let start = match rest.strip_prefix("the") {
        Some(r) if r.starts_with(char::is_whitespace) => text.len() - r.trim_start().len(),
        _ => from,
    };
    let end = *word_ends(text, start, more, true, false).last()?;
    Some(Span::new(start, end))
}

/// The name after a closing dash, at `from`: one to three capitalised words, each parted from
/// the next by one whitespace character (a line break too), that fill the rest of a line
/// (spaces and tabs may follow): the longest such name.
fn dash_name(text: &str, from: usize) -> Option<Span> {
    let fills_line = |end: usize| {
        let rest = text[end..].trim_start_matches([' ', '\t']);
        rest.is_empty() || rest.starts_with('\n')
    };
    let ends = word_ends(text, from, 2, false, true);
    let end = ends.into_iter().rev().find(|&e| fills_line(e))?;
    Some(Span::new(from, end))
}

/// The end of the noun phrase that starts at `from`: the next comma, bracket, quote, clause
/// word or sentence end, at most `max` words on.
fn phrase_end(text: &str, ws: &[Word], from: usize, max: usize) -> usize {
    let stop_at = super::words::sentence_end(text, from);
    let mut end = from;
    for w in ws[first_at(ws, from)..].iter().take(max) {
        if w.span.start >= stop_at {
            break;
        }
        let gap = &text[end..w.span.start];
        if end > from && gap.contains([',', ';', ':', '(', ')', '"', '“', '”', '\n']) {
            break;
        }
        let t = w.text(text);
        if end > from && matches!(t, "who" | "which" | "that" | "whose" | "der" | "die") {
            break;
        }
        end = w.span.end;
    }
    end
}

/// The subject before a speech verb at word `v`: the noun phrase between the clause's start
/// and the verb, if it is short and names someone.
pub fn subject_before(text: &str, ws: &[Word], v: usize) -> Option<Span> {
    let floor = sentence_start(text, ws[v].span.start);
    let mut k = v;
    while k > 0 && BETWEEN.contains(&fold(ws[k - 1].text(text)).as_str()) {
        k -= 1;
    }
    // "Rep. Edward Markey (D-Mass.) said": the party and state in brackets are skipped.
    let mut bracketed = false;
    if k > 0
        && text[ws[k - 1].span.end..ws[k].span.start]
            .trim_end()
            .ends_with(')')
        && let Some(open) = text[floor..ws[k].span.start].rfind('(')
    {
        let inside = first_at(ws, floor + open);
        if inside > 0
            && inside + 1 == k
            && ws[inside - 1].span.start >= floor
            && super::entities::party_and_state(text, &ws[inside])
        {
            k = inside;
            bracketed = true;
        }
    }
    let end = k;
    let mut start = end;
    while start > 0 && ws[start - 1].span.start >= floor && end - start < 9 {
        let gap = &text[ws[start - 1].span.end..ws[start].span.start];
        let opens_the_brackets = bracketed && start == end;
        if !opens_the_brackets && gap.contains([',', ';', ':', '(', ')', '"', '“', '”', '—', '\n'])
        {
            break;
        }
        let t = fold(ws[start - 1].text(text));
        // "five current and former officials": "and" inside the phrase.
        // "the Centers for Disease Control and Prevention", "the Department of Health and
        // Human Services": "and" inside the name of a body, after its "of" or "for" ("SeaMicro
        // and Intel" are two).
        let body_name = || {
            is_capitalised(ws[start].text(text))
                && (2..=4).any(|back| {
                    start > back
                        && matches!(ws[start - back - 1].text(text), "of" | "for")
                        && (start - back..start - 1).all(|k| is_capitalised(ws[k].text(text)))
                })
        };
        let inner_and = t == "and"
            && start >= 2
            && (PAIRED_ADJECTIVES.contains(&fold(ws[start - 2].text(text)).as_str())
                || body_name());
        if SUBJECT_STOPS.contains(&t.as_str()) && !inner_and {
            break;
        }
        if VERBISH.contains(&t.as_str()) || is_speech_verb(t.as_str()) {
            return None;
        }
        start -= 1;
    }
    if start == end || end - start > 8 {
        return None;
    }
    let first = fold(ws[start].text(text));
    let alone = end - start == 1;
    if PRONOUNS.contains(&first.as_str()) || (alone && ws[start].text(text) == "It") {
        return None;
    }
    // "…, Ch. 4 reported": a number alone names no one (the point cut "Ch." off as a
    // sentence's end); "12 officials said" still counts its sources.
    if alone && first.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // "literally just said", "media reports of": no one named or counted.
    let last = fold(ws[end - 1].text(text));
    let names_someone = (start..end).any(|k| is_capitalised(ws[k].text(text)))
        || DETERMINERS.contains(&first.as_str())
        || first.chars().all(|c| c.is_ascii_digit())
        || (last.len() > 3 && last.ends_with('s') && !last.ends_with("ss"))
        // "police said", "the crew said": a plural without its "s".
        || IRREGULAR_PLURALS.contains(&last.as_str());
    if !names_someone || (last == "media" || last.ends_with("ly")) {
        return None;
    }
    Some(Span::new(ws[start].span.start, ws[end - 1].span.end))
}

/// The attributions in `text`.
pub fn extract(text: &str, ws: &[Word], out: &mut Vec<Fact>) {
    let cache = &mut KeyCache::default();
    for m in ACCORDING.find_iter(text) {
        let end = phrase_end(text, ws, m.end(), 12);
        if end > m.end() {
            push(out, cache, Span::new(m.start(), end), &text[m.end()..end]);
        }
    }
    let dashes = named(text, &DASH, |from| dash_name(text, from));
    let says = named(text, &SAYS_THE, |from| name_after(text, from, 4));
    let told = named(text, &TOLD, |from| name_after(text, from, 3));
    for (all, who) in dashes.into_iter().chain(says).chain(told) {
        let who = who.slice(text);
        if crate::lexicon::lookup(crate::lexicon::MONTHS, &fold(who)).is_some() {
            continue;
        }
        push(out, cache, all, who);
    }
    for (v, w) in ws.iter().enumerate() {
        let t = w.text(text);
        if !is_speech_verb(t) || matches!(t, "tell" | "tells" | "told") && v == 0 {
            continue;
        }
        // "reports of residents", "claims of abuse": the noun, not the verb.
        if ws.get(v + 1).is_some_and(|n| n.text(text) == "of") {
            continue;
        }
        let Some(subj) = subject_before(text, ws, v) else {
            continue;
        };
        let who = subj.slice(text);
        push(out, cache, Span::new(subj.start, w.span.end), who);
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn run(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        extract(s, &words(s), &mut out);
        out.sort_by_key(|f| f.span);
        out.into_iter()
            .map(|f| (f.span.slice(s).to_string(), f.value))
            .collect()
    }

    #[test]
    fn patterns() {
        let f = run("It grew, according to Reuters, citing officials. -Reuters");
        assert_eq!(f[0], ("according to Reuters".into(), "reuters".into()));
        assert_eq!(f[1], ("citing officials".into(), "officials".into()));
        assert_eq!(f[2], ("-Reuters".into(), "reuters".into()));
        let f = run("Says the AP. States the Accosiated Press.");
        assert!(f.iter().all(|x| x.1 == "associated press"), "{f:?}");
        let f = run("The plan stalled, two sources familiar with the discussions said.");
        assert_eq!(f[0].0, "two sources familiar with the discussions said");
        let f = run("An aide to Halden has since said that he would stay. He told Ledgerwood.");
        assert_eq!(f[0].0, "An aide to Halden has since said");
        assert_eq!(f[1], ("told Ledgerwood".into(), "ledgerwood".into()));
        // A title's point ends no name: the source is the man, keyed without his rank.
        let f = run("He was taken into custody, said Sgt. Paul Olson of the state patrol.");
        assert_eq!(f[0], ("said Sgt. Paul Olson".into(), "paul olson".into()));
        // A point that ends a sentence still ends the name.
        let f = run("The road reopened, said Olson. Traffic resumed.");
        assert_eq!(f[0], ("said Olson".into(), "olson".into()));
    }

    #[test]
    fn names_after_a_dash_or_verb_end_where_the_words_do() {
        // The name must fill the rest of a line: "Reuters Next Line" does not, so only
        // "Reuters" is the name.
        let f = run("The talks ended. - Reuters\nNext Line follows");
        assert_eq!(f[0], ("- Reuters".into(), "reuters".into()));
        // A dash that opens no name does not hide one right after it.
        assert_eq!(run("Done - -AP")[0].0, "-AP");
        assert!(
            run("Done - Reuters reported")
                .iter()
                .all(|x| x.0 != "- Reuters")
        );
        // Apostrophes and hyphens belong to the name, at most five words of it; "the" may
        // open it, and a lowercase word ends it.
        let f = run("It is over, said the UN Security Council today.");
        assert_eq!(
            f[0],
            (
                "said the UN Security Council".into(),
                "un security council".into()
            )
        );
        let f = run("He told Jean-Luc O'Neil Smith Brown Green White Black on Monday.");
        assert_eq!(f[0].0, "told Jean-Luc O'Neil Smith Brown", "{f:?}");
        let f = run("Then Ann told the theatre nothing.");
        assert!(f.iter().all(|x| !x.1.contains("theatre")), "{f:?}");
    }

    #[test]
    fn pronouns_are_no_source() {
        assert!(run("He said it was late. They said no.").is_empty());
    }

    #[test]
    fn a_number_alone_is_no_source() {
        let f = run("The storm hit on Monday, Ch. 4 reported.");
        assert!(f.iter().all(|x| x.1 != "4"), "{f:?}");
        let f = run("The storm hit on Monday, Channel 4 reported. 12 officials said so.");
        assert_eq!(f[0], ("Channel 4 reported".into(), "channel 4".into()));
        assert_eq!(f[1].0, "12 officials said");
    }
}
