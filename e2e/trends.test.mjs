// End-to-end journeys of looking back (issue 13) on the release bundle, in headless Debian
// Chromium: 60 days imported from a backup file, where cramp days have less potassium; the
// trends chart and its table show the right values, the comparison names the group sizes and
// the lower potassium, the doctor's summary prints; the diary lists a past day and its week;
// axe finds nothing on the new screens in both themes at 360 and 1280 px. Screenshots go to
// e2e/artifacts/ (looked at by eye).
//
// The context runs in UTC, so the page's "today" is `new Date().toISOString().slice(0, 10)`.
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/trends.test.mjs

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

import { axeViolations, eventually, withPage } from './support/browser.mjs';
import { BackupPage, DiaryPage, SummaryPage, TrendsPage, collapse } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));
const served = useApp();

function journey(name, fn, options = {}) {
  test(name, { timeout: 180_000 }, () => withPage(served.browser, name, fn, options));
}

/** YYYY-MM-DD, `offset` days from today (UTC, as the context). */
function isoDate(offset = 0) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

// Bananas, raw (09040): K 358 mg per 100 g. Cramp days: 200 g (716 mg); other days 600 g
// (2,148 mg). Days 1 to 60 before today; every 4th has a night cramp (15 days); days 30 and 31
// before today hold only a note (recorded, no food: gaps, not zeros).
const DAYS = 60;
const GAPS = new Set([30, 31]);
const isCrampDay = (back) => back % 4 === 0;
const CRAMP_DAYS = [...Array(DAYS).keys()].map((i) => i + 1).filter(isCrampDay).length;
const OTHER_DAYS = DAYS - GAPS.size - CRAMP_DAYS;

/** The stored form of a day `back` days before today. */
function dayOf(back) {
  if (GAPS.has(back)) return { n: 'Travelling, nothing logged' };
  const grams = isCrampDay(back) ? 200 : 600;
  const day = {
    p: { v: 1, next_id: 2, lunch: [{ kind: 'food', id: 1, ndb: '09040', amount: grams, unit: 'g' }] },
  };
  if (isCrampDay(back)) {
    day.c = [{ t: '03:00', at: 'calf', side: 'left', sev: 6, min: 2, helped: ['stretching'] }];
    day.a = { feet: 6 };
  }
  return day;
}

/** Imports the 60 days through the backup page (the app's own export, plus the days). */
async function importSixtyDays(page) {
  const backup = await new BackupPage(page, served.server.url).open();
  const exported = JSON.parse((await backup.download('export-json')).text);
  exported.days = Object.fromEntries(
    [...Array(DAYS).keys()].map((i) => [isoDate(-(i + 1)), dayOf(i + 1)]),
  );
  await backup.chooseFile({
    name: 'sixty-days.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  const preview = await backup.readPreview();
  assert.equal(preview.new, DAYS, preview.text);
  await backup.merge();
}

const RANGE = `from=${isoDate(-DAYS)}&to=${isoDate(-1)}`;

async function shot(page, name, options = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true, ...options });
  return file;
}

describe('trends, cramp days and the doctor summary', () => {
  journey('60 imported days: the chart, its table, the comparison and the print view', async (page) => {
    await importSixtyDays(page);
    const trends = await new TrendsPage(page, served.server.url).openFromNav();
    // The custom range of the 60 days, through the date fields.
    await trends.chooseRange(isoDate(-DAYS), isoDate(-1));
    await eventually(async () => (await trends.text('trends-period')).endsWith(`(${DAYS} days)`), {
      describe: () => 'the custom range was not shown',
    });
    assert.equal(new URL(page.url()).search, `?${RANGE}`);

    // The chart: a bar per logged day (no zero bars for the gaps), cramp days marked.
    const chart = await trends.readChart('potassium');
    assert.equal(chart.role, 'img');
    assert.equal(chart.bars.length, DAYS - GAPS.size);
    assert.equal(chart.cramps, CRAMP_DAYS);
    assert.equal(chart.target, 1);
    assert.match(chart.title, new RegExp(`^Potassium: .* over ${DAYS - GAPS.size} logged days of ${DAYS}`));
    assert.match(chart.title, new RegExp(`Cramps on ${CRAMP_DAYS} of ${DAYS} days`));
    // Cramp-day bars are a third as tall as the others.
    const heights = [...new Set(chart.bars.map((b) => b.height.toFixed(1)))].sort((a, b) => a - b);
    assert.equal(heights.length, 2, `bar heights: ${heights}`);
    assert.ok(Math.abs(heights[1] / heights[0] - 3) < 0.01, `bar heights: ${heights}`);
    // The moving average is one unbroken line (no gap is 7 days long).
    assert.equal((chart.average.match(/M/g) ?? []).length, 1, chart.average);

    // The table: the same numbers, oldest day first.
    const rows = await trends.readTable('potassium');
    assert.equal(rows.length, DAYS);
    rows.forEach((row, i) => {
      const back = DAYS - i;
      const expected = GAPS.has(back) ? 'not logged' : isCrampDay(back) ? '716 mg' : '2,148 mg';
      assert.equal(row.total, expected, `${row.day} (${back} days ago)`);
      assert.equal(row.cramps, isCrampDay(back) ? '1 cramp' : '', `${row.day} cramps`);
    });
    assert.match(await trends.text('trend-average-potassium'), new RegExp(`over ${DAYS - GAPS.size} logged days of ${DAYS}`));
    assert.match(await trends.text('trends-cramps'), new RegExp(`Cramps on ${CRAMP_DAYS} of ${DAYS} days \\(${CRAMP_DAYS} episodes\\)`));

    // The comparison: group sizes and the lower potassium, with a measure of chance.
    const same = await trends.readComparison('same-day');
    assert.equal(same.headline, `Compared: ${CRAMP_DAYS} cramp days and ${OTHER_DAYS} other days with food logged.`);
    assert.equal(same.measures.length, 9);
    const potassium = same.measures.find((m) => m.startsWith('Potassium'));
    assert.match(potassium, /On cramp days you had on average 1,432 mg less potassium than on other days/);
    assert.match(potassium, new RegExp(`\\(${CRAMP_DAYS} cramp days, ${OTHER_DAYS} other days\\)`));
    assert.match(potassium, /unlikely to be chance alone/);
    const before = await trends.readComparison('day-before');
    assert.match(before.headline, /days before a cramp/);
    assert.match(await trends.text('comparison-caveat'), /a pattern is not a cause/);

    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, 'trends-1280.png');

    // The doctor's summary of the same period, printed.
    await trends.byTestId('trends-summary-link').click();
    const summary = new SummaryPage(page, served.server.url);
    await summary.byTestId('summary-period').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).pathname, '/summary');
    assert.match(collapse(await summary.byTestId('summary-period').textContent()), new RegExp(`\\(${DAYS} days\\)`));
    assert.match(
      collapse(await summary.byTestId('summary-logging').textContent()),
      new RegExp(`Food logged on ${DAYS - GAPS.size} of ${DAYS} days; cramps on ${CRAMP_DAYS} days`),
    );
    assert.equal(await summary.byTestId('summary-cramp').count(), CRAMP_DAYS);
    assert.match(collapse(await summary.byTestId('summary-average-potassium').textContent()), /over 58 logged days of 60/);
    assert.match(collapse(await summary.byTestId('summary-comparison').textContent()), /1,432 mg less potassium/);
    await summary.byTestId('summary-print').waitFor({ state: 'visible' });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await summary.byTestId('summary-print').isVisible(), false, 'the print button is printed');
    assert.equal(await page.locator('.site-header').isVisible(), false, 'the navigation is printed');
    await shot(page, 'summary-print.png');
    // A month prints on at most 2 pages.
    await summary.goto('/summary?days=30');
    await summary.byTestId('summary-period').waitFor({ state: 'visible' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 2, `a month's summary prints on ${pages} pages`);
  });

  journey('the diary lists a past day by meal and its week, each day opening', async (page) => {
    await importSixtyDays(page);
    const diary = await new DiaryPage(page, served.server.url).open();
    await diary.openDay(isoDate(-4));
    await diary.byTestId('day-record-item').first().waitFor({ state: 'visible' });
    const item = collapse(await diary.byTestId('day-record-item').first().textContent());
    assert.match(item, /Bananas, raw/);
    assert.match(item, /200 g/);
    assert.match(item, /K 716/);
    assert.match(collapse(await diary.byTestId('day-record-cramp').textContent()), /Left calf · severity 6\/10 · 2 min/);
    assert.match(collapse(await diary.byTestId('day-record-cramp').textContent()), /Helped: Stretching/i);
    assert.equal(collapse(await diary.byTestId('day-record-activity').textContent()), '6 h on your feet');
    // The week to that day: 7 days, 2 with a cramp (4 and 8 days ago).
    await diary.byTestId('week-days').waitFor({ state: 'visible' });
    assert.equal(await diary.byTestId('week-day').count(), 7);
    assert.equal(await diary.byTestId('week-cramps').count(), 2);
    assert.equal(collapse(await diary.byTestId('week-summary').textContent()), 'Food logged on 7 of 7 days; cramps on 2 days.');
    await diary.byTestId('day-record').scrollIntoViewIfNeeded();
    await shot(page, 'diary-past-day-1280.png');
    await diary.byTestId(`week-day-open-${isoDate(-5)}`).click();
    await eventually(async () => (await diary.openDate()) === isoDate(-5));
    await eventually(async () => /600 g/.test(await diary.byTestId('day-record-item').first().textContent()));
    // A gap day in the week: not logged.
    await diary.openDay(isoDate(-30));
    await diary.byTestId('week-days').waitFor({ state: 'visible' });
    assert.equal(await diary.byTestId('week-not-logged').count(), 2);
    await page.setViewportSize({ width: 360, height: 780 });
    await diary.openDay(isoDate(-4));
    await diary.byTestId('day-record-item').first().waitFor({ state: 'visible' });
    await shot(page, 'diary-past-day-360.png');
  });

  for (const [label, width, colorScheme, theme] of [
    ['light, 1280 px', 1280, 'light', null],
    ['dark, 1280 px', 1280, 'dark', null],
    ['light, 360 px', 360, 'light', null],
    ['dark switch, 360 px', 360, 'light', 'dark'],
  ]) {
    journey(
      `axe: 0 violations on /trends, /summary and the diary's past day — ${label}`,
      async (page) => {
        if (theme) await page.addInitScript((t) => localStorage.setItem('ep.theme', t), theme);
        await importSixtyDays(page);
        const found = [];
        const check = async (name) => {
          await page.waitForTimeout(150);
          const violations = await axeViolations(page, { impacts: ['minor', 'moderate', 'serious', 'critical'] });
          if (violations.length) found.push({ screen: name, violations });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
          // Nor does any table inside its own box: every column is in view without a swipe.
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll('table')]
              .filter((t) => t.offsetParent !== null)
              .map((t) => ({ id: t.dataset.testid, by: t.scrollWidth - t.parentElement.clientWidth }))
              .filter((t) => t.by > 0),
          );
          assert.deepEqual(wide, [], `${name} at ${width} px: tables wider than their box`);
        };
        const trends = await new TrendsPage(page, served.server.url).open(RANGE);
        await trends.readTable('potassium');
        await check('/trends');
        await shot(page, `trends-${width}-${theme ?? colorScheme}.png`);
        await trends.byTestId('trend-chart-potassium').screenshot({ path: path.join(ARTIFACTS, `trend-chart-${width}-${theme ?? colorScheme}.png`) });
        await new SummaryPage(page, served.server.url).open(RANGE);
        await check('/summary');
        const diary = await new DiaryPage(page, served.server.url).open();
        await diary.openDay(isoDate(-4));
        await diary.byTestId('week-days').waitFor({ state: 'visible' });
        await check('/diary (a past day)');
        await diary.byTestId('week-glance').screenshot({ path: path.join(ARTIFACTS, `week-${width}-${theme ?? colorScheme}.png`) });
        await diary.byTestId('day-record').screenshot({ path: path.join(ARTIFACTS, `day-record-${width}-${theme ?? colorScheme}.png`) });
        assert.deepEqual(found, [], JSON.stringify(found, null, 2));
      },
      { contextOptions: { viewport: { width, height: 800 }, colorScheme } },
    );
  }
});
