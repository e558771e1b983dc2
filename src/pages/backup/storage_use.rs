//! The "Storage in this browser" section: how much of the site's
//! `localStorage` quota the diary and everything else use.

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::domain::diary::storage::KeyValueStore;
use crate::domain::units::format::format_number;
use crate::storage::BrowserStore;

/// What the browser allows one site in `localStorage`, in UTF-16 code
/// units (Chromium and Firefox: about 5 million characters).
const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// How much of `localStorage` is used: (this app's `ep.` keys, every key),
/// in UTF-16 code units of key and value, as browsers count the quota.
fn storage_use(store: &impl KeyValueStore) -> (usize, usize) {
    let mut ours = 0;
    let mut all = 0;
    for key in store.keys() {
        let units = key.encode_utf16().count()
            + store
                .get(&key)
                .map_or(0, |value| value.encode_utf16().count());
        all += units;
        if key.starts_with("ep.") {
            ours += units;
        }
    }
    (ours, all)
}

/// About how much is free in `localStorage` ([`QUOTA_UNITS`] less what
/// every key uses), in UTF-16 code units.
pub(super) fn free_units(store: &impl KeyValueStore) -> usize {
    QUOTA_UNITS.saturating_sub(storage_use(store).1)
}

/// Code units as "12.3 KB" (1 unit counted as 1 byte of the quota).
pub(super) fn size_text(units: usize) -> String {
    if units >= 1024 * 1024 {
        format!("{} MB", format_number(units as f64 / (1024.0 * 1024.0), 2))
    } else {
        format!("{} KB", format_number(units as f64 / 1024.0, 1))
    }
}

/// The share of the storage quota used.
#[component]
pub(super) fn StorageUse(stored: RwSignal<u32>) -> impl IntoView {
    let planner = Planner::expect();
    let used = Memo::new(move |_| {
        stored.track();
        planner.diary.track();
        planner.status.track();
        storage_use(&BrowserStore)
    });
    let percent = move || used.with(|(_, all)| *all as f64 * 100.0 / QUOTA_UNITS as f64);
    view! {
        <section class="backup-section" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage in this browser"</h2>
            <p data-testid="storage-used">
                {move || {
                    let (ours, _) = used.get();
                    format!(
                        "The diary uses {} of the about 5 MB this browser keeps for a site ({} %).",
                        size_text(ours),
                        format_number(ours as f64 * 100.0 / QUOTA_UNITS as f64, 1)
                    )
                }}
            </p>
            {move || {
                let (ours, all) = used.get();
                (all > ours).then(|| view! {
                    <p data-testid="storage-others">
                        {format!("Other data of this site uses {}.", size_text(all - ours))}
                    </p>
                })
            }}
            <meter
                class="storage-meter"
                data-testid="storage-meter"
                aria-label="Storage used"
                min="0"
                max="100"
                low="70"
                high="90"
                optimum="0"
                value=move || format!("{:.1}", percent().min(100.0))
            ></meter>
            {move || (percent() >= 90.0).then(|| view! {
                <p class="warning" role="alert" data-testid="storage-nearly-full">
                    "Storage is nearly full: new entries may not be saved. Download a backup."
                </p>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diary::storage::MemoryStore;

    #[test]
    fn storage_use_counts_utf16_units_of_keys_and_values() {
        let mut store = MemoryStore::new();
        store.set("ep.schema", "1").unwrap();
        store.set("other", "ü😀").unwrap();
        assert_eq!(storage_use(&store), (10, 10 + 5 + 3));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size_text(512), "0.5 KB");
        assert_eq!(size_text(3 * 1024 * 1024), "3 MB");
    }
}
