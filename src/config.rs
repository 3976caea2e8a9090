//! Configuration: `config.toml` from `--config PATH`, `VERSO_CONFIG`, or the
//! platform's config folder (`$XDG_CONFIG_HOME/verso/config.toml` on Linux).
//! Key bindings, colours and defaults. A bad file never stops the reader: each
//! wrong entry is a warning naming the key and the line, and the rest applies.

use std::path::{Path, PathBuf};

use ratatui::style::Color;
use toml::de::{DeTable, DeValue};

use crate::app::{Action, Defaults};
use crate::keys::{self, Keymap};
use crate::story::{self, LinkKind};
use crate::ui::Theme;

/// Everything a config file can set, with the defaults filled in.
#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// How the reader starts: synchronised scrolling, side panes, mouse.
    pub defaults: Defaults,
    /// One line per problem: `config.toml:12: keys.global.quiet: unknown action`.
    pub warnings: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keymap: Keymap::default(),
            theme: Theme::DARK,
            defaults: Defaults::default(),
            warnings: Vec::new(),
        }
    }
}

/// Where the config is read from, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--config PATH`.
    Flag(PathBuf),
    /// `VERSO_CONFIG`.
    Env(PathBuf),
    /// The platform's config folder.
    Default(PathBuf),
    /// No config folder could be found (no home directory).
    Nowhere,
}

impl Source {
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Flag(p) | Source::Env(p) | Source::Default(p) => Some(p),
            Source::Nowhere => None,
        }
    }

    /// What `verso config --path` prints.
    pub fn describe(&self) -> String {
        match self {
            Source::Flag(p) => format!("{} (from --config)", p.display()),
            Source::Env(p) => format!("{} (from VERSO_CONFIG)", p.display()),
            Source::Default(p) => {
                let state = if p.exists() {
                    ""
                } else {
                    "; it does not exist, so the defaults apply"
                };
                format!("{} (the default place{state})", p.display())
            }
            Source::Nowhere => "nowhere: no home folder, so the defaults apply".into(),
        }
    }
}

/// Finds the config file: the flag, then `VERSO_CONFIG`, then the platform's folder.
pub fn locate(flag: Option<&Path>) -> Source {
    if let Some(p) = flag {
        return Source::Flag(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("VERSO_CONFIG").filter(|v| !v.is_empty()) {
        return Source::Env(PathBuf::from(p));
    }
    match directories::ProjectDirs::from("", "", "verso") {
        Some(d) => Source::Default(d.config_dir().join("config.toml")),
        None => Source::Nowhere,
    }
}

/// Loads the config from where [`locate`] says. A missing file at the default
/// place is no warning; a missing file named by flag or variable is.
pub fn load(flag: Option<&Path>) -> Config {
    let source = locate(flag);
    let Some(path) = source.path() else {
        return Config::default();
    };
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&path.display().to_string(), &text),
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound && matches!(source, Source::Default(_)) =>
        {
            Config::default()
        }
        Err(e) => Config {
            warnings: vec![format!(
                "{}: cannot read the config ({e}); using the defaults",
                path.display()
            )],
            ..Config::default()
        },
    }
}

/// Reads a config file's text; `name` names it in warnings.
pub fn parse(name: &str, text: &str) -> Config {
    let mut config = Config::default();
    let line = |at: usize| {
        1 + text[..at.min(text.len())]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
    };
    let doc = match DeTable::parse(text) {
        Ok(d) => d,
        Err(e) => {
            let at = e
                .span()
                .map(|s| format!(":{}", line(s.start)))
                .unwrap_or_default();
            let msg = e
                .message()
                .lines()
                .next()
                .unwrap_or("not valid TOML")
                .to_string();
            config.warnings.push(format!(
                "{name}{at}: not valid TOML ({msg}); using the defaults"
            ));
            return config;
        }
    };
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut warn = |at: usize, key: &str, msg: String| {
        found.push((line(at), format!("{name}:{}: {key}: {msg}", line(at))));
    };
    for (section, value) in doc.get_ref() {
        let s = section.get_ref().as_ref();
        let at = section.span().start;
        let DeValue::Table(table) = value.get_ref() else {
            warn(at, s, "must be a table ([section])".into());
            continue;
        };
        match s {
            "keys" => config.keymap.read(table, "keys.", &mut warn),
            "colors" => config.theme = read_colors(table, &mut warn),
            "defaults" => read_defaults(table, &mut config, &mut warn),
            other => warn(
                at,
                other,
                "unknown section: use [keys.*], [colors], [defaults]".into(),
            ),
        }
    }
    // In the order of the file.
    found.sort_by_key(|(l, _)| *l);
    config.warnings = found.into_iter().map(|(_, w)| w).collect();
    config
}

/// A wrong entry: its byte offset in the file, its key path, what is wrong.
type Warn<'a> = dyn FnMut(usize, &str, String) + 'a;

/// `[colors]`: the theme, its speaker palette and its link colours.
fn read_colors(table: &DeTable<'_>, warn: &mut Warn) -> Theme {
    let mut theme_name = "dark";
    let mut palette: Vec<Color> = Vec::new();
    let mut link_colors: Vec<(LinkKind, Color)> = Vec::new();
    let color = |v: &DeValue| match v {
        DeValue::String(c) => story::Color::parse(c).map(Theme::convert),
        DeValue::Integer(i) => i.as_str().parse::<u8>().ok().map(Color::Indexed),
        _ => None,
    };
    const NOT_A_COLOUR: &str = "a colour is a name, \"#rrggbb\" or 0-255";
    for (k, v) in table {
        let kn = k.get_ref().as_ref();
        let key_path = format!("colors.{kn}");
        let at = k.span().start;
        match (kn, v.get_ref()) {
            ("theme", DeValue::String(t)) if t == "dark" || t == "light" => {
                theme_name = if t == "light" { "light" } else { "dark" }
            }
            ("theme", _) => warn(at, &key_path, "use \"dark\" or \"light\"".into()),
            ("speakers", DeValue::Array(items)) => {
                for item in items.iter() {
                    match color(item.get_ref()) {
                        Some(c) => palette.push(c),
                        None => warn(at, &key_path, NOT_A_COLOUR.into()),
                    }
                }
            }
            ("same" | "paraphrase" | "conflict", v) => match (LinkKind::parse(kn), color(v)) {
                (Some(kind), Some(c)) => link_colors.push((kind, c)),
                _ => warn(at, &key_path, NOT_A_COLOUR.into()),
            },
            _ => warn(
                at,
                &key_path,
                "unknown setting: use theme, speakers, same, paraphrase, conflict".into(),
            ),
        }
    }
    let base = if theme_name == "light" {
        Theme::LIGHT
    } else {
        Theme::DARK
    };
    link_colors
        .into_iter()
        .fold(base.with_palette(&palette), |t, (kind, c)| {
            t.with_link_color(kind, c)
        })
}

/// `[defaults]`: synchronised scrolling, side panes and mouse capture at start.
fn read_defaults(table: &DeTable<'_>, config: &mut Config, warn: &mut Warn) {
    for (k, v) in table {
        let kn = k.get_ref().as_ref();
        let key_path = format!("defaults.{kn}");
        let at = k.span().start;
        let slot = match kn {
            "sync_scroll" => &mut config.defaults.sync,
            "side_panes" => &mut config.defaults.side_panes,
            "mouse" => &mut config.defaults.mouse,
            _ => {
                warn(
                    at,
                    &key_path,
                    "unknown setting: use sync_scroll, side_panes, mouse".into(),
                );
                continue;
            }
        };
        match v.get_ref() {
            DeValue::Boolean(b) => *slot = *b,
            _ => warn(at, &key_path, "must be true or false".into()),
        }
    }
}

/// The commented default config file `verso config --default` prints.
pub fn default_file() -> String {
    let mut out = String::from(
        "# verso configuration: copy this file to the place `verso config --path` names\n\
         # and change what you like; remove what you do not change.\n\
         #\n\
         # [keys.*]: key bindings, in vim notation (\"j\", \"G\", \"<C-d>\", \"<S-Tab>\",\n\
         # \"<Space>\", \"<Enter>\", \"<Esc>\", \"<Up>\", \"<PageDown>\", \"<F1>\").\n\
         # Each action takes a list of keys; listing an action replaces its keys in\n\
         # that table. Keys of the focused pane's table win over [keys.global].\n\n",
    );
    for line in keys::DEFAULT_KEYMAP
        .lines()
        .skip_while(|l| l.starts_with('#') || l.is_empty())
    {
        if let Some(section) = line.strip_prefix('[') {
            out.push_str(&format!("[keys.{section}\n"));
        } else if let Some((name, _)) = line.split_once(" = ")
            && let Some(action) = Action::parse(name.trim())
        {
            out.push_str(&format!("{line:<40} # {}\n", action.help()));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(
        "\n[colors]\n\
         theme = \"dark\"     # \"dark\" or \"light\": the palette and chrome for your background\n\
         # speakers = [\"yellow\", \"cyan\", \"magenta\", \"green\"]  # palette for speakers without a colour\n\
         # same = \"green\"         # link kinds: a name, \"#rrggbb\" or 0-255\n\
         # paraphrase = \"blue\"\n\
         # conflict = \"red\"\n\
         \n[defaults]\n\
         sync_scroll = false  # scroll both articles together\n\
         side_panes = false   # show speakers and quotes under 120 columns\n\
         mouse = true         # capture the mouse (off: the terminal selects text)\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let c = parse("default", &default_file());
        assert_eq!(c.warnings, Vec::<String>::new());
        let d = Keymap::default();
        assert_eq!(format!("{:?}", c.keymap.help()), format!("{:?}", d.help()));
        assert_eq!(c.defaults, Defaults::default());
        assert!(!c.theme.light);
    }
}
