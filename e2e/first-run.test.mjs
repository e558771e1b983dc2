// The first visit (issue 9): one short, skippable step says what the app does and that it is
// not medical advice, and asks what the targets need; answered, skipped, then changed; and
// one-tap water, kept across a reload. At 360 px, in both themes, axe-clean.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axeViolations, eventually, withPage } from './support/browser.mjs';
import { PlanPage, TargetsPage, collapse } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();
const PHONE = { viewport: { width: 360, height: 780 } };

function journey(name, fn, contextOptions = PHONE) {
  test(name, { timeout: 90_000 }, () => withPage(served.browser, name, (page) => fn(page), { contextOptions }));
}

async function profileLine(plan) {
  return collapse(await plan.byTestId('plan-profile-line').textContent());
}

describe('first visit', () => {
  journey('answered: her own targets at once, and the step does not come back', async (page) => {
    await page.goto(`${served.server.url}/`);
    const welcome = page.getByTestId('first-run');
    await welcome.waitFor({ state: 'visible' });
    const text = collapse(await welcome.textContent());
    assert.match(text, /potassium, magnesium and calcium/);
    assert.match(text, /It is not medical advice\./);
    assert.match(text, /Until you say, they assume Women 31–50 years/);
    await page.getByTestId('first-run-age').fill('58');
    await page.getByTestId('first-run-sex').selectOption('female');
    await page.getByTestId('first-run-submit').click();
    await welcome.waitFor({ state: 'detached' });

    const plan = await new PlanPage(page, served.server.url).openFromNav();
    assert.equal(await profileLine(plan), 'Targets for Women 51–70 years. Change profile or targets');
    assert.equal((await plan.readBar('calcium')).max, 1200);
    await page.reload();
    await plan.byTestId('progress-potassium').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('first-run').count(), 0, 'the step came back after a reload');
    assert.equal((await plan.readBar('calcium')).max, 1200);
  });

  journey('skipped, then changed: the plan says which profile it assumes until she says', async (page) => {
    const plan = await new PlanPage(page, served.server.url).open();
    await page.getByTestId('first-run-skip').click();
    await page.getByTestId('first-run').waitFor({ state: 'detached' });
    assert.equal(
      await profileLine(plan),
      'Targets assume the default profile, Women 31–50 years, until you say who you are. Set your age and sex',
    );
    await page.reload();
    await plan.byTestId('progress-potassium').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('first-run').count(), 0, 'a skipped step came back');
    assert.match(await profileLine(plan), /^Targets assume the default profile/);

    await plan.byTestId('plan-targets-link').click();
    const targets = new TargetsPage(page, served.server.url);
    await targets.byTestId('profile-age').waitFor({ state: 'visible' });
    await targets.setProfile({ age: 75, sex: 'male' });
    await eventually(async () => (await targets.sourceText('calcium')).includes('Men 71+ years'), {
      describe: () => 'the calcium target did not follow the profile',
    });
    await plan.openFromNav();
    assert.equal(await profileLine(plan), 'Targets for Men 71+ years. Change profile or targets');
    assert.equal((await plan.readBar('calcium')).max, 1200);
  });

  journey('a bad age is refused in the step, which stays', async (page) => {
    await page.goto(`${served.server.url}/plan`);
    await page.getByTestId('first-run-age').fill('200');
    await page.getByTestId('first-run-submit').click();
    await eventually(async () => collapse(await page.getByTestId('first-run-error').textContent()) === 'Enter an age of 120 years or less.');
    assert.equal(await page.getByTestId('first-run').count(), 1);
  });

  for (const colorScheme of ['light', 'dark']) {
    journey(`the step at 360 px, ${colorScheme}: no axe violations, no sideways scroll`, async (page) => {
      await page.goto(`${served.server.url}/`);
      await page.getByTestId('first-run').waitFor({ state: 'visible' });
      assert.deepEqual(await axeViolations(page), [], 'axe-core with the first-run step');
      const [scrollWidth, width] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
      assert.ok(scrollWidth <= width, `sideways scroll: ${scrollWidth} > ${width}`);
    }, { ...PHONE, colorScheme });
  }
});

describe('one-tap water', () => {
  journey('+ 1 glass three times, − 1 once: one line, kept across a reload', async (page) => {
    const plan = await new PlanPage(page, served.server.url).open();
    await page.getByTestId('first-run-skip').click();
    for (let i = 0; i < 3; i += 1) await plan.byTestId('water-add').click();
    await plan.byTestId('water-remove').click();
    await eventually(async () => collapse(await plan.byTestId('water-count').textContent()) === '2 glasses of 250 ml');
    await plan.expectBarNow('water', 500);
    assert.equal((await plan.readItems()).length, 1, 'the glasses are one line');
    await page.reload();
    await plan.byTestId('progress-water').waitFor({ state: 'visible' });
    assert.equal(collapse(await plan.byTestId('water-count').textContent()), '2 glasses of 250 ml');
    await plan.expectBarNow('water', 500);
  });
});
