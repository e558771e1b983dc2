// End-to-end journeys of the diary's durability on the release bundle, in headless Debian
// Chromium: the export/import round trip, corrupt storage, a full storage, two tabs and
// hostile import files (issue 4, items 5 and 6). One server and browser for the file, a
// fresh context per test; any console error, page error or failed request fails a test
// (support/browser.mjs), and so does any dialog (alert/confirm) the page opens.
//
// The context runs in UTC, so the page's "today" is `new Date().toISOString().slice(0, 10)`.
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/backup.test.mjs

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { assertNoErrors, axeViolations, eventually, openPage, withPage } from './support/browser.mjs';
import { BackupPage, DiaryPage, PlanPage, fillLocalStorage, readLocalStorage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';


const BANANA = Object.freeze({ query: 'banana raw', title: 'Bananas, raw', amount: 1, unitLabel: '1 medium (7" to 7-7/8" long), 118 g' });
const SPINACH = Object.freeze({ query: 'spinach raw', title: 'Spinach, raw', amount: 100, unitLabel: 'g' });
const YOGURT = Object.freeze({ query: 'yogurt plain whole milk', title: 'Yogurt, plain, whole milk, 8 grams protein per 8 ounce', amount: 100, unitLabel: 'g' });
const XSS = '<img src=x onerror=alert(1)>';
const NOTES = 'On my feet "four" hours,\ncalf cramp at night — stretched 🦵';

const served = useApp();

/** A test in a fresh context; a dialog (alert, confirm, prompt) fails it. */
function journey(name, fn, options = {}) {
  test(name, { timeout: 120_000, ...options }, () =>
    withPage(served.browser, name, async (page, context) => {
      const dialogs = [];
      context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message()) && d.dismiss()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        return d.dismiss();
      });
      await fn(page, context);
      assert.deepEqual(dialogs, [], 'the page opened a dialog');
    }),
  );
}

/** YYYY-MM-DD, `offset` days from today (UTC, as the context). */
function isoDate(offset = 0) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The ep.* entries of localStorage. */
async function diaryStorage(page) {
  const all = await readLocalStorage(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('ep.')));
}

/** Adds `food` to `meal` and waits for it to be listed. */
async function addFood(plan, food, meal = 'breakfast') {
  const before = (await plan.readItems()).length;
  await plan.addFood({ ...food, meal });
  await eventually(async () => (await plan.readItems()).length === before + 1, {
    describe: () => `${food.title} was not added to the plan`,
  });
}

const names = async (plan) => (await plan.readItems()).map((i) => i.name).sort();

describe('diary backup and failure cases', () => {
  journey('round trip: plan two days, export, clear storage, import, merge: everything is back', async (page) => {
    const plan = await new PlanPage(page, served.server.url).open();
    await addFood(plan, BANANA, 'breakfast');
    await addFood(plan, YOGURT, 'snacks');
    await plan.byTestId('day-previous').click();
    await eventually(async () => (await plan.readItems()).length === 0);
    await addFood(plan, SPINACH, 'lunch');
    // Notes on the diary page (the open day is yesterday).
    const diary = await new DiaryPage(page, served.server.url).openFromNav();
    assert.equal(await diary.openDate(), isoDate(-1));
    await diary.setNotes(NOTES);
    const stored = await diaryStorage(page);
    const dayKeys = Object.keys(stored).filter((k) => k.startsWith('ep.v1.day.'));
    assert.deepEqual(dayKeys, [`ep.v1.day.${isoDate(-1)}`, `ep.v1.day.${isoDate(0)}`]);

    const backup = await new BackupPage(page, served.server.url).openFromNav();
    assert.match(await backup.storageUsed(), /^The diary uses [\d.,]+ KB of the about 5 MB/);
    const file = await backup.download('export-json');
    assert.equal(file.name, `electrolyte-diary-${isoDate(0)}.json`);
    const json = JSON.parse(file.text);
    assert.equal(json.format, 'electrolyte-planner-backup');
    assert.equal(json.version, 2);
    assert.deepEqual(Object.keys(json.days).sort(), [isoDate(-1), isoDate(0)]);

    // The dietitian's CSV files.
    const foods = await backup.download('export-foods-csv');
    assert.equal(foods.name, `electrolyte-foods-${isoDate(0)}.csv`);
    const rows = foods.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(rows[0], /^Date,Meal,Food,Amount,Grams,Potassium \(mg\)/);
    assert.equal(rows.length, 4, foods.text);
    assert.ok(rows.some((r) => r.startsWith(`${isoDate(0)},Breakfast,"Bananas, raw"`)), foods.text);
    const days = await backup.download('export-days-csv');
    assert.equal(days.text.replace(/^\uFEFF/, '').trim().split('\r\n').length, 3, days.text);

    // Everything gone.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await plan.open();
    assert.deepEqual(await plan.readItems(), []);
    assert.deepEqual(await diaryStorage(page).then((s) => Object.keys(s).filter((k) => k.startsWith('ep.v1.day.'))), []);

    // Import: the preview counts two new days; merging saves them.
    await backup.open();
    await backup.chooseFile(file.path);
    const preview = await backup.readPreview();
    assert.deepEqual({ ...preview, text: undefined }, { text: undefined, new: 2, changed: 0, identical: 0, onlyHere: 0, locked: 0 });
    assert.match(preview.text, /^2 new days, 0 changed, 0 the same/);
    assert.deepEqual(await axeViolations(page), [], 'axe on /backup with a preview');
    assert.match(await backup.merge(), /Merged: 2 days added or changed and saved\./);

    // After a reload, the stored days are the exported ones, and the planner shows them.
    await page.reload();
    await plan.open();
    assert.deepEqual(await names(plan), [BANANA.title, YOGURT.title].sort());
    await plan.byTestId('day-previous').click();
    await eventually(async () => JSON.stringify(await names(plan)) === JSON.stringify([SPINACH.title]));
    await diary.openFromNav();
    assert.equal(await diary.openDate(), isoDate(-1));
    assert.equal(await diary.notes(), NOTES);
    const restored = await diaryStorage(page);
    for (const key of dayKeys) {
      assert.deepEqual(JSON.parse(restored[key]).d, JSON.parse(stored[key]).d, `${key} came back as it was`);
    }

    // Merging the same file again changes nothing.
    await backup.openFromNav();
    await backup.chooseFile(file.path);
    assert.equal((await backup.readPreview()).identical, 2);
    assert.match(await backup.merge(), /no day needed a change/);
    assert.deepEqual(await diaryStorage(page), restored);

    // Replace: an automatic backup of the diary first, then the diary is the file (a day
    // only in the diary is removed).
    await plan.openFromNav();
    await plan.byTestId('day-date').fill(isoDate(-5));
    await eventually(async () => (await plan.readItems()).length === 0);
    await addFood(plan, BANANA, 'dinner');
    await backup.openFromNav();
    await backup.chooseFile(file.path);
    assert.equal((await backup.readPreview()).onlyHere, 1);
    const replaced = await backup.replace();
    assert.equal(replaced.backup.name, `electrolyte-diary-before-replace-${isoDate(0)}.json`);
    assert.deepEqual(Object.keys(JSON.parse(replaced.backup.text).days).sort(), [isoDate(-5), isoDate(-1), isoDate(0)]);
    assert.match(replaced.outcome, /Replaced: 1 day added, changed or removed/);
    assert.equal((await diaryStorage(page))[`ep.v1.day.${isoDate(-5)}`], undefined);
  });

  journey('corrupt storage: the app starts, names what it found, keeps the bytes and refuses to overwrite them', async (page) => {
    const plan = new PlanPage(page, served.server.url);
    await plan.goto('/about');
    const truncated = '{"v":1,"rev":';
    const future = '{"v":99,"rev":4,"d":{"p":{"hologram":true}}}';
    const today = `ep.v1.day.${isoDate(0)}`;
    const yesterday = `ep.v1.day.${isoDate(-1)}`;
    await page.evaluate(
      ([entries]) => {
        localStorage.setItem('ep.schema', '1');
        for (const [k, v] of entries) localStorage.setItem(k, v);
        localStorage.setItem('someone.else', 'not ours');
      },
      [[[today, truncated], [yesterday, future]]],
    );
    await page.reload();
    await plan.open();

    const notice = plan.byTestId('storage-notice');
    await notice.waitFor({ state: 'visible' });
    const text = (await notice.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(`The saved day ${isoDate(0)} is damaged and could not be read.`), text);
    assert.ok(text.includes(`The saved day ${isoDate(-1)} was written by a newer version of this app.`), text);

    const afterLoad = await readLocalStorage(page);
    assert.equal(afterLoad[today], truncated, 'the damaged value is untouched');
    assert.equal(afterLoad[yesterday], future, 'the newer value is untouched');
    assert.equal(afterLoad[`ep.quarantine.${today}`], truncated);
    assert.equal(afterLoad[`ep.quarantine.${yesterday}`], future);
    assert.equal(afterLoad['someone.else'], 'not ours');

    // Adding a food to the damaged day is refused, and nothing changes.
    await plan.addFood({ ...BANANA, meal: 'breakfast' });
    await eventually(async () => (await plan.byTestId('plan-add-error').textContent()).includes('could not be read'), {
      describe: () => 'no refusal shown for the locked day',
    });
    assert.deepEqual(await plan.readItems(), []);
    assert.deepEqual(await readLocalStorage(page), afterLoad);

    // The Backup page lists both; "Discard" waits for the download.
    const backup = await new BackupPage(page, served.server.url).openFromNav();
    assert.deepEqual((await backup.unreadableKeys()).sort(), [yesterday, today].sort());
    assert.ok(await backup.unreadable(today).getByTestId('unreadable-discard').isDisabled());
    assert.deepEqual(await axeViolations(page), [], 'axe on /backup with unreadable data');
    const copy = await backup.downloadUnreadable(today);
    assert.equal(copy.text, truncated, 'the download holds the raw bytes');
    assert.equal(copy.name, `electrolyte-unreadable-${today}.txt`);
    // Cancel keeps it.
    await backup.unreadable(today).getByTestId('unreadable-discard').click();
    await backup.unreadable(today).getByTestId('unreadable-discard-cancel').click();
    assert.deepEqual(await readLocalStorage(page), afterLoad);
    await backup.discardUnreadable(today);
    await eventually(async () => (await backup.unreadableKeys()).length === 1);
    const afterDiscard = await readLocalStorage(page);
    assert.equal(afterDiscard[today], undefined);
    assert.equal(afterDiscard[`ep.quarantine.${today}`], undefined);
    assert.equal(afterDiscard[yesterday], future, 'the other one is still untouched');

    // Today can be edited again; yesterday still cannot.
    await plan.openFromNav();
    await addFood(plan, BANANA, 'breakfast');
    assert.ok((await readLocalStorage(page))[today].includes('"v":1'));
    await plan.byTestId('day-previous').click();
    await plan.addFood({ ...SPINACH, meal: 'lunch' });
    await eventually(async () => (await plan.byTestId('plan-add-error').textContent()).includes('could not be read'));
    assert.equal((await readLocalStorage(page))[yesterday], future);
  });

  journey('quota full: a visible "not saved", the item stays on screen, nothing stored is lost, export works', async (page) => {
    const plan = await new PlanPage(page, served.server.url).open();
    await addFood(plan, BANANA, 'breakfast');
    const before = await diaryStorage(page);

    // Fill localStorage until even one more character is refused.
    const filled = await fillLocalStorage(page);
    assert.ok(filled > 0);

    await plan.addFood({ ...YOGURT, meal: 'snacks' });
    await eventually(async () => (await plan.readItems()).length === 2, { describe: () => 'the unsaved item is not on screen' });
    const notice = plan.byTestId('storage-notice');
    await notice.waitFor({ state: 'visible' });
    assert.match(await plan.byTestId('save-error').textContent(), /storage for this app is full, so this change was not saved/);
    assert.match(await plan.byTestId('unsaved').textContent(), /not saved/);
    assert.deepEqual(await diaryStorage(page), before, 'nothing stored was lost or changed');

    // Export still works and holds the unsaved item too.
    const backup = await new BackupPage(page, served.server.url).openFromNav();
    assert.ok(await backup.byTestId('storage-nearly-full').isVisible());
    assert.match(await backup.byTestId('storage-others').textContent(), /Other data of this site uses/);
    const file = await backup.download('export-json');
    const plan0 = JSON.parse(file.text).days[isoDate(0)].p;
    assert.equal(plan0.breakfast?.length, 1, file.text);
    assert.equal(plan0.snacks?.length, 1, 'the unsaved item is in the export');

    // With room again, the next change saves everything on screen.
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('junk.')) localStorage.removeItem(k);
    });
    await plan.openFromNav();
    await addFood(plan, SPINACH, 'lunch');
    await page.reload();
    await plan.open();
    assert.deepEqual(await names(plan), [BANANA.title, YOGURT.title, SPINACH.title].sort());
  });

  journey('two tabs on /plan: each shows the other\'s item, and a reload keeps both', async (page, context) => {
    const tabA = await new PlanPage(page, served.server.url).open();
    const pageB = await openPage(context);
    try {
      const tabB = await new PlanPage(pageB, served.server.url).open();
      await addFood(tabA, BANANA, 'breakfast');
      await eventually(async () => JSON.stringify(await names(tabB)) === JSON.stringify([BANANA.title]), {
        describe: () => 'tab B did not show tab A\'s item',
      });
      await addFood(tabB, YOGURT, 'snacks');
      const both = [BANANA.title, YOGURT.title].sort();
      await eventually(async () => JSON.stringify(await names(tabA)) === JSON.stringify(both), {
        describe: () => 'tab A did not show tab B\'s item',
      });
      await page.reload();
      await pageB.reload();
      await tabA.open();
      await tabB.open();
      assert.deepEqual(await names(tabA), both);
      assert.deepEqual(await names(tabB), both);
      assertNoErrors(pageB, 'tab B reported problems');
    } finally {
      await pageB.close();
    }
  });

  journey('bad imports are refused and change nothing; hostile text renders as text', async (page) => {
    const plan = await new PlanPage(page, served.server.url).open();
    await addFood(plan, BANANA, 'breakfast');
    // An electrolyte drink with a name to replace in the exported file.
    await page.locator('summary', { hasText: 'Supplements' }).click();
    await plan.byTestId('plan-other-kind').selectOption('electrolyte');
    await plan.byTestId('plan-other-amount').fill('1');
    await plan.byTestId('drink-name').fill('PLACEHOLDER');
    await plan.byTestId('drink-sodium').fill('100');
    await plan.byTestId('drink-ml').fill('500');
    await plan.byTestId('plan-add-other').click();
    await eventually(async () => (await plan.readItems()).length === 2);

    const backup = await new BackupPage(page, served.server.url).openFromNav();
    const exported = await backup.download('export-json');
    const before = await readLocalStorage(page);

    const bad = [
      ['not-json.json', 'this is, clearly, not JSON {', /not an Electrolyte Planner backup: it is not readable JSON/],
      ['other.json', JSON.stringify({ format: 'some-other-app', version: 1, days: {} }), /^This file is not an Electrolyte Planner backup\.$/],
      [
        'future.json',
        JSON.stringify({ ...JSON.parse(exported.text), version: 3 }),
        /made by a newer version of the app \(backup version 3\)/,
      ],
      ['bad-day.json', JSON.stringify({ ...JSON.parse(exported.text), days: { '2026-02-30': {} } }), /^Day 2026-02-30 \(line 1\):/],
    ];
    for (const [name, text, message] of bad) {
      await backup.chooseFile({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await eventually(async () => message.test(await backup.importError()), {
        describe: () => `${name}: no matching message`,
      });
      assert.equal(await backup.byTestId('import-preview').count(), 0, `${name}: a preview was shown`);
      assert.deepEqual(await readLocalStorage(page), before, `${name}: storage changed`);
    }

    // A hostile but valid backup: markup in the notes, the drink's name and the file name.
    const hostile = JSON.parse(exported.text.replaceAll('PLACEHOLDER', XSS));
    hostile.days[isoDate(-1)] = { n: `${XSS} <script>alert(2)</script>` };
    await backup.chooseFile({ name: `${XSS}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    const preview = await backup.readPreview();
    assert.equal(preview.new, 1);
    assert.equal(preview.changed, 1);
    assert.equal(await backup.byTestId('import-file-name').textContent(), `${XSS}.json`);
    assert.equal(await backup.importError(), '');
    await backup.merge();
    assert.equal(await page.locator('img[src="x"]').count(), 0);

    await plan.openFromNav();
    await eventually(async () => (await names(plan)).some((n) => n.includes(XSS)), {
      describe: async () => `the drink's name is not shown literally: ${JSON.stringify(await names(plan))}`,
    });
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.ok((await diaryStorage(page))[`ep.v1.day.${isoDate(-1)}`].includes('onerror'), 'the note was saved as text');
    // The diary page shows the note as text.
    const diary = await new DiaryPage(page, served.server.url).openFromNav();
    await diary.openDay(isoDate(-1));
    await eventually(async () => (await diary.notes()) === `${XSS} <script>alert(2)</script>`, {
      describe: () => 'the imported note is not shown literally',
    });
    assert.equal(await page.locator('img[src="x"]').count(), 0);
  });
});
