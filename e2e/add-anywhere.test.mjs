// "Add from anywhere" on a 360 px phone, on the release bundle in headless Debian Chromium: a
// home search result and a row of the richest-foods list each add the food's default portion to
// today's plan in ONE tap, and the richest-foods list opens on the mineral the day is shortest of,
// ranked per typical portion.
//
// Expected figures come from the USDA SR28 CSVs (support/usda.mjs): per-100 g value × grams / 100.
// Targets of the default profile, women 31–50: K 2,600 mg, Mg 320 mg, Ca 1,000 mg.
//
// Run after `trunk build --release`: node --test e2e/add-anywhere.test.mjs (E2E_DIST=… for another build)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axeViolations, eventually, withPage } from './support/browser.mjs';
import { collapse, HomePage, PlanPage, RichPage } from './support/pages.mjs';
import { readFoods, readPortions, skipWithoutUsda } from './support/usda.mjs';
import { useApp } from './support/suite.mjs';

const BANANA = '09040';
const TARGETS = Object.freeze({ potassium: 2600, magnesium: 320, calcium: 1000 });
const PHONE = Object.freeze({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

const served = useApp();

function journey(name, fn) {
  test(name, { timeout: 90_000, skip: skipWithoutUsda }, () =>
    withPage(served.browser, name, (page) => fn(page), { contextOptions: PHONE }),
  );
}

/** The meal of the page's time of day, as the app picks it (Meal::at_hour). */
async function mealNow(page) {
  const hour = await page.evaluate(() => new Date().getHours());
  if (hour >= 4 && hour <= 10) return 'breakfast';
  if (hour >= 11 && hour <= 14) return 'lunch';
  if (hour >= 17 && hour <= 20) return 'dinner';
  return 'snacks';
}

/** USDA's "1 medium" banana: its grams and per-100 g values. */
function banana() {
  const food = readFoods().get(BANANA);
  const medium = readPortions(BANANA).find((p) => p.amount === 1 && p.unit.startsWith('medium'));
  assert.ok(food && medium, 'Bananas, raw or its medium portion is missing from the CSVs');
  return { ...food, grams: medium.grams };
}

/** The app's percent text: "<1 %" under 1, else whole percent. */
const percentText = (p) => (p > 0 && p < 1 ? '<1 %' : `${Math.round(p)} %`);

/** Taps counted: every add path must take one. */
function counter(page) {
  const counts = { taps: 0 };
  return {
    counts,
    async tap(locator) {
      counts.taps += 1;
      await locator.tap();
    },
  };
}

/** Clears the first-run panel out of the way if it shows (it does not block the page). */
async function skipFirstRun(page) {
  const skip = page.getByTestId('first-run-skip');
  if (await skip.isVisible()) await skip.click();
}

/** Adds a banana from the home search ("+ Add" on its result); returns the status line. */
async function addBananaFromSearch(page, me) {
  const home = await new HomePage(page, served.server.url).open();
  await skipFirstRun(page);
  await home.search('banana raw');
  const before = me.counts.taps;
  await me.tap(home.quickAdd(BANANA));
  let status;
  await eventually(async () => (status = collapse(await home.addStatus.textContent())).startsWith('Added'), {
    describe: () => `"+ Add" on Bananas, raw: search-add-status is ${JSON.stringify(status)}`,
  });
  assert.equal(me.counts.taps - before, 1, 'adding from a search result takes one tap');
  return { home, status };
}

describe('add from anywhere, at 360 px', () => {
  journey('a home search result adds 1 medium banana (118 g) to the meal of the time of day in one tap', async (page) => {
    const want = banana();
    const me = counter(page);
    const meal = await mealNow(page);
    const home = await new HomePage(page, served.server.url).open();
    await skipFirstRun(page);
    const results = await home.search('banana raw');
    const row = results.find((r) => r.ndb === BANANA);
    assert.ok(row, `no Bananas, raw among ${JSON.stringify(results.map((r) => r.title))}`);
    assert.equal(row.title, want.description);
    // The row says what "+ Add" adds.
    assert.match(row.portion, new RegExp(`^1 medium \\(.*\\), ${want.grams} g$`), `result portion: ${row.portion}`);
    assert.equal(collapse(await home.addStatus.textContent()), '');
    assert.equal(await home.addStatus.getAttribute('role'), 'status');
    // No button inside an ARIA option; the page stays axe-clean with the buttons in it.
    assert.equal(await page.locator('[role=option] button, [role=option] [role=button]').count(), 0);
    assert.deepEqual(await axeViolations(page), []);

    await me.tap(home.quickAdd(BANANA));
    let status;
    await eventually(async () => (status = collapse(await home.addStatus.textContent())).startsWith('Added'), {
      describe: () => `search-add-status is ${JSON.stringify(status)}`,
    });
    assert.equal(me.counts.taps, 1, 'one tap');
    assert.match(status, new RegExp(`^Added 1 medium \\(.*\\), ${want.grams} g of Bananas, raw to ${meal}\\. See the day plan$`));
    assert.equal(await home.addStatusLink.getAttribute('href'), '/plan');
    // Nothing scrolls sideways at 360 px with the buttons in the rows.
    const [scrollWidth, width] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
    assert.ok(scrollWidth <= width, `sideways scroll: ${scrollWidth} > ${width}`);

    await home.addStatusLink.tap();
    const plan = new PlanPage(page, served.server.url);
    await plan.byTestId('progress-potassium').waitFor({ state: 'visible' });
    const items = await plan.readItems();
    assert.deepEqual(items.map(({ name, meal: m }) => ({ name, meal: m })), [{ name: want.description, meal }]);
    const description = collapse(await plan.item(want.description).getByTestId('item-description').textContent());
    assert.match(description, new RegExp(`^1 medium .*${want.grams} g`), `item: ${description}`);
    await plan.expectBarNow('potassium', (want.potassium_mg * want.grams) / 100, 0.5);
    await plan.expectBarNow('magnesium', (want.magnesium_mg * want.grams) / 100, 0.5);
  });

  journey('the rich list opens on the mineral a day with a banana is shortest of, per typical portion', async (page) => {
    const want = banana();
    const me = counter(page);
    await addBananaFromSearch(page, me);
    // Which mineral is furthest from its target, from the USDA values.
    const percents = Object.entries(TARGETS).map(([n, target]) => [n, (100 * want[`${n}_mg`] * want.grams) / 100 / target]);
    const [shortest, percent] = percents.reduce((a, b) => (b[1] < a[1] ? b : a));
    assert.notEqual(shortest, 'potassium', 'a banana is rich in potassium');

    // Through the main navigation, as she would (the app keeps its state).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Richest foods', exact: true }).tap();
    const rich = new RichPage(page, served.server.url);
    await rich.mineral.waitFor({ state: 'visible' });
    await eventually(async () => (await rich.mineral.inputValue()) === shortest, {
      describe: () => `the rich list did not open on ${shortest}`,
    });
    assert.equal(await rich.basis.inputValue(), 'portion');
    assert.equal(collapse(await rich.shortest.textContent()), `Today you are furthest from your ${shortest} target (${percentText(percent)}).`);
    const hint = collapse(await page.getByTestId('rich-portion-hint').textContent());
    assert.doesNotMatch(hint, /first household measure/);
    assert.doesNotMatch(collapse(await page.getByTestId('rich-summary').textContent()), /household portion/);
    const items = await rich.settle();
    for (let i = 1; i < items.length; i++) assert.ok(items[i].value <= items[i - 1].value, `not sorted at #${i}`);

    // An explicit mineral in the address wins.
    await rich.open('mineral=potassium');
    assert.equal(await rich.mineral.inputValue(), 'potassium');
    assert.equal(await rich.basis.inputValue(), 'portion');
  });

  journey('a row of the rich list adds its default portion in one tap', async (page) => {
    const foods = readFoods();
    const me = counter(page);
    const meal = await mealNow(page);
    const rich = await new RichPage(page, served.server.url).open('mineral=magnesium');
    await skipFirstRun(page);
    const [top] = await rich.settle();
    const food = foods.get(top.ndb);
    const row = rich.items.first();
    // The row shows the portion it is ranked by (and that "+ Add" adds): "in 1 oz (…), 28.4 g".
    const figure = collapse(await row.textContent());
    const grams = Number(figure.match(/ in .*?([\d.]+) g/)?.[1]);
    assert.ok(grams > 0 && grams <= 400, `no portion in grams in ${JSON.stringify(figure)}`);
    assert.ok(Math.abs(top.value - (food.magnesium_mg * grams) / 100) <= Math.max(1, top.value * 0.01), `${figure} vs USDA`);

    await me.tap(rich.quickAdd(top.ndb));
    let status;
    await eventually(async () => (status = collapse(await rich.addStatus.textContent())).startsWith('Added'), {
      describe: () => `rich-add-status is ${JSON.stringify(status)}`,
    });
    assert.equal(me.counts.taps, 1, 'one tap');
    assert.ok(status.includes(`of ${food.description} to ${meal}.`), status);
    // The list stays where it was under the finger.
    assert.equal(await rich.mineral.inputValue(), 'magnesium');
    assert.deepEqual(await axeViolations(page), []);

    const plan = await new PlanPage(page, served.server.url).open();
    const planned = await plan.readItems();
    assert.deepEqual(planned.map(({ name, meal: m }) => ({ name, meal: m })), [{ name: food.description, meal }]);
    await plan.expectBarNow('magnesium', (food.magnesium_mg * grams) / 100, 1);
  });
});
