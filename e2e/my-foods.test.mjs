// End-to-end journeys of own foods and recipes (issue 12) on the release bundle, in headless
// Debian Chromium: a branded yogurt typed from its label (salt and % Daily Value converted),
// found by search, planned yesterday and edited — yesterday keeps its values until the person
// asks to update it; a family soup of 4 ingredients in 4 servings planned by the serving, the
// bars moving by the computed amounts; an export, cleared storage and import bring everything
// back; bad input is refused with a message and saves nothing; a hostile name renders as text;
// deleting a food a day uses keeps that day readable. Screenshots go to e2e/artifacts/.
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/my-foods.test.mjs

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

import { axeViolations, eventually, openPage, withPage } from './support/browser.mjs';
import { BackupPage, HomePage, MyFoodsPage, PlanPage, collapse, fillLocalStorage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';
import { readFoods, skipWithoutUsda } from './support/usda.mjs';

const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));
const served = useApp();

function journey(name, fn, options = {}) {
  test(name, { timeout: 180_000, skip: options.skip }, () => withPage(served.browser, name, fn, options));
}

async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** A US label, per serving of 170 g: K 240 mg, calcium 15 % DV, salt 1.2 g, 120 kcal. */
const YOGURT = {
  name: 'Greek yogurt 2 %',
  brand: 'Fage',
  serving: 170,
  values: { potassium: 240, calcium: [15, 'dv'], sodium: [1.2, 'salt'], energy: 120 },
  portions: [['1 pot', 170]],
};
const YOGURT_NAME = 'Greek yogurt 2 % (Fage)';

/** The planner's "+ Add" of the own food `id` after searching `query`. */
async function quickAddMine(plan, query, id) {
  await plan.byTestId('plan-search-input').fill(query);
  const add = plan.page.locator(`[data-testid="plan-quick-add"][data-my-id="${id}"]`);
  await add.click();
  await eventually(async () => /^Added /.test(collapse(await plan.byTestId('plan-add-status').textContent())), {
    describe: () => 'the own food was not added',
  });
}

describe('own foods and recipes', () => {
  journey('a yogurt from its label: converted, found, planned yesterday, edited — yesterday unchanged until asked', async (page) => {
    const mine = new MyFoodsPage(page, served.server.url);
    await mine.open();
    assert.equal(await mine.byTestId('my-foods-empty').count(), 1);
    await mine.byTestId('my-new-food').click();
    await mine.fillFood(YOGURT);
    // The conversions, shown as typed.
    assert.equal(collapse(await mine.byTestId('my-food-sodium-conversion').textContent()), '1.2 g salt ÷ 2.5 = 480 mg sodium');
    assert.equal(
      collapse(await mine.byTestId('my-food-calcium-conversion').textContent()),
      '15 % of the FDA Daily Value of 1,300 mg calcium = 195 mg',
    );
    await shot(page, 'my-food-form-1280.png');
    const id = await mine.save('my-food-save');
    assert.equal(collapse(await mine.byTestId('food-title').textContent()), YOGURT_NAME);
    // One pot: the label's figures back, sodium from the salt.
    assert.equal(await mine.valueText('sodium'), '480 mg');
    assert.equal(await mine.valueText('calcium'), '195 mg');
    assert.equal(await mine.valueText('potassium'), '240 mg');
    assert.equal(await mine.valueText('magnesium'), 'no data');
    assert.deepEqual(await axeViolations(page), [], 'axe on /my/<id>');

    // Search finds it, marked yours, before the USDA foods.
    const home = await new HomePage(page, served.server.url).open();
    await home.input.fill('greek yog');
    await mine.byTestId('search-result-yours').first().waitFor({ state: 'visible' });
    const first = home.resultsList.locator('li').first();
    assert.match(collapse(await first.innerText()), /^Greek yogurt 2 % \(Fage\) yours 1 pot, 170 g K 240 · Mg no data · Ca 195 · Na 480 mg/);
    assert.match(collapse(await home.byTestId('search-count').textContent()), /1 of yours\.$/);

    // Planned yesterday, in one tap from the planner's search.
    const plan = await new PlanPage(page, served.server.url).open();
    await plan.byTestId('day-previous').click();
    await eventually(async () => (await plan.readItems()).length === 0);
    await quickAddMine(plan, 'greek yog', id);
    await plan.expectBarNow('potassium', 240);
    await plan.expectBarNow('sodium', 480);

    // Edited: the label said 300 mg of potassium after all.
    await mine.openMine(id);
    await eventually(async () => /Planned on 1 day\./.test(collapse(await mine.byTestId('my-days-using').textContent())));
    await mine.byTestId('my-edit').click();
    await mine.byTestId('my-food-potassium').waitFor({ state: 'visible' });
    // The form shows the food per 100 g.
    assert.equal(await mine.byTestId('my-food-potassium').inputValue(), '141.18');
    await mine.byTestId('my-food-per-serving').check();
    await mine.byTestId('my-food-serving').fill('170');
    await mine.byTestId('my-food-potassium').fill('300');
    await mine.byTestId('my-food-sodium').fill('480');
    await mine.byTestId('my-food-calcium').fill('195');
    await mine.byTestId('my-food-energy').fill('120');
    await mine.save('my-food-save');
    assert.equal(await mine.valueText('potassium'), '300 mg');

    // Yesterday keeps what it was planned with.
    await plan.open();
    await plan.byTestId('day-previous').click();
    await plan.expectBarNow('potassium', 240);
    // Until asked: "update those days" brings it up to date.
    await mine.openMine(id);
    await mine.byTestId('my-update-days').click();
    await eventually(async () => /Updated 1 day/.test(collapse(await mine.byTestId('my-update-status').textContent())));
    await plan.open();
    await plan.byTestId('day-previous').click();
    await plan.expectBarNow('potassium', 300);
    await plan.expectBarNow('sodium', 480, 0.5);
  });

  journey(
    'a soup of 4 ingredients in 4 servings: one serving planned moves every bar by a quarter',
    async (page) => {
      const usda = readFoods();
      const spinach = usda.get('11457');
      const onion = usda.get('11282');
      const milk = usda.get('01077');
      const mine = new MyFoodsPage(page, served.server.url);
      await mine.createFood(YOGURT);
      const id = await mine.createRecipe({
        name: 'Grandma’s spinach soup',
        servings: 4,
        ingredients: [
          { query: 'spinach raw', title: spinach.description, amount: 300, unitLabel: 'g' },
          { query: 'onions raw', title: onion.description, amount: 100, unitLabel: 'g' },
          { query: 'milk whole vitamin d', title: milk.description, amount: 244, unitLabel: 'g' },
          { query: 'greek yog', title: YOGURT_NAME, amount: 1, unitLabel: '1 pot, 170 g' },
        ],
      });
      const per = (key, yogurt) => (spinach[key] * 3 + onion[key] + milk[key] * 2.44 + yogurt) / 4;
      assert.match(collapse(await mine.byTestId('my-food-meta').textContent()), /Your recipe · 4 ingredients · 4 servings/);
      assert.equal(await mine.byTestId('my-ingredients').locator('li').count(), 4);
      // The yogurt has no magnesium: at least, counted.
      assert.match(await mine.valueText('magnesium'), /^at least /);
      await shot(page, 'my-recipe-1280.png');
      await mine.addToPlan({ meal: 'lunch' });
      const plan = await new PlanPage(page, served.server.url).open();
      await plan.expectBarNow('potassium', per('potassium_mg', 240), 0.5);
      await plan.expectBarNow('sodium', per('sodium_mg', 480), 0.5);
      await plan.expectBarNow('calcium', per('calcium_mg', 195), 0.5);
      await plan.expectBarNow('magnesium', per('magnesium_mg', 0), 0.5);
      assert.match((await plan.readBar('magnesium')).valuetext ?? '', /no magnesium data/);
    },
    { skip: skipWithoutUsda },
  );

  journey('export, clear storage, import: own foods and recipes come back', async (page) => {
    const mine = new MyFoodsPage(page, served.server.url);
    const id = await mine.createFood(YOGURT);
    await mine.addToPlan({ meal: 'breakfast' });
    await mine.createRecipe({
      name: 'Yogurt bowl',
      servings: 1,
      ingredients: [{ query: 'greek yog', title: YOGURT_NAME, amount: 2, unitLabel: '1 pot, 170 g' }],
    });
    await mine.open();
    const before = await mine.names();
    assert.deepEqual(before, [YOGURT_NAME, 'Yogurt bowl']);
    const backup = await new BackupPage(page, served.server.url).open();
    const file = await backup.download('export-json');
    const foodsCsv = await backup.download('export-foods-csv');
    assert.match(foodsCsv.text, /Greek yogurt 2 % \(Fage\)/);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await mine.open();
    assert.equal(await mine.byTestId('my-foods-empty').count(), 1);
    await backup.open();
    await backup.chooseFile(file.path);
    await backup.readPreview();
    await backup.merge();
    await page.reload();
    await mine.open();
    assert.deepEqual(await mine.names(), before);
    await mine.openMine(id);
    assert.equal(await mine.valueText('sodium'), '480 mg');
    const plan = await new PlanPage(page, served.server.url).open();
    await plan.expectBarNow('sodium', 480);
  });

  journey('bad input is refused with a message and saves nothing; a hostile name is text', async (page) => {
    const mine = new MyFoodsPage(page, served.server.url);
    await mine.open();
    await mine.byTestId('my-new-food').click();
    const error = async () => collapse(await mine.byTestId('my-food-error').textContent());
    await mine.byTestId('my-food-save').click();
    await eventually(async () => (await error()) === 'Give the food a name.');
    await mine.fillFood({ name: 'Salt lick', values: { sodium: -5 } });
    await mine.byTestId('my-food-save').click();
    await eventually(async () => (await error()) === 'Sodium cannot be negative.');
    await mine.fillFood({ name: 'Salt lick', values: { sodium: 'abc' } });
    await mine.byTestId('my-food-save').click();
    await eventually(async () => (await error()) === 'Sodium: “abc” is not a number.');
    await mine.fillFood({ name: 'Salt lick', values: { sodium: 200000 } });
    await mine.byTestId('my-food-save').click();
    await eventually(async () => /^Sodium is more than 100 g per 100 g/.test(await error()));
    await mine.fillFood({ name: 'Salt lick', serving: '0', values: { sodium: 5 } });
    await mine.byTestId('my-food-save').click();
    await eventually(async () => (await error()) === 'A serving must weigh more than 0 g and at most 5 kg.');
    assert.equal(new URL(page.url()).pathname, '/foods/new');
    assert.equal(await page.evaluate(() => localStorage.getItem('ep.v2.mine')), null, 'nothing was saved');

    // A recipe without ingredients.
    await mine.open();
    await mine.byTestId('my-new-recipe').click();
    await mine.byTestId('my-recipe-name').fill('Nothing soup');
    await mine.byTestId('my-recipe-save').click();
    await eventually(async () => /ingredient/i.test(collapse(await mine.byTestId('my-recipe-error').textContent())));

    // Markup in a name is shown, never run.
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await mine.createFood({ name: hostile, values: { potassium: 100 } });
    assert.equal(collapse(await mine.byTestId('food-title').textContent()), hostile);
    await mine.open();
    assert.deepEqual(await mine.names(), [hostile]);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main img').count(), 0);
  });

  journey('a full storage keeps the new food on screen, says so, and a second save makes no copy', async (page) => {
    const mine = await new MyFoodsPage(page, served.server.url).open();
    await mine.byTestId('my-new-food').click();
    await mine.fillFood(YOGURT);
    assert.ok((await fillLocalStorage(page)) > 0);
    const error = async () => collapse(await mine.byTestId('my-food-error').textContent());
    await mine.byTestId('my-food-save').click();
    await eventually(async () => /^Not saved: this browser's storage is full/.test(await error()), { describe: error });
    await mine.byTestId('my-food-save').click();
    await eventually(async () => /^Not saved/.test(await error()));
    assert.equal(new URL(page.url()).pathname, '/foods/new', 'the form stays with what was typed');
    assert.equal(await mine.byTestId('my-food-name').inputValue(), YOGURT.name);
    assert.equal(await page.evaluate(() => localStorage.getItem('ep.v2.mine')), null);
    // In this tab it is there once, and leaving asks first.
    await mine.openFromNav();
    assert.deepEqual(await mine.names(), [YOGURT_NAME]);
    assert.match(collapse(await mine.byTestId('unsaved').textContent()), /your foods and recipes/);
  });

  journey('two tabs: a food made in one shows up in the other, and both are kept', async (page, context) => {
    const a = new MyFoodsPage(page, served.server.url);
    const pageB = await openPage(context);
    const b = await new MyFoodsPage(pageB, served.server.url).open();
    await a.createFood({ name: 'Rye bread, bakery', values: { potassium: 210 } });
    await eventually(async () => (await b.names()).includes('Rye bread, bakery'), {
      describe: () => 'the other tab did not show the new food',
    });
    await b.createFood({ name: 'Oat drink', values: { calcium: 120 } });
    await a.open();
    assert.deepEqual(await a.names(), ['Oat drink', 'Rye bread, bakery']);
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('ep.v2.mine')));
    assert.deepEqual(stored.d.foods.map((f) => f.name).sort(), ['Oat drink', 'Rye bread, bakery']);
  });

  journey('deleting a food a day uses keeps that day readable', async (page) => {
    const mine = new MyFoodsPage(page, served.server.url);
    const id = await mine.createFood(YOGURT);
    await mine.addToPlan({ meal: 'snacks' });
    await mine.byTestId('my-delete').click();
    assert.match(collapse(await mine.byTestId('my-delete-confirm').textContent()), /keep it, with the values they were planned with/);
    await mine.byTestId('my-delete-yes').click();
    await page.waitForURL(/\/foods$/);
    assert.equal(await mine.byTestId('my-foods-empty').count(), 1);
    const plan = await new PlanPage(page, served.server.url).open();
    assert.deepEqual((await plan.readItems()).map((i) => i.name), [YOGURT_NAME]);
    await plan.expectBarNow('sodium', 480);
    await mine.goto(`/my/${id}`);
    await mine.expectNotFound();
  });

  for (const [width, colorScheme] of [[360, 'light'], [360, 'dark'], [1280, 'light']]) {
    journey(`axe: 0 violations on /foods, the forms and /my/<id> at ${width} px, ${colorScheme}`, async (page) => {
      const mine = new MyFoodsPage(page, served.server.url);
      const id = await mine.createFood(YOGURT);
      const found = [];
      const check = async (name) => {
        const violations = await axeViolations(page, { impacts: ['minor', 'moderate', 'serious', 'critical'] });
        if (violations.length) found.push({ screen: name, violations });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
      };
      await check('/my/<id>');
      await shot(page, `my-food-${width}-${colorScheme}.png`);
      await mine.open();
      await check('/foods');
      await mine.goto(`/my/${id}/edit`);
      await mine.byTestId('my-food-name').waitFor({ state: 'visible' });
      await check('/my/<id>/edit');
      await mine.goto('/foods/new-recipe');
      await mine.byTestId('my-recipe-name').waitFor({ state: 'visible' });
      // Long portion names ("1 cup, chopped, 160 g") stay inside the page.
      for (const query of ['greek yog', 'onions raw', 'potato boiled']) {
        await mine.byTestId('my-recipe-search').fill(query);
        await mine.byTestId('my-recipe-result').first().click();
      }
      await check('/foods/new-recipe');
      await shot(page, `my-recipe-form-${width}-${colorScheme}.png`);
      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    }, { contextOptions: { viewport: { width, height: 800 }, colorScheme } });
  }
});
