import { html, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { ListScreen, pager, screenStyles, statusFilter, tableRegion } from '../screen.js';
import { COMPLAINTS } from './complaint-common.js';

const INCIDENTS = `${COMPLAINTS}/incidents`;
const STATUSES = ['OPEN', 'CONFIRMED', 'RESOLVED'];
const PAGE_SIZE = 20;
const place = i => `${i.area ? `${i.area} · ` : ''}${formatNumber(i.latitude)}, ${formatNumber(i.longitude)}`;

/**
 * Network incidents: customers' reports grouped by place and time. Confirming one makes its reporters eligible for
 * the month's draw; resolving it tells every reporter.
 */
export class ComplaintIncidents extends ListScreen {
  static properties = {
    selected: { state: true },
    reports: { state: true },
    reportsPage: { state: true },
  };

  static styles = [shared, screenStyles];

  constructor() {
    super();
    this.status = 'OPEN';
  }

  listPath() {
    return `${INCIDENTS}?${this.pageQuery(PAGE_SIZE)}`;
  }

  async open(incident) {
    this.reportsPage = 0;
    await this.run(() => this.#fetch(incident.id));
    this.focus('#incident-title');
  }

  async #fetch(id) {
    const [incident, reports] = await Promise.all([
      this.api.get(`${INCIDENTS}/${id}`),
      this.api.get(`${INCIDENTS}/${id}/reports?page=${this.reportsPage}&size=${PAGE_SIZE}`),
    ]);
    this.selected = incident;
    this.reports = reports;
  }

  turnReports(delta) {
    this.reportsPage += delta;
    this.run(() => this.#fetch(this.selected.id));
  }

  /** A change to the selected incident, then the incident and the list again. */
  #act(form, call, done) {
    const id = this.selected.id;
    return this.run(async () => {
      await call();
      await this.#fetch(id);
      await this.fetchList();
    }, done, form);
  }

  confirm() {
    this.#act('confirm', () => this.api.post(`${INCIDENTS}/${this.selected.id}/confirm`), t('incidents.confirmed'));
  }

  resolve(event) {
    event.preventDefault();
    const resolution = new FormData(event.target).get('resolution').trim();
    this.#act('resolve', () => this.api.post(`${INCIDENTS}/${this.selected.id}/resolve`, resolution ? { resolution } : {}),
      t('incidents.resolved'));
  }

  render() {
    const tools = statusFilter(t('complaint.status'), STATUSES, this.status, s => `incident.status.${s}`, v => this.filter(v));
    return html`
      ${this.top(t('incidents.title'), t('incidents.lead'), () => this.load(), tools)}
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.selected ? this.#detail(this.selected) : nothing}`;
  }

  #table() {
    if (this.view.total === 0) return html`<p class="empty">${t('incidents.empty')}</p>`;
    const head = [t('incidents.col.kind'), t('incidents.col.place'), t('incidents.col.period'), t('complaint.status'),
      t('parked.col.actions')];
    return html`${tableRegion(t('incidents.caption'), 'incidents', head, this.view.items.map(i => html`
      <tr data-id=${i.id} aria-current=${this.selected?.id === i.id ? 'true' : 'false'}>
        <th scope="row">${t(`incident.kind.${i.kind}`)}</th>
        <td>${place(i)}</td>
        <td><time datetime=${i.firstAt}>${formatTime(i.firstAt)}</time> – <time datetime=${i.lastAt}>${formatTime(i.lastAt)}</time></td>
        <td>${t(`incident.status.${i.status}`)}</td>
        <td><button @click=${() => this.open(i)} ?disabled=${this.busy}
          aria-label=${t('care.open.label', { name: `${t(`incident.kind.${i.kind}`)} ${place(i)}` })}>${t('care.open')}</button></td>
      </tr>`))}
      ${pager(this.view, d => this.turn(d), this.busy)}`;
  }

  #detail(i) {
    return html`<section class="detail incident" aria-labelledby="incident-title">
      <h2 id="incident-title" tabindex="-1">${t(`incident.kind.${i.kind}`)} · ${place(i)}</h2>
      <dl>
        <dt>${t('complaint.status')}</dt><dd class="incident-status">${t(`incident.status.${i.status}`)}</dd>
        <dt>${t('incidents.reports')}</dt><dd>${t('incidents.counts', { reports: formatNumber(i.reports ?? 0), reporters: formatNumber(i.reporters ?? 0) })}</dd>
        ${i.confirmedBy ? html`<dt>${t('incidents.confirmed-by')}</dt><dd>${i.confirmedBy}
          <time datetime=${i.confirmedAt}>${formatTime(i.confirmedAt)}</time></dd>` : nothing}
        ${i.resolvedBy ? html`<dt>${t('incidents.resolved-by')}</dt><dd>${i.resolvedBy}
          <time datetime=${i.resolvedAt}>${formatTime(i.resolvedAt)}</time>${i.resolution ? html` · ${i.resolution}` : nothing}</dd>` : nothing}
      </dl>
      ${i.status === 'OPEN' ? html`<p><button class="primary" ?disabled=${this.busy} @click=${this.confirm}>${t('incidents.confirm')}</button>
        <span class="sub">${t('incidents.confirm.hint')}</span></p>` : nothing}
      ${i.status !== 'RESOLVED' ? html`<form class="inline resolve" @submit=${this.resolve}>
        ${this.field('resolve', 'resolution', t('incidents.resolution'), a => html`<input name="resolution" maxlength="1000" size="40"
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button ?disabled=${this.busy}>${t('incidents.resolve')}</button>
      </form>` : nothing}
      ${this.reports?.total ? html`
        ${tableRegion(t('incidents.reports.caption'), 'reports', [t('complaint.customer'), t('incidents.col.kind'),
          t('incidents.col.place'), t('incidents.col.occurred')], this.reports.items.map(r => html`<tr>
          <td>${r.customerId}</td><td>${t(`incident.kind.${r.kind}`)}</td><td>${place(r)}${r.cell ? html`<span class="sub">${r.cell}</span>` : nothing}</td>
          <td><time datetime=${r.occurredAt}>${formatTime(r.occurredAt)}</time></td></tr>`))}
        ${pager(this.reports, d => this.turnReports(d), this.busy, t('incidents.reports.pages'))}` : nothing}
    </section>`;
  }
}
customElements.define('complaint-incidents', ComplaintIncidents);
