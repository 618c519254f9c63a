import { css } from 'lit';

export const BENEFICIARIES = '/api/v1/care/beneficiaries';
export const GROUPS = '/api/v1/care/group-activities';

/** What only the claim-care screens show: the matching's reasons, blocked volunteers, overdue visits (with screenStyles). */
export const careStyles = css`
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
