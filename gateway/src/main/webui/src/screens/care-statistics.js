import { html, css } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, t } from '../i18n.js';
import { Screen, screenStyles } from '../screen.js';

const REPORT = '/api/v1/care/reports/programme';
const DAY = 86400000;
const isoDate = date => date.toISOString().slice(0, 10);

/** The programme's figures for a period, with CSS bar charts: beneficiaries by criterion, and the regions side by side. */
export class CareStatistics extends Screen {
  static properties = {
    report: { state: true },
  };

  static styles = [shared, screenStyles, css`
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.8rem; margin: 1rem 0; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; }
    .card .figure { font-size: 1.6rem; font-weight: 700; }
    .card .label { color: var(--muted); font-size: 0.85rem; }
    .chart { display: grid; grid-template-columns: max-content 1fr max-content; gap: 0.35rem 0.7rem; align-items: center;
             max-width: 48rem; margin: 0; }
    .chart .bar { height: 1.1rem; background: var(--accent); border-radius: 3px; min-width: 2px; }
    .chart .bar.second { background: #5aa469; }
    .chart dd { margin: 0; }
    .legend { display: flex; gap: 1rem; font-size: 0.85rem; color: var(--muted); }
    .legend span::before { content: ''; display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem;
                           vertical-align: -0.1rem; background: var(--accent); }
    .legend span.second::before { background: #5aa469; }
  `];

  constructor() {
    super();
    const today = new Date();
    this.from = isoDate(new Date(today.getTime() - 89 * DAY));
    this.to = isoDate(today);
  }

  firstUpdated() {
    this.load();
  }

  load(event) {
    event?.preventDefault();
    if (event) {
      const form = new FormData(event.target);
      this.from = form.get('from');
      this.to = form.get('to');
    }
    return this.run(async () => { this.report = await this.api.get(`${REPORT}?from=${this.from}&to=${this.to}`); }, '', 'period');
  }

  render() {
    return html`
      ${this.top(t('care.stats.title'), t('care.stats.lead'))}
      <form class="inline" @submit=${this.load}>
        ${this.field('period', 'from', t('care.stats.from'), a => html`<input name="from" type="date" required .value=${this.from}
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        ${this.field('period', 'to', t('care.stats.to'), a => html`<input name="to" type="date" required .value=${this.to}
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button class="primary" ?disabled=${this.busy}>${t('care.stats.show')}</button>
      </form>
      ${this.report ? this.#report(this.report) : html`<p aria-busy="true">${t('app.loading')}</p>`}`;
  }

  #report(r) {
    const cards = [
      ['care.stats.enrolled', r.volunteers.enrolled],
      ['care.stats.active', r.volunteers.active],
      ['care.stats.in-care', r.people.inCare],
      ['care.stats.started', r.people.careStarted],
      ['care.stats.activities', r.oneToOne.activities],
      ['care.stats.visits', r.oneToOne.visits],
      ['care.stats.groups', r.groupActivities.held],
      ['care.stats.attendances', r.groupActivities.attendances],
    ];
    const start = r.careStartAfterPayment;
    const criteria = Object.entries(r.beneficiariesByCriterion ?? {});
    return html`
      <div class="cards">${cards.map(([key, value]) => html`<div class="card">
        <div class="figure">${formatNumber(value)}</div><div class="label">${t(key)}</div></div>`)}
        <div class="card"><div class="figure">${start.medianDays == null ? '—' : formatNumber(Math.round(start.medianDays * 10) / 10)}</div>
          <div class="label">${t('care.stats.days-to-care')}</div></div>
      </div>
      <h2>${t('care.stats.by-criterion')}</h2>
      ${this.#bars(criteria.map(([c, n]) => ({ label: t(`care.criterion.${c}`), values: [n] })), t('care.stats.by-criterion'))}
      <h2>${t('care.stats.by-region')}</h2>
      <p class="legend"><span>${t('care.stats.in-care')}</span><span class="second">${t('care.stats.activities')}</span></p>
      ${this.#bars((r.byRegion ?? []).map(g => ({ label: g.region, values: [g.people.inCare, g.oneToOne.activities] })),
        t('care.stats.by-region'))}`;
  }

  /** A horizontal bar per value, scaled to the largest; the figure is written beside it for screen readers too. */
  #bars(rows, label) {
    if (rows.length === 0) return html`<p class="empty">${t('care.stats.none')}</p>`;
    const max = Math.max(1, ...rows.flatMap(r => r.values));
    return html`<dl class="chart" aria-label=${label}>${rows.map(row => html`
      <dt>${row.label}</dt>
      <dd>${row.values.map((v, i) => html`<div class=${i ? 'bar second' : 'bar'} data-width=${Math.round((v / max) * 100)}></div>`)}</dd>
      <dd>${row.values.map(formatNumber).join(' · ')}</dd>`)}</dl>`;
  }

  /** A style attribute would need 'unsafe-inline' under the console's CSP: widths are set through the CSSOM. */
  updated() {
    this.renderRoot.querySelectorAll('.bar[data-width]').forEach(bar => { bar.style.width = `${bar.dataset.width}%`; });
  }
}
customElements.define('care-statistics', CareStatistics);
