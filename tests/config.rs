//! Configuration end to end: rebinding keys (what they do and what help shows),
//! colours and defaults, bad files, and where the config is read from.

mod common;
use common::{Scratch, stderr, stdout, verso};
use verso::app::{Action, Context};
use verso::config;
use verso::keys::parse_key;

#[test]
fn a_rebound_key_changes_what_it_does_and_what_help_shows() {
    let s = Scratch::new();
    s.write(
        "c.toml",
        "[keys.global]\nnext_link = [\"n\", \"<C-n>\"]\nquit = [\"Q\"]\n",
    );
    // `n` now jumps to the first link, the conflict: its note is on the status line.
    let o = verso(
        &s.dir,
        &[
            "--config", "c.toml", "render", "--size", "120x30", "--keys", "n",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.lines().last().unwrap().contains("conflict 1/14"),
        "{out}"
    );
    // `]` is no longer bound to it.
    let o = verso(
        &s.dir,
        &[
            "--config", "c.toml", "render", "--size", "120x30", "--keys", "]",
        ],
        None,
    );
    assert!(!stdout(&o).lines().last().unwrap().contains("conflict"));
    // Help lists the keys in effect; the status line hints at them.
    let o = verso(
        &s.dir,
        &[
            "render", "--config", "c.toml", "--size", "120x50", "--keys", "?",
        ],
        None,
    );
    let out = stdout(&o);
    let row = |what: &str| {
        out.lines()
            .find(|l| l.contains(what))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("next linked passage").contains("│  n <C-n>  "), "{out}");
    assert!(row("  quit").contains("│  Q  "), "{out}");
    assert!(!out.contains("q <C-c>"), "{out}");
    assert!(
        out.lines().last().unwrap().contains("n/[ link")
            && out.lines().last().unwrap().contains("Q quit"),
        "{out}"
    );
    // VERSO_CONFIG is read too.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_verso"));
    let o = cmd
        .args(["render", "--size", "120x30", "--keys", "n"])
        .current_dir(&s.dir)
        .env("VERSO_CONFIG", s.path("c.toml"))
        .output()
        .unwrap();
    assert!(stdout(&o).lines().last().unwrap().contains("conflict 1/14"));
}

#[test]
fn a_bad_config_names_the_key_and_line_and_the_defaults_apply() {
    let s = Scratch::new();
    s.write(
        "c.toml",
        "[keys.global]\nquit = [\"q\"]\nquiet = [\"z\"]\nhelp = [\"<Nope>\"]\n\n[colors]\ntheme = \"sepia\"\n[defaults]\nmouse = \"yes\"\n[extra]\n",
    );
    let o = verso(
        &s.dir,
        &[
            "--config", "c.toml", "render", "--size", "80x20", "--keys", "?",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "verso render: c.toml:3: keys.global.quiet: unknown action (`verso config --default` lists them)",
            "verso render: c.toml:4: keys.global.help: unknown key \"<Nope>\": use vim notation, e.g. \"x\", \"<C-d>\", \"<S-Tab>\"",
            "verso render: c.toml:7: colors.theme: use \"dark\" or \"light\"",
            "verso render: c.toml:9: defaults.mouse: must be true or false",
            "verso render: c.toml:10: extra: unknown section: use [keys.*], [colors], [defaults]",
        ]
    );
    // An entry with a bad key is skipped whole: `?` still opens help.
    assert!(stdout(&o).contains("verso: keys"), "{}", stdout(&o));

    s.write("broken.toml", "[keys.global\nquit = [\"q\"]\n");
    let o = verso(
        &s.dir,
        &[
            "--config",
            "broken.toml",
            "render",
            "--size",
            "80x20",
            "--keys",
            "?",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).starts_with("verso render: broken.toml:1: not valid TOML ("),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("verso: keys"),
        "the default keymap applies"
    );

    let o = verso(
        &s.dir,
        &["--config", "missing.toml", "render", "--size", "80x20"],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("missing.toml: cannot read the config"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn colours_and_defaults_apply() {
    let c = config::parse(
        "c",
        "[colors]\ntheme = \"light\"\nspeakers = [\"#102030\", 200]\nconflict = \"magenta\"\n[defaults]\nsync_scroll = true\nside_panes = true\nmouse = false\n",
    );
    assert_eq!(c.warnings, Vec::<String>::new());
    assert!(c.theme.light);
    assert_eq!(
        c.defaults,
        verso::app::Defaults {
            sync: true,
            side_panes: true,
            mouse: false
        }
    );
    use ratatui::style::Color;
    assert_eq!(c.theme.speaker_color(0, None), Color::Rgb(0x10, 0x20, 0x30));
    assert_eq!(c.theme.speaker_color(1, None), Color::Indexed(200));
    assert_eq!(c.theme.speaker_color(2, None), Color::Rgb(0x10, 0x20, 0x30));
    assert_eq!(
        c.theme.link_color(verso::story::LinkKind::Conflict),
        Color::Magenta
    );
    // Several keys per action, in a pane's own table.
    let c = config::parse(
        "c",
        "[keys.speakers]\ntoggle_speaker = [\"z\", \"<Space>\"]\n",
    );
    assert_eq!(
        c.keymap.action(Context::Speakers, parse_key("z").unwrap()),
        Some(Action::ToggleSpeaker)
    );
    assert_eq!(
        c.keymap
            .action(Context::Speakers, parse_key("<Space>").unwrap()),
        Some(Action::ToggleSpeaker)
    );
    assert_eq!(
        c.keymap.action(Context::Article, parse_key("z").unwrap()),
        None
    );
}

#[test]
fn config_path_and_default() {
    let s = Scratch::new();
    let o = verso(&s.dir, &["config", "--path"], None);
    let out = stdout(&o);
    assert!(
        out.contains("verso/config.toml (the default place"),
        "{out}"
    );
    let o = verso(&s.dir, &["--config", "x.toml", "config", "--path"], None);
    assert_eq!(stdout(&o), "x.toml (from --config)\n");
    let o = verso(&s.dir, &["config", "--default"], None);
    let text = stdout(&o);
    assert!(
        text.contains("[keys.global]") && text.contains("[colors]") && text.contains("[defaults]")
    );
    assert_eq!(
        config::parse("default", &text).warnings,
        Vec::<String>::new()
    );
}

#[test]
fn every_hint_follows_the_keymap_in_effect() {
    let s = Scratch::new();
    s.write(
        "c.toml",
        "[keys.global]\nnext_link = [\"J\"]\nprev_link = [\"K\"]\ndown = [\"<C-n>\"]\n\
         up = [\"<C-p>\"]\nclose = [\"x\"]\nspeaker_1 = [\"z\"]\nspeaker_9 = [\"y\"]\n",
    );
    let render = |keys: &str, size: &str| {
        let o = verso(
            &s.dir,
            &[
                "--config", "c.toml", "render", "--size", size, "--keys", keys,
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stderr(&o), "");
        stdout(&o)
    };
    // The status line: `]` rebound to J, the speaker toggles to z..y.
    let out = render("", "120x40");
    let status = out.lines().last().unwrap();
    assert!(
        status.contains("J/K link  }/{ quote  z-y speaker"),
        "{status}"
    );
    assert!(!status.contains("]/["), "{status}");
    // And J does what ] did.
    let out = render("J", "120x40");
    assert!(
        out.lines().last().unwrap().contains("conflict 1/14"),
        "{out}"
    );
    // Help: its rows and its border's hints (scrolling at 80x24).
    let out = render("?", "80x24");
    let row = out
        .lines()
        .find(|l| l.contains("next linked passage"))
        .unwrap_or_default();
    assert!(row.contains("│  J  "), "{out}");
    assert!(out.contains(" <C-n>/<C-p> scroll  x close "), "{out}");
    assert!(
        !out.contains("j/k scroll") && !out.contains("Esc close"),
        "{out}"
    );
    // The defaults, for comparison: the same places say the default keys.
    let o = verso(&s.dir, &["render", "--size", "80x24", "--keys", "?"], None);
    assert!(
        stdout(&o).contains(" j/k scroll  Esc close "),
        "{}",
        stdout(&o)
    );
}
