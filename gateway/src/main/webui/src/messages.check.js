// Fails the build when a language lacks a key another one has (run before `vite build`).
import { MESSAGES } from './messages.js';

const all = new Set(Object.values(MESSAGES).flatMap(m => Object.keys(m)));
const missing = Object.entries(MESSAGES).flatMap(([lang, m]) =>
  [...all].filter(key => !(key in m)).map(key => `${lang}: ${key}`));
if (missing.length) {
  console.error(`Untranslated UI strings:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n: ${all.size} strings in ${Object.keys(MESSAGES).length} languages`);
