//! User Timing marks the benchmark command reads (`performance.measure`).
//! Cheap, and visible in any browser's performance panel. Off the web (the
//! app's native unit tests) there is no clock to mark: work just runs.

/// The page's `performance`, if there is one.
fn performance() -> Option<web_sys::Performance> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window().and_then(|w| w.performance())
    } else {
        None
    }
}

/// Runs `work` and records its duration as a `performance.measure(name)`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = performance() else {
        return work();
    };
    let start = format!("{name}-start");
    let _ = performance.mark(&start);
    let result = work();
    let _ = performance.measure_with_start_mark(name, &start);
    performance.clear_marks_with_mark_name(&start);
    result
}

/// Records the time since the mark `start` as a `performance.measure(name)`.
pub fn measure_from(name: &str, start: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// Marks a named moment, such as "app-interactive".
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}
