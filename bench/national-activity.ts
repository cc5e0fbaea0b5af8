// What happened around the national data set's bookings (bench/national-data.ts), for the statistics bench: every
// held booking (status completed) gets its check-in event and an ended meeting (admitted and ended times, an outcome),
// and some of them a customer's feedback, a call for help, an identity check or an incident; every cancelled booking
// gets its cancelling event (the agency's booker, or the system). Generated in SQL from a hash of the booking's
// reference (deterministic: the same data set gives the same activity), once per data set (skipped when meetings exist).
//
// Shares, of held bookings: check-in 0–15 min before the start, admitted 0–6 min after it (so waits of 0–21 min),
// meetings of 8–29 min; outcomes 88 % completed, 4 % customer left, 4 % technical failure, 4 % referred elsewhere;
// feedback 35 % (scores 1: 5 %, 2: 5 %, 3: 10 %, 4: 25 %, 5: 55 %); a call 8 % (acknowledged after 5–179 s,
// escalated when later than 120 s); an identity check 5 % (90 % verified); an incident 1 %.
import pg from 'pg';

const TZ = `'Europe/Helsinki'`;
/** One booking's hash and times: `b` a booking, `h` its hash, `t` the check-in, admission and end. */
const held = `FROM bookings b
  CROSS JOIN LATERAL (SELECT abs(hashtext(b.reference))::bigint AS h) h
  CROSS JOIN LATERAL (SELECT b.starts_at - (h.h % 900) * interval '1 second' AS checked_in,
    b.starts_at + ((h.h / 1000) % 360) * interval '1 second' AS admitted) t0
  CROSS JOIN LATERAL (SELECT t0.admitted + (480 + (h.h / 1000000) % 1260) * interval '1 second' AS ended) t1
  WHERE b.status = 'completed'`;

export type ActivityFigures = { ms: number; meetings: number; feedback: number; calls: number; identityChecks: number; incidents: number; events: number };

/** Adds the activity to a data set that has none yet; null when it had some. */
export async function ensureActivity(url: string): Promise<ActivityFigures | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rowCount } = await c.query(`SELECT 1 FROM meetings LIMIT 1`);
    if (rowCount) return null;
    const t0 = performance.now();
    await c.query(`SET synchronous_commit = off`);
    // Every id comes from the bookings just read: the foreign-key triggers (and the statistics' dirty-day trigger,
    // which these tables do not have anyway) are skipped, as in the bookings' generation.
    await c.query(`SET session_replication_role = replica`);
    await c.query('BEGIN');
    const events = await c.query(`INSERT INTO booking_events (booking_id, at, actor_id, kind, from_status, to_status)
      SELECT b.id, t0.checked_in, NULL, 'status', 'booked', 'checked-in' ${held}`);
    const cancelled = await c.query(`INSERT INTO booking_events (booking_id, at, actor_id, kind, from_status, to_status)
      SELECT b.id, b.created_at + interval '1 day', CASE WHEN abs(hashtext(b.reference)) % 3 < 2 THEN bk.user_id END, 'status', 'booked', 'cancelled'
      FROM bookings b LEFT JOIN LATERAL (SELECT ra.user_id FROM role_assignments ra WHERE ra.role = 'agency-booker' AND ra.organisation_id = b.agency_id LIMIT 1) bk ON true
      WHERE b.status = 'cancelled'`);
    const meetings = await c.query(`INSERT INTO meetings (booking_id, agency_id, service_point_id, room_id, status, opened_by, opened_at, admitted_at, ended_by, ended_at, outcome, feedback_given)
      SELECT b.id, b.agency_id, b.service_point_id, b.room_id, 'ended', b.expert_id, b.starts_at - interval '2 minutes', t0.admitted, b.expert_id, t1.ended,
        (CASE WHEN (h.h / 7) % 100 < 88 THEN 'completed' WHEN (h.h / 7) % 100 < 92 THEN 'customer-left' WHEN (h.h / 7) % 100 < 96 THEN 'technical-failure' ELSE 'referred-elsewhere' END)::meeting_outcome,
        (h.h / 13) % 100 < 35
      ${held}`);
    const feedback = await c.query(`INSERT INTO meeting_feedback (agency_id, service_point_id, given_on, score)
      SELECT b.agency_id, b.service_point_id, (t1.ended AT TIME ZONE ${TZ})::date,
        CASE WHEN (h.h / 17) % 100 < 5 THEN 1 WHEN (h.h / 17) % 100 < 10 THEN 2 WHEN (h.h / 17) % 100 < 20 THEN 3 WHEN (h.h / 17) % 100 < 45 THEN 4 ELSE 5 END
      ${held} AND (h.h / 13) % 100 < 35`);
    const calls = await c.query(`INSERT INTO calls (room_id, service_point_id, source, status, created_at, last_press_at, last_alert_at, escalated_at, acknowledged_by, acknowledged_at, closed_by, closed_at)
      SELECT b.room_id, b.service_point_id, 'terminal', 'closed', t0.admitted + interval '1 minute', t0.admitted + interval '1 minute', t0.admitted + interval '1 minute',
        CASE WHEN 5 + (h.h / 23) % 175 > 120 THEN t0.admitted + interval '3 minutes' END,
        b.expert_id, t0.admitted + interval '1 minute' + (5 + (h.h / 23) % 175) * interval '1 second', b.expert_id, t0.admitted + interval '5 minutes'
      ${held} AND (h.h / 19) % 100 < 8`);
    const checks = await c.query(`INSERT INTO identity_checks (booking_id, service_point_id, room_id, agency_id, requested_by, requested_at, status, last_alert_at,
        acknowledged_by, acknowledged_at, completed_by, completed_at, verified, document_type, photo_matched)
      SELECT b.id, b.service_point_id, b.room_id, b.agency_id, b.expert_id, t0.admitted + interval '2 minutes', 'completed', t0.admitted + interval '2 minutes',
        b.expert_id, t0.admitted + interval '3 minutes', b.expert_id, t0.admitted + interval '4 minutes', (h.h / 31) % 10 <> 0, 'identity-card', true
      ${held} AND (h.h / 29) % 100 < 5`);
    const incidents = await c.query(`INSERT INTO incidents (service_point_id, room_id, booking_id, agency_id, category, status, reported_by, reported_at, resolved_by, resolved_at)
      SELECT b.service_point_id, b.room_id, b.id, b.agency_id, (enum_range(NULL::incident_category))[1 + (h.h / 41) % 6], 'resolved', b.expert_id, t0.admitted + interval '5 minutes',
        b.expert_id, t0.admitted + interval '20 minutes'
      ${held} AND (h.h / 37) % 100 < 1`);
    // Who cancelled is part of the rollup's cells: a rollup counted before these events is counted again.
    await c.query(`DELETE FROM statistics_days`);
    await c.query(`UPDATE statistics_rollup_state SET through = NULL`);
    await c.query('COMMIT');
    for (const t of ['booking_events', 'meetings', 'meeting_feedback', 'calls', 'identity_checks', 'incidents']) await c.query(`VACUUM ANALYZE ${t}`);
    return {
      ms: Math.round(performance.now() - t0),
      meetings: meetings.rowCount ?? 0,
      feedback: feedback.rowCount ?? 0,
      calls: calls.rowCount ?? 0,
      identityChecks: checks.rowCount ?? 0,
      incidents: incidents.rowCount ?? 0,
      events: (events.rowCount ?? 0) + (cancelled.rowCount ?? 0),
    };
  } finally {
    await c.end();
  }
}
