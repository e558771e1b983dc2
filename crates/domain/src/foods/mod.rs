//! The foods of the USDA table: their nutrients, household portions and
//! honest default serving, the table and its codec, search and rankings.

pub mod custom;
pub mod custom_form;
pub mod default_serving;
pub mod food;
pub mod food_table;
pub mod label;
pub mod mine;
pub mod my_search;
pub mod nutrient;
pub mod recipe;
pub mod recipe_form;
pub mod rich_foods;
pub mod search;
pub mod serving;
