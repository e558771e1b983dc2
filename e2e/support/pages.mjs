// Page objects for Electrolyte Planner. They find elements only through `data-testid`
// (plus the plain <a>/<option> elements inside them), following the UI contract:
//
//   routes: /  (home, search) · /food/<5-digit NDB> · /rich · /plan · /targets · /about; anything else, and an
//   unknown NDB, shows [data-testid=not-found]. performance.mark("app-interactive") fires
//   once the search box is usable; every search records performance.measure("search").

import assert from 'node:assert/strict';
import { eventually } from './browser.mjs';

export const NUTRIENTS = Object.freeze(['potassium', 'magnesium', 'calcium', 'sodium', 'energy', 'water']);
export const MINERALS = Object.freeze(['potassium', 'magnesium', 'calcium']);

/** `s` with runs of white space made one space, trimmed. */
export const collapse = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The number shown in a text like "422 mg", "16,500 mg", "1.2 g", "16 %", in the unit of
 * `baseUnit` (mg by default: "1.2 g" -> 1200). NaN when the text holds no number.
 */
export function parseAmount(text, baseUnit = 'mg') {
  const m = collapse(text).match(/(-?\d[\d,\u00a0\u202f]*(?:\.\d+)?)\s*(µg|mcg|mg|kg|g|kcal|%)?/i);
  if (!m) return Number.NaN;
  const n = Number(m[1].replace(/[,\u00a0\u202f]/g, ''));
  const unit = (m[2] ?? '').toLowerCase();
  if (baseUnit === 'mg') {
    if (unit === 'g') return n * 1000;
    if (unit === 'kg') return n * 1e6;
    if (unit === 'µg' || unit === 'mcg') return n / 1000;
  }
  return n;
}

/** NDB number ("09040") from a link like "/food/09040" or "http://host/food/09040". */
export function ndbFromHref(href) {
  const m = String(href ?? '').match(/\/food\/(\d{5})\/?(?:[?#].*)?$/);
  return m ? m[1] : null;
}

/** The ways a label may print `exact` `unit`: 0, 1 or 2 decimals, trailing zeros dropped. */
export function amountTexts(exact, unit) {
  const out = new Set();
  for (const decimals of [0, 1, 2]) {
    const plain = String(Number(exact.toFixed(decimals)));
    const [int, frac] = plain.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    for (const n of [plain, frac ? `${grouped}.${frac}` : grouped]) out.add(`${n} ${unit}`);
  }
  return [...out];
}

export class App {
  /** @param {import('playwright-core').Page} page @param {string} baseUrl no trailing slash */
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  url(path) {
    return `${this.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  async goto(path) {
    const response = await this.page.goto(this.url(path), { waitUntil: 'load' });
    assert.ok(response?.ok(), `GET ${path} answered ${response?.status()}`);
    return response;
  }

  pathname() {
    return new URL(this.page.url()).pathname;
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  get notFound() {
    return this.byTestId('not-found');
  }

  async expectNotFound() {
    await this.notFound.first().waitFor({ state: 'visible' });
  }

  /** All visible text of the page (to check for "NaN", "undefined"...). */
  async bodyText() {
    return this.page.locator('body').innerText();
  }

  /** performance.mark("app-interactive") entries so far. */
  async interactiveMarks() {
    return this.page.evaluate(() =>
      performance.getEntriesByName('app-interactive', 'mark').map((e) => e.startTime),
    );
  }

  async waitForInteractive(timeout = 15_000) {
    await this.page.waitForFunction(
      () => performance.getEntriesByName('app-interactive', 'mark').length > 0,
      null,
      { timeout },
    );
  }
}

export class HomePage extends App {
  get input() {
    return this.byTestId('search-input');
  }
  get resultsList() {
    return this.byTestId('search-results');
  }
  get results() {
    return this.byTestId('search-result');
  }
  get noMatch() {
    return this.byTestId('search-no-match');
  }
  /** The role=status line of the one-tap add ("Added … to breakfast. See the day plan"). */
  get addStatus() {
    return this.byTestId('search-add-status');
  }
  /** Its "See the day plan" link. */
  get addStatusLink() {
    return this.byTestId('search-add-status-link');
  }
  /** The "+ Add" of the result for `ndb` ("09040"). */
  quickAdd(ndb) {
    return this.page.locator(`[data-testid="search-quick-add"][data-ndb="${ndb}"]`);
  }

  async open() {
    await this.goto('/');
    await this.waitForInteractive();
    await this.input.waitFor({ state: 'visible' });
    return this;
  }

  /**
   * [{title, href, ndb, minerals, portion, selected}] for the results shown now. `portion` is the
   * default portion "+ Add" adds ("1 medium (7" to 7-7/8" long), 118 g"); `selected` is the row
   * the arrow keys are on: its link has the focus (or, in a listbox, it is aria-selected).
   */
  async readResults() {
    return this.results.evaluateAll((items) =>
      items.map((li) => {
        const a = li.querySelector('a');
        const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const minerals = li.querySelector('[data-testid="result-minerals"]');
        // The description: its own element, else the link's text without the figures.
        let name = li.querySelector('[data-testid="result-name"]');
        if (!name && a) {
          name = a.cloneNode(true);
          name.querySelectorAll('[data-testid="result-minerals"], [data-testid="result-portion"]').forEach((m) => m.remove());
        }
        return {
          title: text(name),
          href: a?.getAttribute('href') ?? null,
          minerals: text(minerals),
          portion: text(li.querySelector('[data-testid="result-portion"]')),
          selected:
            (a !== null && a === document.activeElement) ||
            li.getAttribute('aria-selected') === 'true' ||
            li.querySelector('[aria-selected="true"]') !== null,
        };
      }),
    ).then((rows) => rows.map((r) => ({ ...r, ndb: ndbFromHref(r.href) })));
  }

  async resultTitles() {
    return (await this.readResults()).map((r) => r.title);
  }

  /**
   * Type `query` into the search box (replacing what is there) and wait until the results
   * or the no-match message show and stop changing.
   */
  async search(query, { typeSlowly = false } = {}) {
    if (typeSlowly) {
      await this.input.fill('');
      await this.input.pressSequentially(query, { delay: 20 });
    } else {
      await this.input.fill(query);
    }
    return this.settle();
  }

  /** Wait for results (or no-match) that stay the same over a few frames; return them. */
  async settle({ timeout = 5_000 } = {}) {
    let previous = null;
    const rows = await eventually(
      async () => {
        const noMatch = await this.noMatch.isVisible();
        const now = await this.readResults();
        const snapshot = JSON.stringify([noMatch, now]);
        const stable = snapshot === previous && (noMatch || now.length > 0);
        previous = snapshot;
        return stable ? now : null;
      },
      { timeout, interval: 60, describe: () => `search results did not settle (last: ${previous})` },
    );
    return rows;
  }

  /** Index of the result the arrow keys are on (see readResults), -1 if none; fails if several are. */
  async selectedIndex() {
    const rows = await this.readResults();
    const selected = rows.flatMap((r, i) => (r.selected ? [i] : []));
    assert.ok(selected.length <= 1, `several results are selected: ${selected}`);
    return selected.length ? selected[0] : -1;
  }

  async openResult(index = 0) {
    await this.results.nth(index).locator('a').first().click();
  }

  /**
   * Taps "+ Add" on the result for `ndb` (one tap) and waits for the status line; returns its
   * text ("Added 1 medium (…), 118 g of Bananas, raw to breakfast. See the day plan").
   */
  async addResult(ndb) {
    const before = collapse(await this.addStatus.textContent());
    await this.quickAdd(ndb).click();
    let now;
    await eventually(async () => (now = collapse(await this.addStatus.textContent())) !== before && now !== '', {
      describe: () => `"+ Add" on ${ndb} changed no search-add-status (still ${JSON.stringify(now)})`,
    });
    return now;
  }
}

export class FoodPage extends App {
  get title() {
    return this.byTestId('food-title');
  }
  get servingSelect() {
    return this.byTestId('serving-select');
  }
  get amountInput() {
    return this.byTestId('amount-input');
  }
  get amountUnit() {
    return this.byTestId('amount-unit');
  }
  get amountError() {
    return this.byTestId('amount-error');
  }
  value(nutrient) {
    return this.byTestId(`value-${nutrient}`);
  }
  percent(nutrient) {
    return this.byTestId(`percent-${nutrient}`);
  }

  async open(ndb) {
    await this.goto(`/food/${ndb}`);
    await this.waitForTitle();
    return this;
  }

  async waitForTitle() {
    await this.title.waitFor({ state: 'visible' });
    return collapse(await this.title.textContent());
  }

  async titleText() {
    return collapse(await this.title.textContent());
  }

  async servingOptions() {
    return (await this.servingSelect.locator('option').allTextContents()).map(collapse);
  }

  /** Choose the serving whose label equals `label`, else the first that starts with it. */
  async selectServing(label) {
    const options = await this.servingOptions();
    let index = options.indexOf(label);
    if (index < 0) index = options.findIndex((o) => o.startsWith(label));
    assert.ok(index >= 0, `no serving option like ${JSON.stringify(label)} in ${JSON.stringify(options)}`);
    await this.servingSelect.selectOption({ index });
    return options[index];
  }

  async valueText(nutrient) {
    return collapse(await this.value(nutrient).textContent());
  }

  async percentText(nutrient) {
    return collapse(await this.percent(nutrient).textContent());
  }

  /** Wait until value-<nutrient> reads exactly `expected` (e.g. "422 mg"). */
  async expectValue(nutrient, expected, timeout = 5_000) {
    let last;
    await eventually(async () => (last = await this.valueText(nutrient)) === expected, {
      timeout,
      describe: () => `value-${nutrient} is ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`,
    });
  }

  /**
   * Wait until value-<nutrient> shows `exact` (e.g. 422.44) in `unit`, rounded to whole units
   * or to one or two decimals, with or without thousands separators: "422 mg", "422.4 mg",
   * "5.9 mg" or "6 mg" for 5.9. Any other number fails.
   */
  async expectAmount(nutrient, exact, unit, timeout = 5_000) {
    const accepted = amountTexts(exact, unit);
    let last;
    await eventually(async () => accepted.includes((last = await this.valueText(nutrient))), {
      timeout,
      describe: () => `value-${nutrient} is ${JSON.stringify(last)}, expected ${exact} ${unit}: one of ${JSON.stringify(accepted)}`,
    });
    return last;
  }

  /** {potassium: "422 mg", ...} for every nutrient shown. */
  async allValues() {
    const out = {};
    for (const n of NUTRIENTS) out[n] = await this.valueText(n);
    return out;
  }

  /** Pick "Custom amount" (if not already), then type `amount` and choose `unit` (g/oz). */
  async setCustomAmount(amount, unit) {
    if (!(await this.amountInput.isVisible())) {
      await this.selectServing('Custom amount');
      await this.amountInput.waitFor({ state: 'visible' });
    }
    if (unit) await this.amountUnit.selectOption(unit);
    await this.amountInput.fill(String(amount));
  }
}

export class RichPage extends App {
  get mineral() {
    return this.byTestId('rich-mineral');
  }
  get basis() {
    return this.byTestId('rich-basis');
  }
  get group() {
    return this.byTestId('rich-group');
  }
  get lowSodium() {
    return this.byTestId('rich-low-sodium');
  }
  get list() {
    return this.byTestId('rich-list');
  }
  get items() {
    return this.byTestId('rich-item');
  }
  /** "Today you are furthest from your magnesium target (42 %)." */
  get shortest() {
    return this.byTestId('rich-shortest');
  }
  /** The role=status line of the one-tap add. */
  get addStatus() {
    return this.byTestId('rich-add-status');
  }

  /** Opens `/rich`, or `/rich?<search>` ("mineral=calcium&basis=per100g"). */
  async open(search = '') {
    await this.goto(search ? `/rich?${search}` : '/rich');
    await this.mineral.waitFor({ state: 'visible' });
    return this;
  }

  /** [{ndb, href, name, valueText, value}] for the items shown now (value in mg for mg/g). */
  async readItems() {
    const rows = await this.items.evaluateAll((items) =>
      items.map((li) => {
        const a = li.querySelector('a[href*="/food/"]') ?? li.querySelector('a');
        const v = li.querySelector('[data-testid="rich-value"]');
        return {
          href: a?.getAttribute('href') ?? null,
          name: (a?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          valueText: (v?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        };
      }),
    );
    return rows.map((r) => ({ ...r, ndb: ndbFromHref(r.href), value: parseAmount(r.valueText) }));
  }

  /** Wait for a non-empty list that stays the same over a few polls; return it. */
  async settle({ timeout = 5_000 } = {}) {
    let previous = null;
    return eventually(
      async () => {
        const now = await this.readItems();
        const snapshot = JSON.stringify(now);
        const stable = snapshot === previous && now.length > 0;
        previous = snapshot;
        return stable ? now : null;
      },
      { timeout, interval: 60, describe: () => `rich list did not settle on a non-empty list (last: ${previous})` },
    );
  }

  /** Run `change()`, then wait until the list differs from before; return the new list. */
  async changeAndWait(change, what = 'the change', { timeout = 5_000 } = {}) {
    const before = JSON.stringify(await this.settle());
    await change();
    let last;
    await eventually(
      async () => {
        last = JSON.stringify(await this.readItems());
        return last !== before && last !== '[]';
      },
      { timeout, describe: () => `the rich list did not change after ${what} (still ${before})` },
    );
    return this.settle();
  }

  async selectMineral(value) {
    await this.mineral.selectOption(value);
  }
  async selectBasis(value) {
    await this.basis.selectOption(value);
  }
  async selectGroup(value) {
    await this.group.selectOption(value);
  }
  async setLowSodium(on) {
    await this.lowSodium.setChecked(on);
  }

  /** The "+ Add" of the row for `ndb`. */
  quickAdd(ndb) {
    return this.page.locator(`[data-testid="rich-quick-add"][data-ndb="${ndb}"]`);
  }

  /** Taps "+ Add" on the row for `ndb` (one tap); returns the status line once it changed. */
  async addItem(ndb) {
    const before = collapse(await this.addStatus.textContent());
    await this.quickAdd(ndb).click();
    let now;
    await eventually(async () => (now = collapse(await this.addStatus.textContent())) !== before && now !== '', {
      describe: () => `"+ Add" on ${ndb} changed no rich-add-status (still ${JSON.stringify(now)})`,
    });
    return now;
  }
}

/** The day planner at /plan: progress bars, add forms, meals with their items. */
export class PlanPage extends App {
  async open() {
    await this.goto('/plan');
    await this.byTestId('progress-potassium').waitFor({ state: 'visible' });
    return this;
  }

  /** Goes to /plan through the main navigation ("Plan"), keeping the app's state. */
  async openFromNav() {
    await this.byTestId('nav-plan').click();
    await this.byTestId('progress-potassium').waitFor({ state: 'visible' });
    return this;
  }

  bar(nutrient) {
    return this.byTestId(`progress-${nutrient}`);
  }

  /** A bar's ARIA state: numbers for now/min/max, texts for label/valuetext, plus its visible label. */
  async readBar(nutrient) {
    const bar = this.bar(nutrient);
    const [now, min, max, label, valuetext, visible] = await Promise.all([
      bar.getAttribute('aria-valuenow'),
      bar.getAttribute('aria-valuemin'),
      bar.getAttribute('aria-valuemax'),
      bar.getAttribute('aria-label'),
      bar.getAttribute('aria-valuetext'),
      this.byTestId(`progress-${nutrient}-label`).textContent(),
    ]);
    return { now: Number(now), min: Number(min), max: Number(max), label, valuetext, visible: collapse(visible) };
  }

  /** Waits until `nutrient`'s bar reads `now` (±tolerance) and returns it. */
  async expectBarNow(nutrient, now, tolerance = 0.01, timeout = 5_000) {
    let last;
    await eventually(async () => Math.abs((last = await this.readBar(nutrient)).now - now) <= tolerance, {
      timeout,
      describe: () => `progress-${nutrient} aria-valuenow ${last?.now}, expected ${now.toFixed(2)}`,
    });
    return last;
  }

  /** Chooses the meal the add forms add to (one tap on its radio button). */
  async chooseMeal(meal) {
    await this.byTestId(`plan-meal-${meal}`).check();
  }

  /** The search result row titled `title` for `query` (exact food description). */
  async findResult(query, title) {
    await this.byTestId('plan-search-input').fill(query);
    const pick = this.byTestId('plan-search-result').filter({
      has: this.page.locator('.result-name').getByText(title, { exact: true }),
    });
    await pick.first().waitFor({ state: 'visible' });
    return pick.first().locator('xpath=..');
  }

  /** Searches, chooses the result titled `title`, and adds `amount` of the unit labelled `unitLabel` to `meal`. */
  async addFood({ query, title, meal, amount, unitLabel }) {
    await this.chooseMeal(meal);
    const row = await this.findResult(query, title);
    await row.getByTestId('plan-search-result').click();
    await eventually(async () => (await this.byTestId('plan-chosen-food').textContent()) === title, {
      describe: () => `choosing "${title}" for the plan`,
    });
    await this.byTestId('plan-add-unit').selectOption({ label: unitLabel });
    await this.byTestId('plan-add-amount').fill(String(amount));
    await this.byTestId('plan-add-food').click();
  }

  /** Adds the food titled `title` in its default portion with the result's "+ Add" button. */
  async quickAdd({ query, title, meal }) {
    if (meal) await this.chooseMeal(meal);
    const row = await this.findResult(query, title);
    await row.getByTestId('plan-quick-add').click();
  }

  /** Opens an item's editor (its row is a disclosure). */
  async openItem(name) {
    const details = this.item(name).locator('details');
    if (!(await details.evaluate((d) => d.open))) await this.item(name).getByTestId('item-summary').click();
  }

  items() {
    return this.byTestId('plan-item');
  }

  /** The item rows, as { id, name, meal } in page order. */
  async readItems() {
    return this.page.$$eval('[data-testid="plan-item"]', (rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-item-id'),
        name: row.querySelector('[data-testid="item-name"]')?.textContent ?? '',
        meal: row.closest('[data-testid^="meal-"]')?.getAttribute('data-testid')?.replace('meal-', '') ?? '',
      })),
    );
  }

  item(name) {
    return this.items().filter({ has: this.page.getByTestId('item-name').getByText(name, { exact: true }) });
  }

  async setItemAmount(name, text) {
    await this.openItem(name);
    await this.item(name).getByTestId('item-amount').fill(text);
  }

  async itemError(name) {
    return collapse(await this.item(name).getByTestId('item-error').textContent());
  }

  async removeItem(name) {
    await this.openItem(name);
    await this.item(name).getByTestId('item-remove').click();
  }

  async undo() {
    await this.byTestId('undo-remove').click();
  }
}

/** The profile and targets at /targets. */
export class TargetsPage extends App {
  async open() {
    await this.goto('/targets');
    await this.byTestId('profile-age').waitFor({ state: 'visible' });
    return this;
  }

  /** Goes to /targets through the main navigation ("Targets"), keeping the app's state. */
  async openFromNav() {
    await this.byTestId('nav-targets').click();
    await this.byTestId('profile-age').waitFor({ state: 'visible' });
    return this;
  }

  async setProfile({ age, sex, stage }) {
    await this.byTestId('profile-age').fill(String(age));
    await this.byTestId('profile-sex').selectOption(sex);
    if (stage) await this.byTestId('profile-stage').selectOption(stage);
    await this.byTestId('profile-submit').click();
  }

  async profileError() {
    return collapse(await this.byTestId('profile-error').textContent());
  }

  async targetText(nutrient) {
    return collapse(await this.byTestId(`target-amount-${nutrient}`).textContent());
  }

  async sourceText(nutrient) {
    return collapse(await this.byTestId(`target-source-${nutrient}`).textContent());
  }

  async override(nutrient, text) {
    await this.byTestId(`target-input-${nutrient}`).fill(String(text));
    await this.byTestId(`target-set-${nutrient}`).click();
  }

  async targetError(nutrient) {
    return collapse(await this.byTestId(`target-error-${nutrient}`).textContent());
  }
}

/** Own foods and recipes: the list at /foods, the food and recipe forms, and /my/<id>. */
export class MyFoodsPage extends App {
  async open() {
    await this.goto('/foods');
    await this.byTestId('my-new-food').waitFor({ state: 'visible' });
    return this;
  }

  async openFromNav() {
    await this.byTestId('nav-my-foods').click();
    await this.byTestId('my-new-food').waitFor({ state: 'visible' });
    return this;
  }

  /** Names in the list, in its order. */
  async names() {
    return (await this.byTestId('my-food-link').allTextContents()).map(collapse);
  }

  /**
   * Fills the food form from a label: `values` maps a nutrient key to a number or
   * [number, 'salt' | 'dv']; `serving` = grams per serving (else per 100 g);
   * `portions` = [[label, grams]].
   */
  async fillFood({ name, brand = '', serving, values = {}, portions = [] }) {
    await this.byTestId('my-food-name').fill(name);
    await this.byTestId('my-food-brand').fill(brand);
    if (serving) {
      await this.byTestId('my-food-per-serving').check();
      await this.byTestId('my-food-serving').fill(String(serving));
    } else {
      await this.byTestId('my-food-per-100g').check();
    }
    for (const [key, v] of Object.entries(values)) {
      const [value, stated] = Array.isArray(v) ? v : [v, 'amount'];
      await this.byTestId(`my-food-${key}`).fill(String(value));
      const unit = this.byTestId(`my-food-${key}-unit`);
      if (await unit.count()) await unit.selectOption(stated);
    }
    for (let i = 0; i < portions.length; i++) {
      if (!(await this.byTestId(`my-food-portion-${i}`).count())) await this.byTestId('my-food-add-portion').click();
      await this.byTestId(`my-food-portion-${i}`).fill(portions[i][0]);
      await this.byTestId(`my-food-portion-${i}-g`).fill(String(portions[i][1]));
    }
  }

  /** Creates a food from /foods; returns its id (from /my/<id>). */
  async createFood(food) {
    await this.open();
    await this.byTestId('my-new-food').click();
    await this.byTestId('my-food-name').waitFor({ state: 'visible' });
    await this.fillFood(food);
    return this.save('my-food-save');
  }

  /** Saves a form and waits for the page of what was saved; returns its id. */
  async save(testId) {
    await this.byTestId(testId).click();
    await this.page.waitForURL(/\/my\/\d+$/);
    await this.byTestId('my-food-meta').waitFor({ state: 'visible' });
    return this.pathname().split('/').pop();
  }

  /** Creates a recipe: `ingredients` = [{ query, title, amount, unitLabel }]. */
  async createRecipe({ name, ingredients, servings, cooked }) {
    await this.open();
    await this.byTestId('my-new-recipe').click();
    await this.byTestId('my-recipe-name').fill(name);
    for (const [i, ing] of ingredients.entries()) {
      await this.byTestId('my-recipe-search').fill(ing.query);
      const pick = this.byTestId('my-recipe-result').filter({
        has: this.page.locator('.result-name').getByText(ing.title, { exact: true }),
      });
      await pick.first().click();
      await this.byTestId(`my-recipe-amount-${i}`).fill(String(ing.amount));
      await this.byTestId(`my-recipe-unit-${i}`).selectOption({ label: ing.unitLabel });
    }
    await this.byTestId('my-recipe-servings').fill(String(servings));
    if (cooked) await this.byTestId('my-recipe-cooked').fill(String(cooked));
    return this.save('my-recipe-save');
  }

  /** Opens /my/<id>. */
  async openMine(id) {
    await this.goto(`/my/${id}`);
    await this.byTestId('my-food-meta').waitFor({ state: 'visible' });
    return this;
  }

  /** The Amount column of a nutrient on /my/<id>. */
  async valueText(nutrient) {
    return collapse(await this.byTestId(`value-${nutrient}`).textContent());
  }

  /** "Add to plan" of `amount` units labelled `unitLabel` to `meal`. */
  async addToPlan({ amount, unitLabel, meal }) {
    if (amount !== undefined) await this.byTestId('my-amount').fill(String(amount));
    if (unitLabel) await this.byTestId('my-unit').selectOption({ label: unitLabel });
    if (meal) await this.byTestId('add-to-plan-meal').selectOption(meal);
    await this.byTestId('add-to-plan').click();
    await eventually(async () => /^Added /.test(collapse(await this.byTestId('add-to-plan-status').textContent())), {
      describe: () => 'the add was not confirmed',
    });
  }
}

/** Backup at /backup: export, import with a preview, unreadable data, storage use. */
export class BackupPage extends App {
  async open() {
    await this.goto('/backup');
    await this.byTestId('export-json').waitFor({ state: 'visible' });
    return this;
  }

  /** Goes to /backup through the main navigation ("Backup"), keeping the app's state. */
  async openFromNav() {
    await this.byTestId('nav-backup').click();
    await this.byTestId('export-json').waitFor({ state: 'visible' });
    return this;
  }

  /** Clicks an export button (`export-json`, `export-foods-csv`, `export-days-csv`): { name, text, path }. */
  async download(testId = 'export-json') {
    return downloadOf(this.page, () => this.byTestId(testId).click());
  }

  /** Picks a file for import: a path, or { name, mimeType, buffer }. */
  async chooseFile(file) {
    await this.byTestId('import-file').setInputFiles(file);
  }

  async importError() {
    return collapse(await this.byTestId('import-error').textContent());
  }

  /** Waits for the preview and returns its counts: { text, new, changed, identical, onlyHere, locked }. */
  async readPreview() {
    await this.byTestId('import-preview').waitFor({ state: 'visible' });
    const n = async (id) => Number(await this.byTestId(id).textContent());
    return {
      text: collapse(await this.byTestId('import-preview-text').textContent()),
      new: await n('import-new'),
      changed: await n('import-changed'),
      identical: await n('import-identical'),
      onlyHere: await n('import-only-here'),
      locked: await n('import-locked'),
    };
  }

  async merge() {
    await this.byTestId('import-merge').click();
    return this.outcome();
  }

  /** Replace, confirmed: resolves to { backup: the automatic download, outcome }. */
  async replace() {
    await this.byTestId('import-replace').click();
    const backup = await downloadOf(this.page, () => this.byTestId('import-replace-confirm').click());
    return { backup, outcome: await this.outcome() };
  }

  async outcome() {
    await this.byTestId('import-outcome').waitFor({ state: 'visible' });
    return collapse(await this.byTestId('import-outcome').textContent());
  }

  /** An unreadable value's row, by its storage key. */
  unreadable(key) {
    return this.page.locator(`[data-testid="unreadable-item"][data-key="${key}"]`);
  }

  async unreadableKeys() {
    return this.page.$$eval('[data-testid="unreadable-item"]', (rows) => rows.map((r) => r.getAttribute('data-key')));
  }

  async downloadUnreadable(key) {
    return downloadOf(this.page, () => this.unreadable(key).getByTestId('unreadable-download').click());
  }

  async discardUnreadable(key) {
    await this.unreadable(key).getByTestId('unreadable-discard').click();
    await this.unreadable(key).getByTestId('unreadable-discard-confirm').click();
  }

  async storageUsed() {
    return collapse(await this.byTestId('storage-used').textContent());
  }
}

/** Runs `action` and returns the download it starts: { name, text, path }. */
export async function downloadOf(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), action()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/** Every localStorage entry of the page's origin, as a plain object. */
export async function readLocalStorage(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** Fills localStorage with other keys until even one more character is refused; returns how many keys it took. */
export async function fillLocalStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 23; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`junk.${n}`, 'x'.repeat(size));
          n += 1;
        } catch {
          break;
        }
      }
    }
    return n;
  });
}

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The diary at /diary: cramp log, activity, notes, warning signs, copying, past days. */
export class DiaryPage extends App {
  async open() {
    await this.goto('/diary');
    await this.waitForReady();
    return this;
  }

  /** Goes to /diary through the main navigation ("Diary"), keeping the app's state. */
  async openFromNav() {
    await this.byTestId('nav-diary').click();
    await this.waitForReady();
    return this;
  }

  async waitForReady() {
    await this.byTestId('cramp-add').waitFor({ state: 'visible' });
  }

  /** The open date as YYYY-MM-DD (the day picker's date field). */
  async openDate() {
    return this.byTestId('day-date').inputValue();
  }

  /** Opens `date` (YYYY-MM-DD) through the day picker and waits for it. */
  async openDay(date) {
    await this.byTestId('day-date').fill(date);
    await eventually(async () => (await this.openDate()) === date, { describe: () => `opening ${date}` });
  }

  async previousDay() {
    const before = await this.openDate();
    await this.byTestId('day-previous').click();
    await eventually(async () => (await this.openDate()) !== before, { describe: () => 'going to the previous day' });
  }

  async nextDay() {
    const before = await this.openDate();
    await this.byTestId('day-next').click();
    await eventually(async () => (await this.openDate()) !== before, { describe: () => 'going to the next day' });
  }

  async mealsText() {
    return collapse(await this.byTestId('diary-meals').textContent());
  }

  /**
   * Fills the cramp form and submits it. Fields left undefined are left as they are; `helped`
   * is a list of relief keys (stretching, massage, walking, heat, other).
   */
  async logCramp({ time, place, side, severity, minutes, helped = [], swelling, numbness, note } = {}) {
    if (time !== undefined) await this.byTestId('cramp-time').fill(time);
    if (place) await this.byTestId(`cramp-place-${place}`).check();
    if (side) await this.byTestId(`cramp-side-${side}`).check();
    if (severity !== undefined) await this.byTestId('cramp-severity').fill(String(severity));
    if (minutes !== undefined) await this.byTestId('cramp-minutes').fill(String(minutes));
    for (const key of helped) await this.byTestId(`cramp-helped-${key}`).check();
    if (swelling !== undefined) await this.byTestId('cramp-swelling').setChecked(swelling);
    if (numbness !== undefined) await this.byTestId('cramp-numbness').setChecked(numbness);
    if (note !== undefined) await this.byTestId('cramp-note').fill(note);
    await this.byTestId('cramp-add').click();
  }

  async crampError() {
    return collapse(await this.byTestId('cramp-error').textContent());
  }

  /** Waits until the cramp form shows an error and returns it. */
  async expectCrampError(describe = 'a cramp error') {
    let last;
    await eventually(async () => (last = await this.crampError()).length > 0, { describe: () => `no ${describe}` });
    return last;
  }

  cramps() {
    return this.byTestId('cramp-item');
  }

  /** The logged episodes shown now: [{summary, details, note}]. */
  async readCramps() {
    return this.page.$$eval('[data-testid="cramp-item"]', (rows) =>
      rows.map((row) => {
        const text = (id) => (row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return { summary: text('cramp-summary'), details: text('cramp-details'), note: row.querySelector('[data-testid="cramp-item-note"]')?.textContent ?? '' };
      }),
    );
  }

  /** Removes the logged episode whose summary matches `text` (a string or RegExp). */
  async removeCramp(text) {
    await this.cramps().filter({ hasText: text }).getByTestId('cramp-remove').click();
  }

  /** "Removed the cramp at … ." while a removal can be undone, else ''. */
  async crampRemovalText() {
    return collapse(await this.byTestId('cramp-removal').textContent());
  }

  async undoCrampRemoval() {
    await this.byTestId('cramp-undo').click();
  }

  /** The warning signs shown now: [{urgency, text}], in page order. */
  async readWarnings() {
    return this.page.$$eval('[data-testid="warning-sign"]', (rows) =>
      rows.map((row) => ({ urgency: row.getAttribute('data-urgency'), text: row.textContent.replace(/\s+/g, ' ').trim() })),
    );
  }

  /** Types `value` into an activity field (exercise, feet, alcohol) and leaves it, which saves. */
  async setActivity(field, value) {
    const input = this.byTestId(`activity-${field}`);
    await input.fill(String(value));
    await input.press('Tab');
  }

  async activityValue(field) {
    return this.byTestId(`activity-${field}`).inputValue();
  }

  async activityError(field) {
    return collapse(await this.byTestId(`activity-${field}-error`).textContent());
  }

  /** Types the day's notes and leaves the field, which saves them. */
  async setNotes(text) {
    const notes = this.byTestId('diary-notes');
    await notes.fill(text);
    await notes.press('Tab');
    await eventually(async () => collapse(await this.byTestId('diary-notes-status').textContent()).length > 0 || collapse(await this.byTestId('diary-notes-error').textContent()).length > 0, {
      describe: () => 'the notes were neither saved nor refused',
    });
  }

  async notes() {
    return this.byTestId('diary-notes').inputValue();
  }

  /** Copies the open day's meals to `date` (YYYY-MM-DD) and returns the status text. */
  async copyDayTo(date) {
    await this.byTestId('copy-day-date').fill(date);
    await this.byTestId('copy-day-submit').click();
    let last;
    await eventually(async () => (last = collapse(await this.byTestId('copy-status').textContent())).length > 0 || (await this.byTestId('copy-day-error').textContent()).length > 0, {
      describe: () => 'copying the day gave no answer',
    });
    return last;
  }

  /** Copies meal `from` of the open day to meal `to` of `date`. */
  async copyMealTo(from, date, to) {
    await this.byTestId('copy-meal-from').selectOption(from);
    await this.byTestId('copy-meal-date').fill(date);
    await this.byTestId('copy-meal-to').selectOption(to);
    await this.byTestId('copy-meal-submit').click();
  }

  /** The past days (up to today) listed now: [{date, coverage, record, open}], newest first. */
  async readDayList() {
    return this.readDays('day-list');
  }

  /** The days after today listed under "Planned ahead": [{date, coverage, record, open}], soonest first. */
  async readPlannedAhead() {
    return this.readDays('day-ahead');
  }

  /** The rows of the day list named `list` (`day-list` or `day-ahead`). */
  async readDays(list) {
    return this.page.$$eval(`[data-testid="${list}-item"]`, (rows, list) =>
      rows.map((row) => {
        const text = (id) => (row.querySelector(`[data-testid="${list}-${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return {
          date: row.getAttribute('data-date'),
          coverage: text('coverage'),
          record: text('record'),
          open: row.getAttribute('aria-current') === 'date',
        };
      }),
    list);
  }

  /** Opens `date` from the past-days list, or from "Planned ahead" for a day after today. */
  async openFromList(date) {
    const row = this.page.locator(`:is([data-testid="day-list-item"], [data-testid="day-ahead-item"])[data-date="${date}"]`);
    await row.locator(':is([data-testid="day-list-open"], [data-testid="day-ahead-open"])').click();
    await eventually(async () => (await this.openDate()) === date, { describe: () => `opening ${date} from the list` });
  }
}

/** The trends screen (/trends): period picker, one chart per target with its table, the cramp comparison. */
export class TrendsPage extends App {
  /** Opens /trends with `query` ("days=30", "from=…&to=…") and waits for the charts. */
  async open(query = '') {
    await this.goto(`/trends${query ? `?${query}` : ''}`);
    await this.waitForCharts();
    return this;
  }

  async openFromNav() {
    await this.byTestId('nav-trends').click();
    await this.waitForCharts();
    return this;
  }

  async waitForCharts() {
    await this.byTestId('trend-chart-potassium').waitFor({ state: 'visible' });
  }

  /** Picks a custom range through the two date fields (YYYY-MM-DD). */
  async chooseRange(from, to) {
    await this.byTestId('period-from').fill(from);
    await this.byTestId('period-to').fill(to);
    await this.byTestId('period-show').click();
  }

  /** The chart of `key` (potassium, magnesium, calcium, sodium, water): its SVG facts. */
  async readChart(key) {
    return this.byTestId(`trend-svg-${key}`).evaluate((svg) => ({
      role: svg.getAttribute('role'),
      title: svg.querySelector('title')?.textContent ?? '',
      // Each bar is one "M x bottom V top" stroke of the bars' paths.
      bars: [...svg.querySelectorAll('.chart-bar')].flatMap((p) =>
        [...(p.getAttribute('d') ?? '').matchAll(/M([\d.]+) ([\d.]+)V([\d.]+)/g)].map(([, x, bottom, top]) => ({
          x: Number(x),
          height: Number(bottom) - Number(top),
        })),
      ),
      cramps: ((svg.querySelector('.chart-cramp')?.getAttribute('d') ?? '').match(/M/g) ?? []).length,
      average: svg.querySelector('.chart-average')?.getAttribute('d') ?? '',
      target: svg.querySelectorAll('.chart-target').length,
    }));
  }

  /** The table of `key`, opened: [{ day, total, average, cramps }], oldest first. */
  async readTable(key) {
    const details = this.byTestId(`trend-numbers-${key}`);
    if (!(await details.evaluate((d) => d.open))) await this.byTestId(`trend-numbers-toggle-${key}`).click();
    // The rows are drawn on the details' first `toggle` event, which fires a task after the click.
    await this.byTestId(`trend-table-${key}`).locator('tbody tr').first().waitFor();
    return this.byTestId(`trend-table-${key}`).evaluate((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => {
        const text = (c) => (c?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const [, total, average] = [...tr.children].map(text);
        // The day's cramps stand under its date, in the row header.
        return { day: text(tr.querySelector('.trend-day')), total, average, cramps: text(tr.querySelector('.trend-day-cramps')) };
      }),
    );
  }

  async text(testId) {
    return collapse(await this.byTestId(testId).textContent());
  }

  /** A comparison view (`same-day`, `day-before`): { headline, measures }. */
  async readComparison(view) {
    return {
      headline: await this.text(`comparison-${view}-headline`),
      measures: (await this.byTestId(`comparison-${view}-measure`).allTextContents()).map(collapse),
    };
  }
}

/** The doctor's summary (/summary), the print view of a period. */
export class SummaryPage extends App {
  async open(query = '') {
    await this.goto(`/summary${query ? `?${query}` : ''}`);
    await this.byTestId('summary-period').waitFor({ state: 'visible' });
    return this;
  }
}
