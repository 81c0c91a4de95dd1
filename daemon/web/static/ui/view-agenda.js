// #/agenda : the user's own calendar subscription: a feed URL with a secret of its own
// (not the sign-in), made here, shown once; making a new one stops the old one.
import { state, t } from './i18n.js';
import { el, heading, paragraph, textbox, field, button, buttonGroup, showError, banner, formatDue } from './dom.js';
import { api } from './api.js';

export async function render(view, { refresh }) {
  const person = await api('GET', `/api/v1/people/${encodeURIComponent(state.me.person)}`).catch(() => null);
  const since = person && person.feed_url_since;
  view.append(heading(1, t('agenda_title')), paragraph(t('agenda_help')));
  view.append(paragraph(since ? t('agenda_since', { when: formatDue(since) }) : t('agenda_none')));
  const result = el('div', { class: 'feed-result' });
  view.append(buttonGroup(button(since ? t('agenda_new') : t('agenda_make'), async () => {
    if (since && !window.confirm(t('feed_confirm'))) return;
    try {
      const made = await api('POST', `/api/v1/people/${encodeURIComponent(state.me.person)}/feed-url`, { rotate: !!since });
      const url = made.url || new URL(made.path, window.location.href).href;
      const box = textbox({ name: 'feed-url', value: url, readonly: true });
      result.replaceChildren(field(t('agenda_url'), box, t('agenda_once')),
        buttonGroup(button(t('copy'), async () => {
          box.select();
          try { await navigator.clipboard.writeText(url); banner(t('copied'), 'ok'); } catch (e) { document.execCommand('copy'); }
        }, 'secondary-action', { class: 'copy' })));
      box.focus();
      box.select();
    } catch (e) { showError(e); }
  }, 'primary-action', { class: 'make-feed' })), result);
}
