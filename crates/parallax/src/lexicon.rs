//! Word lists the engine reads: number words (the tokens that passages are compared by know
//! them as well as the fact extractors), months, units, currencies, titles, news agencies,
//! speech verbs. General vocabulary only; the code holds no list of its own.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

mod amounts;
mod measures;
mod names;

pub use amounts::{
    EVENT_NAMES, EVENTS, HEDGES_AFTER, HEDGES_BEFORE, HUMAN_EVENTS, Hedge, MULTIPLIERS,
    NEUTRAL_MODIFIERS, PART_PRONOUNS, PEOPLE_NOUNS, VAGUE_AMOUNTS,
};
pub use measures::{DIMENSION_NAMES, QUAKE_WORDS, TIME_ZONES, unit_scale};
pub use names::{GROUP_SOURCES, PLACE_ABBREVIATIONS, RANKS};

/// Number words (English and German) and their values.
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
    ("dozens", 24),
    ("hundreds", 200),
    ("thousands", 2000),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
    ("zwanzig", 20),
    ("dreißig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
    // As the passages' terms fold them (no umlauts), and "ss" for "ß" as the Swiss write it.
    ("funf", 5),
    ("zwolf", 12),
    ("funfzehn", 15),
    ("funfzig", 50),
    ("dreissig", 30),
];

/// Stems of ordinal words and their values ("zweiter Tag" ~ "2. Tag", "third" ~ "3rd").
/// "first" and "second" are left out: they are more often "at first" and a unit of time.
pub const ORDINAL_STEMS: &[(&str, u64)] = &[
    ("zweit", 2),
    ("dritt", 3),
    ("viert", 4),
    ("funft", 5),
    ("sechst", 6),
    ("siebt", 7),
    ("neunt", 9),
    ("zehnt", 10),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
];

/// Vague quantities that still count something ("several officials", "multiple sources").
pub const VAGUE_NUMBERS: &[&str] = &["several", "multiple", "numerous", "dozens", "mehrere"];

/// Multipliers after a number ("25 million", "3bn", "2,5 Mrd.").
pub const SCALES: &[(&str, u64)] = &[
    ("thousand", 1_000),
    ("k", 1_000),
    ("million", 1_000_000),
    ("millions", 1_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("m", 1_000_000),
    ("mio", 1_000_000),
    ("millionen", 1_000_000),
    ("billion", 1_000_000_000),
    ("billions", 1_000_000_000),
    ("bn", 1_000_000_000),
    ("bln", 1_000_000_000),
    ("b", 1_000_000_000),
    ("mrd", 1_000_000_000),
    ("milliarden", 1_000_000_000),
    ("milliarde", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
    ("tn", 1_000_000_000_000),
];

/// Currency signs and words and their ISO codes.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("$", "USD"),
    ("us$", "USD"),
    ("usd", "USD"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("€", "EUR"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("¥", "JPY"),
    ("yen", "JPY"),
    ("chf", "CHF"),
    ("franken", "CHF"),
];

/// Units of measure, as written, and the name a value uses.
pub const UNITS: &[(&str, &str)] = &[
    ("km", "km"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("mile", "mile"),
    ("miles", "mile"),
    ("m", "m"),
    ("meters", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("metre", "m"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("nautical miles", "nmi"),
    ("cm", "cm"),
    ("centimeters", "cm"),
    ("centimetres", "cm"),
    ("centimeter", "cm"),
    ("centimetre", "cm"),
    ("mm", "mm"),
    ("millimeters", "mm"),
    ("millimetres", "mm"),
    ("millimeter", "mm"),
    ("millimetre", "mm"),
    ("inches", "inch"),
    ("inch", "inch"),
    ("mg", "mg"),
    ("milligrams", "mg"),
    ("grams", "g"),
    ("gram", "g"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilo", "kg"),
    ("tons", "t"),
    ("tonnes", "t"),
    ("ton", "t"),
    ("tonne", "t"),
    ("tonnen", "t"),
    ("pounds", "lb"),
    ("lb", "lb"),
    ("barrels", "barrel"),
    ("barrel", "barrel"),
    ("bpd", "barrel/day"),
    ("gallons", "gallon"),
    ("gallon", "gallon"),
    ("liters", "l"),
    ("litres", "l"),
    ("liter", "l"),
    ("litre", "l"),
    ("gigawatts", "GW"),
    ("gigawatt", "GW"),
    ("gw", "GW"),
    ("megawatts", "MW"),
    ("megawatt", "MW"),
    ("mw", "MW"),
    ("kilowatts", "kW"),
    ("kw", "kW"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("square kilometers", "km2"),
    ("square kilometres", "km2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("square miles", "sq mile"),
    ("mph", "mph"),
    ("miles per hour", "mph"),
    ("km/h", "km/h"),
    ("kph", "km/h"),
    ("kilometers per hour", "km/h"),
    ("kilometres per hour", "km/h"),
    ("knots", "knot"),
    ("knot", "knot"),
    ("°c", "°C"),
    ("°f", "°F"),
    ("degrees celsius", "°C"),
    ("degrees fahrenheit", "°F"),
    ("degrees", "degree"),
    ("grad", "degree"),
];

/// Month names and abbreviations (English and German) with their numbers.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janner", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("marz", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
];

/// Weekdays (English and German), normalised to the English name.
pub const WEEKDAYS: &[(&str, &str)] = &[
    ("monday", "Monday"),
    ("tuesday", "Tuesday"),
    ("wednesday", "Wednesday"),
    ("thursday", "Thursday"),
    ("friday", "Friday"),
    ("saturday", "Saturday"),
    ("sunday", "Sunday"),
    ("montag", "Monday"),
    ("dienstag", "Tuesday"),
    ("mittwoch", "Wednesday"),
    ("donnerstag", "Thursday"),
    ("freitag", "Friday"),
    ("samstag", "Saturday"),
    ("sonntag", "Sunday"),
];

/// Titles and affiliations that stand before a name and are not part of it, longest first
/// where one starts another ("secretary of state" before "secretary").
pub const TITLES: &[&str] = &[
    "secretary of state",
    "secretary of defense",
    "defense secretary",
    "foreign minister",
    "interior minister",
    "prime minister",
    "vice president",
    "special representative",
    "special envoy",
    "former",
    "late",
    "interim",
    "acting",
    "president",
    "secretary",
    "minister",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "governor",
    "gov.",
    "general",
    "gen.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
    "judge",
    "ambassador",
    "chancellor",
    "mayor",
    "king",
    "queen",
    "pope",
    "republican",
    "democratic",
    "democrat",
    "u.s.",
    "us",
    "official",
    "herr",
    "frau",
    "bundeskanzler",
    "bundeskanzlerin",
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
];

/// News agencies and outlets, and the key each is known by, so "AP" = "Associated Press".
pub const AGENCIES: &[(&str, &str)] = &[
    ("associated press", "associated press"),
    ("the associated press", "associated press"),
    ("ap", "associated press"),
    ("reuters", "reuters"),
    ("agence france-presse", "afp"),
    ("afp", "afp"),
    ("axios", "axios"),
    ("bloomberg", "bloomberg"),
    ("cnn", "cnn"),
    ("cbs", "cbs"),
    ("nbc", "nbc"),
    ("abc", "abc"),
    ("bbc", "bbc"),
    ("dpa", "dpa"),
    ("deutsche presse-agentur", "dpa"),
    ("new york times", "new york times"),
    ("the new york times", "new york times"),
    ("washington post", "washington post"),
    ("the washington post", "washington post"),
    ("wall street journal", "wall street journal"),
    ("the wall street journal", "wall street journal"),
    ("politico", "politico"),
    ("fox news", "fox news"),
];

/// Bodies known by two names, and the key each is known by: "Scotland Yard" is the
/// Metropolitan Police, "the Pentagon" the Defense Department (keys are folded, without
/// "the"). Without them a quote given to one name by one outlet and to the other by another
/// reads as two speakers.
pub const BODY_ALIASES: &[(&str, &str)] = &[
    ("scotland yard", "metropolitan police"),
    ("new scotland yard", "metropolitan police"),
    ("met police", "metropolitan police"),
    ("metropolitan police service", "metropolitan police"),
    ("pentagon", "defense department"),
    ("department of defense", "defense department"),
    ("us defense department", "defense department"),
    ("downing street", "prime minister's office"),
    ("no 10", "prime minister's office"),
    ("number 10", "prime minister's office"),
    ("department of state", "state department"),
];

/// Verbs that report speech, for "X said", "told Y", "said X".
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "tells",
    "reported",
    "reports",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "notes",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "indicate",
    "indicates",
    "indicated",
    "wrote",
    "writes",
    "announced",
    "announces",
    "insisted",
    "insists",
    "warned",
    "warns",
    "sagte",
    "sagt",
    "sagten",
    "berichtete",
    "berichtet",
    "erklärte",
    "erklärt",
];

/// Nouns for time spans; a number before one is a duration, not a count of things.
pub const TIME_UNITS: &[(&str, &str)] = &[
    ("second", "second"),
    ("seconds", "second"),
    ("minute", "minute"),
    ("minutes", "minute"),
    ("min", "minute"),
    ("hour", "hour"),
    ("hours", "hour"),
    ("day", "day"),
    ("days", "day"),
    ("week", "week"),
    ("weeks", "week"),
    ("month", "month"),
    ("months", "month"),
    ("year", "year"),
    ("years", "year"),
    ("decade", "decade"),
    ("decades", "decade"),
    ("century", "century"),
    ("centuries", "century"),
    ("tag", "day"),
    ("tage", "day"),
    ("tagen", "day"),
    ("woche", "week"),
    ("wochen", "week"),
    ("monat", "month"),
    ("monate", "month"),
    ("monaten", "month"),
    ("jahr", "year"),
    ("jahre", "year"),
    ("jahren", "year"),
];

/// Plural nouns without a final "s" that people are counted in.
pub const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "personnel",
    "crew",
    "cattle",
    "sheep",
    "aircraft",
    "geese",
    "mice",
    "menschen",
    "personen",
    "leute",
];

static SPEECH_VERB_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());

static NUMBER_WORD_MAP: LazyLock<HashMap<&'static str, u64>> =
    LazyLock::new(|| NUMBER_WORDS.iter().copied().collect());

/// True when `word` (as written) is a title written before a name ("Governor", "Dr.",
/// "Mr"), with or without its point.
pub fn is_title(word: &str) -> bool {
    let w = word.to_lowercase();
    TITLES.contains(&w.as_str()) || TITLES.contains(&w.trim_end_matches('.'))
}

/// True when `w` (as written) is a verb that reports speech. Called for every word, hence
/// the set.
pub fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERB_SET.contains(w)
}

/// The value of a number word (lower case), a compound of tens and units included
/// ("twenty-six", with a hyphen or a non-breaking one).
pub fn number_word(w: &str) -> Option<u64> {
    if let Some(v) = NUMBER_WORD_MAP.get(w) {
        return Some(*v);
    }
    let (tens, unit) = w.split_once(['-', '‑'])?;
    let tens = NUMBER_WORD_MAP
        .get(tens)
        .filter(|&&v| v % 10 == 0 && (20..100).contains(&v))?;
    let unit = NUMBER_WORD_MAP
        .get(unit)
        .filter(|&&v| (1..10).contains(&v))?;
    Some(tens + unit)
}

/// Looks `word` (already lower case) up in a table.
pub fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}
