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
        match self {
            Language::English => STEM_EN.stem(folded).into_owned(),
            Language::German => STEM_DE.stem(folded).into_owned(),
        }
    }
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

fn tokens_with(text: &str, span: Span, lang: Language, stemmed: bool) -> Vec<Token> {
    let body = span.slice(text);
    body.unicode_word_indices()
        .enumerate()
        .map(|(i, (at, w))| {
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
            Token {
                span: Span::new(span.start + at, span.start + at + w.len()),
                capitalised: i > 0 && w.starts_with(char::is_uppercase),
                folded,
                stem,
                stop,
                numeric,
            }
        })
        .collect()
}

/// The text with every control character and escape sequence made visible, so untrusted input
/// can never drive a terminal: C0/C1 controls become their Unicode control pictures (ESC →
/// ␛), bidirectional overrides become "�". Line feeds and tabs are kept when `keep_breaks`.
pub fn visible(text: &str, keep_breaks: bool) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !(keep_breaks && (c == '\n' || c == '\t')))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    };
    if !text.chars().any(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if !bad(c) {
                c
            } else if (c as u32) < 0x20 {
                char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')
            } else if c == '\u{7f}' {
                '\u{2421}'
            } else {
                '\u{FFFD}'
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

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
