//! Two versions of one long text, a few sentences reworded: the input of the `revision`
//! bench and of the engine test of reading long sources in part. Shared through `#[path]`.

// Each user takes only part of it.
#![allow(dead_code)]

use parallax::Document;

#[path = "rng.rs"]
mod rng;
use rng::Rng;

/// Reworded claims: the words the two versions share are few.
pub const REWORDED: [(&str, &str); 4] = [
    (
        "The talks collapsed and the two sides reached no deal",
        "Negotiations between the two sides broke down without any agreement",
    ),
    (
        "Power was cut to thousands of households as the storm swept through",
        "The storm knocked out electricity for thousands of homes across the region",
    ),
    (
        "The plant will close permanently next spring, officials said",
        "Officials said the factory would shut its doors for good in the spring",
    ),
    (
        "Prices at the pump climbed for a third straight week",
        "Fuel costs rose again, the third weekly increase in a row",
    ),
];

/// Two versions of a text of `n` varied sentences, the same but at `reworded`, where each
/// says one of [`REWORDED`] in other words.
pub fn versions(n: usize, reworded: &[usize]) -> (Document, Document) {
    let subjects = [
        "The council",
        "A spokesman",
        "The mayor",
        "Residents",
        "Police",
        "Engineers",
    ];
    let verbs = [
        "approved",
        "rejected",
        "questioned",
        "announced",
        "delayed",
        "funded",
    ];
    let objects = [
        "a plan for the northern bridge",
        "the budget for next year",
        "new rules on river traffic",
        "a study of the flood defences",
        "the closure of the old mill",
        "a ban on night flights",
        "the contract for the rail depot",
    ];
    let when = [
        "on Monday",
        "last week",
        "after a long debate",
        "at a public meeting",
    ];
    let mut r = Rng(0x5eed);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for i in 0..n {
        if let Some(k) = reworded.iter().position(|&at| at == i) {
            let (x, y) = REWORDED[k % REWORDED.len()];
            // A claim said again is numbered, so that no two passages are the same.
            let again = if k < REWORDED.len() {
                String::new()
            } else {
                format!(" (note {i})")
            };
            a.push(format!("{x}{again}."));
            b.push(format!("{y}{again}."));
        } else {
            let s = format!(
                "{} {} {} {}, item {i}.",
                subjects[r.below(subjects.len())],
                verbs[r.below(verbs.len())],
                objects[r.below(objects.len())],
                when[r.below(when.len())]
            );
            a.push(s.clone());
            b.push(s);
        }
    }
    let doc = |name: &str, v: &[String]| Document::from_text(name, v.join("\n\n"));
    (doc("before.txt", &a), doc("after.txt", &b))
}
