// The dashboard end to end in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core), against a real okod that the caller started:
//
//   node tests/browser/dashboard.mjs --url http://127.0.0.1:PORT \
//       --regisseur okod_... --council okod_... [--stakeholder okod_...] [--screenshot docs/dashboard.png]
//
// A regisseur logs in with a token, sees an overdue task (rood), completes it, reloads
// and sees it done; a council token sees the same municipality read-only and okod
// refuses its completion; a stakeholder makes its own calendar feed URL, which serves a
// calendar without any token (issue 16). Exits 0 when every check held, 1 with the failed check.
// Run by tests/browser/browser_test.cpp (ctest) with a fresh okod.
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    regisseur: { type: 'string' },
    council: { type: 'string' },
    stakeholder: { type: 'string' },
    screenshot: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
  },
});
for (const required of ['url', 'regisseur', 'council']) {
  if (!args[required]) {
    console.error(`usage: dashboard.mjs --url URL --regisseur TOKEN --council TOKEN [--screenshot FILE]`);
    process.exit(2);
  }
}

const TIMEOUT = 15000;
function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok: ${what}`);
}

// Signing in by e-mail comes first; the token is the administrators' second option.
async function pasteToken(page, token) {
  if (await page.locator('#token-login').getAttribute('open') === null) await page.click('#token-login summary');
  await page.fill('#token', token);
}

async function logIn(page, token) {
  await page.goto(args.url + '/');
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  check(await page.locator('#login h1').innerText() === 'Inloggen met e-mail', 'the login page is in Dutch');
  await pasteToken(page, token);
  await page.click('#login-button');
  await page.locator('#dashboard').waitFor({ state: 'visible', timeout: TIMEOUT });
}

const browser = await chromium.launch({
  executablePath: args.chromium,
  headless: true,
  // Root in a container has no user namespaces for Chromium's sandbox.
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  timeout: 60000,
});
let failed = false;
try {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(args.url).origin) pageErrors.push(`request outside okod: ${r.url()}`);
  });

  // --- the regisseur --------------------------------------------------------------------
  await logIn(page, args.regisseur);
  check((await page.locator('#m-name').innerText()) === 'Maastricht', 'the dashboard shows Maastricht');
  for (const heading of ['Positie in de cyclus', 'Te laat', 'Binnenkort', 'Rapportagedeadlines', 'Rollen en vacatures'])
    check(await page.getByRole('heading', { name: heading }).isVisible(), `section "${heading}" is shown`);
  check((await page.locator('#m-election').innerText()).includes('maart'), 'the next election is a Dutch date in March');
  check((await page.locator('#roles').innerText()).includes('Regisseur (projectleider)'), 'role holders are listed');
  check(await page.locator('#positions li').count() > 0, 'the position in the cycle is shown');

  // WCAG 1.4.11 (non-text contrast, 3:1): the orange traffic light against its card, and
  // the focus ring of the element Tab reaches against the page.
  await page.keyboard.press('Tab');
  const contrast = await page.evaluate(() => {
    const luminance = (css) => css.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const probe = document.createElement('span');
    probe.className = 'light oranje';
    document.querySelector('main').append(probe);
    const orange = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const page = getComputedStyle(document.documentElement).backgroundColor;  // :root's
    return {
      orange: ratio(orange, 'rgb(255, 255, 255)'),  // the cards are white
      ring: ratio(getComputedStyle(document.activeElement).outlineColor, page),
      focused: document.activeElement.tagName,
    };
  });
  check(contrast.orange >= 3, `the orange light stands out 3:1 from its card (${contrast.orange.toFixed(2)}:1)`);
  check(contrast.ring >= 3,
        `the focus ring (on ${contrast.focused}) stands out 3:1 from the page (${contrast.ring.toFixed(2)}:1)`);

  // On a phone (390 px) the page fits the screen: nothing to scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  check(phoneWidth <= 390, `on a 390 px phone the page is ${phoneWidth} px wide`);
  await page.setViewportSize({ width: 1280, height: 1000 });

  const overdue = page.locator('#overdue tr.task.rood').first();
  await overdue.waitFor({ state: 'visible', timeout: TIMEOUT });
  const taskId = await overdue.getAttribute('data-task');
  const taskTitle = await overdue.locator('.title').innerText();
  check(Boolean(taskId) && taskTitle.length > 0, `an overdue task is shown in red: #${taskId} "${taskTitle}"`);

  if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });

  await overdue.getByRole('button', { name: 'Afronden' }).click();
  await page.locator('tr.form-row input[name=note]').fill('Besproken in het kernteam');
  await page.locator('tr.form-row button.confirm-complete').click();
  await page.locator('#banner.ok').waitFor({ state: 'visible', timeout: TIMEOUT });
  check((await page.locator('#banner').innerText()).startsWith('Taak afgerond'), 'okod confirms the completion');

  await page.reload();
  await page.locator('#dashboard').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.locator(`#done tr[data-task="${taskId}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
  check(await page.locator(`#overdue tr[data-task="${taskId}"]`).count() === 0, 'after a reload the task is no longer overdue');
  const doneRow = await page.locator(`#done tr[data-task="${taskId}"]`).innerText();
  check(doneRow.includes('afgerond') && doneRow.includes('Besproken in het kernteam'),
    'after a reload the task is listed as afgerond, with the note');

  // A rescheduled deadline, through the form.
  const upcoming = page.locator('#upcoming tr.task').first();
  const upcomingId = await upcoming.getAttribute('data-task');
  await upcoming.getByRole('button', { name: 'Verplaatsen' }).click();
  await page.locator('tr.form-row input[type=date]').fill('2026-12-15');
  await page.locator('tr.form-row input[type=time]').fill('12:00');
  await page.locator('tr.form-row input[name=reason]').fill('Kernteam schuift door naar december');
  await page.locator('tr.form-row button.confirm-reschedule').click();
  await page.locator('#banner.ok').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.reload();
  await page.locator(`tr[data-task="${upcomingId}"]`).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  const moved = await page.locator(`tr[data-task="${upcomingId}"] .due`).first().innerText();
  check(moved.includes('15 dec') && moved.includes('12:00'), `the rescheduled task is due 15 december 12:00 (${moved})`);

  await page.click('#logout');
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });

  // --- the council: the same municipality, read-only ---------------------------------
  await logIn(page, args.council);
  check((await page.locator('#who-label').innerText()).includes('raad'), 'the council token is shown as raad');
  await page.locator('#overdue tr.task').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  check(await page.getByRole('button', { name: 'Afronden' }).count() === 0, 'a council token gets no Afronden button');
  check(await page.getByRole('button', { name: 'Verplaatsen' }).count() === 0, 'a council token gets no Verplaatsen button');
  const councilId = await page.locator('#overdue tr.task').first().getAttribute('data-task');
  // Even a hand-made request from the page is refused by okod.
  const refused = await page.evaluate(async (id) => {
    const token = sessionStorage.getItem('okod.token');
    const r = await fetch(`/api/v1/tasks/${id}/complete`, { method: 'POST',
      headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' }, body: '{}' });
    return r.status;
  }, councilId);
  check(refused === 403, `okod refuses a council token's completion with 403 (got ${refused})`);
  await page.reload();
  const stillOverdue = page.locator(`#overdue tr[data-task="${councilId}"]`);
  await stillOverdue.waitFor({ state: 'attached', timeout: TIMEOUT }).catch(() => {});
  check(await stillOverdue.isVisible(), 'the task the council tried to complete is still overdue');

  // --- a stakeholder: its own calendar feed URL ----------------------------------------
  if (args.stakeholder) {
    await page.click('#logout');
    await logIn(page, args.stakeholder);
    check(await page.locator('#feed').isVisible(), 'a token with a person gets the Agenda-link button');
    page.once('dialog', (d) => d.accept());
    await page.click('#feed');
    await page.locator('#banner.ok').waitFor({ state: 'visible', timeout: TIMEOUT });
    const text = await page.locator('#banner').innerText();
    const url = (text.match(/https?:\/\/\S+\.ics/) || [])[0];
    check(Boolean(url) && url.includes('/ical/person/okodcal_'), `the banner shows the feed URL once (${text.slice(0, 60)}…)`);
    const feed = await page.request.get(url);  // no Authorization header: the URL is enough
    check(feed.status() === 200 && (await feed.text()).startsWith('BEGIN:VCALENDAR'), 'the feed URL serves a calendar without a token');
  }

  // --- a wrong token -------------------------------------------------------------------
  await page.click('#logout');
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  await pasteToken(page, 'okod_not-a-real-token');
  await page.click('#login-button');
  await page.locator('#banner.error').waitFor({ state: 'visible', timeout: TIMEOUT });
  check((await page.locator('#banner').innerText()).includes('niet'), 'an unknown token gets a Dutch error');
  check(await page.locator('#login').isVisible(), 'and the login form again');

  check(pageErrors.length === 0, `no script errors and no request outside okod (${pageErrors.join('; ')})`);
} catch (e) {
  failed = true;
  console.error(e.message);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
