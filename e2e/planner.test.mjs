// End-to-end journeys of the day planner (/plan, /targets) on the release bundle, in headless
// Debian Chromium; one server and browser for the file, a fresh context per test, and any
// console error, page error or failed request fails the test (support/browser.mjs).
//
// Expected bar values are computed from the USDA SR28 CSVs (support/usda.mjs): per-100 g
// value × grams / 100, summed over the day's items. Targets: a woman of 34 has the DRI row
// "Women 31–50 years": potassium 2,600 mg (AI), sodium at most 2,300 mg (CDRR).
//
// Run after `trunk build --release`: node --test e2e/   (E2E_DIST=/path/to/dist for another build)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axeViolations, eventually, withPage } from './support/browser.mjs';
import { FoodPage, PlanPage, TargetsPage } from './support/pages.mjs';
import { readFoods, readPortions, skipWithoutUsda } from './support/usda.mjs';
import { useApp } from './support/suite.mjs';

const BARS = ['potassium', 'magnesium', 'calcium', 'sodium'];
const BANANA = { ndb: '09040', query: 'banana raw', portion: /^medium/ };
const YOGURT = { ndb: '01116', query: 'yogurt plain whole milk', portion: /^cup/ };

const served = useApp();

function journey(name, fn, options = {}) {
  test(name, { timeout: 90_000, ...options }, () => withPage(served.browser, name, (page) => fn(page)));
}

/** A food from the CSVs with its portion matching `portion`: title, grams, the app's unit label. */
function usdaFood(foods, { ndb, query, portion }) {
  const food = foods.get(ndb);
  const p = readPortions(ndb).find((row) => row.amount === 1 && portion.test(row.unit));
  assert.ok(food && p, `${ndb} or its portion ${portion} is missing from the CSVs`);
  return { ...food, query, grams: p.grams, unitLabel: `1 ${p.unit}, ${p.grams} g` };
}

async function setWoman34(page) {
  const targets = await new TargetsPage(page, served.server.url).open();
  await targets.setProfile({ age: 34, sex: 'female' });
  await eventually(async () => (await targets.sourceText('potassium')).includes('Women 31–50 years'), {
    describe: () => 'the potassium target did not follow the profile woman 34',
  });
  return targets;
}

describe('day planner', () => {
  journey(
    'woman 34: banana + cup of yogurt → K, Mg, Ca, Na bars equal USDA sums; override K; remove and undo',
    async (page) => {
      const foods = readFoods();
      const banana = usdaFood(foods, BANANA);
      const yogurt = usdaFood(foods, YOGURT);
      const targets = await setWoman34(page);
      assert.equal(await targets.targetText('potassium'), '2,600 mg');

      const plan = await new PlanPage(page, served.server.url).openFromNav();
      await plan.addFood({ query: banana.query, title: banana.description, meal: 'breakfast', amount: 1, unitLabel: banana.unitLabel });
      await plan.addFood({ query: yogurt.query, title: yogurt.description, meal: 'snacks', amount: 1, unitLabel: yogurt.unitLabel });
      const items = await plan.readItems();
      assert.deepEqual(
        items.map(({ name, meal }) => ({ name, meal })),
        [
          { name: banana.description, meal: 'breakfast' },
          { name: yogurt.description, meal: 'snacks' },
        ],
      );

      for (const n of BARS) {
        const want = (banana[`${n}_mg`] * banana.grams) / 100 + (yogurt[`${n}_mg`] * yogurt.grams) / 100;
        const bar = await plan.expectBarNow(n, want);
        assert.equal(bar.min, 0, `${n} aria-valuemin`);
        assert.match(bar.label, /^[A-Z][a-z]+$/, `${n} aria-label`);
        assert.equal(bar.label.toLowerCase(), n);
        assert.ok(bar.valuetext.startsWith(bar.visible), `${n}: aria-valuetext "${bar.valuetext}" vs label "${bar.visible}"`);
        assert.match(bar.visible, /^[\d,.]+ \/ [\d,.]+ mg$/, `${n} visible label`);
      }
      assert.equal((await plan.readBar('potassium')).max, 2600);
      assert.equal((await plan.readBar('sodium')).max, 2300);

      // "Show sources": the yogurt gives more calcium than the banana.
      await plan.byTestId('progress-calcium-sources').click();
      const sources = await plan.byTestId('sources-calcium').getByTestId('source-item').allTextContents();
      assert.equal(sources.length, 2);
      assert.ok(sources[0].includes(yogurt.description), JSON.stringify(sources));

      // Overriding the potassium target moves the bar's maximum; the plan stays.
      const targetsAgain = await new TargetsPage(page, served.server.url).openFromNav();
      await targetsAgain.override('potassium', '3000');
      await eventually(async () => (await targetsAgain.targetText('potassium')) === '3,000 mg');
      await plan.openFromNav();
      await eventually(async () => (await plan.readBar('potassium')).max === 3000, {
        describe: () => 'progress-potassium aria-valuemax did not become 3000',
      });
      assert.equal((await plan.readItems()).length, 2);

      // Remove the banana, then undo: it returns in place, the bars with it.
      const kBoth = (await plan.readBar('potassium')).now;
      await plan.removeItem(banana.description);
      await eventually(async () => (await plan.readItems()).length === 1);
      assert.equal(await plan.byTestId('removal-text').textContent(), `Removed ${banana.description}. `);
      await plan.expectBarNow('potassium', (yogurt.potassium_mg * yogurt.grams) / 100);
      await plan.undo();
      await eventually(async () => JSON.stringify(await plan.readItems()) === JSON.stringify(items), {
        describe: () => 'undo did not restore the banana in place',
      });
      await plan.expectBarNow('potassium', kBoth);
    },
    { skip: skipWithoutUsda },
  );

  journey('bad input shows a message and changes nothing', async (page) => {
    const targets = await setWoman34(page);
    await targets.setProfile({ age: 200, sex: 'female' });
    await eventually(async () => (await targets.profileError()) === 'Enter an age of 120 years or less.');
    assert.ok((await targets.sourceText('potassium')).includes('Women 31–50 years'));
    await targets.override('potassium', '-5');
    await eventually(async () => (await targets.targetError('potassium')).length > 0);
    assert.equal(await targets.targetText('potassium'), '2,600 mg');

    const plan = await new PlanPage(page, served.server.url).openFromNav();
    await plan.addFood({ query: 'banana raw', title: 'Bananas, raw', meal: 'breakfast', amount: 1, unitLabel: '1 medium (7" to 7-7/8" long), 118 g' });
    const before = await plan.expectBarNow('potassium', 422.44);
    for (const bad of ['-1', 'abc', '0']) {
      await plan.setItemAmount('Bananas, raw', bad);
      await eventually(async () => (await plan.itemError('Bananas, raw')).endsWith('.'), {
        describe: () => `no message for the amount "${bad}"`,
      });
      assert.deepEqual(await plan.readBar('potassium'), before, `"${bad}" changed the potassium bar`);
    }
    // 50 kg of spinach is refused with a message; nothing is added.
    await plan.addFood({ query: 'spinach raw', title: 'Spinach, raw', meal: 'lunch', amount: 50000, unitLabel: 'g' });
    await eventually(async () => (await plan.byTestId('plan-add-error').textContent()).length > 0);
    assert.equal((await plan.readItems()).length, 1);
    assert.deepEqual(await plan.readBar('potassium'), before);
  });

  journey('food page: "Add to plan" with the chosen serving, confirmed with a link to the plan', async (page) => {
    const food = await new FoodPage(page, served.server.url).open('09040');
    await food.selectServing('1 medium (7" to 7-7/8" long), 118 g');
    await food.byTestId('add-to-plan-meal').selectOption('lunch');
    await food.byTestId('add-to-plan').click();
    const status = food.byTestId('add-to-plan-status');
    await eventually(async () => (await status.textContent()).includes('to lunch.'));
    await food.byTestId('add-to-plan-link').click();
    const plan = new PlanPage(page, served.server.url);
    await plan.byTestId('progress-potassium').waitFor({ state: 'visible' });
    assert.equal(plan.pathname(), '/plan');
    assert.deepEqual(await plan.readItems(), [{ id: (await plan.readItems())[0].id, name: 'Bananas, raw', meal: 'lunch' }]);
    await plan.expectBarNow('potassium', 422.44);
  });

  journey('/plan with items and /targets: no serious or critical axe-core violations', async (page) => {
    const plan = await new PlanPage(page, served.server.url).open();
    await plan.addFood({ query: 'banana raw', title: 'Bananas, raw', meal: 'breakfast', amount: 1, unitLabel: '1 medium (7" to 7-7/8" long), 118 g' });
    await plan.byTestId('progress-potassium-sources').click();
    await eventually(async () => (await plan.readItems()).length === 1);
    assert.deepEqual(await axeViolations(page), [], 'axe-core on /plan');
    await new TargetsPage(page, served.server.url).openFromNav();
    assert.deepEqual(await axeViolations(page), [], 'axe-core on /targets');
  });
});
