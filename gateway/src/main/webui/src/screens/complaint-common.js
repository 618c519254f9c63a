import { html, css } from 'lit';
import { LocalizedElement } from '../localized.js';
import { formatTime, language, t } from '../i18n.js';
import { AGENT, MANAGER, SUPERVISOR } from '../screens.js';

export const COMPLAINTS = '/api/v1/complaints';
export const CATEGORIES = ['BILLING', 'NETWORK', 'DEVICE', 'SERVICE', 'CLAIM', 'OTHER'];
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
export const STATUSES = ['RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'];

/**
 * Where staff may move a complaint: the service's own transition table (Complaint.Status#next), which its staff
 * view does not carry. The service still refuses anything else (409 naming status).
 */
export const NEXT_STATUSES = {
  RECEIVED: ['ACKNOWLEDGED', 'IN_PROGRESS'],
  ACKNOWLEDGED: ['IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED'],
  IN_PROGRESS: ['WAITING_ON_CUSTOMER', 'RESOLVED'],
  WAITING_ON_CUSTOMER: ['IN_PROGRESS', 'RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};

/** What the staff API lets each role do (it checks again): agents and supervisors work cases, supervisors and managers oversee. */
export function abilities(identity) {
  const has = role => identity.roles.includes(role);
  return {
    work: has(AGENT) || has(SUPERVISOR),
    oversee: has(SUPERVISOR) || has(MANAGER),
  };
}

/** The target a complaint's SLA clock runs to now: the first reply while there is none, then the resolution. */
export function slaTarget(c) {
  if (!['RESOLVED', 'CLOSED'].includes(c.status)) {
    if (!c.firstPublicReplyAt) return { kind: 'first-reply', due: c.firstReplyDueAt };
    if (c.resolutionDueAt) return { kind: 'resolution', due: c.resolutionDueAt };
  }
  return null;
}

/** Every countdown on the page ticks off one timer, which runs only while one is shown. */
const ticking = new Set();
let timer = null;

function tick() {
  ticking.forEach(countdown => countdown.requestUpdate());
}

const pad = n => String(n).padStart(2, '0');

/** A duration as days, hours, minutes and seconds in the current language, largest unit first. */
export function duration(ms) {
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [];
  if (d) parts.push(t('sla.days', { n: d }));
  if (d || h) parts.push(t('sla.hours', { n: h }));
  parts.push(t('sla.minutes', { n: d || h ? pad(m) : m }), t('sla.seconds', { n: pad(s) }));
  return parts.join(' ');
}

/**
 * The time left to an SLA target, or how long it is overdue, updated every second; the target itself in the staff
 * member's timezone. Overdue says so in words and in colour. Not a live region: a screen reader would otherwise
 * read it out every second.
 */
export class SlaCountdown extends LocalizedElement {
  static properties = { due: {} };

  static styles = css`
    :host { display: inline; }
    .overdue { color: var(--danger); font-weight: 600; }
    .left { font-variant-numeric: tabular-nums; }
  `;

  connectedCallback() {
    super.connectedCallback();
    ticking.add(this);
    timer ??= setInterval(tick, 1000);
  }

  disconnectedCallback() {
    ticking.delete(this);
    if (ticking.size === 0) {
      clearInterval(timer);
      timer = null;
    }
    super.disconnectedCallback();
  }

  render() {
    const left = new Date(this.due).getTime() - Date.now();
    return html`<time datetime=${this.due} title=${formatTime(this.due)}>${left >= 0
      ? html`<span class="left">${t('sla.left', { time: duration(left) })}</span>`
      : html`<span class="left overdue">${t('sla.overdue', { time: duration(left) })}</span>`}</time>`;
  }
}
customElements.define('sla-countdown', SlaCountdown);

/** A complaint's clock: which target, the countdown, and the target's time in the staff member's timezone. */
export function sla(c) {
  const target = slaTarget(c);
  if (!target) return html`<span class="sub">${t('sla.none')}</span>`;
  return html`<span class="sla">${t(`sla.${target.kind}`)}: <sla-countdown due=${target.due}></sla-countdown>
    <span class="sub">${t('sla.due', { time: formatTime(target.due) })}</span></span>`;
}

/** Money as the API writes it ({amount, currency}), formatted for the current language. */
export function money(amount, currency) {
  return new Intl.NumberFormat(language(), { style: 'currency', currency }).format(Number(amount));
}

export const complaintStyles = css`
  .priority-URGENT, .priority-HIGH { font-weight: 600; }
  a.ref { font-family: ui-monospace, Menlo, monospace; }
`;
