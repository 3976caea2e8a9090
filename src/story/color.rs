//! Speaker colours as a story file names them: a name, `#rrggbb`, or an index.
//! Terminal-neutral; the reader turns them into its own colours.

/// A colour from a story file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Color {
    /// One of [`Color::NAMES`], by its position there.
    Named(u8),
    Rgb(u8, u8, u8),
    Indexed(u8),
}

impl Color {
    /// The colour names a story may use, in the order of the 16 ANSI colours
    /// (`gray` is white without bold, `darkgray` is bright black).
    pub const NAMES: [&'static str; 16] = [
        "black",
        "red",
        "green",
        "yellow",
        "blue",
        "magenta",
        "cyan",
        "gray",
        "darkgray",
        "lightred",
        "lightgreen",
        "lightyellow",
        "lightblue",
        "lightmagenta",
        "lightcyan",
        "white",
    ];

    /// Parses `yellow`, `Light-Blue`, `grey`, `#ffcc00`, `214`.
    pub fn parse(s: &str) -> Option<Color> {
        let s = s.trim();
        if let Some(hex) = s.strip_prefix('#') {
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
        }
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse::<u8>().ok().map(Color::Indexed);
        }
        let name: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .replace("grey", "gray");
        Color::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Color::Named(i as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!(Color::parse("yellow"), Some(Color::Named(3)));
        assert_eq!(Color::parse("Light-Blue"), Some(Color::Named(12)));
        assert_eq!(Color::parse("grey"), Some(Color::Named(7)));
        assert_eq!(Color::parse("#FFcc00"), Some(Color::Rgb(255, 204, 0)));
        assert_eq!(Color::parse("214"), Some(Color::Indexed(214)));
        assert_eq!(Color::parse("256"), None);
        assert_eq!(Color::parse("#fff"), None);
        assert_eq!(Color::parse("mauve"), None);
        assert_eq!(Color::parse(""), None);
    }
}
