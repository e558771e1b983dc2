// Issue 14, findings 2 (every kind of edit), 3, 4, 5 and 9, end to end on the release build:
// - two tabs quick-adding different foods at the same instant keep every item, and notes edited
//   in both tabs are never replaced unseen;
// - a newer schema marker: the export holds every stored value verbatim, the backup page lists
//   them and says it cannot read them;
// - a damaged day with the storage full: listed and downloadable although no copy could be set
//   aside, and an edit says where to get it;
// - a backup larger than the free space: the preview says it does not fit, nothing is imported;
// - a crafted serving value on a food page: no crash, the page goes on working.
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/storage-edges.test.mjs

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { eventually, openPage, withPage } from './support/browser.mjs';
import { BackupPage, collapse, DiaryPage, fillLocalStorage, FoodPage, PlanPage, readLocalStorage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();

const BANANA = Object.freeze({ query: 'banana raw', title: 'Bananas, raw', ndb: '09040' });
const SPINACH = Object.freeze({ query: 'spinach raw', title: 'Spinach, raw', ndb: '11457' });

/** YYYY-MM-DD, `offset` days from today (UTC, as the context). */
const isoDate = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Clicks the element matching `selector` in `page` at the time `at` (ms since the epoch);
 * fails at once, saying so, if it is not there then. */
function clickAt(page, selector, at) {
  return page.evaluate(
    ([selector, at]) =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          const button = document.querySelector(selector);
          if (!button) return reject(new Error(`${selector} was gone at the time of the click`));
          button.click();
          resolve();
        }, Math.max(0, at - Date.now()));
      }),
    [selector, at],
  );
}

/** Searches the planner for `food` so that its "+ Add" is on screen. */
async function showQuickAdd(plan, food) {
  await plan.chooseMeal('lunch');
  await plan.findResult(food.query, food.title);
}

const stored = async (page) => readLocalStorage(page).then((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith('ep.'))));

describe('storage edges', () => {
  test('two tabs quick-adding at the same instant, 5 rounds: 5 bananas and 5 spinach stored', { timeout: 120_000 }, () =>
    withPage(served.browser, 'two tabs quick add', async (pageA, context) => {
      const a = await new PlanPage(pageA, served.server.url).open();
      const pageB = await openPage(context);
      const b = await new PlanPage(pageB, served.server.url).open();
      const add = (food) => `[data-testid="plan-quick-add"][data-ndb="${food.ndb}"]`;
      for (let round = 0; round < 5; round += 1) {
        // "+ Add" clears the search: search again each round.
        await showQuickAdd(a, BANANA);
        await showQuickAdd(b, SPINACH);
        const at = Date.now() + 80;
        await Promise.all([clickAt(pageA, add(BANANA), at), clickAt(pageB, add(SPINACH), at)]);
        await new Promise((r) => setTimeout(r, 40));
      }
      const pageC = await openPage(context);
      const c = await new PlanPage(pageC, served.server.url).open();
      const count = async (plan, title) => (await plan.readItems()).filter((i) => i.name === title).length;
      let seen;
      await eventually(async () => {
        seen = [await count(c, BANANA.title), await count(c, SPINACH.title)];
        return seen[0] === 5 && seen[1] === 5;
      }, { describe: () => `stored ${seen[0]} bananas and ${seen[1]} spinach, not 5 and 5` });
      for (const plan of [a, b]) {
        await eventually(async () => (await count(plan, BANANA.title)) === 5 && (await count(plan, SPINACH.title)) === 5, {
          describe: () => 'a tab does not show what is stored',
        });
      }
    }),
  );

  test('notes typed in two tabs: neither replaces the other unseen; each can keep theirs', { timeout: 90_000 }, () =>
    withPage(served.browser, 'two tabs notes', async (pageA, context) => {
      const a = await new DiaryPage(pageA, served.server.url).open();
      const pageB = await openPage(context);
      const b = await new DiaryPage(pageB, served.server.url).open();
      await a.setNotes('Walked 5 km.');
      // B takes A's saved notes: its field held what was stored before.
      await eventually(async () => (await b.notes()) === 'Walked 5 km.', { describe: () => 'tab B did not take the notes saved in A' });

      // A third writer saves other notes that B has not heard of: written from B's own page,
      // whose document gets no storage event for its own writes (A does).
      const day = `ep.v1.day.${isoDate(0)}`;
      const storedNotes = async (page) => JSON.parse((await stored(page))[day] ?? '{"d":{}}').d.n;
      await pageB.evaluate(([day, notes]) => {
        const record = JSON.parse(localStorage.getItem(day));
        record.rev += 1;
        record.d.n = notes;
        localStorage.setItem(day, JSON.stringify(record));
      }, [day, 'Walked 5 km. Calf cramp at 3 am.']);
      await eventually(async () => (await a.notes()) === 'Walked 5 km. Calf cramp at 3 am.', { describe: () => 'tab A did not take the other notes' });
      assert.equal(await b.notes(), 'Walked 5 km.', 'B has not heard of them');
      const notesB = b.byTestId('diary-notes');
      await notesB.fill('Walked 5 km. Drank 2 litres.');
      // B's save is refused: the stored notes are not the ones its text began from.
      let status;
      await eventually(async () => /another tab saved other notes/.test((status = collapse(await b.byTestId('diary-notes-status').textContent()))), {
        describe: () => `tab B says "${status}"`,
      });
      assert.equal(await b.notes(), 'Walked 5 km. Drank 2 litres.', 'B keeps its own text');
      assert.equal(collapse(await b.byTestId('diary-notes-theirs').textContent()), 'Walked 5 km. Calf cramp at 3 am.');
      assert.equal(await storedNotes(pageB), 'Walked 5 km. Calf cramp at 3 am.', 'the other notes stay stored');
      assert.equal(await a.notes(), 'Walked 5 km. Calf cramp at 3 am.', 'A is not changed by B\'s refused text');
      assert.match(collapse(await b.byTestId('diary-notes-status').textContent()), /^Not saved yet/);

      // B keeps its own: now stored, and A (which had not typed since) shows them.
      await b.byTestId('diary-notes-keep-mine').click();
      await eventually(async () => (await storedNotes(pageB)) === 'Walked 5 km. Drank 2 litres.', {
        describe: () => 'Keep mine did not store B\'s notes',
      });
      await eventually(async () => (await a.notes()) === 'Walked 5 km. Drank 2 litres.', { describe: () => 'A did not take the kept notes' });
      assert.equal(await b.byTestId('diary-notes-offered').count(), 0, 'the offer is gone once chosen');
    }),
  );

  test('a newer schema marker: the export holds every value verbatim, the backup page lists them', { timeout: 90_000 }, () =>
    withPage(served.browser, 'newer schema export', async (page) => {
      const backup = new BackupPage(page, served.server.url);
      await backup.goto('/about');
      const day = `ep.v1.day.${isoDate(0)}`;
      const raw = '{"v":1,"rev":3,"d":{"p":{"l":[{"id":1,"f":9040,"a":1,"u":"p0"}]}}}';
      await page.evaluate(([day, raw]) => {
        localStorage.clear();
        localStorage.setItem('ep.schema', '3');
        localStorage.setItem(day, raw);
      }, [day, raw]);
      await page.reload();
      await backup.open();
      await backup.byTestId('unreadable-newer').waitFor({ state: 'visible' });
      assert.equal(await backup.byTestId('unreadable-none').count(), 0, 'not "everything stored could be read"');
      assert.ok((await backup.unreadableKeys()).includes(day), `${await backup.unreadableKeys()} lacks ${day}`);
      const file = await backup.download('export-json');
      const json = JSON.parse(file.text);
      assert.equal(json.unreadable['ep.schema'], '3');
      assert.equal(json.unreadable[day], raw, 'the stored day is in the backup, byte for byte');
      const copy = await backup.downloadUnreadable(day);
      assert.equal(copy.text, raw);
      assert.deepEqual(await stored(page), { 'ep.schema': '3', [day]: raw }, 'nothing stored was changed');
    }),
  );

  test('a damaged day with the storage full: listed with its bytes, and an edit says where to get it', { timeout: 90_000 }, () =>
    withPage(served.browser, 'damaged day storage full', async (page) => {
      const plan = new PlanPage(page, served.server.url);
      await plan.goto('/about');
      const day = `ep.v1.day.${isoDate(0)}`;
      const damaged = '{"v":1,"rev":';
      await page.evaluate(([day, damaged]) => {
        localStorage.clear();
        localStorage.setItem('ep.schema', '1');
        localStorage.setItem(day, damaged);
      }, [day, damaged]);
      assert.ok((await fillLocalStorage(page)) > 0);
      await page.reload();
      await plan.open();
      const notice = collapse(await plan.byTestId('storage-notice').textContent());
      assert.ok(notice.includes(`The saved day ${isoDate(0)} is damaged and could not be read. It is kept untouched.`), notice);
      assert.ok(!notice.includes('copy was set aside'), notice);
      const before = await readLocalStorage(page);
      assert.equal(before[`ep.quarantine.${day}`], undefined, 'no copy could be set aside');

      // An edit is refused and says where the value can be downloaded.
      await plan.byTestId('water-add').click();
      let said;
      await eventually(async () => /could not be read.*Download it on the Backup page/.test((said = collapse(await plan.byTestId('water-error').textContent()))), {
        describe: () => `the water counter says "${said}"`,
      });
      assert.deepEqual(await readLocalStorage(page), before, 'nothing was written');

      const backup = await new BackupPage(page, served.server.url).openFromNav();
      assert.deepEqual(await backup.unreadableKeys(), [day]);
      const copy = await backup.downloadUnreadable(day);
      assert.equal(copy.text, damaged, 'the download holds the stored bytes');
    }),
  );

  test('a backup larger than the free space: the preview says so and nothing is imported', { timeout: 120_000 }, () =>
    withPage(served.browser, 'oversized import', async (page) => {
      const diary = await new DiaryPage(page, served.server.url).open();
      await diary.setNotes('x');
      const backup = await new BackupPage(page, served.server.url).openFromNav();
      const json = JSON.parse((await backup.download('export-json')).text);
      const [template] = Object.values(json.days);
      // 3,200 days of 1,900-character notes: about 6 MB, more than the 5 MB a site gets.
      const days = {};
      const start = Date.UTC(2015, 0, 1);
      for (let i = 0; i < 3_200; i += 1) {
        const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
        days[date] = { ...template, n: `Day ${i}. ${'n'.repeat(1_890)}` };
      }
      const big = { ...json, days };
      const path = join(tmpdir(), `ep-oversized-${process.pid}.json`);
      await writeFile(path, JSON.stringify(big));
      const before = await readLocalStorage(page);
      await backup.chooseFile(path);
      await eventually(async () => (await backup.byTestId('import-preview').count()) > 0 || (await backup.importError()).length > 0, { timeout: 30_000 });
      assert.equal(await backup.importError(), '');
      const preview = await backup.readPreview();
      assert.equal(preview.new, 3_200);
      const fit = collapse(await backup.byTestId('import-fit').textContent());
      assert.match(fit, /^This backup needs about [\d.,]+ MB.*; this browser has about [\d.,]+ MB free\. It does not fit: nothing will be imported/, fit);
      assert.ok(await backup.byTestId('import-merge').isDisabled(), 'merge is offered');
      assert.ok(await backup.byTestId('import-replace').isDisabled(), 'replace is offered');
      assert.deepEqual(await readLocalStorage(page), before, 'nothing was written');
      const height = await page.evaluate(() => document.body.scrollHeight);
      assert.ok(height < 10_000, `the page is ${height} px tall`);
    }),
  );

  test('a crafted serving value on a food page: no crash, the page goes on working', { timeout: 60_000 }, () =>
    withPage(served.browser, 'crafted serving', async (page) => {
      const food = await new FoodPage(page, served.server.url).open('09040');
      await page.evaluate(() => {
        const select = document.querySelector('[data-testid="serving-select"]');
        select.options[select.selectedIndex].value = 'portion-999';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await page.getByTestId('crash').count(), 0, 'the crash panel is up');
      // The page still answers: choosing 100 g shows the per-100 g potassium.
      await food.selectServing('100 g');
      await food.expectValue('potassium', '358 mg');
    }),
  );
});
