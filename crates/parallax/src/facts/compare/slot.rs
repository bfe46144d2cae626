//! When two facts are the same fact, and which facts one document gives and the other
//! gives nowhere.

use std::hash::BuildHasher;

use foldhash::{HashMap, HashMapExt, HashSet};

use super::super::{Analysed, Fact, FactKind};
use crate::span::Span;

/// Share of the shorter quote's words the other must hold for both to be one quote.
const QUOTE_OVERLAP: f32 = 0.6;

fn words(value: &str) -> HashSet<&str> {
    value.split(' ').filter(|w| !w.is_empty()).collect()
}

/// Endings that make a people or its adjective of a place's name: "Venezuela" /
/// "Venezuelan", "Indonesia" / "Indonesian", "Israel" / "Israeli", "Japan" / "Japanese";
/// with the place's last vowel dropped, "Canada" / "Canadian", "Ukraine" / "Ukrainian",
/// "China" / "Chinese".
const PEOPLE_ENDINGS: [&str; 5] = ["n", "an", "ian", "i", "ese"];

/// Words the other side writes capitalised, the places those of them that may be a
/// people's name are of (see [`places_of`]), and the singulars of those that are a people's
/// plural (see [`one_of`]).
struct Capitalised {
    words: HashSet<String>,
    places: HashSet<String>,
    singulars: HashSet<String>,
}

impl Capitalised {
    fn new(words: HashSet<String>) -> Capitalised {
        let places = words.iter().flat_map(|w| places_of(w)).collect();
        let singulars = words
            .iter()
            .filter_map(|w| one_of(w))
            .map(String::from)
            .collect();
        Capitalised {
            words,
            places,
            singulars,
        }
    }

    /// True when the other side writes `word` (folded) capitalised, or the place it is the
    /// people of, or a people of the place it is, or its plural or singular: "Venezuelan
    /// officials" in A and "Venezuela" in B name one country, not a fact only A gives. Only
    /// a people's endings count, and a place of four letters or more: a surname with its
    /// "-s" or "-er" ("Roberts", "Parker") is no form of "Robert" or "Park".
    fn write(&self, word: &str) -> bool {
        self.words.contains(word)
            || self.places.contains(word)
            || places_of(word)
                .iter()
                .any(|place| self.words.contains(place))
            || one_of(word).is_some_and(|one| self.words.contains(one))
            || self.singulars.contains(word)
    }
}

/// The singular of a people's plural: "Venezuelans", "Israelis" ("Japanese" has none).
fn one_of(word: &str) -> Option<&str> {
    word.strip_suffix('s')
        .filter(|one| one.ends_with("an") || one.ends_with('i'))
}

/// The places `word` may be the people of, each of four letters or more: "venezuelans" →
/// "venezuela", "canadian" → "canada", "german" → "germany".
fn places_of(word: &str) -> Vec<String> {
    const PLACE: usize = 4;
    let mut out = Vec::new();
    for people in [Some(word), one_of(word)].into_iter().flatten() {
        out.push(format!("{people}y"));
        for ending in PEOPLE_ENDINGS {
            if let Some(stem) = people.strip_suffix(ending) {
                out.extend(["", "a", "e"].map(|vowel| format!("{stem}{vowel}")));
            }
        }
    }
    out.retain(|place| place.chars().count() >= PLACE && place != word);
    out
}

/// A quantity's value on its dimension's scale: "10 km" is 10,000 of length (metres).
struct Measured<'a> {
    unit: &'a str,
    dimension: &'static str,
    base: f64,
}

impl Measured<'_> {
    fn read(value: &str) -> Option<Measured<'_>> {
        let (n, unit) = value.split_once(' ')?;
        let n: f64 = n.parse().ok()?;
        let (dimension, size) = crate::lexicon::unit_scale(unit)?;
        Some(Measured {
            unit,
            dimension,
            base: n * size,
        })
    }

    /// True when `other` gives this measure in another unit, converted and rounded: within a
    /// tenth of it ("10 km" and "6 mile" are 3.5% apart). In one unit only the same number is
    /// the same measure ("10 km" and "11 km" are two).
    fn converts_to(&self, other: &Measured) -> bool {
        const ROUNDED: f64 = 0.1;
        self.unit != other.unit
            && self.dimension == other.dimension
            && (self.base - other.base).abs() <= ROUNDED * self.base.abs().max(other.base.abs())
    }
}

/// The minute of the day in UTC that a time's value names, for a time given in UTC
/// ("0737 GMT", "07:37 UTC"): in other zones the hour may be either half of the day ("2:37
/// EST") and some names stand for two zones ("IST").
fn utc_minute(value: &str) -> Option<i32> {
    let (clock, zone) = value.split_once(' ')?;
    if !matches!(zone.to_lowercase().as_str(), "gmt" | "utc" | "z") {
        return None;
    }
    let (hours, minutes) = clock.split_once(':')?;
    let minute = hours.parse::<i32>().ok()? * 60 + minutes.parse::<i32>().ok()?;
    Some(minute.rem_euclid(24 * 60))
}

/// True when every word of `x` is a word of `y`.
fn words_within(x: &str, y: &str) -> bool {
    let ys = y.split(' ');
    x.split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| ys.clone().any(|v| v == w))
}

/// True when two quotes share most of the shorter one's words.
pub fn same_quote(x: &str, y: &str) -> bool {
    same_words(&words(x), &words(y))
}

/// True when two quotes' word sets share most of the smaller one.
fn same_words(wx: &HashSet<&str>, wy: &HashSet<&str>) -> bool {
    let short = wx.len().min(wy.len());
    short > 0 && wx.intersection(wy).count() as f32 >= QUOTE_OVERLAP * short as f32
}

/// True when `x` and `y` state the same fact: equal values; for names, one the other's part
/// ("Halden" in "Marta Halden"); for quotes, mostly the same words.
pub fn same(x: &Fact, y: &Fact) -> bool {
    if x.kind != y.kind {
        return false;
    }
    if x.value == y.value {
        return true;
    }
    match x.kind {
        // Names are a few words: scanning them beats building two sets.
        FactKind::Entity => words_within(&x.value, &y.value) || words_within(&y.value, &x.value),
        FactKind::Quote => same_quote(&x.value, &y.value),
        // A death toll and a count of the dead of one number: "the toll rose to 43", "43
        // people had died".
        FactKind::Count => match (x.value.strip_suffix(" toll"), y.value.strip_suffix(" toll")) {
            (Some(n), None) => people_count(&y.value) == Some(n),
            (None, Some(n)) => people_count(&x.value) == Some(n),
            _ => false,
        },
        _ => false,
    }
}

/// B quotes a run of words may index: a run found in more of them is given by B anyway,
/// and following every one would make the search quadratic on repetitive text.
const RUN_CAP: usize = 32;
/// Words in a run that indexes a quote.
const RUN: usize = 3;

/// The runs of [`RUN`] words of a quote's value (the whole value when shorter), hashed.
fn runs(value: &str) -> Vec<u64> {
    let w: Vec<&str> = value.split(' ').filter(|w| !w.is_empty()).collect();
    let hash = |r: &[&str]| foldhash::fast::FixedState::default().hash_one(r);
    if w.len() <= RUN {
        return vec![hash(&w)];
    }
    w.windows(RUN).map(hash).collect()
}

/// B's quotes, indexed by normalised value and by runs of words, so that finding whether B
/// gives a quote costs the quotes that share a run with it, not all of B's quotes.
struct QuoteIndex<'a> {
    values: HashSet<&'a str>,
    by_run: HashMap<u64, Vec<&'a str>>,
    /// Each quote's words, split once rather than for every quote it is checked against.
    words: HashMap<&'a str, HashSet<&'a str>>,
}

impl<'a> QuoteIndex<'a> {
    fn new(facts: &'a [Fact]) -> Self {
        let values: HashSet<&str> = facts
            .iter()
            .filter(|f| f.kind == FactKind::Quote)
            .map(|f| f.value.as_str())
            .collect();
        let mut by_run: HashMap<u64, Vec<&str>> = HashMap::new();
        for &v in &values {
            for r in runs(v) {
                let posting = by_run.entry(r).or_default();
                // One past the cap marks a run too common to follow.
                if posting.len() <= RUN_CAP {
                    posting.push(v);
                }
            }
        }
        let words = values.iter().map(|&v| (v, words(v))).collect();
        QuoteIndex {
            values,
            by_run,
            words,
        }
    }

    /// True when B gives the quote `value`: the same words, or mostly the same. Each of B's
    /// quotes that shares a run with it is checked once.
    fn gives(&self, value: &str) -> bool {
        if self.values.contains(value) {
            return true;
        }
        let mine = words(value);
        let mut seen: HashSet<&str> = HashSet::default();
        runs(value).iter().any(|r| match self.by_run.get(r) {
            Some(p) if p.len() > RUN_CAP => true,
            Some(p) => p
                .iter()
                .filter(|q| seen.insert(q))
                .any(|q| self.words.get(q).is_some_and(|w| same_words(&mine, w))),
            None => false,
        })
    }
}

/// B's names, indexed so that a name spelt another way is found among the names that
/// agree with it in all words but one, and in that word's first and last letters (what
/// [`super::misspelt`] allows to differ is inside one word).
struct NameIndex<'a> {
    by_mask: HashMap<String, Vec<&'a str>>,
}

/// The keys of a name: for each word, the name with that word cut to its first and last
/// letters.
fn masks(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    (0..words.len())
        .map(|k| {
            let mut w: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            let first = words[k].chars().next().unwrap_or(' ');
            let last = words[k].chars().last().unwrap_or(' ');
            w[k] = format!("{first}…{last}");
            w.join(" ")
        })
        .collect()
}

impl<'a> NameIndex<'a> {
    fn new(names: &HashSet<&'a str>) -> Self {
        let mut by_mask: HashMap<String, Vec<&str>> = HashMap::new();
        for &n in names {
            for m in masks(n) {
                by_mask.entry(m).or_default().push(n);
            }
        }
        NameIndex { by_mask }
    }

    /// True when B writes the name `value` another way.
    fn misspells(&self, value: &str) -> bool {
        masks(value).iter().any(|m| {
            self.by_mask
                .get(m)
                .is_some_and(|ns| ns.iter().any(|n| super::misspelt(value, n)))
        })
    }
}

/// Indices of the facts of `a` that `b` gives nowhere. Linear in the facts of both: quotes
/// and names are looked up through indexes, never compared pairwise. Bylines, the article's
/// date and ranks are never listed (see `link_additions`).
pub fn missing(a: Analysed<'_>, b: Analysed<'_>) -> Vec<usize> {
    let exact: HashSet<(FactKind, &str)> =
        b.facts.iter().map(|f| (f.kind, f.value.as_str())).collect();
    let names: HashSet<&str> = b
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Entity)
        .map(|f| f.value.as_str())
        .collect();
    let name_words: HashSet<&str> = names.iter().flat_map(|n| n.split(' ')).collect();
    // Words B writes capitalised anywhere, its headline too (no names are read there: title
    // case capitalises every word): a name of A whose every word is one of them is written
    // in B, if not as a name ("after Sam's Club pedestrian death"). A word that opens a
    // sentence counts too: of the 14 names this takes off the lists of the 39 reference
    // pairs, 8 are written only so in the other source ("Parliament has 125 seats.",
    // "Microsoft releases…"). The cost: a one-word name that is also a common word opening
    // a sentence there ("Target practice went on") is taken for written.
    let capitalised = Capitalised::new(
        b.text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(crate::facts::words::fold)
            .collect(),
    );
    // "0737 GMT" and "07:37 UTC": one moment given in UTC (see `utc_minute`).
    let moments: HashSet<i32> = (b.facts.iter())
        .filter(|f| f.kind == FactKind::Time)
        .filter_map(|f| utc_minute(&f.value))
        .collect();
    // "10 kilometres" and "six miles": one depth in two units.
    let measured: Vec<Measured> = (b.facts.iter())
        .filter(|f| f.kind == FactKind::Quantity)
        .filter_map(|f| Measured::read(&f.value))
        .collect();
    let spelt = NameIndex::new(&names);
    let quotes = QuoteIndex::new(b.facts);
    // "14,000 people" and "14,000 residents": one count of people, worded two ways.
    let people: HashSet<&str> = b
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Count)
        .filter_map(|f| people_count(&f.value))
        .collect();
    // "1,600 houses" and "1,600 homes": a count in the hundreds or more that the other side
    // gives of another noun is that count worded another way, not chance.
    let large: HashSet<&str> = (b.facts.iter())
        .filter(|f| f.kind == FactKind::Count)
        .filter_map(|f| large_number(&f.value))
        .collect();
    // The header's date line is the article's date and time, not a date of the story: each
    // source has its own ("on July 02 2013 7:41 AM", "Updated Saturday, December 05, 2009
    // 8:28 PM"). Only what stands right beside the date on its line: prose may follow a
    // date on one line ("date 2026-01-17 The White House said on Jan. 16 …").
    const BESIDE: usize = 16;
    // A line that opens with a label and a time before the date ("Published 12:17 am,
    // Monday, September 16, 2013"), the date no more than this many bytes in, is the date
    // line from its start.
    const LABEL_AND_TIME: usize = 40;
    let dated: Vec<Span> = (a.facts.iter())
        .filter(|f| f.kind == FactKind::Published)
        .map(|f| {
            let s = f.span.widened(a.text, BESIDE);
            let line_start = crate::lines::line_start(a.text, f.span.start);
            let line_end =
                (a.text[f.span.end..].find('\n')).map_or(a.text.len(), |i| f.span.end + i);
            let start = if f.span.start - line_start <= LABEL_AND_TIME {
                line_start
            } else {
                s.start.max(line_start)
            };
            Span::new(start, s.end.min(line_end))
        })
        .collect();
    // Repetitive text states one value many times: each is looked up once.
    let mut seen: HashMap<(FactKind, &str), bool> = HashMap::new();
    a.facts
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            !matches!(
                f.kind,
                FactKind::Byline | FactKind::Published | FactKind::Rank
            )
        })
        .filter(|(_, f)| {
            !matches!(f.kind, FactKind::Date | FactKind::Time)
                || !dated.iter().any(|line| line.contains(&f.span))
        })
        .filter(|(_, f)| {
            if exact.contains(&(f.kind, f.value.as_str())) {
                return false;
            }
            *seen
                .entry((f.kind, f.value.as_str()))
                .or_insert_with(|| match f.kind {
                    // A name spelt another way is a conflict, not a name only one side gives.
                    FactKind::Entity => {
                        !f.value.split(' ').all(|w| name_words.contains(w))
                            && !f.value.split(' ').all(|w| capitalised.write(w))
                            && !spelt.misspells(&f.value)
                            && !named_by_its_end(&f.value, &names)
                    }
                    FactKind::Quote => !quotes.gives(&f.value),
                    FactKind::Time => utc_minute(&f.value).is_none_or(|m| !moments.contains(&m)),
                    FactKind::Quantity => Measured::read(&f.value)
                        .is_none_or(|m| !measured.iter().any(|o| m.converts_to(o))),
                    FactKind::Count => {
                        people_count(&f.value).is_none_or(|n| !people.contains(n))
                            && large_number(&f.value).is_none_or(|n| !large.contains(n))
                    }
                    _ => true,
                })
        })
        .map(|(i, _)| i)
        .collect()
}

/// True when `names` (the other side's) hold the last words of `value`: "the Saints" name
/// the "New Orleans Saints", "Williams" names "Jamal Williams". Not a first part: "New
/// York" does not name the "New York Police", nor "US" the "US Navy"; nor when the other
/// side gives those last words to another full name ("John Smith": its "Smith" is not
/// "Mark Smith").
fn named_by_its_end(value: &str, names: &HashSet<&str>) -> bool {
    value.match_indices(' ').any(|(at, _)| {
        let tail = &value[at + 1..];
        // "University of Athens", "Party of Turkmenistan": what follows "of" is another
        // entity, not the name's last words.
        let joined = value[..at]
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "of" | "for" | "and" | "the" | "de" | "in" | "at"));
        !joined
            && names.contains(tail)
            && !names.iter().any(|n| {
                *n != tail
                    && *n != value
                    && n.ends_with(tail)
                    && n[..n.len() - tail.len()].ends_with(' ')
            })
    })
}

/// The number of a count in the hundreds or more ("1600 house"), as its value writes it.
fn large_number(value: &str) -> Option<&str> {
    let (n, _) = value.split_once(' ')?;
    n.parse::<f64>().ok().filter(|&x| x >= 100.0).map(|_| n)
}

/// The number of a count of people ("14000 resident", "3 people"): its value's number when
/// its noun is one people are counted in.
fn people_count(value: &str) -> Option<&str> {
    let (n, noun) = value.split_once(' ')?;
    let person = crate::lexicon::PEOPLE_NOUNS
        .iter()
        .any(|(one, many)| noun == *one || noun == *many || noun == many.trim_end_matches('s'));
    person.then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_through_their_runs() {
        let f = |v: &str| Fact {
            kind: FactKind::Quote,
            span: crate::span::Span::new(0, 0),
            value: v.to_string(),
            speaker: None,
        };
        let b = [
            f("we will not surrender to anyone ever"),
            f("the port stays open"),
        ];
        let idx = QuoteIndex::new(&b);
        assert!(idx.gives("the port stays open"));
        assert!(idx.gives("we will not surrender to anyone"));
        assert!(!idx.gives("the bridge stays shut tonight"));
    }

    #[test]
    fn a_count_of_people_is_one_whatever_it_calls_them() {
        assert_eq!(people_count("14000 resident"), Some("14000"));
        assert_eq!(people_count("3 people"), Some("3"));
        assert_eq!(people_count("3 building"), None);
    }

    #[test]
    fn names_spelt_another_way_are_found_by_their_masks() {
        let names: HashSet<&str> = ["kristofer lund", "tarvenna"].into_iter().collect();
        let idx = NameIndex::new(&names);
        assert!(idx.misspells("kristoffer lund"));
        assert!(idx.misspells("tarvena"));
        assert!(!idx.misspells("bogota"));
    }
}
