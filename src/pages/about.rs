//! Sources, licences, method and the health caveats, in plain words.

use leptos::prelude::*;

use crate::catalog;
use crate::domain::units::format::format_number;

/// Where the numbers come from and what they cannot tell you.
#[component]
pub fn AboutPage() -> impl IntoView {
    super::set_title("About");
    let table = catalog::foods();
    let portions: usize = table.foods().iter().map(|f| f.portions.len()).sum();
    view! {
        <article class="about">
            <h1>"About Electrolyte Planner"</h1>
            <p>
                "Electrolyte Planner shows how much potassium, magnesium, calcium and sodium foods hold, "
                "for people who get muscle and leg cramps and want to eat enough of the first three "
                "while keeping sodium in check. It runs entirely in your browser: nothing you type leaves this device."
            </p>

            <h2>"Food data"</h2>
            <p data-testid="usda-citation">
                "US Department of Agriculture, Agricultural Research Service, Nutrient Data Laboratory. "
                <cite>"USDA National Nutrient Database for Standard Reference, Release 28"</cite>
                ". Version Current: September 2015. "
                "The same data is republished by FoodData Central as “SR Legacy”."
            </p>
            <p>
                "All " {format_number(table.foods().len() as f64, 0)} " foods and "
                {format_number(portions as f64, 0)} " household portions are included, values exactly as USDA "
                "gives them, per 100 g of edible portion. Where USDA has no value the app says “no data”, "
                "never zero. Licence: a work of the US federal government, in the public domain in the US; "
                "FoodData Central publishes it under CC0 1.0."
            </p>

            <h2>"Daily targets"</h2>
            <p data-testid="dri-citation">
                "National Academies of Sciences, Engineering, and Medicine: "
                <cite>"Dietary Reference Intakes for Sodium and Potassium"</cite>
                " (2019) for potassium and sodium; Institute of Medicine DRIs for calcium (2011), "
                "magnesium (1997) and water (2005), as tabulated in NASEM 2019, Appendix J. "
                "Potassium, magnesium and calcium targets are amounts to reach (RDA or AI); "
                "sodium’s is a ceiling, the Chronic Disease Risk Reduction intake of 2,300 mg a day from 14 years on."
            </p>
            <p>
                "Articles often quote 4,700 mg of potassium: that was the 2005 Adequate Intake and is still the US "
                "food-label Daily Value. In 2019 the National Academies set the adult AI at 3,400 mg for men "
                "and 2,600 mg for women."
            </p>
            <p>
                "Potassium targets do not apply to people with kidney disease or on medicines that make the body "
                "keep potassium (such as ACE inhibitors or potassium-sparing diuretics): ask a doctor before "
                "taking potassium supplements."
            </p>

            <h2>"When to see a doctor"</h2>
            <ul data-testid="warning-signs">
                <li><strong>"Now:"</strong>" a cramp or pain in one leg with swelling, redness, warmth or a lump (a possible blood clot)."</li>
                <li>"Cramps that last more than 10 minutes, come with numbness or weakness, or happen every day."</li>
            </ul>
        </article>
    }
}
