//! The screens the first one does not need. In the split release build
//! (`--cfg ep_split`: scripts/release-build.sh, scripts/split-wasm.mjs) each group of screens here
//! is a split point: its pages' code is its own wasm chunk, fetched when one
//! of its routes is first opened (code two groups share goes in a chunk of
//! its own), while the food table arrives (`NeedsTable` is inside); the service
//! worker precaches them all for offline use. Without the cfg (tests,
//! `trunk serve`) they are plain calls.

use leptos::prelude::*;

use super::about::AboutPage;
use super::backup::BackupPage;
use super::diary::DiaryPage;
use super::food::FoodPage;
use super::my_foods::{
    food_form::FoodFormPage, my_food::MyFoodEditPage, my_food::MyFoodPage,
    recipe_form::RecipeFormPage, MyFoodsPage,
};
use super::plan::PlanPage;
use super::rich_foods::RichFoodsPage;
use super::targets::TargetsPage;
use super::trends::{summary::SummaryPage, TrendsPage};
use crate::components::lazy::NotLoaded;
use crate::components::needs_table::NeedsTable;
use crate::domain::foods::custom_form::FoodForm;
use crate::domain::foods::recipe_form::RecipeForm;

macro_rules! screens {
    ($($(#[$doc:meta])* $group:ident: $name:ident => $view:expr;)*) => {$(
        $(#[$doc])*
        #[cfg(ep_split)]
        #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Result<AnyView, NotLoaded> {
            Ok($view.into_any())
        }
        $(#[$doc])*
        #[cfg(not(ep_split))]
        pub async fn $name() -> Result<AnyView, NotLoaded> {
            Ok($view.into_any())
        }
    )*};
}

// Grouped by what is opened together: each group is one chunk (plus what
// groups share), so a screen's first visit fetches a few files, not dozens.
screens! {
    /// `/food/<NDB>`: from a search result.
    food: food => view! { <NeedsTable><FoodPage/></NeedsTable> };
    /// `/rich`.
    food: rich_foods => view! { <NeedsTable><RichFoodsPage/></NeedsTable> };
    /// `/plan`.
    plan: plan => view! { <NeedsTable><PlanPage/></NeedsTable> };
    /// `/diary`.
    history: diary => view! { <NeedsTable><DiaryPage/></NeedsTable> };
    /// `/trends`.
    history: trends => view! { <NeedsTable><TrendsPage/></NeedsTable> };
    /// `/summary`.
    history: summary => view! { <NeedsTable><SummaryPage/></NeedsTable> };
    /// `/foods`.
    mine: my_foods => view! { <NeedsTable><MyFoodsPage/></NeedsTable> };
    /// `/foods/new`.
    mine: new_food => view! { <NeedsTable><FoodFormPage start=FoodForm::default() editing=None/></NeedsTable> };
    /// `/foods/new-recipe`.
    mine: new_recipe => view! { <NeedsTable><RecipeFormPage start=RecipeForm::new() editing=None/></NeedsTable> };
    /// `/my/<id>`.
    mine: my_food => view! { <NeedsTable><MyFoodPage/></NeedsTable> };
    /// `/my/<id>/edit`.
    mine: my_food_edit => view! { <NeedsTable><MyFoodEditPage/></NeedsTable> };
    /// `/targets`.
    settings: targets => view! { <TargetsPage/> };
    /// `/backup`.
    settings: backup => view! { <NeedsTable><BackupPage/></NeedsTable> };
    /// `/about`.
    settings: about => view! { <NeedsTable><AboutPage/></NeedsTable> };
}

/// Fetches the food screens' code ahead of a tap on a search result (the
/// start page calls it once the food table is in); nothing to show.
#[cfg(ep_split)]
#[leptos::wasm_split::wasm_split(food, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn food_ahead() -> Result<(), NotLoaded> {
    Ok(())
}

/// Unsplit: the code is there already.
#[cfg(not(ep_split))]
pub async fn food_ahead() -> Result<(), NotLoaded> {
    Ok(())
}
