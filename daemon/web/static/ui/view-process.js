// #/proces : the process monitor of one workflow: each step on time, late, open or
// skipped, with how late; what the council asks "how is it going" about.
import { state, t } from './i18n.js';
import { el, heading, paragraph, link, table, row, cell, select, field, badge, formatDue, taskTitle } from './dom.js';
import { api } from './api.js';

const VERDICT_BADGE = { on_time: 'success', late: 'warning', open: 'neutral', overdue: 'danger', skipped: 'inactive' };

export async function render(view, { query }) {
  const code = encodeURIComponent(state.code);
  const m = await api('GET', `/api/v1/municipalities/${code}`);
  // Every workflow the municipality runs, a finished one too (the trajectory may be over).
  const workflows = m.workflows || [...new Set((m.instances || []).map(i => i.workflow))];
  const workflow = query.get('workflow') || (workflows.includes('implementation-trajectory') ? 'implementation-trajectory' : workflows[0]);
  view.append(heading(1, t('process_title')));
  if (!workflow) return view.append(paragraph(t('none_positions')));
  const names = Object.fromEntries((m.instances || []).map(i => [i.workflow, i.workflow_name || i.workflow]));
  names['implementation-trajectory'] = names['implementation-trajectory'] || t('trajectory');
  const choose = select({ name: 'workflow' }, workflows.map(w => [w, names[w] || w]));
  choose.value = workflow;
  choose.addEventListener('change', () => { location.hash = `#/proces?workflow=${encodeURIComponent(choose.value)}`; });
  view.append(el('div', { class: 'filters' }, field(t('workflow'), choose)));

  const p = await api('GET', `/api/v1/municipalities/${code}/process?workflow=${encodeURIComponent(workflow)}`);
  const s = p.summary;
  view.append(paragraph(t('process_summary', { on_time: s.on_time, late: s.late, open: s.open, overdue: s.overdue, skipped: s.skipped })));
  if (p.steps.length === 0) return view.append(paragraph(t('process_empty')));
  view.append(table(t('process_title'), [t('step'), t('task'), t('deadline'), t('verdict')], p.steps.map(step => row([
    step.state_name || step.state || '–',
    link(`#/taak/${step.id}`, taskTitle(step)),
    formatDue(step.due),
    cell({}, badge(t('verdict_' + step.verdict), VERDICT_BADGE[step.verdict]),
      step.days_late > 0 ? ' ' + t(step.days_late === 1 ? 'day_late' : 'days_late', { n: step.days_late }) : ''),
  ])), { class: 'process' }));
}
