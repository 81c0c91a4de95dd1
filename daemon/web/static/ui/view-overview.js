// #/ : the municipality at a glance: where each workflow stands, what is late or due
// this week, the reporting deadlines, who holds which role, capacity against the norm.
import { state, t } from './i18n.js';
import { el, heading, paragraph, link, table, row, cell, card, formatDay, formatDue, fte, lightDot, taskTitle } from './dom.js';
import { api } from './api.js';
import { taskRows, taskHeaders } from './task-table.js';

export async function render(view) {
  const code = encodeURIComponent(state.code);
  const [m, week] = await Promise.all([
    api('GET', `/api/v1/municipalities/${code}`),
    api('GET', `/api/v1/tasks?municipality=${code}&view=week&limit=100`),
  ]);
  const reports = await api('GET', `/api/v1/tasks?municipality=${code}&status=open&limit=200`);
  view.append(
    el('section', { class: 'summary' },
      heading(1, m.name, { id: 'm-name' }),
      paragraph(`${m.code} · ${t('role_' + state.me.role)}${state.me.person_name ? ' · ' + state.me.person_name : ''}`),
      el('dl', { class: 'facts' },
        fact(t('next_election'), formatDay(m.next_election, true)),
        fact(t('trajectory'), `${formatDay(m.trajectory_start)} ${t('until')} ${formatDay(m.trajectory_end)}`),
        fact(t('capacity'), capacityText(m.capacity), m.capacity && m.capacity.below_norm ? 'warn' : ''),
        fact(t('this_week'), counts(week.tasks))),
      warnings(m.warnings || [])),
    card(t('this_week'), weekTable(week.tasks), paragraph(link('#/taken/week', t('all_this_week')))),
    card(t('position'), positions(m.instances || [])),
    card(t('reports'), reportTable(reports.tasks.filter(x => x.report))),
    card(t('roles'), rolesTable(m.roles || [])));
}

// What okod cannot do right here (school holidays past its data), as okod words it.
function warnings(list) {
  if (list.length === 0) return null;
  return el('div', { class: 'utrecht-alert utrecht-alert--warning', role: 'status', id: 'm-warnings' },
    list.map(w => el('div', { class: 'utrecht-alert__message' }, (w.message && (w.message[state.lang] || w.message.nl)) || w.kind)));
}

function fact(label, value, cls) {
  return el('div', { class: 'fact' }, el('dt', { class: 'label' }, label), el('dd', { class: 'value ' + (cls || '') }, value));
}

function capacityText(c) {
  if (!c || !c.recorded) return t('capacity_unknown');
  return t('capacity_text', { total: fte(c.total_fte), norm: fte(c.norm_total_fte), reg: fte(c.regisseur_fte) }) +
    (c.below_norm ? t('capacity_below') : '');
}

function counts(tasks) {
  const n = (l) => tasks.filter(x => x.light === l).length;
  return el('span', { class: 'counts', title: t('counts', { rood: n('rood'), oranje: n('oranje'), groen: n('groen') }) },
    ['rood', 'oranje', 'groen'].map(l => el('span', { class: 'count ' + l }, lightDot(l), ' ', String(n(l)))));
}

function weekTable(tasks) {
  if (tasks.length === 0) return paragraph(t('none_week'));
  return table(t('this_week'), taskHeaders({}), taskRows(tasks, {}));
}

function positions(instances) {
  if (instances.length === 0) return paragraph(t('none_positions'));
  return el('ul', { class: 'positions' }, instances.map(i => el('li', {},
    el('span', { class: 'workflow' }, i.workflow_name || i.workflow),
    el('span', { class: 'state' }, i.state_name || i.state),
    el('span', { class: 'since' }, `${t('state_since')} ${formatDay(i.started_at)}`))));
}

function reportTable(tasks) {
  if (tasks.length === 0) return paragraph(t('none_reports'));
  return table(t('reports'), [t('deadline'), t('task')], tasks.map(task => row([formatDue(task.due),
    link(`#/taak/${task.id}`, taskTitle(task))])));
}

function rolesTable(roles) {
  const rows = [];
  for (const r of roles) {
    if (r.vacant) {
      rows.push(row([r.role_name, el('span', { class: 'vacancy' }, t('vacant')), '', ''], { class: 'vacant' }));
      continue;
    }
    for (const h of r.holders)
      rows.push(row([r.role_name, h.name || h.person, h.fte === null || h.fte === undefined ? '–' : fte(h.fte),
        h.until ? formatDay(h.until) : '–']));
  }
  return table(t('roles'), [t('role'), t('holder'), t('fte'), t('until')], rows, { class: 'roles' });
}
