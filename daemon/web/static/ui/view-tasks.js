// #/taken/<view>?q=..&role=.. : the task lists a regisseur works from: today (due today
// or late), this week, late, all open, recently done; narrowed by a search and a role,
// a page at a time (okod pages by deadline; "Meer tonen" asks for the next page).
import { state, t } from './i18n.js';
import { el, heading, paragraph, link, table, textbox, select, field, submit, button, buttonGroup, banner, showError, card,
  formatDay, formatDue, taskTitle, today } from './dom.js';
import { api } from './api.js';
import { taskRows, taskHeaders } from './task-table.js';

// address word -> API view and the words for it
const TABS = [
  ['vandaag', 'today', 'tab_today'],
  ['week', 'week', 'tab_week'],
  ['te-laat', 'overdue', 'tab_overdue'],
  ['open', 'open', 'tab_open'],
  ['afgerond', 'done', 'tab_done'],
];

export async function render(view, { args, query, refresh }) {
  const tab = TABS.find(x => x[0] === args[0]) || TABS[0];
  const q = query.get('q') || '';
  const role = query.get('role') || '';
  const m = await api('GET', `/api/v1/municipalities/${encodeURIComponent(state.code)}`);

  view.append(heading(1, t('tasks_title')));
  view.append(el('nav', { class: 'tabs', 'aria-label': t('task_views') }, el('ul', { class: 'tab-list' },
    TABS.map(([word, , key]) => el('li', {}, el('a', { class: 'utrecht-link utrecht-link--html-a tab', href: address(word, q, role),
      'aria-current': word === tab[0] ? 'page' : null }, t(key)))))));

  const search = textbox({ type: 'search', name: 'q', value: q, autocomplete: 'off' });
  const roles = select({ name: 'role' }, [['', t('all_roles')], ...(m.roles || []).map(r => [r.role, r.role_name || r.role])]);
  roles.value = role;
  view.append(el('form', { class: 'filters', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    location.hash = address(tab[0], search.value.trim(), roles.value);
  } }, field(t('search'), search), field(t('role'), roles), el('div', { class: 'filter-submit' }, submit(t('filter')))));

  const params = new URLSearchParams({ municipality: state.code, view: tab[1], limit: '50' });
  if (q) params.set('q', q);
  if (role) params.set('role', role);
  const first = await api('GET', `/api/v1/tasks?${params}`);
  const done = tab[1] === 'done';
  const options = { status: done, actions: done ? null : (task) => quickActions(task, refresh) };
  if (tab[1] === 'overdue' && state.me.may.bulk_skip_tasks) view.append(bulkSkip(refresh));
  if (first.tasks.length === 0) {
    view.append(paragraph(q || role ? t('none_found') : t('none_' + tab[1])));
    return;
  }
  const tbl = table(t(tab[2]), taskHeaders(options), taskRows(first.tasks, options), { class: 'tasks', id: 'task-list' });
  view.append(tbl);
  let next = first.next_after;
  const more = button(t('more'), async () => {
    try {
      params.set('after', next);
      const page = await api('GET', `/api/v1/tasks?${params}`);
      tbl.querySelector('tbody').append(...taskRows(page.tasks, options));
      next = page.next_after;
      more.hidden = !next;
    } catch (e) { showError(e); }
  }, 'secondary-action', { class: 'more' });
  more.hidden = !next;
  view.append(more);
}

function address(word, q, role) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (role) p.set('role', role);
  const s = p.toString();
  return `#/taken/${word}` + (s ? '?' + s : '');
}

function quickActions(task, refresh) {
  if (!state.me.may.complete_tasks) return el('span', { class: 'muted' }, t('read_only'));
  return button(t('complete'), async () => {
    try {
      await api('POST', `/api/v1/tasks/${task.id}/complete`, {});
      banner(t('completed', { title: taskTitle(task) }), 'ok');
    } catch (e) { showError(e); }
    await refresh();
  }, 'primary-action', { class: 'complete', 'aria-label': `${t('complete')}: ${taskTitle(task)}` });
}

// For a municipality that joined late: every open task due before a day skipped at once
// with one reason, after a look at which (a dry run of the same operation).
function bulkSkip(refresh) {
  const before = textbox({ type: 'date', name: 'due_before', required: true, max: today() });
  const reason = textbox({ name: 'bulk_reason', required: true, maxlength: 500, value: t('skip_help_default') });
  const result = el('div', { class: 'bulk-result', 'aria-live': 'polite' });
  const path = `/api/v1/municipalities/${encodeURIComponent(state.code)}/tasks/skip`;
  const body = (dry) => ({ due_before: before.value, reason: reason.value, dry_run: dry });
  const preview = async () => {
    try {
      const would = await api('POST', path, body(true));
      const day = formatDay(would.due_before);
      if (would.count === 0) return result.replaceChildren(paragraph(t('bulk_none', { day })));
      const listed = would.tasks.slice(0, 10).map(x => el('li', {}, `${formatDue(x.due)} · ${taskTitle(x)}`));
      if (would.count > listed.length) listed.push(el('li', {}, t('bulk_more', { n: would.count - listed.length })));
      result.replaceChildren(paragraph(t('bulk_would', { n: would.count, day })), el('ul', {}, listed),
        buttonGroup(button(t('bulk_do', { n: would.count }), async () => {
          try {
            const done = await api('POST', path, body(false));
            await refresh();  // redraw first, so the confirmation stands beside what it confirms
            banner(t('bulk_done', { n: done.count }), 'ok');
          } catch (e) { showError(e); }
        }, 'primary-action', { class: 'bulk-confirm' })));
    } catch (e) { showError(e); }
  };
  return card(t('bulk_title'), paragraph(t('bulk_help')),
    el('form', { class: 'task-form bulk-skip', onsubmit: (e) => { e.preventDefault(); preview(); } },
      field(t('bulk_before'), before), field(t('reason'), reason), submit(t('bulk_preview'), { class: 'bulk-preview' })),
    result);
}
