//! Backup at `/backup`: export (JSON, CSV), import with a preview, and the
//! stored data that could not be read; plus how much of the browser's
//! storage the diary uses.
//!
//! Every rule (the backup format, the merge, what may be overwritten) is the
//! domain's (`domain::diary::backup` and `domain::diary::storage`); this page
//! reads files, shows what the domain says and saves through it. Text from a
//! file or from storage is only ever rendered as text.
//!
//! One module per section: `export`, `import` (with `apply`, which saves an
//! import), `unreadable` and `storage_use`.

mod apply;
mod export;
mod import;
mod storage_use;
mod unreadable;

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::domain::units::format::count;
use export::Export;
use import::Import;
use storage_use::StorageUse;
use unreadable::Unreadable;

/// Export, import, unreadable data and storage use.
#[component]
pub fn BackupPage() -> impl IntoView {
    super::set_title("Backup");
    // Export and import work on every day: finish reading them now.
    Planner::expect().read_whole_diary();
    // Bumped whenever this page writes to storage, so the lists and the
    // storage use read it again.
    let stored = RwSignal::new(0_u32);
    view! {
        <section class="backup-page">
            <h1>"Backup"</h1>
            <p class="lede">
                "Your diary lives only in this browser. Download a backup now and then, and keep it somewhere safe."
            </p>
            <Export/>
            <Import stored=stored/>
            <Unreadable stored=stored/>
            <StorageUse stored=stored/>
        </section>
    }
}

/// "1 day", "3 days".
pub(super) fn days_text(n: usize) -> String {
    count(n, "day", "days")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_well() {
        assert_eq!(days_text(1), "1 day");
        assert_eq!(days_text(3), "3 days");
    }
}
