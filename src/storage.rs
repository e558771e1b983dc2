//! The browser side of the diary's storage: `localStorage` as the domain's
//! [`KeyValueStore`], today's local date, and files in and out (download,
//! upload). The rules (schema, quarantine, two tabs) live in
//! `domain::diary::storage`; this module only talks to the browser.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

use crate::domain::diary::date::{Date, MAX_YEAR, MIN_YEAR};
use crate::domain::diary::storage::{KeyValueStore, StoreError};

/// The browser's `localStorage`. Without one (storage turned off or site
/// data blocked), reads find nothing and writes fail with
/// [`StoreError::Unavailable`].
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserStore;

/// `localStorage`, or `None` where the browser refuses it. Asked first
/// because gloo's `LocalStorage::raw()` panics there.
fn local_storage() -> Option<web_sys::Storage> {
    thread_local! {
        static AVAILABLE: bool = web_sys::window()
            .is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))));
    }
    AVAILABLE
        .with(|available| *available)
        .then(LocalStorage::raw)
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let storage = local_storage().ok_or(StoreError::Unavailable)?;
        storage.set_item(key, value).map_err(|e| {
            match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
                Some(name) if name == "QuotaExceededError" => StoreError::QuotaExceeded,
                Some(name) => StoreError::Other(name),
                None => StoreError::Other("unknown error".to_owned()),
            }
        })
    }

    fn remove(&mut self, key: &str) {
        // A failed removal leaves the value, which is the safe side.
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = local_storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}

/// The name of the Web Lock every read-modify-write of the diary holds, so
/// that two tabs writing at once take turns.
const WRITE_LOCK: &str = "ep.write";

/// How long the write lock is held after a write (ms), for the other tabs'
/// copies of `localStorage` to take it in.
const LOCK_HOLD_MS: i32 = 50;

/// This tab's hold of the write lock after a write: the lock's promise
/// resolves (releasing it) when `timer` fires.
struct Hold {
    release: js_sys::Function,
    timer: i32,
}

/// This tab's side of the write lock: the changes waiting for it, in the
/// order they were made, and whether the lock is asked for or held.
#[derive(Default)]
struct WriteQueue {
    waiting: std::collections::VecDeque<Box<dyn FnOnce()>>,
    asked: bool,
    held: Option<Hold>,
}

thread_local! {
    static QUEUE: std::cell::RefCell<WriteQueue> = std::cell::RefCell::new(WriteQueue::default());
}

/// Runs every waiting change in order (a change may add more).
fn run_waiting() {
    while let Some(f) = QUEUE.with(|q| q.borrow_mut().waiting.pop_front()) {
        f();
    }
}

/// (Re)starts the hold: the lock is released [`LOCK_HOLD_MS`] after the
/// last write made holding it.
fn hold_for_a_moment(release: js_sys::Function) {
    use wasm_bindgen::prelude::Closure;
    let window = web_sys::window();
    if let (Some(old), Some(w)) = (QUEUE.with(|q| q.borrow_mut().held.take()), &window) {
        w.clear_timeout_with_handle(old.timer);
    }
    let fire = Closure::once_into_js(move || {
        let hold = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            q.asked = false;
            q.held.take()
        });
        if let Some(hold) = hold {
            let _ = hold.release.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let timer = window.and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), LOCK_HOLD_MS)
            .ok()
    });
    match timer {
        Some(timer) => QUEUE.with(|q| q.borrow_mut().held = Some(Hold { release, timer })),
        None => {
            QUEUE.with(|q| q.borrow_mut().asked = false);
            let _ = release.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}

/// Runs `f` holding the diary's write lock across this browser's tabs (the
/// Web Locks API), after every change this tab made before it; at once
/// where the browser has no `navigator.locks` (or refuses the request).
/// The lock is held a moment after each write ([`LOCK_HOLD_MS`]), for the
/// other tabs' copies of `localStorage` to take the write in before one of
/// them writes; this tab's own next edits in that moment run at once,
/// holding it longer.
pub fn with_write_lock(f: impl FnOnce() + 'static) {
    use wasm_bindgen::prelude::Closure;

    let (holding, asked) = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.waiting.push_back(Box::new(f));
        (q.held.is_some(), q.asked)
    });
    if holding {
        run_waiting();
        if let Some(hold) = QUEUE.with(|q| q.borrow_mut().held.take()) {
            if let Some(window) = web_sys::window() {
                window.clear_timeout_with_handle(hold.timer);
            }
            hold_for_a_moment(hold.release);
        }
        return;
    }
    if asked {
        // Runs when the lock asked for is granted.
        return;
    }
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let request = web_sys::window()
        .and_then(|w| get(&w, "navigator"))
        .and_then(|n| get(&n, "locks"))
        .and_then(|locks| {
            let request = get(&locks, "request")?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            Some((locks, request))
        });
    let Some((locks, request)) = request else {
        run_waiting();
        return;
    };
    QUEUE.with(|q| q.borrow_mut().asked = true);
    let granted = Closure::once_into_js(
        move |_lock: wasm_bindgen::JsValue| -> wasm_bindgen::JsValue {
            run_waiting();
            // Held a moment longer: each tab reads `localStorage` from its own
            // copy, which learns of this write shortly after it; the next tab
            // to take the lock then reads it.
            js_sys::Promise::new(&mut |resolve, _| hold_for_a_moment(resolve)).into()
        },
    );
    if request.call2(&locks, &WRITE_LOCK.into(), &granted).is_err() {
        QUEUE.with(|q| q.borrow_mut().asked = false);
        run_waiting();
    }
}

/// The `sessionStorage` key naming what this tab shows and has not stored:
/// it outlives a reload, so the next load can say what was lost.
const UNSAVED_MARKER_KEY: &str = "ep.unsaved";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keeps `unsaved` (what is on screen and not stored, for people) for the
/// next load of this tab, or forgets it with `None`. Best effort: where
/// `sessionStorage` is refused too, nothing can be said after a reload.
pub fn set_unsaved_marker(unsaved: Option<&str>) {
    let Some(storage) = session_storage() else {
        return;
    };
    let _ = match unsaved {
        Some(text) => storage.set_item(UNSAVED_MARKER_KEY, text),
        None => storage.remove_item(UNSAVED_MARKER_KEY),
    };
}

/// What the last page of this tab left unsaved, read once.
pub fn take_unsaved_marker() -> Option<String> {
    let storage = session_storage()?;
    let text = storage.get_item(UNSAVED_MARKER_KEY).ok().flatten()?;
    let _ = storage.remove_item(UNSAVED_MARKER_KEY);
    Some(text)
}

/// The year of the device's clock when it is outside the years the diary
/// keeps: then [`today`] is a stand-in and nothing is saved under it.
pub fn clock_out_of_range() -> Option<i32> {
    let year = js_sys::Date::new_0().get_full_year() as i32;
    (!(MIN_YEAR..=MAX_YEAR).contains(&year)).then_some(year)
}

/// Today in the browser's time zone; with the clock outside the years the
/// diary keeps ([`clock_out_of_range`]), the first day kept, as a stand-in.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|_| Date::first())
}

/// The hour of the day on the device's clock (0–23), for the meal a food
/// or a glass of water most likely belongs to.
pub fn local_hour() -> u32 {
    js_sys::Date::new_0().get_hours()
}

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not prepare the download ({what}).");
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("address"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("page"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The click has started the download; the address is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of a file the user picked.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "The file could not be read as text.".to_owned())
}
