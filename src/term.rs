//! The live reader: sets the terminal up (raw mode, alternate screen, mouse),
//! runs the event loop, and restores the terminal on quit, on a panic, and on
//! SIGTERM, SIGHUP, SIGINT or SIGQUIT.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App};
use crate::keys::{self, Keymap};
use crate::session::Session;
use crate::ui::{self, Theme, View};

/// Why the reader could not start.
#[derive(Debug)]
pub struct NotATerminal(pub String);

/// Refuses to start where a full-screen reader cannot work.
pub fn check_terminal() -> Result<(), NotATerminal> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(NotATerminal(
            "the reader needs a terminal (standard input and output are not one); \
             `verso render` draws a screen as text and `verso check` checks a story without one"
                .into(),
        ));
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(NotATerminal(
            "TERM=dumb: this terminal cannot show the reader; try `verso render` or another terminal".into(),
        ));
    }
    Ok(())
}

/// Undoes everything `run` set up; safe to call more than once.
fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// Runs the reader until `q` or a signal; `session` saves and journals.
pub fn run(app: &mut App, keymap: &Keymap, theme: Theme, session: &mut Session) -> io::Result<()> {
    app.help_rows = ui::help_lines(keymap).len();
    let mut terminal = ratatui::try_init()?;
    // ratatui's hook restores raw mode and the screen; ours also turns the
    // mouse off, before it.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    // SIGTERM, SIGHUP, SIGINT and SIGQUIT (`kill -INT`; in raw mode the keys
    // send no signal): restore and leave from a thread of their own, since the
    // main thread may be blocked reading a terminal that has gone away.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            restore();
            std::process::exit(128 + sig);
        }
    });
    let result = event_loop(&mut terminal, app, keymap, theme, session);

    restore();
    result
}

/// `Ctrl-z`: gives the terminal back, stops until `fg`, then takes it again.
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Running again (SIGCONT): the screen is the shell's; set ours up anew.
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    terminal.clear()
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    keymap: &Keymap,
    theme: Theme,
    session: &mut Session,
) -> io::Result<()> {
    let view = View { theme, keymap };
    let mut mouse = false;
    let panic_on_purpose = std::env::var_os("VERSO_DEBUG_PANIC").is_some();
    loop {
        if app.mouse != mouse {
            mouse = app.mouse;
            if mouse {
                execute!(io::stdout(), EnableMouseCapture)?;
            } else {
                execute!(io::stdout(), DisableMouseCapture)?;
            }
        }
        // Never draw from a stale layout: follow the terminal's size first.
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.update(Action::Resize(size.width, size.height));
        }
        terminal.draw(|f| ui::draw(f, app, &view))?;
        if panic_on_purpose {
            panic!("VERSO_DEBUG_PANIC is set: panicking on purpose to test terminal restoration");
        }
        // Wait for an event, then apply those already pending before the next
        // frame (resize storms, fast keys), a bounded number.
        let mut ev = event::read()?;
        for _ in 0..256 {
            if let Some(a) = keys::map(keymap, &ev, app.context(), app.typing()) {
                app.update(a);
            }
            session.serve(app);
            if app.quit {
                return Ok(());
            }
            if app.suspend {
                app.suspend = false;
                suspend(terminal)?;
                mouse = false; // turned off while away: on again below
                break;
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
            ev = event::read()?;
        }
    }
}
