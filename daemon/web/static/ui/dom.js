// Building the page: elements from data (text, never HTML: names and titles from the
// store cannot inject markup), the NL Design System's components by their class names,
// and dates on the Amsterdam wall clock.
import { state, t } from './i18n.js';

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

export function $(id) { return document.getElementById(id); }

// --- NL Design System components (Utrecht's component library) --------------------
export function heading(level, text, attrs) {
  return el('h' + level, { ...attrs, class: `utrecht-heading-${level}` + (attrs && attrs.class ? ' ' + attrs.class : '') }, text);
}
export function paragraph(...children) { return el('p', { class: 'utrecht-paragraph' }, ...children); }
export function link(href, text, attrs) { return el('a', { ...attrs, href, class: 'utrecht-link utrecht-link--html-a' }, text); }
export function button(text, onclick, kind, attrs) {
  const cls = `utrecht-button utrecht-button--${kind || 'secondary-action'}` + (attrs && attrs.class ? ' ' + attrs.class : '');
  return el('button', { type: 'button', ...attrs, class: cls, onclick }, text);
}
export function submit(text, attrs) {
  return el('button', { type: 'submit', ...attrs, class: 'utrecht-button utrecht-button--primary-action' + (attrs && attrs.class ? ' ' + attrs.class : '') }, text);
}
export function textbox(attrs) { return el('input', { type: 'text', ...attrs, class: 'utrecht-textbox utrecht-textbox--html-input' }); }
export function textarea(attrs) { return el('textarea', { ...attrs, class: 'utrecht-textarea utrecht-textarea--html-textarea' }); }
export function select(attrs, options) {
  return el('select', { ...attrs, class: 'utrecht-select utrecht-select--html-select' },
    options.map(([value, text]) => el('option', { value }, text)));
}
let fieldCount = 0;
// A labelled form field: the label is tied to the input by id (WCAG 1.3.1, 3.3.2).
export function field(label, input, description) {
  if (!input.id) input.id = 'f' + (++fieldCount);
  const parts = [el('div', { class: 'utrecht-form-field__label' }, el('label', { class: 'utrecht-form-label', for: input.id }, label))];
  if (description) {
    const d = el('div', { class: 'utrecht-form-field-description', id: input.id + '-d' }, description);
    input.setAttribute('aria-describedby', d.id);
    parts.push(d);
  }
  parts.push(el('div', { class: 'utrecht-form-field__input' }, input));
  return el('div', { class: 'utrecht-form-field utrecht-form-field--text' }, parts);
}
export function buttonGroup(...buttons) { return el('div', { class: 'utrecht-button-group' }, ...buttons); }

// A table that scrolls sideways inside its card on a narrow screen instead of widening the page.
export function table(caption, headers, rows, attrs) {
  const head = el('thead', { class: 'utrecht-table__header' }, el('tr', { class: 'utrecht-table__row' },
    headers.map(h => el('th', { class: 'utrecht-table__header-cell', scope: 'col' }, h))));
  const body = el('tbody', { class: 'utrecht-table__body' }, rows);
  // Focusable and named, so a keyboard user can scroll it too (WCAG 2.1.1).
  return el('div', { class: 'utrecht-table-container utrecht-table-container--overflow-inline',
    tabindex: '0', role: 'region', 'aria-label': caption || headers.join(', ') },
    el('table', { ...attrs, class: 'utrecht-table utrecht-table--html-table' + (attrs && attrs.class ? ' ' + attrs.class : '') },
      caption ? el('caption', { class: 'utrecht-table__caption sr' }, caption) : null, head, body));
}
export function row(cells, attrs) {
  return el('tr', { ...attrs, class: 'utrecht-table__row' + (attrs && attrs.class ? ' ' + attrs.class : '') },
    cells.map(c => (c instanceof Node && c.tagName === 'TD') ? c : el('td', { class: 'utrecht-table__cell' }, c)));
}
export function cell(attrs, ...children) {
  return el('td', { ...attrs, class: 'utrecht-table__cell' + (attrs && attrs.class ? ' ' + attrs.class : '') }, ...children);
}
export function card(title, ...children) {
  return el('section', { class: 'card' }, title ? heading(2, title) : null, ...children);
}
export function badge(text, kind) { return el('span', { class: `utrecht-status-badge utrecht-status-badge--${kind || 'neutral'}` }, text); }

// --- the message line --------------------------------------------------------------
export function banner(text, kind) {
  const b = $('banner');
  b.replaceChildren();
  b.hidden = !text;
  if (!text) return;
  b.className = 'utrecht-alert utrecht-alert--' + (kind === 'ok' ? 'ok' : kind === 'info' ? 'info' : 'error');
  b.append(el('div', { class: 'utrecht-alert__content' }, el('div', { class: 'utrecht-alert__message' }, text)));
  b.scrollIntoView({ block: 'nearest' });
}
export function showError(e) { banner(`${e.status || ''} ${e.message}`.trim(), 'error'); }

// --- time: everything is shown as the wall clock in Amsterdam -----------------------
export const ZONE = 'Europe/Amsterdam';
export function locale() { return state.lang === 'en' ? 'en-GB' : 'nl-NL'; }
export function formatDue(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short',
    year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
export function formatDay(isoDate, weekday) {
  if (!isoDate) return '–';
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: weekday ? 'long' : undefined, day: 'numeric',
    month: 'long', year: 'numeric' }).format(new Date(isoDate.slice(0, 10) + 'T00:00:00Z'));
}
// 1.6 fte as "1,6" in Dutch; sums of doubles (0.6 + 0.4 + ...) are rounded to two places.
export function fte(n) { return Number(n.toFixed(2)).toLocaleString(locale()); }
// "YYYY-MM-DD" and "HH:MM" of an instant on the Amsterdam wall clock, for the forms.
export function localParts(iso) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso)).map(p => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
// okod's "now", not the browser's: a demo okod's clock may run elsewhere.
export function okodNow() { return state.me && state.me.now ? Date.parse(state.me.now) : Date.now(); }
export function today() { return localParts(new Date(okodNow()).toISOString()).date; }
export function daysAgo(n) { return localParts(new Date(okodNow() - n * 86400000).toISOString()).date; }

// --- tasks, as every view shows them --------------------------------------------------
export function taskTitle(task) { return (task.title && (task.title[state.lang] || task.title.nl)) || task.key; }
export function lightDot(light) {
  if (!light) return el('span', { class: 'light none', 'aria-hidden': 'true' }, '✓');
  return el('span', { class: 'light ' + light, title: t('light_' + light) }, el('span', { class: 'sr' }, t('light_' + light)));
}
export function statusText(task) {
  return el('span', { class: 'status ' + task.status }, t('status_' + task.status),
    task.closed_by ? el('span', { class: 'by' }, ' · ' + task.closed_by) : null);
}
