//! The labelled text field for a decimal number that the forms share.

use leptos::either::Either;
use leptos::prelude::*;

/// A `<div class="field">` holding a `<label>` and a text `<input>` for a
/// decimal number, bound to `value` as typed.
///
/// The input is `type="text"` with `inputmode="decimal"` (a number pad on
/// phones, while "1,5" can still be typed) and `autocomplete="off"`; its
/// `id` is also its `data-testid`. The text is read by the form, never here.
/// With `error`, the message is shown under the input in
/// `<p id="{id}-error" class="field-error" role="alert">`, which describes it.
#[component]
pub fn DecimalField(
    /// The input's `id` and `data-testid`, and the label's `for`.
    id: &'static str,
    /// The label's text; it may change (the unit of an amount, say).
    #[prop(into)]
    label: Signal<&'static str>,
    /// The text as typed, set on every keystroke.
    value: RwSignal<String>,
    /// The input's width in characters (`size`).
    #[prop(default = 6)]
    size: u32,
    /// The input's `placeholder`, if any.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// The field's own error message, if it has one: shown under the
    /// input, which is `aria-invalid` while there is one.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// Whether the field is at fault when its message is shown elsewhere
    /// (a form's): sets `aria-invalid`.
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    /// The `id` of another element that describes the field (a hint, a
    /// form's error), for `aria-describedby`.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// Runs when a changed value is committed (`change`: the field is left,
    /// or Enter pressed).
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let error_id = error.map(|_| format!("{id}-error"));
    let described_by = match (described_by, &error_id) {
        (Some(other), Some(own)) => Some(format!("{other} {own}")),
        (Some(other), None) => Some(other.to_owned()),
        (None, own) => own.clone(),
    };
    // Present only when something can say whether the field is at fault.
    let aria_invalid = move || {
        (error.is_some() || invalid.is_some()).then(|| {
            let own = error.is_some_and(|e| e.with(Option::is_some));
            let elsewhere = invalid.is_some_and(|i| i.get());
            (own || elsewhere).to_string()
        })
    };
    let input = view! {
        <input
            id=id
            data-testid=id
            type="text"
            inputmode="decimal"
            autocomplete="off"
            size=size
            placeholder=placeholder
            aria-invalid=aria_invalid
            aria-describedby=described_by
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
            on:change=move |_| {
                if let Some(on_change) = on_change {
                    on_change.run(());
                }
            }
        />
    };
    // Two shapes rather than an optional message, which would leave an
    // empty placeholder node in the field.
    match error.zip(error_id) {
        Some((error, error_id)) => Either::Left(view! {
            <div class="field">
                <label for=id>{move || label.get()}</label>
                {input}
                <p id=error_id.clone() class="field-error" role="alert" data-testid=error_id>
                    {move || error.get()}
                </p>
            </div>
        }),
        None => Either::Right(view! {
            <div class="field">
                <label for=id>{move || label.get()}</label>
                {input}
            </div>
        }),
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use leptos::mount::mount_to;
    use leptos::task::tick;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::{HtmlElement, HtmlInputElement};

    wasm_bindgen_test_configure!(run_in_browser);

    /// Mounts `view` in a fresh element; returns its markup after `act`,
    /// without the empty comments debug builds add as markers.
    async fn markup<V: IntoView + 'static>(
        view: impl FnOnce() -> V + 'static,
        act: impl FnOnce(&HtmlElement),
    ) -> String {
        let document = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = mount_to(root.clone(), view);
        tick().await;
        act(&root);
        tick().await;
        let html = root.inner_html().replace("<!---->", "");
        drop(handle);
        root.remove();
        html
    }

    const INPUT: &str = r#"type="text" inputmode="decimal" autocomplete="off""#;

    #[wasm_bindgen_test]
    async fn a_plain_field_is_a_label_and_an_input() {
        let value = RwSignal::new(String::new());
        let html = markup(
            move || view! { <DecimalField id="amount" label="Amount" value=value/> },
            |root| {
                let input: HtmlInputElement = root
                    .query_selector("input")
                    .unwrap()
                    .unwrap()
                    .unchecked_into();
                input.set_value("1,5");
                input
                    .dispatch_event(&web_sys::Event::new("input").unwrap())
                    .unwrap();
            },
        )
        .await;
        assert_eq!(
            html,
            format!(
                r#"<div class="field"><label for="amount">Amount</label><input id="amount" data-testid="amount" {INPUT} size="6"></div>"#
            )
        );
        assert_eq!(value.get_untracked(), "1,5");
    }

    #[wasm_bindgen_test]
    async fn its_own_error_is_shown_under_it_and_describes_it() {
        let value = RwSignal::new(String::new());
        let error = RwSignal::new(None::<String>);
        let changes = RwSignal::new(0);
        let html = markup(
            move || {
                view! {
                    <DecimalField
                        id="feet"
                        label="Hours"
                        value=value
                        placeholder="0"
                        error=error
                        on_change=move |()| changes.update(|n| *n += 1)
                    />
                }
            },
            |root| {
                let input = root.query_selector("input").unwrap().unwrap();
                input
                    .dispatch_event(&web_sys::Event::new("change").unwrap())
                    .unwrap();
                error.set(Some("Not a number.".to_owned()));
            },
        )
        .await;
        // The renderer sets `class` before the other attributes.
        assert_eq!(
            html,
            format!(
                r#"<div class="field"><label for="feet">Hours</label><input id="feet" data-testid="feet" {INPUT} size="6" placeholder="0" aria-invalid="true" aria-describedby="feet-error"><p class="field-error" id="feet-error" role="alert" data-testid="feet-error">Not a number.</p></div>"#
            )
        );
        assert_eq!(changes.get_untracked(), 1);
    }

    #[wasm_bindgen_test]
    async fn a_message_elsewhere_describes_it_and_marks_it_invalid() {
        let value = RwSignal::new(String::new());
        let invalid = RwSignal::new(false);
        let html = markup(
            move || {
                view! {
                    <DecimalField
                        id="age"
                        label="Age"
                        value=value
                        size=5
                        invalid=invalid
                        described_by="form-error"
                    />
                }
            },
            |_| invalid.set(true),
        )
        .await;
        assert_eq!(
            html,
            format!(
                r#"<div class="field"><label for="age">Age</label><input id="age" data-testid="age" {INPUT} size="5" aria-invalid="true" aria-describedby="form-error"></div>"#
            )
        );
    }
}
