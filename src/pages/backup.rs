//! Backup at `/backup`: export (JSON, CSV), import with a preview, and the
//! stored data that could not be read.

use leptos::prelude::*;

/// Export, import and unreadable data.
#[component]
pub fn BackupPage() -> impl IntoView {
    super::set_title("Backup");
    view! {
        <section class="backup-page">
            <h1>"Backup"</h1>
        </section>
    }
}
