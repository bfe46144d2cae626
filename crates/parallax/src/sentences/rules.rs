//! When two sentence pieces that UAX #29 separated belong together. The abbreviation lists
//! are data; the code only reads them.

use crate::lines::line_start;
use crate::span::Span;
use crate::text::{Language, ends_like_sentence};

/// Abbreviations that never end a sentence in running text: titles before a name and
/// German abbreviations. Entries with a space ("z. B.") are matched against the end of the
/// piece, the others against its last word.
const NEVER_FINAL: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rep.", "Sen.", "Gov.", "Gen.", "Col.", "Lt.", "Sgt.",
    "Capt.", "Adm.", "Rev.", "Hon.", "Pres.", "Sec.", "Atty.", "Supt.", "St.", "Mt.", "Ft.", "vs.",
    "Maj.", "Brig.", "Cmdr.", "Cdr.", "Comr.", "Cpl.", "Pvt.", "Insp.", "Det.", "Snr.", "Msgr.",
    "v.", "cf.", "e.g.", "i.e.", "approx.", "z.", "z. B.", "z.B.", "bzw.", "ca.", "d. h.", "u. a.",
    "s. o.", "s. u.", "o. ä.", "u. U.", "v. a.", "z. T.", "d.h.", "u.a.", "vgl.", "evtl.", "ggf.",
    "Hr.", "Fr.", "Dipl.", "Ing.", "Jh.", "geb.", "gest.", "inkl.", "exkl.", "Tel.", "bspw.",
    "sog.", "zzgl.", "Str.", "Mio.", "Mrd.",
];

/// Second parts of a rank, after a title of [`NEVER_FINAL`]: "Col. Inf.", "Maj. Ret.".
const RANK_PARTS: &[&str] = &["Inf.", "Cav.", "Ret.", "Arty.", "Pol.", "Mar."];

/// Abbreviations that stand before a number ("No. 2", "Jan. 3", "Sept. 2025", "Nr. 5",
/// "Art. 5"): they join a next piece that starts with a digit (or, like any piece, in lower
/// case), and otherwise may end a sentence ("… in Jan. Trump said …", "… magazine Art. Then").
const BEFORE_NUMBER: &[&str] = &[
    "No.", "Nos.", "Nr.", "Art.", "Abs.", "Bd.", "Vol.", "Ch.", "Fig.", "Pt.", "Rm.", "p.", "pp.",
    "S.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Abbreviations that may end a sentence ("… reached out to the U.S. An aide said …"): they
/// join the next piece unless it starts with a capitalised function word.
const MAYBE_FINAL: &[&str] = &[
    "U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "D.C.", "Inc.", "Co.", "Corp.", "Ltd.", "Jr.", "Sr.",
    "Bros.", "a.m.", "p.m.", "a. m.", "p. m.", "etc.", "usw.", "Ave.", "Blvd.", "Abt.", "Abb.",
    "Aufl.", "Hrsg.", "Bsp.", "Tsd.",
    // The first half of "e. V." (a registered association: "Die Tafel e. V. und der ADAC");
    // "the constant e. The mayor said" ends a sentence.
    "e.",
];

/// Capitalised words that start sentences far more often than they continue a name.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "An",
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Meanwhile",
    "However",
    "Der",
    "Die",
    "Das",
    "Ein",
    "Eine",
    "Er",
    "Sie",
    "Es",
    "Wir",
    "Ich",
    "Aber",
    "Und",
    "Doch",
    "Dann",
    "Dies",
    "Diese",
    "Dieser",
    "Damit",
    "Deshalb",
    "Denn",
    "Auch",
    "Nun",
    "Im",
    "Am",
    "Man",
    "Wir",
    "Als",
    "Wenn",
];

/// True when `next` continues the sentence that `prev` began; `quotes` has counted the
/// paragraph up to the end of `prev`, for knowing whether a quotation is open.
pub fn joins(text: &str, quotes: &Quotes, prev: Span, next: Span, lang: Language) -> bool {
    // Only the end of `prev` decides, and `prev` grows as pieces join: reading all of it
    // at every join was quadratic on runs without spaces ("a?\"a?\"…", F2).
    let p = tail(prev.slice(text).trim_end(), LOOK_BACK);
    let n = next.slice(text).trim_start();
    if n.is_empty() || p.is_empty() {
        return true;
    }
    if numbers_a_list_item(text, prev) {
        return true;
    }
    let last = p.rsplit(char::is_whitespace).next().unwrap_or(p);
    // An opening bracket or quote glued to the word: "(U.S." still ends in U.S.
    let last = last.trim_start_matches(['(', '[', '"', '“', '\'', '‘']);
    let first = n.split(char::is_whitespace).next().unwrap_or(n);
    let first_word = first.trim_end_matches([',', ';', ':', '.']);
    if NEVER_FINAL
        .iter()
        .any(|a| *a == last || (a.contains(' ') && ends_with_word(p, a)))
    {
        return true;
    }
    // A rank's second part ("Col. Inf. Arno Wirata", "Maj. Ret. Lee") is still the title;
    // only listed parts, since a surname after a title also ends sentences ("Dr. Smith.").
    let before_last = p[..p.len() - last.len()]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if NEVER_FINAL.contains(&before_last)
        && RANK_PARTS.contains(&last)
        && starts_upper(first)
        && !SENTENCE_STARTERS.contains(&first_word)
    {
        return true;
    }
    // A spaced one ("7:37 a. m. UTC") ends in a word of its own: matched as a whole.
    if MAYBE_FINAL
        .iter()
        .any(|a| *a == last || (a.contains(' ') && ends_with_word(p, a)))
    {
        return !SENTENCE_STARTERS.contains(&first_word);
    }
    if BEFORE_NUMBER.contains(&last) && first.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // German ordinals: "am 1. Januar", "der 2. Weltkrieg"; "… ist 56. Er sagte …" still splits.
    if lang == Language::German
        && is_ordinal(last)
        && starts_upper(first)
        && !SENTENCE_STARTERS.contains(&first_word)
    {
        return true;
    }
    // "George W. Bush", "J.R.R. Tolkien"; but "… Plan B. The vote …" ends a sentence.
    if is_initial(last) && starts_upper(first) && !SENTENCE_STARTERS.contains(&first_word) {
        return true;
    }
    // No sentence starts in lower case or with a comma, semicolon or colon.
    if starts_lower(first) || n.starts_with([',', ';', ':']) {
        return true;
    }
    // An ellipsis inside an open quotation does not end the quoted sentence.
    quotes.is_open() && (ends_with_ellipsis(p) || starts_with_ellipsis(n))
}

/// Bytes of the sentence so far that `joins` reads: more than the longest abbreviation
/// with the white space and quotes around it.
const LOOK_BACK: usize = 256;

/// The last `max` bytes of `s` or a little more, cut at a character boundary.
fn tail(s: &str, max: usize) -> &str {
    &s[Span::new(s.len(), s.len()).widened(s, max).start..]
}

/// Marks that close a quotation or bracket ("“" closes German quotations).
const CLOSERS: &[char] = &[')', ']', '”', '“', '’', '‘', '«', '"', '\''];

/// Where a closing mark that opens `piece` ends, when it stands alone (followed by white
/// space, punctuation or nothing): then it closes the sentence before, not opens the next.
pub fn detached_closer(text: &str, piece: Span) -> Option<usize> {
    let s = piece.slice(text);
    let body = s.trim_start();
    let first = body.chars().next()?;
    // French closes a quotation with a space and "»" ("… depuis 2002. » Les routes"); German
    // opens one with "»" glued to its first word ("»Wir …"), or left alone at a line's end
    // before the sentence it opens ("… vor. »" / "Auch das?«").
    let spaced = |c: char| c.is_whitespace() && c != '\n' && c != '\r';
    let closes_french = first == '»' && body[first.len_utf8()..].starts_with(spaced);
    let c = Some(first).filter(|c| CLOSERS.contains(c) || closes_french)?;
    let after = &body[c.len_utf8()..];
    // French opens a quotation with "«" and a space before its first word ("« Nous ne
    // laisserons …"); German closes with it, glued to the word before ("… vor«").
    let opens_french = c == '«' && after.trim_start().starts_with(char::is_alphanumeric);
    if opens_french && after.starts_with(char::is_whitespace) {
        return None;
    }
    let alone = after.is_empty()
        || after.starts_with(char::is_whitespace)
        || after.starts_with([',', ';', ':', '.', '!', '?']);
    alone.then(|| piece.start + (s.len() - body.len()) + c.len_utf8())
}

/// True when `prev` is only a list item's number at the start of its line ("1. Establish
/// a reserve", "## 2. What we found", "3) Require"): the item is one sentence with it.
fn numbers_a_list_item(text: &str, prev: Span) -> bool {
    let item = prev.slice(text).trim();
    let start = line_start(text, prev.start);
    let before = text[start..prev.start].trim_start_matches([' ', '\t', '#', '>']);
    before.trim().is_empty()
        && item_number(item).is_some_and(|n| n.len() == item.len())
        && opens_numbered_item(text, start)
}

/// The list item's number or letter that opens `line` ("1.", "12)", "a)"), marks of a
/// heading or a quote before it aside.
fn item_number(line: &str) -> Option<&str> {
    let l = line.trim_start_matches([' ', '\t', '#', '>']);
    let first = l.split(char::is_whitespace).next()?;
    let mark = first.strip_suffix(['.', ')'])?;
    let digits = (1..=3).contains(&mark.len()) && mark.bytes().all(|b| b.is_ascii_digit());
    let letter =
        first.ends_with(')') && mark.len() == 1 && mark.bytes().all(|b| b.is_ascii_lowercase());
    (digits || letter).then_some(first)
}

/// True when the line starting at byte `at` of `text` opens with a list item's number or
/// letter ("1. ", "2) ", "a) ") that is one: the first line of its paragraph, or after a
/// line that ends like a sentence (a colon too) or is an item itself. "… the death toll rose
/// to / 12. Police said" is a number wrapped to the line's start.
pub fn opens_numbered_item(text: &str, at: usize) -> bool {
    let line = text[at..].lines().next().unwrap_or("");
    if item_number(line).is_none() {
        return false;
    }
    let Some(prev_end) = at.checked_sub(1) else {
        return true;
    };
    let prev = text[line_start(text, prev_end)..prev_end].trim_end_matches('\r');
    prev.trim().is_empty() || ends_like_sentence(prev) || item_number(prev).is_some()
}

/// Where a footnote marker glued to the end of `prev` ends ("spending.[1]", "cities.[a]"),
/// when UAX #29 cut it after its opening bracket (a bracket counts as closing punctuation
/// there): the marker belongs to the sentence it follows.
pub fn glued_marker_end(text: &str, prev: Span, piece: Span) -> Option<usize> {
    if !prev.slice(text).ends_with('[') {
        return None;
    }
    let n = piece.slice(text);
    let close = n.find(']')?;
    let inner = &n[..close];
    let marker = (1..=4).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_alphanumeric());
    marker.then_some(piece.start + close + 1)
}

/// True when `s` ends with `word` and `word` starts a word there.
fn ends_with_word(s: &str, word: &str) -> bool {
    s.strip_suffix(word)
        .is_some_and(|before| !before.ends_with(char::is_alphanumeric))
}

/// "1.", "24.": a number of one to three digits with a point.
fn is_ordinal(word: &str) -> bool {
    word.strip_suffix('.')
        .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "W.", "J.R.R.": one or more single letters, each followed by a point; also after a
/// slash, dash or opening quote or bracket ("Wittman/P.J.").
fn is_initial(word: &str) -> bool {
    let word = word
        .rsplit(['/', '(', '"', '“', '‘', '\'', '—', '–'])
        .next()
        .unwrap_or(word);
    word.ends_with('.')
        && word
            .split_terminator('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

fn starts_upper(word: &str) -> bool {
    word.trim_start_matches(['"', '“', '\'', '‘', '('])
        .starts_with(char::is_uppercase)
}

fn starts_lower(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
}

fn ends_with_ellipsis(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '\'', '’']);
    t.ends_with("...") || t.ends_with('…')
}

fn starts_with_ellipsis(s: &str) -> bool {
    s.starts_with("...") || s.starts_with('…')
}

/// A running count of the quotation marks of a paragraph, so each split point learns whether
/// a quotation is open without rescanning the paragraph (which would be quadratic).
#[derive(Clone, Copy, Debug, Default)]
pub struct Quotes {
    straight: usize,
    open: usize,
    close: usize,
}

impl Quotes {
    /// Counts the marks of the next stretch of text.
    pub fn feed(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '"' => self.straight += 1,
                '“' => self.open += 1,
                '”' => self.close += 1,
                _ => {}
            }
        }
    }

    /// True when the text so far leaves a quotation open: an odd number of straight double
    /// quotes, or more opening than closing curly ones.
    pub fn is_open(&self) -> bool {
        self.straight % 2 == 1 || self.open > self.close
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_abbreviations_and_disjoint() {
        let lists = [NEVER_FINAL, MAYBE_FINAL, BEFORE_NUMBER];
        for (i, list) in lists.iter().enumerate() {
            for a in *list {
                assert!(a.ends_with('.'), "{a}");
                for other in &lists[i + 1..] {
                    assert!(!other.contains(a), "{a} is in two lists");
                }
            }
        }
    }

    #[test]
    fn initials_are_single_capitals_with_points() {
        assert!(is_initial("W."));
        assert!(is_initial("J.R.R."));
        assert!(is_initial("Wittman/P.J."));
        assert!(is_initial("(J."));
        assert!(!is_initial("Wittman/"));
        assert!(!is_initial("Dr."));
        assert!(!is_initial("w."));
        assert!(!is_initial("W"));
    }

    #[test]
    fn open_quotations_are_counted() {
        let open = |parts: &[&str]| {
            let mut q = Quotes::default();
            parts.iter().for_each(|p| q.feed(p));
            q.is_open()
        };
        assert!(open(&["He said \"we", " wait..."]));
        assert!(!open(&["He said \"we", " wait.\""]));
        assert!(open(&["Sie sagte “wir warten…"]));
        assert!(!open(&["Sie sagte “wir ", "warten.”"]));
    }

    #[test]
    fn spaced_abbreviations_match_whole_words() {
        assert!(ends_with_word("Obst, z. B.", "z. B."));
        assert!(!ends_with_word("Obstz. B.", "z. B."));
    }

    #[test]
    fn a_spaced_time_of_day_ends_no_sentence() {
        let text = "The quake struck at 07:37 a. m. UTC (3:37 a. m. EDT), killing one. The area shook at 8 p. m. The next day was calm.";
        let whole = Span::new(0, text.len());
        let pieces: Vec<&str> =
            crate::sentences::sentences_in(text, whole, Language::English, None)
                .iter()
                .map(|s| s.slice(text).trim())
                .collect();
        assert_eq!(
            pieces,
            [
                "The quake struck at 07:37 a. m. UTC (3:37 a. m. EDT), killing one.",
                "The area shook at 8 p. m.",
                "The next day was calm."
            ]
        );
    }

    #[test]
    fn joins_reads_both_pieces() {
        let text = "Talks with the U.S. An aide said no.";
        let cut = text.find("An").unwrap();
        let (prev, next) = (Span::new(0, cut), Span::new(cut, text.len()));
        let mut quotes = Quotes::default();
        quotes.feed(prev.slice(text));
        assert!(!joins(text, &quotes, prev, next, Language::English));
        let text = "Talks with the U.S. Navy went on.";
        let cut = text.find("Navy").unwrap();
        assert!(joins(
            text,
            &quotes,
            Span::new(0, cut),
            Span::new(cut, text.len()),
            Language::English
        ));
    }
}
