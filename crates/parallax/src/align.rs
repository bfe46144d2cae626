//! The aligner: links between passages of two sources that tell the same thing, in any
//! order, and the passages each source adds.

mod absorb;
mod choose;
mod fuzzy;
mod group;
mod join;
mod judge;
mod meaning;
mod monotone;
mod moved;
mod order;
mod params;
mod profile;
mod score;
mod vectors;
mod verbatim;
mod why;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::diff::{Change, Passages, word_changes};
use crate::encoder::Vector;
use crate::ids::SegmentId;
use crate::segment::Segment;
use crate::text::Language;

pub use join::join;
pub use judge::{FEATURES, LinkModel};
pub use params::Params;
pub use why::Reason;

/// One side of an alignment: a document's text and its passages.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its passages.
    pub segments: &'a [Segment],
    /// Its language.
    pub lang: Language,
    /// Its passages' sentence vectors, when they were encoded (see [`crate::encoder`]); a
    /// passage the encoder left out (of a long source, one the words link surely) has the
    /// zero vector, and links touching it are weighed without the encoder.
    pub vectors: Option<&'a [Vector]>,
}

impl<'a> Side<'a> {
    /// Its passages `ids`, for [`word_changes`] (which, below segments, knows them by
    /// number).
    pub fn passages(&self, ids: &[SegmentId]) -> Passages<'a> {
        Passages {
            text: self.text,
            lang: self.lang,
            spans: ids
                .iter()
                .map(|&i| (i.0, self.segments[i.0].span))
                .collect(),
        }
    }
}

/// A link: passages of A and passages of B that tell the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Segment ids in A, ascending.
    pub a: Vec<SegmentId>,
    /// Segment ids in B, ascending.
    pub b: Vec<SegmentId>,
    /// How sure the aligner is, in [0, 1], to two decimals.
    pub score: f32,
    /// Why it linked them; [`Reason::words`] says it.
    pub why: Vec<Reason>,
    /// Word-level changes from A to B.
    pub changes: Vec<Change>,
    /// Chosen by the learned score below [`BELIEVED_LINK`], shown only because a lower
    /// minimum was asked for (`--min-score 0.3`): a link the aligner does not believe, so
    /// it is weak ([`Link::is_weak`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doubted: bool,
}

/// Links scored below this are weak: shown as such in the reports and the reader, and a
/// weak match in the claims across sources. On the bundled articles the links below it
/// mostly rest on two or three shared words of one story ("establish contact" /
/// "establishment of an interim leadership", .18), while the ones above it restate a
/// claim; a few true links (the age conflict, .22) fall below too, which is why they are
/// marked rather than dropped.
pub const WEAK_LINK: f32 = 0.25;

/// The probability from which the shipped link score shows a link (`min_score` in
/// `assets/link-model.json`): the links it believes. A link shown below it because the user
/// asked for a lower minimum (`--min-score 0.3`) is as often wrong as right, so it is weak
/// too ([`Link::doubted`]), and its fact flags are only possible.
pub const BELIEVED_LINK: f32 = 0.6;

impl Link {
    /// True when the link scores below [`WEAK_LINK`], or the learned score chose it below
    /// [`BELIEVED_LINK`] ([`Link::doubted`]): its passages may tell the same thing, or may
    /// only share a few words.
    pub fn is_weak(&self) -> bool {
        self.score < WEAK_LINK || self.doubted
    }
}

/// The links between two sources and what each adds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The links, in A's order.
    pub links: Vec<Link>,
    /// Segments of A in no link.
    pub only_a: Vec<SegmentId>,
    /// Segments of B in no link.
    pub only_b: Vec<SegmentId>,
    /// Possible links: pairs the learned score gives at least [`POSSIBLE`] but less than
    /// the probability a link needs to be shown, touching no shown link's passages. Not
    /// links (the passages count as only one source's); the claims across sources take
    /// them as weak evidence. Empty without the learned score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub possible: Vec<Link>,
}

/// The probability from which a pair the learned score weighs is kept as a possible link:
/// on the bundled 2026 articles the pairs between .3 and .6 are reworded claims
/// ("denounced American intervention" / "accusing Washington of interference") the
/// encoder reads close but the words do not carry.
pub const POSSIBLE: f32 = 0.3;

impl Alignment {
    /// Keeps the possible links that touch no passage of a link (after links changed).
    pub(crate) fn keep_possible(&mut self, possible: Vec<Link>) {
        let linked = |l: &Link| {
            self.links
                .iter()
                .any(|k| k.a.iter().any(|s| l.a.contains(s)) || k.b.iter().any(|s| l.b.contains(s)))
        };
        self.possible = possible.into_iter().filter(|l| !linked(l)).collect();
    }

    /// The alignment made of `links` between sides of `na` and `nb` passages: the links in
    /// A's order, and the passages in none.
    pub(crate) fn from_links(mut links: Vec<Link>, na: usize, nb: usize) -> Alignment {
        links.sort_by_key(|l| (l.a.first().copied(), l.b.first().copied()));
        moved::mark(&mut links);
        let only = |n: usize, linked: &dyn Fn(&Link) -> &Vec<SegmentId>| -> Vec<SegmentId> {
            let mut used = vec![false; n];
            for l in &links {
                for &i in linked(l) {
                    used[i.0] = true;
                }
            }
            (0..n).filter(|&i| !used[i]).map(SegmentId).collect()
        };
        let only_a = only(na, &|l| &l.a);
        let only_b = only(nb, &|l| &l.b);
        Alignment {
            links,
            only_a,
            only_b,
            possible: Vec::new(),
        }
    }
}

/// What the stages after profiling read: both sides' profiles, the near words between
/// them, and the knobs.
pub(crate) struct Ctx<'a> {
    prof: &'a profile::Profiles,
    aliases: &'a fuzzy::Aliases,
    params: &'a Params,
}

/// The chain's links, plus best-partner links outside it that are strong
/// (`Params::strong_outside`) and touch no passage the chain already links.
fn keep_strong_outside(
    mut chain: Vec<group::Group>,
    free: Vec<group::Group>,
    (na, nb): (usize, usize),
    strong_outside: f32,
) -> Vec<group::Group> {
    let mut used_a = vec![false; na];
    let mut used_b = vec![false; nb];
    for g in &chain {
        g.a.iter().for_each(|&i| used_a[i] = true);
        g.b.iter().for_each(|&j| used_b[j] = true);
    }
    for g in free {
        let strong = g.edges.iter().any(|e| e.score >= strong_outside);
        let fresh = g.a.iter().all(|&i| !used_a[i]) && g.b.iter().all(|&j| !used_b[j]);
        if strong && fresh {
            chain.push(g);
        }
    }
    chain.sort_by_key(|g| (g.a[0], g.b[0]));
    chain
}

/// The order prior may carry a pair with no word in common through the chain (it keeps
/// the chain in step), but a link must rest on some shared or near word: place alone is a
/// guess, not evidence ("Seine Fraktion stimmte dagegen." ~ "Offene Fragen").
fn rests_on_words(g: &group::Group) -> bool {
    g.edges.iter().any(|e| e.lex > 0.0)
}

/// Scores the pairs within reach of `path` that the candidate search left out (up to
/// `Params::near_span_cap` passages of B for one of A).
fn score_near(
    ctx: &Ctx<'_>,
    pairs: &mut Vec<score::Pair>,
    seen: &mut HashSet<(usize, usize)>,
    path: &order::Path,
) {
    let (na, nb) = (ctx.prof.a.len(), ctx.prof.b.len());
    let reach = ctx.params.order_reach;
    for i in 0..na {
        let (lo, hi) = path.expected(i);
        if hi - lo > ctx.params.near_span_cap {
            continue;
        }
        let from = (lo - reach).max(0.0) as usize;
        let to = ((hi + reach) as usize).min(nb.saturating_sub(1));
        for j in from..=to {
            if j < nb && seen.insert((i, j)) {
                pairs.push(score::pair(ctx, i, j));
            }
        }
    }
}

/// Each group's first and last passage of A and of B, for the groups that hold an anchor.
fn spans(groups: &[group::Group], anchor: f32) -> Vec<order::Span2> {
    groups
        .iter()
        .filter(|g| g.edges.iter().any(|e| e.score >= anchor))
        .map(|g| order::Span2 {
            a: (g.a[0], g.a[g.a.len() - 1]),
            b: (g.b[0], g.b[g.b.len() - 1]),
        })
        .collect()
}

/// What the aligner reads of two sides: their passages' profiles and the near words
/// (spellings, meanings) between them.
fn profiles(a: Side<'_>, b: Side<'_>, params: &Params) -> (profile::Profiles, fuzzy::Aliases) {
    let prof = profile::build(a, b, params);
    let ids = |ps: &[profile::Profile]| -> HashSet<u32> {
        ps.iter()
            .flat_map(|p| p.terms.iter().map(|t| t.id))
            .collect()
    };
    let (in_a, in_b) = (ids(&prof.a), ids(&prof.b));
    let mut aliases = fuzzy::aliases(&prof.spelling, &in_a, &in_b, params.spelling_min_len);
    // The vectors come from an English model: on other languages they would add noise.
    if a.lang == Language::English
        && b.lang == Language::English
        && let Some(table) = vectors::Table::get()
    {
        // Two words the model knows, neither a name, one letter apart and not close in
        // meaning, are two words, not one misspelt: "inland" / "island", "meeting" /
        // "melting". One word's spellings are close ("neighbourhood", "defence").
        let entry = |id: u32| {
            let known = !prof.info[id as usize].name;
            known
                .then(|| table.find(&prof.spelling[id as usize]))
                .flatten()
        };
        let near = |x: usize, y: u32| {
            let y = prof.spelling[y as usize].as_str();
            table
                .neighbours(x)
                .any(|(w, c)| w == y && c > params.meaning_close)
        };
        let one_letter = |x: u32, y: u32| {
            let (x, y) = (&prof.spelling[x as usize], &prof.spelling[y as usize]);
            x.chars().count() == y.chars().count()
                && x.chars().zip(y.chars()).filter(|(p, q)| p != q).count() == 1
        };
        let two_words = |x: u32, y: u32| match (entry(x), entry(y)) {
            (Some(ex), Some(ey)) => one_letter(x, y) && !near(ex, y) && !near(ey, x),
            _ => false,
        };
        for (&x, list) in aliases.iter_mut() {
            list.retain(|al| !two_words(x, al.id));
        }
        aliases.retain(|_, list| !list.is_empty());
        let close = params.meaning_close;
        meaning::add_aliases(table, &prof, a.lang, (&in_a, &in_b), close, &mut aliases);
    }
    (prof, aliases)
}

/// Links the passages of `a` and `b`.
///
/// Every pair worth looking at is scored from shared terms (stems, near spellings, names
/// and numbers weighted up); where the two texts follow one order,
/// pairs on that path get a bonus; each passage then joins its best partner when the score
/// is high enough, and joined passages form the links (1:1, 1:n, n:1 or n:m).
pub fn align(a: Side<'_>, b: Side<'_>) -> Alignment {
    align_with(a, b, &Params::default())
}

/// [`align`] with other knobs than the defaults (for evaluation sweeps).
pub fn align_with(a: Side<'_>, b: Side<'_>, params: &Params) -> Alignment {
    align_prepared(a, b, params).0
}

/// What the aligner read of a pair of sources (the passages' weighted terms, the near
/// spellings and meanings between them), kept so that [`join`] scores pairs of passages
/// without reading the sources again.
pub struct Prepared {
    prof: profile::Profiles,
    aliases: fuzzy::Aliases,
    /// True when the learned score chose the links: a link it did not choose is not shown.
    judged: bool,
}

impl Prepared {
    /// Reads `a` and `b` as the aligner does.
    pub fn new(a: Side<'_>, b: Side<'_>, params: &Params) -> Prepared {
        let (prof, aliases) = profiles(a, b, params);
        Prepared {
            prof,
            aliases,
            judged: false,
        }
    }

    /// True when the learned score chose the links of this pair (see [`join`]).
    pub fn judged(&self) -> bool {
        self.judged
    }

    fn ctx<'p>(&'p self, params: &'p Params) -> Ctx<'p> {
        Ctx {
            prof: &self.prof,
            aliases: &self.aliases,
            params,
        }
    }
}

/// [`align_with`], and what it read of the pair, for [`join`].
pub fn align_prepared(a: Side<'_>, b: Side<'_>, params: &Params) -> (Alignment, Prepared) {
    let mut staged = stage(a, b, params);
    let al = staged.links();
    let judged = staged.judging();
    let prepared = Prepared {
        prof: staged.prof,
        aliases: staged.aliases,
        judged,
    };
    (al, prepared)
}

/// A pair of passage runs the learned link score weighed, with its features
/// ([`FEATURES`]) and probability: what `tools/train-link-model` learns from.
#[derive(Clone, Debug, Serialize)]
pub struct Weighed {
    /// Segment ids in A, ascending.
    pub a: Vec<SegmentId>,
    /// Segment ids in B, ascending.
    pub b: Vec<SegmentId>,
    /// The features, in [`FEATURES`] order (the last five only with sentence vectors).
    pub features: Vec<f32>,
    /// The probability the current model gives it.
    pub probability: f32,
}

/// Every candidate link of `a` and `b` the learned score weighs, best first, before any is
/// chosen: the aligner's own groups and the encoder's close pairs.
pub fn weigh(a: Side<'_>, b: Side<'_>, params: &Params) -> Vec<Weighed> {
    let staged = stage(a, b, params);
    let ids = |ps: &[usize], s: &Side<'_>| ps.iter().map(|&k| s.segments[k].id).collect();
    staged
        .candidates()
        .into_iter()
        .map(|c| Weighed {
            a: ids(&c.group.a, &a),
            b: ids(&c.group.b, &b),
            features: c.features,
            probability: c.probability,
        })
        .collect()
}

/// A passage of the other source as a partner for one passage: what a reader asks for when
/// two passages were not linked ("why not?").
#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    /// The passage of the other source.
    pub segment: SegmentId,
    /// How the link score would rate a link of the two alone, in [0, 1]: the learned
    /// probability when the comparison was built with it, else the aligner's own score.
    pub score: f32,
    /// What the two share, as for a link.
    pub why: Vec<Reason>,
}

/// Which side of a pair a passage is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    /// Source A's passage, partners in B.
    A(SegmentId),
    /// Source B's passage, partners in A.
    B(SegmentId),
}

/// The `top` passages of the other side that would best link with the passage `of`, best
/// first, each rated as a link of the two alone would be.
pub fn partners(a: Side<'_>, b: Side<'_>, params: &Params, of: Of, top: usize) -> Vec<Partner> {
    let staged = stage(a, b, params);
    let (na, nb) = (a.segments.len(), b.segments.len());
    let pairs: Vec<(usize, usize)> = match of {
        Of::A(i) if i.0 < na => (0..nb).map(|j| (i.0, j)).collect(),
        Of::B(j) if j.0 < nb => (0..na).map(|i| (i, j.0)).collect(),
        _ => return Vec::new(),
    };
    let ctx = staged.ctx();
    let groups: Vec<group::Group> = pairs
        .iter()
        .map(|&(i, j)| {
            let mut p = score::pair(&ctx, i, j);
            if let Some(path) = &staged.path {
                p.score = path.prior(i, j, p.score, params);
            }
            group::Group {
                a: vec![i],
                b: vec![j],
                edges: vec![p],
            }
        })
        .collect();
    let judged = staged.judging().then(|| {
        let (ev, lens) = (staged.evidence(), staged.lengths());
        judge::weigh_groups(&ctx, &staged.groups, &groups, &ev, lens)
    });
    let mut out: Vec<Partner> = groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let (score, cos) = match &judged {
                Some(j) => (j[k].probability, j[k].cosine()),
                None => (g.edges[0].score, None),
            };
            let mut why = why::reasons(&staged.prof, &staged.aliases, a, b, g, staged.on_path(g));
            if let Some(cos) = cos {
                why.push(Reason::CloseInMeaning {
                    hundredths: (cos.clamp(0.0, 1.0) * 100.0).round() as u8,
                });
            }
            let segment = match of {
                Of::A(_) => b.segments[g.b[0]].id,
                Of::B(_) => a.segments[g.a[0]].id,
            };
            Partner {
                segment,
                score: (score.clamp(0.0, 1.0) * 100.0).round() / 100.0,
                why,
            }
        })
        .collect();
    out.sort_by(|x, y| y.score.total_cmp(&x.score));
    out.truncate(top);
    out
}

/// What the aligner knows of two sides once it has weighed their pairs, before it chooses
/// links: the profiles, the scored pairs, the order the texts share, and the groups the
/// pairs form.
struct Staged<'s> {
    a: Side<'s>,
    b: Side<'s>,
    params: &'s Params,
    prof: profile::Profiles,
    aliases: fuzzy::Aliases,
    pairs: Vec<score::Pair>,
    path: Option<order::Path>,
    groups: Vec<group::Group>,
    /// The pairs of passages with the same words ([`verbatim`]).
    verbatim: Vec<(usize, usize)>,
}

fn stage<'s>(a: Side<'s>, b: Side<'s>, params: &'s Params) -> Staged<'s> {
    let (na, nb) = (a.segments.len(), b.segments.len());
    let (prof, aliases) = profiles(a, b, params);
    let ctx = Ctx {
        prof: &prof,
        aliases: &aliases,
        params,
    };
    let mut pairs = score::candidates(&ctx);
    let mut path = order::path(&pairs, na, nb, params);
    if let Some(anchors) = &path {
        let mut seen: HashSet<(usize, usize)> = pairs.iter().map(|p| (p.i, p.j)).collect();
        score_near(&ctx, &mut pairs, &mut seen, anchors);
        // The anchors' path can be pulled astray by a phrase the story repeats; the best
        // monotone chain on the scores before any order prior follows the story itself, so
        // the order prior is taken from that chain.
        let plain = monotone::chain(&ctx, &pairs, anchors, monotone::Mode::Trace);
        let spans = plain.map(|c| spans(&c, params.anchor));
        if let Some(traced) =
            spans.and_then(|s| order::Path::through(&s, na, nb, params.open_end_width))
        {
            score_near(&ctx, &mut pairs, &mut seen, &traced);
            path = Some(traced);
        }
    }
    if let Some(path) = &path {
        for p in &mut pairs {
            p.score = path.prior(p.i, p.j, p.score, params);
            p.plain = path.prior(p.i, p.j, p.plain, params);
        }
    }
    let mut groups = group::groups(&pairs, na, nb, params);
    if let Some(path) = &path
        && let Some(mut chain) = monotone::chain(&ctx, &pairs, path, monotone::Mode::Link)
    {
        absorb::fill_gaps(&mut chain, &ctx);
        // Dropped before the links outside the chain are chosen, so that a link thrown out
        // here does not keep a moved sentence from its true partner.
        chain.retain(rests_on_words);
        groups = keep_strong_outside(chain, groups, (na, nb), params.strong_outside);
    }
    groups.retain(rests_on_words);
    Staged {
        verbatim: verbatim::pairs(&a, &b),
        a,
        b,
        params,
        prof,
        aliases,
        pairs,
        path,
        groups,
    }
}

impl Staged<'_> {
    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            prof: &self.prof,
            aliases: &self.aliases,
            params: self.params,
        }
    }

    /// Both sides' sentence vectors, when both were encoded.
    fn vectors(&self) -> Option<(&[Vector], &[Vector])> {
        self.a.vectors.zip(self.b.vectors)
    }

    /// True when the learned score chooses the links: the model learned from English
    /// news, so other languages keep the aligner's own choice (on German versions of one
    /// text, where order holds, that choice is the better one). With passages the encoder
    /// left out, the links touching them are weighed without it, so both models are needed.
    fn judging(&self) -> bool {
        let model = &self.params.link_model;
        let partial = self
            .vectors()
            .is_some_and(|(va, vb)| !va.iter().chain(vb).all(crate::encoder::was_read));
        self.a.lang == Language::English
            && self.b.lang == Language::English
            && model.judges(self.vectors().is_some())
            && (!partial || model.judges(false))
    }

    fn evidence(&self) -> judge::Evidence<'_> {
        judge::Evidence {
            path: self.path.as_ref(),
            vectors: self.vectors(),
            scored: &self.pairs,
            verbatim: &self.verbatim,
        }
    }

    /// The passages' lengths in bytes, A's and B's.
    fn lengths(&self) -> (Vec<usize>, Vec<usize>) {
        let lens = |s: &Side<'_>| s.segments.iter().map(|x| x.span.len()).collect();
        (lens(&self.a), lens(&self.b))
    }

    /// True when some pair of `g` lies on the order the texts share.
    fn on_path(&self, g: &group::Group) -> bool {
        self.path.as_ref().is_some_and(|p| {
            g.edges
                .iter()
                .any(|e| p.closeness(e.i, e.j, self.params.order_reach) >= 0.5)
        })
    }

    /// Every candidate link the learned score weighs, best first.
    fn candidates(&self) -> Vec<judge::Candidate> {
        let (la, lb) = self.lengths();
        judge::candidates(&self.ctx(), &self.groups, &self.evidence(), (&la, &lb))
    }

    /// The links: the learned score's choice when it judges, else the aligner's groups;
    /// with the judge, the possible links too (see [`Alignment::possible`]).
    fn links(&mut self) -> Alignment {
        let (na, nb) = (self.a.segments.len(), self.b.segments.len());
        if !self.judging() {
            let groups = std::mem::take(&mut self.groups);
            let links = groups.iter().map(|g| self.link(g, None)).collect();
            return Alignment::from_links(links, na, nb);
        }
        let min = self.params.link_model.min_score;
        let candidates = self.candidates();
        let chosen = choose::choose(&candidates, (na, nb), min, true);
        // Possible links touch no passage a shown one holds.
        let mut blocked = chosen.clone();
        blocked.extend(candidates.into_iter().filter(|c| c.probability < min));
        let possible: Vec<judge::Candidate> = choose::choose(&blocked, (na, nb), POSSIBLE, false)
            .into_iter()
            .filter(|c| c.probability < min && !c.word_for_word)
            .collect();
        let made = |cs: &[judge::Candidate]| -> Vec<Link> {
            cs.iter()
                .map(|c| self.link(&c.group, Some((c.probability, c.cosine()))))
                .collect()
        };
        let mut links = made(&chosen);
        // Below the score the learned score believes only because a lower minimum was
        // asked for; a passage given word for word stays believed at any score.
        for l in &mut links {
            l.doubted = l.score < BELIEVED_LINK && !l.why.contains(&Reason::SameWords);
        }
        let mut al = Alignment::from_links(links, na, nb);
        al.possible = made(&possible);
        al
    }

    /// The link of group `g`, scored by the judge's `(probability, cosine)` when it chose
    /// it, else by its best pair.
    fn link(&self, g: &group::Group, judged: Option<(f32, Option<f32>)>) -> Link {
        let (a, b) = (self.a, self.b);
        // Positions become ids here, where the aligner hands its groups on.
        let ia: Vec<SegmentId> = g.a.iter().map(|&i| a.segments[i].id).collect();
        let ib: Vec<SegmentId> = g.b.iter().map(|&j| b.segments[j].id).collect();
        let score = judged.map_or_else(
            || g.edges.iter().map(|e| e.score).fold(0.0f32, f32::max),
            |(p, _)| p,
        );
        let mut why = why::reasons(&self.prof, &self.aliases, a, b, g, self.on_path(g));
        if let ([i], [j]) = (g.a.as_slice(), g.b.as_slice())
            && self.verbatim.binary_search(&(*i, *j)).is_ok()
        {
            why.insert(0, Reason::SameWords);
        }
        if let Some((_, Some(cos))) = judged {
            why.push(Reason::CloseInMeaning {
                hundredths: (cos.clamp(0.0, 1.0) * 100.0).round() as u8,
            });
        }
        Link {
            why,
            changes: word_changes(&a.passages(&ia), &b.passages(&ib)),
            a: ia,
            b: ib,
            // Two decimals, as every report shows it: a link the text report shows as
            // "0.25" is then never the one marked weak.
            score: (score.clamp(0.0, 1.0) * 100.0).round() / 100.0,
            doubted: false,
        }
    }
}
