// Screenshots for the README: the start page with a search, a food page, a planned day and
// the diary with a cramp, at 360 px and 1280 px, light and dark, into docs/screenshots/ (PNG,
// the viewport only, so each stays small).
//
//   node e2e/screenshots.mjs            # from dist/ (E2E_DIST=/path/to/dist for another build)
//   SCREENSHOTS_DIR=/tmp/shots node e2e/screenshots.mjs

import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { CONTEXT_OPTIONS, launchBrowser } from './support/browser.mjs';
import { DiaryPage, FoodPage, HomePage, PlanPage } from './support/pages.mjs';
import { startServer } from './support/server.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.E2E_DIST || `${REPO}dist`;
const OUT = process.env.SCREENSHOTS_DIR || `${REPO}docs/screenshots`;

/** A day planned for the plan and diary shots. */
const DAY = [
  { query: 'banana raw', title: 'Bananas, raw', meal: 'breakfast', amount: 1, unitLabel: '1 medium (7" to 7-7/8" long), 118 g' },
  { query: 'yogurt plain low fat', title: 'Yogurt, plain, low fat, 12 grams protein per 8 ounce', meal: 'breakfast', amount: 200, unitLabel: 'g' },
  { query: 'spinach raw', title: 'Spinach, raw', meal: 'lunch', amount: 100, unitLabel: 'g' },
  { query: 'potato baked flesh skin', title: 'Potatoes, baked, flesh and skin, without salt', meal: 'dinner', amount: 200, unitLabel: 'g' },
];

const server = await startServer({ root: DIST });
const browser = await launchBrowser();
try {
  await mkdir(OUT, { recursive: true });
  for (const theme of ['light', 'dark']) {
    for (const [width, height] of [
      [360, 780],
      [1280, 800],
    ]) {
      const context = await browser.newContext({
        ...CONTEXT_OPTIONS,
        viewport: { width, height },
        deviceScaleFactor: 1,
        colorScheme: theme,
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      const home = await new HomePage(page, server.url).open();
      await home.search('banana');
      await page.keyboard.press('ArrowDown');
      await shoot(page, `search-${width}-${theme}.png`);
      const food = await new FoodPage(page, server.url).open('09040');
      await food.selectServing('1 medium');
      await shoot(page, `food-${width}-${theme}.png`);
      const plan = await new PlanPage(page, server.url).open();
      for (const food of DAY) await plan.addFood(food);
      await plan.byTestId('progress-potassium').scrollIntoViewIfNeeded();
      await shoot(page, `plan-${width}-${theme}.png`);
      const diary = await new DiaryPage(page, server.url).openFromNav();
      await diary.logCramp({ time: '03:15', place: 'calf', side: 'left', severity: 6, minutes: 2, helped: ['stretching'] });
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, `diary-${width}-${theme}.png`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

async function shoot(page, name) {
  const file = `${OUT}/${name}`;
  await page.screenshot({ path: file });
  const { size } = await stat(file);
  console.log(`${file} ${Math.round(size / 1024)} KB`);
}
