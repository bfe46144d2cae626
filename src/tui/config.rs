//! The reader's configuration: a TOML file with a `[keys]` and a `[theme]` table, read from
//! `PARALLAX_CONFIG` if set, else `config.toml` in the platform's config dir.
//!
//! ```toml
//! [keys]
//! next_link = ["n", "ctrl-n"]
//! [theme]
//! added = "blue"
//! focus_bg = "#303030"
//! ```

use std::path::PathBuf;

use super::keymap::Keymap;
use super::theme::Theme;

/// Keys and colours.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Which key does what.
    pub keymap: Keymap,
    /// Colours and attributes.
    pub theme: Theme,
    /// The file these come from (or would, once written), for the help overlay.
    pub path: Option<PathBuf>,
}

impl Config {
    /// The configuration from its file (defaults when there is none), with NO_COLOR applied.
    pub fn load() -> Result<Config, String> {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let (path, required) = match std::env::var_os("PARALLAX_CONFIG") {
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
        let mut config = Config::from_toml(&text, no_colour).map_err(|e| match &path {
            Some(p) => format!("{}: {e}", p.display()),
            None => e,
        })?;
        config.path = path;
        Ok(config)
    }

    /// The configuration a TOML text describes.
    pub fn from_toml(text: &str, no_colour: bool) -> Result<Config, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let mut config = Config::default();
        for (name, value) in &table {
            let sub = value
                .as_table()
                .ok_or(format!("[{name}] must be a table"))?;
            match name.as_str() {
                "keys" => config.keymap.apply(sub)?,
                "theme" => config.theme.apply(sub)?,
                _ => return Err(format!("unknown section [{name}]")),
            }
        }
        if no_colour {
            config.theme = config.theme.without_colour();
        }
        Ok(config)
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
            Config::from_toml("[keys]\nquit = \"x\"\n[theme]\nadded = \"blue\"\n", false).unwrap();
        assert_eq!(
            c.keymap.lookup(Key::parse("x").unwrap()),
            Some(Command::Quit)
        );
        assert_eq!(c.theme.added.fg, Some(ratatui::style::Color::Blue));
        let plain = Config::from_toml("[theme]\nadded = \"blue\"\n", true).unwrap();
        assert_eq!(plain.theme.added.fg, None, "NO_COLOR wins over the file");
        assert!(Config::from_toml("[colours]\n", false).is_err());
        assert!(Config::from_toml("keys = 3\n", false).is_err());
        assert!(Config::from_toml("[keys\n", false).is_err());
    }
}
