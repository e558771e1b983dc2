// Issue 14, finding 1: with the browser's storage full (or blocked), no control says "saved"
// or "Added": each says next to itself that its change was not saved, the day says it has
// unsaved changes, leaving or reloading asks first, and after the reload the app says what
// could not be kept.
//
// Run after a release build: E2E_DIST=/path/to/dist node --test e2e/honest-saves.test.mjs

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { collapse, DiaryPage, fillLocalStorage, PlanPage, TargetsPage } from './support/pages.mjs';
import { useApp } from './support/suite.mjs';

const served = useApp();

const FULL = /^Not saved: this browser's storage is full — export a backup, then free space\.$/;
const BLOCKED = /^Not saved: this browser does not let the app keep anything/;

/** Fills localStorage with other keys until even one more character is refused. */
async function fillStorage(page) {
  const filled = await fillLocalStorage(page);
  assert.ok(filled > 0, 'localStorage took nothing');
}

/** Every touch of localStorage throws, as with site data blocked. */
async function blockStorage(page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
}

/** Waits for the element `testId` to say `pattern` and returns its text. */
async function expectText(app, testId, pattern) {
  let last;
  await eventually(async () => pattern.test((last = collapse(await app.byTestId(testId).textContent()))), {
    describe: () => `${testId} says "${last}", not ${pattern}`,
  });
  return last;
}

/** A test on a fresh page; the page's dialogs (beforeunload) are accepted and counted. */
function honest(name, fn) {
  test(name, { timeout: 90_000 }, () =>
    withPage(served.browser, name, async (page) => {
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.type());
        return d.accept();
      });
      await fn(page, dialogs);
    }),
  );
}

/** The diary with storage full. */
async function fullDiary(page) {
  const diary = await new DiaryPage(page, served.server.url).open();
  await fillStorage(page);
  return diary;
}

/** The plan with storage full. */
async function fullPlan(page) {
  const plan = await new PlanPage(page, served.server.url).open();
  await fillStorage(page);
  return plan;
}

describe('a change that was not stored never says it was', () => {
  honest('notes + Tab with storage full: "Not saved" next to the notes, not "Notes saved."', async (page, dialogs) => {
    const diary = await fullDiary(page);
    await diary.setNotes('Calf cramp after the run.');
    await expectText(diary, 'diary-notes-status', FULL);
    assert.equal(await diary.notes(), 'Calf cramp after the run.', 'the text stays in the field');
    assert.equal(await diary.byTestId('diary-notes-error').textContent(), '');
    await diary.byTestId('day-unsaved').waitFor({ state: 'visible' });
    assert.match(await diary.byTestId('day-unsaved').textContent(), /unsaved changes/i);

    // Reloading asks first; after it, the app says what could not be kept.
    await page.reload();
    assert.deepEqual(dialogs, ['beforeunload']);
    await diary.waitForReady();
    await expectText(diary, 'lost-changes', /^Not kept when this page was last left or reloaded .*: the changes to .+\d{4}\./);
  });

  honest('logging a cramp with storage full: "Not saved" at the form, no "Logged the cramp"', async (page) => {
    const diary = await fullDiary(page);
    await diary.logCramp({ time: '03:15', place: 'calf', side: 'left', severity: 6 });
    await expectText(diary, 'cramp-error', FULL);
    assert.equal(collapse(await diary.byTestId('cramp-status').textContent()), '');
    assert.equal((await diary.readCramps()).length, 1, 'the cramp is on screen');
    await diary.byTestId('day-unsaved').waitFor({ state: 'visible' });
  });

  honest('activity with storage full: "Not saved" by the fields, not "Saved."', async (page) => {
    const diary = await fullDiary(page);
    await diary.setActivity('exercise', 45);
    await expectText(diary, 'activity-status', FULL);
    assert.equal(await diary.activityValue('exercise'), '45');
  });

  honest('a potassium target of 3,000 mg with storage full: shown, and "Not saved" by its field', async (page) => {
    const targets = await new TargetsPage(page, served.server.url).open();
    await fillStorage(page);
    await targets.override('potassium', '3000');
    await expectText(targets, 'target-error-potassium', FULL);
    assert.match(await targets.targetText('potassium'), /^3,000 mg$/);
  });

  honest('"+ 1 glass" with storage full: "Not saved" under the water buttons', async (page) => {
    const plan = await fullPlan(page);
    await plan.byTestId('water-add').click();
    await expectText(plan, 'water-error', FULL);
    assert.match(collapse(await plan.byTestId('water-count').textContent()), /^1 glass/);
    await plan.byTestId('day-unsaved').waitFor({ state: 'visible' });
  });

  honest('quick add with storage full: "Not saved" at the add form, no "Added"', async (page) => {
    const plan = await fullPlan(page);
    await plan.quickAdd({ query: 'banana raw', title: 'Bananas, raw', meal: 'breakfast' });
    await expectText(plan, 'plan-add-error', FULL);
    assert.equal(collapse(await plan.byTestId('plan-add-status').textContent()), '');
    await eventually(async () => (await plan.readItems()).length === 1, { describe: () => 'the banana is not on screen' });
  });

  honest('storage blocked: notes say nothing can be kept, next to the field', async (page) => {
    await blockStorage(page);
    const diary = await new DiaryPage(page, served.server.url).open();
    await diary.setNotes('Tired legs.');
    await expectText(diary, 'diary-notes-status', BLOCKED);
  });
});
