CREATE TYPE "public"."call_source" AS ENUM('button', 'terminal');--> statement-breakpoint
CREATE TYPE "public"."call_status" AS ENUM('open', 'acknowledged', 'closed');--> statement-breakpoint
CREATE TYPE "public"."identity_check_status" AS ENUM('requested', 'acknowledged', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."identity_document_type" AS ENUM('passport', 'identity-card', 'driving-licence', 'residence-permit-card', 'other');--> statement-breakpoint
CREATE TYPE "public"."incident_category" AS ENUM('video', 'audio', 'network', 'terminal', 'document-camera', 'other');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TABLE "call_buttons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_pressed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"service_point_id" uuid NOT NULL,
	"source" "call_source" NOT NULL,
	"button_id" uuid,
	"terminal_id" uuid,
	"status" "call_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"repeat_count" integer DEFAULT 0 NOT NULL,
	"last_press_at" timestamp with time zone DEFAULT now() NOT NULL,
	"alert_count" integer DEFAULT 1 NOT NULL,
	"last_alert_at" timestamp with time zone DEFAULT now() NOT NULL,
	"escalated_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "calls_acknowledged_check" CHECK (status <> 'acknowledged' OR (acknowledged_at IS NOT NULL AND acknowledged_by IS NOT NULL)),
	CONSTRAINT "calls_closed_check" CHECK (status <> 'closed' OR closed_at IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"service_point_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"identity_checks" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_service_point_id_agency_id_pk" PRIMARY KEY("service_point_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "identity_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"service_point_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "identity_check_status" DEFAULT 'requested' NOT NULL,
	"alert_count" integer DEFAULT 1 NOT NULL,
	"last_alert_at" timestamp with time zone DEFAULT now() NOT NULL,
	"escalated_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"verified" boolean,
	"document_type" "identity_document_type",
	"photo_matched" boolean,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "identity_checks_result_check" CHECK (status <> 'completed' OR (verified IS NOT NULL AND completed_at IS NOT NULL AND completed_by IS NOT NULL)),
	CONSTRAINT "identity_checks_verified_check" CHECK (verified IS NOT TRUE OR (document_type IS NOT NULL AND photo_matched IS TRUE))
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_point_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"booking_id" uuid,
	"agency_id" uuid,
	"category" "incident_category" NOT NULL,
	"description" text,
	"status" "incident_status" DEFAULT 'open' NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "incidents_resolved_check" CHECK (status <> 'resolved' OR resolved_at IS NOT NULL),
	CONSTRAINT "incidents_description_check" CHECK (char_length(description) <= 500)
);
--> statement-breakpoint
CREATE TABLE "terminal_heartbeats" (
	"terminal_id" uuid PRIMARY KEY NOT NULL,
	"camera" boolean NOT NULL,
	"microphone" boolean NOT NULL,
	"document_camera" boolean NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"offline_announced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "call_buttons" ADD CONSTRAINT "call_buttons_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_buttons" ADD CONSTRAINT "call_buttons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_button_id_call_buttons_id_fk" FOREIGN KEY ("button_id") REFERENCES "public"."call_buttons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_heartbeats" ADD CONSTRAINT "terminal_heartbeats_terminal_id_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_buttons_token_idx" ON "call_buttons" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "call_buttons_room_idx" ON "call_buttons" USING btree ("room_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_one_open_per_room_idx" ON "calls" USING btree ("room_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "calls_point_idx" ON "calls" USING btree ("service_point_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_checks_one_open_per_booking_idx" ON "identity_checks" USING btree ("booking_id") WHERE status IN ('requested', 'acknowledged');--> statement-breakpoint
CREATE INDEX "identity_checks_point_idx" ON "identity_checks" USING btree ("service_point_id","status");--> statement-breakpoint
CREATE INDEX "identity_checks_booking_idx" ON "identity_checks" USING btree ("booking_id","requested_at");--> statement-breakpoint
CREATE INDEX "incidents_point_idx" ON "incidents" USING btree ("service_point_id","status","reported_at");--> statement-breakpoint
CREATE INDEX "incidents_booking_idx" ON "incidents" USING btree ("booking_id");