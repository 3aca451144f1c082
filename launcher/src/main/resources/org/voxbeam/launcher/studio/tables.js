// Sequences as paged HTML tables, with the whole sequence downloadable as CSV.
import { api } from './api.js';

const PAGE = 50;
const CSV_PAGE = 1000;

/** The columns of a page: indices of row arrays, keys of records, else one "value" column. */
function columns(items) {
  const names = new Set();
  let rows = false;
  for (const item of items) {
    if (Array.isArray(item.value)) {
      rows = true;
      item.value.forEach((_, i) => names.add(String(i)));
    } else if (item.value !== null && typeof item.value === 'object') {
      rows = true;
      Object.keys(item.value).forEach((key) => names.add(key));
    }
  }
  return rows ? [...names] : ['value'];
}

function cell(item, column) {
  if (!('value' in item)) {
    return `(${item.type}${item.length !== undefined ? `, ${item.length} items` : ''})`;
  }
  const v = item.value;
  const value = v !== null && typeof v === 'object' ? v[column] : column === 'value' ? v : undefined;
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function csvField(text) {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function downloadCsv(descriptor, link) {
  link.textContent = 'preparing CSV…';
  const items = [];
  for (let offset = 0; offset < descriptor.length; offset += CSV_PAGE) {
    const page = await api.items(descriptor.node_id, offset, CSV_PAGE);
    items.push(...page.items);
    link.textContent = `preparing CSV… ${items.length}/${descriptor.length}`;
  }
  const names = columns(items);
  const lines = [['index', ...names].map(csvField).join(',')];
  for (const item of items) {
    lines.push([String(item.index), ...names.map((name) => cell(item, name))].map(csvField).join(','));
  }
  const url = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${descriptor.node_id}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  link.textContent = 'Download CSV';
}

/** Renders a sequence descriptor into container: a page of rows, paging buttons, a CSV download. */
export function renderSequence(container, descriptor) {
  container.replaceChildren();
  const bar = document.createElement('div');
  bar.className = 'row';
  const previous = Object.assign(document.createElement('button'), { textContent: '◀ previous' });
  const next = Object.assign(document.createElement('button'), { textContent: 'next ▶' });
  const where = document.createElement('span');
  const csv = Object.assign(document.createElement('button'), { textContent: 'Download CSV' });
  csv.className = 'csv';
  bar.append(previous, where, next, csv);
  const table = document.createElement('table');
  container.append(bar, table);
  let offset = 0;

  async function show() {
    const page = await api.items(descriptor.node_id, offset, PAGE);
    const names = columns(page.items);
    const head = `<tr><th>#</th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}</tr>`;
    table.innerHTML = head;
    for (const item of page.items) {
      const row = table.insertRow();
      row.insertCell().textContent = item.index;
      for (const name of names) row.insertCell().textContent = cell(item, name);
    }
    const last = Math.min(offset + PAGE, descriptor.length);
    where.textContent = descriptor.length ? `${offset + 1}–${last} of ${descriptor.length}` : 'empty';
    previous.disabled = offset === 0;
    next.disabled = last >= descriptor.length;
  }

  previous.onclick = () => { offset = Math.max(0, offset - PAGE); show(); };
  next.onclick = () => { offset += PAGE; show(); };
  csv.onclick = () => downloadCsv(descriptor, csv);
  return show();
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
