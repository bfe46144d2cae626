//! The text and Markdown reports of more than two sources: the reasons of each pair's links
//! named with that pair's letters.

use parallax::export::{markdown, text};
use parallax::{Comparison, Options, demo};

fn four() -> Comparison {
    Comparison::build(demo::documents(), &Options::default()).unwrap()
}

#[test]
fn each_pairs_reasons_name_its_own_sources() {
    let cmp = four();
    let out = text::render(&cmp) + &markdown::render(&cmp);
    let mut checked = 0;
    // Every pair but A and B has sides other than A and B.
    for p in cmp.pairs.iter().filter(|p| (p.a, p.b) != (0, 1)) {
        for l in &p.alignment.links {
            if l.a.len() > 1 || l.b.len() > 1 {
                let (la, lb) = ((b'A' + p.a as u8) as char, (b'A' + p.b as u8) as char);
                let want = format!(
                    "{} passage(s) of {la} tell what {} of {lb} tell",
                    l.a.len(),
                    l.b.len()
                );
                assert!(out.contains(&want), "{want}");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "the demo has n:m links beyond A and B");
}
