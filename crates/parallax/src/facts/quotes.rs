//! Quoted speech: straight and curly quotes, single and double, nested, spanning sentences
//! (not paragraphs), with the speaker when the sentence names one.

use super::attributions::subject_before;
use super::entities::key;
use super::words::fold;
use super::words::{Word, first_at, is_capitalised, sentence_end, sentence_start};
use super::{Fact, FactKind};
use crate::lexicon::{is_speech_verb, is_title};
use crate::lines::line_start;
use crate::span::Span;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

/// What a quote character does where it stands.
fn role(text: &str, i: usize, c: char) -> Option<(Mark, bool)> {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let word_after = next.is_some_and(|n| !n.is_whitespace());
    let word_before = prev.is_some_and(char::is_alphanumeric);
    let letter_after = next.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' => Some((Mark::Double, true)),
        '”' => Some((Mark::Double, false)),
        // Guillemets point out in Swiss text («…») and in German text (»…«): which way one
        // works is told by where it stands, open before a word, closing after one (a line
        // break after it counts as a word: "vor. »" ends a line before the quote). Between
        // two spaces it is no quote ("Startseite » Schweiz").
        '«' | '»' => {
            let tight_after =
                next.is_some_and(|n| n.is_alphanumeric() || "\n\r…\"'„“‚‘([".contains(n));
            match (space_before, tight_after) {
                (true, true) => Some((Mark::Double, true)),
                (false, false) => Some((Mark::Double, false)),
                _ => None,
            }
        }
        '"' => Some((Mark::Double, space_before && word_after)),
        '‘' | '‚' => Some((Mark::Single, true)),
        // "Lund’s", "don't": an apostrophe inside a word is no quote.
        '’' | '\'' if word_before && letter_after => None,
        '’' => Some((Mark::Single, false)),
        '\'' if space_before && word_after => Some((Mark::Single, true)),
        '\'' if !space_before => Some((Mark::Single, false)),
        _ => None,
    }
}

/// The quotes of `text`, each with its speaker when named; `entities` (sorted) help find a
/// speaker who opens the sentence.
pub fn extract(text: &str, ws: &[Word], entities: &[Fact], out: &mut Vec<Fact>) {
    // Open quotes: mark, where the quoted text starts, and the opening character.
    let mut stack: Vec<(Mark, usize, char)> = Vec::new();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        // A blank line ends the paragraph, and with it every open quote.
        if c == '\n' && bytes.get(i + 1) == Some(&b'\n') {
            stack.clear();
            continue;
        }
        if !matches!(
            c,
            '"' | '\'' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚'
        ) {
            continue;
        }
        let Some((mark, mut opens)) = role(text, i, c) else {
            continue;
        };
        // German quotes open with „ and close with “.
        if c == '“' && stack.iter().any(|&(_, _, o)| o == '„') {
            opens = false;
        }
        // Wire copy may put a space before a closing mark (`was overloaded, "Insp Pell
        // said`): after a comma and a space, a straight quote closes one that is open.
        if opens
            && c == '"'
            && text[..i].ends_with(", ")
            && stack.iter().any(|&(m, _, o)| m == Mark::Double && o == '"')
        {
            opens = false;
        }
        if opens {
            // A quote run over paragraphs opens each with a mark and closes only the last
            // (“We'll monitor it. / “We take it seriously,” Smith added.): a mark opening a
            // line ends a quote a line before it left open, at that line's end. Curly
            // marks only: a straight one may be a closing mark typed with a space before it
            // (`there he is'? "he said.`), which opened the quote left open.
            let line = line_start(text, i);
            let at_line_start = text[line..i].trim().is_empty() && line > 0;
            if let Some(&(Mark::Double, start, open)) = stack.last()
                && mark == Mark::Double
                && c != '"'
                && open != '"'
                && at_line_start
                && start < line
            {
                stack.pop();
                let end = text[..line].trim_end().len().max(start);
                quote(text, ws, entities, Span::new(start, end), end, out);
            }
            stack.push((mark, i + c.len_utf8(), c));
            continue;
        }
        let Some(pos) = stack.iter().rposition(|&(m, _, _)| m == mark) else {
            continue;
        };
        let (_, start, _) = stack[pos];
        stack.truncate(pos);
        quote(
            text,
            ws,
            entities,
            Span::new(start, i),
            i + c.len_utf8(),
            out,
        );
    }
}

fn quote(
    text: &str,
    ws: &[Word],
    entities: &[Fact],
    inner: Span,
    after: usize,
    out: &mut Vec<Fact>,
) {
    let body = inner.slice(text);
    let trimmed = body.trim();
    let lead = body.len() - body.trim_start().len();
    let span = Span::new(inner.start + lead, inner.start + lead + trimmed.len());
    let n_words = trimmed.split_whitespace().count();
    if !trimmed.chars().any(char::is_alphabetic) {
        return;
    }
    // CBS's "Face the Nation": a title after a possessive, not speech.
    let before = text[..inner.start].trim_end_matches(['"', '“', '\'', '‘']);
    if before.ends_with("'s ") || before.ends_with("’s ") {
        return;
    }
    let ended = trimmed.ends_with(['.', '!', '?', '…']);
    let speaker = speaker_after(text, ws, ended, after)
        .or_else(|| speaker_before(text, ws, entities, span.start));
    // A single quoted word with nobody saying it is a scare quote or a title, not speech.
    if n_words < 2 && speaker.is_none() {
        return;
    }
    let value: Vec<String> = trimmed
        .split_whitespace()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
        .collect();
    out.push(Fact {
        kind: FactKind::Quote,
        span,
        value: value.join(" "),
        speaker,
    });
}

/// `," said Ellery`, `," one source told the Ledger`, `," the official said`.
fn speaker_after(text: &str, ws: &[Word], ended: bool, after: usize) -> Option<String> {
    let rest = &text[after..];
    let next = rest.trim_start_matches([',', ' ', '.', ';']);
    let gap = rest.len() - next.len();
    // The quote ended its sentence: a following sentence is somebody else's.
    if (ended || rest.starts_with('.')) && !next.starts_with(char::is_lowercase) {
        return None;
    }
    let stop = sentence_end(text, after).min(after + 160);
    let from = first_at(ws, after + gap);
    let window: Vec<usize> = (from..ws.len())
        .take_while(|&k| ws[k].span.end <= stop)
        .take(10)
        .collect();
    let &first = window.first()?;
    // "said Ellery", "said the official"
    if is_speech_verb(ws[first].text(text)) {
        let start = ws.get(first + 1)?.span.start;
        let end = name_end(text, ws, first + 1, stop);
        return (end > start).then(|| clean(&text[start..end]));
    }
    // "Ellery said", "one source who's heard it told the Ledger"
    let v = window
        .iter()
        .copied()
        .find(|&k| is_speech_verb(ws[k].text(text)))?;
    let subj = subject_before(text, ws, v)?;
    // Only a subject right after the quote speaks it ("a group that the US has said" does not).
    (subj.start == ws[first].span.start).then(|| clean(subj.slice(text)))
}

/// Words that end a speaker's name after it: "said resident John Harris after the fire",
/// "said Keir Starmer on Monday", "sagte Jürgen Weiß nach der Sitzung" (not "von", "zu" or
/// "vom", which open names: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg").
const AFTER_NAME: &[&str] = &[
    "nach",
    "vor",
    "bei",
    "am",
    "im",
    "auf",
    "mit",
    "während",
    "gegenüber",
    "heute",
    "gestern",
    "als",
    "wenn",
    "who",
    "which",
    "that",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "outside",
    "inside",
    "yesterday",
    "today",
    "tonight",
    "as",
    "when",
    "while",
    "following",
    "last",
    "this",
    "earlier",
    "later",
    "told",
    "adding",
    "with",
    "from",
];

/// The end of a name or short noun phrase starting at word `k`: up to six words, cut at a
/// comma or a word that says what follows the name ([`AFTER_NAME`]); when a capitalised
/// word stands among them, the phrase ends with the last one ("said Labour leader Keir
/// Starmer yesterday", "said Secretary of State Antony Blinken"), else it is all of them
/// ("said the official").
fn name_end(text: &str, ws: &[Word], k: usize, stop: usize) -> usize {
    let mut end = ws[k].span.start;
    let mut named_end = None;
    for w in ws[k..].iter().take(6) {
        if w.span.end > stop || text[end..w.span.start].contains([',', ';', '(']) {
            break;
        }
        if AFTER_NAME.contains(&w.text(text)) {
            break;
        }

        end = w.span.end;
        let t = w.text(text);
        // "said Mr Smith's lawyer": the speaker is whom the name has.
        let possessive =
            t.ends_with("'s") || t.ends_with("’s") || text[end..].starts_with(['\'', '’']);
        if t.starts_with(char::is_uppercase) && !possessive {
            named_end = Some(end);
        } else if possessive {
            named_end = None;
        }
    }
    named_end.unwrap_or(end)
}

/// `Ellery said: "…"`, `Halden denounced it, saying in a speech that "…"`.
fn speaker_before(text: &str, ws: &[Word], entities: &[Fact], open: usize) -> Option<String> {
    let floor = sentence_start(text, open);
    let lo = first_at(ws, floor);
    let hi = first_at(ws, open);
    let v = (lo..hi).rev().find(|&k| {
        let t = ws[k].text(text);
        is_speech_verb(t) || t == "saying"
    })?;
    if ws[v].text(text) != "saying"
        && let Some(s) = subject_before(text, ws, v)
    {
        return Some(clean(s.slice(text)));
    }
    // The sentence's first named person or body speaks.
    let at = entities.partition_point(|e| e.span.start < floor);
    entities[at..]
        .iter()
        .take_while(|e| e.span.start < ws[v].span.start)
        .find(|e| is_capitalised(e.span.slice(text)))
        .map(|e| clean(e.span.slice(text)))
}

/// A speaker as shown: a named person without titles ("Republican U.S. Representative Maria
/// Elvira Salazar" → "Maria Elvira Salazar"), anyone else as written.
///
/// Titles may follow words that say what the office is of ("Committee Chairman Rep. Edward
/// Markey" → "Edward Markey"): the name is what follows the first run of titles.
pub(super) fn clean(s: &str) -> String {
    let s = without_home(s.trim());
    if is_capitalised(s) {
        let folded = fold(s);
        // Words before the titles ("Committee Chairman") only where all is capitalised: a
        // role in lower case ("Tesla chief executive Elon Musk") is kept as written.
        let all_capitalised = s.split_whitespace().all(is_capitalised);
        let at = if all_capitalised {
            super::entities::name_start(&folded)
        } else {
            super::entities::strip_titles(&folded)
        };
        let dropped = folded[..at].split_whitespace().count();
        let words: Vec<&str> = s.split_whitespace().skip(dropped).collect();
        if !words.is_empty() && words.iter().all(|w| is_capitalised(w)) {
            return words.join(" ");
        }
    }
    s.to_string()
}

/// A speaker without where the person is from: "councillor Anita Brennan of Dunmore" is
/// "councillor Anita Brennan", so that two councillors of one town are two speakers. Only
/// after a person's two names (no titles) and before a place of one or two words: "Chief
/// Executive of Ryanair Michael O'Leary", "Secretary of State Antony Blinken" and "the Bank
/// of England" keep their "of".
fn without_home(s: &str) -> &str {
    let Some(at) = s.rfind(" of ") else {
        return s;
    };
    let (person, place) = (&s[..at], &s[at + 4..]);
    let name = |w: &&str| is_capitalised(w) && !is_title(w);
    let names = person.split_whitespace().rev().take_while(name).count();
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let a_place =
        (1..=2).contains(&place_words.len()) && place_words.iter().all(|w| is_capitalised(w));
    if names >= 2 && a_place { person } else { s }
}

/// The key of a speaker, for telling two speakers apart.
pub fn speaker_key(s: &str) -> String {
    super::attributions::source_key(&key(s))
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn run(s: &str) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        extract(s, &words(s), &[], &mut out);
        out.sort_by_key(|f| f.span);
        out.into_iter()
            .map(|f| (f.span.slice(s).to_string(), f.speaker))
            .collect()
    }

    #[test]
    fn guillemets_point_either_way_and_a_breadcrumb_is_no_quote() {
        let german = "Er sagte nur: »Darf ich's behalten?« Der Alte nickte. »Nimm sie alle beide!« sagte Tede Haien.";
        assert_eq!(
            run(german),
            [
                ("Darf ich's behalten?".into(), None),
                ("Nimm sie alle beide!".into(), Some("Tede Haien".into())),
            ]
        );
        let swiss = "Startseite » Schweiz » Zürich\n\nEr sagte: «Wir bleiben hier.» Dann ging er. «Morgen kommen wir wieder», sagte Anna Meier.";
        assert_eq!(
            run(swiss),
            [
                ("Wir bleiben hier.".into(), None),
                ("Morgen kommen wir wieder".into(), Some("Anna Meier".into())),
            ]
        );
    }

    #[test]
    fn straight_curly_and_speakers() {
        let s = "\"If and when he goes, they will know,\" said Ellery, who's at a council.";
        assert_eq!(
            run(s),
            [(
                "If and when he goes, they will know,".into(),
                Some("Ellery".into())
            )]
        );
        // A name ends at the first word in lower case after it; a particle is inside it.
        for (s, who) in [
            (
                "\"We got out,\" said resident John Harris after the fire.",
                "resident John Harris",
            ),
            (
                "\"We stay,\" said 32-year-old protester Paris Ky outside.",
                "32-year-old protester Paris Ky",
            ),
            (
                "\"No,\" said Mohammed bin Salman after the talks.",
                "Mohammed bin Salman",
            ),
            (
                "„Ein guter Tag“, sagte Jürgen Weißenbäcker nach der Sitzung.",
                "Jürgen Weißenbäcker",
            ),
            (
                "\"No,\" said the mayor of London yesterday.",
                "the mayor of London",
            ),
            (
                "\"Go,\" said Secretary of State Antony Blinken.",
                "Antony Blinken",
            ),
            (
                "\"Go,\" said Labour leader Keir Starmer on Monday.",
                "Labour leader Keir Starmer",
            ),
            (
                "\"Go,\" said Tesla chief executive Elon Musk.",
                "Tesla chief executive Elon Musk",
            ),
            (
                "\"Go,\" said John Harris after the Senate vote.",
                "John Harris",
            ),
            ("\"Go,\" said the official.", "the official"),
            (
                "\"Go,\" said Mr Smith's lawyer outside court.",
                "Mr Smith's lawyer",
            ),
        ] {
            assert_eq!(run(s)[0].1.as_deref(), Some(who), "{s}");
        }
        let s = "“We stay,” the official said. He said ‘no more talks’ today.";
        let f = run(s);
        assert_eq!(f[0], ("We stay,".into(), Some("the official".into())));
        assert_eq!(f[1].0, "no more talks");
    }

    #[test]
    fn nested_and_spanning_sentences() {
        let s = "\"He told me 'go home now' and left. Then he came back,\" she said.";
        let f = run(s);
        assert_eq!(f.len(), 2);
        assert!(f[0].0.starts_with("He told me"));
        assert!(f[0].0.ends_with("came back,"));
        assert_eq!(f[1].0, "go home now");
    }

    #[test]
    fn a_quote_over_paragraphs_ends_where_the_next_opens() {
        let s = "“We will watch the case closely.\n“We take our standing very seriously,” Smith added.\nThe club said no more.";
        let f = run(s);
        let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "We will watch the case closely.",
                "We take our standing very seriously,"
            ]
        );
        // Straight marks stay as they pair: one typed with a space before it may close.
        let s = "\"Is that not him? \"he said.\n\"Suddenly he is the Doctor,\" he added.";
        let f = run(s);
        assert!(f.iter().all(|(t, _)| t != "he said."), "{f:?}");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(run("Lund's men don't like the 'plan'. It's theirs.").is_empty());
    }
}
