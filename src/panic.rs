//! What a panic leaves on screen: a plain message ("Something went wrong.
//! Your diary is safe.") with Reload and "Download everything stored",
//! instead of a page that looks alive but is in an unknown state.
//!
//! The panel is built once, at the panic, with plain DOM calls (no Leptos:
//! its state may be mid-update) and needs no code afterwards: Reload is a
//! link to this page, and the download a link to a file made then (a
//! `blob:` address), so both work even though the wasm has stopped (the
//! release build aborts on a panic). No inline style or script, for the
//! CSP. The rest of the page is made `inert`, so nothing else runs.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

use crate::domain::diary::storage::everything_stored;
use crate::storage::BrowserStore;

/// Whether the panel is up (a second panic adds nothing).
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Logs panics to the console and shows the panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if !SHOWN.swap(true, Ordering::SeqCst) {
            let _ = show(&info.to_string());
        }
    }));
}

/// The name of the download of everything stored.
const FILE_NAME: &str = "electrolyte-everything-stored.json";

fn element(document: &web_sys::Document, tag: &str, text: &str) -> Option<web_sys::Element> {
    let e = document.create_element(tag).ok()?;
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Some(e)
}

/// A new `tag` holding `text`, appended to `parent`.
fn add(
    document: &web_sys::Document,
    parent: &web_sys::Element,
    tag: &str,
    text: &str,
) -> Option<web_sys::Element> {
    let e = element(document, tag, text)?;
    parent.append_child(&e).ok()?;
    Some(e)
}

/// Puts the panel first in the page and makes the rest inert.
pub fn show(detail: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let body = document.body()?;
    let mut child = body.first_element_child();
    while let Some(c) = child {
        let _ = c.set_attribute("inert", "");
        let _ = c.set_attribute("aria-hidden", "true");
        child = c.next_element_sibling();
    }

    let panel = element(&document, "section", "")?;
    panel.set_class_name("crash-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "crash");
    add(
        &document,
        &panel,
        "h1",
        "Something went wrong. Your diary is safe.",
    )?;
    add(&document, &panel, "p", "What was saved is kept in this browser. Reload the page to go on. If this happens again, download everything stored and keep the file.")?;
    let row = element(&document, "p", "")?;
    row.set_class_name("button-row");
    let reload: web_sys::HtmlAnchorElement = element(&document, "a", "Reload")?.unchecked_into();
    let here = window.location().href().unwrap_or_else(|_| "/".to_owned());
    reload.set_href(here.split('#').next().unwrap_or("/"));
    let _ = reload.set_attribute("data-testid", "crash-reload");
    reload.set_class_name("button");
    row.append_child(&reload).ok()?;
    if let Some(link) = download_link(&document) {
        row.append_child(&document.create_text_node(" ")).ok()?;
        row.append_child(&link).ok()?;
    }
    panel.append_child(&row).ok()?;
    let details = element(&document, "details", "")?;
    add(&document, &details, "summary", "Details")?;
    add(&document, &details, "pre", detail)?;
    panel.append_child(&details).ok()?;
    body.insert_before(&panel, body.first_child().as_ref())
        .ok()?;
    window.scroll_to_with_x_and_y(0.0, 0.0);
    Some(())
}

/// A link that downloads every `ep.` value of `localStorage` as JSON.
fn download_link(document: &web_sys::Document) -> Option<web_sys::HtmlAnchorElement> {
    let json = everything_stored(&BrowserStore);
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement =
        element(document, "a", "Download everything stored")?.unchecked_into();
    link.set_href(&url);
    link.set_download(FILE_NAME);
    link.set_class_name("button");
    let _ = link.set_attribute("data-testid", "crash-download");
    Some(link)
}
