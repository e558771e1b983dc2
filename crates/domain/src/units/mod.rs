//! Amounts as people type and read them: masses, volumes, counts, exact
//! decimal parsing and number formatting.

pub mod amount;
pub mod amount_text;
pub mod decimal;
pub mod format;
pub mod quantity;
pub mod volume;
