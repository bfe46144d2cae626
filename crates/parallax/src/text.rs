//! Words for comparing passages: tokens with their byte spans, folded (case, accents,
//! quotes), stemmed, and told apart as content or stop words, in English or German.

use foldhash::HashSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon;
use crate::span::Span;

/// The languages the engine knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English (the default).
    #[default]
    English,
    /// German.
    German,
}

static STOP_EN: LazyLock<HashSet<String>> =
    LazyLock::new(|| stop_set(stop_words::Language::English));
static STOP_DE: LazyLock<HashSet<String>> =
    LazyLock::new(|| stop_set(stop_words::Language::German));
static STEM_EN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
static STEM_DE: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::German));

fn stop_set(lang: stop_words::Language) -> HashSet<String> {
    stop_words::get(lang).iter().map(|w| fold(w)).collect()
}

impl Language {
    /// Guesses the language of a text from its most common function words.
    pub fn detect(text: &str) -> Language {
        let (mut en, mut de) = (0usize, 0usize);
        for w in text.unicode_words().take(2000) {
            let w = w.to_lowercase();
            match w.as_str() {
                "the" | "and" | "of" | "to" | "is" | "that" | "with" | "was" | "for" => en += 1,
                "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" | "sich" | "den"
                | "ein" => de += 1,
                _ => {}
            }
        }
        if de > en {
            Language::German
        } else {
            Language::English
        }
    }

    /// True when `folded` (a [`fold`]ed word) is a stop word of this language.
    pub fn is_stop(self, folded: &str) -> bool {
        match self {
            Language::English => STOP_EN.contains(folded),
            Language::German => STOP_DE.contains(folded),
        }
    }

    /// The stem of a folded word.
    pub fn stem(self, folded: &str) -> String {
        // The aligner stems the same words again for every pair of sources and for the
        // word vectors' neighbours: remembered per thread, bounded as [`WORD_CACHE`].
        thread_local! {
            static STEMS: std::cell::RefCell<[foldhash::HashMap<Box<str>, String>; 2]> =
                Default::default();
        }
        STEMS.with_borrow_mut(|cache| {
            let cache = &mut cache[usize::from(self == Language::German)];
            if let Some(known) = cache.get(folded) {
                return known.clone();
            }
            let stem = match self {
                Language::English => STEM_EN.stem(folded).into_owned(),
                Language::German => STEM_DE.stem(folded).into_owned(),
            };
            if cache.len() >= WORD_CACHE {
                cache.clear();
            }
            cache.insert(folded.into(), stem.clone());
            stem
        })
    }
}

/// True when `line` ends with sentence punctuation (the full-width marks of Chinese and
/// Japanese too), allowing a closing quote or bracket: a headline or a label does not.
pub fn ends_like_sentence(line: &str) -> bool {
    let closers = ['"', '\'', '”', '’', ')', ']', '»', '«', '」', '』', '）'];
    let t = line.trim_end_matches(closers);
    t.ends_with([
        '.', '!', '?', ':', ';', '…', '。', '！', '？', '：', '；', '｡',
    ])
}

/// Lower case, accents removed, curly apostrophes straightened: "Nicolás" → "nicolas".
/// A middle dot inside a word goes too: plain German splits compounds with it
/// ("Bundes·tag"), and the word is still "bundestag".
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c) && *c != '·')
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// One word of a passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the word stands in the document's text.
    pub span: Span,
    /// The folded word.
    pub folded: String,
    /// Its stem; for a number word ("zwei", "third"), its value in digits.
    pub stem: String,
    /// True for function words ("the", "und").
    pub stop: bool,
    /// True when written with a capital letter not at the start of the passage: a name.
    pub capitalised: bool,
    /// True when the word holds a digit.
    pub numeric: bool,
}

/// "1 link", "3 links": a count and its noun, plural by adding "s".
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Number words that say an exact number, folded, with their values: "one" is left out (it
/// is mostly "one of"), and so are the vague plurals ("dozens", "thousands").
static NUMBER_WORDS: LazyLock<foldhash::HashMap<String, u64>> = LazyLock::new(|| {
    lexicon::NUMBER_WORDS
        .iter()
        .chain(lexicon::ORDINAL_STEMS)
        .filter(|(w, _)| *w != "one" && !matches!(*w, "dozens" | "hundreds" | "thousands"))
        .map(|&(w, v)| (fold(w), v))
        .collect()
});

/// The value of a number word, by its folded form or its stem, so that the aligner matches
/// "zwei" with "2" and "zweiter" with "2.".
fn number_word(folded: &str, stem: &str) -> Option<u64> {
    NUMBER_WORDS
        .get(folded)
        .or_else(|| NUMBER_WORDS.get(stem))
        .copied()
}

/// The words of `span` in `text`, in order.
pub fn tokens(text: &str, span: Span, lang: Language) -> Vec<Token> {
    tokens_with(text, span, lang, true)
}

/// [`tokens`] without their stems (`stem` holds the folded word): for callers that stem only
/// the few words they keep, as stemming is most of the cost.
pub fn tokens_unstemmed(text: &str, span: Span, lang: Language) -> Vec<Token> {
    tokens_with(text, span, lang, false)
}

/// What a written word reads as, whatever passage it stands in.
#[derive(Clone)]
struct Word {
    folded: String,
    stem: String,
    stop: bool,
    numeric: bool,
}

fn read_word(w: &str, lang: Language, stemmed: bool) -> Word {
    // "Maduro's" → "maduro": the possessive adds nothing to the match.
    let folded = fold(w);
    let folded = folded
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(folded);
    let stop = lang.is_stop(&folded);
    let numeric = folded.chars().any(|c| c.is_ascii_digit());
    let stem = if numeric || !stemmed {
        folded.clone()
    } else {
        let stem = lang.stem(&folded);
        number_word(&folded, &stem).map_or(stem, |v| v.to_string())
    };
    Word {
        folded,
        stem,
        stop,
        numeric,
    }
}

/// Words read so far on this thread, by language and stemming: a passage is read once per
/// pair it is in and most words recur, while folding and stemming are most of the cost of
/// reading one (10 sources of 200 sentences: a fifth of the whole alignment). Emptied when
/// it grows past `WORD_CACHE` words, so memory stays bounded on any input.
const WORD_CACHE: usize = 100_000;

thread_local! {
    static WORDS: std::cell::RefCell<[foldhash::HashMap<Box<str>, Word>; 4]> =
        Default::default();
}

fn tokens_with(text: &str, span: Span, lang: Language, stemmed: bool) -> Vec<Token> {
    let body = span.slice(text);
    let which = match lang {
        Language::English => 0,
        Language::German => 2,
    } + usize::from(stemmed);
    let toks = WORDS.with_borrow_mut(|cache| {
        let cache = &mut cache[which];
        body.unicode_word_indices()
            .enumerate()
            .map(|(i, (at, w))| {
                let word = match cache.get(w) {
                    Some(known) => known.clone(),
                    None => {
                        if cache.len() >= WORD_CACHE {
                            cache.clear();
                        }
                        let word = read_word(w, lang, stemmed);
                        cache.insert(w.into(), word.clone());
                        word
                    }
                };
                Token {
                    span: Span::new(span.start + at, span.start + at + w.len()),
                    capitalised: i > 0 && w.starts_with(char::is_uppercase),
                    folded: word.folded,
                    stem: word.stem,
                    stop: word.stop,
                    numeric: word.numeric,
                }
            })
            .collect::<Vec<_>>()
    });
    clock_times(text, toks)
}

/// Joins the hours and minutes of a time of day ("4:43", "14:25"), which Unicode's word
/// breaks part at the colon: read apart, the "4" of "4:43 a.m." matched the "4" of "4
/// school buildings" as a shared number. (Any digits:digits join, "3:16" too; both sides
/// of a pair are read alike.)
fn clock_times(text: &str, mut toks: Vec<Token>) -> Vec<Token> {
    // `dedup_by` hands each token with the one kept before it: merged, it is dropped.
    toks.dedup_by(|t, last| {
        let join = t.span.start == last.span.end + 1
            && text.as_bytes()[last.span.end] == b':'
            && is_digits(last.span.slice(text))
            && is_digits(t.span.slice(text));
        if join {
            last.span = Span::new(last.span.start, t.span.end);
            last.folded = last.span.slice(text).to_string();
            last.stem.clone_from(&last.folded);
        }
        join
    });
    toks
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// True for the invisible format characters (Unicode category Cf) that can make text show
/// other than it reads: bidirectional marks, embeddings, overrides and isolates, zero-width
/// spaces and joiners, word joiners and invisible operators, the byte-order mark, interlinear
/// annotation marks, tags. The zero-width joiner is left out: emoji sequences and several
/// scripts need it, and it reorders nothing. (No crate in the tree gives general categories;
/// Cf is a short, stable list, taken from Unicode 15.1.)
pub fn is_format_control(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}' | '\u{0890}'..='\u{0891}'
        | '\u{08E2}' | '\u{180E}' | '\u{200B}' | '\u{200C}' | '\u{200E}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// True for the format characters that change the order text is shown in: bidirectional
/// marks, embeddings, overrides and isolates (the "Trojan Source" characters).
fn reorders(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text with every control character and escape sequence made visible, so untrusted input
/// can never drive a terminal: C0/C1 controls become their Unicode control pictures (ESC →
/// ␛), format characters that reorder text become "�", and the other invisible format
/// characters ([`is_format_control`]: zero-width spaces, word joiners, tags…) are dropped. Line feeds and tabs are kept when `keep_breaks`. The one
/// sanitiser for every string bound for a terminal or standard error.
pub fn visible(text: &str, keep_breaks: bool) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !(keep_breaks && (c == '\n' || c == '\t'))) || is_format_control(c)
    };
    if !text.chars().any(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .filter_map(|c| {
            Some(if !bad(c) {
                c
            } else if (c as u32) < 0x20 {
                char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')
            } else if c == '\u{7f}' {
                '\u{2421}'
            } else if is_format_control(c) && !reorders(c) {
                // Zero-width spaces, word joiners, a byte-order mark: invisible and harmless
                // once they cannot reorder anything; scraped pages are full of them.
                return None;
            } else {
                '\u{FFFD}'
            })
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_of_day_is_one_word() {
        let text = "At 4:43 a.m. on day 4, 14:25 GMT, the score was 2: 1 and 3:x.";
        let words: Vec<String> = tokens(text, Span::new(0, text.len()), Language::English)
            .into_iter()
            .filter(|t| t.numeric)
            .map(|t| t.span.slice(text).to_string())
            .collect();
        assert_eq!(words, ["4:43", "4", "14:25", "2", "1", "3"]);
    }

    /// F17: marks that reorder text (Arabic letter mark, isolates, overrides) are shown as
    /// "�"; invisible ones (zero-width space, word joiner, byte-order mark, tags) are
    /// dropped; an emoji's zero-width joiner and plain text pass.
    #[test]
    fn invisible_format_characters_are_shown_or_dropped() {
        for c in ['\u{061C}', '\u{200F}', '\u{2067}', '\u{202E}'] {
            let s = format!("name{c}txt");
            assert_eq!(visible(&s, false), "name\u{FFFD}txt", "{:?}", c as u32);
        }
        for c in ['\u{200B}', '\u{2060}', '\u{FEFF}', '\u{E0041}'] {
            let s = format!("name{c}txt");
            assert_eq!(visible(&s, false), "nametxt", "{:?}", c as u32);
        }
        let family = "👩\u{200D}👧 Köln «ok»";
        assert!(matches!(
            visible(family, false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    fn stems(text: &str, lang: Language) -> Vec<String> {
        tokens(text, Span::new(0, text.len()), lang)
            .into_iter()
            .map(|t| t.stem)
            .collect()
    }

    #[test]
    fn number_words_stem_to_their_digits() {
        assert_eq!(
            stems("Ein zweiter Tag, drei Bäume", Language::German),
            stems("Ein 2. Tag, 3 Bäume", Language::German)
        );
        assert_eq!(
            stems("the third of twelve", Language::English),
            stems("the 3 of 12", Language::English)
        );
        // "one" is mostly "one of", not a count.
        assert_eq!(stems("one", Language::English), vec!["one"]);
    }
}
