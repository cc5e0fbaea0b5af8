ALTER TYPE "public"."document_purge_reason" ADD VALUE 'erasure';--> statement-breakpoint
CREATE TABLE "agency_privacy" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"retention_days" integer,
	"purposes" text DEFAULT '' NOT NULL,
	"data_categories" text DEFAULT '' NOT NULL,
	"recipients" text DEFAULT '' NOT NULL,
	"controller_contact" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_privacy_retention_check" CHECK (retention_days BETWEEN 1 AND 730),
	CONSTRAINT "agency_privacy_text_check" CHECK (char_length(purposes) <= 4000 AND char_length(data_categories) <= 4000 AND char_length(recipients) <= 4000 AND char_length(controller_contact) <= 1000)
);
--> statement-breakpoint
ALTER TABLE "identity_checks" DROP CONSTRAINT "identity_checks_verified_check";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "customer_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "walk_ins" ALTER COLUMN "customer_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "customer_data_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "walk_ins" ADD COLUMN "customer_data_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD COLUMN "customer_data_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agency_privacy" ADD CONSTRAINT "agency_privacy_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_privacy" ADD CONSTRAINT "agency_privacy_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_retention_idx" ON "bookings" USING btree ("ends_at") WHERE customer_data_removed_at IS NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_customer_check" CHECK (customer_name IS NOT NULL OR customer_data_removed_at IS NOT NULL);--> statement-breakpoint
ALTER TABLE "walk_ins" ADD CONSTRAINT "walk_ins_customer_check" CHECK (customer_name IS NOT NULL OR customer_data_removed_at IS NOT NULL);--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_verified_check" CHECK (verified IS NOT TRUE OR customer_data_removed_at IS NOT NULL OR (document_type IS NOT NULL AND photo_matched IS TRUE));