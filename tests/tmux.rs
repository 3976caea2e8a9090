//! End to end in a real terminal: the verso binary in tmux, driven with
//! send-keys and read with capture-pane. Needs tmux (`.ci/run` installs it);
//! without it these tests fail under CI and are skipped elsewhere.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    /// The shell's HOME: config and remembered places live under it.
    home: std::path::PathBuf,
}

impl Tmux {
    /// A tmux server of our own running a plain shell at `w`x`h`, or `None`
    /// where tmux is missing outside CI.
    fn start(name: &str, w: u16, h: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is missing: .ci/run installs it"
            );
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let socket = format!("verso-test-{}-{name}", std::process::id());
        let home = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).unwrap();
        let t = Tmux { socket, home };
        let home_var = format!("HOME={}", t.home.display());
        let ok = Command::new("tmux")
            .args([
                "-L",
                &t.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
            ])
            .args(["-x", &w.to_string(), "-y", &h.to_string()])
            .args([
                "env",
                "-i",
                "TERM=xterm-256color",
                "PATH=/usr/bin:/bin",
                "PS1=$ ",
                &home_var,
            ])
            .args(["bash", "--norc", "--noprofile"])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux starts");
        t.wait_for("the shell prompt", |s| s.contains('$'));
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    /// Types a line into the shell.
    fn line(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
        self.tmux(&["send-keys", "-t", "t", "Enter"]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// The screen with SGR escape sequences.
    fn screen_ansi(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-e", "-t", "t"])
    }

    fn flag(&self, name: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")])
            .trim()
            .to_string()
    }

    /// Polls the screen until `ok` holds (5 s at most).
    /// The screen once it shows what `ok` wants and has settled: two
    /// captures in a row the same, so a frame drawn halfway is never taken.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut last: Option<String> = None;
        loop {
            let s = self.screen();
            if ok(&s) && last.as_deref() == Some(s.as_str()) {
                return s;
            }
            last = Some(s.clone());
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// The foreground colour (SGR parameter text, "" for the default) in effect
/// where `needle` starts, on the first line of `ansi` whose text contains it.
fn fg_at(ansi: &str, needle: &str) -> Option<String> {
    for line in ansi.lines() {
        // The line's text, and the colour of each of its characters.
        let mut text = String::new();
        let mut colours: Vec<String> = Vec::new();
        let mut fg = String::new();
        let mut rest = line;
        while !rest.is_empty() {
            if let Some(tail) = rest.strip_prefix("\x1b[") {
                let end = tail
                    .find(|c: char| c.is_ascii_alphabetic())
                    .unwrap_or(tail.len() - 1);
                if tail.as_bytes()[end] == b'm' {
                    let params: Vec<&str> = tail[..end].split(';').collect();
                    let mut k = 0;
                    while k < params.len() {
                        match params[k] {
                            "" | "0" | "39" => fg.clear(),
                            p if p.len() == 2
                                && (p.starts_with('3') || p.starts_with('9'))
                                && p != "38" =>
                            {
                                fg = p.to_string()
                            }
                            "38" => {
                                fg = params[k..(k + 3).min(params.len())].join(";");
                                k += 2;
                            }
                            "48" => k += 2,
                            _ => {}
                        }
                        k += 1;
                    }
                }
                rest = &tail[end + 1..];
                continue;
            }
            let c = rest.chars().next().unwrap();
            text.push(c);
            colours.push(fg.clone());
            rest = &rest[c.len_utf8()..];
        }
        if let Some(at) = text.find(needle) {
            return Some(colours[text[..at].chars().count()].clone());
        }
    }
    None
}

/// The command line that runs the reader, its errors kept in the shell's HOME.
fn verso_cmd(t: &Tmux) -> String {
    format!(
        "{} 2>{}/stderr.txt",
        env!("CARGO_BIN_EXE_verso"),
        t.home.display()
    )
}

#[test]
fn the_reader_at_120x40() {
    let Some(t) = Tmux::start("wide", 120, 40) else {
        return;
    };
    t.line(&verso_cmd(&t));
    let s = t.wait_for("both articles", |s| {
        s.contains("Former Labour MP") && s.contains("Labour leader Phil Goff")
    });
    assert!(s.contains("Speakers") && s.contains("Quotes: all"), "{s}");
    assert_eq!(t.flag("alternate_on"), "1");

    // `]` until the conflict link is focused: both versions on screen together.
    let mut found = false;
    let status = |s: &str| s.lines().last().unwrap_or_default().trim().to_string();
    let mut before = status(&t.screen());
    for _ in 0..20 {
        t.keys(&["]"]);
        // Wait for this key's frame: a link named on a status line that changed.
        let s = t.wait_for("the next link", |s| {
            let now = status(s);
            now != before
                && ["same ", "paraphrase ", "conflict "]
                    .iter()
                    .any(|k| now.starts_with(k))
        });
        before = status(&s);
        if s.lines()
            .last()
            .unwrap()
            .trim_start()
            .starts_with("conflict")
        {
            assert!(s.contains("seven-hour") && s.contains("six-hour"), "{s}");
            found = true;
            break;
        }
    }
    assert!(found, "a conflict link was focused");

    // The mention of Chris Carter in the first line is in his colour (yellow),
    // inside Andrew Little's quote (cyan); `1` turns Carter's highlight off.
    let yellow = |fg: Option<String>| matches!(fg.as_deref(), Some("33" | "38;5;3"));
    let cyan = |fg: Option<String>| matches!(fg.as_deref(), Some("36" | "38;5;6"));
    let at = "Chris Carter threatened";
    t.keys(&["g"]);
    t.wait_for("the first line", |s| s.contains(at));
    assert!(yellow(fg_at(&t.screen_ansi(), at)), "{}", t.screen_ansi());
    t.keys(&["1"]);
    t.wait_for("the toggle", |s| s.contains("highlight off"));
    assert!(cyan(fg_at(&t.screen_ansi(), at)), "{}", t.screen_ansi());
    t.keys(&["1"]);
    t.wait_for("the toggle", |s| s.contains("highlight on"));
    assert!(yellow(fg_at(&t.screen_ansi(), at)));

    // `q` restores the terminal: the prompt works, no alternate screen, no mouse.
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    t.line("echo ok-$((40+2))");
    t.wait_for("the shell", |s| s.contains("ok-42"));
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("mouse_any_flag"), "0");
}

#[test]
fn the_reader_at_80x24() {
    let Some(t) = Tmux::start("narrow", 80, 24) else {
        return;
    };
    t.line(&verso_cmd(&t));
    t.wait_for("both articles", |s| {
        s.contains("Former Labour MP") && s.contains("Labour leader Phil Goff")
    });
    t.keys(&["]"]);
    let s = t.wait_for("the conflict", |s| {
        s.contains("seven-hour") && s.contains("six-hour")
    });
    assert!(
        !s.contains("Speakers"),
        "side panes hidden under 120 columns:\n{s}"
    );
    t.keys(&["p"]);
    t.wait_for("the side panes on request", |s| s.contains("Speakers"));
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    t.line("echo ok-$((40+2))");
    t.wait_for("the shell", |s| s.contains("ok-42"));
    assert_eq!(t.flag("alternate_on"), "0");
}

#[test]
fn a_panic_and_sigterm_restore_the_terminal() {
    let Some(t) = Tmux::start("panic", 100, 30) else {
        return;
    };
    t.line(&format!(
        "VERSO_DEBUG_PANIC=1 {}; echo exit=$?",
        verso_cmd(&t)
    ));
    t.wait_for("the exit code", |s| s.contains("exit=101"));
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("mouse_any_flag"), "0");
    let err = std::fs::read_to_string(t.home.join("stderr.txt")).unwrap_or_default();
    assert!(err.contains("panicking on purpose"), "{err}");

    signal_restores_the_terminal(&t, "TERM", 143);
}

/// Starts the reader, sends it `signal`, and checks that it ends with `code`
/// and leaves a working terminal: no alternate screen, no mouse, no raw mode.
fn signal_restores_the_terminal(t: &Tmux, signal: &str, code: i32) {
    t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
    t.wait_for("a clear screen", |s| !s.contains("exit="));
    t.line(&format!("{}; echo exit=$?", verso_cmd(t)));
    t.wait_for("the reader", |s| s.contains("Former Labour MP"));
    assert_eq!(t.flag("alternate_on"), "1");
    let child = reader_pid(t);
    assert!(!child.is_empty(), "the reader runs under the shell");
    Command::new("kill")
        .args([&format!("-{signal}"), &child])
        .status()
        .unwrap();
    let s = t.wait_for("the prompt", |s| !s.contains("Former Labour MP"));
    assert!(s.contains(&format!("exit={code}")), "SIG{signal}: {s}");
    // Raw mode off: the shell echoes what is typed and runs it on Enter.
    t.line("echo ok-$((40+2))");
    t.wait_for("the shell", |s| s.contains("ok-42"));
    assert_eq!(t.flag("alternate_on"), "0", "SIG{signal}");
    assert_eq!(t.flag("mouse_any_flag"), "0", "SIG{signal}");
}

#[test]
fn sigint_and_sigquit_restore_the_terminal() {
    let Some(t) = Tmux::start("sigint", 100, 30) else {
        return;
    };
    signal_restores_the_terminal(&t, "INT", 130);
    signal_restores_the_terminal(&t, "QUIT", 131);
}

/// The reader's process id, a child of the pane's shell.
fn reader_pid(t: &Tmux) -> String {
    let pid = t.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
    let out = Command::new("pgrep")
        .args(["-P", pid.trim(), "-f", "verso"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let Some(t) = Tmux::start("hangup", 100, 30) else {
        return;
    };
    t.line(&verso_cmd(&t));
    t.wait_for("the reader", |s| s.contains("Former Labour MP"));
    let pid = reader_pid(&t);
    assert!(!pid.is_empty());
    drop(t); // kills the tmux server: the terminal is gone, SIGHUP
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            Instant::now() < deadline,
            "the reader {pid} outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn reopening_a_story_returns_to_where_the_reader_left_it() {
    let Some(t) = Tmux::start("place", 120, 40) else {
        return;
    };
    t.line(&verso_cmd(&t));
    t.wait_for("the reader", |s| s.contains("Former Labour MP"));
    // Scroll the left article to its end, toggle Chris Carter off, quit.
    t.keys(&["G", "1"]);
    let left = t.wait_for("the bottom", |s| {
        s.contains("highlight off") && s.contains(" end ┐")
    });
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    t.line(&verso_cmd(&t));
    let back = t.wait_for("the reader again", |s| {
        s.contains("Speakers") && s.contains("back where you left off")
    });
    assert!(
        back.lines()
            .last()
            .unwrap()
            .contains("back where you left off; --fresh starts at the top"),
        "{back}"
    );
    let body = |s: &str| s.lines().take(39).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        body(&back),
        body(&left),
        "the same screen, but for the status line"
    );
    assert!(back.contains("[ ] Chris Carter"), "{back}");
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    // --fresh starts at the top, with every highlight on.
    t.line(&format!("{} --fresh", env!("CARGO_BIN_EXE_verso")));
    let fresh = t.wait_for("a fresh start", |s| s.contains("Former Labour MP"));
    assert!(fresh.contains("[x] Chris Carter"), "{fresh}");
    assert!(!fresh.contains("back where you left off"), "{fresh}");
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    // A damaged place: a warning, and a fresh start.
    let places = t.home.join(".local/state/verso/places");
    let file = std::fs::read_dir(&places)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&file, "not json").unwrap();
    t.line(&verso_cmd(&t));
    let s = t.wait_for("the warning", |s| s.contains("remembered place is damaged"));
    assert!(s.contains("Former Labour MP"), "{s}");
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let Some(t) = Tmux::start("suspend", 100, 30) else {
        return;
    };
    t.line(&verso_cmd(&t));
    t.wait_for("the reader", |s| s.contains("Former Labour MP"));
    t.keys(&["C-z"]);
    t.wait_for("the shell", |s| s.contains("Stopped"));
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("mouse_any_flag"), "0");
    t.line("echo ok-$((40+2))");
    t.wait_for("a usable shell", |s| s.contains("ok-42"));
    t.line("fg");
    t.wait_for("the reader again", |s| s.contains("Former Labour MP"));
    assert_eq!(t.flag("alternate_on"), "1");
    assert_eq!(t.flag("mouse_any_flag"), "1");
    t.keys(&["]"]);
    t.wait_for("keys work", |s| {
        s.contains("seven-hour") && s.contains("conflict")
    });
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Former Labour MP"));
    assert_eq!(t.flag("alternate_on"), "0");
}

#[test]
fn resize_storms_odd_sizes_and_no_colour() {
    let Some(t) = Tmux::start("storm", 120, 40) else {
        return;
    };
    t.line(&format!("NO_COLOR=1 {}", verso_cmd(&t)));
    t.wait_for("the reader", |s| s.contains("Former Labour MP"));
    // Keys while the window changes size under them.
    let sizes = [
        (80, 24),
        (1, 1),
        (500, 200),
        (33, 7),
        (121, 41),
        (60, 20),
        (200, 60),
    ];
    for (i, (w, h)) in sizes.iter().cycle().take(40).enumerate() {
        t.tmux(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
        t.keys(&[["]", "j", "}", "<", "G", "g"][i % 6]]);
    }
    t.tmux(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    let s = t.wait_for("a redraw at 120x40", |s| {
        s.lines().count() >= 40 && s.contains("Speakers") && s.contains("Quotes")
    });
    assert!(
        s.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 120),
        "{s}"
    );
    // No colour under NO_COLOR: no foreground colour codes at all.
    let ansi = t.screen_ansi();
    assert!(!ansi.contains("38;5;") && !ansi.contains("[33m"), "{ansi}");
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| s.contains('$') && !s.contains("Speakers"));
    let err = std::fs::read_to_string(t.home.join("stderr.txt")).unwrap_or_default();
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_dumb_terminal_gets_a_message() {
    let Some(t) = Tmux::start("dumb", 100, 30) else {
        return;
    };
    t.line(&format!(
        "TERM=dumb {}; echo exit=$?",
        env!("CARGO_BIN_EXE_verso")
    ));
    let s = t.wait_for("the exit code", |s| {
        s.lines().any(|l| l.starts_with("exit="))
    });
    assert!(
        s.contains("verso: TERM=dumb") && s.contains("\nexit=2"),
        "{s}"
    );
    // render and check need no terminal at all.
    t.line(&format!(
        "TERM=dumb {} check; echo exit=$?",
        env!("CARGO_BIN_EXE_verso")
    ));
    t.wait_for("check", |s| {
        s.contains("ok: 2 articles") && s.contains("\nexit=0")
    });
}

/// The link a status line names: the `N` of `N/TOTAL`, if any.
fn link_number(status: &str) -> Option<usize> {
    status.split_whitespace().find_map(|w| {
        let (n, total) = w.split_once('/')?;
        total.parse::<usize>().ok()?;
        n.parse().ok()
    })
}

/// Presses `key` `n` times in the reader, each time waiting for the status line
/// to name another link; returns each status line.
fn press_through_links(t: &Tmux, key: &str, n: usize) -> Vec<String> {
    let status = |s: &str| s.lines().last().unwrap_or_default().trim().to_string();
    let mut before = status(&t.screen());
    let mut seen = Vec::new();
    for i in 0..n {
        t.keys(&[key]);
        let s = t.wait_for(&format!("press {} of {key}", i + 1), |s| {
            let now = status(s);
            now != before && link_number(&now).is_some()
        });
        before = status(&s);
        seen.push(before.clone());
    }
    seen
}

#[test]
fn next_link_wraps_onto_the_first_link_and_visits_each_passage_once_a_round() {
    let story = verso::story::bundled::load().unwrap();
    // The left article's link passages in reading order, by link number.
    let mut passages: Vec<(usize, usize)> = story
        .links
        .iter()
        .enumerate()
        .flat_map(|(l, link)| {
            link.passages
                .iter()
                .filter(|p| p.article == 0)
                .map(move |p| (p.range.start, l + 1))
        })
        .collect();
    passages.sort();
    let order: Vec<usize> = passages.iter().map(|&(_, l)| l).collect();
    let every: std::collections::BTreeSet<usize> = (1..=story.links.len()).collect();
    for (w, h) in [(80, 24), (120, 40)] {
        let Some(t) = Tmux::start(&format!("wrap{w}"), w, h) else {
            return;
        };
        t.line(&verso_cmd(&t));
        t.wait_for("the reader", |s| s.contains("Former Labour MP"));
        let n = order.len();
        // Two rounds, and the first link once more.
        let seen = press_through_links(&t, "]", 2 * n + 1);
        let numbers: Vec<usize> = seen.iter().map(|s| link_number(s).unwrap()).collect();
        for round in numbers[..2 * n].chunks(n) {
            assert_eq!(round, order, "at {w}x{h}, `]` in reading order: {seen:#?}");
            let reached: std::collections::BTreeSet<usize> = round.iter().copied().collect();
            assert_eq!(reached, every, "at {w}x{h}, every link in a round");
        }
        assert!(
            seen[n].starts_with("from the top · conflict 1/"),
            "the press that wraps lands on the first link and says so: {}",
            seen[n]
        );
        assert!(seen[2 * n].starts_with("from the top · conflict 1/"));
        let wraps = seen.iter().filter(|s| s.starts_with("from the")).count();
        assert_eq!(wraps, 2, "only the presses that wrap say so: {seen:#?}");
        // `[` from the first link is the exact reverse, wrapping onto the last.
        let back = press_through_links(&t, "[", n);
        let numbers: Vec<usize> = back.iter().map(|s| link_number(s).unwrap()).collect();
        let mut reverse = order.clone();
        reverse.reverse();
        assert_eq!(numbers, reverse, "at {w}x{h}, `[` in reverse: {back:#?}");
        assert!(
            back[0].starts_with("from the bottom · "),
            "wrapping backwards says so: {}",
            back[0]
        );
        t.keys(&["q"]);
        t.wait_for("the prompt", |s| !s.contains("Former Labour MP"));
    }
}

#[test]
fn two_web_addresses_open_in_the_reader() {
    let Some(t) = Tmux::start("web", 120, 40) else {
        return;
    };
    let srv = common::server::Server::start();
    t.line(&format!(
        "{} {} {}",
        verso_cmd(&t),
        srv.url("/news.html"),
        srv.url("/second.html")
    ));
    let s = t.wait_for("both pages", |s| {
        s.contains("Ministers have been accused") && s.contains("Hundreds of people have")
    });
    // The pages' titles head the panes; no menus, share bars or comments.
    assert!(s.contains("Ministers accused of delaying"), "{s}");
    assert!(s.contains("Flooding forces hundreds"), "{s}");
    for junk in ["Skip to", "Share on", "Comments (", "Support the"] {
        assert!(!s.contains(junk), "{junk:?} on screen:\n{s}");
    }
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    let stderr = std::fs::read_to_string(t.home.join("stderr.txt")).unwrap();
    assert_eq!(stderr, "", "no progress line into a file");
}

#[test]
fn a_fetch_shows_a_progress_line_then_clears_it() {
    let Some(t) = Tmux::start("fetching", 120, 30) else {
        return;
    };
    let srv = common::server::Server::start();
    let slow = srv.url("/slow.html");
    t.line(&format!(
        "VERSO_FETCH_TIMEOUT_MS=2000 {} {slow}",
        env!("CARGO_BIN_EXE_verso")
    ));
    t.wait_for("the progress line", |s| {
        s.contains(&format!("verso: fetching {slow}: connecting"))
    });
    let s = t.wait_for("the error", |s| s.contains("timed out"));
    assert!(
        s.contains(&format!(
            "verso: {slow}: timed out: no complete answer within 2 s"
        )),
        "{s}"
    );
    assert!(!s.contains("fetching"), "the line is cleared: {s}");
}

#[test]
fn on_a_revision_only_here_and_conflicts_are_visited() {
    let Some(t) = Tmux::start("revision", 120, 40) else {
        return;
    };
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/revisions/harbour"
    );
    t.line(&format!(
        "{} {dir}/before.txt {dir}/after.txt 2>{}/stderr.txt",
        env!("CARGO_BIN_EXE_verso"),
        t.home.display()
    ));
    t.wait_for("both versions", |s| {
        s.matches("Port Otago harbour").count() == 2
    });

    // The only-here key in the revision visits the sentence it added.
    t.keys(&["l", "o"]);
    let s = t.wait_for("the added sentence", |s| s.contains("only here: 1 of 1"));
    let line = s
        .lines()
        .find(|l| l.contains("Environment Minister"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(line.contains('┆'), "{line}");

    // `]` from the top of the first version stops on each changed number as a
    // conflict, with what differs in the status line.
    t.keys(&["h", "g"]);
    let mut notes = Vec::new();
    for k in 1..=11 {
        t.keys(&["]"]);
        let s = t.wait_for("a focused link", |s| s.contains(&format!(" {k}/11")));
        let status = s.lines().last().unwrap_or("").to_string();
        if let Some(n) = status.split("conflict ").nth(1) {
            notes.push(n.split("DRAFT").next().unwrap_or("").trim().to_string());
        }
    }
    for want in [
        "27 hours vs 37 hours",
        "two decades vs seven decades",
        "300 million dollars vs more than 500 million",
        "every month vs every week",
    ] {
        assert!(notes.iter().any(|n| n.contains(want)), "{want}: {notes:?}");
    }
    assert_eq!(notes.len(), 4, "{notes:?}");
    t.keys(&["q"]);
}

/// Puts the seed articles in the shell's HOME as two bare articles.
fn bare_articles(t: &Tmux) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("articles/carter-threat.txt", "a.txt"),
        ("articles/goff-rejects-carter.txt", "b.txt"),
    ] {
        std::fs::copy(root.join(from), t.home.join(to)).unwrap();
    }
}

/// The status line (the last row).
fn status_of(s: &str) -> String {
    s.lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_draft_corrected_saved_and_reopened() {
    let Some(t) = Tmux::start("correct", 120, 40) else {
        return;
    };
    bare_articles(&t);
    let bin = env!("CARGO_BIN_EXE_verso");
    t.line(&format!(
        "cd {} && {bin} a.txt b.txt 2>stderr.txt",
        t.home.display()
    ));
    t.wait_for("the draft", |s| {
        s.contains("DRAFT") && s.contains("Former Labour MP")
    });
    let draft = verso::story::from_json(
        "draft",
        &String::from_utf8_lossy(
            &Command::new(bin)
                .args(["annotate", "a.txt", "b.txt"])
                .current_dir(&t.home)
                .output()
                .unwrap()
                .stdout,
        ),
        |f| std::fs::read_to_string(t.home.join(f)).map_err(|e| e.to_string()),
    )
    .unwrap();
    // Fix a speaker: the first quote to a new speaker, typed.
    t.keys(&["}", "S"]);
    t.wait_for("the picker", |s| s.contains("who said quote"));
    t.tmux(&["send-keys", "-t", "t", "-l", "Jane Doe"]);
    t.wait_for("the new-speaker row", |s| {
        s.contains("+ new speaker \"Jane Doe\"")
    });
    t.keys(&["Enter"]);
    let s = t.wait_for("the re-attribution", |s| {
        status_of(s).contains("re-attributed to Jane Doe")
    });
    assert!(status_of(&s).contains("unsaved"), "{s}");
    // Delete a wrong quote: the next one.
    t.keys(&["}", "x"]);
    t.wait_for("the deletion", |s| status_of(s).contains("deleted quote"));
    // Add a missed quote: the first sentence on screen, picked for Phil Goff.
    t.keys(&["Escape", "v"]);
    t.wait_for("a selection", |s| status_of(s).contains("selected"));
    t.keys(&["Enter"]);
    t.wait_for("the picker", |s| s.contains("who said it?"));
    t.tmux(&["send-keys", "-t", "t", "-l", "goff"]);
    t.keys(&["Enter"]);
    t.wait_for("the new quote", |s| {
        status_of(s).contains("new quote") && status_of(s).contains("Phil Goff")
    });
    // Add a link: a selection in each article, then retype it.
    t.keys(&["v", "l", "v"]);
    t.wait_for("two selections", |s| {
        status_of(s).contains("L link the two")
    });
    t.keys(&["L"]);
    t.wait_for("the new link", |s| status_of(s).contains("new link"));
    t.keys(&["K"]);
    t.wait_for("the retyped link", |s| status_of(s).contains("→ conflict"));
    // Save: the path offered is beside the first article.
    t.keys(&["C-s"]);
    t.wait_for("the save prompt", |s| {
        status_of(s).contains("save the story to: a.json")
    });
    t.keys(&["Enter"]);
    let s = t.wait_for("the save", |s| status_of(s).contains("saved"));
    assert!(!s.contains("DRAFT") && !s.contains("unsaved"), "{s}");
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    // The file holds the corrections and passes check.
    let saved = verso::story::load(&t.home.join("a.json")).unwrap();
    assert!(saved.problems.is_empty(), "{:?}", saved.problems);
    assert_eq!(saved.quotes.len(), draft.quotes.len());
    assert_eq!(saved.links.len(), draft.links.len() + 1);
    assert!(saved.speakers.iter().any(|s| s.name == "Jane Doe"));
    assert!(saved.links.iter().any(|l| l.kind.as_str() == "conflict"));
    let check = Command::new(bin)
        .args(["check", "a.json"])
        .current_dir(&t.home)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // Reopened, the reader shows them: no DRAFT, Jane Doe among the speakers.
    t.line(&format!("{bin} a.json"));
    let s = t.wait_for("the saved story", |s| {
        s.contains("Jane Doe") && s.contains("Former Labour MP")
    });
    assert!(!s.contains("DRAFT"), "{s}");
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
}

#[test]
fn a_kill_while_editing_leaves_the_file_and_the_next_start_offers_a_restore() {
    let Some(t) = Tmux::start("journal", 120, 40) else {
        return;
    };
    bare_articles(&t);
    let bin = env!("CARGO_BIN_EXE_verso");
    let out = Command::new(bin)
        .args(["annotate", "a.txt", "b.txt", "-o", "story.json"])
        .current_dir(&t.home)
        .output()
        .unwrap();
    assert!(out.status.success());
    let file = t.home.join("story.json");
    let before = std::fs::read(&file).unwrap();
    t.line(&format!(
        "cd {} && {bin} story.json 2>stderr.txt",
        t.home.display()
    ));
    t.wait_for("the story", |s| s.contains("Former Labour MP"));
    t.keys(&["}", "x", "]", "K"]);
    t.wait_for("two edits", |s| status_of(s).contains("→"));
    // q asks before losing them; Esc stays.
    t.keys(&["q"]);
    t.wait_for("the question", |s| {
        status_of(s).contains("Unsaved changes. s save and quit")
    });
    t.keys(&["Escape"]);
    t.wait_for("the reader again", |s| {
        !status_of(s).contains("Unsaved changes.")
    });
    let pid = reader_pid(&t);
    assert!(!pid.is_empty());
    Command::new("kill").args(["-KILL", &pid]).status().unwrap();
    // The shell is back, on a terminal the reader could not restore.
    t.line("printf '\\033[?1049l\\033[?1000l\\033[?1002l\\033[?1006l'; stty sane; clear");
    t.wait_for("the shell", |s| !s.contains("Speakers"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the story file is untouched"
    );
    t.line(&format!("{bin} story.json 2>stderr.txt"));
    let s = t.wait_for("the offer", |s| {
        status_of(s).contains("2 unsaved edits of this story")
    });
    assert!(status_of(&s).contains("r restore · d discard"), "{s}");
    t.keys(&["r"]);
    let s = t.wait_for("the restore", |s| {
        status_of(s).contains("restored 2 unsaved steps")
    });
    assert!(s.contains("unsaved"), "{s}");
    // Undo goes on where it was: the link's kind back.
    t.keys(&["u"]);
    t.wait_for("the undo", |s| status_of(s).contains("undid"));
    // Quit without saving: the file as it was, the journal gone.
    t.keys(&["q"]);
    t.wait_for("the question", |s| {
        status_of(s).contains("Unsaved changes.")
    });
    t.keys(&["d"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    t.line(&format!("{bin} story.json 2>stderr.txt"));
    let s = t.wait_for("the story", |s| s.contains("Former Labour MP"));
    assert!(!status_of(&s).contains("unsaved edit"), "{s}");
    t.keys(&["q"]);
    t.wait_for("the prompt", |s| !s.contains("Speakers"));
}
