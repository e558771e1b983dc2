// End-to-end journeys on the release bundle (dist/), in headless Debian Chromium.
// One server and one browser for the whole file; every test gets a fresh browser context
// and fails on any console error, page error or failed request (see support/browser.mjs).
//
// Expected figures come from USDA SR28 (foods.csv / portions.csv):
//   09040 "Bananas, raw", per 100 g: 89 kcal, water 74.91 g, K 358, Mg 27, Ca 5, Na 1 mg;
//     portions: 1 cup, mashed 225 g · 1 cup, sliced 150 g · 1 extra small (less than 6" long) 81 g
//     · 1 small (6" to 6-7/8" long) 101 g · 1 medium (7" to 7-7/8" long) 118 g
//     · 1 large (8" to 8-7/8" long) 136 g · 1 extra large (9" or longer) 152 g · 1 NLEA serving 126 g
//   05315 "Duck, young duckling, domesticated, White Pekin, breast, meat and skin, boneless,
//     cooked, roasted", per 100 g: K and Mg not analysed, Ca 8, Na 84 mg.
//
// Run: `bash scripts/test.sh` (builds dist/ first), or after `trunk build --release`:
//   node --test e2e/          (E2E_DIST=/path/to/dist to test another build)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { axeViolations, eventually, withPage } from './support/browser.mjs';
import { App, FoodPage, HomePage, RichPage, parseAmount } from './support/pages.mjs';
import { readFoods, skipWithoutUsda } from './support/usda.mjs';
import { REPO, useApp } from './support/suite.mjs';


const BANANA = Object.freeze({
  ndb: '09040',
  title: 'Bananas, raw',
  per100g: { potassium: 358, magnesium: 27, calcium: 5, sodium: 1, energy: 89, water: 74.91 },
  portions: [
    '1 cup, mashed, 225 g',
    '1 cup, sliced, 150 g',
    '1 extra small (less than 6" long), 81 g',
    '1 small (6" to 6-7/8" long), 101 g',
    '1 medium (7" to 7-7/8" long), 118 g',
    '1 large (8" to 8-7/8" long), 136 g',
    '1 extra large (9" or longer), 152 g',
    '1 NLEA serving, 126 g',
  ],
});
const MEDIUM_BANANA = '1 medium (7" to 7-7/8" long), 118 g';
const DUCK_BREAST = Object.freeze({
  ndb: '05315',
  title: 'Duck, young duckling, domesticated, White Pekin, breast, meat and skin, boneless, cooked, roasted',
});

// Potassium targets the app may use for "% of target": every potassium AI in the repo's
// DRI table (data/dri-minerals.csv), plus the 4,700 mg US label Daily Value.
const POTASSIUM_TARGETS = (() => {
  const lines = readFileSync(`${REPO}data/dri-minerals.csv`, 'utf8').trim().split('\n');
  const col = lines[0].split(',').indexOf('potassium_mg');
  return [...new Set([...lines.slice(1).map((l) => Number(l.split(',')[col])), 4700])].filter((n) => n > 0);
})();

const served = useApp();

/** A node:test test running `fn(page)` in a fresh context, with a screenshot on failure. */
function journey(name, fn, options = {}) {
  test(name, { timeout: 90_000 }, () => withPage(served.browser, name, (page) => fn(page), options));
}

async function assertNoNaN(app, where) {
  const text = await app.bodyText();
  assert.doesNotMatch(text, /\bNaN\b|\bundefined\b|\bInfinity\b/, `${where}: the page shows NaN/undefined/Infinity`);
}

function assertNonIncreasing(items, what) {
  assert.ok(items.length > 0, `${what}: the list is empty`);
  assert.ok(items[0].value > 0, `${what}: the richest food has ${items[0].valueText}`);
  for (const item of items) {
    assert.ok(Number.isFinite(item.value), `${what}: "${item.valueText}" (${item.name}) is not a number`);
    assert.match(item.ndb ?? '', /^\d{5}$/, `${what}: item "${item.name}" does not link to /food/<NDB> (${item.href})`);
  }
  for (let i = 1; i < items.length; i++) {
    assert.ok(
      items[i].value <= items[i - 1].value,
      `${what}: not in non-increasing order at #${i}: ${items[i - 1].valueText} (${items[i - 1].name}) < ${items[i].valueText} (${items[i].name})`,
    );
  }
}

describe('search', () => {
  journey('home page: labelled search box, app-interactive mark', async (page) => {
    const home = await new HomePage(page, served.server.url).open();
    const marks = await home.interactiveMarks();
    assert.equal(marks.length, 1, `performance.mark("app-interactive") fired ${marks.length} times`);
    assert.equal(await home.input.getAttribute('type'), 'search');
    // The visible label "Search foods" names the search box.
    assert.ok(await page.getByText('Search foods', { exact: true }).first().isVisible(), 'no visible "Search foods" label');
    assert.equal(await page.getByLabel('Search foods', { exact: true }).getAttribute('data-testid'), 'search-input');
    await home.input.focus();
    assert.ok(await home.input.evaluate((el) => el === document.activeElement), 'the search box cannot take focus');
    await assertNoNaN(home, 'home');
  });

  journey('banana → "Bananas, raw" → 1 medium (118 g): K 422 mg, Mg 32 mg, Ca 5.9 mg, Na 1.18 mg', async (page) => {
    const home = await new HomePage(page, served.server.url).open();
    const results = await home.search('banana');
    assert.ok(results.length > 1, `"banana" gave ${results.length} results`);
    assert.equal(results[0].title, BANANA.title, `first result for "banana": ${JSON.stringify(results.map((r) => r.title))}`);
    assert.equal(results[0].ndb, BANANA.ndb, `first result links to ${results[0].href}`);
    for (const r of results) assert.match(r.title, /banana/i, `"${r.title}" is a result for "banana"`);
    // Mineral figures per 100 g in the result: K 358, Mg 27.
    assert.match(results[0].minerals, /(?<![\d.,])358(?![\d.,])/, `result-minerals: ${results[0].minerals}`);
    assert.match(results[0].minerals, /(?<![\d.,])27(?![\d.,])/, `result-minerals: ${results[0].minerals}`);
    const measures = await page.evaluate(() => performance.getEntriesByName('search', 'measure').length);
    assert.ok(measures > 0, 'the search recorded no performance.measure("search")');

    await home.openResult(0);
    const food = new FoodPage(page, served.server.url);
    assert.equal(await food.waitForTitle(), BANANA.title);
    assert.equal(food.pathname(), `/food/${BANANA.ndb}`);

    const options = await food.servingOptions();
    assert.equal(options.length, BANANA.portions.length + 2, `serving options: ${JSON.stringify(options)}`);
    for (const label of ['100 g', ...BANANA.portions, 'Custom amount']) {
      assert.ok(options.includes(label), `serving option ${JSON.stringify(label)} missing from ${JSON.stringify(options)}`);
    }

    await food.selectServing('100 g');
    await food.expectAmount('potassium', 358, 'mg');
    await food.expectAmount('magnesium', 27, 'mg');
    await food.expectAmount('calcium', 5, 'mg');
    await food.expectAmount('sodium', 1, 'mg');
    await food.expectAmount('energy', 89, 'kcal');
    const percent100 = await food.percentText('potassium');

    assert.equal(await food.selectServing('1 medium'), MEDIUM_BANANA);
    // 358 × 118 / 100 = 422.44 → "422 mg"; 27 × 1.18 = 31.86 → "32 mg"; 89 × 1.18 = 105.02 → "105 kcal".
    await food.expectValue('potassium', '422 mg');
    await food.expectValue('magnesium', '32 mg');
    await food.expectValue('energy', '105 kcal');
    // 5 × 1.18 = 5.9 and 1 × 1.18 = 1.18: "6 mg" / "1 mg", or at label precision "5.9 mg" / "1.2 mg".
    await food.expectAmount('calcium', 5.9, 'mg');
    await food.expectAmount('sodium', 1.18, 'mg');
    // water 74.91 × 1.18 = 88.39 g
    await food.expectAmount('water', 88.3938, 'g');

    // "% of target": "16 %"-style, consistent with one DRI potassium target, for both servings.
    const percentMedium = await food.percentText('potassium');
    assert.match(percent100, /^\d+ %$/);
    assert.match(percentMedium, /^\d+ %$/);
    const consistent = POTASSIUM_TARGETS.filter(
      (t) =>
        Math.abs(parseAmount(percent100) - (100 * 358) / t) < 1 &&
        Math.abs(parseAmount(percentMedium) - (100 * 422.44) / t) < 1,
    );
    assert.ok(
      consistent.length > 0,
      `potassium ${percent100} (100 g) and ${percentMedium} (118 g) match no potassium target in ${POTASSIUM_TARGETS}`,
    );
    await assertNoNaN(food, 'food page');
  });

  journey('deep link /food/09040 loads directly and survives a reload', async (page) => {
    const food = await new FoodPage(page, served.server.url).open(BANANA.ndb);
    assert.equal(await food.titleText(), BANANA.title);
    await page.reload({ waitUntil: 'load' });
    assert.equal(await food.waitForTitle(), BANANA.title);
    assert.equal(food.pathname(), `/food/${BANANA.ndb}`);
    assert.equal(await food.notFound.count(), 0, 'a known food shows not-found');
  });

  journey('"ban raw" finds "Bananas, raw" (every word must match)', async (page) => {
    const home = await new HomePage(page, served.server.url).open();
    const results = await home.search('ban raw');
    const titles = results.map((r) => r.title);
    assert.ok(titles.includes(BANANA.title), `"ban raw" results: ${JSON.stringify(titles)}`);
    for (const t of titles) {
      assert.ok(/ban/i.test(t) && /raw/i.test(t), `"${t}" does not contain both "ban" and "raw"`);
    }
  });

  journey('keyboard: ArrowDown/ArrowUp move the highlight, Enter opens it', async (page) => {
    const home = await new HomePage(page, served.server.url).open();
    await home.input.click();
    const results = await home.search('banana', { typeSlowly: true });
    assert.ok(results.length >= 2, `"banana" gave ${results.length} results`);

    await page.keyboard.press('ArrowDown');
    const first = await eventually(async () => {
      const i = await home.selectedIndex();
      return i >= 0 ? { i } : null;
    }, { describe: () => 'no result became aria-selected="true" after ArrowDown' });
    await page.keyboard.press('ArrowDown');
    await eventually(async () => (await home.selectedIndex()) === first.i + 1, {
      describe: () => `ArrowDown did not move the highlight from #${first.i} to #${first.i + 1}`,
    });
    await page.keyboard.press('ArrowUp');
    await eventually(async () => (await home.selectedIndex()) === first.i, {
      describe: () => `ArrowUp did not move the highlight back to #${first.i}`,
    });

    const chosen = (await home.readResults())[first.i];
    await page.keyboard.press('Enter');
    const food = new FoodPage(page, served.server.url);
    assert.equal(await food.waitForTitle(), chosen.title);
    assert.equal(food.pathname(), `/food/${chosen.ndb}`);
  });

  journey('"xyzzyq" shows no-match and no results', async (page) => {
    const home = await new HomePage(page, served.server.url).open();
    await home.search('xyzzyq');
    assert.ok(await home.noMatch.isVisible(), 'search-no-match is not shown');
    assert.equal(await home.results.count(), 0);
    await assertNoNaN(home, 'no-match');
  });
});

describe('routes', () => {
  for (const path of ['/food/99999', '/food/abc', '/nowhere']) {
    journey(`${path} shows not-found`, async (page) => {
      const app = new App(page, served.server.url);
      await app.goto(path);
      await app.expectNotFound();
      assert.equal(await page.getByTestId('food-title').count(), 0, `${path} shows a food title`);
    });
  }

  journey('/about renders (not not-found)', async (page) => {
    const app = new App(page, served.server.url);
    await app.goto('/about');
    await eventually(async () => (await app.bodyText()).trim().length > 50, {
      describe: () => '/about stays (nearly) empty',
    });
    assert.equal(await app.notFound.count(), 0, '/about shows not-found');
  });
});

describe('food page', () => {
  journey('custom amount: grams and ounces; -5, empty and 1e9 are errors without NaN', async (page) => {
    const food = await new FoodPage(page, served.server.url).open(BANANA.ndb);

    await food.setCustomAmount('200', 'g');
    await food.expectValue('potassium', '716 mg'); // 358 × 2
    await food.expectValue('magnesium', '54 mg');
    assert.equal(await food.amountError.isVisible(), false, 'amount-error shown for 200 g');

    await food.setCustomAmount('1', 'oz'); // 28.349523 g: K 101.49, Mg 7.654
    await food.expectAmount('potassium', 101.4913, 'mg');
    await food.expectAmount('magnesium', 7.6544, 'mg');
    await food.amountUnit.selectOption('g');

    for (const bad of ['-5', '', '1e9']) {
      await food.setCustomAmount(bad);
      await food.amountError.first().waitFor({ state: 'visible' }).catch(() => {
        throw new assert.AssertionError({ message: `amount ${JSON.stringify(bad)} shows no amount-error` });
      });
      await assertNoNaN(food, `amount ${JSON.stringify(bad)}`);
    }

    await food.setCustomAmount('50');
    await food.expectValue('potassium', '179 mg'); // 358 × 0.5
    await eventually(async () => !(await food.amountError.isVisible()), {
      describe: () => 'amount-error stays after a valid amount',
    });
  });

  journey('missing USDA data reads "no data", never NaN', async (page) => {
    const food = await new FoodPage(page, served.server.url).open(DUCK_BREAST.ndb);
    assert.equal(await food.titleText(), DUCK_BREAST.title);
    await food.selectServing('100 g');
    await food.expectValue('potassium', 'no data');
    await food.expectValue('magnesium', 'no data');
    await food.expectAmount('calcium', 8, 'mg');
    await food.expectAmount('sodium', 84, 'mg');
    await assertNoNaN(food, 'food with missing data');
  });
});

describe('foods richest in a mineral', () => {
  journey('potassium: sorted list; per-100 kcal basis and a food group change it', async (page) => {
    const rich = await new RichPage(page, served.server.url).open();
    await rich.selectMineral('potassium');
    await rich.selectBasis('per100g');
    await rich.selectGroup('');
    await rich.setLowSodium(false);
    const per100g = await rich.settle();
    assertNonIncreasing(per100g, 'potassium per 100 g');

    const groups = await rich.group.locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(groups.includes('') && groups.includes('1100'), `rich-group options: ${JSON.stringify(groups)}`);

    const perKcal = await rich.changeAndWait(() => rich.selectBasis('per100kcal'), 'choosing per100kcal');
    assertNonIncreasing(perKcal, 'potassium per 100 kcal');

    await rich.selectBasis('per100g');
    await eventually(async () => JSON.stringify(await rich.readItems()) === JSON.stringify(per100g), {
      describe: () => 'going back to per100g does not restore the per-100 g list',
    });

    const vegetables = await rich.changeAndWait(() => rich.selectGroup('1100'), 'choosing group 1100');
    assertNonIncreasing(vegetables, 'potassium per 100 g, vegetables');
    // SR28 numbers every food of group 1100 as 11xxx, 31xxx, 43xxx or 44xxx.
    for (const item of vegetables) {
      assert.match(item.ndb, /^(11|31|43|44)\d{3}$/, `"${item.name}" (${item.ndb}) listed under Vegetables`);
    }
    assert.ok(vegetables[0].value <= per100g[0].value, 'a group has a richer food than all groups together');

    await rich.selectGroup('');
    await rich.setLowSodium(true);
    const lowSodium = await rich.settle();
    assertNonIncreasing(lowSodium, 'potassium per 100 g, low sodium');
  });

  journey('the top item links to its food page, which shows the same per-100 g value', async (page) => {
    const rich = await new RichPage(page, served.server.url).open();
    await rich.selectMineral('potassium');
    await rich.selectBasis('per100g');
    await rich.selectGroup('');
    await rich.setLowSodium(false);
    const [top] = await rich.settle();
    await rich.items.first().locator('a[href*="/food/"]').first().click();
    const food = new FoodPage(page, served.server.url);
    await food.waitForTitle();
    assert.equal(food.pathname(), `/food/${top.ndb}`);
    await food.selectServing('100 g');
    let shown;
    await eventually(
      async () => Math.abs(parseAmount((shown = await food.valueText('potassium'))) - top.value) <= Math.max(1, top.value * 0.005),
      { describe: () => `rich list says ${top.valueText} per 100 g for ${top.ndb}, its food page says ${shown}` },
    );
  });

  journey('magnesium and calcium lists are sorted too', async (page) => {
    const rich = await new RichPage(page, served.server.url).open();
    await rich.selectBasis('per100g');
    for (const mineral of ['magnesium', 'calcium']) {
      await rich.selectMineral(mineral);
      await eventually(async () => (await rich.mineral.inputValue()) === mineral);
      const items = await rich.settle();
      assertNonIncreasing(items, `${mineral} per 100 g`);
    }
  });
});

describe('USDA cross-check (needs the SR28 CSVs)', () => {
  // The CSVs are not in the repo; tools/usda-convert reads them from ../shared/data/usda.
  const skip = skipWithoutUsda;

  test('rich-list values equal USDA SR28 per 100 g and per 100 kcal; group filter is exact', { skip, timeout: 90_000 }, () =>
    withPage(served.browser, 'usda cross-check', async (page) => {
      const foods = readFoods();
      const rich = await new RichPage(page, served.server.url).open();
      await rich.selectMineral('potassium');
      await rich.selectBasis('per100g');
      await rich.selectGroup('');
      await rich.setLowSodium(false);
      const check = (items, expected, what) => {
        for (const item of items) {
          const food = foods.get(item.ndb);
          assert.ok(food, `${what}: ${item.ndb} is not in SR28`);
          const want = expected(food);
          assert.ok(Number.isFinite(want), `${what}: ${item.ndb} "${food.description}" has no value in SR28 but is listed`);
          assert.ok(
            Math.abs(item.value - want) <= Math.max(1, want * 0.005),
            `${what}: ${item.ndb} "${food.description}" shows ${item.valueText}, SR28 gives ${want.toFixed(2)}`,
          );
        }
      };
      check(await rich.settle(), (f) => f.potassium_mg, 'per 100 g');
      const perKcal = await rich.changeAndWait(() => rich.selectBasis('per100kcal'), 'choosing per100kcal');
      check(perKcal, (f) => (f.energy_kcal > 0 ? (f.potassium_mg * 100) / f.energy_kcal : Number.NaN), 'per 100 kcal');
      await rich.selectBasis('per100g');
      const veg = await rich.changeAndWait(() => rich.selectGroup('1100'), 'choosing group 1100');
      for (const item of veg) assert.equal(foods.get(item.ndb)?.food_group, '1100', `${item.ndb} listed under 1100`);
    }),
  );
});

describe('accessibility', () => {
  for (const [name, path, ready] of [
    ['home', '/', (p) => p.getByTestId('search-input')],
    ['food page', `/food/${BANANA.ndb}`, (p) => p.getByTestId('food-title')],
    ['rich foods', '/rich', (p) => p.getByTestId('rich-list')],
  ]) {
    journey(`${name}: no serious or critical axe-core violations`, async (page) => {
      const app = new App(page, served.server.url);
      await app.goto(path);
      await ready(page).waitFor({ state: 'visible' });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe-core on ${path}:\n${JSON.stringify(violations, null, 2)}`);
    });
  }
});
