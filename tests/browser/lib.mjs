// What every browser test of the dashboard shares: Debian's chromium through
// playwright-core, a check() that prints each check, axe-core's WCAG 2.1 AA rules on a
// page, and the sign-in with a pasted API token.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';

export const TIMEOUT = 15000;
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok: ${what}`);
}

export async function launch(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    timeout: 60000,
  });
}

// A browser context as a Dutch user in Amsterdam has one. bypassCSP only lets the test
// inject axe-core; okod's pages are otherwise served and run as in production.
export async function newContext(browser, width) {
  return browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', bypassCSP: true, acceptDownloads: true,
    viewport: { width: width || 1280, height: width && width < 600 ? 844 : 1000 } });
}

// Script errors and requests that leave okod, collected over a page's life.
export function watch(page, origin) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.origin !== origin) problems.push(`request outside okod: ${r.url()}`);
  });
  return problems;
}

// axe-core, WCAG 2.0/2.1 A and AA rules, on what the page shows now: 0 violations.
export async function axe(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  });
  check(result.length === 0, `axe-core: no WCAG 2.1 AA violation on ${what}${result.length ? ' — ' + result.join('; ') : ''}`);
}

// Nothing to scroll sideways: the page fits the viewport's width.
export async function fitsWidth(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize().width;
  check(width <= viewport, `${what} fits a ${viewport} px screen (${width} px wide)`);
}

export async function logInWithToken(page, url, token) {
  await page.goto(url + '/');
  await page.locator('#login').waitFor({ state: 'visible', timeout: TIMEOUT });
  // The token is the administrators' way in, folded away under the e-mail sign-in.
  if (!(await page.locator('#token').isVisible())) await page.locator('#token-login summary').click();
  await page.fill('#token', token);
  await page.click('#login-button');
  await page.locator('#view h1').first().waitFor({ state: 'visible', timeout: TIMEOUT });
}

// Goes to a view by its address and waits until it is drawn.
export async function open(page, url, hash, heading) {
  await page.goto(`${url}/${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible', timeout: TIMEOUT });
}

// The API as the test's own client, to check what the page did.
export async function apiGet(page, url, token, path) {
  const r = await page.request.get(url + path, { headers: { Authorization: 'Bearer ' + token } });
  if (!r.ok()) throw new Error(`GET ${path}: ${r.status()} ${await r.text()}`);
  return r.json();
}
