// The reference day of issue 9, counted: a 58-year-old woman with night calf cramps plans an
// ordinary day on a 360 px phone — oats with ½ cup milk, a banana, coffee; spinach salad with
// salmon; baked potato, broccoli, chicken; yogurt and almonds; 6 glasses of water — in at most
// 30 taps and 60 keystrokes, with no unit change for a food eaten in its usual portion, and
// the bars end equal (to the mg) to the USDA values of the portions she meant.
//
// Every tap and keystroke goes through `person` below, which counts them; scrolling is free
// (Playwright scrolls a target into view, as a thumb would). Expected values come from the
// USDA SR28 CSVs (support/usda.mjs): per-100 g value × grams of the intended portion / 100.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { PlanPage, collapse } from './support/pages.mjs';
import { readFoods, readPortions, skipWithoutUsda } from './support/usda.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();
const OUNCE_G = 28.349523125;

/**
 * The day: what she types to find each food, the food she means (NDB, exact title) and the
 * portion she means — a USDA measure (`unit`, × `count`) or ounces (`oz`).
 */
const DAY = [
  { meal: 'breakfast', query: 'oat', ndb: '08121', unit: 'cup', count: 1 },
  { meal: 'breakfast', query: 'milk', ndb: '01079', unit: 'cup', count: 0.5, typed: '0.5' },
  { meal: 'breakfast', query: 'bana', ndb: '09040', unit: 'medium (7" to 7-7/8" long)', count: 1 },
  { meal: 'breakfast', query: 'coff', ndb: '14209', unit: 'cup (8 fl oz)', count: 1 },
  { meal: 'lunch', query: 'spin', ndb: '11457', unit: 'cup', count: 1 },
  { meal: 'lunch', query: 'salm', ndb: '15237', unit: 'oz', count: 1, measureAmount: 3 },
  { meal: 'dinner', query: 'potato', ndb: '11674', unit: 'potato medium', count: 1 },
  { meal: 'dinner', query: 'broc', ndb: '11091', unit: 'cup, chopped', count: 1, measureAmount: 0.5 },
  { meal: 'dinner', query: 'chick bre', ndb: '05064', oz: 3 },
  { meal: 'snacks', query: 'yog', ndb: '01117', unit: 'container (6 oz)', count: 1 },
  { meal: 'snacks', query: 'almo', ndb: '12061', unit: 'oz (23 whole kernels)', count: 1 },
];
const GLASSES = 6;

/** Taps and keystrokes, counted as a person makes them. */
function person(page) {
  const counts = { taps: 0, keys: 0 };
  return {
    counts,
    async tap(locator) {
      counts.taps += 1;
      await locator.click();
    },
    /** Types `text` into the focused field, one key at a time. */
    async type(text) {
      counts.keys += text.length;
      await page.keyboard.type(text);
    },
    async backspace(times) {
      counts.keys += times;
      for (let i = 0; i < times; i += 1) await page.keyboard.press('Backspace');
    },
  };
}

/** Grams of the portion she means, from the CSVs. */
function intendedGrams(food) {
  if (food.oz) return food.oz * OUNCE_G;
  const measure = readPortions(food.ndb).find(
    (p) => p.unit === food.unit && p.amount === (food.measureAmount ?? 1),
  );
  assert.ok(measure, `${food.ndb}: no USDA measure "${food.unit}"`);
  return food.count * measure.grams;
}

describe('reference day on a 360 px phone', { skip: skipWithoutUsda }, () => {
  test('first visit, a whole ordinary day: ≤ 30 taps, ≤ 60 keystrokes, totals = USDA', { timeout: 120_000 }, () =>
    withPage(
      served.browser,
      'reference day',
      async (page) => {
        const foods = readFoods();
        const me = person(page);
        const plan = new PlanPage(page, served.server.url);
        await page.goto(`${served.server.url}/`);

        // First visit: the app says what it does, that it is not advice, and asks who she is.
        const welcome = page.getByTestId('first-run');
        await welcome.waitFor({ state: 'visible' });
        assert.match(collapse(await welcome.textContent()), /not medical advice/);
        await me.tap(page.getByTestId('first-run-age'));
        await me.type('58');
        await me.tap(page.getByTestId('first-run-submit'));
        await welcome.waitFor({ state: 'detached' });

        await me.tap(page.getByTestId('nav-plan'));
        await plan.byTestId('progress-potassium').waitFor({ state: 'visible' });
        assert.match(collapse(await plan.byTestId('plan-profile').textContent()), /Women 51–70/);
        // Her calcium target is 1,200 mg (women 51–70), not the default 1,000 mg.
        assert.equal((await plan.readBar('calcium')).max, 1200);

        const search = plan.byTestId('plan-search-input');
        for (const food of DAY) {
          const meal = plan.byTestId(`plan-meal-${food.meal}`);
          if (!(await meal.isChecked())) {
            await me.tap(meal);
            await me.tap(search);
          } else if (!(await search.evaluate((el) => el === document.activeElement))) {
            await me.tap(search);
          }
          const title = foods.get(food.ndb).description;
          await me.type(food.query);
          const pick = plan.byTestId('plan-search-result').filter({
            has: page.locator('.result-name').getByText(title, { exact: true }),
          });
          await pick.waitFor({ state: 'visible' });
          const row = pick.locator('xpath=..');
          if (food.typed) {
            // Not her usual portion: open the food, change the amount, add.
            await me.tap(pick);
            await me.tap(plan.byTestId('plan-add-amount'));
            await me.backspace((await plan.byTestId('plan-add-amount').inputValue()).length);
            await me.type(food.typed);
            await me.tap(plan.byTestId('plan-add-food'));
          } else {
            await me.tap(row.getByTestId('plan-quick-add'));
          }
          await eventually(async () => collapse(await plan.byTestId('plan-add-status').textContent()).includes(title), {
            describe: () => `adding ${title}`,
          });
        }
        for (let i = 0; i < GLASSES; i += 1) await me.tap(plan.byTestId('water-add'));
        await eventually(async () => collapse(await plan.byTestId('water-count').textContent()).startsWith(`${GLASSES} glasses`));

        // Every food in its meal, in the portion she meant.
        const items = await plan.readItems();
        assert.deepEqual(
          items.filter((i) => i.name !== 'Drink').map(({ name, meal }) => ({ name, meal })),
          DAY.map((f) => ({ name: foods.get(f.ndb).description, meal: f.meal })),
        );
        const water = items.find((i) => i.name === 'Drink');
        assert.ok(water, 'the glasses of water are one line of the plan');

        // The bars equal the USDA values of what she ate, to the mg (drinks count as water).
        for (const n of ['potassium', 'magnesium', 'calcium', 'sodium']) {
          const want = DAY.reduce((sum, f) => sum + (foods.get(f.ndb)[`${n}_mg`] * intendedGrams(f)) / 100, 0);
          const bar = await plan.expectBarNow(n, want, 0.5);
          assert.ok(Math.abs(bar.now - want) < 0.5, `${n}: ${bar.now} vs ${want}`);
        }
        const wantWater = DAY.reduce((sum, f) => sum + (foods.get(f.ndb).water_g * intendedGrams(f)) / 100, 0) + GLASSES * 250;
        await plan.expectBarNow('water', wantWater, 0.5);

        console.log(`# reference day: ${me.counts.taps} taps, ${me.counts.keys} keystrokes`);
        assert.ok(me.counts.taps <= 30, `${me.counts.taps} taps (at most 30)`);
        assert.ok(me.counts.keys <= 60, `${me.counts.keys} keystrokes (at most 60)`);

        // Nothing on the page scrolls sideways at 360 px.
        const [scrollWidth, width] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
        assert.ok(scrollWidth <= width, `sideways scroll: ${scrollWidth} > ${width}`);
      },
      { contextOptions: { viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true } },
    ));
});
