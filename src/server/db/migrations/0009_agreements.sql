ALTER TYPE "public"."role_name" ADD VALUE 'point-manager';--> statement-breakpoint
CREATE TABLE "agreement_documents" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"content" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"trigger" text NOT NULL,
	"version" integer NOT NULL,
	"subject" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"note" text,
	"done_by" uuid,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_terminations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"terminating_organisation_id" uuid NOT NULL,
	"neglecting_organisation_id" uuid NOT NULL,
	"ended_organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"description" text,
	"title" text NOT NULL,
	"contractor_id" uuid NOT NULL,
	"service_point_ids" uuid[] NOT NULL,
	"payer_id" uuid NOT NULL,
	"principals" jsonb NOT NULL,
	"signed_on" date,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"hourly_rate_cents" integer NOT NULL,
	"caps" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_versions_agreement_id_version_pk" PRIMARY KEY("agreement_id","version")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contractor_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Identity-check delegations become agreements (one source of truth). Every service point that already has
-- delegation settings or bookings gets one open-ended, signed agreement that delegates exactly what was allowed
-- before (booking and document reception for every principal; identity verification where it was delegated), so
-- nothing that worked stops; the main admin then records the real agreement (docs/agreements.md).
INSERT INTO "agreements" ("id", "contractor_id")
SELECT md5('migrated-agreement:' || sp.id::text)::uuid, sp.organisation_id FROM "service_points" sp
WHERE EXISTS (SELECT 1 FROM "delegations" d WHERE d.service_point_id = sp.id)
   OR EXISTS (SELECT 1 FROM "bookings" b WHERE b.service_point_id = sp.id);--> statement-breakpoint
INSERT INTO "agreement_versions" ("agreement_id", "version", "effective_from", "description", "title", "contractor_id",
  "service_point_ids", "payer_id", "principals", "signed_on", "valid_from", "valid_until", "hourly_rate_cents", "caps")
SELECT a.id, 1, f.day, 'Migrated from the identity-check delegation settings', 'Siirretty / Överförd: ' || (sp.name->>'fi'),
  sp.organisation_id, ARRAY[sp.id],
  coalesce((SELECT o.id FROM "organisations" o WHERE o.is_main_admin LIMIT 1), (SELECT o.id FROM "organisations" o WHERE o.kind = 'ministry' LIMIT 1), sp.organisation_id),
  (SELECT coalesce(jsonb_agg(jsonb_build_object('organisationId', o.id, 'tasks',
      CASE WHEN coalesce(d.identity_checks, false) THEN '["identity-verification","booking","document-reception"]'::jsonb
           ELSE '["booking","document-reception"]'::jsonb END)), '[]'::jsonb)
     FROM "organisations" o LEFT JOIN "delegations" d ON d.agency_id = o.id AND d.service_point_id = sp.id
    WHERE o.kind = 'principal'),
  f.day, f.day, NULL, 0, '{"communicationMaterialsCents":0,"premisesRentCents":0,"premisesWorksCents":0}'::jsonb
FROM "agreements" a
JOIN "service_points" sp ON a.id = md5('migrated-agreement:' || sp.id::text)::uuid
CROSS JOIN LATERAL (
  SELECT (least(coalesce((SELECT min(b.starts_at) FROM "bookings" b WHERE b.service_point_id = sp.id), now()), now()) AT TIME ZONE 'Europe/Helsinki')::date AS day
) f;--> statement-breakpoint
DROP TABLE "delegations" CASCADE;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_duties" ADD CONSTRAINT "agreement_duties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_duties" ADD CONSTRAINT "agreement_duties_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_terminations" ADD CONSTRAINT "agreement_terminations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_terminations" ADD CONSTRAINT "agreement_terminations_terminating_organisation_id_organisations_id_fk" FOREIGN KEY ("terminating_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_terminations" ADD CONSTRAINT "agreement_terminations_neglecting_organisation_id_organisations_id_fk" FOREIGN KEY ("neglecting_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_terminations" ADD CONSTRAINT "agreement_terminations_ended_organisation_id_organisations_id_fk" FOREIGN KEY ("ended_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_terminations" ADD CONSTRAINT "agreement_terminations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_contractor_id_organisations_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_payer_id_organisations_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_contractor_id_organisations_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_duties_unique_idx" ON "agreement_duties" USING btree ("agreement_id","kind","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_terminations_party_idx" ON "agreement_terminations" USING btree ("agreement_id","ended_organisation_id");--> statement-breakpoint
CREATE INDEX "agreement_versions_points_idx" ON "agreement_versions" USING gin ("service_point_ids");