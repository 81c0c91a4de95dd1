// #/uitvoeringsplan : the execution plan after a Scanner, per recommendation, as the
// Scanner guide's fill-in table: intervention, relevance, feasibility, resources,
// expected effectiveness, obstacles, period, who is responsible; priority and a traffic
// light with a remark. Adding and changing an action is that table as a form.
import { state, t } from './i18n.js';
import { el, heading, paragraph, table, row, cell, textbox, textarea, select, field, submit, button, buttonGroup,
  banner, showError, lightDot, card } from './dom.js';
import { api } from './api.js';

const TEXT_FIELDS = ['intervention', 'relevance', 'feasibility', 'other_resources', 'expected_effectiveness',
  'obstacles', 'period', 'responsible', 'considerations', 'status_remark'];

export async function render(view, { refresh }) {
  const code = encodeURIComponent(state.code);
  const plan = await api('GET', `/api/v1/municipalities/${code}/execution-plan`);
  const may = state.me.may.edit_execution_plan;
  const formSlot = el('div', { class: 'plan-form' });
  view.append(heading(1, t('plan_title')), paragraph(t('plan_help')));
  const c = plan.counts || {};
  view.append(paragraph(t('plan_counts', { total: c.total || 0, groen: c.groen || 0, oranje: c.oranje || 0, rood: c.rood || 0 })));
  if (may) view.append(buttonGroup(button(t('plan_add'), () => openForm(formSlot, plan, null, refresh), 'primary-action', { class: 'plan-add' })));
  view.append(formSlot);
  if (!plan.recommendations || plan.recommendations.length === 0) view.append(paragraph(t('plan_empty')));
  for (const r of plan.recommendations || []) {
    const title = (r.number ? r.number + '. ' : '') + r.recommendation;
    const rows = r.actions.map(a => row([
      cell({ class: 'dot' }, lightDot(a.status)),
      cell({}, el('div', { class: 'title' }, a.intervention), a.status_remark ? el('div', { class: 'note' }, a.status_remark) : null),
      t('priority_' + (a.priority || 'middel')),
      a.period || '–',
      a.responsible || '–',
      cell({ class: 'actions' }, may ? button(t('change'), () => openForm(formSlot, plan, a, refresh), 'secondary-action',
        { class: 'plan-change', 'aria-label': `${t('change')}: ${a.intervention}` }) : null),
    ], { 'data-action': a.id }));
    view.append(card(title, rows.length ? table(title, [el('span', { class: 'sr' }, t('light')), t('intervention'), t('priority'),
      t('period'), t('responsible'), el('span', { class: 'sr' }, t('actions'))], rows, { class: 'plan' }) : paragraph(t('plan_no_actions'))));
  }
}

function openForm(slot, plan, action, refresh) {
  const inputs = {};
  const fields = [];
  const recs = (plan.recommendations || []).map(r => [r.recommendation, (r.number ? r.number + '. ' : '') + r.recommendation]);
  if (!action) {
    inputs.recommendation = recs.length ? select({ name: 'recommendation', required: true }, recs) : textbox({ name: 'recommendation', required: true });
    fields.push(field(t('f_recommendation'), inputs.recommendation));
  }
  for (const name of TEXT_FIELDS) {
    const long = !['period', 'responsible', 'intervention'].includes(name);
    inputs[name] = (long ? textarea : textbox)({ name, maxlength: 4000, rows: long ? 2 : null, required: name === 'intervention' ? true : null });
    if (action && action[name]) inputs[name].value = action[name];
    fields.push(field(t('f_' + name), inputs[name]));
  }
  inputs.money_euros = textbox({ type: 'number', name: 'money_euros', min: 0, step: 1, inputmode: 'numeric' });
  inputs.fte = textbox({ type: 'number', name: 'fte', min: 0, max: 100, step: 0.1, inputmode: 'decimal' });
  if (action && action.money_euros !== null && action.money_euros !== undefined) inputs.money_euros.value = action.money_euros;
  if (action && action.fte !== null && action.fte !== undefined) inputs.fte.value = action.fte;
  inputs.priority = select({ name: 'priority' }, ['hoog', 'middel', 'laag'].map(p => [p, t('priority_' + p)]));
  inputs.priority.value = (action && action.priority) || 'middel';
  inputs.status = select({ name: 'status' }, [['', t('light_none')], ...['groen', 'oranje', 'rood'].map(l => [l, t('light_' + l)])]);
  inputs.status.value = (action && action.status) || '';
  inputs.recognised = el('input', { type: 'checkbox', name: 'recognised', class: 'utrecht-checkbox utrecht-checkbox--html-input' });
  inputs.recognised.checked = !!(action && action.recognised);
  fields.push(field(t('f_money_euros'), inputs.money_euros), field(t('f_fte'), inputs.fte),
    field(t('f_priority'), inputs.priority), field(t('f_status'), inputs.status),
    el('div', { class: 'utrecht-form-field utrecht-form-field--checkbox' },
      el('label', { class: 'utrecht-form-label utrecht-form-label--checkbox' }, inputs.recognised, ' ', t('f_recognised'))));

  const save = async () => {
    const body = {};
    for (const name of TEXT_FIELDS) body[name] = inputs[name].value;
    if (!action) body.recommendation = inputs.recommendation.value;
    body.money_euros = inputs.money_euros.value === '' ? null : Number(inputs.money_euros.value);
    body.fte = inputs.fte.value === '' ? null : Number(inputs.fte.value);
    body.priority = inputs.priority.value;
    if (inputs.status.value) body.status = inputs.status.value;
    body.recognised = inputs.recognised.checked;
    const code = encodeURIComponent(state.code);
    try {
      if (action) await api('PUT', `/api/v1/municipalities/${code}/execution-plan/${action.id}`, body);
      else await api('POST', `/api/v1/municipalities/${code}/execution-plan`, body);
      await refresh();  // redraw first, so the confirmation stands beside what it confirms
      banner(t(action ? 'plan_changed' : 'plan_added', { title: body.intervention }), 'ok');
    } catch (e) { showError(e); }
  };
  slot.replaceChildren(el('form', { class: 'card plan-edit', onsubmit: (e) => { e.preventDefault(); save(); } },
    heading(2, action ? t('plan_change_title') : t('plan_add_title')), ...fields,
    buttonGroup(submit(t('save'), { class: 'plan-save' }), button(t('cancel'), () => slot.replaceChildren(), 'secondary-action'))));
  slot.querySelector('select, input, textarea').focus();
}
