// #/rapport : the yearly report to college and council: read it here, or download it as
// PDF (to send), HTML or CSV (for a spreadsheet).
import { state, t } from './i18n.js';
import { el, heading, paragraph, select, field, button, buttonGroup, showError, banner } from './dom.js';
import { fetchFile } from './api.js';

export async function render(view) {
  const now = new Date(state.me.now || Date.now());
  const thisYear = now.getUTCFullYear();
  const years = [];
  for (let y = thisYear; y >= thisYear - 5; --y) years.push([String(y), String(y)]);
  const year = select({ name: 'year' }, years);
  const lang = select({ name: 'lang' }, [[state.lang, t('lang_' + state.lang)], [state.lang === 'nl' ? 'en' : 'nl', t('lang_' + (state.lang === 'nl' ? 'en' : 'nl'))]]);
  const path = (format) => `/api/v1/municipalities/${encodeURIComponent(state.code)}/reports/annual?year=${year.value}&format=${format}&lang=${lang.value}`;
  const name = (format) => `jaarverslag-oko-${state.code}-${year.value}.${format}`;
  const frame = el('div', { class: 'report-frame' });

  async function open(format, save) {
    try {
      banner(t('report_busy'), 'info');
      const blob = await fetchFile(path(format));
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: save ? name(format) : null, target: save ? null : '_blank', rel: 'noopener' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      banner(save ? t('report_saved', { file: name(format) }) : '', 'ok');
    } catch (e) { showError(e); }
  }

  view.append(heading(1, t('report_title')), paragraph(t('report_help')),
    el('div', { class: 'filters' }, field(t('year'), year), field(t('language_of_report'), lang)),
    buttonGroup(
      button(t('report_view'), () => open('html', false), 'primary-action', { class: 'report-view' }),
      button(t('report_pdf'), () => open('pdf', true), 'secondary-action', { class: 'report-pdf' }),
      button(t('report_html'), () => open('html', true), 'secondary-action', { class: 'report-html' }),
      button(t('report_csv'), () => open('csv', true), 'secondary-action', { class: 'report-csv' })),
    frame);
}
