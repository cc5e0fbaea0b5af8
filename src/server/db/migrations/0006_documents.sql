CREATE TYPE "public"."document_kind" AS ENUM('application', 'attachment', 'certificate', 'identity-document-copy', 'letter', 'other');--> statement-breakpoint
CREATE TYPE "public"."document_handover_source" AS ENUM('desk', 'terminal');--> statement-breakpoint
CREATE TYPE "public"."document_handover_status" AS ENUM('draft', 'sent', 'acknowledged', 'purged');--> statement-breakpoint
CREATE TYPE "public"."document_page_source" AS ENUM('upload', 'camera', 'terminal');--> statement-breakpoint
CREATE TYPE "public"."document_purge_reason" AS ENUM('acknowledged', 'retention');--> statement-breakpoint
CREATE TABLE "agency_api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agency_document_keys" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"master_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"booking_id" uuid,
	"agency_id" uuid NOT NULL,
	"service_point_id" uuid NOT NULL,
	"room_id" uuid,
	"source" "document_handover_source" DEFAULT 'desk' NOT NULL,
	"customer_name" text,
	"language" text DEFAULT 'fi' NOT NULL,
	"kind" "document_kind" NOT NULL,
	"cover_note" text,
	"status" "document_handover_status" DEFAULT 'draft' NOT NULL,
	"page_count" integer DEFAULT 0 NOT NULL,
	"file_count" integer DEFAULT 0 NOT NULL,
	"wrapped_data_key" "bytea",
	"agency_key_version" integer,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_by_token" uuid,
	"acknowledged_at" timestamp with time zone,
	"purge_at" timestamp with time zone NOT NULL,
	"warned_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"purge_reason" "document_purge_reason",
	CONSTRAINT "document_handovers_customer_check" CHECK (booking_id IS NOT NULL OR customer_name IS NOT NULL OR status = 'purged'),
	CONSTRAINT "document_handovers_sent_check" CHECK (status = 'draft' OR status = 'purged' OR sent_at IS NOT NULL),
	CONSTRAINT "document_handovers_purged_check" CHECK (status <> 'purged' OR (purged_at IS NOT NULL AND wrapped_data_key IS NULL)),
	CONSTRAINT "document_handovers_note_check" CHECK (char_length(cover_note) <= 500)
);
--> statement-breakpoint
CREATE TABLE "document_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handover_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"media_type" text NOT NULL,
	"page_count" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"source" "document_page_source" NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_api_tokens" ADD CONSTRAINT "agency_api_tokens_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_api_tokens" ADD CONSTRAINT "agency_api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_api_tokens" ADD CONSTRAINT "agency_api_tokens_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_document_keys" ADD CONSTRAINT "agency_document_keys_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_handovers" ADD CONSTRAINT "document_handovers_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_handovers" ADD CONSTRAINT "document_handovers_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_handovers" ADD CONSTRAINT "document_handovers_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_handovers" ADD CONSTRAINT "document_handovers_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_handovers" ADD CONSTRAINT "document_handovers_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_handovers" ADD CONSTRAINT "document_handovers_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_handovers" ADD CONSTRAINT "document_handovers_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_pages" ADD CONSTRAINT "document_pages_handover_id_document_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."document_handovers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_pages" ADD CONSTRAINT "document_pages_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_api_tokens_hash_idx" ON "agency_api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "agency_api_tokens_agency_idx" ON "agency_api_tokens" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_handovers_reference_idx" ON "document_handovers" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "document_handovers_agency_idx" ON "document_handovers" USING btree ("agency_id","status","sent_at");--> statement-breakpoint
CREATE INDEX "document_handovers_point_idx" ON "document_handovers" USING btree ("service_point_id","status","created_at");--> statement-breakpoint
CREATE INDEX "document_handovers_booking_idx" ON "document_handovers" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "document_handovers_purge_idx" ON "document_handovers" USING btree ("purge_at") WHERE status <> 'purged';--> statement-breakpoint
CREATE INDEX "document_pages_handover_idx" ON "document_pages" USING btree ("handover_id","position");--> statement-breakpoint
-- Ciphertext does not compress: store it out of line without trying.
ALTER TABLE "document_pages" ALTER COLUMN "ciphertext" SET STORAGE EXTERNAL;