//! What a fact is about, read from the words around it in its clause: the content words
//! next to it, the event it counts ("killed", "injured"), whose it is (the name that owns it:
//! "Thomas has … 498 rushing yards"), and whether it stands in a date stamp rather than in
//! prose. Two facts fill one slot only when these agree.

use std::collections::HashSet;

use super::super::words::{sentence_end, sentence_start};
use super::super::{Analysed, Fact, FactKind};
use super::numeric::same_name;
use crate::lexicon::{
    EVENTS, HEDGES_BEFORE, HUMAN_EVENTS, MONTHS, PART_PRONOUNS, QUAKE_WORDS, TIME_UNITS,
    TIME_ZONES, WEEKDAYS, is_speech_verb, lookup,
};
use crate::span::Span;
use crate::text::{Token, tokens_unstemmed};

/// How many content words on each side of a fact say what it is about.
const NEAR: usize = 4;
/// How far around a fact its clause is read, in bytes.
const REACH: usize = 160;
/// The most words a date stamp line has ("Wed, Sep 19 2012 at 11:47 AM ET").
const STAMP_WORDS: usize = 12;

/// Words too general to tell two facts apart.
const VAGUE: &[&str] = &[
    "last",
    "next",
    "this",
    "past",
    "ago",
    "earlier",
    "later",
    "late",
    "early",
    "recent",
    "several",
    "since",
    "dates",
    "date",
    "time",
    "said",
    "says",
    "told",
    "according",
    "least",
    "about",
    "around",
    "nearly",
    "almost",
    "more",
    "less",
    "than",
    "over",
    "under",
    "some",
    "also",
    "just",
    "only",
    "total",
    "magnitude",
    "richter",
    "scale",
];

/// Words a date stamp may hold besides numbers, months, weekdays and zones.
const STAMP_WORDS_OK: &[&str] = &[
    "at",
    "on",
    "updated",
    "published",
    "posted",
    "last",
    "modified",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "et",
    "gmt",
];

/// What a fact is about.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The content words near it, stemmed, events and quake words by their class.
    pub words: HashSet<String>,
    /// Of [`words`](Self::words), the nearest on each side (at most two).
    pub nearest: HashSet<String>,
    /// The event it counts or dates, nearest first.
    pub event: Option<&'static str>,
    /// The name that owns it (folded), when one stands before it in its clause.
    pub owner: Option<String>,
    /// The name as written.
    pub owner_text: Option<String>,
    /// Its clause's words, folded, each followed by a space, when it has an owner: two
    /// owners are no two slots when each side's clause also names the other's ("Sociedad
    /// sold Zubieta to Arsenal for €60m" / "Arsenal signed Zubieta from Sociedad for 55
    /// million euros").
    pub clause: String,
    /// A word for an earthquake near it, by class ("quake", "aftershock").
    pub quake: Option<&'static str>,
    /// For a magnitude: its clause places it before or after another moment ("two weeks
    /// later", "after the main shock"), so it may be of another quake.
    pub shifted: bool,
    /// True when it stands in a line that is only a date and time (a time stamp).
    pub stamp: bool,
    /// True for an age right after a possessive ("Timmons' 16-year-old friend", "his
    /// 15-year-old son"): the age of someone the name before it has, not of that name.
    pub possessed: bool,
    /// Where a count is counted, when its clause says so right after it: in one place or
    /// over many (see [`Scope`]).
    pub scope: Scope,
    /// For an age written "at the age of 19": the age at the moment the event before it
    /// in its stretch of the clause tells (by its class: "died … at the age of 82"), else
    /// the word right before it ("made his debut at the age of 19": "debut"), else, when
    /// it opens its clause, the event after it ("At the age of 82, the actor died");
    /// empty when none says. It need not be the person's age now.
    pub moment: Option<String>,
    /// For an age: the side of a crime the words around it put the person on ("the
    /// victim, 16"; "a 17-year-old boy has been charged"), when they name one side only.
    pub role: Option<&'static str>,
    /// For a measurement: the part of the day its stretch of the clause names ("-12C
    /// overnight", "daytime temperatures"): a night's low and a day's high are two readings.
    pub period: Option<&'static str>,
    /// For a speed: a limit, not a reading ("where the limit for lorries is 60mph", "a
    /// 30mph zone"), by the words of its stretch of the clause.
    pub limit: bool,
    /// For a share or a sum: the measure its stretch of the clause names, by class ("sales
    /// rose 8%", "a 3% increase in profits"; "turnout was 58%", "backed by 52%"): two
    /// measures are two figures.
    pub measure: Option<&'static str>,
}

/// Where a count is counted. A tally over many places ("across Asia", "in a dozen
/// countries", a total a part of which follows: "230,000 people, over 170,000 of them in
/// Aceh") and a tally in one place ("in Indonesia's Aceh province", "in the market") are two
/// slots: the second is a part of the first. Two single places are compared as one slot, for
/// a text does not say whether one holds the other ("in Gaza", "in Jabaliya").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// No place follows, or a time or an event ("in the past week", "in the floods").
    #[default]
    Unsaid,
    /// One place: a named one ("in Indonesia's Aceh province", "in Kalvo") or one a noun
    /// names ("in the harbour town", "at the border post").
    One,
    /// Many places: "across Asia", "in a dozen countries", or a total split by place.
    Many,
}

impl Scope {
    /// True when one count is of a part and the other of a whole.
    pub fn part_and_whole(self, other: Scope) -> bool {
        matches!(
            (self, other),
            (Scope::One, Scope::Many) | (Scope::Many, Scope::One)
        )
    }
}

/// The clause bounds around `span`: its sentence, at most [`REACH`] bytes either side.
fn clause(text: &str, span: Span) -> Span {
    let Span { start: lo, end: hi } = span.widened(text, REACH);
    let lo = lo.max(sentence_start(text, span.start));
    let hi = hi.min(sentence_end(text, span.end)).max(span.end);
    Span::new(lo.min(span.start), hi)
}

/// Words that set a moment before or after another: a magnitude in a clause with one of
/// them may be of another quake ("struck two weeks later", "after the main shock").
const SHIFT_WORDS: &[&str] = &[
    "later",
    "earlier",
    "after",
    "afterwards",
    "before",
    "following",
    "previous",
    "preceding",
    "since",
    "ago",
];

/// Verbs that join a subject to what is said of it: "were", "had been".
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "been", "be", "being", "had", "have", "has",
];

/// True when the text between two words breaks the clause.
fn breaks(gap: &str) -> bool {
    gap.contains([';', ':', '(', ')', '—', '–', '"', '“', '”', '\n'])
}

fn is_number(t: &Token) -> bool {
    t.numeric || crate::lexicon::number_word(&t.folded).is_some()
}

/// What `f` in `src` is about. The words of the other number, date and time facts of its
/// clause are left to them ("189 rushing yards" does not say what "two games" counts).
pub fn context(src: Analysed<'_>, f: &Fact) -> Context {
    let text = src.text;
    let around = clause(text, f.span);
    let toks = tokens_unstemmed(text, around, src.lang);
    let others = clause_facts(src, f, around, |g| numberish(g.kind));
    let mut rivals = clause_facts(src, f, around, |g| g.kind == f.kind);
    if f.kind == FactKind::Date {
        let joined = joined_dates(src, f, around);
        rivals.retain(|g| !joined.contains(g));
    }
    let mut ctx = Context {
        stamp: is_stamp(text, &toks),
        shifted: f.kind == FactKind::Magnitude
            && toks
                .iter()
                .any(|t| SHIFT_WORDS.contains(&t.folded.as_str())),
        ..Context::default()
    };
    let at = toks.partition_point(|t| t.span.end <= f.span.start);
    let after = toks.partition_point(|t| t.span.start < f.span.end);
    let mut events: Vec<(usize, &'static str)> = Vec::new();
    // Left, then right, each up to NEAR content words, stopping where the clause breaks.
    for (dir, range) in [
        (-1i32, (0..at).rev().collect::<Vec<_>>()),
        (1, (after..toks.len()).collect()),
    ] {
        let mut taken = 0;
        // "dozens of others were seriously injured": an event the fact is the subject of,
        // "were" right after it, is what it counts, though "killed" stands nearer before
        // it. Not when an event verb stands right before the fact ("who had killed 5 people
        // were arrested": the fact is its object) nor across a comma.
        let object = at > 0 && lookup(EVENTS, toks[at - 1].folded.as_str()).is_some();
        let mut predicate = false;
        let mut prev = if dir < 0 { f.span.start } else { f.span.end };
        for k in range {
            let t = &toks[k];
            let gap = if dir < 0 {
                &text[t.span.end.min(prev)..prev]
            } else {
                &text[prev..t.span.start.max(prev)]
            };
            if breaks(gap) || taken >= NEAR {
                break;
            }
            prev = if dir < 0 { t.span.start } else { t.span.end };
            let w = t.folded.as_str();
            if dir > 0 && k == after && !object && !gap.contains(',') && AUXILIARIES.contains(&w) {
                predicate = true;
            }
            // "out of the collapsed shaft": after an article a word of damage describes a
            // thing; it is no event the number counts. "the dead", "the injured" still are.
            let described = k > 0 && matches!(toks[k - 1].folded.as_str(), "the" | "a" | "an");
            let event = lookup(EVENTS, w).filter(|e| !described || HUMAN_EVENTS.contains(e));
            if let Some(class) = event {
                let own = predicate && taken <= 1;
                events.push((if own { 0 } else { k.abs_diff(at) }, class));
            }
            if let Some(q) = lookup(QUAKE_WORDS, w) {
                ctx.quake.get_or_insert(q);
            }
            if t.stop || is_number(t) || w.len() < 3 || others.iter().any(|o| o.contains(&t.span)) {
                continue;
            }
            // A word nearer to another fact of this kind says what that one is: in "135
            // kilometers from the city at a depth of 35 kilometers", "depth" is the 35's.
            let near =
                |g: &Span| g.start.saturating_sub(t.span.end) + t.span.start.saturating_sub(g.end);
            if rivals.iter().any(|g| near(g) < near(&f.span)) {
                taken += 1;
                continue;
            }
            // Capitalised inside its sentence: a name, which says who, not what.
            if t.capitalised || VAGUE.contains(&w) || timeish(w) {
                continue;
            }
            taken += 1;
            let word = lookup(EVENTS, w)
                .or_else(|| lookup(QUAKE_WORDS, w))
                .map_or_else(|| src.lang.stem(w), str::to_string);
            if taken == 1 {
                ctx.nearest.insert(word.clone());
            }
            ctx.words.insert(word);
        }
    }
    events.sort_by_key(|&(d, _)| d);
    ctx.event = events.first().map(|&(_, e)| e);
    if f.kind == FactKind::Count {
        ctx.scope = match scope(text, &toks[after..], f.span.end) {
            Scope::Unsaid => fronted_place(text, &toks[..at], f.span.start),
            said => said,
        };
    }
    ctx.possessed = f.kind == FactKind::Age && after_possessive(&text[around.start..f.span.start]);
    match f.kind {
        FactKind::Age => age_moment_and_role(src, f, (&toks[..at], &toks[after..]), &mut ctx),
        FactKind::Quantity | FactKind::Percent | FactKind::Money => {
            let stretch: Vec<&Token> = (own_words(text, toks[..at].iter().rev(), f.span.start))
                .into_iter()
                .chain(own_words(text, toks[after..].iter(), f.span.end))
                .collect();
            if f.kind == FactKind::Quantity {
                // The nearest: "the coldest night of the winter, and daytime temperatures
                // barely climbed above -3C" tells of the day.
                ctx.period = nearest_of(&stretch, f.span.start, PERIODS);
                ctx.limit = stretch
                    .iter()
                    .any(|t| LIMIT_WORDS.contains(&t.folded.as_str()));
            } else {
                ctx.measure = nearest_of(&stretch, f.span.start, MEASURES);
            }
        }
        _ => {}
    }
    let named = (!ctx.possessed)
        .then(|| owner(src, f, around, &others))
        .flatten()
        .or_else(|| {
            // An age written after a name names its owner ("Jones, 45,") even where the name
            // was not found as one (it opens the sentence).
            let who = f.speaker.as_ref().filter(|_| f.kind == FactKind::Age)?;
            Some((crate::text::fold(who), who.clone()))
        });
    if let Some((key, written)) = named {
        ctx.owner = Some(key);
        ctx.owner_text = Some(written);
        ctx.clause = (toks.iter()).fold(String::from(" "), |mut out, t| {
            out.push_str(&t.folded);
            out.push(' ');
            out
        });
    }
    ctx
}

impl Context {
    /// True when this and `other` are of two owners: both have one, the two names differ,
    /// and the two clauses do not each name the other's owner too, word for word (a name
    /// that only holds the other is another: "Windows 8.1" is no "Windows 8").
    pub fn owned_apart(&self, other: &Context) -> bool {
        let (Some(p), Some(q)) = (&self.owner, &other.owner) else {
            return false;
        };
        let names = |ctx: &Context, who: &str| {
            let words: Vec<&str> = who.split_whitespace().collect();
            ctx.clause.contains(&format!(" {} ", words.join(" ")))
        };
        let both_named = names(self, q) && names(other, p);
        !(same_name(p, q) || both_named)
    }
}

/// The class in `table` of the word of `stretch` nearest to byte `at`, if any is listed.
fn nearest_of(
    stretch: &[&Token],
    at: usize,
    table: &[(&str, &'static str)],
) -> Option<&'static str> {
    (stretch.iter())
        .filter_map(|t| Some((t.span.start.abs_diff(at), lookup(table, t.folded.as_str())?)))
        .min_by_key(|&(d, _)| d)
        .map(|(_, class)| class)
}

/// The words of `toks` (walking away from the fact, from `from`) up to a comma, a clause
/// break or another number: what the fact's own stretch of its clause says.
fn own_words<'t>(text: &str, toks: impl Iterator<Item = &'t Token>, from: usize) -> Vec<&'t Token> {
    let mut prev = from;
    let mut out = Vec::new();
    for t in toks {
        let gap = if t.span.start >= prev {
            &text[prev..t.span.start]
        } else {
            &text[t.span.end.min(prev)..prev]
        };
        if breaks(gap) || gap.contains(',') || is_number(t) {
            break;
        }
        prev = if t.span.start >= prev {
            t.span.end
        } else {
            t.span.start
        };
        out.push(t);
    }
    out
}

/// For an age: the moment "at the age of" times it by and the side of a crime it is on
/// (see [`Context::moment`], [`Context::role`]), from the clause's words before and after
/// it.
fn age_moment_and_role(
    src: Analysed<'_>,
    f: &Fact,
    (before, after): (&[Token], &[Token]),
    ctx: &mut Context,
) {
    let class_or_stem =
        |w: &str| lookup(EVENTS, w).map_or_else(|| src.lang.stem(w), str::to_string);
    let words = f
        .span
        .slice(src.text)
        .split_whitespace()
        .map(str::to_lowercase);
    if words.take(4).eq(["at", "the", "age", "of"]) {
        let left = own_words(src.text, before.iter().rev(), f.span.start);
        // The event before it ("died … on Friday at the age of 82"), else the word right
        // before it ("made his debut at the age of 19"); opening its clause, the event
        // after it ("At the age of 82, the actor died"); else an empty moment, which
        // times no other age.
        let event = left.iter().find_map(|t| lookup(EVENTS, t.folded.as_str()));
        let word = left
            .iter()
            .find(|t| !t.stop)
            .map(|t| class_or_stem(&t.folded));
        let gap = |t: &Token| &src.text[f.span.end..t.span.start.max(f.span.end)];
        let fronted = || {
            (after.iter())
                .take_while(|t| !breaks(gap(t)))
                .find_map(|t| lookup(EVENTS, t.folded.as_str()))
                .filter(|_| left.is_empty())
        };
        let moment = event.or_else(fronted).map(str::to_string).or(word);
        ctx.moment = Some(moment.unwrap_or_default());
    }
    // From the words that say what the age is about, so that "no one has been arrested"
    // further on does not make the age an accused's.
    let mut roles = ROLES
        .iter()
        .filter(|(w, _)| ctx.words.contains(&class_or_stem(w)))
        .map(|&(_, r)| r);
    ctx.role = roles.next().filter(|&r| roles.all(|o| o == r));
}

/// Words that put a person on one side of a crime, by side (see [`Context::role`]).
const ROLES: &[(&str, &str)] = &[
    ("victim", "victim"),
    ("victims", "victim"),
    ("charged", "accused"),
    ("accused", "accused"),
    ("suspect", "accused"),
    ("defendant", "accused"),
    ("arrested", "accused"),
    ("detained", "accused"),
];

/// Words for a part of the day, by part (see [`Context::period`]).
const PERIODS: &[(&str, &str)] = &[
    ("overnight", "night"),
    ("night", "night"),
    ("nights", "night"),
    ("nighttime", "night"),
    ("daytime", "day"),
    ("afternoon", "day"),
    ("midday", "day"),
];

/// Words for what a share or a sum measures, by class (see [`Context::measure`]): the
/// aggregates a story's shares and sums are most often of, where two outlets give two of
/// them ("sales rose 8%" / "profits rose 3%") as often as one ("sales" / "revenue").
const MEASURES: &[(&str, &str)] = &[
    ("sales", "sales"),
    ("revenue", "sales"),
    ("revenues", "sales"),
    ("turnover", "sales"),
    ("profit", "profit"),
    ("profits", "profit"),
    ("earnings", "profit"),
    ("loss", "profit"),
    ("losses", "profit"),
    ("costs", "cost"),
    ("spending", "cost"),
    ("price", "price"),
    ("prices", "price"),
    ("shares", "shares"),
    ("stock", "shares"),
    ("stocks", "shares"),
    ("inflation", "inflation"),
    ("unemployment", "unemployment"),
    ("jobless", "unemployment"),
    ("growth", "growth"),
    ("gdp", "growth"),
    ("turnout", "turnout"),
    ("vote", "vote"),
    ("votes", "vote"),
    ("backed", "vote"),
    ("approved", "vote"),
    ("supported", "vote"),
    ("wages", "pay"),
    ("salary", "pay"),
    ("salaries", "pay"),
    ("debt", "debt"),
    ("deficit", "deficit"),
    ("exports", "exports"),
    ("imports", "imports"),
];

/// Words that make the speed beside them a limit (see [`Context::limit`]).
const LIMIT_WORDS: &[&str] = &["limit", "limits", "zone"];

/// Words that open the place a number is counted in; "across" and "throughout" open many.
const PLACE_OPENERS: &[&str] = &["in", "at", "across", "throughout"];

/// Nouns of events that a name before them names ("the Kalvo floods", "the Orla fire"):
/// a count "in" them is counted in no place.
const EVENT_NOUNS: &[&str] = &[
    "flood",
    "floods",
    "flooding",
    "storm",
    "storms",
    "hurricane",
    "typhoon",
    "cyclone",
    "fire",
    "fires",
    "wildfire",
    "wildfires",
    "blaze",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "blast",
    "explosion",
    "crash",
    "shooting",
    "riots",
    "war",
    "quake",
    "earthquake",
    "tsunami",
    "landslide",
    "eruption",
    "disaster",
];

/// Nouns after "in the" or "at the" that say how or when, not where: "at the last count",
/// "at the time", "in the end".
const NOT_PLACES: &[&str] = &[
    "count",
    "time",
    "moment",
    "end",
    "start",
    "outset",
    "height",
    "peak",
    "hands",
    "wake",
    "aftermath",
    "course",
    "process",
    "meantime",
    "past",
    "future",
    "long",
    "run",
];

/// Nouns of many places: a count "in a dozen countries" is counted over all of them.
const MANY_PLACES: &[&str] = &[
    "countries",
    "nations",
    "provinces",
    "states",
    "regions",
    "districts",
    "cities",
    "islands",
    "continents",
];

/// How many words after a number may stand before the word that opens its place ("people
/// were killed in ...").
const PLACE_REACH: usize = 4;

/// Most words of a place read, function words aside.
const PLACE_WORDS: usize = 4;

/// Where the count ending at `end` is counted ([`Scope`]): the words after "in", "at",
/// "across" or "throughout" within [`PLACE_REACH`] words after it, up to a comma, a clause
/// break, "and" or "or". Many places when opened by "across" or "throughout" or named by a
/// noun of many places; one place when its words are a name, or a noun after its article
/// ("in the market", not "in total"), none of them of an event ("in the Kalvo floods") or
/// of how or when ("at the last count", [`NOT_PLACES`]); a time ends the place. A total that
/// a part in one place follows is counted over many places.
fn scope(text: &str, after: &[Token], end: usize) -> Scope {
    if part_follows(text, after, end) {
        return Scope::Many;
    }
    let mut prev = end;
    let mut opener: Option<&str> = None;
    let mut read = 0;
    let mut found = Scope::Unsaid;
    let mut named = false;
    // "in the market", "at a border post": a place without a name has its article; "in
    // total", "at dawn", "in hospital" are no places.
    let mut article = false;
    let mut first = true;
    for (k, t) in after.iter().enumerate() {
        let gap = &text[prev.min(t.span.start)..t.span.start];
        if breaks(gap) || gap.contains(',') {
            break;
        }
        prev = t.span.end;
        let w = t.folded.as_str();
        let Some(open) = opener else {
            if PLACE_OPENERS.contains(&w) {
                opener = Some(w);
                if matches!(w, "across" | "throughout") {
                    found = Scope::Many;
                }
            } else if k >= PLACE_REACH {
                break;
            }
            continue;
        };
        if matches!(w, "and" | "or" | "but" | "while" | "after" | "since") || read >= PLACE_WORDS {
            break;
        }
        if std::mem::take(&mut first) {
            article = matches!(w, "the" | "a" | "an");
        }
        if t.stop {
            continue;
        }
        read += 1;
        if MANY_PLACES.contains(&w) {
            return Scope::Many;
        }
        // "in the Kalvo floods": the name is of an event, not a place.
        if EVENT_NOUNS.contains(&w) {
            return Scope::Unsaid;
        }
        // "in Aceh on Monday", "at the border post on Saturday": the time ends the place;
        // "in the morning" and "at 9 a.m." say when, not where.
        if timeish(w) || w.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        if NOT_PLACES.contains(&w) && !named {
            return Scope::Unsaid;
        }
        if matches!(open, "in" | "at")
            && (article || t.capitalised)
            && lookup(EVENTS, w).is_none()
            && lookup(QUAKE_WORDS, w).is_none()
        {
            found = Scope::One;
            named |= t.capitalised;
        }
    }
    found
}

/// Where a count is counted when its clause opens with the place and a comma stands right
/// before it: "In the town of Varsk, 21 people were killed" ([`scope`] of those words).
/// `before` are the clause's words before the count starting at `start`.
fn fronted_place(text: &str, before: &[Token], start: usize) -> Scope {
    match before.first() {
        Some(first)
            if PLACE_OPENERS.contains(&first.folded.as_str())
                && text[..start].trim_end().ends_with(',') =>
        {
            scope(text, before, first.span.start)
        }
        _ => Scope::Unsaid,
    }
}

/// True when, after a comma in its clause, a part of the count before follows in one place:
/// a number "of them" (or "of whom"), or "including" and a number, then "in" or "at" and the
/// place ("230,000 people, over 170,000 of them in Aceh", "30 soldiers in two attacks, 18 of
/// them at the border post", "30 people, including 12 in the harbour town"); not a part of
/// another kind ("42 people, 12 of them minors").
fn part_follows(text: &str, after: &[Token], end: usize) -> bool {
    (0..after.len().min(crate::facts::counts::PART_REACH)).any(|k| {
        let word = |d: usize| after.get(k + d).map(|t| t.folded.as_str());
        let between = &text[end.min(after[k].span.start)..after[k].span.start];
        if !between.contains(',') || breaks(between) {
            return false;
        }
        // "12 of them in the market", or "including 12 in the market".
        let place = if is_number(&after[k])
            && word(1) == Some("of")
            && word(2).is_some_and(|w| PART_PRONOUNS.contains(&w))
        {
            k + 3
        } else if after[k].folded == "including" && after.get(k + 1).is_some_and(is_number) {
            k + 2
        } else {
            return false;
        };
        // The noun may come again first: "including 6 boats in the marina".
        (place..after.len().min(place + 2)).any(|p| {
            matches!(after[p].folded.as_str(), "in" | "at")
                && scope(text, &after[p..], after[p - 1].span.end) == Scope::One
        })
    })
}

/// Words of time that say nothing about what a fact is about.
fn timeish(w: &str) -> bool {
    lookup(TIME_UNITS, w).is_some()
        || lookup(MONTHS, w.trim_end_matches('.')).is_some()
        || lookup(WEEKDAYS, w).is_some()
        || matches!(
            w,
            "today" | "tonight" | "yesterday" | "tomorrow" | "week" | "weekend"
        )
}

/// The spans of the facts other than `f` inside `around` that `keep` takes: the number,
/// date and time facts of its clause ([`numberish`]), or those of its own kind (numbers
/// that may take the words around `f` for their own).
fn clause_facts(
    src: Analysed<'_>,
    f: &Fact,
    around: Span,
    keep: impl Fn(&Fact) -> bool,
) -> Vec<Span> {
    let from = src.facts.partition_point(|g| g.span.start < around.start);
    src.facts[from..]
        .iter()
        .take_while(|g| g.span.start < around.end)
        .filter(|g| g.span != f.span && keep(g))
        .map(|g| g.span)
        .collect()
}

/// The dates of `f`'s clause that one expression of days joins to it: the other end of a
/// range ("from Friday, 18 April, to Monday, 21 April", "between 3 and 5 May") and a
/// weekday beside its date. The words around the expression say what all of it is: "runs"
/// tells what both ends of "runs from 18 April to 21 April" are, though it stands nearer the
/// first.
fn joined_dates(src: Analysed<'_>, f: &Fact, around: Span) -> Vec<Span> {
    let from = src.facts.partition_point(|g| g.span.start < around.start);
    let dates: Vec<Span> = src.facts[from..]
        .iter()
        .take_while(|g| g.span.start < around.end)
        .filter(|g| g.kind == FactKind::Date)
        .map(|g| g.span)
        .collect();
    let Some(at) = dates.iter().position(|&g| g == f.span) else {
        return Vec::new();
    };
    // Only commas, dashes and the words of a range between two dates of one expression.
    let joins = |x: Span, y: Span| {
        y.start >= x.end
            && src.text[x.end..y.start]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .all(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "to" | "until" | "till" | "through" | "and" | "-" | "–"
                    )
                })
    };
    let first = (0..at)
        .rev()
        .take_while(|&k| joins(dates[k], dates[k + 1]))
        .last()
        .unwrap_or(at);
    let last = (at + 1..dates.len())
        .take_while(|&k| joins(dates[k - 1], dates[k]))
        .last()
        .unwrap_or(at);
    (first..=last)
        .filter(|&k| k != at)
        .map(|k| dates[k])
        .collect()
}

/// Kinds of fact that state a number, a date or a time.
pub fn numberish(kind: FactKind) -> bool {
    matches!(
        kind,
        FactKind::Age
            | FactKind::Money
            | FactKind::Count
            | FactKind::Percent
            | FactKind::Quantity
            | FactKind::Magnitude
            | FactKind::Date
            | FactKind::Time
    )
}

/// The last capitalised word with a number after it in `text[lo..hi]`, which name one
/// thing: "Windows 8.1", "Flight 370"; not a time word ("Sept 12") or a function word ("In
/// 2009"), nor a number that goes on ("Sept 1,200", "Item 3rd"). Scanned by hand: it runs
/// for every number a link compares, and a regex search with groups there made comparing
/// facts cost half again as much as aligning (`cargo bench --bench facts`).
fn numbered_name(
    text: &str,
    lo: usize,
    hi: usize,
    lang: crate::text::Language,
    is_fact: impl Fn(usize) -> bool,
) -> Option<Span> {
    let s = &text[lo..hi];
    let b = s.as_bytes();
    let mut found = None;
    let mut i = 1;
    while i < b.len() {
        // The word and its number stand apart by a space, or a no-break space (U+00A0,
        // U+202F) that keeps "Windows 8.1" on one line.
        let gap = if b[i - 1] == b' ' {
            1
        } else if b[..i].ends_with("\u{a0}".as_bytes()) {
            2
        } else if b[..i].ends_with("\u{202f}".as_bytes()) {
            3
        } else {
            0
        };
        if !(b[i].is_ascii_digit() && gap > 0) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            j += 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
        }
        let word_end = i - gap;
        let word_start = s[..word_end]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &s[word_start..word_end];
        let mut next = text[lo + j..].chars();
        let ends = match next.next() {
            Some(',' | '.') => !next.next().is_some_and(|d| d.is_ascii_digit()),
            Some(ch) => !ch.is_alphanumeric(),
            None => true,
        };
        // "Nearly 300 homes": a hedge and an amount, not a name with a number.
        if ends && word.starts_with(char::is_uppercase) && !is_fact(lo + i) {
            let w = word.to_lowercase();
            let hedge = HEDGES_BEFORE.iter().any(|(h, _)| *h == w);
            if !hedge && !timeish(&w) && !lang.is_stop(&w) {
                found = Some(Span::new(lo + word_start, lo + j));
            }
        }
        i = j.max(i + 1);
    }
    found
}

/// True when `before` ends in a possessive: "Timmons'", "Timmons ' " (a tokenised
/// apostrophe), "the man's", "his", "her", "their".
fn after_possessive(before: &str) -> bool {
    let t = before.trim_end();
    let last = t
        .rsplit(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’'))
        .next()
        .unwrap_or("");
    let lower = last.to_lowercase();
    if matches!(
        lower.as_str(),
        "his" | "her" | "their" | "its" | "my" | "our" | "your"
    ) {
        return true;
    }
    // "It's 16-year-old Ana who won": "'s" after a pronoun is "is" or "has", no possessive.
    let stem = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"));
    if stem.is_some_and(|w| {
        matches!(
            w,
            "it" | "that" | "he" | "she" | "there" | "here" | "what" | "who" | "where" | "let"
        )
    }) {
        return false;
    }
    // A lone apostrophe after a space: the possessive of the word before it.
    let lone = matches!(last, "'" | "’")
        && t[..t.len() - last.len()].ends_with(|c: char| c.is_alphabetic() || c == ' ');
    lone || ((lower.ends_with("'s")
        || lower.ends_with("’s")
        || lower.ends_with("s'")
        || lower.ends_with("s’"))
        && last.len() > 2)
}

/// The name nearest before `f` in its clause (`others`: the clause's other number facts), with no speech verb or clause break between
/// (a source that says it is not whose it is): its key and its words. A name with a number
/// ("Windows 8.1", "Flight 370") is owner with its number, also where it opens the sentence
/// and so was not taken for a name.
fn owner(src: Analysed<'_>, f: &Fact, around: Span, others: &[Span]) -> Option<(String, String)> {
    let text = src.text;
    let upto = src.facts.partition_point(|g| g.span.start < f.span.start);
    let from = src.facts.partition_point(|g| g.span.start < around.start);
    let name = src.facts[from..upto]
        .iter()
        .rev()
        .find(|g| g.kind == FactKind::Entity && g.span.end <= f.span.start)
        .map(|g| (g.span, g.value.clone()));
    let lo = name.as_ref().map_or(around.start, |(s, _)| s.start);
    // The clause's other numbers (`others`, as `context` found them) are amounts, not
    // numbers of a name.
    let is_fact = |at: usize| others.iter().any(|o| o.start <= at && at < o.end);
    let numbered = numbered_name(text, lo, f.span.start, src.lang, is_fact)
        .map(|span| (span, crate::text::fold(span.slice(text))));
    let (span, key) = match (name, numbered) {
        // The name itself with its number: "Windows" in "Windows 8.1".
        (Some((n, _)), Some((v, key))) if v.start <= n.start => (v, key),
        // A name of several words with its number: "Internet Explorer 10", where the name
        // found is "Internet Explorer" and the numbered word "Explorer 10".
        (Some((n, _)), Some((v, _))) if v.start < n.end => {
            let whole = Span::new(n.start, v.end);
            (whole, crate::text::fold(whole.slice(text)))
        }
        (Some(n), _) => n,
        (None, Some(v)) => v,
        (None, None) => return None,
    };
    let between = &text[span.end..f.span.start];
    let spoken = between
        .split(|c: char| !c.is_alphanumeric())
        .any(is_speech_verb);
    if breaks(between) || spoken || between.contains(" who ") || between.len() > 80 {
        return None;
    }
    // "The oldest person in Japan died at the age of 116": a place is where someone is, not
    // whose the age is.
    let word_before = (text[..span.start].split_whitespace().next_back()).map(str::to_lowercase);
    let placed =
        word_before.is_some_and(|w| matches!(w.as_str(), "in" | "from" | "at" | "across" | "near"));
    if f.kind == FactKind::Age && placed {
        return None;
    }
    Some((key, span.slice(text).to_string()))
}

/// True when the words of a clause are only a date and a time ("14:25 Sun Sep 15 2013",
/// "8: 05am UK, Monday 16 September 2013"): a time stamp, not a claim.
fn is_stamp(text: &str, toks: &[Token]) -> bool {
    if toks.is_empty() || toks.len() > STAMP_WORDS || !toks.iter().any(is_number) {
        return false;
    }
    toks.iter().all(|t| {
        let w = t.folded.as_str();
        is_number(t)
            || lookup(MONTHS, w).is_some()
            || lookup(WEEKDAYS, w).is_some()
            || lookup(TIME_ZONES, w).is_some()
            || STAMP_WORDS_OK.contains(&w)
            || w.trim_start_matches(|c: char| c.is_ascii_digit()) == "am"
            || w.trim_start_matches(|c: char| c.is_ascii_digit()) == "pm"
            || (w.len() <= 3
                && text[t.span.start..t.span.end]
                    .chars()
                    .all(|c| c.is_uppercase()))
    })
}
