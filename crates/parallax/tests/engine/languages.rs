//! Languages other than English and German: compared by their own words, with no facts
//! read by rules made for English (French "1.500" is 1,500, "environ 40" is no exact
//! 40), no English sentence encoder, and French quotations opened by "« ".

use parallax::text::Language;
use parallax::{Comparison, Document, Options};

const A: &str = "Séisme dans la vallée\n\n\
Un séisme de magnitude 6,4 a frappé la vallée samedi, selon l'observatoire.\n\
Selon la préfecture, 12 personnes sont mortes et environ 40 ont été blessées.\n\
Quelque 1.500 habitants ont été évacués vers les gymnases de la commune.\n\
« Nous ne laisserons personne sans toit », a déclaré le préfet.\n";

const B: &str = "Tremblement de terre dans la vallée\n\n\
Samedi, un séisme de magnitude 6,2 a secoué la vallée, d'après l'observatoire régional.\n\
La préfecture fait état de 14 morts et d'au moins 43 blessés.\n\
Environ 1500 habitants ont été évacués vers les gymnases de la commune.\n\
« Nous ne laisserons personne sans toit », a affirmé la maire.\n";

fn build() -> Comparison {
    let docs = vec![
        Document::from_text("a.txt", A),
        Document::from_text("b.txt", B),
    ];
    Comparison::build(docs, &Options::default()).unwrap()
}

/// A French pair is read as French: its links rest on French words (the encoder, made for
/// English, reads none of it), and its facts are not read, though English rules would have
/// flagged "environ 40" against "au moins 43" and read "1.500" as 1.5. A number a word
/// change replaces ("6,4" → "6,2") is still flagged.
#[test]
fn a_french_pair_is_linked_by_its_words_and_gets_no_fact_flags() {
    let cmp = build();
    for s in &cmp.sources {
        assert_eq!(s.lang, Language::French);
        assert!(s.facts.is_empty(), "{:?}", s.facts);
    }
    let pair = &cmp.pairs[0];
    let links = &pair.alignment.links;
    let text = |k: usize, ids: &[parallax::SegmentId]| -> String {
        ids.iter()
            .map(|&i| cmp.sources[k].segment_text(i))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let linked = |a: &str, b: &str| {
        links
            .iter()
            .any(|l| text(0, &l.a).contains(a) && text(1, &l.b).contains(b))
    };
    assert!(linked("Quelque 1.500", "Environ 1500"), "{links:?}");
    assert!(linked("« Nous ne", "« Nous ne"), "{links:?}");
    assert!(linked("magnitude 6,4", "magnitude 6,2"), "{links:?}");
    // Only a number a word change replaces is flagged, as in any language.
    let flags: Vec<(&str, &str)> = (pair.link_facts.iter())
        .flat_map(|f| &f.conflicts)
        .map(|c| (c.a.as_str(), c.b.as_str()))
        .collect();
    assert_eq!(flags, [("6,4", "6,2")]);
    // The quotation opened by "« " is one passage with the words it opens.
    let quote = (0..cmp.sources[0].segments.len())
        .map(|i| cmp.sources[0].segment_text(parallax::SegmentId(i)))
        .find(|t| t.contains("laisserons"))
        .unwrap();
    assert!(quote.starts_with("« Nous"), "{quote:?}");
}

/// French quotation marks stand apart from their words: "« " opens the sentence after it,
/// " »" closes the one before, with a plain, a no-break or a narrow no-break space.
#[test]
fn french_guillemets_stay_with_the_sentence_they_quote() {
    for space in [" ", "\u{a0}", "\u{202f}"] {
        let text = format!(
            "Le maire a parlé dans la soirée.\n«{space}C'est du jamais vu depuis 2002.{space}» \
             Les routes sont fermées dans la vallée, selon la préfecture qui a été alertée."
        );
        let doc = Document::from_text("q.txt", text.as_str());
        let passages: Vec<String> =
            parallax::segment::segment(&doc, parallax::segment::Unit::Sentence)
                .iter()
                .map(|s| s.span.slice(&doc.text).to_string())
                .collect();
        assert_eq!(
            passages,
            [
                "Le maire a parlé dans la soirée.".to_string(),
                format!("«{space}C'est du jamais vu depuis 2002.{space}»"),
                "Les routes sont fermées dans la vallée, selon la préfecture qui a été alertée."
                    .to_string(),
            ],
            "{space:?}"
        );
    }
}

/// Text in a language the engine does not know (Russian, Swedish) is not taken for English:
/// the English encoder and English facts would read it wrong. It is compared by its words
/// as written, and the pair still links what the two texts share word for word.
#[test]
fn a_language_the_engine_does_not_know_gets_neither_the_encoder_nor_facts() {
    for (a, b) in [
        (
            "Президент прибыл в Москву во вторник.\nПереговоры закончились без соглашения.\n",
            "Во вторник президент приехал в Москву.\nПереговоры закончились без соглашения.\n",
        ),
        (
            "Regeringen meddelade på tisdagen att förhandlingarna med facket har avbrutits.\n\
             Inga nya möten är planerade före jul, och ministern vill inte kommentera saken.\n",
            "Förhandlingarna med facket avbröts på tisdagen, meddelade regeringen.\n\
             Inga nya möten är planerade före jul, och ministern vill inte kommentera saken.\n",
        ),
    ] {
        let docs = vec![
            Document::from_text("a.txt", a),
            Document::from_text("b.txt", b),
        ];
        let cmp = Comparison::build(docs, &Options::default()).unwrap();
        for s in &cmp.sources {
            assert_eq!(s.lang, Language::Other, "{}", s.document.text);
            assert!(!s.encodes(&Options::default()));
            assert!(s.facts.is_empty(), "{:?}", s.facts);
        }
        let pair = &cmp.pairs[0];
        assert_eq!(pair.encoded.passages, [0, 0], "{a}");
        assert!(
            pair.alignment.links.iter().any(|l| l.a == l.b),
            "the sentence both give is linked: {:?}",
            pair.alignment.links
        );
    }
}
