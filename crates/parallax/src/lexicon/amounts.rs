//! How exact a stated amount is, and what it counts: hedges ("about", "at least", "or
//! more"), amounts in words ("dozens", "a handful") with the range each allows, events a
//! count is of ("killed", "injured"), and words that name a count without changing what it
//! counts ("current and former officials").

/// How a hedge bends the number it stands next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    /// Near the number, either side: "about", "around", "some".
    About,
    /// Just below the number: "nearly", "almost".
    Nearly,
    /// The number or more: "at least", "or more"; "over" and "above" too, which are as
    /// often a preposition ("spread over 500 hectares") as a bound.
    AtLeast,
    /// Above the number, and not the number: "more than", "in excess of".
    Over,
    /// The number or less: "up to", "at most", "or less".
    AtMost,
    /// Below the number, and not the number: "fewer than", "less than", "under", "below".
    Under,
    /// Shortly after the time: "shortly after 2 a.m.".
    After,
    /// Shortly before the time: "just before noon".
    Before,
}

/// Hedges written before a number, lower case, longest first where one ends another.
pub const HEDGES_BEFORE: &[(&str, Hedge)] = &[
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("no more than", Hedge::AtMost),
    ("in excess of", Hedge::Over),
    ("upwards of", Hedge::AtLeast),
    ("an estimated", Hedge::About),
    ("as many as", Hedge::AtMost),
    ("shortly after", Hedge::After),
    ("shortly before", Hedge::Before),
    ("just after", Hedge::After),
    ("just before", Hedge::Before),
    ("soon after", Hedge::After),
    ("just over", Hedge::AtLeast),
    ("just under", Hedge::Nearly),
    ("more than", Hedge::Over),
    ("fewer than", Hedge::Under),
    ("less than", Hedge::Under),
    ("close to", Hedge::Nearly),
    ("at least", Hedge::AtLeast),
    ("at most", Hedge::AtMost),
    ("up to", Hedge::AtMost),
    ("approximately", Hedge::About),
    ("approx.", Hedge::About),
    ("estimated", Hedge::About),
    ("roughly", Hedge::About),
    ("around", Hedge::About),
    ("about", Hedge::About),
    ("some", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("over", Hedge::AtLeast),
    ("above", Hedge::AtLeast),
    ("under", Hedge::Under),
    ("below", Hedge::Under),
    ("after", Hedge::After),
    ("before", Hedge::Before),
    ("mehr als", Hedge::Over),
    ("weniger als", Hedge::Under),
    ("bis zu", Hedge::AtMost),
    ("mindestens", Hedge::AtLeast),
    ("höchstens", Hedge::AtMost),
    ("ungefähr", Hedge::About),
    ("etwa", Hedge::About),
    ("rund", Hedge::About),
    ("circa", Hedge::About),
    ("ca.", Hedge::About),
    ("knapp", Hedge::Nearly),
    ("fast", Hedge::Nearly),
    ("über", Hedge::AtLeast),
];

/// Hedges written after a number ("magnitude 3.0 or above", "50 or more").
pub const HEDGES_AFTER: &[(&str, Hedge)] = &[
    ("or more", Hedge::AtLeast),
    ("or above", Hedge::AtLeast),
    ("or higher", Hedge::AtLeast),
    ("or greater", Hedge::AtLeast),
    ("or over", Hedge::AtLeast),
    ("or less", Hedge::AtMost),
    ("or fewer", Hedge::AtMost),
    ("or below", Hedge::AtMost),
    ("or lower", Hedge::AtMost),
    ("plus", Hedge::AtLeast),
    ("oder mehr", Hedge::AtLeast),
];

/// Amounts in words and the range of counts each allows (inclusive). Generous on purpose:
/// "several" and "two" are not told apart, "dozens" and "eight" are.
pub const VAGUE_AMOUNTS: &[(&str, f64, f64)] = &[
    ("a couple", 2.0, 3.0),
    ("half a dozen", 5.0, 7.0),
    ("a few", 2.0, 9.0),
    ("a handful", 2.0, 9.0),
    ("handful", 2.0, 9.0),
    ("several", 2.0, 30.0),
    ("multiple", 2.0, f64::INFINITY),
    ("numerous", 2.0, f64::INFINITY),
    ("many", 2.0, f64::INFINITY),
    ("a couple of dozen", 24.0, 36.0),
    ("a few dozen", 24.0, 108.0),
    ("several dozen", 24.0, 360.0),
    ("dozens", 24.0, 199.0),
    ("a couple of hundred", 200.0, 300.0),
    ("a few hundred", 200.0, 900.0),
    ("several hundred", 200.0, 3_000.0),
    ("a couple of thousand", 2_000.0, 3_000.0),
    ("a few thousand", 2_000.0, 9_000.0),
    ("several thousand", 2_000.0, 30_000.0),
    ("scores", 40.0, 199.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2_000.0, 9_999.0),
    ("tens of thousands", 20_000.0, 99_999.0),
    ("hundreds of thousands", 200_000.0, 999_999.0),
    ("millions", 2e6, 999e6),
    ("mehrere", 2.0, 30.0),
    ("dutzende", 24.0, 199.0),
    ("hunderte", 200.0, 999.0),
    ("tausende", 2_000.0, 9_999.0),
];

/// Words for what happened to the people or things counted, and the event each names: a
/// count of the killed and a count of the injured are two slots, "died" and "deaths" one.
pub const EVENTS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("kill", "killed"),
    ("kills", "killed"),
    ("killing", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("dying", "killed"),
    ("death", "killed"),
    ("deaths", "killed"),
    ("fatalities", "killed"),
    ("perished", "killed"),
    ("injured", "injured"),
    ("injuring", "injured"),
    ("injuries", "injured"),
    ("injury", "injured"),
    ("wounded", "injured"),
    ("wounding", "injured"),
    ("hurt", "injured"),
    ("hospitalised", "injured"),
    ("hospitalized", "injured"),
    ("arrested", "arrested"),
    ("arrests", "arrested"),
    ("detained", "arrested"),
    ("missing", "missing"),
    ("evacuated", "evacuated"),
    ("displaced", "displaced"),
    ("homeless", "displaced"),
    ("damaged", "damaged"),
    ("destroyed", "damaged"),
    ("collapsed", "damaged"),
    ("flattened", "damaged"),
    ("rescued", "rescued"),
    ("getötet", "killed"),
    ("tote", "killed"),
    ("toten", "killed"),
    ("starben", "killed"),
    ("verletzt", "injured"),
    ("verletzte", "injured"),
    ("verletzten", "injured"),
    ("festgenommen", "arrested"),
];

/// The events of [`EVENTS`] that happen to people: a number right by one of these words
/// counts people even when it names none ("killing four", "dozens injured").
pub const HUMAN_EVENTS: &[&str] = &[
    "killed",
    "injured",
    "arrested",
    "missing",
    "evacuated",
    "displaced",
    "rescued",
];

/// How a flag names each event's slot.
pub const EVENT_NAMES: &[(&str, &str)] = &[
    ("killed", "Killed"),
    ("injured", "Injured"),
    ("arrested", "Arrested"),
    ("missing", "Missing"),
    ("evacuated", "Evacuated"),
    ("displaced", "Displaced"),
    ("damaged", "Damaged or destroyed"),
    ("rescued", "Rescued"),
];

/// The pronouns a part of a count is told with: "85 people, 40 of them in Korbal", "two of
/// whom were children".
pub const PART_PRONOUNS: &[&str] = &["them", "whom"];

/// Words that multiply the number before them into one number: "two dozen", "three
/// hundred", "ten thousand", "two million".
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("million", 1e6),
    ("billion", 1e9),
];

/// Words between a number and its noun that say nothing about what is counted: "five
/// current and former officials" counts officials, as "three officials" does.
pub const NEUTRAL_MODIFIERS: &[&str] = &[
    "and",
    "or",
    "current",
    "former",
    "other",
    "more",
    "additional",
    "further",
    "senior",
    "top",
    "junior",
    "unnamed",
    "anonymous",
    "different",
    "separate",
    "individual",
    "new",
    "weitere",
    "andere",
];

/// Singular nouns for people that "one" or "a" may count ("killed one person"), and the
/// noun their plural counts are keyed by.
pub const PEOPLE_NOUNS: &[(&str, &str)] = &[
    ("person", "people"),
    ("persons", "people"),
    ("people", "people"),
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
    ("student", "students"),
    ("soldier", "soldiers"),
    ("officer", "officers"),
    ("civilian", "civilians"),
    ("militant", "militants"),
    ("worker", "workers"),
    ("passenger", "passengers"),
    ("resident", "residents"),
    ("victim", "victims"),
];
