//! Fuzz the story loader: any bytes as a story file over two fixed articles,
//! then drawing the reader on it. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const A: &str = "Ann Example said the bridge fell. Officials counted 12 dead.\r\nZoë said \"no\".";
const B: &str = "The bridge collapsed, Ann Example said.\n\nAt least fifteen dead. 日本語 👩‍👩‍👧";

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let story = verso::story::from_json("fuzz.json", json, |file| match file {
        "a.txt" => Ok(A.to_string()),
        "b.txt" => Ok(B.to_string()),
        other => Err(format!("article file {other}: no such file")),
    });
    if let Ok(story) = story
        && !story.articles.is_empty()
    {
        let mut app = verso::app::App::new(story, false, (100, 30));
        let keymap = verso::keys::Keymap::default();
        let keys = verso::keys::parse_keys("]]}[{/e<Enter>n1a<Tab><Enter>!").unwrap();
        verso::render::feed(&mut app, &keymap, &keys);
        let _ = verso::render::draw(&app, &keymap, verso::ui::Theme::DARK);
    }
});
