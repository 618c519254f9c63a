// The current language, translation and the formatting of times and numbers for it.
import { LANGUAGES, MESSAGES } from './messages.js';

export { LANGUAGES };

const STORAGE_KEY = 'careline.console.language';
const CHANGED = 'careline-language-changed';

function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (MESSAGES[saved]) return saved;
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const match = LANGUAGES.find(l => l.code.toLowerCase() === wanted.toLowerCase())
      ?? LANGUAGES.find(l => l.code.split('-')[0] === wanted.split('-')[0].toLowerCase());
    if (match) return match.code;
  }
  return 'en';
}

let current = initialLanguage();
document.documentElement.lang = current;

export const language = () => current;

export function setLanguage(code) {
  if (!MESSAGES[code] || code === current) return;
  current = code;
  localStorage.setItem(STORAGE_KEY, code); // a preference, not a secret
  document.documentElement.lang = code;
  document.dispatchEvent(new CustomEvent(CHANGED));
}

export function onLanguageChange(listener) {
  document.addEventListener(CHANGED, listener);
  return () => document.removeEventListener(CHANGED, listener);
}

export function t(key, params = {}) {
  const text = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The staff member's own timezone, as the browser knows it. */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}

/** A role's name in the current language; roles the console does not know keep their technical name. */
export function roleName(role) {
  return MESSAGES.en[`role.${role}`] ? t(`role.${role}`) : role;
}
