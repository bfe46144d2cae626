//! Colours and text attributes as data. The defaults use the terminal's own base colours,
//! which each terminal already tunes to its background, so they read on dark and on light.
//! Every meaning also has a non-colour sign (a gutter mark, underline, reverse), so NO_COLOR
//! only takes the colours away.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// The reader's styles.
#[derive(Clone, Debug)]
pub struct Theme {
    /// Prose.
    pub text: Style,
    /// Secondary text: hints, explanations, empty rows.
    pub dim: Style,
    /// Pane titles.
    pub title: Style,
    /// The title of the pane that has the keyboard.
    pub title_active: Style,
    /// Passages of the focused link, and the focused passage.
    pub focus: Style,
    /// Changed words inside a linked passage.
    pub changed: Style,
    /// A fact the other source states differently.
    pub conflict: Style,
    /// Gutter of passages only one source has.
    pub added: Style,
    /// The "stands elsewhere" note of reordered passages (synoptic view).
    pub moved: Style,
    /// Search hits.
    pub search: Style,
    /// The status line.
    pub status: Style,
    /// Keys named in hints and help.
    pub key: Style,
    /// Claim matrix: a source that states the claim (sign ✓).
    pub claim_states: Style,
    /// Claim matrix: a source that states it with a different fact (sign ≠).
    pub claim_differs: Style,
    /// Claim matrix: a source joined to it only by a weak match (sign ≈).
    pub claim_weak: Style,
    /// Link tints, used in turn by link number.
    pub links: Vec<Color>,
}

impl Default for Theme {
    fn default() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            title_active: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            focus: Style::new().add_modifier(Modifier::BOLD),
            changed: fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
            conflict: fg(Color::Red).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            added: fg(Color::Green).add_modifier(Modifier::BOLD),
            moved: fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            search: fg(Color::Yellow).add_modifier(Modifier::REVERSED),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD),
            claim_states: fg(Color::Green).add_modifier(Modifier::BOLD),
            claim_differs: fg(Color::Red).add_modifier(Modifier::BOLD),
            claim_weak: fg(Color::Yellow),
            links: vec![
                Color::Cyan,
                Color::Magenta,
                Color::Blue,
                Color::Yellow,
                Color::LightCyan,
                Color::LightMagenta,
            ],
        }
    }
}

impl Theme {
    /// The tint of link number `n` (counted from 1).
    pub fn link(&self, n: usize) -> Style {
        match self.links.len() {
            0 => Style::new(),
            len => Style::new().fg(self.links[n.saturating_sub(1) % len]),
        }
    }

    fn slot(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "text" => &mut self.text,
            "dim" => &mut self.dim,
            "title" => &mut self.title,
            "title_active" => &mut self.title_active,
            "focus" => &mut self.focus,
            "changed" => &mut self.changed,
            "conflict" => &mut self.conflict,
            "added" => &mut self.added,
            "moved" => &mut self.moved,
            "search" => &mut self.search,
            "status" => &mut self.status,
            "key" => &mut self.key,
            "claim_states" => &mut self.claim_states,
            "claim_differs" => &mut self.claim_differs,
            "claim_weak" => &mut self.claim_weak,
            _ => return None,
        })
    }

    /// Applies a `[theme]` table: `added = "green"` sets a foreground, `focus_bg = "#303030"`
    /// a background, `links = ["cyan", "blue"]` the link tints. Colours are names, `#rrggbb`
    /// or 0-255.
    pub fn apply(&mut self, table: &toml::Table) -> Result<(), String> {
        let colour = |v: &toml::Value| -> Result<Color, String> {
            let s = v.as_str().ok_or("colours must be strings")?;
            Color::from_str(s).map_err(|_| format!("unknown colour \"{s}\""))
        };
        for (name, value) in table {
            if name == "links" {
                let list = value
                    .as_array()
                    .ok_or("links: expected a list of colours")?;
                self.links = list.iter().map(colour).collect::<Result<_, _>>()?;
                continue;
            }
            let (slot, bg) = match name.strip_suffix("_bg") {
                Some(base) => (base, true),
                None => (name.as_str(), false),
            };
            let c = colour(value)?;
            let style = self
                .slot(slot)
                .ok_or(format!("unknown theme entry \"{name}\""))?;
            *style = if bg { style.bg(c) } else { style.fg(c) };
        }
        Ok(())
    }

    /// Takes every colour away, keeping bold, underline and reverse (NO_COLOR).
    pub fn without_colour(mut self) -> Theme {
        for name in [
            "text",
            "dim",
            "title",
            "title_active",
            "focus",
            "changed",
            "conflict",
            "added",
            "moved",
            "search",
            "status",
            "key",
            "claim_states",
            "claim_differs",
            "claim_weak",
        ] {
            if let Some(s) = self.slot(name) {
                s.fg = None;
                s.bg = None;
                s.underline_color = None;
            }
        }
        self.links.clear();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_no_colour() {
        let mut t = Theme::default();
        let table: toml::Table =
            toml::from_str("added = \"blue\"\nfocus_bg = \"#102030\"").unwrap();
        t.apply(&table).unwrap();
        assert_eq!(t.added.fg, Some(Color::Blue));
        assert_eq!(t.focus.bg, Some(Color::Rgb(0x10, 0x20, 0x30)));
        let plain = t.without_colour();
        assert_eq!(plain.added.fg, None);
        assert!(plain.conflict.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(plain.link(3), Style::new());
        let bad: toml::Table = toml::from_str("added = \"blurple\"").unwrap();
        assert!(Theme::default().apply(&bad).is_err());
    }
}
