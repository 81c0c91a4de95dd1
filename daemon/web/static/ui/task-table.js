// Rows of tasks as every list shows them: light, deadline, title (a link to the task's
// page), role, and the quick "Afronden" for those who may.
import { state, t } from './i18n.js';
import { el, link, row, cell, formatDue, lightDot, taskTitle, statusText } from './dom.js';

export function taskRows(tasks, options) {
  return tasks.map(task => {
    const cells = [
      cell({ class: 'dot' }, lightDot(task.light)),
      cell({ class: 'due' }, formatDue(task.due)),
      cell({}, el('div', { class: 'title' }, link(`#/taak/${task.id}`, taskTitle(task))),
        task.item ? el('div', { class: 'note' }, task.item) : null),
      cell({}, task.role_name || task.role),
    ];
    if (options.status) cells.push(cell({}, statusText(task)));
    if (options.actions) cells.push(cell({ class: 'actions' }, options.actions(task)));
    return row(cells, { 'data-task': task.id, class: 'task ' + (task.light || task.status) });
  });
}

export function taskHeaders(options) {
  const h = [el('span', { class: 'sr' }, t('light')), t('deadline'), t('task'), t('role')];
  if (options.status) h.push(t('status'));
  if (options.actions) h.push(el('span', { class: 'sr' }, t('actions')));
  return h;
}
