// The regisseur's workplace end to end in headless Chromium (Debian's chromium through
// playwright-core), against a real okod that the caller started on the demo:
//
//   node tests/browser/dashboard.mjs --url http://127.0.0.1:PORT \
//       --regisseur okod_... --council okod_... [--stakeholder okod_...] [--screenshots DIR]
//
// Each job of the month is done through the page as a person would, and its result is
// checked through the API: see the day's and week's tasks, search them, open a task,
// complete it with a note, see who did it in its history and undo it, reschedule with
// a reason, skip with a reason, the process monitor, an execution-plan action, a year-plan
// light with a remark and next year's plan drafted from it, a warm
// hand-over, the yearly report as PDF and CSV, and a calendar link. Every page passes
// axe-core's WCAG 2.1 AA rules, at 1280 px and (the daily jobs) at 390 px. A council
// token reads but cannot act; okod refuses it even a hand-made request.
// Exits 0 when every check held, 1 with the failed check. Run by
// tests/browser/dashboard_browser_test.cpp (ctest) with a fresh okod.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { TIMEOUT, check, launch, newContext, watch, axe, fitsWidth, logInWithToken, open, apiGet } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    regisseur: { type: 'string' },
    council: { type: 'string' },
    stakeholder: { type: 'string' },
    screenshots: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
  },
});
for (const required of ['url', 'regisseur', 'council']) {
  if (!args[required]) {
    console.error('usage: dashboard.mjs --url URL --regisseur TOKEN --council TOKEN [--stakeholder TOKEN] [--screenshots DIR]');
    process.exit(2);
  }
}
const url = args.url;
const origin = new URL(url).origin;

async function shot(page, name) {
  if (args.screenshots) await page.screenshot({ path: `${args.screenshots}/${name}.png`, fullPage: true });
}

// The message line once it says `start`: an earlier message may still be showing while
// okod answers the next click. The text it shows in the end either way, for the check.
async function banner(page, start) {
  const line = page.locator('#banner');
  const escaped = start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await line.filter({ hasText: new RegExp('^\\s*' + escaped) }).waitFor({ timeout: TIMEOUT }).catch(() => {});
  return line.innerText();
}

const browser = await launch(args.chromium);
let failed = false;
try {
  const context = await newContext(browser, 1280);
  const page = await context.newPage();
  const problems = watch(page, origin);

  // --- sign in, the overview ---------------------------------------------------------------
  await page.goto(url + '/');
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  check(await page.locator('#login h1').innerText() === 'Inloggen', 'the sign-in page is in Dutch');
  await axe(page, 'the sign-in page');
  // The page of a sign-in link that no longer works (used, expired or never made).
  await page.goto(url + '/auth/link/okodlink_no-such-link');
  check((await page.locator('h1').innerText()).length > 0, 'a spent sign-in link has a page that says so');
  await axe(page, "a spent sign-in link's page");
  await shot(page, 'inloglink-verlopen');
  await logInWithToken(page, url, args.regisseur);
  check((await page.locator('#m-name').innerText()) === 'Maastricht', 'the overview shows Maastricht');
  for (const heading of ['Deze week', 'Positie in de cyclus', 'Rapportagedeadlines', 'Rollen en vacatures'])
    check(await page.getByRole('heading', { name: heading }).isVisible(), `the overview has "${heading}"`);
  check((await page.locator('.roles').innerText()).includes('Regisseur (projectleider)'), 'role holders are listed');
  await axe(page, 'the overview');
  await shot(page, 'overzicht');

  // English, all of it: every text has both languages, and the switch changes the page.
  const missing = await page.evaluate(async () => (await import('/ui/i18n.js')).missingKeys());
  check(missing.en.length === 0 && missing.nl.length === 0, `every text is in Dutch and English (${JSON.stringify(missing)})`);
  await page.click('#language');
  await page.getByRole('link', { name: 'Tasks', exact: true }).waitFor({ timeout: TIMEOUT });
  // The menu changes at once, the view when okod has answered again.
  await page.getByRole('heading', { name: 'This week', exact: true }).first().waitFor({ timeout: TIMEOUT });
  check(await page.getByRole('heading', { name: 'Position in the cycle' }).isVisible(), 'in English the overview says "This week" and "Position in the cycle"');
  await axe(page, 'the overview in English');
  await page.click('#language');
  await page.getByRole('heading', { name: 'Deze week', exact: true }).first().waitFor({ timeout: TIMEOUT });

  // WCAG 1.4.11 (non-text contrast, 3:1): the orange light against its card, and the focus
  // ring of the element Tab reaches against the page.
  await page.keyboard.press('Tab');
  const contrast = await page.evaluate(() => {
    const luminance = (css) => css.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
    const probe = document.createElement('span');
    probe.className = 'light oranje';
    document.querySelector('main').append(probe);
    const orange = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return { orange: ratio(orange, 'rgb(255, 255, 255)'),
      ring: ratio(getComputedStyle(document.activeElement).outlineColor, getComputedStyle(document.body).backgroundColor),
      focused: document.activeElement.tagName };
  });
  check(contrast.orange >= 3, `the orange light stands out 3:1 from its card (${contrast.orange.toFixed(2)}:1)`);
  check(contrast.ring >= 3, `the focus ring (on ${contrast.focused}) stands out 3:1 from the page (${contrast.ring.toFixed(2)}:1)`);

  // --- the task lists: today, overdue, search --------------------------------------------
  await page.getByRole('link', { name: 'Taken', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Taken' }).waitFor({ timeout: TIMEOUT });
  check(await page.locator('.tabs a[aria-current=page]').innerText() === 'Vandaag', 'Taken opens on Vandaag');
  await page.getByRole('link', { name: 'Te laat', exact: true }).click();
  // The task to complete and then undo: one whose step has more open work (so completing
  // it does not move the workflow on, which would rightly make the undo a 409), the newest
  // of its step (this pass through it), and late in the list (the bulk skip below takes the
  // earliest day).
  const unfinished = (await apiGet(page, url, args.regisseur, '/api/v1/tasks?municipality=GM0935&view=open&limit=1000')).tasks;
  const stepOf = (x) => `${x.instance_id}/${x.state}`;
  const newest = new Map();
  for (const x of unfinished) newest.set(stepOf(x), Math.max(newest.get(stepOf(x)) || 0, x.id));
  const sharing = (x) => unfinished.filter(y => stepOf(y) === stepOf(x)).length >= 2;
  const candidate = unfinished.filter(x => x.status === 'overdue' && sharing(x) && newest.get(stepOf(x)) === x.id).pop();
  check(Boolean(candidate), 'the demo has an overdue task with more open work in its step');
  const overdueRow = page.locator(`#task-list tr.task.rood[data-task="${candidate.id}"]`);
  await overdueRow.waitFor({ state: 'visible', timeout: TIMEOUT });
  await axe(page, 'the overdue tasks');
  await shot(page, 'taken-te-laat');
  const overdueId = await overdueRow.getAttribute('data-task');
  const overdueTitle = await overdueRow.locator('.title').innerText();
  const listed = await apiGet(page, url, args.regisseur, '/api/v1/tasks?municipality=GM0935&view=overdue&limit=1000');
  check(listed.tasks.some(x => String(x.id) === overdueId) && listed.tasks.every(x => x.status === 'overdue'),
    `the page's overdue task #${overdueId} "${overdueTitle}" is overdue in the API`);
  const word = overdueTitle.split(/\s+/).find(w => w.length > 5) || overdueTitle;
  await page.getByLabel('Zoeken').fill(word.toLowerCase());
  await page.getByRole('button', { name: 'Toon' }).click();
  // The list before the search stays until okod has answered it.
  await page.waitForFunction((w) => {
    const titles = [...document.querySelectorAll('#task-list .title')].map(e => e.textContent.toLowerCase());
    return titles.length > 0 && titles.every(x => x.includes(w));
  }, word.toLowerCase(), { timeout: TIMEOUT }).catch(() => {});
  const found = await page.locator('#task-list .title').allInnerTexts();
  check(found.length > 0 && found.every(x => x.toLowerCase().includes(word.toLowerCase())),
    `searching "${word.toLowerCase()}" finds only tasks with that word (${found.length})`);

  // --- one task: complete with a note, its history, undo -----------------------------------
  await page.locator(`#task-list tr[data-task="${overdueId}"] .title a`).click();
  await page.getByRole('heading', { level: 1, name: overdueTitle }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'a task page');
  await shot(page, 'taak');
  await page.getByRole('button', { name: 'Afronden', exact: true }).click();
  await page.getByLabel('Toelichting (optioneel)').fill('Besproken in het kernteam');
  await page.locator('button.confirm-complete').click();
  check((await banner(page, 'Taak afgerond')).startsWith('Taak afgerond'), 'okod confirms the completion');
  let task = await apiGet(page, url, args.regisseur, `/api/v1/tasks/${overdueId}`);
  check(task.status === 'done' && task.note === 'Besproken in het kernteam', 'the API has the task done, with the note');
  await page.locator('.history li').last().waitFor({ timeout: TIMEOUT });
  const history = await page.locator('.history').innerText();
  check(history.includes('Afgerond') && history.includes('Besproken in het kernteam'), 'the history says who completed it, and the note');
  await page.getByRole('button', { name: 'Afronden ongedaan maken' }).click();
  await page.getByLabel('Reden (optioneel)').fill('Per ongeluk afgevinkt');
  await page.locator('button.confirm-undo').click();
  const undone = await banner(page, 'Weer open');
  check(undone.startsWith('Weer open'), `okod confirms the undo (${undone})`);
  task = await apiGet(page, url, args.regisseur, `/api/v1/tasks/${overdueId}`);
  check(task.status === 'overdue', `after the undo the task is overdue again in the API (${task.status})`);

  // --- reschedule with a reason; skip with a reason ---------------------------------------
  const open0 = (await apiGet(page, url, args.regisseur, '/api/v1/tasks?municipality=GM0935&status=open&limit=20')).tasks
    .filter(x => x.status === 'open' && x.due);
  check(open0.length >= 2, 'the demo has open tasks to move and to skip');
  const me = await apiGet(page, url, args.regisseur, '/api/v1/me');
  const later = new Date(Date.parse(me.now) + 40 * 86400000).toISOString().slice(0, 10);
  await open(page, url, `#/taak/${open0[0].id}`, open0[0].title.nl);
  await page.getByRole('button', { name: 'Verplaatsen' }).click();
  await page.getByLabel('Nieuwe deadline').fill(later);
  await page.getByLabel('Tijd').fill('12:00');
  await page.getByLabel('Reden', { exact: true }).fill('Kernteam schuift door');
  await page.locator('button.confirm-reschedule').click();
  check((await banner(page, 'Deadline verplaatst')).startsWith('Deadline verplaatst'), 'okod confirms the new deadline');
  task = await apiGet(page, url, args.regisseur, `/api/v1/tasks/${open0[0].id}`);
  check(task.due.startsWith(later + 'T12:00'), `the API has the new deadline ${later} 12:00 (${task.due})`);
  check((await page.locator('.history').innerText()).includes('Kernteam schuift door'), 'the history shows the reason of the move');

  await open(page, url, `#/taak/${open0[1].id}`, open0[1].title.nl);
  await page.getByRole('button', { name: 'Overslaan' }).click();
  await page.getByLabel('Reden', { exact: true }).fill('al gedaan voordat okod in gebruik was');
  await page.locator('button.confirm-skip').click();
  check((await banner(page, 'Taak overgeslagen')).startsWith('Taak overgeslagen'), 'okod confirms the skip');
  task = await apiGet(page, url, args.regisseur, `/api/v1/tasks/${open0[1].id}`);
  check(task.status === 'skipped', 'the API has the task skipped');

  // --- bulk skip for a late starter: the earliest overdue day, seen first, then skipped ----
  const overdueNow = (await apiGet(page, url, args.regisseur, '/api/v1/tasks?municipality=GM0935&view=overdue&limit=1000')).tasks;
  const earliest = overdueNow[0].due.slice(0, 10);
  const dayAfter = new Date(Date.parse(earliest + 'T12:00:00Z') + 86400000).toISOString().slice(0, 10);
  const expected = overdueNow.filter(x => x.due.slice(0, 10) < dayAfter).map(x => x.id);
  check(!expected.includes(Number(overdueId)), `the bulk skip before ${dayAfter} leaves task #${overdueId} alone`);
  await open(page, url, '#/taken/te-laat', 'Taken');
  await page.getByLabel('Deadline vóór').fill(dayAfter);
  await page.locator('button.bulk-preview').click();
  await page.locator('button.bulk-confirm').waitFor({ timeout: TIMEOUT });
  check((await page.locator('.bulk-result').innerText()).startsWith(`${expected.length} open taken`),
    `the preview counts the ${expected.length} tasks due before ${dayAfter}`);
  await axe(page, 'the bulk skip preview');
  await page.locator('button.bulk-confirm').click();
  check((await banner(page, `${expected.length} taken overgeslagen`)).startsWith(`${expected.length} taken overgeslagen`), 'okod confirms the bulk skip');
  for (const id of expected) {
    const skippedTask = await apiGet(page, url, args.regisseur, `/api/v1/tasks/${id}`);
    check(skippedTask.status === 'skipped', `task #${id} is skipped in the API`);
  }
  const skipHistory = await apiGet(page, url, args.regisseur, `/api/v1/tasks/${expected[0]}/history`);
  check(skipHistory.history.some(e => e.kind === 'task_skipped' && e.reason === 'al gedaan voordat okod in gebruik was'),
    'its history has the skip with the reason');

  // --- the process monitor ----------------------------------------------------------------
  await page.getByRole('link', { name: 'Procesmonitor', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Procesmonitor' }).waitFor({ timeout: TIMEOUT });
  await page.locator('table.process tbody tr').first().waitFor({ timeout: TIMEOUT });
  const process = await apiGet(page, url, args.regisseur, '/api/v1/municipalities/GM0935/process');
  const shownSteps = await page.locator('table.process tbody tr').count();
  check(shownSteps === process.steps.length,
    `the process monitor shows each of the ${process.steps.length} steps of the trajectory (${shownSteps})`);
  await axe(page, 'the process monitor');
  await shot(page, 'procesmonitor');

  // --- the execution plan: an action as the fill-in table -----------------------------------
  await page.getByRole('link', { name: 'Uitvoeringsplan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Uitvoeringsplan' }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'the execution plan');
  await page.getByRole('button', { name: 'Actie toevoegen' }).click();
  await page.getByLabel('1. Voorgestelde interventie').fill('Ouderavonden over alcohol in groep 8');
  await page.getByLabel('7. Periode').fill('sep 2026 – jun 2027');
  await page.getByLabel('8. Verantwoordelijke').fill('GGD Zuid Limburg');
  await page.getByLabel('4. Middelen: geld (euro)').fill('4500');
  await page.getByLabel('Stoplicht', { exact: true }).selectOption('oranje');
  await axe(page, 'the execution plan form');
  await page.locator('button.plan-save').click();
  check((await banner(page, 'Actie toegevoegd')).startsWith('Actie toegevoegd'), 'okod confirms the new action');
  const plan = await apiGet(page, url, args.regisseur, '/api/v1/municipalities/GM0935/execution-plan');
  const action = plan.recommendations.flatMap(r => r.actions).find(a => a.intervention === 'Ouderavonden over alcohol in groep 8');
  check(action && action.money_euros === 4500 && action.status === 'oranje' && action.responsible === 'GGD Zuid Limburg',
    'the API has the action with its money, light and who is responsible');
  await shot(page, 'uitvoeringsplan');

  // --- the year plan: a light with a remark; next year's plan from orange and red ----------
  const yearPlan = '/api/v1/municipalities/GM0935/year-plan';
  await page.getByRole('link', { name: 'Jaarplan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Jaarplan 2026' }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'the year plan');
  await page.getByRole('button', { name: 'Stoplicht zetten: Vier webinars voor ouders en professionals' }).click();
  const lightForm = page.locator('form.yp-edit');
  await lightForm.getByLabel('Stoplicht', { exact: true }).selectOption('oranje');
  await lightForm.getByLabel('Opmerking', { exact: true }).fill('Twee van de vier webinars gegeven');
  await axe(page, 'the form to set a light');
  await page.locator('button.yp-save').click();
  check((await banner(page, 'Stoplicht gezet')).startsWith('Stoplicht gezet'), 'okod confirms the light');
  const webinars = (await apiGet(page, url, args.regisseur, yearPlan + '?year=2026')).workgroups
    .flatMap(w => w.activities).find(a => a.id === 'webinars');
  check(webinars.light === 'oranje' && webinars.source === 'manual' && webinars.remark === 'Twee van de vier webinars gegeven',
    'the API has the light set by hand with its remark');
  check((await page.locator('table.yearplan tr[data-activity="webinars"]').innerText()).includes('oranje'),
    'the page shows the light in words');
  await page.getByRole('button', { name: 'Jaarplan 2027 opstellen' }).click();
  await page.locator('.yp-preview').waitFor({ timeout: TIMEOUT });
  const carriedRow = await page.locator('.yp-preview tr[data-activity="webinars"]').innerText();
  check(carriedRow.includes('overgenomen uit 2026: oranje – Twee van de vier webinars gegeven'),
    `the preview says the webinars come over and why (${carriedRow.replace(/\s+/g, ' ')})`);
  await axe(page, 'the preview of next year\'s plan');
  const notYet = await page.request.get(url + yearPlan + '?year=2027', { headers: { Authorization: 'Bearer ' + args.regisseur } });
  check(notYet.status() === 404, 'the preview stored nothing');
  await shot(page, 'jaarplan-voorbeeld');
  await page.locator('button.yp-confirm').click();
  await page.getByRole('heading', { level: 1, name: 'Jaarplan 2027' }).waitFor({ timeout: TIMEOUT });
  check((await banner(page, 'Jaarplan 2027 opgesteld')).startsWith('Jaarplan 2027 opgesteld'), 'okod confirms the new plan');
  const plan2027 = await apiGet(page, url, args.regisseur, yearPlan + '?year=2027');
  check(plan2027.origin === 'store' && plan2027.workgroups.flatMap(w => w.activities)
    .some(a => a.id === 'webinars' && a.plan_remark.startsWith('overgenomen uit 2026: oranje')),
  'the API has the plan 2027 in the store, with the webinars carried over');
  await axe(page, 'the drafted year plan');
  await shot(page, 'jaarplan');
  const [toml] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }),
    page.getByRole('button', { name: 'Downloaden als TOML-bestand' }).click()]);
  const tomlText = await readFile(await toml.path(), 'utf8');
  check(toml.suggestedFilename() === 'GM0935-2027.toml' && tomlText.includes('year = 2027'),
    `the plan downloads as the TOML file for plans/ (${toml.suggestedFilename()})`);

  // --- survey results: a file with a mistake is refused per line, a good one stored --------
  await page.getByRole('link', { name: 'Monitorgegevens', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Monitorgegevens inlezen' }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'the survey upload');
  const header = 'gemeente;indicator;populatie;jaar;waarde;eenheid\n';
  const bad = header + 'GM0935;alcohol_last_month;13;2025;21,4 %;procent\nGM0935;binge_drinking;15;2025;veel;procent\n';
  await page.getByLabel('CSV-bestand').setInputFiles({ name: 'monitor.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.locator('button.survey-check').click();
  await page.locator('.survey-errors li').first().waitFor({ timeout: TIMEOUT });
  const fileProblems = await page.locator('.survey-errors').innerText();
  check(fileProblems.includes('monitor.csv:3'), `a bad value is named by file and line (${fileProblems.trim()})`);
  await axe(page, 'the survey problems');
  const good = header + 'GM0935;alcohol_last_month;13;2025;21,4 %;procent\nGM0935;binge_drinking;15;2025;12,5 %;procent\n';
  const surveyPath = '/api/v1/municipalities/GM0935/survey?dry_run=true&file=monitor.csv';
  const before = await (await page.request.post(url + surveyPath, { headers: { Authorization: 'Bearer ' + args.regisseur,
    'Content-Type': 'text/csv' }, data: good })).json();
  check(before.ok && before.counts.unchanged === 0, 'nothing of the bad file was stored');
  await page.getByLabel('CSV-bestand').setInputFiles({ name: 'monitor.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.locator('button.survey-check').click();
  await page.locator('button.survey-store').waitFor({ timeout: TIMEOUT });
  check(await page.locator('table.survey-preview tbody tr').count() === 2, 'the preview shows both values');
  await axe(page, 'the survey preview');
  await shot(page, 'monitorgegevens');
  await page.locator('button.survey-store').click();
  check((await banner(page, '2 waarden opgeslagen')).startsWith('2 waarden opgeslagen'), 'okod confirms the two values');
  const after = await (await page.request.post(url + surveyPath, { headers: { Authorization: 'Bearer ' + args.regisseur,
    'Content-Type': 'text/csv' }, data: good })).json();
  check(after.counts.unchanged === 2 && after.rows[0].before === 21.4, 'the API has both values stored');

  // --- the goals that move: a value of a policy goal's indicator and population -------------
  const goalFile = header + 'GM0935;alcohol_last_month;13-16;2025;18,2 %;procent\n';
  await page.getByLabel('CSV-bestand').setInputFiles({ name: 'monitor-doel.csv', mimeType: 'text/csv', buffer: Buffer.from(goalFile) });
  await page.locator('button.survey-check').click();
  await page.locator('button.survey-store').waitFor({ timeout: TIMEOUT });
  await page.locator('button.survey-store').click();
  const goalLine = page.locator('table.survey-goals tr.goal[data-goal="alcohol-maandgebruik"]');
  await goalLine.waitFor({ timeout: TIMEOUT });
  const goalText = await goalLine.innerText();
  check(['21 % (2021)', '15 % (2027)', '18,2 % (2025)', 'op koers'].every(x => goalText.includes(x)),
    `the page shows the goal beside its baseline, target and new value, on track (${goalText.replace(/\s+/g, ' ')})`);
  const goalsNow = await apiGet(page, url, args.regisseur, '/api/v1/municipalities/GM0935/goals');
  const movedGoal = goalsNow.goals.find(g => g.id === 'alcohol-maandgebruik');
  check(movedGoal && movedGoal.latest && movedGoal.latest.value === 18.2 && movedGoal.light === 'oranje',
    'the API has the goal moved the right way (oranje) with the new value');
  await axe(page, 'the goals that move');
  await shot(page, 'monitorgegevens-doelen');

  // --- English, all of it: role, workflow and step names come from okod in English too -----
  const apiIn = async (lang, path) => (await page.request.get(url + path,
    { headers: { Authorization: 'Bearer ' + args.regisseur, 'Accept-Language': lang } })).json();
  const namesOf = (m) => [...m.roles.map(r => r.role_name), ...m.instances.flatMap(i => [i.workflow_name, i.state_name])];
  const [summaryNl, summaryEn] = [await apiIn('nl', '/api/v1/municipalities/GM0935'), await apiIn('en', '/api/v1/municipalities/GM0935')];
  const [processNl, processEn] = [await apiIn('nl', '/api/v1/municipalities/GM0935/process'), await apiIn('en', '/api/v1/municipalities/GM0935/process')];
  const dutchOnly = (nl, en) => [...new Set(nl)].filter(x => !en.includes(x));
  const dutchNames = dutchOnly(namesOf(summaryNl), namesOf(summaryEn));
  check(dutchNames.includes('Regisseur (projectleider)') && namesOf(summaryEn).includes('Project leader (regisseur)'),
    `okod names roles in the language asked (${dutchNames.length} Dutch names have an English one)`);
  await page.click('#language');
  await open(page, url, '#/', 'Maastricht');
  await page.getByRole('heading', { name: 'Position in the cycle' }).waitFor({ timeout: TIMEOUT });
  const overviewEn = await page.locator('#view').innerText();
  check(namesOf(summaryEn).every(x => overviewEn.includes(x)) && dutchNames.every(x => !overviewEn.includes(x)),
    `in English the overview shows no Dutch role, workflow or step name (${dutchNames.filter(x => overviewEn.includes(x)).join(', ')})`);
  await open(page, url, '#/proces', 'Process monitor');
  await page.locator('table.process tbody tr').first().waitFor({ timeout: TIMEOUT });
  const processText = await page.locator('#view').innerText();
  const dutchSteps = dutchOnly(processNl.steps.map(s => s.state_name), processEn.steps.map(s => s.state_name));
  check(dutchSteps.length > 0 && dutchSteps.every(x => !processText.includes(x)) &&
    processEn.steps.every(s => processText.includes(s.state_name)),
    `in English the process monitor names its steps in English (${dutchSteps.filter(x => processText.includes(x)).join(', ')})`);
  await open(page, url, '#/mensen', 'People and roles');
  const peopleText = await page.locator('#view').innerText();
  check(peopleText.includes('Project leader (regisseur)') && !peopleText.includes('Regisseur (projectleider)'),
    'in English the people page names the roles in English');
  await axe(page, 'people and roles in English');
  await page.click('#language');
  await page.getByRole('heading', { level: 1, name: 'Mensen en rollen' }).waitFor({ timeout: TIMEOUT });

  // --- people: a warm hand-over ------------------------------------------------------------
  await page.getByRole('link', { name: 'Mensen en rollen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mensen en rollen' }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'people and roles');
  await page.getByRole('button', { name: 'Iemand vertrekt: overdracht' }).click();
  const handover = page.locator('form.handover-form');
  const leaving = handover.getByLabel('Wie en welke rol', { exact: true });
  const choice = (await leaving.locator('option').allInnerTexts()).findIndex(x => x.includes('Regisseur'));
  check(choice >= 0, 'the regisseur can be chosen as the one who leaves');
  await leaving.selectOption(String(choice));
  const lastDay = new Date(Date.parse(me.now) + 30 * 86400000).toISOString().slice(0, 10);
  const firstDay = new Date(Date.parse(me.now) + 16 * 86400000).toISOString().slice(0, 10);
  await handover.getByLabel('Laatste werkdag', { exact: true }).fill(lastDay);
  await handover.getByLabel('Naam', { exact: true }).fill('Noor Bakker');
  await handover.getByLabel('E-mailadres', { exact: true }).fill('noor.bakker@maastricht.example');
  await handover.getByLabel('Begint op', { exact: true }).fill(firstDay);
  await axe(page, 'the hand-over form');
  await shot(page, 'overdracht');
  await page.locator('button.handover-save').click();
  check((await banner(page, 'Overdracht vastgelegd')).startsWith('Overdracht vastgelegd'), 'okod confirms the hand-over');
  const people = await apiGet(page, url, args.regisseur, `/api/v1/people?municipality=GM0935&on=${lastDay}`);
  check(people.assignments.some(a => a.role === 'regisseur' && (a.person_detail && a.person_detail.name) === 'Noor Bakker'),
    'on the last day Noor Bakker holds the regisseur role (the overlap)');

  // --- the yearly report: view, PDF, CSV ----------------------------------------------------
  await page.getByRole('link', { name: 'Jaarverslag', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Jaarverslag aan college en raad' }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'the annual report page');
  const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByRole('button', { name: 'Downloaden als csv (spreadsheet)' }).click()]);
  const csvText = await readFile(await csv.path(), 'utf8');
  check(csv.suggestedFilename().endsWith('.csv') && csvText.includes('Maastricht'), `the CSV download holds the report (${csv.suggestedFilename()})`);
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.getByRole('button', { name: 'Downloaden als pdf' }).click()]);
  const pdfBytes = await readFile(await pdf.path());
  check(pdfBytes.subarray(0, 5).toString() === '%PDF-', `the PDF download is a PDF (${pdfBytes.length} bytes)`);
  const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 60000 }), page.getByRole('button', { name: 'Bekijken' }).click()]);
  await popup.waitForLoadState();
  check((await popup.content()).includes('Maastricht'), 'Bekijken opens the report in a new tab');
  await popup.close();
  await shot(page, 'jaarverslag');

  // --- the settings: a budget line's end and a recommendation, checked, then saved ----------
  await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Instellingen van de gemeente' }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'the settings');
  await page.getByLabel('Duur van het traject (jaren)').fill('99');
  await page.locator('button.settings-check').click();
  await page.locator('.settings-summary li').first().waitFor({ timeout: TIMEOUT });
  const settingsProblems = await page.locator('.settings-summary').innerText();
  check(settingsProblems.includes('trajectory_years'), `a wrong value is named by its field (${settingsProblems.trim()})`);
  check(await page.getByLabel('Duur van het traject (jaren)').getAttribute('aria-invalid') === 'true', 'the field itself is marked');
  await axe(page, 'the settings with a problem');
  await page.getByLabel('Duur van het traject (jaren)').fill('4');
  await page.locator('[data-field="budget_lines[1].until"]').fill('2024-07-31');
  await page.getByRole('button', { name: 'Aanbeveling toevoegen' }).click();
  await page.getByLabel('Aanbeveling 5', { exact: true }).fill('Preventie in het mbo');
  await page.locator('button.settings-check').click();
  check((await banner(page, 'De instellingen zijn in orde')).includes('budget_lines.npo.until 2023-07-31 → 2024-07-31'),
    'Controleren says what would change');
  const unchanged = await apiGet(page, url, args.regisseur, '/api/v1/municipalities/GM0935/settings');
  check(unchanged.version === 0, 'Controleren stores nothing');
  await shot(page, 'instellingen');
  check(await page.getByLabel('Informatiepakket voor starters: dagen vóór de verkiezing').inputValue() === '21',
    'a lead time is named in words, not by its key');
  await page.locator('button.settings-save').click();
  check((await banner(page, 'Opgeslagen')).startsWith('Opgeslagen'), 'okod confirms the saved settings');
  const changed = await apiGet(page, url, args.regisseur, '/api/v1/municipalities/GM0935/settings');
  check(changed.version === 1 && changed.source.kind === 'store', 'the API has the settings from the store');
  check(changed.settings.budget_lines.find(b => b.id === 'npo').until === '2024-07-31', 'the API has the new end of the NPO line');
  check(changed.settings.lists.recommendations.includes('Preventie in het mbo'), 'the API has the new recommendation');
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, url, '#/instellingen', 'Instellingen van de gemeente');
  await fitsWidth(page, 'the settings on a phone');
  await axe(page, 'the settings at 390 px');
  await page.setViewportSize({ width: 1280, height: 1000 });

  // --- the daily jobs on a phone (390 px) ---------------------------------------------------
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [hash, heading, what] of [['#/', 'Maastricht', 'the overview'], ['#/taken/te-laat', 'Taken', 'the overdue tasks'],
    [`#/taak/${overdueId}`, overdueTitle, 'a task page'], ['#/jaarplan?jaar=2026', 'Jaarplan 2026', 'the year plan']]) {
    await open(page, url, hash, heading);
    await fitsWidth(page, `${what} on a phone`);
    await axe(page, `${what} at 390 px`);
  }
  await shot(page, 'taak-telefoon');
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.click('#logout');
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });

  // --- the council: the same municipality, read-only ---------------------------------------
  await logInWithToken(page, url, args.council);
  check((await page.locator('#who-label').innerText()).includes('raad'), 'the council token is shown as raad');
  await open(page, url, `#/taak/${overdueId}`, overdueTitle);
  check(await page.getByRole('button', { name: 'Afronden' }).count() === 0, 'a council token gets no Afronden button');
  check(await page.getByRole('button', { name: 'Verplaatsen' }).count() === 0, 'a council token gets no Verplaatsen button');
  const refused = await page.evaluate(async (id) => {
    const token = sessionStorage.getItem('okod.token');
    const r = await fetch(`/api/v1/tasks/${id}/complete`, { method: 'POST',
      headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' }, body: '{}' });
    return r.status;
  }, overdueId);
  check(refused === 403, `okod refuses a council token's completion with 403 (got ${refused})`);
  task = await apiGet(page, url, args.regisseur, `/api/v1/tasks/${overdueId}`);
  check(task.status === 'overdue', 'the task the council tried to complete is still overdue');

  // --- a stakeholder: their own calendar link --------------------------------------------------
  if (args.stakeholder) {
    await page.click('#logout');
    await logInWithToken(page, url, args.stakeholder);
    await page.getByRole('link', { name: 'Agenda', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw agenda' }).waitFor({ timeout: TIMEOUT });
    await axe(page, 'the calendar page');
    await page.getByRole('button', { name: 'Agenda-link maken' }).click();
    const box = page.getByLabel('Uw agenda-link');
    await box.waitFor({ timeout: TIMEOUT });
    const feedUrl = await box.inputValue();
    check(feedUrl.includes('/ical/person/okodcal_'), `the calendar link is shown once (${feedUrl.slice(0, 50)}…)`);
    const feed = await page.request.get(feedUrl);  // no Authorization header: the URL is enough
    check(feed.status() === 200 && (await feed.text()).startsWith('BEGIN:VCALENDAR'), 'the calendar link serves a calendar without a token');
    await shot(page, 'agenda');
  }

  // --- a wrong token -------------------------------------------------------------------------
  await page.click('#logout');
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  if (!(await page.locator('#token').isVisible())) await page.locator('#token-login summary').click();
  await page.fill('#token', 'okod_not-a-real-token');
  await page.click('#login-button');
  check((await banner(page, 'U bent niet')).includes('niet'), 'an unknown token gets a Dutch error');
  check(await page.locator('#login').isVisible(), 'and the sign-in form again');

  check(problems.length === 0, `no script errors and no request outside okod (${problems.join('; ')})`);
} catch (e) {
  failed = true;
  console.error(e.message);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
