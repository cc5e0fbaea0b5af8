-- Audit sealing: the hash chain leaves the hot path. Writers append rows unsealed (no global lock); one sealer at a
-- time (any app instance, audit_events_seal below) gives them their place in the chain moments later: seal_seq in
-- the order they became visible, prev_hash and hash as before. Rows are never changed otherwise, and never deleted.
ALTER TABLE "audit_events" ADD COLUMN "seal_seq" bigint;--> statement-breakpoint
-- Append-only, except for sealing: an unsealed row may get its seal once, its content unchanged.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seal_seq IS NULL AND NEW.seal_seq IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_type, NEW.actor_id, NEW.action, NEW.outcome, NEW.target_type, NEW.target_id, NEW.organisation_id, NEW.ip, NEW.details)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor_type, OLD.actor_id, OLD.action, OLD.outcome, OLD.target_type, OLD.target_id, OLD.organisation_id, OLD.ip, OLD.details) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
-- The rows written so far are sealed already, chained in id order: number them so.
UPDATE audit_events a SET seal_seq = n.seq
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_events) n
  WHERE a.id = n.id;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seal_seq_idx" ON "audit_events" USING btree ("seal_seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed_idx" ON "audit_events" USING btree ("id") WHERE seal_seq IS NULL;--> statement-breakpoint
-- Inserting no longer hashes under a lock; a writer cannot bring its own seal either.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.seal_seq := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END $$;--> statement-breakpoint
-- Seals up to max_rows of the committed unsealed rows, lowest id first, after the last sealed row; returns how many.
-- One sealer at a time: another caller returns 0 at once instead of waiting (the one sealing takes its rows too).
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
