// End-to-end journeys of the diary (/diary, with /plan) on the release bundle, in headless
// Debian Chromium; one server and browser for the file, a fresh context (empty localStorage)
// per test, and any console error, page error or failed request fails the test
// (support/browser.mjs).
//
// Run after `trunk build --release`: node --test e2e/diary.test.mjs
// (E2E_DIST=/path/to/dist for another build)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axeViolations, eventually, withPage } from './support/browser.mjs';
import { addDays, DiaryPage, PlanPage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const BANANA = 'Bananas, raw';
const HOSTILE = '<img src=x onerror=alert(1)>';

const served = useApp();

function journey(name, fn, options = {}) {
  test(name, { timeout: 90_000, ...options }, () => withPage(served.browser, name, (page) => fn(page)));
}

/** Plans 100 g of raw banana for breakfast on /plan. */
async function planBanana(page) {
  const plan = await new PlanPage(page, served.server.url).open();
  await plan.addFood({ query: 'banana raw', title: BANANA, meal: 'breakfast', amount: 100, unitLabel: 'g' });
  await eventually(async () => (await plan.readItems()).length === 1, { describe: () => 'the banana was not added' });
  return plan;
}

/** Waits until the diary's meal summary reads `expected` (a RegExp or a start). */
async function expectMeals(diary, expected) {
  let last;
  await eventually(
    async () => {
      last = await diary.mealsText();
      return expected instanceof RegExp ? expected.test(last) : last.startsWith(expected);
    },
    { describe: () => `meals read ${JSON.stringify(last)}, expected ${expected}` },
  );
}

describe('diary', () => {
  journey('plan a day, reload, go back a day and forth, copy it to tomorrow and find it there', async (page) => {
    const plan = await planBanana(page);
    await page.reload();
    await plan.byTestId('progress-potassium').waitFor({ state: 'visible' });
    assert.deepEqual(
      (await plan.readItems()).map(({ name, meal }) => ({ name, meal })),
      [{ name: BANANA, meal: 'breakfast' }],
      'the planned banana is back after a reload',
    );

    const diary = await new DiaryPage(page, served.server.url).openFromNav();
    const today = await diary.openDate();
    await expectMeals(diary, '1 item planned (Breakfast 1).');
    let days = await diary.readDayList();
    assert.equal(days.length, 1);
    assert.equal(days[0].date, today);
    assert.ok(days[0].open, 'the open day is marked in the list');
    assert.match(days[0].coverage, /^K (<1|\d+) % · Mg (<1|\d+) % · Ca (<1|\d+) % · Na (<1|\d+) % of limit · Water (<1|\d+) %$/);
    assert.match(days[0].record, /^1 item · no cramps$/);

    await diary.previousDay();
    assert.equal(await diary.openDate(), addDays(today, -1));
    await expectMeals(diary, 'No food or drink planned on this day.');
    assert.equal(await diary.cramps().count(), 0);
    await diary.nextDay();
    assert.equal(await diary.openDate(), today);
    await expectMeals(diary, '1 item planned (Breakfast 1).');

    // Copy to tomorrow (the form proposes the next day).
    const tomorrow = addDays(today, 1);
    assert.equal(await diary.byTestId('copy-day-date').inputValue(), tomorrow);
    const status = await diary.copyDayTo(tomorrow);
    assert.match(status, /^Copied 1 item to \w{3} \d+ \w{3} \d{4}\./);
    assert.equal(await diary.openDate(), today, 'copying leaves the day open');
    // Tomorrow is planned ahead: listed apart, not among the past days.
    await eventually(async () => (await diary.readPlannedAhead()).length === 1, { describe: () => 'tomorrow is not listed ahead' });
    const ahead = await diary.readPlannedAhead();
    assert.deepEqual(ahead.map((d) => d.date), [tomorrow]);
    days = await diary.readDayList();
    assert.deepEqual(days.map((d) => d.date), [today], 'the past days end with today');
    assert.equal(ahead[0].coverage, days[0].coverage, 'the copy covers the same');

    // Copying the breakfast again, as tomorrow's lunch, appends to what is there.
    await diary.copyMealTo('breakfast', tomorrow, 'lunch');
    await eventually(async () => (await diary.byTestId('copy-status').textContent()).includes('to lunch on'));

    // After a reload the copy is still there.
    await page.reload();
    await diary.waitForReady();
    assert.equal(await diary.openDate(), today);
    await diary.openFromList(tomorrow);
    await expectMeals(diary, '2 items planned (Breakfast 1, Lunch 1).');
    const plan2 = await new PlanPage(page, served.server.url).openFromNav();
    assert.deepEqual(
      (await plan2.readItems()).map(({ name, meal }) => ({ name, meal })),
      [
        { name: BANANA, meal: 'breakfast' },
        { name: BANANA, meal: 'lunch' },
      ],
    );
  });

  journey('log cramps with warning signs, activity and notes; a reload keeps everything', async (page) => {
    const diary = await new DiaryPage(page, served.server.url).open();
    assert.equal(await diary.readWarnings().then((w) => w.length), 0, 'no warning on an empty day');
    assert.equal(await diary.byTestId('cramp-time').inputValue().then((t) => /^\d\d:\d\d$/.test(t)), true, 'the time defaults to now');

    await diary.logCramp({
      time: '06:30',
      place: 'thigh',
      side: 'right',
      severity: 7,
      minutes: 3,
      helped: ['stretching', 'massage'],
      numbness: true,
      note: 'woke me up',
    });
    await eventually(async () => (await diary.cramps().count()) === 1, { describe: () => 'the cramp was not logged' });
    // Times read as the time field shows them: the en-US context's 12-hour clock.
    assert.deepEqual(await diary.readCramps(), [
      { summary: '06:30 AM · Right thigh · severity 7/10 · 3 min', details: 'Helped: Stretching, Massage · Numbness', note: 'woke me up' },
    ]);
    // The form is empty again, for the next one.
    assert.equal(await diary.byTestId('cramp-severity').inputValue(), '');
    assert.equal(await diary.byTestId('cramp-numbness').isChecked(), false);

    let warnings = await diary.readWarnings();
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].urgency, 'see-a-doctor');
    assert.match(warnings[0].text, /numbness.*doctor/i);
    assert.equal(await diary.byTestId('diary-warnings').getAttribute('role'), 'alert');

    // A cramp in one leg with swelling: "seek care now", first.
    await diary.logCramp({ time: '22:10', place: 'calf', side: 'left', severity: 5, swelling: true });
    await eventually(async () => (await diary.readWarnings()).length === 2, { describe: () => 'no second warning' });
    warnings = await diary.readWarnings();
    assert.equal(warnings[0].urgency, 'seek-care-now');
    assert.match(warnings[0].text, /blood clot.*Seek medical care now/);

    await diary.setActivity('exercise', 45);
    await diary.setActivity('feet', 4.5);
    await diary.setActivity('alcohol', 2);
    await diary.byTestId('activity-hot').check();
    await diary.setNotes('On my feet all day');

    await page.reload();
    await diary.waitForReady();
    await eventually(async () => (await diary.cramps().count()) === 2, { describe: () => 'the cramps are gone after a reload' });
    assert.deepEqual(
      (await diary.readCramps()).map((c) => c.summary),
      ['06:30 AM · Right thigh · severity 7/10 · 3 min', '10:10 PM · Left calf · severity 5/10'],
    );
    assert.deepEqual((await diary.readWarnings()).map((w) => w.urgency), ['seek-care-now', 'see-a-doctor']);
    assert.equal(await diary.activityValue('exercise'), '45');
    assert.equal(await diary.activityValue('feet'), '4.5');
    assert.equal(await diary.activityValue('alcohol'), '2');
    assert.equal(await diary.byTestId('activity-hot').isChecked(), true);
    assert.equal(await diary.notes(), 'On my feet all day');
    const days = await diary.readDayList();
    assert.equal(days.length, 1);
    assert.equal(days[0].coverage, 'No meals recorded');
    assert.equal(days[0].record, 'no food or drink · 2 cramps · notes');

    // Remove the swollen one: the urgent sign goes with it.
    await diary.cramps().filter({ hasText: /10:10\sPM/ }).getByTestId('cramp-remove').click();
    await eventually(async () => (await diary.cramps().count()) === 1);
    assert.deepEqual((await diary.readWarnings()).map((w) => w.urgency), ['see-a-doctor']);
    await page.reload();
    await diary.waitForReady();
    await eventually(async () => (await diary.cramps().count()) === 1, { describe: () => 'the removal was not saved' });
  });

  journey('bad cramp and activity input shows the message and changes nothing', async (page) => {
    const diary = await new DiaryPage(page, served.server.url).open();
    const cases = [
      [{ side: 'left', severity: 0 }, 'Severity must be between 1 and 10.'],
      [{ severity: 11 }, 'Severity must be between 1 and 10.'],
      [{ severity: 300 }, 'Severity must be between 1 and 10.'],
      [{ severity: 4, minutes: '-3' }, 'How long the cramp lasted must be more than 0 and at most 1,440 minutes.'],
      [{ minutes: '0' }, 'How long the cramp lasted must be more than 0 and at most 1,440 minutes.'],
      [{ minutes: '5000' }, 'How long the cramp lasted must be more than 0 and at most 1,440 minutes.'],
      [{ minutes: 'NaN' }, /at most 1,440 minutes\.$/],
      [{ minutes: '2', time: '' }, 'Enter the time as HH:MM, such as 06:30.'],
      [{ time: '07:00', note: 'x'.repeat(501) }, 'A cramp note is limited to 500 characters.'],
    ];
    for (const [fields, message] of cases) {
      await diary.logCramp(fields);
      let last;
      await eventually(
        async () => {
          last = await diary.crampError();
          return message instanceof RegExp ? message.test(last) : last === message;
        },
        { describe: () => `${JSON.stringify(fields).slice(0, 80)}: the error reads ${JSON.stringify(last)}` },
      );
      assert.equal(await diary.cramps().count(), 0, `${JSON.stringify(fields).slice(0, 80)} logged a cramp`);
    }
    assert.equal(await diary.byTestId('cramp-error').getAttribute('role'), 'alert');

    // A side must be chosen (a fresh page has none).
    await page.reload();
    await diary.waitForReady();
    await diary.logCramp({ severity: 5 });
    assert.equal(await diary.expectCrampError('side error'), 'Choose which leg: left, right or both.');
    assert.equal(await diary.cramps().count(), 0);

    // Activity out of range: the message, and nothing stored.
    await diary.setActivity('feet', 25);
    await eventually(async () => (await diary.activityError('feet')) === 'Hours on your feet must be between 0 and 24.');
    await diary.setActivity('exercise', '-5');
    await eventually(async () => (await diary.activityError('exercise')) === 'Exercise must be between 0 and 1,440 minutes.');
    await diary.setActivity('alcohol', 'lots');
    await eventually(async () => (await diary.activityError('alcohol')).endsWith('Alcoholic drinks must be between 0 and 50.'));

    await page.reload();
    await diary.waitForReady();
    assert.equal(await diary.cramps().count(), 0);
    assert.equal(await diary.activityValue('feet'), '');
    assert.equal(await diary.activityValue('exercise'), '');
    assert.equal((await diary.readDayList()).length, 0, 'nothing was recorded');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => /\d{4}-\d\d-\d\d/.test(k)).length), 0);
  });

  journey('notes and cramp notes are shown as text: markup stays literal after a reload', async (page) => {
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const diary = await new DiaryPage(page, served.server.url).open();
    await diary.setNotes(HOSTILE);
    await diary.logCramp({ time: '03:15', side: 'both', severity: 6, note: HOSTILE });
    await eventually(async () => (await diary.cramps().count()) === 1);

    await page.reload();
    await diary.waitForReady();
    await eventually(async () => (await diary.cramps().count()) === 1);
    assert.equal(await diary.notes(), HOSTILE);
    assert.equal((await diary.readCramps())[0].note, HOSTILE);
    assert.ok((await diary.bodyText()).includes(HOSTILE), 'the note shows literally');
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img> was made from user text');
    // Give a would-be handler time to run.
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no dialog fired');
  });

  journey('past days: newest first, 60 at a time with "show more"; cramps 7 days running is a warning', async (page) => {
    const diary = await new DiaryPage(page, served.server.url).open();
    const today = await diary.openDate();
    // 70 days written as the storage schema keeps them (ep.v1.day.<date> = {"v":1,"rev":1,"d":day}):
    // notes on each, and a cramp on the last 7 days up to today.
    await page.evaluate(
      ({ today, days }) => {
        for (let back = 0; back < days; back += 1) {
          const d = new Date(`${today}T00:00:00Z`);
          d.setUTCDate(d.getUTCDate() - back);
          const date = d.toISOString().slice(0, 10);
          const day = { n: `day ${back}` };
          if (back < 7) day.c = [{ t: '05:00', at: 'foot', side: 'right', sev: 3 }];
          localStorage.setItem(`ep.v1.day.${date}`, JSON.stringify({ v: 1, rev: 1, d: day }));
        }
      },
      { today, days: 70 },
    );
    await page.reload();
    await diary.waitForReady();
    await eventually(async () => (await diary.readDayList()).length === 60, { describe: () => 'the first 60 days are not listed' });
    let days = await diary.readDayList();
    assert.equal(days[0].date, today);
    assert.equal(days[59].date, addDays(today, -59));
    assert.deepEqual(days.map((d) => d.date), [...days.map((d) => d.date)].sort().reverse(), 'newest first');
    assert.equal(days[0].record, 'no food or drink · 1 cramp · notes');
    assert.equal(days[10].record, 'no food or drink · no cramps · notes');
    const more = diary.byTestId('day-list-more');
    assert.equal((await more.textContent()).trim(), 'Show 10 more (of 10 older days)');
    await more.click();
    await eventually(async () => (await diary.readDayList()).length === 70);
    assert.equal(await more.count(), 0, 'no "show more" once everything is listed');

    const warnings = await diary.readWarnings();
    assert.deepEqual(warnings.map((w) => w.urgency), ['see-a-doctor']);
    assert.match(warnings[0].text, /each of the last 7 days.*doctor/);
    await diary.openFromList(addDays(today, -20));
    assert.equal(await diary.notes(), 'day 20');
    assert.deepEqual(await diary.readWarnings(), [], 'no warning on a day without cramps');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'diary-day-heading', 'focus moves to the opened day');
  });

  journey('/diary with cramps, warnings and past days: no serious or critical axe-core violations', async (page) => {
    await planBanana(page);
    const diary = await new DiaryPage(page, served.server.url).openFromNav();
    await diary.logCramp({ time: '06:30', side: 'left', severity: 8, minutes: 12, swelling: true, numbness: true });
    await eventually(async () => (await diary.readWarnings()).length === 3, { describe: () => 'three warnings expected' });
    await diary.logCramp({ severity: 0 });
    await diary.expectCrampError();
    assert.deepEqual(await axeViolations(page), [], 'axe-core on /diary');
  });

  journey('keyboard only: log a cramp without the mouse', async (page) => {
    const diary = await new DiaryPage(page, served.server.url).open();
    await diary.byTestId('cramp-severity').focus();
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    // Tab into the "Where" group lands on its checked radio (Calf); Tab again leaves it for "Which leg".
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'cramp-place-calf');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'cramp-side-left');
    await page.keyboard.press('ArrowRight');
    assert.equal(await diary.byTestId('cramp-side-right').isChecked(), true);
    await diary.byTestId('cramp-note').focus();
    await page.keyboard.type('at the desk');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'cramp-add');
    await page.keyboard.press('Enter');
    await eventually(async () => (await diary.cramps().count()) === 1, { describe: () => 'Enter on the button did not log the cramp' });
    assert.match((await diary.readCramps())[0].summary, /^\d\d:\d\d [AP]M · Right calf · severity 4\/10 · 2 min$/);
  });
});
