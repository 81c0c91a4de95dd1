// #/taak/<id> : one task: what, for whom, until when, its workflow step; what the user
// may do with it (complete with a note, move with a reason, skip with a reason, undo a
// completion while its step lasts); and its history: who did what, when and why.
// Reminder mails link here.
import { state, t } from './i18n.js';
import { el, heading, paragraph, link, textbox, field, submit, button, buttonGroup, banner, showError, card,
  formatDue, localParts, today, lightDot, taskTitle, statusText } from './dom.js';
import { api } from './api.js';

export async function render(view, { args, refresh }) {
  const id = args[0];
  const [task, history] = await Promise.all([
    api('GET', `/api/v1/tasks/${id}`),
    api('GET', `/api/v1/tasks/${id}/history`).catch(() => null),
  ]);
  view.append(
    paragraph(link('#/taken/vandaag', t('back_to_tasks'))),
    heading(1, taskTitle(task)),
    el('dl', { class: 'facts task-facts' },
      fact(t('status'), el('span', {}, lightDot(task.light), ' ', statusText(task))),
      fact(t('deadline'), formatDue(task.due)),
      fact(t('role'), task.role_name || task.role),
      fact(t('step'), task.state_name || task.state || '–'),
      fact(t('municipality'), task.municipality),
      task.note ? fact(t('note_label'), task.note) : null));
  const forms = el('div', { class: 'task-forms' });
  view.append(card(t('what_now'), actionButtons(task, forms, refresh), forms));
  view.append(card(t('history'), historyList(history)));
}

function fact(label, value) { return el('div', { class: 'fact' }, el('dt', { class: 'label' }, label), el('dd', { class: 'value' }, value)); }

function actionButtons(task, forms, refresh) {
  const may = state.me.may;
  const open = task.status === 'open' || task.status === 'overdue';
  const out = [];
  const show = (make) => () => { forms.replaceChildren(make(task, refresh)); const f = forms.querySelector('input, textarea'); if (f) f.focus(); };
  if (open && may.complete_tasks) out.push(button(t('complete'), show(completeForm), 'primary-action', { class: 'complete' }));
  if (open && may.reschedule_tasks) out.push(button(t('reschedule'), show(rescheduleForm), 'secondary-action', { class: 'reschedule' }));
  if (open && may.skip_tasks) out.push(button(t('skip'), show(skipForm), 'secondary-action', { class: 'skip' }));
  if (task.status === 'done' && may.undo_tasks) out.push(button(t('undo'), show(undoForm), 'secondary-action', { class: 'undo' }));
  if (out.length === 0) return paragraph(open ? t('read_only_task') : t('closed_task'));
  return buttonGroup(...out);
}

async function act(call, text, refresh) {
  try {
    await call();
    banner(text, 'ok');
  } catch (e) {
    banner(e.status === 409 ? `${t('stale')} ${e.message}` : `${e.status || ''} ${e.message}`.trim(), 'error');
  }
  await refresh();
}

function form(onsubmit, ...children) {
  return el('form', { class: 'task-form', onsubmit: (e) => { e.preventDefault(); onsubmit(); } }, ...children);
}

function completeForm(task, refresh) {
  const note = textbox({ name: 'note', maxlength: 500 });
  return form(() => act(() => api('POST', `/api/v1/tasks/${task.id}/complete`, { note: note.value }),
    t('completed', { title: taskTitle(task) }), refresh),
    field(t('note'), note), submit(t('complete'), { class: 'confirm-complete' }));
}

function rescheduleForm(task, refresh) {
  const was = localParts(task.due || new Date().toISOString());
  const date = textbox({ type: 'date', name: 'date', required: true, value: was.date < today() ? today() : was.date, min: today() });
  const time = textbox({ type: 'time', name: 'time', required: true, value: was.time });
  const reason = textbox({ name: 'reason', required: true, maxlength: 500 });
  return form(() => act(() => api('POST', `/api/v1/tasks/${task.id}/reschedule`,
    { due: `${date.value}T${time.value}`, reason: reason.value, if_due: task.due }), t('rescheduled', { title: taskTitle(task) }), refresh),
    el('div', { class: 'row-fields' }, field(t('new_due'), date), field(t('new_time'), time)),
    field(t('reason'), reason, t('reason_help')), submit(t('save'), { class: 'confirm-reschedule' }));
}

function skipForm(task, refresh) {
  const reason = textbox({ name: 'reason', required: true, maxlength: 500 });
  return form(() => act(() => api('POST', `/api/v1/tasks/${task.id}/skip`, { reason: reason.value }),
    t('skipped', { title: taskTitle(task) }), refresh),
    field(t('reason'), reason, t('skip_help')), submit(t('skip'), { class: 'confirm-skip' }));
}

function undoForm(task, refresh) {
  const reason = textbox({ name: 'reason', maxlength: 500 });
  return form(() => act(() => api('POST', `/api/v1/tasks/${task.id}/undo`, { reason: reason.value }),
    t('undone', { title: taskTitle(task) }), refresh),
    paragraph(t('undo_help')), field(t('reason_optional'), reason), submit(t('undo'), { class: 'confirm-undo' }));
}

// The task's events, oldest first, as sentences: "2 okt 2025 10:12 · Afgerond door
// Sanne Vermeulen" with the reason or note under it; a move says from when to when.
function historyList(history) {
  const events = history ? history.history : null;
  if (!Array.isArray(events)) return paragraph(t('history_unavailable'));
  if (events.length === 0) return paragraph(t('history_empty'));
  return el('ol', { class: 'history' }, events.map(ev => {
    const who = ev.by_name || ev.by;
    const to = ev.sent_to_name || ev.sent_to;
    const why = ev.reason || ev.note;
    const what = t('ev_' + ev.kind) === 'ev_' + ev.kind ? ev.kind : t('ev_' + ev.kind);
    return el('li', {}, el('span', { class: 'when' }, formatDue(ev.at)), ' · ', el('span', { class: 'what' }, what),
      who ? ` ${t('by')} ${who}` : '', to ? ` ${t('to')} ${to}` : '',
      ev.from || ev.to ? ` (${formatDue(ev.from)} → ${formatDue(ev.to)})` : '',
      why ? el('div', { class: 'why' }, why) : null);
  }));
}
