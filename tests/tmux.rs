//! End to end in a real terminal: the verso binary in tmux, driven with
//! send-keys and read with capture-pane. Needs tmux (`.ci/run` installs it);
//! without it these tests fail under CI and are skipped elsewhere.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
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
        let t = Tmux {
            socket: format!("verso-test-{}-{name}", std::process::id()),
        };
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
                "HOME=/tmp",
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
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
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

fn verso_cmd() -> String {
    format!(
        "{} 2>/tmp/verso-tmux-stderr.txt",
        env!("CARGO_BIN_EXE_verso")
    )
}

#[test]
fn the_reader_at_120x40() {
    let Some(t) = Tmux::start("wide", 120, 40) else {
        return;
    };
    t.line(&verso_cmd());
    let s = t.wait_for("both articles", |s| {
        s.contains("Former Labour MP") && s.contains("Labour leader Phil Goff")
    });
    assert!(s.contains("Speakers") && s.contains("Quotes: all"), "{s}");
    assert_eq!(t.flag("alternate_on"), "1");

    // `]` until the conflict link is focused: both versions on screen together.
    let mut found = false;
    for _ in 0..20 {
        t.keys(&["]"]);
        let s = t.wait_for("a focused link", |s| {
            s.lines().last().is_some_and(|l| l.contains('/'))
        });
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
    t.line(&verso_cmd());
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
        verso_cmd()
    ));
    t.wait_for("the exit code", |s| s.contains("exit=101"));
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("mouse_any_flag"), "0");
    let err = std::fs::read_to_string("/tmp/verso-tmux-stderr.txt").unwrap_or_default();
    assert!(err.contains("panicking on purpose"), "{err}");

    t.line(&verso_cmd());

    t.wait_for("the reader", |s| s.contains("Former Labour MP"));
    let child = reader_pid(&t);
    assert!(!child.is_empty(), "the reader runs under the shell");
    Command::new("kill")
        .args(["-TERM", &child])
        .status()
        .unwrap();
    t.wait_for("the prompt", |s| !s.contains("Former Labour MP"));
    t.line("echo ok-$((40+2))");
    t.wait_for("the shell", |s| s.contains("ok-42"));
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("mouse_any_flag"), "0");
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
    t.line(&verso_cmd());
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
