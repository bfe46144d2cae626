//! Words for comparing passages: tokens with their byte spans, folded (case, accents,
//! quotes), stemmed, and told apart as content or stop words, in each [`Language`].

use foldhash::HashSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon;
use crate::span::Span;

/// The languages the engine knows. English and German are read whole: words, facts, and
/// (English) the sentence encoder and the learned link score. The others are compared by
/// their own words (stop words and stems) only: their numbers, dates and quotes follow
/// rules the fact extractors do not know ("1.500", "environ 40"), and a flag read by
/// English rules would be wrong more often than right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English (the default).
    #[default]
    English = 0,
    /// German.
    German = 1,
    /// French: words only.
    French = 2,
    /// Spanish: words only.
    Spanish = 3,
    /// Italian: words only.
    Italian = 4,
    /// Portuguese: words only.
    Portuguese = 5,
    /// Dutch: words only.
    Dutch = 6,
    /// A language none of the above is (Russian, Swedish, Polish, …; see
    /// [`Language::detect`]): its words are compared as written, without stop words or
    /// stems, and it gets neither facts nor the encoder, which reads English only.
    Other = 7,
}

/// Every language, in the order of its discriminant (which indexes the tables below).
const LANGUAGES: [Language; 8] = [
    Language::English,
    Language::German,
    Language::French,
    Language::Spanish,
    Language::Italian,
    Language::Portuguese,
    Language::Dutch,
    Language::Other,
];

/// Function words that tell each language (in [`LANGUAGES`] order) from the others: words
/// frequent in one of them ("por", "está", "mais", "la", "de", which two share, are left
/// out). Some are English words or names too ("Le Pen", "et al.", "El Paso", "per cent"):
/// [`TELLING_MIN`] and the comparison with English's count keep such English text English.
const TELLING: [&[&str]; LANGUAGES.len()] = [
    &["the", "and", "of", "to", "is", "that", "with", "was", "for"],
    &[
        "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "den", "ein",
    ],
    &[
        "les", "des", "et", "est", "du", "dans", "pour", "qui", "sur", "au", "avec", "pas", "une",
        "sont", "été", "ont", "cette", "aussi", "leur",
    ],
    &[
        "el", "los", "las", "y", "del", "es", "fue", "pero", "sus", "muy", "según", "también",
        "hasta", "desde", "cuando", "fueron", "ella",
    ],
    &[
        "il", "gli", "della", "di", "è", "che", "per", "non", "nel", "alla", "sono", "degli",
        "nella", "anche", "questo", "stato", "hanno", "più", "perché", "dei", "delle",
    ],
    &[
        "os", "em", "não", "uma", "ao", "foi", "pelo", "pela", "também", "são", "dos", "às",
        "pelos", "já", "seu", "sua", "do",
    ],
    &[
        "het", "een", "van", "niet", "zijn", "wordt", "voor", "ook", "werd", "naar", "bij",
        "hebben", "worden", "dat", "met",
    ],
    // Other: Swedish, Norwegian and Danish, Finnish, Polish, Turkish, Czech, Romanian words
    // none of the languages above (nor English) writes.
    &[
        "och", "att", "är", "inte", "jag", "og", "ikke", "blev", "være", "että", "ovat", "oli",
        "mutta", "się", "jest", "że", "oraz", "ve", "bir", "için", "ile", "değil", "olarak",
        "jsou", "který", "și", "este", "sunt",
    ],
];

/// A language other than English and German is taken only on this many of its telling
/// words, and at least twice as many as English's: a short English text with a name or a
/// loan word ("El Paso", "et al.") stays English.
const TELLING_MIN: usize = 5;

/// Letters of Latin-script languages the engine does not know (Scandinavian "å", "æ", "ø",
/// Polish "ł", "ż", Turkish "ş", "ı", Czech "ř", Romanian "ț", …), which English, German,
/// French, Spanish, Italian, Portuguese and Dutch do not write but in names.
const FOREIGN_LETTERS: &str = "åæøłśźżąęńşğıřěůőűțșđčšžľĺŕý";

/// A text with at least one such letter in this many is in another language, unless
/// English stop words ("the", "of", "in", …) make one word in [`ENGLISH_SHARE`] (English
/// news has one in four or more): an English report full of Polish names keeps English.
const FOREIGN_RATE: usize = 100;

/// See [`FOREIGN_RATE`].
const ENGLISH_SHARE: usize = 5;

/// A text in Latin letters of at least this many words, with under one English stop word in
/// eight, takes a known language with at least [`FEW_TELLING`] of its telling words (more
/// than any other's): a short French text ("Les négociations ont échoué mardi").
const SHORT_WORDS: usize = 8;

/// See [`SHORT_WORDS`]; different words, and two would take "non-profit spending rose 5
/// per cent per year" for Italian.
const FEW_TELLING: usize = 3;

static STOP: LazyLock<[HashSet<String>; LANGUAGES.len()]> =
    LazyLock::new(|| LANGUAGES.map(|l| l.about().stop.map(stop_set).unwrap_or_default()));
static STEM: LazyLock<[Option<Stemmer>; LANGUAGES.len()]> =
    LazyLock::new(|| LANGUAGES.map(|l| l.about().stemmer.map(Stemmer::create)));

/// What the engine knows of a language, in one place (a match the compiler checks is
/// whole, where parallel lists could fall out of step).
struct About {
    /// Its ISO 639-1 code ("und", undetermined, for [`Language::Other`]).
    code: &'static str,
    /// Its name in English.
    name: &'static str,
    /// Its nltk stop words (none for [`Language::Other`]).
    stop: Option<stop_words::Language>,
    /// Its Snowball stemmer (none for [`Language::Other`]).
    stemmer: Option<Algorithm>,
}

fn stop_set(lang: stop_words::Language) -> HashSet<String> {
    stop_words::get(lang).iter().map(|w| fold(w)).collect()
}

impl Language {
    /// Guesses the language of a text from its most common function words: a known
    /// language with enough of its telling words; [`Language::Other`] for text mostly in
    /// another script, with letters none of the known languages writes
    /// ([`FOREIGN_LETTERS`]) and few English words, or with the function words of a
    /// language the engine does not know; else English, which a headline or a list of
    /// results without a function word stays.
    pub fn detect(text: &str) -> Language {
        let mut counts = [0usize; LANGUAGES.len()];
        // Which telling words each language has (a short text's evidence: "per cent per
        // year" is one Italian word twice).
        let mut distinct: [Vec<&str>; LANGUAGES.len()] = Default::default();
        let (mut words, mut english) = (0, 0);
        let (mut letters, mut latin, mut foreign) = (0, 0, 0);
        for w in text.unicode_words().take(2000) {
            let w = w.to_lowercase();
            for (k, words) in TELLING.iter().enumerate() {
                if let Some(&t) = words.iter().find(|&&t| t == w) {
                    counts[k] += 1;
                    if !distinct[k].contains(&t) {
                        distinct[k].push(t);
                    }
                }
            }
            words += 1;
            // As written: folded, French "à" would be English "a".
            english += usize::from(w.is_ascii() && Language::English.is_stop(&w));
            for c in w.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                // Latin letters, accented ones included (up to U+024F).
                latin += usize::from(c <= '\u{24f}');
                foreign += usize::from(FOREIGN_LETTERS.contains(c));
            }
        }
        // Mostly Cyrillic, Greek, Arabic, CJK, …: none of the languages known.
        if latin * 2 < letters {
            return Language::Other;
        }
        // Danish, Polish, Turkish, …; read before German, whose telling words Danish shares
        // ("der", "den").
        if foreign > 0 && foreign * FOREIGN_RATE >= letters && english * ENGLISH_SHARE < words {
            return Language::Other;
        }
        let en = counts[0];
        // German as ever: more of its words than English's.
        if counts[1] > en && counts[1] >= counts[2..].iter().copied().max().unwrap_or(0) {
            return Language::German;
        }
        let (best, n) = (2..LANGUAGES.len())
            .map(|k| (k, counts[k]))
            .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
            .unwrap_or((0, 0));
        if n >= TELLING_MIN && n >= 2 * en {
            return LANGUAGES[best];
        }
        // A short text in a known language has a few of its words and hardly any English.
        let runner_up = (0..LANGUAGES.len())
            .filter(|&k| k != best)
            .map(|k| counts[k])
            .max();
        if words >= SHORT_WORDS
            && english * 8 < words
            && distinct[best].len() >= FEW_TELLING
            && runner_up.is_none_or(|r| r < n)
        {
            return LANGUAGES[best];
        }
        Language::English
    }

    /// This language's place in [`LANGUAGES`] (and in the tables read by it).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its ISO 639-1 code ("en", "de", "fr", …; "und" for another), for HTML's `lang` attribute.
    pub fn code(self) -> &'static str {
        self.about().code
    }

    /// Its name in English ("French").
    pub fn name(self) -> &'static str {
        self.about().name
    }

    fn about(self) -> About {
        use {Algorithm as A, stop_words::Language as L};
        let (code, name, stop, stemmer) = match self {
            Language::English => ("en", "English", Some(L::English), Some(A::English)),
            Language::German => ("de", "German", Some(L::German), Some(A::German)),
            Language::French => ("fr", "French", Some(L::French), Some(A::French)),
            Language::Spanish => ("es", "Spanish", Some(L::Spanish), Some(A::Spanish)),
            Language::Italian => ("it", "Italian", Some(L::Italian), Some(A::Italian)),
            Language::Portuguese => ("pt", "Portuguese", Some(L::Portuguese), Some(A::Portuguese)),
            Language::Dutch => ("nl", "Dutch", Some(L::Dutch), Some(A::Dutch)),
            // "und": undetermined, in BCP 47 (HTML's `lang`).
            Language::Other => ("und", "another language", None, None),
        };
        About {
            code,
            name,
            stop,
            stemmer,
        }
    }

    /// True when the fact extractors know this language's ways of writing numbers, dates,
    /// names and quotes (English and German); the other languages get no facts.
    pub fn has_fact_rules(self) -> bool {
        matches!(self, Language::English | Language::German)
    }

    /// True when `folded` (a [`fold`]ed word) is a stop word of this language.
    pub fn is_stop(self, folded: &str) -> bool {
        STOP[self.index()].contains(folded)
    }

    /// The stem of a folded word.
    pub fn stem(self, folded: &str) -> String {
        // The aligner stems the same words again for every pair of sources and for the
        // word vectors' neighbours: remembered per thread, bounded as [`WORD_CACHE`].
        thread_local! {
            static STEMS: std::cell::RefCell<[foldhash::HashMap<Box<str>, String>; LANGUAGES.len()]> =
                Default::default();
        }
        STEMS.with_borrow_mut(|cache| {
            let cache = &mut cache[self.index()];
            if let Some(known) = cache.get(folded) {
                return known.clone();
            }
            let stem = match &STEM[self.index()] {
                Some(stemmer) => stemmer.stem(folded).into_owned(),
                None => folded.to_string(),
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
    static WORDS: std::cell::RefCell<[foldhash::HashMap<Box<str>, Word>; 2 * LANGUAGES.len()]> =
        Default::default();
}

fn tokens_with(text: &str, span: Span, lang: Language, stemmed: bool) -> Vec<Token> {
    let body = span.slice(text);
    let which = 2 * lang.index() + usize::from(stemmed);
    let toks = WORDS.with_borrow_mut(|cache| {
        let cache = &mut cache[which];
        body.unicode_word_indices()
            .map(|(at, w)| {
                let cut = elided(w, lang);
                (at + cut, &w[cut..])
            })
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

/// Words written elided before a vowel, in French ("l'Arpal", "qu'il") and Italian
/// ("dell'alluvione", "un'analoga").
const ELIDED: [&[&str]; 2] = [
    &[
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
    ],
    &[
        "l", "d", "un", "dell", "nell", "dall", "sull", "all", "coll", "quell", "quest", "c", "s",
        "m", "t", "v", "n",
    ],
];

/// The length of an elided article or pronoun glued to the front of `w` by an apostrophe,
/// with the apostrophe ("l'" of "l'alluvione"): Unicode's word breaks keep them one word,
/// so "un'alluvione" and "alluvione" shared nothing.
fn elided(w: &str, lang: Language) -> usize {
    let list = match lang {
        Language::French => ELIDED[0],
        Language::Italian => ELIDED[1],
        _ => return 0,
    };
    let Some((head, rest)) = w.split_once(['\'', '’']) else {
        return 0;
    };
    let known = list.iter().any(|e| head.eq_ignore_ascii_case(e));
    if known && !rest.is_empty() {
        w.len() - rest.len()
    } else {
        0
    }
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
        .filter_map(|c| if bad(c) { shown_as(c) } else { Some(c) })
        .collect::<String>()
        .into()
}

/// What [`visible`] shows for character `c` that it does not keep as it is: its control
/// picture, "�" for a mark that reorders text, nothing for another invisible format
/// character. A front end that measures text before it is made visible measures this, so
/// its columns match what is drawn.
pub fn shown_as(c: char) -> Option<char> {
    Some(if (c as u32) < 0x20 {
        char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')
    } else if c == '\u{7f}' {
        '\u{2421}'
    } else if !c.is_control() && !is_format_control(c) {
        c
    } else if is_format_control(c) && !reorders(c) {
        // Zero-width spaces, word joiners, a byte-order mark: invisible and harmless
        // once they cannot reorder anything; scraped pages are full of them.
        return None;
    } else {
        '\u{FFFD}'
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_told_by_its_own_common_words() {
        for (text, lang) in [
            (
                "The council said that the bridge was closed for repairs.",
                Language::English,
            ),
            (
                "Der Rat sagte, dass die Brücke nicht mit dem Bus befahren wird.",
                Language::German,
            ),
            (
                "Le conseil a dit qui sont les élus dans la ville. Il n'y a pas eu de vote \
                 sur le pont, avec une majorité qui ont été absents cette semaine.",
                Language::French,
            ),
            (
                "El consejo dijo que el puente fue cerrado, pero sus vecinos según el alcalde \
                 esperaron hasta la noche, desde que cuando fueron avisados.",
                Language::Spanish,
            ),
            (
                "Il consiglio ha detto che il ponte è chiuso. Gli abitanti della zona sono \
                 stati avvisati anche nella notte, e hanno lasciato le case.",
                Language::Italian,
            ),
            (
                "O conselho disse que a ponte foi fechada e não abre. Os moradores dos bairros \
                 são avisados pela prefeitura, que também já fechou uma escola.",
                Language::Portuguese,
            ),
            (
                "De raad zei dat de brug niet open is voor het verkeer. Er werd een omleiding \
                 naar het centrum ingesteld, en ook bij de haven wordt gewerkt.",
                Language::Dutch,
            ),
            // English with names and loan words of other languages stays English.
            (
                "Non-profit spending rose 5 per cent per year",
                Language::English,
            ),
            (
                "Trump holds rally in El Paso as Los Angeles burns",
                Language::English,
            ),
            (
                "Smith et al. found a 3% rise in EST zones.",
                Language::English,
            ),
            ("Van driver arrested after crash kills 4", Language::English),
            ("Le Pen wins 34% in first round", Language::English),
            // Nothing telling: English.
            ("Kyiv, 2025.", Language::English),
            // No English stop word in a text long enough to have some: the language with
            // a few of its telling words, or another.
            (
                "Le président est arrivé à Paris mardi soir. Les négociations ont échoué \
                 hier.",
                Language::French,
            ),
            (
                "Regeringen meddelade på tisdagen att förhandlingarna med facket hade \
                 avbrutits utan resultat.",
                Language::Other,
            ),
            (
                "Regeringen meddelade i går att förhandlingarna i Stockholm har avbrutits. \
                 Facket säger att det inte finns några nya möten planerade före jul, och \
                 ministern vill inte kommentera saken i dag.",
                Language::Other,
            ),
            (
                "Regeringen meddelte i går, at forhandlingerne er afbrudt. Der er ingen nye \
                 møder planlagt før jul, og ministeren vil ikke kommentere sagen i dag.",
                Language::Other,
            ),
            (
                "Rząd poinformował we wtorek, że rozmowy ze związkowcami zostały zerwane i \
                 że nie ma nowych spotkań.",
                Language::Other,
            ),
            // English without function words (a list of headlines, a score line) and an
            // English report full of Polish names stay English.
            (
                "UPDATE: Death toll rises to 43. Rescue teams search rubble. Prime Minister \
                 visits Varna. Aid convoys arrive Tuesday. Power restored across region.",
                Language::English,
            ),
            (
                "Arsenal 2 Chelsea 1. Liverpool 3 Everton 0. Leeds 1 Fulham 1.",
                Language::English,
            ),
            (
                "Lech Wałęsa met the mayor of Łódź and the head of the union in Gdańsk on \
                 Tuesday, and the talks went on for most of the day.",
                Language::English,
            ),
            ("Президент прибыл в Москву во вторник.", Language::Other),
            ("東京で地震があった。", Language::Other),
        ] {
            assert_eq!(Language::detect(text), lang, "{text}");
        }
    }

    #[test]
    fn french_and_italian_elisions_are_cut_off_their_word() {
        let read = |text: &str, lang| -> Vec<String> {
            tokens(text, Span::new(0, text.len()), lang)
                .into_iter()
                .map(|t| t.span.slice(text).to_string())
                .collect()
        };
        assert_eq!(
            read("dell'alluvione, un’analoga", Language::Italian),
            ["alluvione", "analoga"]
        );
        assert_eq!(
            read("l'hôpital qu'il aujourd'hui", Language::French),
            ["hôpital", "il", "aujourd'hui"]
        );
        // English keeps its apostrophes inside words.
        assert_eq!(
            read("l'hôpital o'clock", Language::English),
            ["l'hôpital", "o'clock"]
        );
    }

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
