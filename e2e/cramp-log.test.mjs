// The cramp log on /diary, on the release bundle and a fixed clock (Playwright's page.clock):
// its messages stay with the day they were made on, the time field and the log show the same
// time (in the browser's 12- or 24-hour clock), and a removed cramp can be put back.
//
// Run after `trunk build --release`: node --test e2e/cramp-log.test.mjs
// (E2E_DIST=/path/to/dist for another build)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { collapse, DiaryPage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();

function journey(name, fn, contextOptions = {}) {
  test(name, { timeout: 90_000 }, () => withPage(served.browser, name, (page) => fn(page), { contextOptions }));
}

/** The texts of the logged episodes' summaries, in page order. */
async function summaries(diary) {
  return (await diary.readCramps()).map((c) => c.summary);
}

describe('cramp log', () => {
  journey("the logged message belongs to its day: not on yesterday's page, back on the day", async (page) => {
    await page.clock.setFixedTime(new Date('2026-03-10T23:00:00Z'));
    const diary = await new DiaryPage(page, served.server.url).open();
    const today = await diary.openDate();
    assert.equal(today, '2026-03-10');
    await diary.logCramp({ time: '03:00', side: 'left', severity: 5 });
    const status = diary.byTestId('cramp-status');
    await eventually(async () => /^Logged the cramp: 03:00\b.* · Left calf/.test(collapse(await status.textContent())), {
      describe: () => 'no "Logged the cramp" message',
    });
    const logged = collapse(await status.textContent());

    await diary.previousDay();
    await eventually(async () => collapse(await diary.byTestId('cramp-count').textContent()) === 'No cramp logged on this day.');
    // Give a late update time to land.
    await page.waitForTimeout(200);
    assert.equal(collapse(await status.textContent()), '', `yesterday's page shows today's message`);

    await diary.nextDay();
    await eventually(async () => collapse(await status.textContent()) === logged, { describe: () => 'the message is not back on its day' });
    // A refused entry's message stays with its day too.
    await diary.logCramp({ side: 'left', severity: 0 });
    assert.equal(await diary.expectCrampError(), 'Severity must be between 1 and 10.');
    await diary.previousDay();
    await page.waitForTimeout(200);
    assert.equal(await diary.crampError(), '', "yesterday's page shows today's error");
  });

  for (const { locale, at11pm, at3am } of [
    { locale: 'en-US', at11pm: '11:00 PM', at3am: '03:07 AM' },
    { locale: 'en-GB', at11pm: '23:00', at3am: '03:07' },
  ]) {
    journey(
      `${locale}: the time field and the log agree on the time (fixed clock, in the browser's time zone)`,
      async (page) => {
        // 23:00 in New York on 10 March is 03:00 UTC on 11 March: the page's own time zone counts.
        await page.clock.install({ time: new Date('2026-03-11T03:00:00Z') });
        const diary = await new DiaryPage(page, served.server.url).open();
        assert.equal(await diary.openDate(), '2026-03-10');
        const field = diary.byTestId('cramp-time');
        assert.equal(await field.inputValue(), '23:00', 'the field proposes the local time now');
        await diary.logCramp({ side: 'left', severity: 5 });
        await eventually(async () => (await diary.cramps().count()) === 1);
        assert.deepEqual(await summaries(diary), [`${at11pm} · Left calf · severity 5/10`], 'the log shows the time the field showed');
        assert.match(collapse(await diary.byTestId('cramp-status').textContent()), new RegExp(`^Logged the cramp: ${at11pm} · `));

        // The page stays open through the night: at 03:07 the untouched field has moved on.
        await page.clock.runFor('04:07:00');
        await eventually(async () => (await field.inputValue()) === '03:07', {
          describe: () => 'the untouched time field did not follow the clock',
        });
        await diary.logCramp({ side: 'right', severity: 4 });
        await eventually(async () => (await diary.cramps().count()) === 2);
        assert.deepEqual(await summaries(diary), [`${at3am} · Right calf · severity 4/10`, `${at11pm} · Left calf · severity 5/10`]);
        const stored = await page.evaluate(() => localStorage.getItem('ep.v1.day.2026-03-10'));
        assert.match(stored, /"t":"23:00".*"t":"03:07"/, 'stored as HH:MM');
      },
      { locale, timezoneId: 'America/New_York' },
    );
  }

  journey('a removed cramp comes back with Undo; the removal is saved until then', async (page) => {
    const diary = await new DiaryPage(page, served.server.url).open();
    const today = await diary.openDate();
    await diary.logCramp({ time: '06:30', side: 'left', severity: 5, minutes: 2 });
    await diary.logCramp({ time: '22:10', side: 'right', severity: 3 });
    await eventually(async () => (await diary.cramps().count()) === 2);

    await diary.removeCramp(/06:30/);
    await eventually(async () => (await diary.cramps().count()) === 1);
    assert.equal(await diary.crampRemovalText(), 'Removed the cramp at 06:30 AM (Left calf). Undo');
    const stored = () => page.evaluate((d) => localStorage.getItem(`ep.v1.day.${d}`), today);
    assert.doesNotMatch(await stored(), /06:30/, 'the removal is saved');
    // The Undo belongs to its day.
    await diary.previousDay();
    assert.equal(await diary.byTestId('cramp-undo').count(), 0);
    await diary.nextDay();
    await diary.undoCrampRemoval();
    await eventually(async () => (await diary.cramps().count()) === 2, { describe: () => 'Undo did not put the cramp back' });
    assert.deepEqual(await summaries(diary), ['06:30 AM · Left calf · severity 5/10 · 2 min', '10:10 PM · Right calf · severity 3/10']);
    assert.equal(await diary.crampRemovalText(), '');
    assert.match(await stored(), /06:30/);
    await page.reload();
    await diary.waitForReady();
    await eventually(async () => (await diary.cramps().count()) === 2, { describe: () => 'the undone removal was not saved' });
  });
});
