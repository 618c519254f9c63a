import { html, css, nothing } from 'lit';
import { LocalizedElement } from './localized.js';
import { formatNumber, t } from './i18n.js';
import './problem-alert.js';

/**
 * What every working screen shares: the API, a busy flag that disables its buttons, the last refusal (an ApiError) and
 * the last result announced in its status region; `run` wraps one call in all three.
 */
export class Screen extends LocalizedElement {
  static properties = {
    api: { attribute: false },
    error: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.message = '';
    this.busy = false;
  }

  /**
   * Runs `call` with the screen busy; on success clears the refusal and announces `done` (a string, or a function of
   * the call's result), else keeps the ApiError for the alert and for the fields of the form named `form`. Resolves
   * to whether it succeeded.
   */
  async run(call, done = '', form = null) {
    this.busy = true;
    this.message = '';
    this.failedForm = form;
    try {
      const result = await call();
      this.error = null;
      this.message = typeof done === 'function' ? done(result) : done;
      return true;
    } catch (e) {
      this.error = e;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The screen's heading and lead, a tool bar (refresh when given, the status region) and the problem alert. */
  top(title, lead, refresh, tools = nothing) {
    return html`
      <h1 tabindex="-1">${title}</h1>
      ${lead ? html`<p class="lead">${lead}</p>` : nothing}
      <div class="bar">
        ${tools}
        ${refresh ? html`<button @click=${refresh} ?disabled=${this.busy}>${t('common.refresh')}</button>` : nothing}
        <span class="grow"></span>
        <span role="status" class="status">${this.message}</span>
      </div>
      <problem-alert .error=${this.error}></problem-alert>`;
  }

  /**
   * A labelled field of the form `form` that shows the API's complaint about it (errors[].field) right under it, tied
   * to it for screen readers. `control` makes the control from the attributes it must carry: {invalid, describedBy}.
   */
  field(form, name, label, control) {
    const messages = this.failedForm === form
      ? (this.error?.problem?.errors ?? []).filter(e => e.field === name).map(e => e.message) : [];
    const id = `error-${form}-${name}`;
    return html`<label class="field">${label}
      ${control({ invalid: messages.length ? 'true' : 'false', describedBy: messages.length ? id : nothing })}
      ${messages.length ? html`<span class="field-error" id=${id}>${messages.join(' · ')}</span>` : nothing}
    </label>`;
  }

  /** After opening something, keyboard and screen-reader users land on its heading. */
  async focus(selector) {
    await this.updateComplete;
    this.renderRoot.querySelector(selector)?.focus();
  }
}

/**
 * A screen around one paged list (a PageView), which may be filtered by status: `listPath()` says what to fetch for the
 * current page and status.
 */
export class ListScreen extends Screen {
  static properties = {
    page: { state: true },
    view: { state: true },
    status: { state: true },
  };

  constructor() {
    super();
    this.page = 0;
    this.status = '';
  }

  firstUpdated() {
    this.load();
  }

  load() {
    return this.run(() => this.fetchList());
  }

  /** The list again, inside a `run` of its own. */
  async fetchList() {
    this.view = await this.api.get(this.listPath());
  }

  /** `?page&size`, and the status when one is chosen. */
  pageQuery(size) {
    return `page=${this.page}&size=${size}${this.status ? `&status=${this.status}` : ''}`;
  }

  filter(status) {
    this.status = status;
    this.page = 0;
    this.load();
  }

  turn(delta) {
    this.page += delta;
    this.load();
  }
}

/** A captioned table in a scrolling region the keyboard can reach. */
export const tableRegion = (caption, className, head, rows) => html`
  <div class="scroll" tabindex="0" role="region" aria-label=${caption}><table class=${className}>
    <caption>${caption}</caption>
    <thead><tr>${head.map(h => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;

/** Previous / next page of a PageView ({items, page, size, total}). */
export function pager(view, turn, busy, label = t('page.label')) {
  const { items, page, size, total } = view;
  const to = page * size + items.length;
  return html`<nav class="bar" aria-label=${label}>
    <button ?disabled=${page === 0 || busy} @click=${() => turn(-1)}>${t('page.prev')}</button>
    <span>${t('page.summary', { from: formatNumber(page * size + 1), to: formatNumber(to), total: formatNumber(total) })}</span>
    <button ?disabled=${to >= total || busy} @click=${() => turn(1)}>${t('page.next')}</button>
  </nav>`;
}

/** A filter of a list by status: every status (value ''), or one, each named by `key(status)`. */
export const statusFilter = (label, statuses, current, key, change) => html`<label>${label}
  <select @change=${e => change(e.target.value)}>
    <option value="" ?selected=${!current}>${t('care.filter.all')}</option>
    ${statuses.map(s => html`<option value=${s} ?selected=${current === s}>${t(key(s))}</option>`)}
  </select></label>`;

/** A link to another screen of the console: the shell moves there without reloading the page. */
export function go(event) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  event.currentTarget.dispatchEvent(new CustomEvent('console-navigate', {
    bubbles: true, composed: true, detail: new URL(event.currentTarget.href).pathname,
  }));
}

/** The tool bar, detail panels, inline and stacked forms, tags and field errors of the working screens. */
export const screenStyles = css`
  .bar { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.6rem 0; }
  .bar .grow { flex: 1; }
  .scroll { overflow-x: auto; }
  label { font-size: 0.9rem; }
  select, input, textarea { font: inherit; margin-left: 0.3rem; padding: 0.2rem 0.3rem; }
  :is(input, textarea):focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  [aria-invalid='true'] { border: 2px solid var(--danger); }
  .field-error { display: block; color: var(--danger); font-size: 0.85rem; }
  tr[aria-current='true'] { background: #eef5fc; }
  .tag { font-size: 0.75rem; border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem; color: var(--muted); }
  .sub { display: block; font-weight: 400; color: var(--muted); font-size: 0.85rem; }
  .detail { margin-top: 1.2rem; padding: 1rem 1.2rem; border: 1px solid var(--line); border-radius: 8px; }
  .detail h2 { margin: 0 0 0.5rem; font-size: 1.25rem; }
  .detail h2:focus { outline: none; }
  h3 { font-size: 1.05rem; margin: 1.1rem 0 0.4rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
  dt { color: var(--muted); }
  dd { margin: 0; }
  form.inline { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: end; margin: 0.5rem 0; }
  form.stack { display: grid; gap: 0.6rem; max-width: 36rem; margin: 0.5rem 0; }
  form.stack label { display: grid; gap: 0.2rem; }
  form.stack :is(input, select, textarea) { margin-left: 0; }
  .overdue { color: var(--danger); }
`;
