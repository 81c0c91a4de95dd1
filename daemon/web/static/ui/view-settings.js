// #/instellingen : the municipality's settings (trajectory and cycle, capacity, dates,
// budget lines, recommendations, lead times), checked by okod with the same rules as
// its configuration file. "Controleren" only checks; "Opslaan" stores them in okod,
// over the file, and okod takes them up at once. Problems are shown beside their field
// and in a summary at the top that links to each (GOV.UK's error summary).
import { state, t } from './i18n.js';
import { el, heading, paragraph, textbox, select, field, submit, button, buttonGroup, banner, showError,
  formatDue, table, row, cell } from './dom.js';
import { api, fetchFile } from './api.js';

const PATH = () => `/api/v1/municipalities/${encodeURIComponent(state.code)}/settings`;

// An input tied to a field of the settings ("budget_lines[1].until"), so that okod's
// problems find their place on the page.
function bound(input, path) { input.dataset.field = path; return input; }
function numberBox(name, value, attrs) {
  const box = textbox({ type: 'number', name, inputmode: 'decimal', ...attrs });
  if (value !== undefined && value !== null) box.value = value;
  return box;
}
function dateBox(name, value) {
  const box = textbox({ type: 'date', name });
  if (value) box.value = value;
  return box;
}
// A lead time's name as people say it; the setting's own key for one okod has no words for.
function leadLabel(key) { return t('lead_' + key) === 'lead_' + key ? key : t('lead_' + key); }
function textValue(box) { return box.value.trim() === '' ? null : box.value.trim(); }
function numberValue(box) { return box.value.trim() === '' ? null : Number(box.value); }
function fieldset(legend, ...children) {
  return el('fieldset', { class: 'utrecht-form-fieldset settings-fieldset' },
    el('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, legend), ...children);
}

export async function render(view, { refresh }) {
  const data = await api('GET', PATH());
  const s = data.settings || {};
  let version = data.version;
  const summary = el('div', { class: 'settings-summary', tabindex: '-1', hidden: true });
  const inputs = {};

  // --- Traject en cyclus ----------------------------------------------------------------
  inputs.trajectory_start = bound(dateBox('trajectory_start', s.trajectory_start), 'trajectory_start');
  inputs.trajectory_years = bound(numberBox('trajectory_years', s.trajectory_years, { min: 1, max: 20, step: 1 }), 'trajectory_years');
  inputs.cycle_years = bound(select({ name: 'cycle_years' }, [['1', t('set_cycle_1')], ['2', t('set_cycle_2')]]), 'cycle_years');
  inputs.cycle_years.value = String(s.cycle_years || 1);
  inputs.survey_every_years = bound(numberBox('survey_every_years', s.survey_every_years, { min: 1, max: 4, step: 1 }), 'survey_every_years');
  inputs.report_due = bound(textbox({ name: 'report_due', pattern: '\\d\\d-\\d\\d', placeholder: 'MM-DD' }), 'report_due');
  inputs.report_due.value = s.report_due || '';
  inputs.events_season_start = bound(textbox({ name: 'events_season_start', pattern: '\\d\\d-\\d\\d', placeholder: 'MM-DD' }), 'events_season_start');
  inputs.events_season_start.value = s.events_season_start || '';
  inputs.language = bound(select({ name: 'language' }, [['nl', t('lang_nl')], ['en', t('lang_en')]]), 'language');
  inputs.language.value = s.language || 'nl';

  // --- Capaciteit -------------------------------------------------------------------------
  const cap = s.capacity || {};
  inputs.total_fte = bound(numberBox('total_fte', cap.total_fte, { min: 0, max: 100, step: 0.1 }), 'capacity.total_fte');
  inputs.regisseur_fte = bound(numberBox('regisseur_fte', cap.regisseur_fte, { min: 0, max: 10, step: 0.1 }), 'capacity.regisseur_fte');

  // --- Data -------------------------------------------------------------------------------
  const dates = s.dates || {};
  const dateInputs = Object.keys(dates).map(k => [k, bound(dateBox('date_' + k, dates[k]), 'dates.' + k)]);

  // --- Budgetlijnen: a table of rows to add and remove --------------------------------------
  const budgetBody = el('tbody', { class: 'utrecht-table__body' });
  const budgetRows = [];
  const renumber = () => budgetRows.forEach((r, i) => {
    for (const [k, box] of Object.entries(r.boxes)) box.dataset.field = `budget_lines[${i}].${k}`;
  });
  const addBudgetLine = (b) => {
    const line = b || {};
    const boxes = {
      id: textbox({ name: 'budget_id', 'aria-label': t('set_budget_id'), value: line.id || '' }),
      name: textbox({ name: 'budget_name', 'aria-label': t('set_budget_name'), value: line.name || '' }),
      amount: numberBox('budget_amount', line.amount, { min: 0, step: 1, 'aria-label': t('set_budget_amount') }),
      until: dateBox('budget_until', line.until),
    };
    boxes.until.setAttribute('aria-label', t('set_budget_until'));
    const r = { boxes };
    r.tr = row([cell({}, boxes.id), cell({}, boxes.name), cell({}, boxes.amount), cell({}, boxes.until),
      cell({ class: 'actions' }, button(t('set_remove'), () => {
        budgetRows.splice(budgetRows.indexOf(r), 1);
        r.tr.remove();
        renumber();
      }, 'secondary-action', { class: 'settings-budget-remove', 'aria-label': `${t('set_remove')}: ${line.name || line.id || t('set_budget_line')}` }))],
    { class: 'settings-budget-line' });
    budgetRows.push(r);
    budgetBody.append(r.tr);
    renumber();
    return r;
  };
  (s.budget_lines || []).forEach(b => addBudgetLine(b));
  const budgetTable = table(t('set_budget_lines'), [t('set_budget_id'), t('set_budget_name'), t('set_budget_amount'),
    t('set_budget_until'), el('span', { class: 'sr' }, t('actions'))], [], { class: 'settings-budget' });
  budgetTable.querySelector('tbody').replaceWith(budgetBody);

  // --- Aanbevelingen: a list of lines to add and remove ------------------------------------
  const lists = s.lists || {};
  const recList = el('ol', { class: 'utrecht-ordered-list settings-recommendations' });
  const recBoxes = [];
  const renumberRecs = () => recBoxes.forEach((box, i) => {
    box.dataset.field = `lists.recommendations[${i}]`;
    box.setAttribute('aria-label', t('set_recommendation_n', { n: i + 1 }));
  });
  const addRecommendation = (text) => {
    const box = textbox({ name: 'recommendation', value: text || '', class: 'settings-recommendation' });
    box.className += ' settings-recommendation';
    recBoxes.push(box);
    const li = el('li', { class: 'utrecht-ordered-list__item' }, box, ' ', button(t('set_remove'), () => {
      recBoxes.splice(recBoxes.indexOf(box), 1);
      li.remove();
      renumberRecs();
    }, 'secondary-action', { class: 'settings-rec-remove', 'aria-label': `${t('set_remove')}: ${text || t('set_recommendation')}` }));
    recList.append(li);
    renumberRecs();
    return box;
  };
  (lists.recommendations || []).forEach(r => addRecommendation(r));

  // --- Doorlooptijden ([settings]) ------------------------------------------------------------
  const leads = s.settings || {};
  const leadInputs = Object.keys(leads).map(k => [k, bound(numberBox('lead_' + k, leads[k], { min: 0, max: 3650, step: 1 }), 'settings.' + k)]);

  const body = () => {
    const settings = {
      trajectory_start: textValue(inputs.trajectory_start),
      trajectory_years: numberValue(inputs.trajectory_years),
      cycle_years: Number(inputs.cycle_years.value),
      survey_every_years: numberValue(inputs.survey_every_years),
      report_due: textValue(inputs.report_due),
      events_season_start: textValue(inputs.events_season_start),
      language: inputs.language.value,
    };
    const capacity = {};
    if (numberValue(inputs.total_fte) !== null) capacity.total_fte = numberValue(inputs.total_fte);
    if (numberValue(inputs.regisseur_fte) !== null) capacity.regisseur_fte = numberValue(inputs.regisseur_fte);
    settings.capacity = Object.keys(capacity).length || s.capacity ? capacity : null;
    const d = {};
    for (const [k, box] of dateInputs) if (textValue(box)) d[k] = textValue(box);
    settings.dates = Object.keys(d).length || s.dates ? d : null;
    settings.budget_lines = budgetRows.map(r => {
      const b = { id: r.boxes.id.value.trim(), name: r.boxes.name.value.trim(), until: r.boxes.until.value };
      if (numberValue(r.boxes.amount) !== null) b.amount = numberValue(r.boxes.amount);
      return b;
    });
    if (!settings.budget_lines.length && !s.budget_lines) settings.budget_lines = null;
    const recs = recBoxes.map(b => b.value.trim());
    settings.lists = { ...lists, recommendations: recs };
    if (!recs.length && !lists.recommendations) delete settings.lists.recommendations;
    const l = {};
    for (const [k, box] of leadInputs) if (numberValue(box) !== null) l[k] = numberValue(box);
    settings.settings = Object.keys(l).length || s.settings ? l : null;
    return { version, settings };
  };

  const form = el('form', { class: 'settings-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); send(false); } });
  const clearProblems = () => {
    summary.hidden = true;
    summary.replaceChildren();
    form.querySelectorAll('.settings-error').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(i => {
      i.removeAttribute('aria-invalid');
      if (i.dataset.describedBy) i.setAttribute('aria-describedby', i.dataset.describedBy);
      else i.removeAttribute('aria-describedby');
    });
  };
  const showProblems = (problems) => {
    const items = problems.map((p, i) => {
      const input = p.field ? form.querySelector(`[data-field="${CSS.escape(p.field)}"]`) ||
        form.querySelector(`[data-field^="${CSS.escape(p.field)}"]`) : null;
      const text = (p.field ? p.field + ': ' : '') + p.message;
      if (!input) return el('li', {}, text);
      if (!input.id) input.id = `settings-input-${i}`;
      const msg = el('p', { class: 'utrecht-form-field-error-message settings-error', id: `settings-error-${i}` }, p.message);
      input.setAttribute('aria-invalid', 'true');
      // The message is read with the field (aria-describedby: what screen readers announce).
      input.dataset.describedBy = input.getAttribute('aria-describedby') || '';
      input.setAttribute('aria-describedby', (input.dataset.describedBy + ' ' + msg.id).trim());
      input.insertAdjacentElement('afterend', msg);
      return el('li', {}, el('a', { class: 'utrecht-link utrecht-link--html-a', href: '#' + input.id,
        onclick: (e) => { e.preventDefault(); input.focus(); } }, text));
    });
    summary.replaceChildren(el('div', { class: 'utrecht-alert utrecht-alert--error', role: 'alert' },
      el('div', { class: 'utrecht-alert__content' }, heading(2, t('set_problems', { n: problems.length })),
        paragraph(t('set_nothing_stored')), el('ul', { class: 'utrecht-unordered-list' }, items))));
    summary.hidden = false;
    summary.focus();
  };

  const send = async (dryRun) => {
    clearProblems();
    banner('');
    let answer;
    try {
      answer = await api('PUT', PATH() + (dryRun ? '?dry_run=true' : ''), body());
    } catch (e) {
      if (e.status === 422 && e.details && e.details.errors) return showProblems(e.details.errors);
      if (e.status === 409) return banner(t('set_conflict'), 'error');
      return showError(e);
    }
    const changes = answer.changes || [];
    if (dryRun) return banner(changes.length ? t('set_checked', { changes: changes.join('; ') }) : t('set_no_changes'), 'ok');
    version = answer.version;
    banner(changes.length ? t('set_saved', { changes: changes.join('; ') }) : t('set_no_changes'), 'ok');
    if (changes.length) await refresh();
  };

  const download = async () => {
    try {
      const blob = await fetchFile(PATH() + '.toml');
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: data.source.file || `${state.code}.toml` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) { showError(e); }
  };

  const source = data.source || {};
  const origin = source.kind === 'store'
    ? t('set_from_store', { file: source.file, by: source.changed_by, when: formatDue(source.changed_at), version: data.version })
    : t('set_from_file', { file: source.file });

  form.append(
    fieldset(t('set_trajectory'),
      field(t('set_trajectory_start'), inputs.trajectory_start),
      field(t('set_trajectory_years'), inputs.trajectory_years),
      field(t('set_cycle_years'), inputs.cycle_years),
      field(t('set_survey_every_years'), inputs.survey_every_years),
      field(t('set_report_due'), inputs.report_due, t('set_month_day_help')),
      field(t('set_events_season_start'), inputs.events_season_start, t('set_month_day_help')),
      field(t('set_language'), inputs.language)),
    fieldset(t('set_capacity'), paragraph(t('set_capacity_help')),
      field(t('set_total_fte'), inputs.total_fte), field(t('set_regisseur_fte'), inputs.regisseur_fte)),
    dateInputs.length ? fieldset(t('set_dates'), ...dateInputs.map(([k, box]) => field(t('date_' + k) === 'date_' + k ? k : t('date_' + k), box))) : null,
    fieldset(t('set_budget_lines'), paragraph(t('set_budget_help')), budgetTable,
      buttonGroup(button(t('set_budget_add'), () => addBudgetLine().boxes.id.focus(), 'secondary-action', { class: 'settings-budget-add' }))),
    fieldset(t('set_recommendations'), paragraph(t('set_recommendations_help')), recList,
      buttonGroup(button(t('set_recommendation_add'), () => addRecommendation().focus(), 'secondary-action', { class: 'settings-rec-add' }))),
    leadInputs.length ? fieldset(t('set_lead_times'), ...leadInputs.map(([k, box]) => field(leadLabel(k), box, t('set_days')))) : null,
    buttonGroup(
      button(t('set_check'), () => send(true), 'secondary-action', { class: 'settings-check' }),
      submit(t('save'), { class: 'settings-save' }),
      button(t('set_download'), download, 'subtle', { class: 'settings-download' })));

  view.append(heading(1, t('set_title')), paragraph(t('set_help')), paragraph(origin), summary, form);
}
