// A screen-reader pass over the labels, on the release bundle in headless Debian Chromium:
// every screen of the app is read from Chromium's own accessibility tree (the computed roles
// and names that screen readers get, through the DevTools protocol's
// Accessibility.getFullAXTree), and checked for
//   1. interactive nodes without a name, or with a name that is only punctuation or generic;
//   2. progress bars without a name or without aria-valuenow/min/max (tree and DOM);
//   3. not exactly one level-1 heading, or a heading that skips a level;
//   4. landmarks: one main, at most one banner and one contentinfo, and landmarks of one role
//      told apart by distinct names (a second navigation needs a name);
//   5. two controls with the same name in the same landmark, named form or named group (list
//      rows must name their item: "Remove Bananas, raw", not "Remove" on every row).
// Any finding fails the screen's test, with the screen, role, name and data-testid.
//
// With A11Y_WRITE=1 each screen's aria snapshot (Playwright's YAML view of the same tree) is
// written to docs/a11y/<screen>.yaml, for a human to read what a screen reader announces.
//
// Run after `trunk build --release`: node --test e2e/screenreader.test.mjs
// (E2E_DIST=/path/to/dist for another build)

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { eventually, withPage } from './support/browser.mjs';
import { App, BackupPage, collapse, DiaryPage, FoodPage, HomePage, PlanPage, RichPage, SummaryPage, TargetsPage, TrendsPage } from './support/pages.mjs';
import { REPO, useApp } from './support/suite.mjs';

const SNAPSHOT_DIR = `${REPO}docs/a11y/`;
const WRITE_SNAPSHOTS = process.env.A11Y_WRITE === '1';

/** Roles a screen-reader user operates; each needs a name that says what it does. */
const INTERACTIVE_ROLES = new Set([
  'button', 'link', 'textbox', 'searchbox', 'combobox', 'listbox', 'option', 'checkbox', 'radio',
  'spinbutton', 'slider', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
  // Chromium's own roles for <input type=date|time> (Playwright's snapshot calls them textbox).
  'Date', 'InputTime',
]);

/**
 * Chromium's roles for native controls made of parts in the browser's own shadow DOM (the
 * month, day and year fields of a date input...). The control is checked; its parts, named by
 * the browser and alike in every date field, are not.
 */
const NATIVE_COMPOSITES = new Set(['Date', 'InputTime']);

/** Names that do not say what a control does. Compared in lower case. */
const GENERIC_NAMES = new Set(['button', 'link', 'click', 'click here', 'here', 'more', 'read more', 'learn more', 'submit', 'icon', 'image', 'untitled']);

/** Landmark roles; `form` and `region` are landmarks only when named. */
const LANDMARK_ROLES = new Set(['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search']);
const NAMED_ONLY_LANDMARKS = new Set(['form', 'region']);

/**
 * Where two controls with the same name are ambiguous: the same landmark, named form or named
 * group (their name is announced on the way in), or the same list of options. Rows of a list
 * or table are not a context of their own.
 */
const SCOPE_ROLES = new Set(['RootWebArea', 'dialog', 'alertdialog', 'listbox', 'MenuListPopup', 'menu', 'menubar', 'tablist', 'tree']);
const NAMED_SCOPE_ROLES = new Set(['group', 'radiogroup']);

const BANANA = Object.freeze({ query: 'banana raw', title: 'Bananas, raw', meal: 'breakfast', amount: 100, unitLabel: 'g' });
// 500 g of spinach takes potassium and magnesium past their targets, so bars above their
// maximum are read too.
const SPINACH = Object.freeze({ query: 'spinach raw', title: 'Spinach, raw', meal: 'breakfast', amount: 500, unitLabel: 'g' });

const served = useApp();

/** A test that runs `fn(page)` in a fresh browser context (see withPage). */
function journey(name, fn) {
  test(name, { timeout: 90_000 }, () => withPage(served.browser, name, (page) => fn(page)));
}

/** The screens, each brought into the state it is read in. */
const SCREENS = [
  {
    screen: 'search',
    state: '/ with nothing typed',
    open: (page) => new HomePage(page, served.server.url).open(),
  },
  {
    screen: 'search-results',
    state: '/ with "banana" typed, results shown',
    open: async (page) => {
      const home = await new HomePage(page, served.server.url).open();
      await home.search('banana');
    },
  },
  {
    screen: 'food',
    state: '/food/09040 (Bananas, raw) with a custom amount of 150 g',
    open: async (page) => {
      const food = await new FoodPage(page, served.server.url).open('09040');
      await food.setCustomAmount(150, 'g');
      await food.expectAmount('potassium', 537, 'mg');
    },
  },
  {
    screen: 'rich',
    state: '/rich, foods richest in potassium',
    open: async (page) => {
      const rich = await new RichPage(page, served.server.url).open();
      await rich.settle();
    },
  },
  {
    screen: 'plan',
    state: '/plan with Bananas, raw 100 g and Spinach, raw 500 g for breakfast',
    open: async (page) => {
      const plan = await new PlanPage(page, served.server.url).open();
      for (const food of [BANANA, SPINACH]) await plan.addFood(food);
      await eventually(async () => (await plan.readItems()).length === 2, { describe: () => 'the two foods were not added' });
      await eventually(async () => (await plan.readBar('potassium')).now > 2600, { describe: () => 'potassium is not past its target' });
    },
  },
  {
    screen: 'diary',
    state: '/diary with a cramp logged',
    open: async (page) => {
      const diary = await new DiaryPage(page, served.server.url).open();
      await diary.logCramp({ time: '06:30', place: 'calf', side: 'left', severity: 6, minutes: 2, helped: ['stretching'] });
      await eventually(async () => (await diary.cramps().count()) === 1, { describe: () => 'the cramp was not logged' });
    },
  },
  {
    screen: 'trends',
    state: '/trends with a cramp logged today, the numbers of potassium shown',
    open: async (page) => {
      const diary = await new DiaryPage(page, served.server.url).open();
      await diary.logCramp({ time: '06:30', place: 'calf', side: 'left', severity: 6, minutes: 2, helped: ['stretching'] });
      await eventually(async () => (await diary.cramps().count()) === 1, { describe: () => 'the cramp was not logged' });
      const trends = await new TrendsPage(page, served.server.url).open();
      await trends.readTable('potassium');
    },
  },
  {
    screen: 'summary',
    state: '/summary of the last 30 days, with a cramp logged today',
    open: async (page) => {
      const diary = await new DiaryPage(page, served.server.url).open();
      await diary.logCramp({ time: '06:30', place: 'calf', side: 'left', severity: 6, minutes: 2, helped: ['stretching'] });
      await eventually(async () => (await diary.cramps().count()) === 1, { describe: () => 'the cramp was not logged' });
      await new SummaryPage(page, served.server.url).open('days=30');
    },
  },
  {
    screen: 'targets',
    state: '/targets',
    open: (page) => new TargetsPage(page, served.server.url).open(),
  },
  {
    screen: 'backup',
    state: '/backup',
    open: (page) => new BackupPage(page, served.server.url).open(),
  },
  {
    screen: 'about',
    state: '/about',
    open: async (page) => {
      await new App(page, served.server.url).goto('/about');
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
];

/** `items` grouped by `key(item)`, in order of first appearance (Map.groupBy needs Node 21). */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}

/**
 * Chromium's accessibility tree of the page behind `cdp`, as the nodes in it (not ignored), in
 * document order: { id, role, name, level, value, domId, parent } with `parent` the
 * nearest node that is in the tree, and `root` the document.
 * @param {import('playwright-core').CDPSession} cdp
 */
async function readAxTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = [];
  const visit = (raw, parent) => {
    let node = parent;
    if (!raw.ignored) {
      node = {
        id: raw.nodeId,
        role: raw.role?.value ?? '',
        name: collapse(raw.name?.value),
        level: raw.properties?.find((p) => p.name === 'level')?.value?.value,
        value: raw.value?.value,
        domId: raw.backendDOMNodeId,
        parent,
      };
      out.push(node);
    }
    for (const id of raw.childIds ?? []) if (byId.has(id)) visit(byId.get(id), node);
  };
  visit(nodes.find((n) => !n.parentId), null);
  return { root: out[0], nodes: out };
}

/** The nearest ancestor of `node` for which `test(ancestor)` holds, or null. */
function ancestor(node, test) {
  for (let a = node.parent; a; a = a.parent) if (test(a)) return a;
  return null;
}

/** The interactive nodes of `tree`, without the browser-made parts of native date/time inputs. */
function interactiveNodes(tree) {
  return tree.nodes.filter((n) => INTERACTIVE_ROLES.has(n.role) && !ancestor(n, (a) => NATIVE_COMPOSITES.has(a.role)));
}

/** A finding: what `check` found wrong with `node`. */
function finding(check, node, problem) {
  return { check, node, role: node.role, name: node.name, problem };
}

/** Check 1: every interactive node has a name that is more than punctuation and says what it does. */
function checkInteractiveNames(tree) {
  return interactiveNodes(tree).flatMap((n) => {
    if (!n.name) return [finding('name', n, 'has no accessible name')];
    if (/^[\p{P}\p{S}\s]+$/u.test(n.name)) return [finding('name', n, 'its name is only punctuation or symbols')];
    if (GENERIC_NAMES.has(n.name.toLowerCase())) return [finding('name', n, 'its name is generic')];
    return [];
  });
}

/**
 * Check 2, in the tree: every progress bar has a name and a value. (Chromium fills in a
 * missing minimum and maximum with 0 and 100, so those are checked in the DOM.)
 */
function checkProgressbarNodes(tree) {
  return tree.nodes
    .filter((n) => n.role === 'progressbar')
    .flatMap((n) => [
      ...(n.name ? [] : [finding('progressbar', n, 'has no accessible name')]),
      ...(typeof n.value === 'number' ? [] : [finding('progressbar', n, 'has no value (aria-valuenow)')]),
    ]);
}

/**
 * Check 2, in the DOM: every [role=progressbar] has numeric aria-valuemin <
 * aria-valuemax and aria-valuenow >= aria-valuemin. Above the maximum, Chromium reports the
 * maximum as the value, so the real amount must be in aria-valuetext.
 * @param {import('playwright-core').Page} page
 */
async function checkProgressbarAttributes(page) {
  const out = [];
  for (const bar of await page.locator('[role=progressbar]').elementHandles()) {
    const [now, min, max, text] = await Promise.all(
      ['aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-valuetext'].map((a) => bar.getAttribute(a)),
    );
    const where = await bar.evaluate(describeElement);
    const report = (problem) => out.push({ check: 'progressbar', role: 'progressbar', name: '', where, problem });
    const numbers = { 'aria-valuenow': now, 'aria-valuemin': min, 'aria-valuemax': max };
    const missing = Object.entries(numbers).filter(([, v]) => v === null || v.trim() === '' || !Number.isFinite(Number(v)));
    for (const [attribute, v] of missing) report(`${attribute} is ${v === null ? 'missing' : `not a number: ${JSON.stringify(v)}`}`);
    if (missing.length) continue;
    if (!(Number(min) < Number(max))) report(`aria-valuemin ${min} is not below aria-valuemax ${max}`);
    if (Number(now) < Number(min)) report(`aria-valuenow ${now} is below aria-valuemin ${min}`);
    if (Number(now) > Number(max) && !collapse(text)) report(`aria-valuenow ${now} is above aria-valuemax ${max} with no aria-valuetext`);
  }
  return out;
}

/** Check 3: exactly one level-1 heading, no empty heading, and no heading skips a level. */
function checkHeadings(tree) {
  const headings = tree.nodes.filter((n) => n.role === 'heading');
  const out = [];
  const h1s = headings.filter((h) => h.level === 1);
  if (h1s.length === 0) out.push(finding('headings', tree.root, 'the screen has no level-1 heading'));
  for (const h of h1s.slice(1)) out.push(finding('headings', h, `a second level-1 heading (the first is "${h1s[0].name}")`));
  let previous = 0;
  for (const h of headings) {
    if (!h.name) out.push(finding('headings', h, 'the heading is empty'));
    if (h.level > previous + 1) {
      out.push(finding('headings', h, `level ${h.level} ${previous ? `follows level ${previous}` : 'is the first heading'}: a level is skipped`));
    }
    previous = h.level;
  }
  return out;
}

/**
 * Check 4: one main, at most one banner and one contentinfo, and several landmarks of one role
 * (two navigations, say) each named, with distinct names.
 */
function checkLandmarks(tree) {
  const landmarks = tree.nodes.filter((n) => LANDMARK_ROLES.has(n.role) && (n.name || !NAMED_ONLY_LANDMARKS.has(n.role)));
  const out = [];
  const byRole = groupBy(landmarks, (n) => n.role);
  if (!byRole.has('main')) out.push(finding('landmarks', tree.root, 'the screen has no main landmark'));
  for (const [role, nodes] of byRole) {
    if (nodes.length < 2) continue;
    if (['main', 'banner', 'contentinfo'].includes(role)) {
      for (const n of nodes.slice(1)) out.push(finding('landmarks', n, `a second ${role} landmark`));
      continue;
    }
    for (const n of nodes) {
      if (!n.name) out.push(finding('landmarks', n, `one of ${nodes.length} ${role} landmarks, and it has no name`));
      else if (nodes.filter((m) => m.name === n.name).length > 1) out.push(finding('landmarks', n, `another ${role} landmark has the same name`));
    }
  }
  return out;
}

/** Where a control's name is heard: its nearest landmark, named form or group, or list of options. */
function scopeOf(node) {
  return ancestor(node, (a) => {
    if (SCOPE_ROLES.has(a.role)) return true;
    if (NAMED_SCOPE_ROLES.has(a.role)) return Boolean(a.name);
    return LANDMARK_ROLES.has(a.role) && (Boolean(a.name) || !NAMED_ONLY_LANDMARKS.has(a.role));
  });
}

/** Check 5: no two interactive nodes in the same scope (see scopeOf) share a name. */
function checkDuplicateNames(tree) {
  const named = interactiveNodes(tree).filter((n) => n.name);
  const groups = groupBy(named, (n) => `${scopeOf(n).id}\u0000${n.name.toLowerCase()}`);
  return [...groups.values()]
    .filter((nodes) => nodes.length > 1)
    .flatMap((nodes) => {
      const scope = scopeOf(nodes[0]);
      // A <select>'s options sit in a MenuListPopup: name the select instead.
      const owner = scope.role === 'MenuListPopup' ? scope.parent : scope;
      const context = `${owner.role}${owner.name ? ` "${owner.name}"` : ''}`;
      return nodes.map((n) => finding('duplicate-name', n, `${nodes.length} controls in ${context} are named "${n.name}"`));
    });
}

/**
 * A short selector for `el`, to say where a finding is: its data-testid, else its tag and id
 * inside the nearest element with a data-testid. Runs in the page.
 * @param {Node} el
 */
function describeElement(el) {
  if (!(el instanceof Element)) return 'document';
  const testId = el.getAttribute('data-testid');
  if (testId) return `[data-testid="${testId}"]`;
  const tag = el.localName + (el.id ? `#${el.id}` : '');
  const owner = el.parentElement?.closest('[data-testid]');
  return owner ? `[data-testid="${owner.getAttribute('data-testid')}"] ${tag}` : tag;
}

/** describeElement for the DOM node behind an accessibility node. */
async function locate(cdp, node) {
  if (node.domId === undefined) return '(no DOM node)';
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.domId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () { return (${describeElement})(this); }`,
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  return result.value;
}

/** All five checks on the screen shown in `page`: [{check, role, name, where, problem}]. */
async function screenReaderFindings(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const tree = await readAxTree(cdp);
    const found = [
      ...checkInteractiveNames(tree),
      ...checkProgressbarNodes(tree),
      ...checkHeadings(tree),
      ...checkLandmarks(tree),
      ...checkDuplicateNames(tree),
    ];
    const located = [];
    for (const { node, ...f } of found) located.push({ ...f, where: await locate(cdp, node) });
    return [...located, ...(await checkProgressbarAttributes(page))];
  } finally {
    await cdp.detach();
  }
}

/** One line for a finding. */
function formatFinding(f) {
  return `${f.check}: ${f.role}${f.name ? ` "${f.name}"` : ''} at ${f.where}: ${f.problem}`;
}

/** Writes what a screen reader reads on `screen` (the aria snapshot of <body>) to docs/a11y/. */
async function writeSnapshot(page, { screen, state }) {
  const yaml = await page.locator('body').ariaSnapshot();
  await mkdir(SNAPSHOT_DIR, { recursive: true });
  const header = `# What a screen reader reads on ${state} (Playwright aria snapshot).\n# Written by A11Y_WRITE=1 node --test e2e/screenreader.test.mjs\n`;
  await writeFile(`${SNAPSHOT_DIR}${screen}.yaml`, `${header}${yaml}\n`);
}

describe('screen-reader pass over the labels', () => {
  for (const s of SCREENS) {
    journey(`${s.screen}: ${s.state}`, async (page) => {
      await s.open(page);
      if (WRITE_SNAPSHOTS) await writeSnapshot(page, s);
      const findings = await screenReaderFindings(page);
      assert.deepEqual(findings.map(formatFinding), [], `a screen reader would stumble on ${s.state}`);
    });
  }
});
