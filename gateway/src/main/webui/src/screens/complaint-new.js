import { html } from 'lit';
import { shared } from '../localized.js';
import { t } from '../i18n.js';
import { Screen, screenStyles } from '../screen.js';
import { CATEGORIES, COMPLAINTS, PRIORITIES } from './complaint-common.js';

// the channels an agent files for here: a customer who called, or who sent an SMS
const CHANNELS = ['hotline', 'sms'];

/**
 * Filing a complaint for a customer who called or sent an SMS. The same submission sent twice (a double click, a
 * retry after a timeout) files one complaint: it carries one Idempotency-Key until it succeeds.
 */
export class ComplaintNew extends Screen {
  static properties = { category: { state: true } };

  static styles = [shared, screenStyles];

  constructor() {
    super();
    this.category = 'BILLING';
    this.key = crypto.randomUUID();
  }

  async file(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {
      customerId: form.get('customerId').trim(), channel: form.get('channel'), category: form.get('category'),
      priority: form.get('priority'), subject: form.get('subject'), description: form.get('description'),
    };
    if (body.category === 'BILLING' && form.get('amount')) {
      body.claimedOvercharge = { amount: form.get('amount'), currency: form.get('currency').trim().toUpperCase() };
    }
    let filed;
    const done = await this.run(async () => {
      filed = await this.api.post(COMPLAINTS, body, { 'Idempotency-Key': this.key });
    }, '', 'file');
    if (done) {
      this.key = crypto.randomUUID();
      // its page is where the agent carries on: the conversation, the compensation
      this.dispatchEvent(new CustomEvent('console-navigate', {
        bubbles: true, composed: true, detail: `${import.meta.env.BASE_URL}complaints/${filed.id}`,
      }));
    }
  }

  render() {
    const input = (name, attributes) => this.field('file', name, t(`new.${name}`), a => attributes(a));
    return html`
      ${this.top(t('new.title'), t('new.lead'))}
      <form class="stack file" @submit=${this.file}>
        ${input('customerId', a => html`<input name="customerId" required pattern="[A-Za-z0-9\\-]{1,64}" autocomplete="off"
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        ${input('channel', a => html`<select name="channel" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
          ${CHANNELS.map(c => html`<option value=${c}>${t(`new.channel.${c}`)}</option>`)}</select>`)}
        ${input('category', a => html`<select name="category" @change=${e => { this.category = e.target.value; }}
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>${CATEGORIES.map(c => html`<option value=${c}
          ?selected=${this.category === c}>${t(`complaint.category.${c}`)}</option>`)}</select>`)}
        ${input('priority', a => html`<select name="priority" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
          ${PRIORITIES.map(p => html`<option value=${p} ?selected=${p === 'NORMAL'}>${t(`complaint.priority.${p}`)}</option>`)}</select>`)}
        ${input('subject', a => html`<input name="subject" required maxlength="200" aria-invalid=${a.invalid}
          aria-describedby=${a.describedBy}>`)}
        ${input('description', a => html`<textarea name="description" required maxlength="5000" rows="5"
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}></textarea>`)}
        ${this.category === 'BILLING' ? html`
          ${input('amount', a => html`<input name="amount" type="number" min="0.01" step="0.01" aria-invalid=${a.invalid}
            aria-describedby=${a.describedBy}>`)}
          ${input('currency', a => html`<input name="currency" pattern="[A-Za-z]{3}" value="EUR" size="4"
            aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}` : ''}
        <div><button class="primary" ?disabled=${this.busy}>${t('new.submit')}</button></div>
      </form>`;
  }
}
customElements.define('complaint-new', ComplaintNew);
