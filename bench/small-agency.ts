// The small case of bench/availability.ts: one service point (1 room, Mon–Fri 09–15) and one agency with 10 experts
// (Mon–Fri 08–16) and one 30-minute service, added to the bench database beside the national data, with its own
// advisor and an agreement delegating booking; about half of the room's 30-minute slots booked, from 4 weeks ago to 8 weeks ahead, spread over the experts.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { hashPassword } from '../src/server/auth/password.js';
import { BENCH_PASSWORD } from './national-data.js';

export type SmallAgency = { servicePointId: string; agencyId: string; serviceId: string; advisorEmail: string; experts: number; bookings: number };

export async function createSmallAgency(pool: pg.Pool, experts = 10): Promise<SmallAgency> {
  const tag = randomBytes(4).toString('hex');
  const name = (s: string) => JSON.stringify({ fi: s, sv: s, en: s });
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const one = async (text: string, values: unknown[] = []) => (await c.query<{ id: string }>(text, values)).rows[0]!.id;
    const contractor = await one(`INSERT INTO organisations (kind, short_name, name) VALUES ('contractor', $1, $2) RETURNING id`, [name(`S-${tag}`), name(`Pieni ${tag}`)]);
    const agency = await one(`INSERT INTO organisations (kind, short_name, name) VALUES ('principal', $1, $2) RETURNING id`, [name(`A-${tag}`), name(`Virasto ${tag}`)]);
    const point = await one(
      `INSERT INTO service_points (organisation_id, name, street_address, postal_code, city, phone) VALUES ($1, $2, '{"fi":"Testikatu 1","sv":"Testgatan 1","en":"Testikatu 1"}', '00100', $3, '+358 9 123 4567') RETURNING id`,
      [contractor, name(`Piste ${tag}`), name('Helsinki')],
    );
    await c.query(`INSERT INTO opening_hours (service_point_id, weekday, opens, closes) SELECT $1, w, '09:00', '15:00' FROM generate_series(1, 5) w`, [point]);
    const room = await one(`INSERT INTO rooms (service_point_id, name) VALUES ($1, $2) RETURNING id`, [point, name('Huone')]);
    const service = await one(`INSERT INTO services (agency_id, name, duration_minutes, languages) VALUES ($1, $2, 30, '{fi,sv,en}') RETURNING id`, [agency, name('Palvelu')]);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const { rows: expertRows } = await c.query<{ id: string }>(
      `INSERT INTO users (organisation_id, email, name, password_hash) SELECT $1, 'expert-' || $2 || '-' || i || '@bench.example', 'Asiantuntija ' || i, $3
       FROM generate_series(1, $4::int) i RETURNING id`,
      [agency, tag, passwordHash, experts],
    );
    const expertIds = expertRows.map((r) => r.id);
    await c.query(`INSERT INTO role_assignments (user_id, role, organisation_id) SELECT unnest($1::uuid[]), 'expert', $2`, [expertIds, agency]);
    await c.query(`INSERT INTO working_hours (resource_kind, resource_id, weekday, starts, ends) SELECT 'expert', e, w, '08:00', '16:00' FROM unnest($1::uuid[]) e, generate_series(1, 5) w`, [
      expertIds,
    ]);
    // The agreement that delegates booking for the agency at the point (without it the point offers no time).
    const agreement = await one(`INSERT INTO agreements (contractor_id) VALUES ($1) RETURNING id`, [contractor]);
    await c.query(
      `INSERT INTO agreement_versions (agreement_id, version, effective_from, title, contractor_id, service_point_ids, payer_id, principals, signed_on, valid_from, hourly_rate_cents, caps)
       VALUES ($1, 1, '2000-01-01', $2, $3, ARRAY[$4::uuid], $3, $5, '2000-01-01', '2000-01-01', 4200, '{"communicationMaterialsCents":0,"premisesRentCents":0,"premisesWorksCents":0}')`,
      [agreement, `Sopimus ${tag}`, contractor, point, JSON.stringify([{ organisationId: agency, tasks: ['identity-verification', 'booking', 'document-reception'] }])],
    );
    const advisorEmail = `advisor-${tag}@bench.example`;
    const advisor = await one(`INSERT INTO users (organisation_id, email, name, password_hash) VALUES ($1, $2, 'Neuvoja Pieni', $3) RETURNING id`, [contractor, advisorEmail, passwordHash]);
    await c.query(`INSERT INTO role_assignments (user_id, role, organisation_id, service_point_id) VALUES ($1, 'advisor', $2, $3)`, [advisor, contractor, point]);
    // Every other slot of the room on weekdays; one room holds one booking at a time, so no expert is double-booked.
    const { rowCount } = await c.query(
      `INSERT INTO bookings (reference, service_point_id, room_id, agency_id, service_id, expert_id, starts_at, ends_at, status, channel, customer_name, language)
       SELECT 'S' || $7 || lpad(((d + 28) * 12 + s)::text, 5, '0'), $1, $2, $3, $4, ($5::uuid[])[1 + ((d + 28) * 7 + s) % $6], t.starts, t.starts + interval '30 minutes',
              (CASE WHEN t.starts >= now() THEN 'booked' ELSE 'completed' END)::booking_status, 'on-site', 'Asiakas', 'fi'
       FROM generate_series(-28, 56) d
       CROSS JOIN generate_series(0, 11) s
       CROSS JOIN LATERAL (SELECT ((current_date + d) + time '09:00' + s * interval '30 minutes') AT TIME ZONE 'Europe/Helsinki' AS starts) t
       WHERE extract(isodow FROM current_date + d) <= 5 AND (d + s) % 2 = 0`,
      [point, room, agency, service, expertIds, experts, tag],
    );
    await c.query('COMMIT');
    return { servicePointId: point, agencyId: agency, serviceId: service, advisorEmail, experts, bookings: rowCount ?? 0 };
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}
