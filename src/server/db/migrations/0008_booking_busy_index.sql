-- Busy time for the slot computation, read from the index alone. A booking lasts at most a day (services at most
-- 240 minutes, meetings extended by at most 60 minutes at a time), so the bookings overlapping [from, to) are those
-- starting in [from - 1 day, to) that end after from: a range scan on (holder, starts_at) instead of a GiST search.
ALTER TABLE bookings ADD CONSTRAINT bookings_max_length CHECK (ends_at - starts_at <= interval '24 hours');
--> statement-breakpoint
CREATE INDEX bookings_expert_busy_idx ON bookings (expert_id, starts_at) INCLUDE (ends_at, id) WHERE status <> 'cancelled';
--> statement-breakpoint
CREATE INDEX bookings_room_busy_idx ON bookings (room_id, starts_at) INCLUDE (ends_at, id) WHERE status <> 'cancelled';
--> statement-breakpoint
CREATE INDEX bookings_interpreter_busy_idx ON bookings (interpreter_id, starts_at) INCLUDE (ends_at, id)
  WHERE status <> 'cancelled' AND interpreter_id IS NOT NULL;
