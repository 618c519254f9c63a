import { html, css, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatTime, t } from '../i18n.js';
import { Screen, go, pager, screenStyles, tableRegion } from '../screen.js';
import { abilities, complaintStyles, COMPLAINTS, money, NEXT_STATUSES, PRIORITIES, sla, STATUSES } from './complaint-common.js';

const MESSAGES_SIZE = 50;
// a reason must say something: the service refuses a blank one too
const SOMETHING = '.*\\S.*';

/** How a message is labelled, in words and not only in colour: who it reaches matters most. */
function kindOf(m) {
  if (m.kind === 'INTERNAL_NOTE') return 'note';
  if (m.kind === 'CUSTOMER') return 'customer';
  return m.byPerson ? 'reply' : 'automatic';
}

/**
 * One complaint, whole: its facts and SLA clock, the conversation (public replies and internal notes kept visibly
 * apart), replying and noting, status changes, the compensation of a claimed overcharge (verified by an agent,
 * approved above the threshold by a supervisor who did not verify it), and a supervisor's reassignment, reopening
 * and override, each with a reason. Writes send the version read (If-Match): a stale page is refused, not merged.
 */
export class ComplaintPage extends Screen {
  static properties = {
    identity: { attribute: false },
    complaintId: { attribute: 'complaint-id' },
    complaint: { state: true },
    messages: { state: true },
    messagesPage: { state: true },
  };

  static styles = [shared, screenStyles, complaintStyles, css`
    .facts { margin: 0.8rem 0; }
    ol.conversation { list-style: none; padding: 0; margin: 0.5rem 0; display: grid; gap: 0.6rem; max-width: 60rem; }
    article { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 0.5rem 0.8rem; }
    article header { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: baseline; font-size: 0.85rem; color: var(--muted); }
    article p { margin: 0.3rem 0 0; white-space: pre-wrap; }
    .kind { font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; font-size: 0.75rem; color: var(--ink);
            border: 1px solid currentColor; border-radius: 4px; padding: 0 0.35rem; }
    article.reply { border-left-color: var(--accent); }
    article.customer { border-left-color: #5aa469; background: #f3faf4; }
    article.automatic { border-left-color: var(--line); color: var(--muted); }
    article.note { border-style: dashed; border-left-style: solid; border-left-color: #b7791f; background: #fff8e6; }
    article.note .kind { color: #7a4b00; }
    .forms { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 0 1.6rem; }
    .forms form { max-width: none; }
    textarea { min-height: 4.5rem; }
    form.stack label.check { display: flex; gap: 0.4rem; align-items: center; }
    form.stack label.check input { margin: 0; }
    .note-hint { color: #7a4b00; font-size: 0.85rem; margin: 0; }
  `];

  constructor() {
    super();
    this.messagesPage = 0;
  }

  get #url() {
    return `${COMPLAINTS}/${this.complaintId}`;
  }

  willUpdate(changed) {
    if (changed.has('complaintId')) {
      this.complaint = null;
      this.messages = null;
      this.messagesPage = 0;
      this.message = '';
      this.error = null;
      this.load();
    }
  }

  load() {
    return this.run(() => this.#fetch());
  }

  async #fetch() {
    const [complaint, messages] = await Promise.all([
      this.api.get(this.#url),
      this.api.get(`${this.#url}/messages?page=${this.messagesPage}&size=${MESSAGES_SIZE}`),
    ]);
    this.complaint = complaint;
    this.messages = messages;
  }

  turnMessages(delta) {
    this.messagesPage += delta;
    this.load();
  }

  /** A write, then the complaint and its conversation again; `done` is announced, a refusal shown by its form. */
  async #write(form, call, done) {
    const written = await this.run(async () => {
      await call();
      await this.#fetch();
    }, done, form);
    if (written) this.renderRoot.querySelector(`form.${form}`)?.reset();
    return written;
  }

  /** The conditional write of a complaint's state: refused (412) if someone changed it since this page read it. */
  #ifMatch() {
    return { 'If-Match': `"${this.complaint.version}"` };
  }

  reply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.#write('reply', () => this.api.post(`${this.#url}/replies`,
      { body: form.get('body'), awaitCustomer: form.get('awaitCustomer') === 'on' }), t('complaint.reply.done'));
  }

  note(event) {
    event.preventDefault();
    const body = new FormData(event.target).get('body');
    this.#write('note', () => this.api.post(`${this.#url}/notes`, { body }), t('complaint.note.done'));
  }

  changeStatus(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { status: form.get('status') };
    if (form.get('reason')) body.reason = form.get('reason');
    this.#write('change-status', () => this.api.post(`${this.#url}/status`, body, this.#ifMatch()),
      t('complaint.status.done', { status: t(`complaint.status.${body.status}`) }));
  }

  verify(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {
      verifiedAmount: { amount: form.get('amount'), currency: form.get('currency').trim().toUpperCase() },
      evidence: form.get('evidence'),
    };
    this.#write('verify', () => this.api.post(`${this.#url}/compensation`, body),
      t('complaint.compensation.verified'));
  }

  approve() {
    this.#write('approve', () => this.api.post(`${this.#url}/compensation/approval`), t('complaint.compensation.approved'));
  }

  assign(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { reason: form.get('reason') };
    for (const name of ['assignee', 'team']) if (form.get(name).trim()) body[name] = form.get(name).trim();
    this.#write('assign', () => this.api.post(`${this.#url}/assignment`, body, this.#ifMatch()), t('complaint.assign.done'));
  }

  reopen(event) {
    event.preventDefault();
    const reason = new FormData(event.target).get('reason');
    this.#write('reopen', () => this.api.post(`${this.#url}/reopen`, { reason }, this.#ifMatch()), t('complaint.reopen.done'));
  }

  override(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { reason: form.get('reason') };
    for (const name of ['status', 'priority']) if (form.get(name)) body[name] = form.get(name);
    this.#write('override', () => this.api.post(`${this.#url}/override`, body, this.#ifMatch()), t('complaint.override.done'));
  }

  render() {
    const c = this.complaint;
    const back = html`<a href=${`${import.meta.env.BASE_URL}complaints/queue`} @click=${go}>${t('complaint.back')}</a>`;
    // one template whether loaded or not: the heading stays the same element, and keeps the focus the shell gave it
    return html`
      ${this.top(c ? t('complaint.title', { reference: c.reference }) : t('complaint.title.loading'), c?.subject,
        () => this.load(), back)}
      ${c ? this.#body(c) : this.error ? nothing : html`<p aria-busy="true">${t('app.loading')}</p>`}`;
  }

  #body(c) {
    const can = abilities(this.identity);
    return html`
      ${this.#facts(c)}
      ${this.#conversation(c, can)}
      ${can.work && NEXT_STATUSES[c.status].length ? this.#statusForm(c) : nothing}
      ${c.category === 'BILLING' ? this.#compensation(c, can) : nothing}
      ${can.oversee ? this.#oversight(c) : nothing}
      ${this.#history(c)}`;
  }

  #facts(c) {
    return html`<dl class="facts">
      <dt>${t('complaint.status')}</dt><dd class="complaint-status">${t(`complaint.status.${c.status}`)}</dd>
      <dt>${t('complaint.priority')}</dt><dd class=${`priority priority-${c.priority}`}>${t(`complaint.priority.${c.priority}`)}</dd>
      <dt>${t('complaint.category')}</dt><dd>${t(`complaint.category.${c.category}`)} · ${t('complaint.via', { channel: c.channel })}</dd>
      <dt>${t('complaint.customer')}</dt><dd class="customer">${c.customerId}</dd>
      <dt>${t('complaint.entered-by')}</dt><dd>${t(`complaint.entered.${c.enteredByKind}`, { who: c.enteredBy ?? c.partnerId ?? c.customerId })}</dd>
      <dt>${t('complaint.assignee')}</dt><dd class="assignee">${c.assignee ?? t('complaint.unassigned')}${c.team
        ? html` · ${t('complaint.team', { team: c.team })}` : nothing}</dd>
      <dt>${t('complaint.received')}</dt><dd><time datetime=${c.receivedAt}>${formatTime(c.receivedAt)}</time></dd>
      <dt>${t('queue.col.sla')}</dt><dd>${sla(c)}</dd>
      ${c.claimedOvercharge ? html`<dt>${t('complaint.claimed')}</dt>
        <dd class="claimed">${money(c.claimedOvercharge.amount, c.claimedOvercharge.currency)}</dd>` : nothing}
      <dt>${t('complaint.description')}</dt><dd class="description">${c.description}</dd>
    </dl>`;
  }

  #conversation(c, can) {
    const { items, total } = this.messages;
    const open = !['RESOLVED', 'CLOSED'].includes(c.status);
    return html`<section aria-labelledby="conversation-title">
      <h2 id="conversation-title">${t('complaint.conversation')}</h2>
      ${total === 0 ? html`<p class="empty">${t('complaint.conversation.empty')}</p>` : html`
        <ol class="conversation">${items.map(m => {
          const kind = kindOf(m);
          return html`<li><article class=${`message ${kind}`} data-id=${m.id} aria-label=${t(`message.kind.${kind}`)}>
            <header><span class="kind">${t(`message.kind.${kind}`)}</span>
              <span class="author">${kind === 'customer' ? t('message.customer') : m.author}</span>
              <time datetime=${m.at}>${formatTime(m.at)}</time></header>
            <p>${m.body}</p>
          </article></li>`;
        })}</ol>
        ${total > MESSAGES_SIZE ? pager(this.messages, d => this.turnMessages(d), this.busy, t('complaint.conversation.pages')) : nothing}`}
      <div class="forms">
        ${can.work && open ? html`<form class="stack reply" @submit=${this.reply}>
          ${this.field('reply', 'body', t('complaint.reply.label'), a => html`<textarea name="body" required maxlength="5000"
            aria-invalid=${a.invalid} aria-describedby=${a.describedBy}></textarea>`)}
          <label class="check"><input type="checkbox" name="awaitCustomer"> ${t('complaint.reply.await')}</label>
          <div><button class="primary" ?disabled=${this.busy}>${t('complaint.reply.submit')}</button></div>
        </form>` : nothing}
        <form class="stack note" @submit=${this.note}>
          ${this.field('note', 'body', t('complaint.note.label'), a => html`<textarea name="body" required maxlength="5000"
            aria-invalid=${a.invalid}
            aria-describedby=${a.invalid === 'true' ? 'error-note-body note-hint' : 'note-hint'}></textarea>`)}
          <p class="note-hint" id="note-hint">${t('complaint.note.hint')}</p>
          <div><button ?disabled=${this.busy}>${t('complaint.note.submit')}</button></div>
        </form>
      </div>
    </section>`;
  }

  #statusForm(c) {
    return html`<section aria-labelledby="status-title">
      <h2 id="status-title">${t('complaint.status.title')}</h2>
      <form class="inline change-status" @submit=${this.changeStatus}>
        ${this.field('change-status', 'status', t('complaint.status.to'), a => html`<select name="status"
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>${NEXT_STATUSES[c.status].map(s => html`<option
          value=${s}>${t(`complaint.status.${s}`)}</option>`)}</select>`)}
        ${this.field('change-status', 'reason', t('complaint.reason.optional'), a => html`<input name="reason" maxlength="1000" size="30"
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button ?disabled=${this.busy}>${t('complaint.status.submit')}</button>
      </form>
    </section>`;
  }

  #compensation(c, can) {
    const k = c.compensation;
    return html`<section class="detail compensation" aria-labelledby="compensation-title">
      <h2 id="compensation-title">${t('complaint.compensation')}</h2>
      ${k ? html`<dl>
          <dt>${t('complaint.status')}</dt><dd class="compensation-status">${t(`compensation.status.${k.status}`)}</dd>
          <dt>${t('compensation.verified')}</dt><dd>${money(k.verifiedAmount, k.currency)} · ${t('compensation.by', { who: k.verifiedBy })}
            <time datetime=${k.verifiedAt}>${formatTime(k.verifiedAt)}</time></dd>
          <dt>${t('compensation.evidence')}</dt><dd>${k.evidence}</dd>
          <dt>${t('compensation.refund')}</dt><dd>${money(k.refundAmount ?? k.verifiedAmount, k.currency)}</dd>
          <dt>${t('compensation.reward')}</dt><dd>${money(k.rewardAmount ?? k.verifiedAmount, k.currency)}</dd>
          ${k.grantedAt ? html`<dt>${t('compensation.granted')}</dt><dd>${k.approvedBy ? t('compensation.by', { who: k.approvedBy }) : nothing}
            <time datetime=${k.grantedAt}>${formatTime(k.grantedAt)}</time></dd>` : nothing}
        </dl>
        ${k.needsApproval ? this.#approval(k, can) : nothing}`
      : can.work ? this.#verifyForm(c) : html`<p>${t('compensation.none')}</p>`}
    </section>`;
  }

  /**
   * Four eyes: a supervisor is offered the approval only of what someone else verified. Until it is granted the refund
   * and the reward are the service's rule (each the verified amount), not yet amounts of the compensation.
   */
  #approval(k, can) {
    if (!can.oversee) return html`<p class="awaiting">${t('compensation.awaiting')}</p>`;
    if (k.verifiedBy === this.identity.username) return html`<p class="awaiting">${t('compensation.own')}</p>`;
    return html`<div class="approval">
      <p>${t('compensation.approve.lead', { amount: money(2 * Number(k.verifiedAmount), k.currency) })}</p>
      <button class="primary" ?disabled=${this.busy} @click=${this.approve}>${t('compensation.approve')}</button>
    </div>`;
  }

  #verifyForm(c) {
    const claimed = c.claimedOvercharge;
    return html`<p>${t('compensation.lead')}</p>
      <form class="inline verify" @submit=${this.verify}>
        ${this.field('verify', 'amount', t('compensation.amount'), a => html`<input name="amount" type="number" min="0.01"
          step="0.01" required .value=${claimed?.amount == null ? '' : String(claimed.amount)} aria-invalid=${a.invalid}
          aria-describedby=${a.describedBy}>`)}
        ${this.field('verify', 'currency', t('compensation.currency'), a => html`<input name="currency" required size="4"
          pattern="[A-Za-z]{3}" .value=${claimed?.currency ?? 'EUR'} aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        ${this.field('verify', 'evidence', t('compensation.evidence'), a => html`<input name="evidence" required maxlength="2000"
          size="40" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button class="primary" ?disabled=${this.busy}>${t('compensation.verify')}</button>
      </form>`;
  }

  #reason(form) {
    return this.field(form, 'reason', t('complaint.reason'), a => html`<input name="reason" required pattern=${SOMETHING}
      maxlength="1000" size="30" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`);
  }

  #oversight(c) {
    const closed = ['RESOLVED', 'CLOSED'].includes(c.status);
    return html`<section class="detail oversight" aria-labelledby="oversight-title">
      <h2 id="oversight-title">${t('complaint.oversight')}</h2>
      <h3 id="assign-title">${t('complaint.assign.title')}</h3>
      <form class="inline assign" @submit=${this.assign} aria-labelledby="assign-title">
        ${this.field('assign', 'assignee', t('complaint.assign.to'), a => html`<input name="assignee" maxlength="64"
          .value=${c.assignee ?? ''} aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        ${this.field('assign', 'team', t('complaint.assign.team'), a => html`<input name="team" maxlength="64"
          .value=${c.team ?? ''} aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        ${this.#reason('assign')}
        <button ?disabled=${this.busy}>${t('complaint.assign.submit')}</button>
      </form>
      ${closed ? html`<h3 id="reopen-title">${t('complaint.reopen.title')}</h3>
        <form class="inline reopen" @submit=${this.reopen} aria-labelledby="reopen-title">
          ${this.#reason('reopen')}
          <button ?disabled=${this.busy}>${t('complaint.reopen.submit')}</button>
        </form>` : nothing}
      <h3 id="override-title">${t('complaint.override.title')}</h3>
      <form class="inline override" @submit=${this.override} aria-labelledby="override-title">
        ${this.field('override', 'status', t('complaint.status'), a => html`<select name="status" aria-invalid=${a.invalid}
          aria-describedby=${a.describedBy}><option value="">${t('complaint.override.unchanged')}</option>
          ${STATUSES.map(s => html`<option value=${s}>${t(`complaint.status.${s}`)}</option>`)}</select>`)}
        ${this.field('override', 'priority', t('complaint.priority'), a => html`<select name="priority" aria-invalid=${a.invalid}
          aria-describedby=${a.describedBy}><option value="">${t('complaint.override.unchanged')}</option>
          ${PRIORITIES.map(p => html`<option value=${p}>${t(`complaint.priority.${p}`)}</option>`)}</select>`)}
        ${this.#reason('override')}
        <button ?disabled=${this.busy}>${t('complaint.override.submit')}</button>
      </form>
    </section>`;
  }

  #history(c) {
    if (!c.history?.length) return nothing;
    const head = [t('history.when'), t('history.who'), t('history.action'), t('history.change'), t('complaint.reason')];
    return html`<h2>${t('history.title')}</h2>
      ${tableRegion(t('history.caption'), 'history', head, c.history.map(h => html`<tr>
        <td><time datetime=${h.at}>${formatTime(h.at)}</time></td>
        <td>${h.actor}<span class="sub">${h.actorRole}</span></td>
        <td>${t(`history.action.${h.action}`)}${h.detail ? html`<span class="sub">${h.detail}</span>` : nothing}</td>
        <td>${h.fromStatus === h.toStatus ? '' : `${h.fromStatus ? `${t(`complaint.status.${h.fromStatus}`)} → ` : ''}${t(`complaint.status.${h.toStatus}`)}`}</td>
        <td>${h.reason ?? ''}</td>
      </tr>`))}`;
  }
}
customElements.define('complaint-page', ComplaintPage);
