//! An episode in words: its time as the browser's time field shows it,
//! where it was, and the one-line summary and details of the list.

use crate::domain::diary::day::{CrampEpisode, TimeOfDay};
use crate::domain::units::format::format_number;

/// A time as the browser's `<input type="time">` shows it: the locale's
/// 12- or 24-hour clock, two-digit hours ("03:00 AM", "03:00"). HH:MM
/// where the browser has no `Intl`.
pub(crate) fn time_text(time: TimeOfDay) -> String {
    thread_local! {
        static FORMAT: Option<js_sys::Function> = {
            let options = js_sys::Object::new();
            let set = |key: &str| {
                js_sys::Reflect::set(&options, &key.into(), &"2-digit".into()).is_ok()
            };
            (set("hour") && set("minute")).then(|| {
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options).format()
            })
        };
    }
    let date = js_sys::Date::new_with_year_month_day_hr_min(
        2000,
        0,
        1,
        time.hour() as i32,
        time.minute() as i32,
    );
    FORMAT
        .with(|format| {
            format
                .as_ref()?
                .call1(&wasm_bindgen::JsValue::NULL, &date)
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| time.to_string())
}

/// One line about an episode: "06:30 AM · Left calf · severity 7/10 · 3 min"
/// (the time as [`time_text`] shows it).
pub(crate) fn cramp_summary(c: &CrampEpisode) -> String {
    let mut parts = vec![
        time_text(c.time),
        c.where_text(),
        format!("severity {}/10", c.severity),
    ];
    if let Some(m) = c.minutes {
        parts.push(format!("{} min", format_number(m, 1)));
    }
    parts.join(" · ")
}

/// What else was noted about an episode: relief and the warning signs.
pub(crate) fn cramp_details(c: &CrampEpisode) -> Vec<String> {
    let mut details = Vec::new();
    if let Some(helped) = c.helped_text() {
        details.push(format!("Helped: {helped}"));
    }
    if c.swelling_redness_or_lump {
        details.push("Swelling, redness or a lump".to_owned());
    }
    if c.numbness {
        details.push("Numbness".to_owned());
    }
    details
}
