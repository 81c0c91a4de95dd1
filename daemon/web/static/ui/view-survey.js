// #/monitor : survey results (the GGD youth monitor / OKO survey, docs/survey-csv.md)
// uploaded as CSV: first a preview, every value beside the one stored before and every
// problem with its line, and nothing stored; then, only for a file without problems,
// stored in one go. Then the goals those values move: each policy goal of the year plan
// whose indicator and population the file had, with its baseline, target, the newest
// value and whether that is on track (the light of the yearly report).
import { state, t } from './i18n.js';
import { el, heading, paragraph, table, row, field, submit, button, buttonGroup, banner, showError, card, locale, lightDot } from './dom.js';
import { api, apiText } from './api.js';

// What the last upload on this page stored ("indicator|population" of its values), so the
// page drawn again after it (and after a change of language) shows the goals they move.
let lastUpload = null;

const goalKey = (indicator, population) => `${indicator}|${population}`;

async function movedGoals(number) {
  if (!lastUpload || lastUpload.code !== state.code) return null;
  const answer = await api('GET', `/api/v1/municipalities/${encodeURIComponent(state.code)}/goals`);
  const moved = answer.goals.filter(g => lastUpload.keys.has(goalKey(g.indicator, g.population)));
  if (!moved.length) return card(t('goals_title'), paragraph(t('goals_none')));
  const figure = (p, unit) => (p ? `${number(p.value)}${unit === '%' ? ' %' : ''} (${p.year})` : '–');
  return card(t('goals_title'), paragraph(t('goals_help', { year: answer.year })),
    table(t('goals_title'), [el('span', { class: 'sr' }, t('light')), t('goal'), t('goal_baseline'), t('goal_target'), t('goal_latest'), t('goal_on_track')],
      moved.map(g => row([el('span', {}, lightDot(g.light)), g.description, figure(g.baseline, g.unit), figure(g.target, g.unit),
        figure(g.latest, g.unit), t('goal_' + g.light)], { class: 'goal ' + g.light, 'data-goal': g.id })), { class: 'survey-goals' }));
}

export async function render(view, { refresh }) {
  const file = el('input', { type: 'file', name: 'survey', accept: '.csv,text/csv', required: true, class: 'utrecht-textbox' });
  const result = el('div', { class: 'survey-result', 'aria-live': 'polite' });
  const path = (dry, name) => `/api/v1/municipalities/${encodeURIComponent(state.code)}/survey?dry_run=${dry}&file=${encodeURIComponent(name)}`;
  const number = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString(locale()));

  const preview = async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const text = await chosen.text();
    try {
      const p = await apiText('POST', path(true, chosen.name), text, 'text/csv');
      if (!p.ok) {
        result.replaceChildren(card(t('survey_problems', { n: p.errors.length }),
          paragraph(t('survey_nothing_stored')),
          el('ul', { class: 'survey-errors' }, p.errors.map(e => el('li', {}, e.text)))));
        return;
      }
      const c = p.counts;
      result.replaceChildren(card(t('survey_preview'),
        paragraph(t('survey_counts', { values: c.values, new: c.new, changed: c.changed, unchanged: c.unchanged })),
        table(t('survey_preview'), [t('survey_line'), t('survey_indicator'), t('survey_population'), t('year'), t('survey_before'), t('survey_value')],
          p.rows.map(r => row([String(r.line), r.indicator, r.population, String(r.year), number(r.before), number(r.value)],
            { class: r.before === null ? 'new' : r.before === r.value ? 'same' : 'changed' })), { class: 'survey-preview' }),
        buttonGroup(button(t('survey_store', { n: c.values }), async () => {
          try {
            const stored = await apiText('POST', path(false, chosen.name), text, 'text/csv');
            lastUpload = { code: state.code, keys: new Set(p.rows.map(r => goalKey(r.indicator, r.population))) };
            await refresh();  // redraw first, so the confirmation stands beside what it confirms
            banner(t('survey_stored', { n: stored.counts.values }), 'ok');
          } catch (e) { showError(e); }
        }, 'primary-action', { class: 'survey-store' }))));
    } catch (e) { showError(e); }
  };

  const goals = await movedGoals(number).catch(() => null);
  view.append(heading(1, t('survey_title')), paragraph(t('survey_help')), goals || '',
    el('form', { class: 'task-form survey-form', onsubmit: (e) => { e.preventDefault(); preview(); } },
      field(t('survey_file'), file, t('survey_file_help')), submit(t('survey_check'), { class: 'survey-check' })),
    result);
}
