//! Words compared: quotes worded differently or given to another speaker, sources named
//! differently, and names spelt differently.
//!
//! A quote differs only in its words: case, punctuation and the space a wire service puts
//! inside "It’ s" are no difference, and a quote one side gives in part ("ring of fire" in
//! "the Pacific Ring of Fire", a sentence the other side goes on with) is the same quote.
//! A speaker's titles are no part of who spoke ("Insp Pell" is "Mr Pell").

use std::collections::HashSet;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::super::entities::key;
use super::super::quotes::speaker_key;
use super::numeric::same_name;
use super::slot::same;
use super::{LinkSide, conflict, misspelt, unmatched};
use crate::facts::words::fold;
use crate::facts::{Conflict, Fact, FactKind};
use crate::lexicon::{AGENCIES, GROUP_SOURCES, PLACE_ABBREVIATIONS};
use crate::span::Span;

/// The longest quote compared word by word, in words.
const QUOTE_WORDS: usize = 200;
/// Words of a shared run that make two quotes of one speaker one passage of speech.
const SHARED_RUN: usize = 4;
/// Words shown around the words that differ.
const AROUND: usize = 3;

/// The words of a quote with their spans, letters and digits only, folded.
fn quote_words(text: &str, span: Span) -> Vec<(String, Span)> {
    let body = span.slice(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
    {
        if c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’')) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let w: String = body[s..i].chars().filter(|c| c.is_alphanumeric()).collect();
            out.push((fold(&w), Span::new(span.start + s, span.start + i)));
        }
        if out.len() >= QUOTE_WORDS {
            break;
        }
    }
    out
}

fn letters(words: &[(String, Span)]) -> String {
    words.iter().map(|(w, _)| w.as_str()).collect()
}

/// The same quote worded differently, or given to a different speaker.
pub fn quotes(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    if !a.has(FactKind::Quote) || !b.has(FactKind::Quote) {
        return;
    }
    let (qa, qb) = (said(a), said(b));
    for x in &qa {
        for y in &qb {
            // One quote inside the other, word for word: the same words, quoted in part.
            let part = in_part(&x.words, &y.words) || in_part(&y.words, &x.words);
            let one_speaker = match (&x.key, &y.key) {
                (Some(kx), Some(ky)) => {
                    same_name(kx, ky) || shown_alike(&x.fact.speaker, &y.fact.speaker)
                }
                _ => false,
            };
            if !same(x.fact, y.fact) && !part {
                // One speaker's words, shared for a stretch, then going two ways.
                if one_speaker && let Some((sa, sb)) = divergence(&x.words, &y.words) {
                    out.push(wording((a, &x.words, sa), (b, &y.words, sb)));
                }
                continue;
            }
            if let (Some(sx), Some(sy), Some(kx), Some(ky)) =
                (&x.fact.speaker, &y.fact.speaker, &x.key, &y.key)
                && !one_speaker
                // One quote, word for word: two people with their roles are two speakers.
                && source_role(sx, kx, true).is_some()
                && source_role(sx, kx, true) == source_role(sy, ky, true)
            {
                let mut c = conflict(
                    FactKind::Attribution,
                    sx.clone(),
                    sy.clone(),
                    a.beside(sx, x.fact.span),
                    b.beside(sy, y.fact.span),
                );
                c.slot = "Who said it".into();
                out.push(c);
            }
            if !part
                && x.letters != y.letters
                && let Some((sa, sb)) = differing((&x.words, a.src.text), (&y.words, b.src.text))
            {
                out.push(wording((a, &x.words, sa), (b, &y.words, sb)));
            }
        }
    }
}

/// Words a quote must have to be read as a part of a longer one: one or two words ("no",
/// "art") are found inside many quotes by chance.
const PART_WORDS: usize = 3;

/// True when the quote of words `short` (at least [`PART_WORDS`] of them) stands whole in
/// `long`: its letters run together are found in `long`'s starting and ending where words of
/// `long` do ("art" is not in "heart"). Matching letters, not words, keeps the wire
/// service's "It’ s" one with "It's".
fn in_part(short: &[(String, Span)], long: &[(String, Span)]) -> bool {
    if short.len() < PART_WORDS {
        return false;
    }
    let needle = letters(short);
    let hay = letters(long);
    let mut bounds = Vec::with_capacity(long.len() + 1);
    let mut at = 0;
    bounds.push(at);
    for (w, _) in long {
        at += w.len();
        bounds.push(at);
    }
    bounds.iter().any(|&b| {
        hay[b..].starts_with(&needle) && bounds.binary_search(&(b + needle.len())).is_ok()
    })
}

/// A quote as the comparer reads it: its words, their letters run together, and the key of
/// its speaker.
struct Said<'a> {
    fact: &'a Fact,
    words: Vec<(String, Span)>,
    letters: String,
    key: Option<String>,
}

/// The quotes of one side, read once for every pairing.
fn said<'a>(side: &LinkSide<'a>) -> Vec<Said<'a>> {
    side.of(FactKind::Quote)
        .into_iter()
        .map(|fact| {
            let words = quote_words(side.src.text, fact.span);
            Said {
                fact,
                letters: letters(&words),
                words,
                key: fact.speaker.as_deref().map(speaker_key),
            }
        })
        .collect()
}

/// The flag for a quote worded two ways, on the stretches that differ: each side's quote
/// words and its stretch. Words of the quote outside a stretch are marked as left out
/// ([`Conflict::elided`]), or "the winter in a" would read as all the speaker said.
fn wording(
    (a, wa, sa): (&LinkSide, &[(String, Span)], Span),
    (b, wb, sb): (&LinkSide, &[(String, Span)], Span),
) -> Conflict {
    // A quote read only to its first QUOTE_WORDS words goes on after the last of them.
    let left_out = |words: &[(String, Span)], s: Span| {
        [
            words.first().is_some_and(|w| w.1.start < s.start),
            words.len() >= QUOTE_WORDS || words.last().is_some_and(|w| w.1.end > s.end),
        ]
    };
    let mut c = conflict(
        FactKind::Quote,
        sa.slice(a.src.text).into(),
        sb.slice(b.src.text).into(),
        sa,
        sb,
    );
    c.elided = crate::facts::Elided {
        a: left_out(wa, sa),
        b: left_out(wb, sb),
    };
    c.slot = "Wording of the quote".into();
    c
}

/// The stretch of each quote where they differ, with a few words around it. Words one
/// quote has before or after all that the other quotes are left out (a quote given in part
/// is no change of wording); `None` when nothing else differs, or when every difference is
/// one of form (see [`same_in_form`]). Each quote comes with the text its spans index.
fn differing(
    (x, tx): (&[(String, Span)], &str),
    (y, ty): (&[(String, Span)], &str),
) -> Option<(Span, Span)> {
    let kx: Vec<&str> = x.iter().map(|w| w.0.as_str()).collect();
    let ky: Vec<&str> = y.iter().map(|w| w.0.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &kx, &ky);
    // Only one side's words at either end: the other quoted less.
    let one_sided = |op: &DiffOp| matches!(op, DiffOp::Insert { .. } | DiffOp::Delete { .. });
    let body = {
        let lo = ops
            .iter()
            .position(|op| !one_sided(op))
            .unwrap_or(ops.len());
        let hi = ops
            .iter()
            .rposition(|op| !one_sided(op))
            .map_or(lo, |k| k + 1);
        &ops[lo..hi.max(lo)]
    };
    let changed: Vec<&DiffOp> = body
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .collect();
    let raw = |w: &[(String, Span)], t: &str, r: std::ops::Range<usize>| -> String {
        match (w.get(r.start), r.end.checked_sub(1).and_then(|e| w.get(e))) {
            (Some(first), Some(last)) if r.start < r.end => {
                t[first.1.start..last.1.end].to_string()
            }
            _ => String::new(),
        }
    };
    let all_form = changed
        .iter()
        .all(|op| same_in_form(&raw(x, tx, op.old_range()), &raw(y, ty, op.new_range())));
    if all_form {
        return None;
    }
    let (first, last) = (changed.first()?, changed.last()?);
    let (fx, fy) = (first.old_range().start, first.new_range().start);
    let (lx, ly) = (last.old_range().end, last.new_range().end);
    // The words around, within what both quote.
    let (bx, by) = (
        body[0].old_range().start..body[body.len() - 1].old_range().end,
        body[0].new_range().start..body[body.len() - 1].new_range().end,
    );
    let stretch = |w: &[(String, Span)], lo: usize, hi: usize, within: &std::ops::Range<usize>| {
        let lo = lo.saturating_sub(AROUND).max(within.start);
        let hi = (hi + AROUND).min(within.end);
        (hi > lo).then(|| Span::new(w[lo].1.start, w[hi - 1].1.end))
    };
    Some((stretch(x, fx, lx, &bx)?, stretch(y, fy, ly, &by)?))
}

/// True when two stretches of quoted words differ in form only: a contraction spelt out
/// ("we're" / "we are", "don't" / "do not"), a number in words or digits ("forty" / "40"),
/// British or American spelling ("organise" / "organize", "colour" / "color", "centre" /
/// "center"). Transcripts of one speech differ in these all the time.
fn same_in_form(x: &str, y: &str) -> bool {
    !x.is_empty() && !y.is_empty() && form_words(x) == form_words(y)
}

/// The words of `s` in one form (see [`same_in_form`]).
fn form_words(s: &str) -> Vec<String> {
    const CONTRACTIONS: &[(&str, &str)] = &[
        ("n't", " not"),
        ("'re", " are"),
        ("'ll", " will"),
        ("'ve", " have"),
        ("'m", " am"),
        ("'d", " would"),
    ];
    let mut out = Vec::new();
    let lower = s.to_lowercase().replace('’', "'");
    for word in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let word = word.trim_matches('\'');
        let mut spelt = match word {
            "can't" => "can not".to_string(),
            "won't" => "will not".to_string(),
            "cannot" => "can not".to_string(),
            "it's" | "that's" | "there's" | "here's" | "what's" | "he's" | "she's" | "who's" => {
                format!("{} is", &word[..word.len() - 2])
            }
            "let's" => "let us".to_string(),
            _ => CONTRACTIONS
                .iter()
                .find_map(|(end, full)| word.strip_suffix(end).map(|w| format!("{w}{full}")))
                .unwrap_or_else(|| word.to_string()),
        };
        spelt.retain(|c| c != '\'');
        for w in spelt.split_whitespace() {
            out.push(american(w));
        }
    }
    out
}

/// One spelling of a word, digits for a number word: "organise" → "organize", "colour" →
/// "color", "centre" → "center", "forty" → "40".
pub(super) fn american(w: &str) -> String {
    if let Some(v) = crate::lexicon::number_word(w) {
        return v.to_string();
    }
    for (uk, us) in [
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("our", "or"),
        ("tre", "ter"),
    ] {
        if let Some(stem) = w.strip_suffix(uk)
            && stem.len() >= 3
        {
            return format!("{stem}{us}");
        }
    }
    w.to_string()
}

/// Where two quotes share a run of [`SHARED_RUN`] or more words and then go on with
/// different words on both sides: the stretch of each from the run on.
fn divergence(x: &[(String, Span)], y: &[(String, Span)]) -> Option<(Span, Span)> {
    // The longest common run of words (dynamic programming over the two word lists).
    let (mut best, mut end_x, mut end_y) = (0, 0, 0);
    let mut prev = vec![0usize; y.len() + 1];
    for i in 1..=x.len() {
        let mut row = vec![0usize; y.len() + 1];
        for j in 1..=y.len() {
            if x[i - 1].0 == y[j - 1].0 {
                row[j] = prev[j - 1] + 1;
                if row[j] > best {
                    (best, end_x, end_y) = (row[j], i, j);
                }
            }
        }
        prev = row;
    }
    if best < SHARED_RUN || end_x >= x.len() || end_y >= y.len() {
        return None; // no long run, or one quote ends with it: a part, not a change
    }
    let cut = |w: &[(String, Span)], end: usize| {
        let lo = end - best;
        let hi = (end + 8).min(w.len());
        Span::new(w[lo].1.start, w[hi - 1].1.end)
    };
    Some((cut(x, end_x), cut(y, end_y)))
}

/// What kind of named source a speaker is: an outlet ("Reuters", "the AP") or a named
/// person or body ("Ruth Ellery"); `None` for unnamed ones ("a senior official").
/// Only sources of one kind are compared: an outlet that reports and the person it quotes
/// are not two versions of one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Outlet,
    Named,
}

/// What kind of source `speaker` (its folded name `key`) is: an outlet, a named source, or
/// neither. With `titled`, a role in lower case may stand before a full name ("transit
/// director Helena Marsh"); never an article ("the Pentagon" is an institution, which may
/// speak through anyone).
fn source_role(speaker: &str, key: &str, titled: bool) -> Option<Role> {
    if AGENCIES.iter().any(|(_, canon)| *canon == key) {
        return Some(Role::Outlet);
    }
    let words: Vec<&str> = speaker.split_whitespace().collect();
    // "Officials said", "Police said": a group, named by no one.
    if let [one] = words.as_slice()
        && GROUP_SOURCES.contains(&one.to_lowercase().as_str())
    {
        return None;
    }
    let name = trailing_names(&words);
    let role = &words[..words.len() - name];
    let article = |w: &&str| matches!(w.to_lowercase().as_str(), "the" | "a" | "an");
    let role_ok = role.is_empty() || (titled && name >= 2 && !role.iter().any(article));
    (name > 0 && name <= 4 && role_ok).then_some(Role::Named)
}

/// How many capitalised words end a speaker's words: its name, after any role ("transit
/// director Helena Marsh": 2).
fn trailing_names(words: &[&str]) -> usize {
    (words.iter().rev())
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count()
}

/// One named source on each side, of the same role, and they differ ("according to
/// Reuters" vs "Says the AP"); a title or a part of the name is no difference.
pub fn attributions(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    let role = |f: &Fact| {
        f.speaker
            .as_deref()
            .and_then(|w| source_role(w, &f.value, true))
    };
    let (fa, fb) = (a.of(FactKind::Attribution), b.of(FactKind::Attribution));
    if let ([x], [y]) = (fa.as_slice(), fb.as_slice())
        && x.value != y.value
        && !same_name(&x.value, &y.value)
        && !shown_alike(&x.speaker, &y.speaker)
        && !speaks_for(x, y)
        && role(x).is_some()
        && role(x) == role(y)
    {
        let who = |f: &Fact| f.speaker.clone().unwrap_or_default();
        let (wx, wy) = (who(x), who(y));
        let (sx, sy) = (a.within(&wx, x.span), b.within(&wy, y.span));
        let mut found = conflict(FactKind::Attribution, wx, wy, sx, sy);
        found.slot = "Who said it".into();
        // A quote given to these two speakers is the same difference, found from the quote
        // ("Who said it: A says Anna Weiß, B says Anna Schwarz"): it is shown once, on the
        // attribution's own words.
        let from_quote = out
            .iter_mut()
            .find(|c| (c.kind, &c.a, &c.b) == (found.kind, &found.a, &found.b));
        match from_quote {
            Some(c) => *c = found,
            None => out.push(found),
        }
    }
}

/// True when two speakers are shown as one name ("CHP Officer Brad Baehr" and "Highway
/// Patrol Officer Brad Baehr" are both "Brad Baehr"): where the office is of is no other
/// speaker.
///
/// A role in lower case before a full name is no part of it either: "Tesla chief executive
/// Elon Musk" and "Tesla founder Elon Musk" are one speaker.
fn shown_alike(x: &Option<String>, y: &Option<String>) -> bool {
    let name = |s: &str| -> String {
        let words: Vec<&str> = s.split_whitespace().collect();
        words[words.len() - trailing_names(&words)..].join(" ")
    };
    match (x, y) {
        (Some(x), Some(y)) => {
            let (nx, ny) = (name(x), name(y));
            same_name(&key(x), &key(y))
                || (nx.split_whitespace().count() >= 2
                    && ny.split_whitespace().count() >= 2
                    && same_name(&key(&nx), &key(&ny)))
        }
        _ => false,
    }
}

/// Words of an office that name a body which may be known by its initials ("Highway
/// Patrol Officer" of "the CHP").
const BODY_WORDS: &[&str] = &[
    "police",
    "patrol",
    "department",
    "agency",
    "ministry",
    "service",
    "force",
    "guard",
    "commission",
    "authority",
    "bureau",
];

/// True when one attribution names a body by its initials and the other a person by an
/// office ("the CHP said" and "Highway Patrol Officer Brad Baehr said"): the body may speak
/// through its officer, so they may be one source.
fn speaks_for(x: &Fact, y: &Fact) -> bool {
    let initials = |f: &Fact| {
        f.speaker.as_deref().is_some_and(|s| {
            (2..=6).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_uppercase())
        })
    };
    // The words of the office (before the name) must name a body of that kind: "the FBI"
    // is not "NYPD Officer Ana Ruiz" nor "Texas Gov. Greg Abbott".
    let officer_of_a_body = |f: &Fact| {
        f.speaker.as_deref().is_some_and(|s| {
            let name = key(s);
            s.split_whitespace().count() >= 2
                && (f.value.strip_suffix(name.as_str())).is_some_and(|office| {
                    office.split_whitespace().any(|w| BODY_WORDS.contains(&w))
                })
        })
    };
    (initials(x) && officer_of_a_body(y)) || (initials(y) && officer_of_a_body(x))
}

/// Words that, standing between two names, say the same whichever name comes first ("Smith
/// and Jones", "Smith met Jones", "London to Paris" is left alone too): no role to swap.
const SYMMETRIC: &[&str] = &[
    "against", "and", "as", "at", "by", "drew", "faced", "faces", "for", "from", "in", "joined",
    "married", "meets", "met", "near", "of", "on", "or", "played", "plays", "the", "tied", "to",
    "v", "versus", "vs", "with",
];

/// Two names whose roles the sides swap around the same words: "Rovers beat City" against
/// "City beat Rovers", "Smith accused Jones" against "Jones accused Smith". The words
/// between are one to three in lower case, and not of those that say the same both ways
/// ([`SYMMETRIC`]).
pub fn roles(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    let pairs = |side: &LinkSide<'_>| -> Vec<(String, String, String, Span)> {
        let names = side.of(FactKind::Entity);
        let text = side.src.text;
        (names.windows(2))
            .filter_map(|w| {
                let (x, y) = (w[0], w[1]);
                let between = text.get(x.span.end..y.span.start)?.trim();
                // A title of the second name is no part of the verb ("accused Governor").
                let mut words: Vec<&str> = between.split(' ').collect();
                while words.len() > 1 && words.last().is_some_and(|w| crate::lexicon::is_title(w)) {
                    words.pop();
                }
                let between = words.join(" ");
                let verb = (1..=3).contains(&words.len())
                    && words.iter().all(|w| w.chars().all(char::is_lowercase))
                    && !words.iter().any(|w| w.is_empty())
                    && !SYMMETRIC.contains(&words[0]);
                verb.then(|| {
                    let span = Span::new(x.span.start, y.span.end);
                    (x.value.clone(), between, y.value.clone(), span)
                })
            })
            .collect()
    };
    let (pa, pb) = (pairs(a), pairs(b));
    for (x1, verb, x2, sx) in &pa {
        for (y1, verb_b, y2, sy) in &pb {
            if verb == verb_b && !same_name(x1, x2) && same_name(x1, y2) && same_name(x2, y1) {
                let mut c = conflict(FactKind::Entity, a.words(*sx), b.words(*sy), *sx, *sy);
                c.slot = "Who did what".into();
                out.push(c);
            }
        }
    }
}

/// One name spelt two ways ("Kristoffer Lund" vs "Kristofer Lund", "Tarvena" vs "Tarvenna",
/// "T.J. Danforth" vs "TJ Danforth"); accents alone are no difference, nor are the points
/// of a country's abbreviation ("U.S." and "US").
pub fn spellings(a: &LinkSide, b: &LinkSide, out: &mut Vec<Conflict>) {
    let (ua, ub) = unmatched(FactKind::Entity, a, b);
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for x in &ua {
        for y in &ub {
            let (tx, ty) = (a.text(x), b.text(y));
            if misspelt(&x.value, &y.value) && seen.insert((tx.clone(), ty.clone())) {
                let mut c = conflict(FactKind::Entity, tx, ty, x.span, y.span);
                c.slot = "Spelling".into();
                out.push(c);
            }
        }
    }
    for x in a.of(FactKind::Entity) {
        for y in b.of(FactKind::Entity) {
            let (wx, wy) = (x.span.slice(a.src.text), y.span.slice(b.src.text));
            let Some((rx, ry)) = initials_differ(wx, wy) else {
                continue;
            };
            let sx = Span::new(x.span.start + rx.0, x.span.start + rx.1);
            let sy = Span::new(y.span.start + ry.0, y.span.start + ry.1);
            let (tx, ty) = (a.words(sx), b.words(sy));
            if seen.insert((tx.clone(), ty.clone())) {
                let mut c = conflict(FactKind::Entity, tx, ty, sx, sy);
                c.slot = "Spelling".into();
                out.push(c);
            }
        }
    }
}

/// The words of `s` with their byte offsets.
fn words_at(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else {
            start.get_or_insert(i);
        }
    }
    out
}

/// Where two names write one person's initials with and without points, before one
/// surname ("T.J. Danforth", "TJ Danforth of Port Ellis"): the byte ranges of the
/// initials and surname in each. The points of a country's or a body's abbreviation ("U.S.",
/// "US") are no difference.
fn initials_differ(x: &str, y: &str) -> Option<((usize, usize), (usize, usize))> {
    // Initials written two ways need a point on one side; most names have none.
    if !x.contains('.') && !y.contains('.') {
        return None;
    }
    let (wx, wy) = (words_at(x), words_at(y));
    for i in 0..wx.len().saturating_sub(1) {
        for j in 0..wy.len().saturating_sub(1) {
            let (p, q) = (wx[i].1, wy[j].1);
            let (bp, bq) = (p.replace('.', ""), q.replace('.', ""));
            let initials = p != q
                && bp == bq
                && bp.chars().count() >= 2
                && bp.chars().all(char::is_uppercase)
                && !PLACE_ABBREVIATIONS.contains(&bp.to_lowercase().as_str());
            if initials && wx[i + 1].1 == wy[j + 1].1 {
                let end = |w: &[(usize, &str)], k: usize| w[k + 1].0 + w[k + 1].1.len();
                return Some(((wx[i].0, end(&wx, i)), (wy[j].0, end(&wy, j))));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_people_not_of_countries() {
        let x = "T.J. Danforth";
        let y = "TJ Danforth of Port Ellis";
        let (rx, ry) = initials_differ(x, y).expect("initials differ");
        assert_eq!((&x[rx.0..rx.1], &y[ry.0..ry.1]), (x, "TJ Danforth"));
        assert!(initials_differ("U.S. Navy", "US Navy").is_none());
        assert!(initials_differ("Danforth", "Danforth").is_none());
    }

    fn words_of(s: &str) -> Vec<(String, Span)> {
        quote_words(s, Span::new(0, s.len()))
    }

    #[test]
    fn a_quote_in_part_is_the_same_quote() {
        let whole = words_of("The river rose faster than anyone here expected, and it kept rising");
        assert!(in_part(
            &words_of("faster than anyone here expected"),
            &whole
        ));
        assert!(in_part(&words_of("The river rose"), &whole));
        // Case, punctuation and the wire's "It’ s" are no part of the words.
        let x = words_of("It’ s hard to say, we were ready.");
        assert!(in_part(&words_of("it's hard to say"), &x));
        // Too short to be a part, or cut across words.
        assert!(!in_part(&words_of("rose"), &whole));
        assert!(!in_part(&words_of(""), &whole));
        assert!(!in_part(&words_of("kept rising"), &whole));
        assert!(!in_part(&words_of("iver rose faster"), &whole));
        assert!(!in_part(&words_of("river rose fast"), &whole));
        assert!(!in_part(
            &words_of("art of war"),
            &words_of("with all my heart of war")
        ));
    }

    #[test]
    fn one_speaker_going_two_ways() {
        let x = "we have not reached them yet but it looks as if the boat was overloaded";
        let y = "it looks as if the crew had ignored the warnings that morning";
        let (wx, wy) = (
            quote_words(x, Span::new(0, x.len())),
            quote_words(y, Span::new(0, y.len())),
        );
        let (sa, sb) = divergence(&wx, &wy).expect("a shared run, then two ways");
        assert!(sa.slice(x).starts_with("it looks as if the boat"));
        assert!(sb.slice(y).starts_with("it looks as if the crew"));
        // A quote that ends where the other goes on is a part of it.
        let z = "it looks as if";
        assert!(divergence(&wx, &quote_words(z, Span::new(0, z.len()))).is_none());
    }
}
