import { html, css, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { Screen, screenStyles, tableRegion } from '../screen.js';
import { complaintStyles, duration } from './complaint-common.js';
import { SLA, complaintLink } from './complaint-sla.js';
import { SUPERVISOR } from '../screens.js';

const CSV = 'text/csv';
const thisMonth = () => new Date().toISOString().slice(0, 7);
const percent = p => (p == null ? '—' : `${formatNumber(p)} %`);

/**
 * The monthly first-reply compliance report, replayed by the service from its SLA ledger: overall, per team and per
 * agent, with bar charts of the share within target and of how late the late ones were; its CSV; and, for a
 * supervisor (the only one of these roles the API lets verify it), the ledger's verification.
 */
export class ComplaintSlaReport extends Screen {
  static properties = {
    identity: { attribute: false },
    month: { state: true },
    report: { state: true },
    verification: { state: true },
  };

  static styles = [shared, screenStyles, complaintStyles, css`
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.8rem; margin: 1rem 0; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; }
    .card .figure { font-size: 1.6rem; font-weight: 700; }
    .card .label { color: var(--muted); font-size: 0.85rem; }
    .chart { display: grid; grid-template-columns: max-content 1fr max-content; gap: 0.35rem 0.7rem; align-items: center;
             max-width: 48rem; margin: 0; }
    .chart .bar { height: 1.1rem; background: var(--accent); border-radius: 3px; min-width: 2px; }
    .chart.late .bar { background: var(--danger); }
    .chart dd { margin: 0; }
    .verification.valid { color: var(--ok); }
    .verification.broken { color: var(--danger); font-weight: 600; }
  `];

  constructor() {
    super();
    this.month = thisMonth();
  }

  firstUpdated() {
    this.load();
  }

  load(event) {
    event?.preventDefault();
    if (event) this.month = new FormData(event.target).get('month');
    return this.run(async () => { this.report = await this.api.get(`${SLA}/reports/${this.month}`); }, '', 'month');
  }

  /** The same report as CSV, saved by the browser (the API needs the token, so a plain link cannot fetch it). */
  download() {
    const month = this.month;
    this.run(async () => {
      const text = await this.api.text(`${SLA}/reports/${month}.csv`, CSV);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: CSV }));
      link.download = `sla-${month}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
    }, t('sla.report.downloaded', { file: `sla-${month}.csv` }));
  }

  verify() {
    this.run(async () => { this.verification = await this.api.get(`${SLA}/ledger/verify`); }, t('sla.ledger.verified'));
  }

  render() {
    return html`
      ${this.top(t('sla.report.title'), t('sla.report.lead'))}
      <form class="inline" @submit=${this.load}>
        ${this.field('month', 'month', t('sla.report.month'), a => html`<input name="month" type="month" required
          .value=${this.month} aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button class="primary" ?disabled=${this.busy}>${t('sla.report.show')}</button>
        <button type="button" ?disabled=${this.busy || !this.report} @click=${this.download}>${t('sla.report.csv')}</button>
      </form>
      ${this.report ? this.#report(this.report) : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.identity.roles.includes(SUPERVISOR) ? this.#ledger() : nothing}`;
  }

  #report(r) {
    const o = r.overall;
    const cards = [
      ['sla.report.received', formatNumber(o.received)],
      ['sla.report.replied', formatNumber(o.replied)],
      ['sla.report.within', `${formatNumber(o.repliedWithinTarget)} (${percent(o.withinTargetPercent)})`],
      ['sla.report.late', formatNumber(o.late.length)],
      ['sla.report.unanswered', formatNumber(o.unanswered)],
      ['sla.report.unanswered-overdue', formatNumber(o.unansweredOverdue)],
    ];
    const groups = [...r.teams.map(g => ({ ...g, scope: 'team' })), ...r.agents.map(g => ({ ...g, scope: 'agent' }))];
    return html`<section class="report" aria-labelledby="report-title">
      <h2 id="report-title">${t('sla.report.of', { month: r.month, zone: r.zone })}</h2>
      <p class="sub">${t('sla.report.as-of', { time: formatTime(r.asOf) })}</p>
      <div class="cards overall">${cards.map(([key, value]) => html`<div class="card" data-figure=${key}>
        <div class="figure">${value}</div><div class="label">${t(key)}</div></div>`)}</div>
      <h3>${t('sla.report.by-team')}</h3>
      ${this.#bars(r.teams, t('sla.report.by-team'))}
      <h3>${t('sla.report.by-agent')}</h3>
      ${this.#bars(r.agents, t('sla.report.by-agent'))}
      ${groups.length ? tableRegion(t('sla.report.figures'), 'figures', [t('sla.report.scope'), t('sla.report.received'),
        t('sla.report.replied'), t('sla.report.within'), t('sla.report.unanswered'), t('sla.report.unanswered-overdue')],
        groups.map(g => html`<tr data-scope=${g.scope} data-name=${g.name}>
          <th scope="row">${g.name}<span class="sub">${t(`sla.report.scope.${g.scope}`)}</span></th>
          <td>${formatNumber(g.figures.received)}</td><td>${formatNumber(g.figures.replied)}</td>
          <td>${formatNumber(g.figures.repliedWithinTarget)} (${percent(g.figures.withinTargetPercent)})</td>
          <td>${formatNumber(g.figures.unanswered)}</td><td>${formatNumber(g.figures.unansweredOverdue)}</td></tr>`)) : nothing}
      <h3>${t('sla.report.how-late')}</h3>
      ${o.late.length === 0 ? html`<p class="empty">${t('sla.report.none-late')}</p>` : html`
        <dl class="chart late" aria-label=${t('sla.report.how-late')}>${(() => {
          const max = Math.max(1, ...o.late.map(l => l.lateBySeconds));
          return o.late.map(l => html`<dt>${l.reference}</dt>
            <dd><div class="bar" data-width=${Math.round((l.lateBySeconds / max) * 100)}></div></dd>
            <dd>${duration(l.lateBySeconds * 1000)}</dd>`);
        })()}</dl>
        ${tableRegion(t('sla.report.late.caption'), 'late', [t('complaint.reference'), t('sla.alerts.col.due'),
          t('sla.report.replied-at'), t('sla.report.late-by')], o.late.map(l => html`<tr data-id=${l.complaintId}>
          <th scope="row">${complaintLink(l.complaintId, l.reference)}</th>
          <td><time datetime=${l.dueAt}>${formatTime(l.dueAt)}</time></td>
          <td><time datetime=${l.repliedAt}>${formatTime(l.repliedAt)}</time></td>
          <td>${duration(l.lateBySeconds * 1000)}</td></tr>`))}`}
    </section>`;
  }

  /** The share of replies within target per group, as bars; the figure is written beside each for screen readers too. */
  #bars(groups, label) {
    const replied = groups.filter(g => g.figures.withinTargetPercent != null);
    if (replied.length === 0) return html`<p class="empty">${t('sla.report.no-replies')}</p>`;
    return html`<dl class="chart" aria-label=${label}>${replied.map(g => html`
      <dt>${g.name}</dt>
      <dd><div class="bar" data-width=${Math.round(Number(g.figures.withinTargetPercent))}></div></dd>
      <dd>${percent(g.figures.withinTargetPercent)}</dd>`)}</dl>`;
  }

  #ledger() {
    const v = this.verification;
    return html`<section class="detail ledger" aria-labelledby="ledger-title">
      <h2 id="ledger-title">${t('sla.ledger.title')}</h2>
      <p class="sub">${t('sla.ledger.lead')}</p>
      <p><button ?disabled=${this.busy} @click=${this.verify}>${t('sla.ledger.verify')}</button></p>
      ${v ? html`<p class=${v.valid ? 'verification valid' : 'verification broken'}>${v.valid
        ? t('sla.ledger.valid', { entries: formatNumber(v.entries), head: formatNumber(v.headSeq) })
        : t('sla.ledger.broken', { seq: formatNumber(v.firstBroken.seq), reason: v.firstBroken.reason,
          head: formatNumber(v.headSeq) })}</p>` : nothing}
    </section>`;
  }

  /** A style attribute would need 'unsafe-inline' under the console's CSP: widths are set through the CSSOM. */
  updated() {
    this.renderRoot.querySelectorAll('.bar[data-width]').forEach(bar => { bar.style.width = `${bar.dataset.width}%`; });
  }
}
customElements.define('complaint-sla-report', ComplaintSlaReport);
