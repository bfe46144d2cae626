//! The page cut down to its one `<article>` (else its one `<main>`) before readability
//! reads it, when that element holds the story.
//!
//! Readability scores the whole body, picks the element with the most prose, and then takes
//! in the siblings of its pick that read like prose: on a page whose story stands in a
//! `<main>` of its own, a plain-text advertisement, a cookie notice or a newsletter pitch of
//! more than 80 characters without a link joins the article (readability.js does the same).
//! Where the page marks its story itself, the rest of the body is no candidate.

use dom_query::{Document, NodeRef};

/// Fewest words of paragraphs the marked element needs to be taken for the story: a teaser
/// or a card holds a headline and a line, a story some paragraphs.
const MIN_STORY_WORDS: usize = 40;

/// Elements kept beside the story: the page's metadata (JSON-LD in scripts, microdata in
/// `<meta>`) and the story's own headline and time when they stand just outside it.
const KEPT_BESIDE: [&str; 4] = ["script", "meta", "h1", "time"];

/// Removes from `doc`'s body everything but its one `<article>` (else its one `<main>`) and
/// the elements around it, when that element holds the story: at least [`MIN_STORY_WORDS`]
/// words of paragraphs, and most of the paragraphs' words of the whole body (a page whose
/// one article is a related story's card keeps its body). Returns true when the page was
/// cut. A page with several articles (a list of stories, comments marked as articles) or
/// none is left whole.
pub fn keep_story(doc: &Document) -> bool {
    let prose = |scope: &str| -> usize {
        let paragraphs = doc.select(&format!("{scope} p"));
        (paragraphs.nodes().iter())
            .map(|p| p.text().split_whitespace().count())
            .sum()
    };
    let all = prose("body");
    for tag in ["article", "main"] {
        let found = doc.select(&format!("body {tag}"));
        let [story] = found.nodes() else { continue };
        let words = prose(&format!("body {tag}"));
        if words < MIN_STORY_WORDS || 2 * words < all {
            continue;
        }
        cut_around(story);
        return true;
    }
    false
}

/// Removes the element siblings of `node` and of each of its ancestors up to `<body>`, but
/// for [`KEPT_BESIDE`] and a `<header>` below the body's own (the story's, not the site's).
fn cut_around(node: &NodeRef) {
    let mut at = *node;
    while let Some(parent) = at.parent() {
        let in_body = parent.node_name().as_deref() != Some("body");
        for other in parent.element_children() {
            let name = other.node_name();
            let kept = (name.as_deref())
                .is_some_and(|n| KEPT_BESIDE.contains(&n) || (n == "header" && in_body));
            if other.id != at.id && !kept {
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
             <main><header><p class=\"byline\">By Jane Roe</p></header><h1>Quake</h1>\
             <article><p>{STORY}</p></article><aside>More</aside></main>\
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
        // The story's headline and byline just outside it stay.
        assert_eq!(doc.select("main h1").length(), 1);
        assert!(text.contains("By Jane Roe"), "{text}");
        assert_eq!(doc.select("title").text().as_ref(), "Quake");
    }

    #[test]
    fn several_articles_or_a_short_one_leave_the_page_whole() {
        let two = format!(
            "<body><article><p>{STORY}</p></article><article><p>{STORY}</p></article><p>Ad</p></body>"
        );
        let short =
            "<body><div>Ad text</div><article><p>A headline and a line.</p></article></body>";
        // The one article is a related story's card; the story is in a div.
        let card = format!(
            "<body><div class=\"story-body\"><p>{STORY}</p><p>{STORY}</p><p>{STORY}</p></div>\
             <div>Ad</div><article><p>{STORY}</p></article></body>"
        );
        for page in [two.as_str(), short, card.as_str()] {
            let doc = Document::from(page);
            assert!(!keep_story(&doc));
            assert!(doc.select("body").text().contains("Ad"));
        }
    }
}
