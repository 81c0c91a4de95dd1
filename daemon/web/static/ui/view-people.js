// #/mensen : who holds which role (today), vacancies and capacity; adding a person; and
// the warm hand-over as a guided form: who leaves and their last day, who follows (a
// colleague or someone new), from when and for how many fte. okod then runs the
// hand-over workflow (introductions, handing over the files) on its own.
import { state, t } from './i18n.js';
import { el, heading, paragraph, table, row, textbox, select, field, submit, button, buttonGroup, banner, showError,
  card, formatDay, fte, today } from './dom.js';
import { api } from './api.js';

export async function render(view, { refresh }) {
  const code = encodeURIComponent(state.code);
  const [list, m] = await Promise.all([api('GET', `/api/v1/people?municipality=${code}`), api('GET', `/api/v1/municipalities/${code}`)]);
  view.append(heading(1, t('people_title')));
  view.append(card(t('roles'), table(t('roles'), [t('role'), t('holder'), t('fte'), t('since'), t('until')],
    list.assignments.map(a => row([a.role_name || a.role, (a.person_detail && a.person_detail.name) || a.name || a.person,
      a.fte === null || a.fte === undefined ? '–' : fte(a.fte), formatDay(a.from), a.until ? formatDay(a.until) : '–'])), { class: 'people' }),
    list.vacancies.length ? paragraph(t('vacancies') + ': ' + list.vacancies.map(v => v.role_name || v.role).join(', ')) : null));
  const slot = el('div', { class: 'people-form' });
  view.append(buttonGroup(
    state.me.may.announce_leaves !== false ? button(t('handover_start'), () => handoverForm(slot, list, m, refresh), 'primary-action', { class: 'handover' }) : null,
    state.me.may.assign_roles !== false ? button(t('assign_start'), () => assignForm(slot, list, m, refresh), 'secondary-action', { class: 'assign' }) : null,
    state.me.may.manage_people ? button(t('person_add'), () => personForm(slot, refresh), 'secondary-action', { class: 'person-add' }) : null), slot);
  view.append(card(t('members'), table(t('members'), [t('name'), t('email')],
    list.members.map(p => row([p.name, p.email || '–'])))));
}

// "Sanne de Vries" -> "maastricht-sanne-de-vries": readable, unique enough, and okod
// answers 409 when it is taken.
function personId(name) {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${state.code.toLowerCase()}-${slug}`;
}

function personFields() {
  const name = textbox({ name: 'name', required: true, maxlength: 200, autocomplete: 'off' });
  const email = textbox({ type: 'email', name: 'email', maxlength: 254, autocomplete: 'off' });
  const language = select({ name: 'language' }, [['nl', t('lang_nl')], ['en', t('lang_en')]]);
  return { name, email, language, fields: [field(t('name'), name), field(t('email'), email), field(t('person_language'), language)] };
}

async function savePerson(p) {
  return api('POST', '/api/v1/people', { id: personId(p.name.value), name: p.name.value.trim(), email: p.email.value.trim(),
    language: p.language.value, municipality: state.code });
}

function personForm(slot, refresh) {
  const p = personFields();
  slot.replaceChildren(el('form', { class: 'card person-edit', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await savePerson(p);
      await refresh();  // redraw first, so the confirmation stands beside what it confirms
      banner(t('person_added', { name: p.name.value }), 'ok');
    } catch (err) { showError(err); }
  } }, heading(2, t('person_add')), ...p.fields,
  buttonGroup(submit(t('save'), { class: 'person-save' }), button(t('cancel'), () => slot.replaceChildren(), 'secondary-action'))));
  p.name.focus();
}

function handoverForm(slot, list, m, refresh) {
  const current = list.assignments.filter(a => !a.until);
  const leaving = select({ name: 'leaving', required: true }, current.map((a, i) =>
    [String(i), `${(a.person_detail && a.person_detail.name) || a.name || a.person} – ${a.role_name || a.role}`]));
  const lastDay = textbox({ type: 'date', name: 'last_day', required: true, min: today() });
  const who = select({ name: 'successor' }, [['', t('successor_new')], ...list.members.map(p => [p.id, p.name])]);
  const fresh = personFields();
  const freshBox = el('fieldset', { class: 'utrecht-form-fieldset new-person' }, el('legend', { class: 'utrecht-form-fieldset__legend' }, t('successor_new')), ...fresh.fields);
  who.addEventListener('change', () => { freshBox.hidden = who.value !== ''; });
  const from = textbox({ type: 'date', name: 'from', required: true, min: today(), value: today() });
  const hours = textbox({ type: 'number', name: 'fte', min: 0, max: 1.5, step: 0.05, inputmode: 'decimal' });
  const fillFte = () => { const a = current[Number(leaving.value)]; if (a && a.fte !== null && a.fte !== undefined) hours.value = a.fte; };
  leaving.addEventListener('change', fillFte);
  fillFte();

  const submitHandover = async () => {
    const a = current[Number(leaving.value)];
    if (!a) return;
    try {
      let successor = who.value;
      if (!successor) {
        if (!fresh.name.value.trim()) { fresh.name.focus(); return banner(t('successor_missing'), 'error'); }
        successor = (await savePerson(fresh)).id;
      }
      // The successor first: the role is never vacant, and the overlap is the warm part.
      const assignment = { municipality: state.code, role: a.role, person: successor, from: from.value };
      if (hours.value !== '') assignment.fte = Number(hours.value);
      await api('POST', '/api/v1/assignments', assignment);
      await api('POST', '/api/v1/leaves', { municipality: state.code, person: a.person, role: a.role, last_day: lastDay.value });
      await refresh();  // redraw first, so the confirmation stands beside what it confirms
      banner(t('handover_done', { role: a.role_name || a.role }), 'ok');
    } catch (err) { showError(err); }
  };
  slot.replaceChildren(el('form', { class: 'card handover-form', onsubmit: (e) => { e.preventDefault(); submitHandover(); } },
    heading(2, t('handover_title')), paragraph(t('handover_help')),
    el('fieldset', { class: 'utrecht-form-fieldset' }, el('legend', { class: 'utrecht-form-fieldset__legend' }, t('handover_step1')),
      field(t('handover_who'), leaving), field(t('handover_last_day'), lastDay)),
    el('fieldset', { class: 'utrecht-form-fieldset' }, el('legend', { class: 'utrecht-form-fieldset__legend' }, t('handover_step2')),
      field(t('successor'), who), freshBox, field(t('handover_from'), from, t('handover_from_help')), field(t('fte'), hours)),
    buttonGroup(submit(t('handover_save'), { class: 'handover-save' }), button(t('cancel'), () => slot.replaceChildren(), 'secondary-action'))));
  leaving.focus();
}

// A role for a colleague: with a role (and an e-mail address) they can sign in to okod
// themselves and get its reminders; the role's end is announced with the hand-over.
function assignForm(slot, list, m, refresh) {
  const who = select({ name: 'person', required: true }, list.members.map(p => [p.id, p.name]));
  const role = select({ name: 'role', required: true }, (m.roles || []).map(r => [r.role, r.role_name || r.role]));
  const from = textbox({ type: 'date', name: 'from', required: true, value: today() });
  const hours = textbox({ type: 'number', name: 'fte', min: 0, max: 1.5, step: 0.05, inputmode: 'decimal' });
  slot.replaceChildren(el('form', { class: 'card assign-form', onsubmit: async (e) => {
    e.preventDefault();
    const body = { municipality: state.code, role: role.value, person: who.value, from: from.value };
    if (hours.value !== '') body.fte = Number(hours.value);
    try {
      await api('POST', '/api/v1/assignments', body);
      await refresh();  // redraw first, so the confirmation stands beside what it confirms
      banner(t('assigned', { name: who.selectedOptions[0].textContent, role: role.selectedOptions[0].textContent }), 'ok');
    } catch (err) { showError(err); }
  } }, heading(2, t('assign_start')), paragraph(t('assign_help')), field(t('name'), who), field(t('role'), role),
  field(t('since'), from), field(t('fte'), hours),
  buttonGroup(submit(t('save'), { class: 'assign-save' }), button(t('cancel'), () => slot.replaceChildren(), 'secondary-action'))));
  who.focus();
}
