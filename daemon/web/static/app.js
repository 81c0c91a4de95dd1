// The okod dashboard: one page over okod's JSON API (/api/v1, see /openapi.json).
// A person signs in with a link by e-mail: okod sets an HttpOnly session cookie, which
// every call sends (credentials: 'same-origin'), writes with the session's CSRF token
// (X-CSRF-Token, from GET /api/v1/me). An administrator may paste an API token instead:
// it is kept in the browser (this tab, or this device when asked) and sent as a Bearer
// header. The page shows only the buttons its access may use; okod checks every call
// again, so the buttons are a courtesy, not the protection.
'use strict';

const TEXT = {
  nl: {
    brand: 'OKO-regie', logout: 'Uitloggen', login_title: 'Inloggen met e-mail', login: 'Inloggen', token: 'Token',
    login_help: 'Plak het token dat u van de beheerder kreeg (okoctl tokens create).',
    link_help: 'Vul uw e-mailadres in. U ontvangt een link waarmee u één keer kunt inloggen.',
    email: 'E-mailadres', send_link: 'Stuur mij een inloglink', token_option: 'API-token plakken (voor beheerders)',
    session_ended: 'U bent uitgelogd of uw sessie is verlopen. Log opnieuw in.',
    remember: 'Onthouden op dit apparaat', municipality: 'Gemeente',
    next_election: 'Volgende gemeenteraadsverkiezingen', trajectory: 'Implementatietraject',
    capacity: 'Capaciteit', lights: 'Taken', position: 'Positie in de cyclus', overdue: 'Te laat',
    upcoming: 'Binnenkort', reports: 'Rapportagedeadlines', roles: 'Rollen en vacatures',
    done: 'Onlangs afgerond', footer: 'okod – regie op de OKO-cyclus.',
    deadline: 'Deadline', task: 'Taak', role: 'Rol', status: 'Status', holder: 'Wie', fte: 'fte', since: 'Sinds',
    complete: 'Afronden', reschedule: 'Verplaatsen', save: 'Opslaan', cancel: 'Annuleren',
    note: 'Toelichting (optioneel)', reason: 'Reden', new_due: 'Nieuwe deadline', vacant: 'vacature',
    none_overdue: 'Niets te laat.', none_upcoming: 'Geen open taken.', none_reports: 'Geen rapportagedeadline gepland.',
    none_done: 'Nog niets afgerond.', none_positions: 'Geen lopende trajecten.',
    light_rood: 'rood', light_oranje: 'oranje', light_groen: 'groen',
    status_open: 'open', status_overdue: 'te laat', status_done: 'afgerond', status_skipped: 'overgeslagen',
    done_by: 'afgerond door', read_only: 'alleen lezen', counts: '{rood} te laat · {oranje} binnenkort · {groen} op schema',
    capacity_text: '{total} fte (norm {norm}), regisseur {reg} fte', capacity_below: ' – onder de norm',
    capacity_unknown: 'geen fte vastgelegd', until: 't/m', state_since: 'gestart',
    completed: 'Taak afgerond: {title}', rescheduled: 'Deadline verplaatst: {title}',
    stale: 'Deze taak is intussen gewijzigd. De pagina is bijgewerkt; probeer het opnieuw.',
    bad_token: 'Dit token wordt niet (meer) herkend.', offline: 'okod is niet bereikbaar.',
    role_admin: 'beheerder', role_regisseur: 'regisseur', role_stakeholder: 'betrokkene', role_council: 'raad',
    election: 'Gemeenteraadsverkiezingen', language: 'English',
    feed: 'Agenda-link', feed_confirm: 'Een nieuwe agenda-link maken? Een eerdere link van u werkt daarna niet meer.',
    feed_made: 'Uw agenda-link (alleen lezen; abonneer u erop in Outlook, Google of Apple Agenda; hij wordt maar één keer getoond): {url}',
  },
  en: {
    brand: 'OKO programme', logout: 'Log out', login_title: 'Sign in with e-mail', login: 'Log in', token: 'Token',
    login_help: 'Paste the token your administrator gave you (okoctl tokens create).',
    link_help: 'Enter your e-mail address. You will receive a link that signs you in once.',
    email: 'E-mail address', send_link: 'Send me a sign-in link', token_option: 'Paste an API token (administrators)',
    session_ended: 'You signed out or your session expired. Please sign in again.',
    remember: 'Remember on this device', municipality: 'Municipality',
    next_election: 'Next municipal elections', trajectory: 'Implementation trajectory',
    capacity: 'Capacity', lights: 'Tasks', position: 'Position in the cycle', overdue: 'Overdue',
    upcoming: 'Coming up', reports: 'Reporting deadlines', roles: 'Roles and vacancies',
    done: 'Recently completed', footer: 'okod – keeping the OKO cycle on time.',
    deadline: 'Deadline', task: 'Task', role: 'Role', status: 'Status', holder: 'Who', fte: 'fte', since: 'Since',
    complete: 'Complete', reschedule: 'Reschedule', save: 'Save', cancel: 'Cancel',
    note: 'Note (optional)', reason: 'Reason', new_due: 'New deadline', vacant: 'vacant',
    none_overdue: 'Nothing overdue.', none_upcoming: 'No open tasks.', none_reports: 'No reporting deadline planned.',
    none_done: 'Nothing completed yet.', none_positions: 'No running trajectories.',
    light_rood: 'red', light_oranje: 'orange', light_groen: 'green',
    status_open: 'open', status_overdue: 'overdue', status_done: 'done', status_skipped: 'skipped',
    done_by: 'completed by', read_only: 'read only', counts: '{rood} overdue · {oranje} soon · {groen} on track',
    capacity_text: '{total} fte (norm {norm}), project leader {reg} fte', capacity_below: ' – below the norm',
    capacity_unknown: 'no fte recorded', until: 'to', state_since: 'started',
    completed: 'Task completed: {title}', rescheduled: 'Deadline moved: {title}',
    stale: 'This task changed in the meantime. The page has been refreshed; please try again.',
    bad_token: 'This token is not (or no longer) recognised.', offline: 'okod cannot be reached.',
    role_admin: 'administrator', role_regisseur: 'project leader', role_stakeholder: 'stakeholder', role_council: 'council',
    election: 'Municipal elections', language: 'Nederlands',
    feed: 'Calendar link', feed_confirm: 'Make a new calendar link? Any earlier link of yours stops working.',
    feed_made: 'Your calendar link (read only; subscribe to it in Outlook, Google or Apple Calendar; it is shown only once): {url}',
  },
};

const state = { lang: localStorage.getItem('okod.lang') || 'nl', me: null, code: null };

function t(key, values) {
  let s = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.nl[key] || key;
  // A function as replacement: a title with "$&" in it stays as written.
  for (const [k, v] of Object.entries(values || {})) s = s.replace('{' + k + '}', () => String(v));
  return s;
}

// Builds an element; strings become text nodes (never HTML), so names and titles from
// the store cannot inject markup.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

function $(id) { return document.getElementById(id); }

// --- the token -----------------------------------------------------------------------
function storedToken() { return sessionStorage.getItem('okod.token') || localStorage.getItem('okod.token'); }
function forgetToken() { sessionStorage.removeItem('okod.token'); localStorage.removeItem('okod.token'); }

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

// A pasted token goes as Bearer; otherwise the session cookie goes by itself, and a
// write carries the session's CSRF token.
async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (storedToken()) headers['Authorization'] = 'Bearer ' + storedToken();
  else if (method !== 'GET' && state.me && state.me.csrf_token) headers['X-CSRF-Token'] = state.me.csrf_token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'offline', t('offline'));
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data.error || 'error', data.message || response.statusText);
  return data;
}

// --- time: everything is shown as the wall clock in Amsterdam -----------------------
const ZONE = 'Europe/Amsterdam';
function locale() { return state.lang === 'en' ? 'en-GB' : 'nl-NL'; }
function formatDue(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short',
    year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
function formatDay(isoDate, weekday) {
  if (!isoDate) return '–';
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: weekday ? 'long' : undefined, day: 'numeric',
    month: 'long', year: 'numeric' }).format(new Date(isoDate + 'T00:00:00Z'));
}
// 1.6 fte as "1,6" in Dutch; sums of doubles (0.6 + 0.4 + ...) are rounded to two places.
function fte(n) { return Number(n.toFixed(2)).toLocaleString(locale()); }
// "YYYY-MM-DD" and "HH:MM" of an instant on the Amsterdam wall clock, for the form.
function localParts(iso) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso)).map(p => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
// Days back from okod's "now", not the browser's: a demo okod's clock may run elsewhere.
function daysAgo(n) {
  const now = state.me && state.me.now ? Date.parse(state.me.now) : Date.now();
  return localParts(new Date(now - n * 86400000).toISOString()).date;
}

// --- messages -------------------------------------------------------------------------
function banner(text, kind) {
  const b = $('banner');
  b.textContent = text;
  b.className = 'banner ' + (kind || 'error');
  b.hidden = !text;
}

// --- rendering ------------------------------------------------------------------------
function title(task) { return (task.title && (task.title[state.lang] || task.title.nl)) || task.key; }

function lightDot(light) {
  if (!light) return el('span', { class: 'light none' }, '✓');
  return el('span', { class: 'light ' + light, title: t('light_' + light) }, el('span', { class: 'sr' }, t('light_' + light)));
}

function taskTable(table, tasks, emptyText, options) {
  table.replaceChildren();
  if (tasks.length === 0) {
    table.append(el('tr', {}, el('td', { class: 'empty' }, emptyText)));
    return;
  }
  table.append(el('thead', {}, el('tr', {}, el('th', { class: 'dot' }, ''), el('th', {}, t('deadline')),
    el('th', {}, t('task')), el('th', {}, t('role')), el('th', {}, options.done ? t('status') : ''))));
  const body = el('tbody');
  for (const task of tasks) {
    const row = el('tr', { 'data-task': task.id, class: 'task ' + (task.light || task.status) },
      el('td', { class: 'dot' }, lightDot(task.light)),
      el('td', { class: 'due' }, formatDue(task.due)),
      el('td', {}, el('div', { class: 'title' }, title(task)), task.note ? el('div', { class: 'note' }, task.note) : null),
      el('td', {}, task.role_name || task.role),
      el('td', { class: 'actions' }, options.done ? doneText(task) : actions(task)));
    body.append(row);
  }
  table.append(body);
}

function doneText(task) {
  return el('span', { class: 'status ' + task.status }, t('status_' + task.status),
    task.closed_by ? el('span', { class: 'by' }, ' · ' + task.closed_by) : null);
}

function actions(task) {
  const may = state.me.may;
  const out = [];
  if (may.complete_tasks) out.push(el('button', { type: 'button', class: 'complete', onclick: () => openComplete(task) }, t('complete')));
  if (may.reschedule_tasks) out.push(el('button', { type: 'button', class: 'secondary reschedule', onclick: () => openReschedule(task) }, t('reschedule')));
  if (out.length === 0) out.push(el('span', { class: 'muted' }, t('read_only')));
  return out;
}

// An inline form under the task's row; one at a time.
function openForm(task, form) {
  document.querySelectorAll('tr.form-row').forEach(r => r.remove());
  const row = document.querySelector(`tr[data-task="${task.id}"]`);
  const formRow = el('tr', { class: 'form-row' }, el('td', { colspan: 5 }, form));
  row.after(formRow);
  const first = form.querySelector('input, textarea');
  if (first) first.focus();
}

function openComplete(task) {
  const note = el('input', { type: 'text', name: 'note', maxlength: 500, 'aria-label': t('note'), placeholder: t('note') });
  const form = el('form', { class: 'inline', onsubmit: async (e) => {
      e.preventDefault();
      await act(() => api('POST', `/api/v1/tasks/${task.id}/complete`, { note: note.value }), t('completed', { title: title(task) }));
    } },
    note, el('button', { type: 'submit', class: 'confirm-complete' }, t('complete')),
    el('button', { type: 'button', class: 'secondary', onclick: () => form.closest('tr').remove() }, t('cancel')));
  openForm(task, form);
}

function openReschedule(task) {
  const now = localParts(task.due || new Date().toISOString());
  const date = el('input', { type: 'date', name: 'date', required: true, value: now.date, 'aria-label': t('new_due') });
  const time = el('input', { type: 'time', name: 'time', required: true, value: now.time, 'aria-label': t('new_due') });
  const reason = el('input', { type: 'text', name: 'reason', required: true, maxlength: 500, placeholder: t('reason'), 'aria-label': t('reason') });
  const form = el('form', { class: 'inline', onsubmit: async (e) => {
      e.preventDefault();
      await act(() => api('POST', `/api/v1/tasks/${task.id}/reschedule`,
        { due: `${date.value}T${time.value}`, reason: reason.value, if_due: task.due }), t('rescheduled', { title: title(task) }));
    } },
    el('label', {}, t('new_due'), ' ', date, ' ', time), reason,
    el('button', { type: 'submit', class: 'confirm-reschedule' }, t('save')),
    el('button', { type: 'button', class: 'secondary', onclick: () => form.closest('tr').remove() }, t('cancel')));
  openForm(task, form);
}

async function act(call, successText) {
  try {
    await call();
    banner(successText, 'ok');
  } catch (e) {
    banner(e.status === 409 ? t('stale') : `${e.status || ''} ${e.message}`.trim(), 'error');
  }
  await showMunicipality(state.code);
}

function renderSummary(m, open, overdue) {
  $('m-name').textContent = m.name;
  $('m-sub').textContent = `${m.code} · ${t('role_' + state.me.role)}${state.me.person_name ? ' · ' + state.me.person_name : ''}`;
  $('m-election').textContent = formatDay(m.next_election, true);
  $('m-trajectory').textContent = `${formatDay(m.trajectory_start)} ${t('until')} ${formatDay(m.trajectory_end)}`;
  const c = m.capacity;
  $('m-capacity').textContent = c && c.recorded
    ? t('capacity_text', { total: fte(c.total_fte), norm: fte(c.norm_total_fte), reg: fte(c.regisseur_fte) }) +
      (c.below_norm ? t('capacity_below') : '')
    : t('capacity_unknown');
  $('m-capacity').classList.toggle('warn', !!(c && c.below_norm));
  const count = (l) => open.concat(overdue).filter(x => x.light === l).length;
  $('m-counts').replaceChildren(
    el('span', { class: 'count rood' }, lightDot('rood'), ' ', String(count('rood'))),
    el('span', { class: 'count oranje' }, lightDot('oranje'), ' ', String(count('oranje'))),
    el('span', { class: 'count groen' }, lightDot('groen'), ' ', String(count('groen'))));
  $('m-counts').title = t('counts', { rood: count('rood'), oranje: count('oranje'), groen: count('groen') });

  const positions = $('positions');
  positions.replaceChildren();
  for (const i of m.instances || [])
    positions.append(el('li', {}, el('span', { class: 'workflow' }, i.workflow_name || i.workflow),
      el('span', { class: 'state' }, i.state_name || i.state),
      el('span', { class: 'since' }, `${t('state_since')} ${formatDay(i.started_at.slice(0, 10))}`)));
  if (!positions.children.length) positions.append(el('li', { class: 'empty' }, t('none_positions')));

  const roles = $('roles');
  roles.replaceChildren(el('thead', {}, el('tr', {}, el('th', {}, t('role')), el('th', {}, t('holder')),
    el('th', {}, t('fte')), el('th', {}, t('until')))));
  const body = el('tbody');
  for (const r of m.roles || []) {
    if (r.vacant) {
      body.append(el('tr', { class: 'vacant' }, el('td', {}, r.role_name), el('td', {}, el('span', { class: 'vacancy' }, t('vacant'))), el('td'), el('td')));
      continue;
    }
    for (const h of r.holders)
      body.append(el('tr', {}, el('td', {}, r.role_name), el('td', {}, h.name || h.person),
        el('td', {}, h.fte === null ? '–' : fte(h.fte)), el('td', {}, h.until ? formatDay(h.until) : '–')));
  }
  roles.append(body);
}

function isReport(task) { return task.report === true; }

async function showMunicipality(code) {
  state.code = code;
  document.querySelectorAll('tr.form-row').forEach(r => r.remove());
  const q = `municipality=${encodeURIComponent(code)}`;
  try {
    const [m, open, overdue, done] = await Promise.all([
      api('GET', `/api/v1/municipalities/${encodeURIComponent(code)}`),
      api('GET', `/api/v1/tasks?${q}&status=open&limit=500`),
      api('GET', `/api/v1/tasks?${q}&status=overdue&limit=500`),
      api('GET', `/api/v1/tasks?${q}&status=done&closed_after=${daysAgo(60)}&limit=1000`),
    ]);
    const byDue = (a, b) => (a.due || '9999').localeCompare(b.due || '9999');
    const openTasks = open.tasks.filter(x => x.due).sort(byDue);
    const overdueTasks = overdue.tasks.sort(byDue);
    renderSummary(m, openTasks, overdueTasks);
    taskTable($('overdue'), overdueTasks, t('none_overdue'), {});
    taskTable($('upcoming'), openTasks.filter(x => !isReport(x)).slice(0, 25), t('none_upcoming'), {});
    taskTable($('reports'), openTasks.filter(isReport), t('none_reports'), {});
    taskTable($('done'), done.tasks.sort((a, b) => (b.closed_at || '').localeCompare(a.closed_at || '')).slice(0, 15),
      t('none_done'), { done: true });
    $('dashboard').hidden = false;
  } catch (e) {
    if (e.status === 401) return logout(storedToken() ? t('bad_token') : t('session_ended'));
    banner(`${e.status || ''} ${e.message}`.trim(), 'error');
  }
}

// --- start, log in, log out ------------------------------------------------------------
function translatePage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll('[data-t-aria]').forEach(e => e.setAttribute('aria-label', t(e.dataset.tAria)));
  $('language').textContent = t('language');
}

async function start() {
  translatePage();
  try {
    state.me = await api('GET', '/api/v1/me');  // the token, else the session cookie
  } catch (e) {
    if (e.status !== 401) return banner(e.message, 'error');
    return storedToken() ? logout(t('bad_token')) : showLogin();
  }
  $('login').hidden = true;
  $('who').hidden = false;
  $('who-label').textContent = `${state.me.session ? state.me.person_name : state.me.label} (${t('role_' + state.me.role)})`;
  const select = $('municipality');
  select.replaceChildren(...state.me.municipalities.map(c => el('option', { value: c }, c)));
  const wanted = sessionStorage.getItem('okod.municipality');
  const code = state.me.municipalities.includes(wanted) ? wanted : state.me.municipalities[0];
  if (!code) return banner(t('none_positions'), 'error');
  select.value = code;
  select.hidden = state.me.municipalities.length < 2;
  $('feed').hidden = !state.me.person;
  await showMunicipality(code);
}

// The calendar feed URL of the token's own person: okod keeps only its hash, so every
// click makes a new one (the old one stops), shown once.
async function makeFeedUrl() {
  if (!state.me || !state.me.person || !window.confirm(t('feed_confirm'))) return;
  try {
    const made = await api('POST', `/api/v1/people/${encodeURIComponent(state.me.person)}/feed-url`, { rotate: true });
    banner(t('feed_made', { url: new URL(made.path, window.location.href).href }), 'ok');
  } catch (e) {
    banner(`${e.status || ''} ${e.message}`.trim(), 'error');
  }
}

function showLogin() {
  $('dashboard').hidden = true;
  $('who').hidden = true;
  $('login').hidden = false;
  $('email').focus();
}

// Ends the session at okod too (its cookie is HttpOnly: only okod can drop it).
async function logout(message) {
  if (state.me && state.me.session) await api('POST', '/auth/logout').catch(() => {});
  forgetToken();
  state.me = null;
  banner(message || '', 'error');
  showLogin();
}

async function requestLink(e) {
  e.preventDefault();
  try {
    const sent = await api('POST', '/auth/link', { email: $('email').value.trim() });
    banner(sent.message, 'ok');
  } catch (err) {
    banner(`${err.status || ''} ${err.message}`.trim(), 'error');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('link-form').addEventListener('submit', requestLink);
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = $('token').value.trim();
    forgetToken();
    ($('remember').checked ? localStorage : sessionStorage).setItem('okod.token', token);
    $('token').value = '';
    banner('');
    await start();
  });
  $('logout').addEventListener('click', () => logout());
  $('feed').addEventListener('click', makeFeedUrl);
  $('municipality').addEventListener('change', (e) => {
    sessionStorage.setItem('okod.municipality', e.target.value);
    banner('');
    showMunicipality(e.target.value);
  });
  $('language').addEventListener('click', () => {
    state.lang = state.lang === 'nl' ? 'en' : 'nl';
    localStorage.setItem('okod.lang', state.lang);
    translatePage();
    if (state.me) showMunicipality(state.code);
  });
  start();
});
