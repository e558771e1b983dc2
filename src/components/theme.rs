//! The theme switch in the header: System (follow `prefers-color-scheme`), Light or Dark.
//!
//! The choice is kept in `localStorage["ep.theme"]` ("light" / "dark"; no entry = System) and
//! applied as `<html data-theme="light|dark">` (no attribute = System); `style/main.css` reads
//! it. `public/shell.js` applies the saved choice before the first paint, so this component
//! only has to follow changes.

use leptos::prelude::*;

/// Where the choice is remembered.
pub const STORAGE_KEY: &str = "ep.theme";

/// The three choices of the switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value stored and put in `data-theme` ("system" is stored as no entry at all).
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// Anything but "light" or "dark" means System.
    pub fn from_key(key: &str) -> Theme {
        match key {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod storage {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // `catch`: reading `localStorage` throws where storage is blocked.
        #[wasm_bindgen(catch, js_namespace = localStorage, js_name = getItem)]
        fn get_item(key: &str) -> Result<Option<String>, JsValue>;
        #[wasm_bindgen(catch, js_namespace = localStorage, js_name = setItem)]
        fn set_item(key: &str, value: &str) -> Result<(), JsValue>;
        #[wasm_bindgen(catch, js_namespace = localStorage, js_name = removeItem)]
        fn remove_item(key: &str) -> Result<(), JsValue>;
    }

    pub fn get(key: &str) -> Option<String> {
        get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: Option<&str>) {
        // Blocked storage: the choice holds for this visit only.
        let _ = match value {
            Some(v) => set_item(key, v),
            None => remove_item(key),
        };
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod storage {
    pub fn get(_key: &str) -> Option<String> {
        None
    }

    pub fn set(_key: &str, _value: Option<&str>) {}
}

/// The saved choice (System when none).
pub fn saved_theme() -> Theme {
    storage::get(STORAGE_KEY).map_or(Theme::System, |k| Theme::from_key(&k))
}

/// Applies `theme` to `<html>` and remembers it.
fn choose(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.key()),
        };
    }
    storage::set(STORAGE_KEY, (theme != Theme::System).then_some(theme.key()));
}

/// A labelled select: System / Light / Dark.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = RwSignal::new(saved_theme());
    let on_change = move |ev| {
        let chosen = Theme::from_key(&event_target_value(&ev));
        theme.set(chosen);
        choose(chosen);
    };
    view! {
        <div class="theme-switch">
            <label for="theme-select">"Theme"</label>
            <select id="theme-select" data-testid="theme-select" on:change=on_change>
                {Theme::ALL
                    .map(|t| {
                        view! {
                            <option value=t.key() selected=move || theme.get() == t>
                                {t.label()}
                            </option>
                        }
                    })}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_is_system() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_key(t.key()), t);
        }
        assert_eq!(Theme::from_key(""), Theme::System);
        assert_eq!(Theme::from_key("sepia"), Theme::System);
    }
}
