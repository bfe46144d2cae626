//! Names that tell sources apart: a document's own title when it has one no other source
//! shares, else the shortest end of its path that no other source's path ends with.

use super::Comparison;

/// The name of each source, from its path and its title (in the order given): the title,
/// white space collapsed, when it has one and no other source has the same; else the
/// shortest path suffix by whole components that tells it from every other path
/// (`10_2ecb/a.txt` and `12_1ecb/a.txt`, but `b.txt` alone); "standard input" for `-`.
/// Two equal paths keep the whole path and their place in the list ("a.txt (2)"). The
/// names are raw: a front end makes them safe for its medium.
pub fn names(sources: &[(&str, Option<&str>)]) -> Vec<String> {
    let titles: Vec<Option<String>> = sources
        .iter()
        .map(|(_, t)| {
            t.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty())
        })
        .collect();
    let parts: Vec<Vec<&str>> = sources
        .iter()
        .map(|(p, _)| p.split(['/', '\\']).filter(|c| !c.is_empty()).collect())
        .collect();
    (0..sources.len())
        .map(|i| {
            if let Some(t) = &titles[i]
                && titles.iter().filter(|o| o.as_ref() == Some(t)).count() == 1
            {
                return t.clone();
            }
            let path = sources[i].0;
            if path == "-" {
                return "standard input".to_string();
            }
            path_name(&parts, i).unwrap_or_else(|| format!("{path} ({})", i + 1))
        })
        .collect()
}

/// The shortest end of path `i` (by components) that no other path ends with; `None` when
/// another path is the same.
fn path_name(parts: &[Vec<&str>], i: usize) -> Option<String> {
    fn tail<'a>(p: &[&'a str], k: usize) -> Vec<&'a str> {
        p[p.len().saturating_sub(k)..].to_vec()
    }
    let own = &parts[i];
    (1..=own.len().max(1))
        .find(|&k| {
            let mine = tail(own, k);
            parts
                .iter()
                .enumerate()
                .all(|(j, p)| j == i || tail(p, k) != mine)
        })
        .map(|k| tail(own, k).join("/"))
}

impl Comparison {
    /// The sources whose facts are not read (their language has no fact rules, see
    /// [`crate::text::Language::has_fact_rules`]), as "A (French)": the front ends say so,
    /// or no flags would read as no facts differing.
    pub fn facts_unread(&self) -> Vec<String> {
        (self.sources.iter().enumerate())
            .filter(|(_, s)| !s.lang.has_fact_rules())
            .map(|(k, s)| format!("{} ({})", crate::ids::SourceId(k).letter(), s.lang.name()))
            .collect()
    }

    /// The name of each source, in source order ([`names`]); a web page goes by its short
    /// address ([`crate::document::Document::name`]), as titles of one story look alike.
    pub fn names(&self) -> Vec<String> {
        let list: Vec<(&str, Option<&str>)> = self
            .sources
            .iter()
            .map(|s| {
                let d = &s.document;
                let title = if d.is_web() {
                    None
                } else {
                    d.meta.title.as_deref()
                };
                (d.path.as_str(), title)
            })
            .collect();
        let mut out = names(&list);
        for (name, s) in out.iter_mut().zip(&self.sources) {
            if s.document.is_web() {
                *name = s.document.name().into_owned();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_file_names_keep_the_folders_that_tell_them_apart() {
        let got = names(&[
            ("corpus/10_2ecb/a.txt", None),
            ("corpus/12_1ecb/a.txt", None),
            ("other/b.txt", None),
        ]);
        assert_eq!(got, ["10_2ecb/a.txt", "12_1ecb/a.txt", "b.txt"]);
    }

    #[test]
    fn titles_name_sources_unless_two_share_one() {
        let got = names(&[
            ("x/a.txt", Some("  Talks   in Caracas ")),
            ("y/a.txt", Some("Same")),
            ("z/a.txt", Some("Same")),
            ("-", None),
        ]);
        assert_eq!(
            got,
            ["Talks in Caracas", "y/a.txt", "z/a.txt", "standard input"]
        );
    }

    #[test]
    fn one_path_given_twice_is_numbered() {
        let got = names(&[("x/a.txt", None), ("x/a.txt", None)]);
        assert_eq!(got, ["x/a.txt (1)", "x/a.txt (2)"]);
    }
}
