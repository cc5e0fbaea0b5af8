import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { accessibilityRoutes } from './accessibility/routes.js';
import { agreementRoutes } from './agreements/routes.js';
import { assistanceRoutes } from './assistance/routes.js';
import { auditRoutes } from './audit/routes.js';
import { bookingRoutes } from './bookings/routes.js';
import { directoryRoutes } from './directory/routes.js';
import { identityProviderRoutes } from './identity-providers/routes.js';
import { meetingRoutes } from './meetings/routes.js';
import { documentRoutes } from './documents/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { publicBookingRoutes } from './public-booking/routes.js';
import { privacyRoutes } from './privacy/routes.js';
import { schedulingRoutes } from './scheduling/routes.js';
import { statisticsRoutes } from './statistics/routes.js';
import { terminalRoutes } from './terminals/routes.js';
import { costClaimRoutes } from './time-reports/claims-routes.js';
import { reportRoutes } from './time-reports/report-routes.js';
import { timeReportRoutes } from './time-reports/routes.js';
import { userRoutes } from './users/routes.js';

/** Every domain module's routes; a new domain adds one line here. */
export const modules: Array<(app: FastifyInstance, ctx: AppContext) => void> = [
  auditRoutes,
  directoryRoutes,
  terminalRoutes,
  userRoutes,
  identityProviderRoutes,
  schedulingRoutes,
  bookingRoutes,
  publicBookingRoutes,
  notificationRoutes,
  assistanceRoutes,
  meetingRoutes,
  documentRoutes,
  agreementRoutes,
  timeReportRoutes,
  costClaimRoutes,
  reportRoutes,
  accessibilityRoutes,
  statisticsRoutes,
  privacyRoutes,
];
