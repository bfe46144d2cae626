//! The reader's configuration: a TOML file with a `[keys]` and a `[theme]` table, read from
//! `PARALLAX_CONFIG` if set, else `config.toml` in the platform's config dir.
//!
//! ```toml
//! [keys]
//! next_link = ["n", "ctrl-n"]
//! [theme]
//! added = "blue"
//! focus_bg = "#303030"
//! [notes]
//! tags = ["agree", "disputed", "unverified", "important", "follow up"]
//! [align]
//! fast = true       # as --fast: never refine the links with the sentence encoder
//! min_score = 0.8   # as --min-score: show only links at least this likely to be right
//! ```
//!
//! The `[align]` settings hold for `parallax align` and `save` too (which read only that
//! table); `--min-score` on the command line wins over `min_score`.

use std::path::PathBuf;

use parallax::annotate::DEFAULT_TAGS;

use super::keymap::Keymap;
use super::theme::Theme;

/// Keys, colours and the tags notes may carry.
#[derive(Clone, Debug)]
pub struct Config {
    /// Which key does what.
    pub keymap: Keymap,
    /// Colours and attributes.
    pub theme: Theme,
    /// The file these come from (or would, once written), for the help overlay.
    pub path: Option<PathBuf>,
    /// The tags the `t` picker offers.
    pub tags: Vec<String>,
    /// Align without the sentence encoder, as `--fast` does: the reader shows its first
    /// links and does not refine them.
    pub fast: bool,
    /// Show only links at least this likely to be right, as `--min-score` does (`None`: the
    /// link model's own minimum).
    pub min_score: Option<f32>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keymap: Keymap::default(),
            theme: Theme::default(),
            path: None,
            tags: DEFAULT_TAGS.iter().map(|t| t.to_string()).collect(),
            fast: false,
            min_score: None,
        }
    }
}

/// The `tags` list of a `[notes]` table: non-empty, distinct (ignoring case) tag names.
fn tags(table: &toml::Table) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for (key, value) in table {
        if key != "tags" {
            return Err(format!("[notes]: unknown setting \"{key}\""));
        }
        let list = value
            .as_array()
            .ok_or("[notes] tags must be a list of strings")?;
        for v in list {
            let t = v.as_str().ok_or("[notes] tags must be strings")?.trim();
            if t.is_empty() {
                return Err("[notes] tags: a tag is empty".into());
            }
            if out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
                return Err(format!("[notes] tags: \"{t}\" is listed twice"));
            }
            out.push(t.to_string());
        }
    }
    if out.is_empty() {
        return Err("[notes] tags: the list is empty".into());
    }
    Ok(out)
}

/// The `fast` and `min_score` settings of an `[align]` table, into `config`.
fn align(table: &toml::Table, config: &mut Config) -> Result<(), String> {
    for (key, value) in table {
        match key.as_str() {
            "fast" => {
                config.fast = value
                    .as_bool()
                    .ok_or("[align] fast must be true or false")?;
            }
            "min_score" => {
                let p = value
                    .as_float()
                    .or_else(|| value.as_integer().map(|i| i as f64))
                    .filter(|p| (0.0..=1.0).contains(p))
                    .ok_or("[align] min_score must be a probability between 0 and 1")?;
                config.min_score = Some(p as f32);
            }
            _ => return Err(format!("[align]: unknown setting \"{key}\"")),
        }
    }
    Ok(())
}

/// True for a terminal type that shows no colours: "xterm-mono", "vt100-m" (terminfo names
/// a monochrome variant so), "dumb".
fn monochrome(term: &str) -> bool {
    term == "dumb" || term.ends_with("-mono") || term.ends_with("-m")
}

impl Config {
    /// The configuration from its file (defaults when there is none), with NO_COLOR (or a
    /// monochrome `TERM`) applied.
    pub fn load() -> Result<Config, String> {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var("TERM").is_ok_and(|t| monochrome(&t));
        let (path, text) = read_file()?;
        let mut config = Config::from_toml(&text, no_colour).map_err(|e| in_file(&path, e))?;
        config.path = path;
        Ok(config)
    }

    /// Only the `[align]` settings of the configuration file (defaults when there is none),
    /// for `parallax align` and `save`: a mistake in the reader's keys or colours is no
    /// reason for a report to fail.
    pub fn load_align() -> Result<Config, String> {
        let (path, text) = read_file()?;
        let at = |e: String| in_file(&path, e);
        let table: toml::Table = toml::from_str(&text).map_err(|e| at(at_line(&text, &e)))?;
        let mut config = Config::default();
        if let Some(value) = table.get("align") {
            let sub = value
                .as_table()
                .ok_or_else(|| at("[align] must be a table".into()))?;
            align(sub, &mut config).map_err(at)?;
        }
        Ok(config)
    }

    /// The configuration a TOML text describes.
    pub fn from_toml(text: &str, no_colour: bool) -> Result<Config, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| at_line(text, &e))?;
        let mut config = Config::default();
        for (name, value) in &table {
            let sub = value
                .as_table()
                .ok_or(format!("[{name}] must be a table"))?;
            match name.as_str() {
                "keys" => config.keymap.apply(sub)?,
                "theme" => config.theme.apply(sub)?,
                "notes" => config.tags = tags(sub)?,
                "align" => align(sub, &mut config)?,
                _ => return Err(format!("unknown section [{name}]")),
            }
        }
        if no_colour {
            config.theme = config.theme.without_colour();
        }
        Ok(config)
    }
}

/// The configuration file's path (from `PARALLAX_CONFIG` if set, else the platform's) and
/// its text: empty when the platform's file does not exist; an error naming the file when
/// it cannot be read, or when `PARALLAX_CONFIG` names no file.
fn read_file() -> Result<(Option<PathBuf>, String), String> {
    // Empty is unset, as with PARALLAX_DATA_DIR and NO_COLOR.
    let named = std::env::var_os("PARALLAX_CONFIG").filter(|v| !v.is_empty());
    let (path, required) = match named {
        Some(p) => (Some(PathBuf::from(p)), true),
        None => (
            directories::ProjectDirs::from("", "", "parallax")
                .map(|d| d.config_dir().join("config.toml")),
            false,
        ),
    };
    let text = match path.as_ref().map(std::fs::read_to_string) {
        Some(Ok(t)) => t,
        Some(Err(e)) if required || e.kind() != std::io::ErrorKind::NotFound => {
            let p = path.unwrap_or_default();
            return Err(format!("{}: {e}", p.display()));
        }
        _ => String::new(),
    };
    Ok((path, text))
}

/// `e` said of the configuration file `path`, when there is one.
fn in_file(path: &Option<PathBuf>, e: String) -> String {
    match path {
        Some(p) => format!("{}: {e}", p.display()),
        None => e,
    }
}

/// A TOML syntax error in one line, with the line it is on when the parser says where:
/// the parser's own text spans several lines (the line quoted, a caret under it), which
/// the one-line error a user gets would garble.
fn at_line(text: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {}", e.message())
        }
        None => e.message().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Command;
    use crate::tui::keymap::Key;

    #[test]
    fn file_rebinds_keys_and_recolours() {
        let c =
            Config::from_toml("[keys]\nquit = \"b\"\n[theme]\nadded = \"blue\"\n", false).unwrap();
        assert_eq!(
            c.keymap.lookup(Key::parse("b").unwrap()),
            Some(Command::Quit)
        );
        assert_eq!(c.theme.added.fg, Some(ratatui::style::Color::Blue));
        let plain = Config::from_toml("[theme]\nadded = \"blue\"\n", true).unwrap();
        assert_eq!(plain.theme.added.fg, None, "NO_COLOR wins over the file");
        assert!(monochrome("xterm-mono") && monochrome("vt220-m") && monochrome("dumb"));
        assert!(!monochrome("xterm-256color") && !monochrome("screen"));
        assert!(Config::from_toml("[colours]\n", false).is_err());
        let c = Config::from_toml("[notes]\ntags = [\"check\", \"ok\"]\n", false).unwrap();
        assert_eq!(c.tags, ["check", "ok"]);
        assert_eq!(Config::default().tags.len(), 4);
        assert!(Config::from_toml("[notes]\ntags = [\"a\", \"A\"]\n", false).is_err());
        assert!(Config::from_toml("[notes]\ntags = []\n", false).is_err());
        assert!(
            Config::from_toml("[align]\nfast = true\n", false)
                .unwrap()
                .fast
        );
        assert!(Config::from_toml("[align]\nfast = 1\n", false).is_err());
        let c = Config::from_toml("[align]\nmin_score = 0.8\n", false).unwrap();
        assert_eq!((c.fast, c.min_score), (false, Some(0.8)));
        assert_eq!(
            Config::from_toml("[align]\nmin_score = 1\n", false)
                .unwrap()
                .min_score,
            Some(1.0)
        );
        assert!(Config::from_toml("[align]\nmin_score = 1.5\n", false).is_err());
        assert!(Config::from_toml("[align]\nmin_score = \"high\"\n", false).is_err());
        assert!(Config::from_toml("[align]\nquick = true\n", false).is_err());
        assert!(Config::from_toml("keys = 3\n", false).is_err());
        assert!(Config::from_toml("[keys\n", false).is_err());
    }

    #[test]
    fn a_syntax_error_names_its_line_in_one_line() {
        let e = Config::from_toml("[keys]\nquit = \"q\"\nnext_link = n\n", false).unwrap_err();
        assert!(e.starts_with("line 3: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
    }
}
