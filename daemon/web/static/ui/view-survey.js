// #/monitor : survey results (the GGD youth monitor / OKO survey, docs/survey-csv.md)
// uploaded as CSV: first a preview, every value beside the one stored before and every
// problem with its line, and nothing stored; then, only for a file without problems,
// stored in one go.
import { state, t } from './i18n.js';
import { el, heading, paragraph, table, row, field, submit, button, buttonGroup, banner, showError, card, locale } from './dom.js';
import { apiText } from './api.js';

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
            banner(t('survey_stored', { n: stored.counts.values }), 'ok');
            await refresh();
          } catch (e) { showError(e); }
        }, 'primary-action', { class: 'survey-store' }))));
    } catch (e) { showError(e); }
  };

  view.append(heading(1, t('survey_title')), paragraph(t('survey_help')),
    el('form', { class: 'task-form survey-form', onsubmit: (e) => { e.preventDefault(); preview(); } },
      field(t('survey_file'), file, t('survey_file_help')), submit(t('survey_check'), { class: 'survey-check' })),
    result);
}
