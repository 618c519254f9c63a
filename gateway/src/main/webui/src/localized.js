import { LitElement, css } from 'lit';
import { onLanguageChange } from './i18n.js';

/** A lit element that renders again when the language changes. */
export class LocalizedElement extends LitElement {
  connectedCallback() {
    super.connectedCallback();
    this.stopListening = onLanguageChange(() => this.requestUpdate());
  }

  disconnectedCallback() {
    this.stopListening();
    super.disconnectedCallback();
  }
}

/** What every screen shares: type, buttons, tables, and a focus ring that is always visible. */
export const shared = css`
  :host { display: block; }
  h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
  h1:focus { outline: none; }
  p.lead { color: var(--muted); max-width: 60rem; margin-top: 0; }
  button, select, a { font: inherit; }
  button {
    border: 1px solid var(--line); background: var(--tint); color: var(--ink);
    border-radius: 6px; padding: 0.35rem 0.8rem; cursor: pointer;
  }
  button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
  button:disabled { opacity: 0.55; cursor: default; }
  :is(button, select, a, [tabindex]):focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
  caption { text-align: left; color: var(--muted); padding: 0.4rem 0; }
  th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { background: var(--tint); font-weight: 600; }
  code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 0.88em; }
  .status { color: var(--ok); }
`;
