// The USDA SR28 CSVs the data was converted from (../shared/data/usda, or USDA_DIR), read
// for expected figures: foods.csv (per 100 g) and portions.csv (household measures).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const USDA_DIR = process.env.USDA_DIR || `${REPO}../shared/data/usda`;

/** false when the CSVs are there, else why a test needing them is skipped. */
export const skipWithoutUsda = existsSync(`${USDA_DIR}/foods.csv`) ? false : `no ${USDA_DIR}/foods.csv (set USDA_DIR)`;

/** foods.csv → Map(ndb → {description, food_group, energy_kcal, potassium_mg, ...}); empty cells → NaN. */
export function readFoods() {
  const rows = parseCsv(readFileSync(`${USDA_DIR}/foods.csv`, 'utf8'));
  const header = rows.shift();
  const map = new Map();
  for (const row of rows) {
    const rec = {};
    header.forEach((h, i) => {
      rec[h] = /^(ndb_no|description|food_group)$/.test(h) ? row[i] : row[i] === '' ? Number.NaN : Number(row[i]);
    });
    map.set(rec.ndb_no, rec);
  }
  return map;
}

/** portions.csv rows of `ndb`, as {amount, unit, grams}. */
export function readPortions(ndb) {
  const rows = parseCsv(readFileSync(`${USDA_DIR}/portions.csv`, 'utf8'));
  rows.shift();
  return rows
    .filter((r) => r[0] === ndb)
    .map(([, , amount, unit, grams]) => ({ amount: Number(amount), unit, grams: Number(grams) }));
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}
