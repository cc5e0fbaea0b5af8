CREATE TABLE "statistics_days" (
	"service_point_id" uuid NOT NULL,
	"day" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"fine" boolean NOT NULL,
	"service_id" uuid,
	"channel" "booking_channel",
	"language" text,
	"interpreting_language" text NOT NULL,
	"bookings" integer NOT NULL,
	"on_site" integer NOT NULL,
	"agency_phone" integer NOT NULL,
	"service_point_phone" integer NOT NULL,
	"online" integer NOT NULL,
	"cancellations" integer NOT NULL,
	"cancelled_by_agency" integer NOT NULL,
	"cancelled_by_service_point" integer NOT NULL,
	"cancelled_by_customer" integer NOT NULL,
	"cancelled_by_system" integer NOT NULL,
	"cancelled_by_other" integer NOT NULL,
	"no_shows" integer NOT NULL,
	"walk_ins" integer NOT NULL,
	"meetings" integer NOT NULL,
	"interpreted" integer NOT NULL,
	"booked_minutes" double precision NOT NULL,
	"hours" integer NOT NULL,
	"m0" double precision DEFAULT 0 NOT NULL,
	"m1" double precision DEFAULT 0 NOT NULL,
	"m2" double precision DEFAULT 0 NOT NULL,
	"m3" double precision DEFAULT 0 NOT NULL,
	"m4" double precision DEFAULT 0 NOT NULL,
	"m5" double precision DEFAULT 0 NOT NULL,
	"m6" double precision DEFAULT 0 NOT NULL,
	"m7" double precision DEFAULT 0 NOT NULL,
	"m8" double precision DEFAULT 0 NOT NULL,
	"m9" double precision DEFAULT 0 NOT NULL,
	"m10" double precision DEFAULT 0 NOT NULL,
	"m11" double precision DEFAULT 0 NOT NULL,
	"m12" double precision DEFAULT 0 NOT NULL,
	"m13" double precision DEFAULT 0 NOT NULL,
	"m14" double precision DEFAULT 0 NOT NULL,
	"m15" double precision DEFAULT 0 NOT NULL,
	"m16" double precision DEFAULT 0 NOT NULL,
	"m17" double precision DEFAULT 0 NOT NULL,
	"m18" double precision DEFAULT 0 NOT NULL,
	"m19" double precision DEFAULT 0 NOT NULL,
	"m20" double precision DEFAULT 0 NOT NULL,
	"m21" double precision DEFAULT 0 NOT NULL,
	"m22" double precision DEFAULT 0 NOT NULL,
	"m23" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_days_cell_key" UNIQUE NULLS NOT DISTINCT("service_point_id","day","agency_id","fine","service_id","channel","language","interpreting_language")
);
--> statement-breakpoint
CREATE TABLE "statistics_dirty_days" (
	"day" date NOT NULL,
	"service_point_id" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_rollup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"through" date,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "statistics_days_day_idx" ON "statistics_days" USING btree ("day","fine");--> statement-breakpoint
CREATE INDEX "statistics_dirty_days_idx" ON "statistics_dirty_days" USING btree ("day","service_point_id");--> statement-breakpoint
CREATE INDEX "bookings_starts_idx" ON "bookings" USING btree ("starts_at");--> statement-breakpoint
INSERT INTO "statistics_rollup_state" ("id", "through") VALUES (1, NULL);--> statement-breakpoint
-- A changed booking marks its Helsinki day at its point (old and new) as dirty, in the writing transaction, so the
-- statistics count that day live until the refresh has counted it again. Only days up to today: later days are
-- always counted live. Append-only: writers never wait on each other here (docs/statistics.md).
CREATE FUNCTION statistics_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Europe/Helsinki')::date;
  d date;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    d := (OLD.starts_at AT TIME ZONE 'Europe/Helsinki')::date;
    IF d <= today THEN
      INSERT INTO statistics_dirty_days (day, service_point_id) VALUES (d, OLD.service_point_id);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    d := (NEW.starts_at AT TIME ZONE 'Europe/Helsinki')::date;
    IF d <= today AND (TG_OP = 'INSERT' OR d <> (OLD.starts_at AT TIME ZONE 'Europe/Helsinki')::date OR NEW.service_point_id <> OLD.service_point_id) THEN
      INSERT INTO statistics_dirty_days (day, service_point_id) VALUES (d, NEW.service_point_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER bookings_statistics_dirty_insert_delete AFTER INSERT OR DELETE ON bookings
  FOR EACH ROW EXECUTE FUNCTION statistics_mark_dirty();--> statement-breakpoint
CREATE TRIGGER bookings_statistics_dirty_update AFTER UPDATE ON bookings
  FOR EACH ROW WHEN (
    OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.service_point_id IS DISTINCT FROM NEW.service_point_id OR OLD.agency_id IS DISTINCT FROM NEW.agency_id
    OR OLD.service_id IS DISTINCT FROM NEW.service_id OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.language IS DISTINCT FROM NEW.language
    OR OLD.interpreting_language IS DISTINCT FROM NEW.interpreting_language OR OLD.walk_in IS DISTINCT FROM NEW.walk_in
    OR OLD.cancel_reason IS DISTINCT FROM NEW.cancel_reason
  ) EXECUTE FUNCTION statistics_mark_dirty();
