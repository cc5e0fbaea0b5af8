-- The database makes double-booking impossible: no two non-cancelled bookings overlap in time for the same room,
-- expert or interpreter. Ranges are half-open, so a meeting may start the minute the previous one ends.
ALTER TABLE bookings ADD CONSTRAINT bookings_time_order CHECK (ends_at > starts_at);
--> statement-breakpoint
ALTER TABLE bookings ADD CONSTRAINT bookings_room_no_overlap
  EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled');
--> statement-breakpoint
ALTER TABLE bookings ADD CONSTRAINT bookings_expert_no_overlap
  EXCLUDE USING gist (expert_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled');
--> statement-breakpoint
ALTER TABLE bookings ADD CONSTRAINT bookings_interpreter_no_overlap
  EXCLUDE USING gist (interpreter_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (status <> 'cancelled' AND interpreter_id IS NOT NULL);
--> statement-breakpoint
ALTER TABLE closures ADD CONSTRAINT closures_order CHECK (ends_on >= starts_on);
--> statement-breakpoint
ALTER TABLE working_hours ADD CONSTRAINT working_hours_order CHECK (ends > starts AND weekday BETWEEN 1 AND 7);
