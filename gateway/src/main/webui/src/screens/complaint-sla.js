import { html, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatTime, t } from '../i18n.js';
import { Screen, go, screenStyles, tableRegion } from '../screen.js';
import { COMPLAINTS, complaintStyles, sla } from './complaint-common.js';

export const SLA = `${COMPLAINTS}/sla`;
const ALERTS = ['WARNED', 'BREACHED', 'ESCALATED'];
const WINDOWS = [1, 24, 168]; // hours back
const LEDGER_PAGE = 100;
// the ledger export has no filter by type: at most this many pages of the window are read, the newest
const LEDGER_PAGES = 20;
const BREACHED_SIZE = 50;
// complaints an alert names that the breached list did not bring are read one by one, at most this many
const LOOKUPS = 25;

export const complaintLink = (id, reference) => html`<a class="ref" href=${`${import.meta.env.BASE_URL}complaints/${id}`}
  @click=${go}>${reference ?? id.slice(0, 8)}</a>`;

/**
 * Supervisors' and managers' SLA alerts: the open complaints past their target now, each ticking, and the warnings,
 * breaches and escalations the SLA clock recorded lately (read from its ledger, newest first).
 */
export class ComplaintSla extends Screen {
  static properties = {
    breached: { state: true },
    alerts: { state: true },
    hours: { state: true },
  };

  static styles = [shared, screenStyles, complaintStyles];

  constructor() {
    super();
    this.hours = 24;
    this.references = new Map();
  }

  firstUpdated() {
    this.load();
  }

  load() {
    return this.run(async () => {
      const [breached, alerts] = await Promise.all([
        this.api.get(`${COMPLAINTS}?overdue=true&size=${BREACHED_SIZE}`),
        this.#alerts(),
      ]);
      breached.items.forEach(c => this.references.set(c.id, c.reference));
      await this.#references(alerts);
      this.breached = breached;
      this.alerts = alerts;
    });
  }

  /** The ledger's alert entries recorded in the window, newest first. */
  async #alerts() {
    const from = new Date(Date.now() - this.hours * 3600000).toISOString();
    const path = page => `${SLA}/ledger?from=${from}&page=${page}&size=${LEDGER_PAGE}`;
    const first = await this.api.get(path(0));
    const last = Math.ceil(first.total / LEDGER_PAGE) - 1;
    const pages = [];
    for (let page = last; page > 0 && page > last - LEDGER_PAGES; page--) pages.push(page);
    const rest = await Promise.all(pages.map(page => this.api.get(path(page))));
    const entries = [...(last < LEDGER_PAGES ? first.items : []), ...rest.reverse().flatMap(p => p.items)];
    return entries.filter(e => ALERTS.includes(e.type)).map(e => ({ ...JSON.parse(e.payload), seq: e.seq }))
      .sort((a, b) => b.seq - a.seq);
  }

  async #references(alerts) {
    const unknown = [...new Set(alerts.map(a => a.complaintId))].filter(id => !this.references.has(id)).slice(0, LOOKUPS);
    const views = await Promise.allSettled(unknown.map(id => this.api.get(`${COMPLAINTS}/${id}`)));
    views.forEach(v => v.status === 'fulfilled' && this.references.set(v.value.id, v.value.reference));
  }

  window(hours) {
    this.hours = Number(hours);
    this.load();
  }

  render() {
    const tools = html`<label>${t('sla.alerts.window')}
      <select @change=${e => this.window(e.target.value)}>
        ${WINDOWS.map(h => html`<option value=${h} ?selected=${this.hours === h}>${t(`sla.alerts.window.${h}`)}</option>`)}
      </select></label>`;
    return html`
      ${this.top(t('sla.alerts.title'), t('sla.alerts.lead'), () => this.load(), tools)}
      ${this.breached ? this.#breached() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.alerts ? this.#alertTable() : nothing}`;
  }

  #breached() {
    const { items, total } = this.breached;
    return html`<h2>${t('sla.breached.title')}</h2>
      ${total === 0 ? html`<p class="empty breached-none">${t('sla.breached.none')}</p>` : html`
        ${tableRegion(t('sla.breached.caption', { count: total }), 'breached', [t('complaint.reference'), t('complaint.subject'),
          t('complaint.assignee'), t('queue.col.sla')], items.map(c => html`<tr data-id=${c.id}>
          <th scope="row">${complaintLink(c.id, c.reference)}</th>
          <td>${c.subject}</td>
          <td>${c.assignee ?? t('complaint.unassigned')}${c.team ? html`<span class="sub">${t('complaint.team', { team: c.team })}</span>` : nothing}</td>
          <td>${sla(c)}</td></tr>`))}
        ${total > items.length ? html`<p class="sub">${t('sla.breached.more', { shown: items.length, total })}</p>` : nothing}`}`;
  }

  #alertTable() {
    return html`<h2>${t('sla.alerts.recorded')}</h2>
      ${this.alerts.length === 0 ? html`<p class="empty">${t('sla.alerts.none')}</p>`
        : tableRegion(t('sla.alerts.caption'), 'alerts', [t('sla.alerts.col.at'), t('sla.alerts.col.alert'),
          t('complaint.reference'), t('complaint.assignee'), t('sla.alerts.col.due')], this.alerts.map(a => html`
          <tr data-complaint=${a.complaintId} data-type=${a.type}>
            <td><time datetime=${a.at}>${formatTime(a.at)}</time></td>
            <th scope="row" class=${a.type === 'WARNED' ? '' : 'overdue'}>${t(`sla.alert.${a.type}`)}
              <span class="sub">${t(`sla.clock.${a.clock}`)}${a.escalatedTo
                ? ` · ${t('sla.alerts.escalated-to', { role: t(`role.${a.escalatedTo}`) })}` : ''}</span></th>
            <td>${complaintLink(a.complaintId, this.references.get(a.complaintId))}</td>
            <td>${a.assignee ?? t('complaint.unassigned')}${a.team ? html`<span class="sub">${t('complaint.team', { team: a.team })}</span>` : nothing}</td>
            <td><time datetime=${a.dueAt}>${formatTime(a.dueAt)}</time></td>
          </tr>`))}`;
  }
}
customElements.define('complaint-sla', ComplaintSla);
