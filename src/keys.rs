//! Keys: key and mouse events to [`Action`]s, from the embedded default keymap
//! (`src/keymap.toml`), which drives both the bindings and the help screen;
//! [`Keymap::read`] is the one reader of keymaps, the default's and a config
//! file's `[keys.*]`, and [`Keymap::hint`] names the keys in effect wherever the
//! screen hints at them. Also the vim-style key notation (`<C-d>`, `<S-Tab>`)
//! that the keymap and `verso render --keys` share. Holds no state.

use std::collections::BTreeMap;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};
use toml::de::{DeTable, DeValue};

use crate::app::{Action, Context};

/// The default keymap, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("keymap.toml");

/// A key press, normalised: shift folded into the character, ctrl and alt kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
    /// Only for keys that have no shifted character (`<S-Space>`).
    pub shift: bool,
}

/// The key codes verso binds, in an orderable form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

const NAMES: &[(&str, KeyCodeOrd)] = &[
    ("Enter", KeyCodeOrd::Enter),
    ("CR", KeyCodeOrd::Enter),
    ("Esc", KeyCodeOrd::Esc),
    ("Tab", KeyCodeOrd::Tab),
    ("BS", KeyCodeOrd::Backspace),
    ("Backspace", KeyCodeOrd::Backspace),
    ("Up", KeyCodeOrd::Up),
    ("Down", KeyCodeOrd::Down),
    ("Left", KeyCodeOrd::Left),
    ("Right", KeyCodeOrd::Right),
    ("PageUp", KeyCodeOrd::PageUp),
    ("PageDown", KeyCodeOrd::PageDown),
    ("Home", KeyCodeOrd::Home),
    ("End", KeyCodeOrd::End),
    ("Space", KeyCodeOrd::Char(' ')),
    ("lt", KeyCodeOrd::Char('<')),
    ("gt", KeyCodeOrd::Char('>')),
    ("Bar", KeyCodeOrd::Char('|')),
];

impl Key {
    pub fn plain(code: KeyCodeOrd) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// From a crossterm key event; `None` for releases and keys verso never binds.
    pub fn from_event(k: &KeyEvent) -> Option<Key> {
        if k.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        let shift = k.modifiers.contains(KeyModifiers::SHIFT);
        let code = match k.code {
            KeyCode::Char(c) => {
                let c = if ctrl { c.to_ascii_lowercase() } else { c };
                return Some(Key {
                    code: KeyCodeOrd::Char(c),
                    ctrl,
                    alt,
                    shift: shift && c == ' ',
                });
            }
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab if shift => KeyCodeOrd::BackTab,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::F(n) => KeyCodeOrd::F(n),
            _ => return None,
        };
        let shift = shift && !matches!(code, KeyCodeOrd::BackTab);
        Some(Key {
            code,
            ctrl,
            alt,
            shift,
        })
    }

    /// The crossterm event this key stands for (for `render --keys`).
    pub fn to_event(self) -> KeyEvent {
        let mut m = KeyModifiers::empty();
        if self.ctrl {
            m |= KeyModifiers::CONTROL;
        }
        if self.alt {
            m |= KeyModifiers::ALT;
        }
        if self.shift || matches!(self.code, KeyCodeOrd::BackTab) {
            m |= KeyModifiers::SHIFT;
        }
        let code = match self.code {
            KeyCodeOrd::Char(c) => KeyCode::Char(c),
            KeyCodeOrd::Enter => KeyCode::Enter,
            KeyCodeOrd::Esc => KeyCode::Esc,
            KeyCodeOrd::Tab => KeyCode::Tab,
            KeyCodeOrd::BackTab => KeyCode::BackTab,
            KeyCodeOrd::Backspace => KeyCode::Backspace,
            KeyCodeOrd::Up => KeyCode::Up,
            KeyCodeOrd::Down => KeyCode::Down,
            KeyCodeOrd::Left => KeyCode::Left,
            KeyCodeOrd::Right => KeyCode::Right,
            KeyCodeOrd::PageUp => KeyCode::PageUp,
            KeyCodeOrd::PageDown => KeyCode::PageDown,
            KeyCodeOrd::Home => KeyCode::Home,
            KeyCodeOrd::End => KeyCode::End,
            KeyCodeOrd::F(n) => KeyCode::F(n),
        };
        KeyEvent::new(code, m)
    }

    /// The key in vim notation, as the help screen shows it.
    pub fn notation(self) -> String {
        let name = match self.code {
            KeyCodeOrd::Char(' ') => "Space".to_string(),
            KeyCodeOrd::Char(c) if !(self.ctrl || self.alt || self.shift) => return c.to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::BackTab => return "<S-Tab>".to_string(),
            KeyCodeOrd::F(n) => format!("F{n}"),
            other => NAMES
                .iter()
                .find(|(_, c)| *c == other)
                .map(|(n, _)| n.to_string())
                .unwrap_or_default(),
        };
        let mut s = String::from("<");
        if self.ctrl {
            s.push_str("C-");
        }
        if self.alt {
            s.push_str("A-");
        }
        if self.shift {
            s.push_str("S-");
        }
        s.push_str(&name);
        s.push('>');
        s
    }
}

/// Parses one key in vim notation: `j`, `<`, `<C-d>`, `<S-Tab>`, `<Space>`, `<F1>`.
pub fn parse_key(s: &str) -> Option<Key> {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(Key::plain(KeyCodeOrd::Char(c)));
    }
    let inner = s.strip_prefix('<')?.strip_suffix('>')?;
    let mut key = Key::plain(KeyCodeOrd::Esc);
    let mut rest = inner;
    loop {
        let lower = rest.to_ascii_lowercase();
        if rest.len() > 2 && lower.starts_with("c-") {
            key.ctrl = true;
        } else if rest.len() > 2 && (lower.starts_with("a-") || lower.starts_with("m-")) {
            key.alt = true;
        } else if rest.len() > 2 && lower.starts_with("s-") {
            key.shift = true;
        } else {
            break;
        }
        rest = &rest[2..];
    }
    let mut cs = rest.chars();
    key.code = if let (Some(c), None) = (cs.next(), cs.next()) {
        KeyCodeOrd::Char(if key.ctrl { c.to_ascii_lowercase() } else { c })
    } else if let Some(n) = rest
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
    {
        KeyCodeOrd::F(n)
    } else {
        NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest))?.1
    };
    if key.shift {
        match key.code {
            KeyCodeOrd::Tab => {
                key.code = KeyCodeOrd::BackTab;
                key.shift = false;
            }
            KeyCodeOrd::Char(c) if c != ' ' => {
                key.code = KeyCodeOrd::Char(c.to_ascii_uppercase());
                key.shift = false;
            }
            _ => {}
        }
    }
    Some(key)
}

/// Parses a key sequence: `]]<Enter>j<C-d>`. A `<` that does not open a known
/// key name stands for itself.
pub fn parse_keys(s: &str) -> Result<Vec<Key>, String> {
    let mut keys = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
            && let Some(k) = parse_key(&rest[..=end])
        {
            keys.push(k);
            rest = &rest[end + 1..];
            continue;
        }
        keys.push(Key::plain(KeyCodeOrd::Char(c)));
        rest = &rest[c.len_utf8()..];
    }
    Ok(keys)
}

/// The bindings in effect: per context, key → action.
#[derive(Debug, Clone)]
pub struct Keymap {
    tables: BTreeMap<Context, BTreeMap<Key, Action>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let doc = DeTable::parse(DEFAULT_KEYMAP).expect("the default keymap is TOML");
        let mut keymap = Keymap {
            tables: BTreeMap::new(),
        };
        let mut wrong = Vec::new();
        keymap.read(doc.get_ref(), "", &mut |_, path, msg| {
            wrong.push(format!("{path}: {msg}"))
        });
        assert!(wrong.is_empty(), "the default keymap is valid: {wrong:?}");
        keymap
    }
}

impl Keymap {
    /// Reads tables of bindings (`[global]`, `[article]`, `[speakers]`,
    /// `[quotes]`, each `action = ["key", ...]`) into the keymap: an action
    /// listed takes exactly the keys listed. The one reader of keymaps: the
    /// default (`keymap.toml`) and a config file's `[keys.*]` (`prefix`
    /// `keys.`). A wrong entry is skipped and told to `warn` (its byte offset in
    /// the text, its key path, what is wrong); a list with a bad key is skipped
    /// whole, so the action keeps its keys.
    pub fn read(
        &mut self,
        tables: &DeTable<'_>,
        prefix: &str,
        warn: &mut impl FnMut(usize, &str, String),
    ) {
        for (ctx_name, actions) in tables {
            let cn = ctx_name.get_ref().as_ref();
            let key_path = format!("{prefix}{cn}");
            let Some(ctx) = Context::parse(cn) else {
                warn(
                    ctx_name.span().start,
                    &key_path,
                    "unknown table: use global, article, selection, speakers or quotes".into(),
                );
                continue;
            };
            let DeValue::Table(actions) = actions.get_ref() else {
                warn(ctx_name.span().start, &key_path, "must be a table".into());
                continue;
            };
            for (action_name, list) in actions {
                let an = action_name.get_ref().as_ref();
                let key_path = format!("{prefix}{cn}.{an}");
                let at = action_name.span().start;
                let Some(action) = Action::parse(an) else {
                    warn(
                        at,
                        &key_path,
                        "unknown action (`verso config --default` lists them)".into(),
                    );
                    continue;
                };
                let items: Vec<&DeValue> = match list.get_ref() {
                    DeValue::Array(a) => a.iter().map(|v| v.get_ref()).collect(),
                    v @ DeValue::String(_) => vec![v],
                    _ => {
                        warn(
                            at,
                            &key_path,
                            "must be a list of keys, e.g. [\"j\", \"<Down>\"]".into(),
                        );
                        continue;
                    }
                };
                let mut bound = Vec::new();
                for item in &items {
                    match item {
                        DeValue::String(k) => match parse_key(k) {
                            Some(key) => bound.push(key),
                            None => warn(
                                at,
                                &key_path,
                                format!(
                                    "unknown key {k:?}: use vim notation, e.g. \"x\", \"<C-d>\", \"<S-Tab>\""
                                ),
                            ),
                        },
                        _ => warn(at, &key_path, "keys are strings".into()),
                    }
                }
                if bound.len() == items.len() {
                    self.bind(ctx, action, &bound);
                }
            }
        }
    }

    /// Binds `keys` to `action` in `ctx`, replacing the keys the action had
    /// there; a key bound to another action in `ctx` moves to this one.
    pub fn bind(&mut self, ctx: Context, action: Action, keys: &[Key]) {
        let table = self.tables.entry(ctx).or_default();
        table.retain(|_, a| *a != action);
        for k in keys {
            table.insert(*k, action);
        }
    }

    /// The action of a key in a context (the context's table, then global).
    pub fn action(&self, ctx: Context, key: Key) -> Option<Action> {
        self.tables
            .get(&ctx)
            .and_then(|t| t.get(&key))
            .or_else(|| self.tables.get(&Context::Global).and_then(|t| t.get(&key)))
            .copied()
    }

    /// The keys bound to an action in a context's own table, in notation.
    pub fn keys_for(&self, ctx: Context, action: Action) -> Vec<String> {
        self.tables
            .get(&ctx)
            .map(|t| {
                t.iter()
                    .filter(|(_, a)| **a == action)
                    .map(|(k, _)| k.notation())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The help screen: per context, each action's keys and what it does (the
    /// nine speaker toggles on one row).
    pub fn help(&self) -> Vec<(Context, Vec<(String, String)>)> {
        let mut out = Vec::new();
        for (ctx, table) in &self.tables {
            let mut by_action: BTreeMap<Action, Vec<String>> = BTreeMap::new();
            for (k, a) in table {
                by_action.entry(*a).or_default().push(k.notation());
            }
            let mut rows: Vec<(String, String)> = Vec::new();
            let mut speakers: Vec<String> = Vec::new();
            for (a, ks) in by_action {
                match a {
                    Action::Speaker(_) => speakers.extend(ks),
                    a => rows.push((ks.join(" "), a.help())),
                }
            }
            if !speakers.is_empty() {
                rows.push((
                    speakers.join(" "),
                    "toggle the highlight of speaker 1-9".to_string(),
                ));
            }
            out.push((*ctx, rows));
        }
        out
    }

    /// The hint for the nine speaker toggles: `1-9`, the first's key and the last's.
    pub fn speakers_hint(&self) -> String {
        format!(
            "{}-{}",
            self.hint(Action::Speaker(0)),
            self.hint(Action::Speaker(8))
        )
    }

    /// A short hint for the status bar: a key of the action, plain keys first.
    /// A named key without modifiers is written bare (`Esc`, not `<Esc>`).
    pub fn hint(&self, action: Action) -> String {
        let keys = self.keys_for(Context::Global, action);
        let key = keys
            .iter()
            .find(|k| !k.starts_with('<') || k.len() == 1)
            .or(keys.first());
        match key {
            Some(k)
                if k.starts_with('<')
                    && k.len() > 1
                    && !k.contains('-')
                    && !["<lt>", "<gt>", "<Bar>"].contains(&k.as_str()) =>
            {
                k[1..k.len() - 1].to_string()
            }
            Some(k) => k.clone(),
            None => "-".into(),
        }
    }
}

/// Maps a terminal event to an action. `ctx` is the focused pane; `typing` says
/// a text prompt is open, where keys are text.
pub fn map(keymap: &Keymap, ev: &Event, ctx: Context, typing: bool) -> Option<Action> {
    match ev {
        Event::Key(k) => {
            let key = Key::from_event(k)?;
            if typing {
                return match key.code {
                    KeyCodeOrd::Enter => Some(Action::Submit),
                    KeyCodeOrd::Esc => Some(Action::Close),
                    KeyCodeOrd::Backspace => Some(Action::Backspace),
                    // The picker's rows.
                    KeyCodeOrd::Up => Some(Action::Up),
                    KeyCodeOrd::Down => Some(Action::Down),
                    KeyCodeOrd::Char(c) if !key.ctrl && !key.alt => Some(Action::Input(c)),
                    _ => None,
                };
            }
            keymap.action(ctx, key)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: false,
            }),
            MouseEventKind::Down(_) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            MouseEventKind::Drag(_) => Some(Action::Drag {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_round_trips() {
        for s in [
            "j",
            "G",
            "<",
            "?",
            "<C-d>",
            "<S-Tab>",
            "<Space>",
            "<Enter>",
            "<PageDown>",
            "<F1>",
            "<S-Space>",
        ] {
            let k = parse_key(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(k.notation(), s, "{s}");
        }
        assert_eq!(parse_key("<S-g>"), parse_key("G"));
        assert_eq!(parse_key("<lt>"), parse_key("<"));
        assert_eq!(parse_key("<Nope>"), None);
    }

    #[test]
    fn sequences_mix_names_and_characters() {
        let ks = parse_keys("]]<Enter>a<b<C-d>").unwrap();
        let shown: Vec<String> = ks.iter().map(|k| k.notation()).collect();
        assert_eq!(shown, ["]", "]", "<Enter>", "a", "<", "b", "<C-d>"]);
    }

    #[test]
    fn crossterm_events_normalise() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), parse_key("G"));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), parse_key("<S-Tab>"));
        for s in ["<C-d>", "<S-Tab>", "x", "<Space>", "<End>"] {
            let k = parse_key(s).unwrap();
            assert_eq!(Key::from_event(&k.to_event()), Some(k), "{s}");
        }
    }

    #[test]
    fn context_tables_win_over_global() {
        let km = Keymap::default();
        let space = parse_key("<Space>").unwrap();
        assert_eq!(km.action(Context::Article, space), Some(Action::PageDown));
        assert_eq!(
            km.action(Context::Speakers, space),
            Some(Action::ToggleSpeaker)
        );
        assert_eq!(
            km.action(Context::Quotes, parse_key("q").unwrap()),
            Some(Action::Quit)
        );
    }
}
