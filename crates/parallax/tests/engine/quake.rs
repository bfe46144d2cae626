//! Three short reports of one quake, in files of one name in three folders: A and B agree on
//! the toll, C gives another and alone has a sentence on the weather. Shared by the engine's
//! and the reader's claim tests (the reader's through `#[path]`).

use parallax::{Comparison, Document, SourceId};

/// The three reports, A to C.
pub fn documents() -> Vec<Document> {
    let story = |toll: &str, extra: &str| {
        format!(
            "The earthquake killed {toll} people in the port city of Halden on Monday, officials said.\n\n\
             Rescue teams from three provinces searched the collapsed harbour warehouses overnight.\n\n{extra}"
        )
    };
    vec![
        Document::from_text("north/report.txt", story("42", "")),
        Document::from_text("south/report.txt", story("42", "")),
        Document::from_text(
            "east/report.txt",
            story(
                "57",
                "Heavy rain is expected across the valley until Thursday.\n",
            ),
        ),
    ]
}

/// Where the link of A and C that flags the toll stands: its pair's index and its own.
pub fn toll_link(cmp: &Comparison) -> (usize, usize) {
    let p = (cmp.pairs.iter())
        .position(|p| (p.a, p.b) == (SourceId(0), SourceId(2)))
        .expect("the pair of A and C");
    let l = (cmp.pairs[p].link_facts.iter())
        .position(|f| !f.conflicts.is_empty())
        .expect("A and C differ on the toll");
    (p, l)
}
