//! A screen whose code may arrive only when it is first opened.

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// A screen's code could not be fetched: offline on a first visit before
/// the service worker had it, or the server holds a newer build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(ep_split)]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The view `load` gives, once its code is there: in the split release
/// build each group of [`crate::pages::screens`] is its own wasm chunk,
/// fetched on the first visit to one of its routes ("Loading…" meanwhile,
/// as a status); elsewhere `load` is ready at once and nothing is shown
/// before. A failed fetch says so, with "Try again".
#[component]
pub fn Lazy<Fut>(load: fn() -> Fut) -> impl IntoView
where
    Fut: Future<Output = Result<AnyView, NotLoaded>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let screen = move || {
        attempt.track();
        // CSR only: the future never leaves this thread.
        let future = SendWrapper::new(load());
        Suspend::new(async move {
            match future.await {
                Ok(view) => view,
                Err(NotLoaded) => view! {
                    <div class="table-status" role="alert" data-testid="screen-failed">
                        <p>"This screen could not be loaded: is the connection down? Your diary is safe."</p>
                        <button type="button" data-testid="screen-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                            "Try again"
                        </button>
                    </div>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Suspense fallback=|| view! { <p class="table-status" role="status" data-testid="screen-loading">"Loading…"</p> }>
            {screen}
        </Suspense>
    }
}
