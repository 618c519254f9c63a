import { html, css, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { Screen, screenStyles, tableRegion } from '../screen.js';
import { COMPLAINTS, money } from './complaint-common.js';

const DRAWS = `${COMPLAINTS}/draws`;
const ELIGIBLE_PAGE = 100;

/** Last month, as yyyy-MM: the latest month that can be drawn. */
function lastMonth() {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

const hex = buffer => [...new Uint8Array(buffer)].map(b => b.toString(16).padStart(2, '0')).join('');
const utf8 = text => new TextEncoder().encode(text);

/**
 * The draw recomputed in this browser from what was published, as anyone could: the eligible ids sorted and
 * deduplicated; the digest SHA-256 of the ids, each followed by a line feed; each id's ticket HMAC-SHA256(key = seed,
 * message = id) in lower-case hex; the lowest tickets win, ties by id.
 */
async function recompute(seed, eligible, count) {
  const ids = [...new Set(eligible)].sort();
  const digest = hex(await crypto.subtle.digest('SHA-256', utf8(ids.map(id => `${id}\n`).join(''))));
  const key = await crypto.subtle.importKey('raw', utf8(seed), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const tickets = await Promise.all(ids.map(async id => ({ id, ticket: hex(await crypto.subtle.sign('HMAC', key, utf8(id))) })));
  tickets.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.id < b.id ? -1 : 1));
  return { count: ids.length, digest, winners: tickets.slice(0, count).map(x => x.id) };
}

/** A month's reward draw: run it once (supervisor), show its published seed and winners, and check them. */
export class ComplaintDraw extends Screen {
  static properties = {
    month: { state: true },
    draw: { state: true },
    missing: { state: true },
    check: { state: true },
  };

  static styles = [shared, screenStyles, css`
    .seed { overflow-wrap: anywhere; }
    .check { margin: 0.8rem 0; padding: 0.6rem 0.9rem; border: 1px solid var(--line); border-left-width: 6px; }
    .check.ok { border-left-color: var(--ok); }
    .check.bad { border-left-color: var(--danger); }
  `];

  constructor() {
    super();
    this.month = lastMonth();
  }

  firstUpdated() {
    this.load();
  }

  load() {
    this.check = null;
    return this.run(async () => {
      try {
        this.draw = await this.api.get(`${DRAWS}/${this.month}`);
        this.missing = false;
      } catch (e) {
        if (e.status !== 404) throw e;
        this.draw = null; // not drawn yet: the form offers to run it
        this.missing = true;
      }
    });
  }

  show(event) {
    event.preventDefault();
    this.month = new FormData(event.target).get('month');
    this.load();
  }

  async runDraw(event) {
    event.preventDefault();
    const seed = new FormData(event.target).get('seed').trim();
    this.check = null;
    await this.run(async () => {
      this.draw = await this.api.post(`${DRAWS}/${this.month}`, seed ? { seed } : {});
      this.missing = false;
    }, () => t('draw.done', { month: this.month }), 'run');
  }

  async verify() {
    const draw = this.draw;
    await this.run(async () => {
      const eligible = [];
      for (let page = 0; ; page++) {
        const found = await this.api.get(`${DRAWS}/${draw.month}/eligible?page=${page}&size=${ELIGIBLE_PAGE}`);
        eligible.push(...found.items);
        if ((page + 1) * ELIGIBLE_PAGE >= found.total) break;
      }
      const again = await recompute(draw.seed, eligible, draw.winnerCount);
      const published = draw.winners.map(w => w.customerId);
      this.check = {
        eligible: again.count,
        digest: again.digest === draw.eligibleDigest,
        winners: again.winners.length === published.length && again.winners.every((id, i) => id === published[i]),
      };
    }, () => t(this.check.digest && this.check.winners ? 'draw.check.ok' : 'draw.check.bad'));
  }

  render() {
    // a refused run names the month (not over yet, nobody eligible): its field shows why
    return html`
      ${this.top(t('draw.title'), t('draw.lead'))}
      <form class="inline" @submit=${this.show}>
        ${this.field('run', 'month', t('draw.month'), a => html`<input name="month" type="month" required .value=${this.month}
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button ?disabled=${this.busy}>${t('draw.show')}</button>
      </form>
      ${this.missing ? this.#runForm() : nothing}
      ${this.draw ? this.#draw(this.draw) : nothing}`;
  }

  #runForm() {
    return html`<section class="detail run" aria-labelledby="run-title">
      <h2 id="run-title">${t('draw.none', { month: this.month })}</h2>
      <p>${t('draw.run.lead')}</p>
      <form class="inline run" @submit=${this.runDraw}>
        ${this.field('run', 'seed', t('draw.seed.optional'), a => html`<input name="seed" maxlength="128" size="40"
          pattern="[\\x21-\\x7e]+" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button class="primary" ?disabled=${this.busy}>${t('draw.run', { month: this.month })}</button>
      </form>
    </section>`;
  }

  #draw(d) {
    const c = this.check;
    return html`<section class="detail draw" aria-labelledby="draw-title">
      <h2 id="draw-title">${t('draw.of', { month: d.month })}</h2>
      <dl>
        <dt>${t('draw.seed')}</dt><dd><code class="seed">${d.seed}</code></dd>
        <dt>${t('draw.eligible')}</dt><dd>${formatNumber(d.eligibleCount)}</dd>
        <dt>${t('draw.digest')}</dt><dd><code class="seed digest">${d.eligibleDigest}</code></dd>
        <dt>${t('draw.prize')}</dt><dd>${money(d.amount, d.currency)}</dd>
        <dt>${t('draw.drawn')}</dt><dd>${d.drawnBy} <time datetime=${d.drawnAt}>${formatTime(d.drawnAt)}</time></dd>
      </dl>
      <p><button class="primary" ?disabled=${this.busy} @click=${this.verify}>${t('draw.verify')}</button></p>
      ${c ? html`<div class=${`check ${c.digest && c.winners ? 'ok' : 'bad'}`}>
        <p>${t('draw.check.eligible', { count: formatNumber(c.eligible) })}</p>
        <p class="check-digest">${t(c.digest ? 'draw.check.digest.ok' : 'draw.check.digest.bad')}</p>
        <p class="check-winners">${t(c.winners ? 'draw.check.winners.ok' : 'draw.check.winners.bad', { count: formatNumber(d.winners.length) })}</p>
      </div>` : nothing}
      ${tableRegion(t('draw.winners.caption', { count: formatNumber(d.winners.length) }), 'winners',
        [t('draw.rank'), t('complaint.customer')], d.winners.map(w => html`<tr><td>${formatNumber(w.rank)}</td><td>${w.customerId}</td></tr>`))}
    </section>`;
  }
}
customElements.define('complaint-draw', ComplaintDraw);
