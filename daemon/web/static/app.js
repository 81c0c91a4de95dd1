// The okod dashboard: the regisseur's workplace over okod's JSON API. This file starts
// the page, signs in and out, and shows the view the address names (#/taken/vandaag,
// #/taak/12, ...): a table of views, one module each, so a mail can link to any of them.
// A person signs in with a link by e-mail (or the municipality's identity provider):
// okod sets an HttpOnly session cookie; an administrator may paste an API token instead
// (ui/api.js sends whichever there is).
import { state, t, setLanguage } from './ui/i18n.js';
import { el, $, banner } from './ui/dom.js';
import { api, storedToken, storeToken, forgetToken } from './ui/api.js';
import * as overview from './ui/view-overview.js';
import * as tasks from './ui/view-tasks.js';
import * as task from './ui/view-task.js';
import * as process from './ui/view-process.js';
import * as plan from './ui/view-plan.js';
import * as yearplan from './ui/view-yearplan.js';
import * as report from './ui/view-report.js';
import * as people from './ui/view-people.js';
import * as agenda from './ui/view-agenda.js';
import * as survey from './ui/view-survey.js';
import * as settings from './ui/view-settings.js';

// path pattern -> view; `nav` names the menu entry (shown when the role may use it).
const VIEWS = [
  { pattern: /^\/?$/, view: overview, nav: 'nav_overview', href: '#/' },
  { pattern: /^\/taken(?:\/([a-z-]+))?$/, view: tasks, nav: 'nav_tasks', href: '#/taken/vandaag' },
  { pattern: /^\/taak\/(\d+)$/, view: task },
  { pattern: /^\/proces$/, view: process, nav: 'nav_process', href: '#/proces', may: 'read_instances' },
  { pattern: /^\/jaarplan$/, view: yearplan, nav: 'nav_yearplan', href: '#/jaarplan', may: 'read_reports' },
  { pattern: /^\/uitvoeringsplan$/, view: plan, nav: 'nav_plan', href: '#/uitvoeringsplan', may: 'read_execution_plan' },
  { pattern: /^\/mensen$/, view: people, nav: 'nav_people', href: '#/mensen', may: 'manage_people' },
  { pattern: /^\/monitor$/, view: survey, nav: 'nav_survey', href: '#/monitor', may: 'import_survey' },
  { pattern: /^\/rapport$/, view: report, nav: 'nav_report', href: '#/rapport' },
  { pattern: /^\/agenda$/, view: agenda, nav: 'nav_agenda', href: '#/agenda', person: true },
  { pattern: /^\/instellingen$/, view: settings, nav: 'nav_settings', href: '#/instellingen', may: 'change_settings' },
];

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [path, query] = hash.split('?');
  for (const v of VIEWS) {
    const m = path.match(v.pattern);
    if (m) return { entry: v, args: m.slice(1), query: new URLSearchParams(query || '') };
  }
  return { entry: VIEWS[0], args: [], query: new URLSearchParams() };
}

function allowed(v) {
  if (v.person && !state.me.person) return false;
  return !v.may || state.me.may[v.may] !== false;
}

function renderNav(current) {
  const list = $('nav-list');
  list.replaceChildren(...VIEWS.filter(v => v.nav && allowed(v)).map(v =>
    el('li', { class: 'utrecht-nav-list__item' }, el('a', { class: 'utrecht-nav-list__link utrecht-link utrecht-link--html-a', href: v.href,
      'aria-current': v === current ? 'page' : null }, t(v.nav)))));
}

let showing = 0;
export async function show() {
  if (!state.me) return;
  const { entry, args, query } = route();
  renderNav(entry);
  const mine = ++showing;
  const container = el('div', { class: 'view' });
  try {
    await entry.view.render(container, { args, query, refresh: show });
  } catch (e) {
    if (e.status === 401) return signOut(storedToken() ? t('bad_token') : t('session_ended'));
    container.append(el('p', { class: 'utrecht-paragraph' }, `${e.status || ''} ${e.message}`.trim()));
  }
  if (mine !== showing) return;  // a later click won
  $('view').replaceChildren(container);
  const h1 = container.querySelector('h1');
  document.title = (h1 ? h1.textContent + ' – ' : '') + t('brand');
}

// --- start, sign in, sign out -----------------------------------------------------------
function translatePage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll('[data-t-aria]').forEach(e => e.setAttribute('aria-label', t(e.dataset.tAria)));
  $('language').textContent = t('language');
  $('language').setAttribute('lang', state.lang === 'nl' ? 'en' : 'nl');
}

async function start() {
  translatePage();
  try {
    state.me = await api('GET', '/api/v1/me');
  } catch (e) {
    if (e.status === 401) return storedToken() ? signOut(t('bad_token')) : showLogin(true);  // no session yet
    return banner(e.message, 'error');
  }
  $('login').hidden = true;
  $('who').hidden = false;
  $('nav').hidden = false;
  $('who-label').textContent = `${state.me.session ? state.me.person_name : state.me.label} (${t('role_' + state.me.role)})`;
  const select = $('municipality');
  select.replaceChildren(...state.me.municipalities.map(c => el('option', { value: c }, c)));
  const wanted = sessionStorage.getItem('okod.municipality');
  state.code = state.me.municipalities.includes(wanted) ? wanted : state.me.municipalities[0];
  if (!state.code) return banner(t('no_municipality'), 'error');
  select.value = state.code;
  $('municipality-field').hidden = state.me.municipalities.length < 2;
  // Back to the page a mail linked to before the sign-in (which lands on "/").
  const after = localStorage.getItem('okod.after');
  localStorage.removeItem('okod.after');
  if (after && (!location.hash || location.hash === '#/')) history.replaceState(null, '', after);
  await show();
}

// The municipality's own account, when okod has an identity provider ([oidc]); the
// e-mail link always.
async function offerSignInMethods() {
  try {
    const methods = await (await fetch('/auth/methods', { credentials: 'same-origin' })).json();
    $('oidc-login').hidden = !methods.oidc;
  } catch (e) { $('oidc-login').hidden = true; }
}

// `arriving`: the page was opened without a session, say from a mail's link to a task
// (#/taak/12): that page is remembered on this device through the sign-in. Not after
// signing out, when the next person signs in.
function showLogin(arriving) {
  if (arriving && location.hash && location.hash !== '#/') localStorage.setItem('okod.after', location.hash);
  else localStorage.removeItem('okod.after');
  offerSignInMethods();
  $('view').replaceChildren();
  $('who').hidden = true;
  $('nav').hidden = true;
  $('login').hidden = false;
  $('email').focus();
}

// Ends the session at okod too (its cookie is HttpOnly: only okod can drop it).
async function signOut(message) {
  if (state.me && state.me.session) await api('POST', '/auth/logout').catch(() => {});
  forgetToken();
  state.me = null;
  banner(message || '', 'error');
  showLogin();
}

async function requestLink(e) {
  e.preventDefault();
  try {
    const sent = await api('POST', '/auth/link', { email: $('email').value.trim() });
    banner(sent.message, 'ok');
  } catch (err) {
    banner(`${err.status || ''} ${err.message}`.trim(), 'error');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('link-form').addEventListener('submit', requestLink);
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    storeToken($('token').value.trim(), $('remember').checked);
    $('token').value = '';
    banner('');
    await start();
  });
  $('logout').addEventListener('click', () => signOut());
  $('municipality').addEventListener('change', (e) => {
    state.code = e.target.value;
    sessionStorage.setItem('okod.municipality', state.code);
    banner('');
    show();
  });
  $('language').addEventListener('click', () => {
    setLanguage(state.lang === 'nl' ? 'en' : 'nl');
    translatePage();
    show();
  });
  window.addEventListener('hashchange', () => { banner(''); show(); });
  start();
});
