/** Reusable pieces for the expert's screens (the booking view, the meeting screen). */
export { IdentityCheckPanel } from './IdentityCheckPanel';
export { IncidentReportButton } from './IncidentReportButton';
