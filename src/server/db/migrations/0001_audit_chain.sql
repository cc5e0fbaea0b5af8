-- Audit log integrity: a hash chain computed in the database, and no UPDATE or DELETE from the application.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  -- Serialise writers so the chain has one order; the id is taken under the lock so id order = chain order.
  PERFORM pg_advisory_xact_lock(7277001);
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  SELECT hash INTO previous FROM audit_events ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := previous;
  NEW.hash := encode(sha256(convert_to(audit_event_payload(NEW.id, NEW.at, NEW.actor_type, NEW.actor_id, NEW.action,
    NEW.outcome, NEW.target_type, NEW.target_id, NEW.organisation_id, NEW.details, previous), 'UTF8')), 'hex');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_payload(id bigint, at timestamptz, actor_type text, actor_id text, action text,
  outcome text, target_type text, target_id text, organisation_id uuid, details jsonb, prev_hash text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', coalesce(prev_hash, ''), id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    actor_type, coalesce(actor_id, ''), action, outcome, coalesce(target_type, ''), coalesce(target_id, ''),
    coalesce(organisation_id::text, ''), details::text)
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
