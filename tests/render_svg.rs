//! `verso render --format svg`: the picture the README opens with is what
//! `render` draws today, and the SVG encoder keeps colours, attributes and
//! wide characters, and escapes all text.

mod common;

use common::{root, stderr, stdout, verso};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

/// The README's picture, and the arguments that draw it.
const PICTURE: &str = "docs/screen.svg";
const ARGS: &[&str] = &[
    "render", "--size", "120x40", "--keys", "]", "--format", "svg",
];

#[test]
fn the_readme_picture_is_what_render_draws() {
    let o = verso(&root(), ARGS, None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let drawn = stdout(&o);
    let kept = std::fs::read_to_string(root().join(PICTURE)).unwrap_or_default();
    assert!(
        kept == drawn,
        "{PICTURE} no longer matches what `verso render` draws; regenerate it with\n  \
         cargo run --release -- {} > {PICTURE}\n(from the repository root, without NO_COLOR \
         or a config file), look at it, and commit it",
        ARGS.iter()
            .map(|a| if *a == "]" { "']'" } else { a })
            .collect::<Vec<_>>()
            .join(" ")
    );
    // The README opens with it.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let opening: String = readme.lines().take(5).collect::<Vec<_>>().join("\n");
    assert!(opening.contains(&format!("]({PICTURE})")), "{opening}");
}

/// A one-row buffer: `text` in `style` from column 0.
fn row(width: u16, parts: &[(&str, Style)]) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
    let mut x = 0;
    for (text, style) in parts {
        let (nx, _) = buf.set_stringn(x, 0, text, usize::from(width - x), *style);
        x = nx;
    }
    buf
}

/// The `<text>` elements of an SVG document, whole.
fn texts(svg: &str) -> Vec<&str> {
    svg.match_indices("<text ")
        .map(|(i, _)| &svg[i..i + svg[i..].find("</text>").unwrap() + 7])
        .collect()
}

#[test]
fn runs_keep_their_colours_and_attributes() {
    let buf = row(
        40,
        &[
            (
                "bold red",
                Style::new()
                    .fg(Color::Red)
                    .bg(Color::Blue)
                    .add_modifier(Modifier::BOLD),
            ),
            (
                "under",
                Style::new()
                    .fg(Color::Rgb(0x12, 0x34, 0x56))
                    .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            ),
            ("rev", Style::new().add_modifier(Modifier::REVERSED)),
            ("x", Style::new().fg(Color::Indexed(196))),
        ],
    );
    let svg = verso::render::to_svg(&buf, false);
    let t = texts(&svg);
    assert_eq!(t.len(), 4, "{svg}");
    assert!(t[0].contains(r##"fill="#cd0000""##) && t[0].contains(r#"font-weight="bold""#));
    assert!(t[0].contains(">bold red</text>") && t[0].contains(r#"x="0.0""#));
    assert!(svg.contains(r##"<rect x="0.0" y="0.0" width="67.2" height="17.0" fill="#0000ee"/>"##));
    assert!(t[1].contains(r##"fill="#123456""##));
    assert!(t[1].contains(r#"text-decoration="underline""#));
    assert!(t[1].contains(r#"font-style="italic""#));
    assert!(!t[1].contains("bold"));
    // Reversed: the default colours swapped, the text dark on a light cell.
    assert!(t[2].contains(r##"fill="#1c1c1c""##), "{}", t[2]);
    assert!(svg.contains(r##"width="25.2" height="17.0" fill="#d0d0d0"/>"##));
    assert!(
        t[3].contains(r##"fill="#ff0000""##),
        "index 196 is xterm's red"
    );
    // Blank cells in the default look draw nothing.
    assert_eq!(svg.matches("<rect").count(), 3, "{svg}");
    // On a light terminal the ground is light.
    let light = verso::render::to_svg(&buf, true);
    assert!(light.contains(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##));
}

#[test]
fn all_text_is_escaped_and_wide_characters_take_two_cells() {
    let buf = row(
        20,
        &[
            ("<a href=\"x\">&'", Style::new().fg(Color::Green)),
            ("中文", Style::new().fg(Color::Yellow)),
            ("\u{1}", Style::new().fg(Color::Cyan)),
        ],
    );
    let svg = verso::render::to_svg(&buf, false);
    let t = texts(&svg);
    assert!(
        t[0].contains(">&lt;a href=&quot;x&quot;&gt;&amp;&apos;</text>"),
        "{}",
        t[0]
    );
    assert!(t[1].contains(r#"textLength="33.6""#) && t[1].contains(">中文</text>"));
    assert!(t[1].contains(r#"x="117.6""#), "after 14 cells: {}", t[1]);
    // No raw markup, ampersand or control character leaks from the text.
    for el in &t {
        let inner = &el[el.find('>').unwrap() + 1..el.len() - 7];
        assert!(!inner.contains('<') && !inner.contains('>'), "{inner}");
        for (i, _) in inner.match_indices('&') {
            let entity = &inner[i..inner[i..].find(';').map_or(inner.len(), |e| i + e + 1)];
            assert!(
                ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"].contains(&entity),
                "{inner}"
            );
        }
        assert!(!inner.chars().any(|c| c.is_control()), "{inner:?}");
    }
    assert_eq!(
        verso::render::xml_escape("a\u{1}b\u{ffff}"),
        "a\u{fffd}b\u{fffd}"
    );
}

#[test]
fn render_formats_text_ansi_and_svg() {
    let svg = stdout(&verso(
        &root(),
        &["render", "--size", "80x24", "--format", "svg"],
        None,
    ));
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("Former Labour MP") && svg.ends_with("</svg>\n"));
    assert!(
        svg.contains(r#"width="672.0" height="408.0""#),
        "80x24 cells"
    );
    // --color is --format ansi, as before.
    let color = stdout(&verso(
        &root(),
        &["render", "--size", "80x24", "--color"],
        None,
    ));
    let ansi = stdout(&verso(
        &root(),
        &["render", "--size", "80x24", "--format", "ansi"],
        None,
    ));
    assert!(color.contains("\x1b[") && color == ansi);
    // Colours and attributes as a terminal reads them: Carter's yellow, bold
    // names, italic indirect quotes, underlined direct ones.
    for sgr in ["\x1b[38;5;3m", "\x1b[1m", "\x1b[3m", "\x1b[4m"] {
        assert!(ansi.contains(sgr), "{sgr:?} in the ANSI screen");
    }
    let text = stdout(&verso(&root(), &["render", "--size", "80x24"], None));
    assert!(!text.contains("\x1b[") && text.contains("Former Labour MP"));
    let both = verso(&root(), &["render", "--color", "--format", "svg"], None);
    assert_eq!(both.status.code(), Some(2), "{}", stderr(&both));
}
