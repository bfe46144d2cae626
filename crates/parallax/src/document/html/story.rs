//! The page cut down to its one `<article>` (else its one `<main>`) before readability
//! reads it, when that element holds the story.
//!
//! Readability scores the whole body, picks the element with the most prose, and then takes
//! in the siblings of its pick that read like prose: on a page whose story stands in a
//! `<main>` of its own, a plain-text advertisement, a cookie notice or a newsletter pitch of
//! more than 80 characters without a link joins the article (readability.js does the same).
//! Where the page marks its story itself, the rest of the body is no candidate.

use dom_query::{Document, NodeRef};

/// Fewest words the marked element needs to be taken for the story: a teaser or a card
/// holds a headline and a line, a story some paragraphs.
const MIN_STORY_WORDS: usize = 40;

/// Removes from `doc`'s body everything but its one `<article>` (else its one `<main>`) and
/// the elements around it, when that element holds at least [`MIN_STORY_WORDS`] words.
/// Scripts stay, as readability reads a page's metadata (JSON-LD) from them. Returns true
/// when the page was cut. A page with several articles (a list of stories, comments marked
/// as articles) or none is left whole.
pub fn keep_story(doc: &Document) -> bool {
    for tag in ["article", "main"] {
        let found = doc.select(&format!("body {tag}"));
        let [story] = found.nodes() else { continue };
        if story.text().split_whitespace().count() < MIN_STORY_WORDS {
            continue;
        }
        cut_around(story);
        return true;
    }
    false
}

/// Removes the element siblings of `node` and of each of its ancestors up to `<body>`.
fn cut_around(node: &NodeRef) {
    let mut at = *node;
    while let Some(parent) = at.parent() {
        for other in parent.element_children() {
            if other.id != at.id && other.node_name().as_deref() != Some("script") {
                other.remove_from_parent();
            }
        }
        if parent.node_name().as_deref() == Some("body") {
            break;
        }
        at = parent;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "A 6.1-magnitude earthquake hit the province on Tuesday, killed at least one \
        person, injured dozens and destroyed buildings, sparking panic in a region devastated by \
        the tsunami of 2004. The quake hit inland at a depth of just 10km, the survey said.";

    #[test]
    fn the_one_article_is_kept_and_the_body_around_it_dropped() {
        let page = format!(
            "<html><head><title>Quake</title></head><body><nav>Home World</nav>\
             <div class=\"ad\">Buy the new phone today, half off this week only, click here.</div>\
             <main><h1>Quake</h1><article><p>{STORY}</p></article><aside>More</aside></main>\
             <footer>All rights reserved</footer><script>var x;</script></body></html>"
        );
        let doc = Document::from(page.as_str());
        assert!(keep_story(&doc));
        let text = doc.select("body").text();
        assert!(text.contains("killed at least one"), "{text}");
        for gone in ["Home World", "Buy the new phone", "More", "All rights"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert_eq!(doc.select("script").length(), 1);
        assert_eq!(doc.select("title").text().as_ref(), "Quake");
    }

    #[test]
    fn several_articles_or_a_short_one_leave_the_page_whole() {
        let two = format!(
            "<body><article><p>{STORY}</p></article><article><p>{STORY}</p></article><p>Ad</p></body>"
        );
        let short =
            "<body><div>Ad text</div><article><p>A headline and a line.</p></article></body>";
        for page in [two.as_str(), short] {
            let doc = Document::from(page);
            assert!(!keep_story(&doc));
            assert!(doc.select("body").text().contains("Ad"));
        }
    }
}
