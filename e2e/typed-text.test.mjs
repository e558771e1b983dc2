// Issue 14, finding 8: typed text is never thrown away. Notes over the limit stay in the field
// (and come back after leaving the diary) with the limit message; a date the diary does not
// keep puts the day picker back to the open day; a device clock outside the diary's years gets
// a clear message and nothing is saved under a stand-in "today".
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/typed-text.test.mjs

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { collapse, DiaryPage, PlanPage, readLocalStorage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();

function typed(name, fn) {
  test(name, { timeout: 90_000 }, () => withPage(served.browser, name, fn));
}

describe('typed text is never thrown away', () => {
  typed('100,000 characters of notes stay in the field with the limit message, also after leaving the diary', async (page) => {
    const diary = await new DiaryPage(page, served.server.url).open();
    const long = 'cramp '.repeat(16_667).slice(0, 100_000);
    await diary.byTestId('diary-notes').fill(long);
    await diary.byTestId('diary-notes').press('Tab');
    let error;
    await eventually(async () => (error = collapse(await diary.byTestId('diary-notes-error').textContent())).length > 0, {
      describe: () => 'no limit message',
    });
    assert.equal((await diary.notes()).length, 100_000, 'the text stays in the field');

    // To the plan and back: the text and its message are still there.
    await new PlanPage(page, served.server.url).openFromNav();
    await diary.openFromNav();
    assert.equal(await diary.notes(), long, 'the draft came back');
    assert.equal(collapse(await diary.byTestId('diary-notes-error').textContent()), error);
    assert.equal(collapse(await diary.byTestId('diary-notes-status').textContent()), '');
  });

  typed('a refused date (1899-12-31) puts the day picker back to the open day', async (page) => {
    const diary = await new DiaryPage(page, served.server.url).open();
    const open = await diary.openDate();
    await diary.byTestId('day-date').fill('1899-12-31');
    await diary.byTestId('day-date-error').waitFor({ state: 'visible' });
    assert.match(collapse(await diary.byTestId('day-date-error').textContent()), /^1899-12-31 can't be opened: only dates from 1900 to 2200 are kept\. The diary stays on /);
    assert.equal(await diary.openDate(), open, 'the field shows the open day again');
  });

  typed('a device clock in 2300: a clear message, and nothing saved under 1 Jan 1900', async (page) => {
    await page.addInitScript(() => {
      const Real = Date;
      const offset = Real.UTC(2300, 5, 15, 12) - Real.now();
      globalThis.Date = class extends Real {
        constructor(...args) {
          super(...(args.length ? args : [Real.now() + offset]));
        }
        static now() {
          return Real.now() + offset;
        }
      };
    });
    const plan = await new PlanPage(page, served.server.url).open();
    await plan.byTestId('clock-error').waitFor({ state: 'visible' });
    assert.match(collapse(await plan.byTestId('clock-error').textContent()), /clock says the year is 2300/);
    assert.doesNotMatch(collapse(await plan.byTestId('day-label').textContent()), /today/);
    await plan.byTestId('water-add').click();
    let said;
    await eventually(async () => /^Not saved: this device's clock says the year is 2300/.test((said = collapse(await plan.byTestId('water-error').textContent()))), {
      describe: () => `water says "${said}"`,
    });
    const stored = Object.keys(await readLocalStorage(page)).filter((k) => k.startsWith('ep.v1.day.'));
    assert.deepEqual(stored, [], 'no day was saved');
  });
});
