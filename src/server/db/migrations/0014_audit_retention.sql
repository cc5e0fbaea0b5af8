CREATE TABLE "audit_chain_anchors" (
	"through_seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"removed" integer NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Retention (AUDIT_RETENTION_YEARS): the oldest sealed rows may be removed, but only as a prefix of the chain and only
-- behind an anchor recorded first (the last removed row's seal_seq and hash). Verification starts from the newest
-- anchor, so the kept chain still proves itself; a row removed anywhere else still breaks it.
CREATE OR REPLACE FUNCTION audit_chain_anchors_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_anchors is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_chain_anchors_no_change BEFORE UPDATE OR DELETE ON audit_chain_anchors FOR EACH ROW EXECUTE FUNCTION audit_chain_anchors_append_only();--> statement-breakpoint
-- An anchor must name a sealed row by its real hash, and move forward.
CREATE OR REPLACE FUNCTION audit_chain_anchors_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_events WHERE seal_seq = NEW.through_seq AND hash = NEW.hash)
     OR NEW.through_seq <= coalesce((SELECT max(through_seq) FROM audit_chain_anchors), 0) THEN
    RAISE EXCEPTION 'an audit chain anchor must name a sealed row after the previous anchor' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_chain_anchors_check BEFORE INSERT ON audit_chain_anchors FOR EACH ROW EXECUTE FUNCTION audit_chain_anchors_check();--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seal_seq IS NULL AND NEW.seal_seq IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_type, NEW.actor_id, NEW.action, NEW.outcome, NEW.target_type, NEW.target_id, NEW.organisation_id, NEW.ip, NEW.details)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor_type, OLD.actor_id, OLD.action, OLD.outcome, OLD.target_type, OLD.target_id, OLD.organisation_id, OLD.ip, OLD.details) THEN
    RETURN NEW;
  END IF;
  -- Retention: a sealed row at or before the newest anchor may go.
  IF TG_OP = 'DELETE' AND OLD.seal_seq IS NOT NULL AND OLD.seal_seq <= (SELECT max(through_seq) FROM audit_chain_anchors) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
-- The sealer continues after the last sealed row, or after the newest anchor when every sealed row was removed.
CREATE OR REPLACE FUNCTION audit_events_seal(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  previous text;
  seq bigint;
  sealed text;
  r record;
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7277001) THEN
    RETURN 0;
  END IF;
  SELECT hash, seal_seq INTO previous, seq FROM audit_events WHERE seal_seq IS NOT NULL ORDER BY seal_seq DESC LIMIT 1;
  IF seq IS NULL THEN
    SELECT hash, through_seq INTO previous, seq FROM audit_chain_anchors ORDER BY through_seq DESC LIMIT 1;
  END IF;
  seq := coalesce(seq, 0);
  FOR r IN SELECT * FROM audit_events WHERE seal_seq IS NULL ORDER BY id LIMIT max_rows LOOP
    seq := seq + 1;
    sealed := encode(sha256(convert_to(audit_event_payload(r.id, r.at, r.actor_type, r.actor_id, r.action, r.outcome,
      r.target_type, r.target_id, r.organisation_id, r.details, previous), 'UTF8')), 'hex');
    UPDATE audit_events SET seal_seq = seq, prev_hash = previous, hash = sealed WHERE id = r.id;
    previous := sealed;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
