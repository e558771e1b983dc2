//! The diary at `/diary`: the open day's cramps, activity and notes, the
//! warning signs, copying, and the past days at a glance.

use leptos::prelude::*;

use crate::components::day_picker::DayPicker;

/// The diary of the open day.
#[component]
pub fn DiaryPage() -> impl IntoView {
    super::set_title("Diary");
    view! {
        <section class="diary-page">
            <h1>"Diary"</h1>
            <DayPicker/>
        </section>
    }
}
