// Issue 10: "What to eat next" on the planner, end to end on the release build. A day with one
// banana gets three proposals sharing no food; one is added to lunch and every bar moves by
// exactly what it showed; Undo takes it back; a vegan preference never shows dairy, fish or
// eggs; a bad energy allowance is refused with a clear message and changes nothing; a realistic
// day (oatmeal with milk, a sandwich, pasta) gets ordinary foods in ordinary portions.
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/proposals.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { ARTIFACTS_DIR, axeViolations, eventually, withPage } from './support/browser.mjs';
import { collapse, parseAmount, PlanPage } from './support/pages.mjs';
import { REPO, useApp } from './support/suite.mjs';

const served = useApp();

const BANANA = Object.freeze({ query: 'banana raw', title: 'Bananas, raw' });
const BARS = Object.freeze(['potassium', 'magnesium', 'calcium', 'sodium', 'water']);

/** The pool's category of every food, by NDB number (data/proposal-pool.txt). */
const CATEGORY = new Map(
  readFileSync(`${REPO}data/proposal-pool.txt`, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .map(([ndb, , category]) => [ndb, category]),
);

/** YYYY-MM-DD today (UTC, as the context). */
const isoDate = () => new Date().toISOString().slice(0, 10);

/** Opens "What to eat next" and waits for its answer. */
async function openProposals(plan) {
  const panel = plan.byTestId('next-foods');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('> summary').click();
  await eventually(async () => (await plan.byTestId('proposal').count()) > 0 || (await plan.byTestId('proposals-met').count()) > 0 || (await plan.byTestId('proposals-none').count()) > 0, {
    describe: () => 'the proposals did not appear',
  });
}

/** Every proposal on screen: its foods ({ ndb, amount }) and each bar's "before → after" numbers. */
async function readProposals(plan) {
  return plan.page.$$eval('[data-testid="proposal"]', (cards) =>
    cards.map((card) => ({
      foods: [...card.querySelectorAll('[data-testid="proposal-food"]')].map((f) => ({
        ndb: f.getAttribute('data-ndb'),
        name: f.querySelector('.proposal-food-name').textContent,
        amount: f.querySelector('[data-testid="proposal-food-amount"]').textContent,
      })),
      changes: Object.fromEntries(
        [...card.querySelectorAll('[data-testid^="proposal-change-"]')].map((li) => [li.getAttribute('data-testid').replace('proposal-change-', ''), li.textContent]),
      ),
    })),
  );
}

/** "Potassium 422 → 1,234 mg" → the number after the arrow, in mg (ml for water). */
function afterValue(text) {
  const after = text.split('→')[1];
  return parseAmount(after.trim(), /ml|L\b/.test(after) ? 'ml' : 'mg');
}

describe('what to eat next', () => {
  test('one banana: three distinct proposals; one added to lunch moves every bar by what it showed; undo', { timeout: 120_000 }, () =>
    withPage(served.browser, 'proposals journey', async (page) => {
      await page.setViewportSize({ width: 360, height: 800 });
      const plan = await new PlanPage(page, served.server.url).open();
      await plan.quickAdd({ ...BANANA, meal: 'breakfast' });
      await eventually(async () => (await plan.readItems()).length === 1);
      await openProposals(plan);
      const proposals = await readProposals(plan);
      assert.equal(proposals.length, 3, JSON.stringify(proposals));
      const ndbs = proposals.flatMap((p) => p.foods.map((f) => f.ndb));
      assert.equal(new Set(ndbs).size, ndbs.length, `a food is in two proposals: ${ndbs}`);
      for (const p of proposals) {
        assert.ok(p.foods.length >= 1 && p.foods.length <= 3, JSON.stringify(p));
        for (const f of p.foods) {
          assert.ok(CATEGORY.has(f.ndb), `${f.ndb} is not in the pool`);
          const grams = Number(f.amount.match(/([\d.,]+) g$/)[1].replace(/,/g, ''));
          assert.ok(grams > 0 && grams <= 600, `${f.name}: ${f.amount}`);
        }
      }
      assert.match(collapse(await plan.byTestId('proposals-caution').textContent()), /kidney disease/);
      await page.screenshot({ path: `${ARTIFACTS_DIR}proposals-360.png`, fullPage: true });
      assert.deepEqual(await axeViolations(page), [], 'axe on the open proposals at 360 px');

      // Before: each bar as the proposal says it starts.
      const first = proposals[0];
      await plan.chooseMeal('lunch');
      await plan.byTestId('proposal').first().getByTestId('proposal-add').click();
      await eventually(async () => /^Added .* to lunch\.$/.test(collapse(await plan.byTestId('proposal-added').textContent())), {
        describe: () => 'no "Added … to lunch."',
      });
      const items = await plan.readItems();
      assert.equal(items.length, 1 + first.foods.length);
      assert.deepEqual(items.filter((i) => i.meal === 'lunch').map((i) => i.name).sort(), first.foods.map((f) => f.name).sort());
      for (const bar of BARS) {
        const want = afterValue(first.changes[bar]);
        const got = (await plan.readBar(bar)).now;
        // The proposal rounds as the bars' labels do: to the unit (mg) or a tenth.
        assert.ok(Math.abs(got - want) <= Math.max(0.5, want * 0.005), `${bar}: the bar is at ${got}, the proposal said ${first.changes[bar]}`);
      }

      // Undo: only the banana again, every bar back where it was.
      await plan.byTestId('proposal-undo').click();
      await eventually(async () => (await plan.readItems()).length === 1, { describe: () => 'undo did not take the proposal back' });
      const before = Number(first.changes.potassium.split('→')[0].replace(/[^\d.]/g, ''));
      assert.ok(Math.abs((await plan.readBar('potassium')).now - before) <= 0.5, 'potassium is back to the banana');
    }),
  );

  test('vegan: no dairy, fish, shellfish or eggs; "Not this" drops a food; bad energy allowances are refused', { timeout: 120_000 }, () =>
    withPage(served.browser, 'proposal preferences', async (page) => {
      const plan = await new PlanPage(page, served.server.url).open();
      await plan.quickAdd({ ...BANANA, meal: 'breakfast' });
      await openProposals(plan);
      await plan.byTestId('proposal-preferences').locator('> summary').click();
      await plan.byTestId('proposal-diet-vegan').check();
      const notVegan = new Set(['dairy', 'fish', 'shellfish', 'egg']);
      let seen;
      await eventually(async () => {
        seen = (await readProposals(plan)).flatMap((p) => p.foods);
        return seen.length > 0 && seen.every((f) => !notVegan.has(CATEGORY.get(f.ndb)));
      }, { describe: () => `not vegan: ${seen.filter((f) => notVegan.has(CATEGORY.get(f.ndb))).map((f) => f.name)}` });
      // Ten more: still vegan.
      for (let i = 0; i < 10 && (await plan.byTestId('proposals-another').count()) > 0; i += 1) {
        await plan.byTestId('proposals-another').click();
      }
      const all = (await readProposals(plan)).flatMap((p) => p.foods);
      assert.ok(all.length > 6, `only ${all.length} foods after Show another`);
      assert.deepEqual(all.filter((f) => notVegan.has(CATEGORY.get(f.ndb))), []);

      // "Not this" on the first food: never proposed again, listed to propose again.
      const dropped = all[0];
      await plan.byTestId('proposal-food').first().getByTestId('proposal-not-this').click();
      await eventually(async () => !(await readProposals(plan)).some((p) => p.foods.some((f) => f.ndb === dropped.ndb)), {
        describe: () => `${dropped.name} is still proposed`,
      });
      assert.match(collapse(await plan.byTestId('proposal-left-out').textContent()), new RegExp(dropped.name.replace(/[()]/g, '.')));
      // Kept in the settings.
      const settings = await page.evaluate(() => localStorage.getItem('ep.v1.settings'));
      assert.ok(settings.includes(dropped.ndb), settings);

      // Bad allowances: a message, nothing changes.
      const label = plan.page.locator('label[for="proposal-energy"]');
      for (const bad of ['-5', '0', '10000', 'abc']) {
        await plan.byTestId('proposal-energy-input').fill(bad);
        await plan.byTestId('proposal-energy-set').click();
        await eventually(async () => collapse(await plan.byTestId('proposal-energy-error').textContent()).length > 0, {
          describe: () => `no message for ${bad}`,
        });
        assert.match(collapse(await plan.byTestId('proposal-energy-error').textContent()), /^Enter the energy|^The energy for the proposed foods can be from 50 to 2,000 kcal\.$/);
        assert.match(collapse(await label.textContent()), /now 600 kcal/);
      }
      assert.equal(await page.evaluate(() => localStorage.getItem('ep.v1.settings')), settings, 'nothing stored changed');
      await plan.byTestId('proposal-energy-input').fill('300');
      await plan.byTestId('proposal-energy-set').click();
      await eventually(async () => /now 300 kcal/.test(collapse(await label.textContent())));
      assert.equal(collapse(await plan.byTestId('proposal-energy-error').textContent()), '');
    }),
  );

  test('a realistic day (oatmeal with milk, a sandwich, pasta): ordinary foods in ordinary portions', { timeout: 90_000 }, () =>
    withPage(served.browser, 'proposals realistic day', async (page) => {
      const plan = new PlanPage(page, served.server.url);
      await plan.goto('/about');
      // Oatmeal 234 g with 122 g of 2 % milk; whole-wheat bread 64 g, cheddar 28 g, ham 56 g; pasta 140 g.
      const food = (id, ndb, g) => ({ kind: 'food', id, ndb, amount: g, unit: 'g' });
      const day = {
        v: 1,
        next_id: 6,
        breakfast: [food(0, '08121', 234), food(1, '01079', 122)],
        lunch: [food(2, '18075', 64), food(3, '01009', 28), food(4, '07029', 56)],
        dinner: [food(5, '20121', 140)],
      };
      await page.evaluate(([key, record]) => {
        localStorage.setItem('ep.schema', '1');
        localStorage.setItem(key, record);
      }, [`ep.v1.day.${isoDate()}`, JSON.stringify({ v: 1, rev: 1, d: { p: day } })]);
      for (const [width, name] of [[360, 'proposals-day-360.png'], [1280, 'proposals-day-1280.png']]) {
        await page.setViewportSize({ width, height: 900 });
        await page.reload();
        await plan.open();
        assert.equal((await plan.readItems()).length, 6);
        await openProposals(plan);
        const proposals = await readProposals(plan);
        assert.equal(proposals.length, 3);
        await plan.byTestId('next-foods').screenshot({ path: `${ARTIFACTS_DIR}${name}` });
        for (const bar of ['sodium']) {
          for (const p of proposals) assert.ok(afterValue(p.changes[bar]) <= 2_300, `${p.changes[bar]} is over the limit`);
        }
      }
    }),
  );
});
