//! A light word scanner the extractors share: words with byte spans, and where the
//! sentence around a position starts. Cheap on purpose: one pass over the text, no
//! allocation per word.

use unicode_normalization::char::is_combining_mark;

use crate::span::Span;

/// A word: a run of letters and digits with inner joiners ("U.S.", "Claver-Carone",
/// "1,200.5", "Lund's"), with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where it stands in the text.
    pub span: Span,
}

impl Word {
    /// The word's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }
}

/// Abbreviations whose point does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Rep", "Sen", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Adm",
    "Rev", "St", "No", "Nos", "Nr", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mio", "Mrd", "ca", "bzw", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd",
];

fn joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '-' | '\'' | '’' | '‑')
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        // An accent written as a mark after its letter ("i" + U+0301, text not in NFC) is
        // part of the word: "Martínez" so written is not "Marti".
        if start.is_some() && is_combining_mark(c) {
            continue;
        }
        let Some(s) = start else { continue };
        let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if joiner(c) && next_alnum && !(c == '-' && dash_before(&text[i + 1..])) {
            continue;
        }
        // "U.S." keeps its final point: the initials are one word.
        let end = if c == '.' && is_initials(&text[s..i]) {
            i + 1
        } else {
            i
        };
        out.push(Word {
            span: Span::new(s, end),
        });
        start = None;
    }
    if let Some(s) = start {
        out.push(Word {
            span: Span::new(s, text.len()),
        });
    }
    out
}

/// Words that follow a hyphen written for a dash ("Manokwari-a jumble of brick", "in
/// Gaza-where the school stood"; copy that lost its dashes' spaces), never the second
/// part of a compound word. "and", "of", "in" and "to" are left out: "hit-and-run",
/// "state-of-the-art", "up-to-date".
const AFTER_DASH: &[&str] = &[
    "a", "an", "the", "where", "which", "who", "whose", "when", "while", "is", "was", "are",
    "were", "but",
];

/// True when `rest`, the text right after a hyphen, opens with a word of [`AFTER_DASH`]
/// that ends at a space: the hyphen stands for a dash and parts two words.
fn dash_before(rest: &str) -> bool {
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    AFTER_DASH.contains(&&rest[..end]) && rest[end..].starts_with(' ')
}

/// "U.S", "J.R.R": single capitals separated by points.
fn is_initials(w: &str) -> bool {
    w.contains('.') && w.split('.').all(|p| p.chars().count() == 1)
}

/// [`crate::text::fold`] with a fast path for plain ASCII words, which are most words: the
/// extractors fold every capitalised word, and Unicode normalisation costs.
pub fn fold(w: &str) -> String {
    if w.is_ascii() && !w.contains('`') {
        w.to_ascii_lowercase()
    } else {
        crate::text::fold(w)
    }
}

/// True when `w` starts with an upper-case letter.
pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word at `span` opens a sentence: only spaces, quotes and brackets stand
/// between it and the start of the text, a line break, a sentence-final point, a table
/// cell's "|", or a section's number at its line's start ("2.1 Ageing", "[3] Interviews").
pub fn opens_sentence(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let trimmed = before.trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(', '[', '-', '—']);
    if trimmed.is_empty() || before[trimmed.len()..].contains('\n') {
        return true;
    }
    let Some(last) = trimmed.chars().next_back() else {
        return true;
    };
    if after_section_number(trimmed) {
        return true;
    }
    match last {
        // A table's cell opens as a sentence does: "| Ashby | 1970 |".
        '\n' | '!' | '?' | ':' | '…' | '|' => true,
        '.' | '”' | '"' => !ends_with_abbreviation(trimmed),
        _ => false,
    }
}

/// `s` without the spaces and hyphens at its end that join a word to the next ("mid-",
/// "early "): what joins a cue to the date it qualifies.
pub fn without_joiners(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_whitespace() || c == '-' || c == '‑')
}

/// True when `before` (the text before a word) ends with a section's number that opens its
/// line: "2.1" of "## 2.1 Ageing equipment", "3." of "3. Require every utility", a
/// footnote's "[3]". The word after it opens its heading, item or note as a sentence's
/// first word does.
fn after_section_number(before: &str) -> bool {
    // The token and what stands before it on its line, the line break kept.
    let at = before
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (head, token) = before.split_at(at);
    let bracketed = token.starts_with('[') && token.ends_with(']');
    let number = token.trim_start_matches('[');
    let parts: Vec<&str> = number
        .trim_end_matches(['.', ')', ']'])
        .split('.')
        .collect();
    let numbered = parts
        .iter()
        .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let pointed = parts.len() > 1 || token.ends_with(['.', ')']) || bracketed;
    let head = head.trim_end_matches([' ', '\t', '#', '>']);
    numbered && pointed && (head.is_empty() || head.ends_with('\n'))
}

/// True when `s` ends with an abbreviation's point ("Jan.", "U.S.") rather than a sentence's.
fn ends_with_abbreviation(s: &str) -> bool {
    let s = s.trim_end_matches(['”', '"']);
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&last)
        || (is_capitalised(last) && (last.len() == 1 || is_initials(last)))
}

/// The start of the sentence that holds byte `pos`.
pub fn sentence_start(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos.min(text.len());
    while i > 0 {
        let c = bytes[i - 1];
        if c == b'\n' {
            return i;
        }
        if matches!(c, b'.' | b'!' | b'?')
            && bytes.get(i).is_some_and(|b| b.is_ascii_whitespace())
            && !ends_with_abbreviation(&text[..i])
        {
            let rest = &text[i..];
            return i + (rest.len() - rest.trim_start().len());
        }
        i -= 1;
    }
    0
}

/// The end of the sentence that holds byte `pos` (exclusive).
pub fn sentence_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            return i;
        }
        if matches!(c, b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            && !ends_with_abbreviation(&text[..=i])
        {
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// The index of the first word that starts at or after `pos`.
pub fn first_at(words: &[Word], pos: usize) -> usize {
    words.partition_point(|w| w.span.start < pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).iter().map(|w| w.text(s)).collect()
    }

    #[test]
    fn a_hyphen_written_for_a_dash_parts_two_words() {
        assert_eq!(
            texts("Manokwari-a jumble of huts-where 167,000 live"),
            [
                "Manokwari",
                "a",
                "jumble",
                "of",
                "huts",
                "where",
                "167,000",
                "live"
            ]
        );
        // Compounds stay whole, function words inside them too.
        assert_eq!(
            texts("a hit-and-run, state-of-the-art, the-a, Coca-Cola"),
            ["a", "hit-and-run", "state-of-the-art", "the-a", "Coca-Cola"]
        );
    }

    #[test]
    fn words_keep_joined_pieces() {
        assert_eq!(
            texts("The U.S. paid $1,200.50 to Claver-Carone's aide."),
            [
                "The",
                "U.S.",
                "paid",
                "1,200.50",
                "to",
                "Claver-Carone's",
                "aide"
            ]
        );
    }

    #[test]
    fn sentences_do_not_end_at_abbreviations() {
        let t = "He met on Jan. 3 in the U.S. capital. Then he left.";
        let at = t.find("capital").unwrap();
        assert_eq!(sentence_start(t, at), 0);
        assert_eq!(
            &t[..sentence_end(t, at)],
            "He met on Jan. 3 in the U.S. capital."
        );
        let then = t.find("Then").unwrap();
        assert_eq!(sentence_start(t, then), then);
    }
}
