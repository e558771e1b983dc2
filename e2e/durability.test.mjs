// End-to-end: the diary outlives the browser. A week of entries survives closing the browser
// process and starting it again on the same profile (a real restart, with Chromium writing
// localStorage to disk), and a browser that blocks storage still runs the app, says that
// nothing can be kept, and keeps what is entered on screen.
//
// Run after `trunk build --release`: node --test e2e/durability.test.mjs

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

import { assertNoErrors, eventually, launchPersistent, openPage, withPage } from './support/browser.mjs';
import { addDays, DiaryPage, PlanPage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const BANANA = 'Bananas, raw';

const served = useApp();

describe('durability', () => {
  test('a week of entries survives closing the browser and starting it again', { timeout: 120_000 }, async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'ep-profile-'));
    try {
      // First run: today planned, copied to the six days before, a cramp and notes today.
      let context = await launchPersistent(profile);
      let page = await openPage(context);
      const plan = await new PlanPage(page, served.server.url).open();
      await plan.addFood({ query: 'banana raw', title: BANANA, meal: 'breakfast', amount: 100, unitLabel: 'g' });
      await eventually(async () => (await plan.readItems()).length === 1, { describe: () => 'the banana was not added' });
      let diary = await new DiaryPage(page, served.server.url).openFromNav();
      const today = await diary.openDate();
      const week = Array.from({ length: 7 }, (_, i) => addDays(today, -i));
      for (const date of week.slice(1)) await diary.copyDayTo(date);
      await diary.logCramp({ time: '03:15', place: 'calf', side: 'left', severity: 6, minutes: 2 });
      await diary.setNotes('On my feet all day.');
      assertNoErrors(page);
      await context.close();

      // A new browser process on the same profile.
      context = await launchPersistent(profile);
      page = await openPage(context);
      diary = await new DiaryPage(page, served.server.url).open();
      assert.equal(await diary.openDate(), today);
      let days;
      await eventually(async () => (days = await diary.readDayList()).length === 7, {
        describe: () => `after the restart the diary lists ${days?.length} days, not 7`,
      });
      assert.deepEqual(days.map((d) => d.date), week, 'every day of the week, newest first');
      for (const day of days.slice(1)) assert.match(day.record, /^1 item · no cramps$/, day.date);
      assert.match(days[0].record, /^1 item · 1 cramp/);
      assert.equal(await diary.notes(), 'On my feet all day.');
      assert.equal((await diary.readCramps()).length, 1);
      assertNoErrors(page);
      await context.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  test('storage blocked: the app runs, says nothing can be kept, and keeps the day on screen', { timeout: 90_000 }, () =>
    withPage(served.browser, 'storage blocked', async (page) => {
      // As with site data blocked: every touch of localStorage throws.
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      });
      const plan = await new PlanPage(page, served.server.url).open();
      const notice = plan.byTestId('save-error');
      await eventually(async () => (await notice.textContent())?.includes('does not let the app save anything'), {
        describe: () => 'no notice that nothing can be saved',
      });
      await plan.addFood({ query: 'banana raw', title: BANANA, meal: 'breakfast', amount: 100, unitLabel: 'g' });
      await eventually(async () => (await plan.readItems()).length === 1, { describe: () => 'the banana was not added' });
      await plan.byTestId('unsaved').waitFor({ state: 'visible' });
      // Moving between screens keeps it on screen.
      const diary = await new DiaryPage(page, served.server.url).openFromNav();
      assert.match(await diary.mealsText(), /^1 item planned/);
    }));
});
