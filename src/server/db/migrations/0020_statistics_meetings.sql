ALTER TABLE "statistics_days" ADD COLUMN "completed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "customer_left" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "technical_failure" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "referred_elsewhere" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "identity_verified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "identity_not_verified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "identity_cancelled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "waits" double precision[] DEFAULT '{}'::double precision[] NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_days" ADD COLUMN "durations" double precision[] DEFAULT '{}'::double precision[] NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "completed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "customer_left" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "technical_failure" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "referred_elsewhere" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "identity_verified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "identity_not_verified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "identity_cancelled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "waits" double precision[] DEFAULT '{}'::double precision[] NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_months" ADD COLUMN "durations" double precision[] DEFAULT '{}'::double precision[] NOT NULL;--> statement-breakpoint
-- The meetings' measures and the identity checks' results are part of the cells (docs/statistics.md): a change of a meeting (opened, admitted, ended,
-- its outcome) or of a booking's check-in event marks its booking's Helsinki day and point dirty, in the writing
-- transaction, as the trigger on `bookings` does (append-only; days up to today).
CREATE FUNCTION statistics_mark_booking_dirty(booking uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO statistics_dirty_days (day, service_point_id)
  SELECT (b.starts_at AT TIME ZONE 'Europe/Helsinki')::date, b.service_point_id FROM bookings b
  WHERE b.id = booking AND (b.starts_at AT TIME ZONE 'Europe/Helsinki')::date <= (now() AT TIME ZONE 'Europe/Helsinki')::date
$$;--> statement-breakpoint
CREATE FUNCTION statistics_mark_meeting_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM statistics_mark_booking_dirty(OLD.booking_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.booking_id IS DISTINCT FROM OLD.booking_id) THEN
    PERFORM statistics_mark_booking_dirty(NEW.booking_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER meetings_statistics_dirty_insert_delete AFTER INSERT OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION statistics_mark_meeting_dirty();--> statement-breakpoint
CREATE TRIGGER meetings_statistics_dirty_update AFTER UPDATE ON meetings
  FOR EACH ROW WHEN (
    OLD.booking_id IS DISTINCT FROM NEW.booking_id OR OLD.admitted_at IS DISTINCT FROM NEW.admitted_at
    OR OLD.ended_at IS DISTINCT FROM NEW.ended_at OR OLD.outcome IS DISTINCT FROM NEW.outcome
  ) EXECUTE FUNCTION statistics_mark_meeting_dirty();--> statement-breakpoint
-- A check-in event (its time is the wait's start): inserted, deleted, or changed from or to a check-in.
CREATE FUNCTION statistics_mark_check_in_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.to_status = 'checked-in' THEN
    PERFORM statistics_mark_booking_dirty(OLD.booking_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.to_status = 'checked-in'
    AND (TG_OP = 'INSERT' OR OLD.to_status IS DISTINCT FROM NEW.to_status OR OLD.at IS DISTINCT FROM NEW.at OR OLD.booking_id IS DISTINCT FROM NEW.booking_id) THEN
    PERFORM statistics_mark_booking_dirty(NEW.booking_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER booking_events_statistics_dirty_insert AFTER INSERT ON booking_events
  FOR EACH ROW WHEN (NEW.to_status = 'checked-in') EXECUTE FUNCTION statistics_mark_check_in_dirty();--> statement-breakpoint
CREATE TRIGGER booking_events_statistics_dirty_delete AFTER DELETE ON booking_events
  FOR EACH ROW WHEN (OLD.to_status = 'checked-in') EXECUTE FUNCTION statistics_mark_check_in_dirty();--> statement-breakpoint
CREATE TRIGGER booking_events_statistics_dirty_update AFTER UPDATE ON booking_events
  FOR EACH ROW WHEN (
    (OLD.to_status = 'checked-in' OR NEW.to_status = 'checked-in')
    AND (OLD.to_status IS DISTINCT FROM NEW.to_status OR OLD.at IS DISTINCT FROM NEW.at OR OLD.booking_id IS DISTINCT FROM NEW.booking_id)
  ) EXECUTE FUNCTION statistics_mark_check_in_dirty();--> statement-breakpoint
-- An identity check (its result counts with its booking): inserted, deleted, or its result or booking changed.
CREATE FUNCTION statistics_mark_identity_check_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM statistics_mark_booking_dirty(OLD.booking_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.booking_id IS DISTINCT FROM OLD.booking_id) THEN
    PERFORM statistics_mark_booking_dirty(NEW.booking_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER identity_checks_statistics_dirty_insert_delete AFTER INSERT OR DELETE ON identity_checks
  FOR EACH ROW EXECUTE FUNCTION statistics_mark_identity_check_dirty();--> statement-breakpoint
CREATE TRIGGER identity_checks_statistics_dirty_update AFTER UPDATE ON identity_checks
  FOR EACH ROW WHEN (
    OLD.booking_id IS DISTINCT FROM NEW.booking_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.verified IS DISTINCT FROM NEW.verified
  ) EXECUTE FUNCTION statistics_mark_identity_check_dirty();--> statement-breakpoint
-- The month layer concatenates its days' values.
CREATE AGGREGATE statistics_concat(double precision[]) (SFUNC = array_cat, STYPE = double precision[], INITCOND = '{}');--> statement-breakpoint
-- The cells gain columns: the rollup starts over (until the refresh catches up, every day is counted live, exactly).
DELETE FROM "statistics_days";--> statement-breakpoint
DELETE FROM "statistics_months";--> statement-breakpoint
UPDATE "statistics_rollup_state" SET "through" = NULL;
