import { html, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { ListScreen, pager, screenStyles, statusFilter, tableRegion } from '../screen.js';
import { careStyles, BENEFICIARIES } from './care-common.js';

const STATUSES = ['PROPOSED', 'CONSENTED', 'IN_CARE', 'REFUSED', 'ENDED'];
const PAGE_SIZE = 20;
const MATCHES_SIZE = 10;

/**
 * A coordinator's beneficiaries: those proposed after payment, their consent, the volunteers ranked for them with the
 * reasons, the assignment (the API enforces safeguarding and says why it refuses), and the care plan.
 */
export class CareBeneficiaries extends ListScreen {
  static properties = {
    selected: { state: true },
    matches: { state: true },
    matchesPage: { state: true },
    plan: { state: true },
  };

  static styles = [shared, screenStyles, careStyles];

  listPath() {
    return `${BENEFICIARIES}?${this.pageQuery(PAGE_SIZE)}`;
  }

  async open(person) {
    await this.run(() => this.#refresh(person.id));
    this.focus('#person-title');
  }

  /** The selected person again, with what their status allows: matches once consented, the plan once in care. */
  async #refresh(id) {
    const person = await this.api.get(`${BENEFICIARIES}/${id}`);
    if (this.selected?.id !== id) this.matchesPage = 0;
    this.selected = person;
    this.matches = ['CONSENTED', 'IN_CARE'].includes(person.status)
      ? await this.api.get(`${BENEFICIARIES}/${id}/matches?page=${this.matchesPage}&size=${MATCHES_SIZE}`) : null;
    this.plan = person.status === 'IN_CARE' ? await this.#plan(id) : null;
  }

  async #plan(id) {
    try {
      return await this.api.get(`${BENEFICIARIES}/${id}/plan`);
    } catch (e) {
      if (e.status === 404) return null; // no plan yet: the form offers one
      throw e;
    }
  }

  /** A change to the selected person, then the person and the list again. */
  #act(call, done) {
    return this.run(async () => {
      await call();
      await this.#refresh(this.selected.id);
      await this.fetchList();
    }, done);
  }

  consent(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { decision: form.get('decision'), givenBy: form.get('givenBy') };
    if (form.get('guardianName')) body.guardianName = form.get('guardianName');
    this.#act(() => this.api.post(`${BENEFICIARIES}/${this.selected.id}/consent`, body),
      t('care.consent.done', { name: this.selected.fullName }));
  }

  assign(match) {
    const body = { volunteerId: match.volunteerId };
    const safeguarding = this.renderRoot.querySelector('#safeguarding')?.value;
    if (safeguarding) body.safeguarding = safeguarding;
    this.#act(() => this.api.post(`${BENEFICIARIES}/${this.selected.id}/assignments`, body),
      t('care.assign.done', { volunteer: match.fullName, name: this.selected.fullName }));
  }

  setPlan(event) {
    event.preventDefault();
    const cadenceDays = Number(new FormData(event.target).get('cadenceDays'));
    this.#act(() => this.api.put(`${BENEFICIARIES}/${this.selected.id}/plan`, { cadenceDays }),
      t('care.plan.done', { days: formatNumber(cadenceDays) }));
  }

  turnMatches(delta) {
    this.matchesPage += delta;
    this.run(() => this.#refresh(this.selected.id));
  }

  render() {
    const filter = statusFilter(t('care.filter.status'), STATUSES, this.status, s => `care.status.${s}`, v => this.filter(v));
    return html`
      ${this.top(t('care.beneficiaries.title'), t('care.beneficiaries.lead'), () => this.load(), filter)}
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.selected ? this.#person(this.selected) : nothing}`;
  }

  #table() {
    const { items, total } = this.view;
    if (total === 0) return html`<p class="empty">${t('care.beneficiaries.empty')}</p>`;
    const head = [t('care.col.name'), t('care.col.region'), t('care.col.language'), t('care.col.status'),
      t('care.col.paid'), t('care.col.proposed'), t('parked.col.actions')];
    return html`
      ${tableRegion(t('care.beneficiaries.caption'), 'people', head, items.map(b => html`
          <tr data-id=${b.id} aria-current=${this.selected?.id === b.id ? 'true' : 'false'}>
            <th scope="row">${b.fullName ?? t('care.pseudonymised')}${b.minor ? html` <span class="tag">${t('care.minor')}</span>` : nothing}</th>
            <td>${b.region}</td>
            <td>${b.language}</td>
            <td>${t(`care.status.${b.status}`)}</td>
            <td><time datetime=${b.paidAt}>${formatTime(b.paidAt)}</time></td>
            <td><time datetime=${b.proposedAt}>${formatTime(b.proposedAt)}</time></td>
            <td><button @click=${() => this.open(b)} ?disabled=${this.busy}
              aria-label=${t('care.open.label', { name: b.fullName ?? '' })}>${t('care.open')}</button></td>
          </tr>`))}
      ${pager(this.view, d => this.turn(d), this.busy)}`;
  }

  #person(b) {
    return html`<section class="detail" aria-labelledby="person-title">
      <h2 id="person-title" tabindex="-1">${b.fullName ?? t('care.pseudonymised')}</h2>
      <dl>
        <dt>${t('care.col.status')}</dt><dd class="person-status">${t(`care.status.${b.status}`)}</dd>
        <dt>${t('care.col.region')}</dt><dd>${b.region} · ${b.language}</dd>
        ${b.minor ? html`<dt>${t('care.consent.guardian')}</dt><dd>${b.guardianName ?? '—'}</dd>` : nothing}
        ${b.consentDecision ? html`<dt>${t('care.consent')}</dt>
          <dd>${t(`care.consent.${b.consentDecision}`)} · ${t(`care.givenBy.${b.consentGivenBy}`)}</dd>` : nothing}
        ${b.safeguarding ? html`<dt>${t('care.safeguarding')}</dt><dd>${t(`care.safeguarding.${b.safeguarding}`)}</dd>` : nothing}
        ${b.careStartedAt ? html`<dt>${t('care.started')}</dt>
          <dd><time datetime=${b.careStartedAt}>${formatTime(b.careStartedAt)}</time></dd>` : nothing}
      </dl>
      ${b.status === 'PROPOSED' ? this.#consentForm(b) : nothing}
      ${this.matches ? this.#matches(b) : nothing}
      ${b.status === 'IN_CARE' ? this.#planSection() : nothing}
    </section>`;
  }

  #consentForm(b) {
    return html`<form class="inline" @submit=${this.consent} aria-labelledby="consent-title">
      <h3 id="consent-title">${t('care.consent.title')}</h3>
      <label>${t('care.consent')}
        <select name="decision">${['GIVEN', 'REFUSED'].map(d => html`<option value=${d}>${t(`care.consent.${d}`)}</option>`)}</select></label>
      <label>${t('care.consent.givenBy')}
        <select name="givenBy">${['BENEFICIARY', 'GUARDIAN'].map(g => html`<option value=${g}
          ?selected=${b.minor === (g === 'GUARDIAN')}>${t(`care.givenBy.${g}`)}</option>`)}</select></label>
      <label>${t('care.consent.guardian')} <input name="guardianName" maxlength="200" .value=${b.guardianName ?? ''}></label>
      <button class="primary" ?disabled=${this.busy}>${t('care.consent.record')}</button>
    </form>`;
  }

  #matches(b) {
    const head = [t('care.col.volunteer'), t('care.col.score'), t('care.col.reasons'), t('care.col.load'), t('parked.col.actions')];
    return html`
      <h3>${t('care.matches.title')}</h3>
      ${b.minor && b.status === 'CONSENTED' ? html`<p><label>${t('care.safeguarding')}
        <select id="safeguarding">
          <option value="">${t('care.safeguarding.none')}</option>
          ${['TWO_VOLUNTEERS', 'GUARDIAN_PRESENT'].map(s => html`<option value=${s}>${t(`care.safeguarding.${s}`)}</option>`)}
        </select></label></p>` : nothing}
      ${tableRegion(t('care.matches.caption', { name: b.fullName }), 'matches', head, this.matches.items.map(m => html`
          <tr data-volunteer=${m.volunteerId} class=${m.blockedReason ? 'blocked' : ''}>
            <th scope="row">${m.fullName}<span class="sub">${m.region}</span></th>
            <td>${formatNumber(m.score)}</td>
            <td><ul class="reasons">${m.reasons.map(r => html`<li>${r}</li>`)}</ul>
              ${m.blockedReason ? html`<p class="blocked-reason">${t('care.blocked', { reason: m.blockedReason })}</p>` : nothing}</td>
            <td>${t('care.load', { load: formatNumber(m.caresFor), capacity: formatNumber(m.capacity) })}</td>
            <td><button class="primary" ?disabled=${this.busy} @click=${() => this.assign(m)}
              aria-label=${t('care.assign.label', { volunteer: m.fullName })}>${t('care.assign')}</button></td>
          </tr>`))}
      ${pager(this.matches, d => this.turnMatches(d), this.busy, t('care.matches.pages'))}`;
  }

  #planSection() {
    const p = this.plan;
    return html`
      <h3>${t('care.plan.title')}</h3>
      ${p ? html`<p class="plan">${t('care.plan.cadence', { days: formatNumber(p.cadenceDays) })} ·
          ${t('care.plan.next')} <time datetime=${p.nextDueAt}>${formatTime(p.nextDueAt)}</time>
          ${new Date(p.nextDueAt) < new Date() ? html`<strong class="overdue">${t('care.plan.overdue')}</strong>` : nothing}</p>`
        : html`<p>${t('care.plan.none')}</p>`}
      <form class="inline" @submit=${this.setPlan}>
        <label>${t('care.plan.days')} <input name="cadenceDays" type="number" min="1" max="92" required
          .value=${String(p?.cadenceDays ?? 7)}></label>
        <button ?disabled=${this.busy}>${t('care.plan.set')}</button>
      </form>`;
  }
}
customElements.define('care-beneficiaries', CareBeneficiaries);
