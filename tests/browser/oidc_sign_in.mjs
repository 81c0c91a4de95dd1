// Signing in with the municipality's own account in headless Chromium: the real okod with
// an [oidc] section and a real OpenID provider on 127.0.0.1 (oidc-provider from npm,
// tests/oidc/provider.mjs, with its development login and consent forms):
//
//   node tests/browser/oidc_sign_in.mjs --url http://127.0.0.1:PORT --provider ISSUER \
//       --login sanne --name 'Sanne Vermeulen' --width 1280|390
//
// A mail's link to a page of the dashboard, opened without a session, shows the sign-in
// page with "Inloggen met uw gemeente-account"; its button goes to the provider and,
// after the provider's forms, back to okod: signed in as that person, on the page the
// link pointed to, and able to change something with the session (a task completed).
// Signing out ends the session at okod. Every okod page passes axe-core (WCAG 2.1 AA).
// Exits 0 when every check held. Run by tests/browser/oidc_browser_test.cpp.
import { parseArgs } from 'node:util';
import { TIMEOUT, check, launch, newContext, axe, fitsWidth } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    provider: { type: 'string' },
    login: { type: 'string' },
    name: { type: 'string' },
    width: { type: 'string', default: '1280' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
  },
});
for (const required of ['url', 'provider', 'login', 'name']) {
  if (!args[required]) {
    console.error('usage: oidc_sign_in.mjs --url URL --provider ISSUER --login LOGIN --name NAME [--width PX]');
    process.exit(2);
  }
}
const url = args.url;
const origin = new URL(url).origin;
const provider = new URL(args.provider).origin;
const width = Number(args.width);

async function checkPage(page, what) {
  await axe(page, `${what} at ${width} px`);
  await fitsWidth(page, what);
}

// The provider's own pages, as a person goes through them: the login form (any password
// for a known login), then the consent form; bounded.
async function signInAtProvider(page) {
  for (let step = 0; step < 6 && new URL(page.url()).origin === provider; step++) {
    const login = page.locator('input[name=login]');
    if (await login.count()) {
      await login.fill(args.login);
      await page.locator('input[name=password]').fill('any password');
    }
    // Each form posts and the provider answers with a redirect to the next page.
    await Promise.all([page.waitForNavigation({ timeout: TIMEOUT }),
      page.locator('button[type=submit]').first().click()]);
  }
}

const browser = await launch(args.chromium);
let failed = false;
try {
  const context = await newContext(browser, width);
  const page = await context.newPage();
  // Loopback only: the provider's development pages ask for a web font, which nobody gets.
  await context.route(u => !['127.0.0.1', 'localhost'].includes(u.hostname), r => r.abort());
  // okod's pages ask for nothing outside okod; the provider's pages are the provider's.
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const from = new URL(page.url()).origin;
    const to = new URL(r.url()).origin;
    const toProvider = r.isNavigationRequest() && to === provider;  // the sign-in itself
    if (from === origin && to !== origin && !toProvider) problems.push(`request outside okod: ${r.url()}`);
  });
  const outside = () => problems;

  await page.goto(`${url}/#/taken/open`);
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  const button = page.getByRole('link', { name: 'Inloggen met uw gemeente-account' });
  await button.waitFor({ state: 'visible', timeout: TIMEOUT });
  await checkPage(page, 'the sign-in page with the municipality\'s account');
  await button.click();
  await page.waitForURL(u => u.origin === provider, { timeout: TIMEOUT });
  check(true, 'its button goes to the municipality\'s identity provider');
  await signInAtProvider(page);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  check(new URL(page.url()).origin === origin, 'the provider sends the person back to okod');
  await page.locator('#who-label').filter({ hasText: args.name }).waitFor({ timeout: TIMEOUT });
  check(true, `signed in as ${args.name}`);
  check(new URL(page.url()).hash === '#/taken/open', `on the page the link pointed to (${new URL(page.url()).hash})`);
  await checkPage(page, 'the open tasks after signing in');

  // A change with the session: the first open task completed through its page.
  const me = await (await page.request.get(`${url}/api/v1/me`)).json();
  check(me.session === true || !!me.person, 'the API answers the session as the person');
  const row = page.locator('table a[href^="#/taak/"]').first();
  const title = (await row.innerText()).trim();
  await row.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: TIMEOUT });
  await page.locator('button.complete').click();
  await page.locator('button.confirm-complete').click();
  await page.locator('#banner').filter({ hasText: /Afgerond|Taak afgerond/ }).waitFor({ timeout: TIMEOUT });
  const id = new URL(page.url()).hash.split('/').pop();
  const task = await (await page.request.get(`${url}/api/v1/tasks/${id}`)).json();
  check(task.status === 'done' && task.closed_by === me.person, `a task completed with the session, as ${task.closed_by}`);

  await page.locator('#logout').click();
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  const after = await page.request.get(`${url}/api/v1/me`);
  check(after.status() === 401, 'signed out: the session no longer opens the API');

  check(outside().length === 0, `no script errors and no request outside okod${outside().length ? ': ' + outside().join('; ') : ''}`);
} catch (e) {
  failed = true;
  console.error(e.stack || String(e));
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
