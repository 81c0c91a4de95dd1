// A stakeholder acting on okod's mail on a phone, in headless Chromium against the real
// okod and its real mail (smtp-sink's files):
//
//   node tests/browser/mail_links.mjs --url http://127.0.0.1:PORT --admin okod_... \
//       --afgerond URL --task-url URL --task-id N --email bram@... --mail-dir DIR
//
// 1. The reminder's one-click "Afgerond" link: its page shows the task and changes
//    nothing; its button completes the task as the mail's person, with a note; the
//    link then says it was used.
// 2. The reminder's link to the task, without a session: the sign-in page, a sign-in
//    link asked for by e-mail, the mail that arrives, its page and button, and back on
//    the task the first link pointed to, signed in as that person. After signing out the
//    sign-in link is spent.
// Every page at 390 px passes axe-core's WCAG 2.1 AA rules and fits the screen.
// Exits 0 when every check held. Run by tests/browser/mail_links_browser_test.cpp.
import { parseArgs } from 'node:util';
import { readdir, readFile } from 'node:fs/promises';
import { TIMEOUT, check, launch, newContext, watch, axe, fitsWidth, apiGet } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    admin: { type: 'string' },
    afgerond: { type: 'string' },
    'task-url': { type: 'string' },
    'task-id': { type: 'string' },
    email: { type: 'string' },
    'mail-dir': { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
  },
});
for (const required of ['url', 'admin', 'afgerond', 'task-url', 'task-id', 'email', 'mail-dir']) {
  if (!args[required]) {
    console.error('usage: mail_links.mjs --url URL --admin TOKEN --afgerond URL --task-url URL --task-id N --email ADDRESS --mail-dir DIR');
    process.exit(2);
  }
}
const url = args.url;
const origin = new URL(url).origin;

// The decoded text of every base64 part of the mails smtp-sink wrote (okod sends its
// parts base64), per file.
async function mails() {
  const out = [];
  for (const name of (await readdir(args['mail-dir'])).sort()) {
    const raw = (await readFile(`${args['mail-dir']}/${name}`, 'utf8')).replace(/\r\n/g, '\n');
    const parts = [...raw.matchAll(/Content-Transfer-Encoding: base64\n\n([A-Za-z0-9+/=\n]+)/g)]
      .map(m => Buffer.from(m[1].replace(/\n/g, ''), 'base64').toString('utf8'));
    out.push({ raw, text: parts.join('\n') });
  }
  return out;
}

// The sign-in link in the mail to `email`, once it has arrived (bounded wait).
async function signInLink(email) {
  for (let i = 0; i < 100; i++) {
    for (const m of await mails()) {
      const link = m.text.match(/https?:\/\/[^\s"<]+\/auth\/link\/[A-Za-z0-9_-]+/);
      if (link && m.raw.includes(email)) return link[0];
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return null;
}

async function phonePage(page, what) {
  await axe(page, what + ' at 390 px');
  await fitsWidth(page, what);
}

const browser = await launch(args.chromium);
let failed = false;
let lastPage = null;
try {
  const context = await newContext(browser, 390);
  const page = await context.newPage();
  lastPage = page;
  const problems = watch(page, origin);
  const taskPath = `/api/v1/tasks/${args['task-id']}`;
  const before = await apiGet(page, url, args.admin, taskPath);
  const title = before.title.nl;
  check(before.status !== 'done', `the reminded task "${title}" is still open`);

  // --- 1. the one-click link --------------------------------------------------------------
  await page.goto(args.afgerond);
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: TIMEOUT });
  check((await page.locator('body').innerText()).includes(title),
    'the link\'s page names the task');
  await phonePage(page, 'the one-click page');
  check((await apiGet(page, url, args.admin, taskPath)).status !== 'done',
    'opening the link changes nothing');
  await page.getByLabel(/Opmerking|Note/).fill('Besproken in het kernteam');
  await page.getByRole('button', { name: 'Afgerond' }).click();
  await page.getByRole('heading', { level: 1, name: 'Taak afgerond' }).waitFor({ timeout: TIMEOUT });
  await phonePage(page, 'the page after completing');
  const done = await apiGet(page, url, args.admin, taskPath);
  check(done.status === 'done', 'the button completed the task');
  check(done.note.includes('Besproken in het kernteam'), `with the note typed (${done.note})`);
  const history = await apiGet(page, url, args.admin, `${taskPath}/history`);
  const completion = history.history.find(h => h.kind === 'task_done');
  check(completion && completion.by === done.closed_by && completion.by_name,
    `as the mail's person, and the history says so (${completion && completion.by_name})`);
  await page.goto(args.afgerond);
  check((await page.locator('body').innerText()).includes('al gebruikt'), 'the link, opened again, says it was used');
  await phonePage(page, 'the used link\'s page');

  // --- 2. the link to the task, signed in by e-mail ------------------------------------------
  await page.goto(args['task-url']);
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  await phonePage(page, 'the sign-in page');
  await page.getByLabel(/E-mailadres|E-mail address/).fill(args.email);
  await page.locator('#link-button').click();
  await page.locator('#banner').filter({ hasText: /adres/ }).waitFor({ timeout: TIMEOUT });
  const link = await signInLink(args.email);
  check(link && link.startsWith(url + '/auth/link/'), 'the sign-in link arrived by e-mail, pointing at okod');
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Inloggen bij okod' }).waitFor({ timeout: TIMEOUT });
  await phonePage(page, 'the sign-in link\'s page');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: TIMEOUT });
  check(new URL(page.url()).hash === `#/taak/${args['task-id']}`, 'signed in, back on the task the mail linked to');
  check((await page.locator('#who-label').innerText()).includes(completion.by_name), `as the mail's person (${completion.by_name})`);
  await phonePage(page, 'the task page after signing in');
  const cookies = await context.cookies(url);
  const session = cookies.find(c => c.name === 'okod_session');
  check(session && session.httpOnly && session.sameSite === 'Lax', 'the session is an HttpOnly, SameSite=Lax cookie');
  check((await page.evaluate(() => document.cookie)).indexOf('okod_session') < 0, 'that the page\'s script cannot read');

  // A change made with the session (cookie, CSRF token and okod's own Origin): Bram undoes
  // the completion he made from the mail, with a reason.
  await page.locator('button.undo').click();
  await page.getByLabel(/Reden/).fill('Toch nog niet met iedereen besproken');
  await page.locator('button.confirm-undo').click();
  await page.locator('#banner').filter({ hasText: /^Weer open|^[0-9]/ }).waitFor({ timeout: TIMEOUT }).catch(() => {});
  const reopened = await apiGet(page, url, args.admin, taskPath);
  check(reopened.status !== 'done', `the session's undo went through (${await page.locator('#banner').innerText()})`);
  const undo = (await apiGet(page, url, args.admin, `${taskPath}/history`)).history.find(h => h.kind === 'task_reopened');
  check(undo && undo.by === done.closed_by && undo.reason === 'Toch nog niet met iedereen besproken',
    'as the signed-in person, with the reason');

  await page.locator('#logout').click();
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.goto(link);
  check(!(await page.getByRole('button', { name: 'Inloggen' }).count()), 'the sign-in link, once used, offers no sign-in again');
  await phonePage(page, 'the spent sign-in link\'s page');

  check(problems.length === 0, `no script errors and no request outside okod${problems.length ? ': ' + problems.join('; ') : ''}`);
} catch (e) {
  failed = true;
  console.error(e.stack || String(e));
  if (lastPage) console.error('page at failure: ' + lastPage.url() + '\n' + (await lastPage.content().catch(() => '')));
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
