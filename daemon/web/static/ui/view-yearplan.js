// #/jaarplan?jaar=2026 : the year plan's activity overview (activiteitenoverzicht): per
// workgroup its goals and activities with their traffic light (colour and word), remark
// and where the light comes from; a light set by hand with a remark; "Jaarplan {next}
// opstellen" with a preview of what comes over and why before anything is stored; the
// plan as a TOML file to download.
import { state, t } from './i18n.js';
import { el, heading, paragraph, table, row, cell, textarea, select, field, submit, button, buttonGroup,
  banner, showError, card, formatDue } from './dom.js';
import { api, fetchFile } from './api.js';

const LIGHTS = ['groen', 'oranje', 'rood'];
const base = () => `/api/v1/municipalities/${encodeURIComponent(state.code)}/year-plan`;

// The light in colour and in words: the dot alone would tell nothing to who cannot see it.
function light(l) {
  return el('span', { class: 'light-word' }, el('span', { class: 'light ' + l, 'aria-hidden': 'true' }), ' ', t('light_' + l));
}

function sourceText(a) {
  if (a.source === 'manual') return t('yp_source_manual', { by: a.set_by || '?', at: formatDue(a.set_at) });
  if (a.source === 'derived') return t('yp_source_derived', { done: a.done_tasks, linked: a.linked_tasks });
  return t('yp_source_none');
}

function goYear(year) { location.hash = `#/jaarplan?jaar=${year}`; }

function yearChooser(current, years) {
  const all = [...new Set([...years, current])].sort((a, b) => b - a);
  const chooser = select({ name: 'year', class: 'yp-year', onchange: (e) => goYear(e.target.value) },
    all.map(y => [String(y), String(y)]));
  chooser.value = String(current);
  return el('div', { class: 'filters' }, field(t('year'), chooser));
}

export async function render(view, { query, refresh }) {
  const thisYear = new Date(state.me.now || Date.now()).getUTCFullYear();
  const year = Number(query.get('jaar')) || thisYear;
  let plan;
  try {
    plan = await api('GET', `${base()}?year=${year}&lang=${state.lang}`);
  } catch (e) {
    if (e.status !== 404 || !e.details || !e.details.years) throw e;
    view.append(heading(1, t('yp_title', { year })), yearChooser(year, e.details.years),
      paragraph(t('yp_none', { year })));
    return;
  }
  const may = state.me.may || {};
  const formSlot = el('div', { class: 'yp-form' });
  const draftSlot = el('div', { class: 'yp-draft' });
  const c = plan.counts;
  view.append(heading(1, t('yp_title', { year })), paragraph(t('yp_help')), yearChooser(year, plan.years),
    paragraph(t('yp_counts', { total: c.total, groen: c.groen, oranje: c.oranje, rood: c.rood })));
  if (plan.origin === 'store' && plan.drafted)
    view.append(paragraph(t('yp_origin_store', { from: plan.drafted.from, by: plan.drafted.by, at: formatDue(plan.drafted.at) })));

  const next = year + 1;
  const buttons = [];
  if (plan.next_year_has_plan) buttons.push(button(t('yp_goto', { year: next }), () => goYear(next), 'secondary-action', { class: 'yp-goto' }));
  else if (may.draft_year_plans) buttons.push(button(t('yp_draft', { year: next }), () => preview(draftSlot, year, refresh), 'primary-action', { class: 'yp-draft-open' }));
  buttons.push(button(t('yp_download'), () => download(year), 'secondary-action', { class: 'yp-download' }));
  view.append(buttonGroup(...buttons), draftSlot, formSlot);

  for (const w of plan.workgroups) {
    const rows = w.activities.map(a => row([
      cell({ class: 'yp-light' }, light(a.light)),
      cell({}, el('div', { class: 'title' }, a.title), a.plan_remark ? el('div', { class: 'note' }, a.plan_remark) : null),
      cell({ class: 'yp-remark' }, a.remark || '–'),
      cell({ class: 'note' }, sourceText(a)),
      cell({ class: 'actions' }, may.set_activity_lights ? button(t('yp_set'), () => openForm(formSlot, year, a, refresh),
        'secondary-action', { class: 'yp-set', 'aria-label': `${t('yp_set')}: ${a.title}` }) : null),
    ], { 'data-activity': a.id }));
    const goals = w.goals.length ? el('div', {}, heading(3, t('yp_goals')),
      el('ul', { class: 'utrecht-unordered-list yp-goals' }, w.goals.map(g => el('li', { class: 'utrecht-unordered-list__item' }, g)))) : null;
    view.append(card(w.name, goals, rows.length
      ? table(w.name, [t('yp_light'), t('yp_activity'), t('yp_remark'), t('yp_source'), el('span', { class: 'sr' }, t('actions'))], rows, { class: 'yearplan' })
      : paragraph(t('yp_no_activities'))));
  }
}

function openForm(slot, year, activity, refresh) {
  const lightInput = select({ name: 'light', required: true }, LIGHTS.map(l => [l, t('light_' + l)]));
  lightInput.value = activity.light;
  const remark = textarea({ name: 'remark', rows: 3, maxlength: 4000, required: true });
  if (activity.source === 'manual') remark.value = activity.remark;
  const save = async () => {
    try {
      await api('POST', `${base()}/${year}/activities/${encodeURIComponent(activity.id)}?lang=${state.lang}`,
        { light: lightInput.value, remark: remark.value });
      await refresh();  // redraw first, so the confirmation stands beside what it confirms
      banner(t('yp_set_done', { title: activity.title, light: t('light_' + lightInput.value) }), 'ok');
    } catch (e) { showError(e); }
  };
  slot.replaceChildren(el('form', { class: 'card yp-edit', onsubmit: (e) => { e.preventDefault(); save(); } },
    heading(2, t('yp_set_title', { title: activity.title })),
    field(t('yp_light'), lightInput), field(t('yp_remark_label'), remark, t('yp_remark_help')),
    buttonGroup(submit(t('save'), { class: 'yp-save' }), button(t('cancel'), () => slot.replaceChildren(), 'secondary-action'))));
  lightInput.focus();
}

// First a dry run: which activities come over and why; only the confirmation stores.
async function preview(slot, year, refresh) {
  const path = `${base()}/${year}/draft-next?lang=${state.lang}`;
  let draft;
  try { draft = await api('POST', path, { dry_run: true }); } catch (e) { return showError(e); }
  const rows = draft.decisions.map(d => row([
    cell({ class: 'yp-light' }, light(d.light)),
    d.title,
    cell({ class: 'yp-carried' }, d.carried ? t('yp_yes') : t('yp_no')),
    cell({ class: 'note' }, d.remark),
  ], { 'data-activity': d.activity }));
  const confirm = async () => {
    try {
      const done = await api('POST', path, { dry_run: false });
      // To the new plan without a hashchange, which would clear the confirmation.
      history.pushState(null, '', `#/jaarplan?jaar=${done.year}`);
      await refresh();
      banner(t('yp_drafted', { year: done.year, n: done.carried }), 'ok');
    } catch (e) { showError(e); }
  };
  slot.replaceChildren(el('section', { class: 'card yp-preview' },
    heading(2, t('yp_preview_title', { year: draft.year })),
    paragraph(t('yp_draft_help', { year: draft.year })),
    paragraph(t('yp_preview_counts', { carried: draft.carried, left: draft.left_out })),
    table(t('yp_preview_title', { year: draft.year }), [t('yp_light'), t('yp_activity'), t('yp_carried'), t('yp_why')], rows, { class: 'yearplan-preview' }),
    buttonGroup(button(t('yp_confirm', { year: draft.year }), confirm, 'primary-action', { class: 'yp-confirm' }),
      button(t('cancel'), () => slot.replaceChildren(), 'secondary-action'))));
  slot.querySelector('h2').setAttribute('tabindex', '-1');
  slot.querySelector('h2').focus();
}

async function download(year) {
  const file = `${state.code}-${year}.toml`;
  try {
    const blob = await fetchFile(`${base()}/${year}/toml`);
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: file });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    banner(t('yp_saved', { file }), 'ok');
  } catch (e) { showError(e); }
}
