// okod's JSON API (/api/v1, see /openapi.json). A signed-in browser has a session
// cookie (HttpOnly: this script never sees it) and sends the session's CSRF token with
// every write; a pasted API token instead goes as a Bearer header. okod checks every
// call again, so what the page shows or hides is a courtesy, not the protection.
import { state, t } from './i18n.js';

export function storedToken() { return sessionStorage.getItem('okod.token') || localStorage.getItem('okod.token'); }
export function storeToken(token, remember) { forgetToken(); (remember ? localStorage : sessionStorage).setItem('okod.token', token); }
export function forgetToken() { sessionStorage.removeItem('okod.token'); localStorage.removeItem('okod.token'); }

export class ApiError extends Error {
  constructor(status, code, message, details) { super(message); this.status = status; this.code = code; this.details = details; }
}

function headers(method, json) {
  // The page's language, not the browser's: role, workflow and step names come back in it.
  const h = { 'Accept': 'application/json', 'Accept-Language': state.lang };
  const token = storedToken();
  if (token) h['Authorization'] = 'Bearer ' + token;
  else if (method !== 'GET' && state.me && state.me.csrf_token) h['X-CSRF-Token'] = state.me.csrf_token;
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

export async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers: headers(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'offline', t('offline'));
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data.error || 'error', data.message || response.statusText, data);
  return data;
}

// A file the API makes (the yearly report as HTML, PDF or CSV): fetched with the same
// credentials as every call, then opened or saved by the browser.
export async function fetchFile(path) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: headers('GET', false) });
  } catch (e) {
    throw new ApiError(0, 'offline', t('offline'));
  }
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    throw new ApiError(response.status, data.error || 'error', data.message || response.statusText, data);
  }
  return response.blob();
}

// A file as the body (the survey CSV), answered with JSON like every call; a 422 with a
// JSON body (the file's problems) is an answer, not an error.
export async function apiText(method, path, text, contentType) {
  const h = headers(method, false);
  h['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers: h, body: text });
  } catch (e) {
    throw new ApiError(0, 'offline', t('offline'));
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok && !(response.status === 422 && data.errors)) throw new ApiError(response.status, data.error || 'error', data.message || response.statusText, data);
  return data;
}
