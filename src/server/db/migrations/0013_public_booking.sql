ALTER TYPE "public"."booking_channel" ADD VALUE 'online';--> statement-breakpoint
CREATE TABLE "public_booking_links" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"key_id" text NOT NULL,
	"client_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "public_booking_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "online_booking" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "online_notice_minutes" integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "online_horizon_days" smallint DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "public_booking_links" ADD CONSTRAINT "public_booking_links_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_booking_links_client_idx" ON "public_booking_links" USING btree ("client_key","created_at");--> statement-breakpoint
-- The demo world (its accounts end in .demo) offers one service of each agency online, so the public page works
-- out of the box; real agencies' services stay off until their admin enables them.
UPDATE "services" SET "online_booking" = true
WHERE "name"->>'fi' IN ('Verokortti ja ennakkovero', 'Väestötietojen tarkistus ja muutokset', 'Asumistuki')
  AND "agency_id" IN (SELECT "organisation_id" FROM "users" WHERE "email" LIKE '%.demo');
