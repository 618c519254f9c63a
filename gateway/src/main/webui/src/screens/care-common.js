import { css } from 'lit';

export const BENEFICIARIES = '/api/v1/care/beneficiaries';
export const GROUPS = '/api/v1/care/group-activities';

/** What the claim-care screens share: a tool bar, a detail panel, inline forms and tags. */
export const careStyles = css`
  .bar { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.6rem 0; }
  .bar .grow { flex: 1; }
  .scroll { overflow-x: auto; }
  label { font-size: 0.9rem; }
  select, input, textarea { font: inherit; margin-left: 0.3rem; padding: 0.2rem 0.3rem; }
  :is(input, textarea):focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
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
  ul.reasons { margin: 0; padding-left: 1.1rem; }
  tr.blocked { color: var(--muted); }
  .blocked-reason, .overdue { color: var(--danger); margin: 0.2rem 0 0; }
  .overdue { margin-left: 0.5rem; }
`;

/** A `datetime-local` value (the staff member's own timezone) as an instant. */
export const instantOf = local => new Date(local).toISOString();

/** Now, as a `datetime-local` value in the staff member's own timezone. */
export function localNow() {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
