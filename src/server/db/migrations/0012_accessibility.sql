CREATE TABLE "accessibility_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message" text NOT NULL,
	"email" text,
	"page" text,
	"language" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer_emailed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"reminded_at" timestamp with time zone,
	"overdue_reminded_at" timestamp with time zone,
	CONSTRAINT "accessibility_feedback_status_check" CHECK (status IN ('new', 'answered', 'closed')),
	CONSTRAINT "accessibility_feedback_due_check" CHECK (due_at > received_at),
	CONSTRAINT "accessibility_feedback_answered_check" CHECK ((status = 'new') = (answered_at IS NULL AND closed_at IS NULL) OR status = 'closed')
);
--> statement-breakpoint
CREATE TABLE "accessibility_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accessibility_statements_language_check" CHECK (language IN ('fi', 'sv', 'en')),
	CONSTRAINT "accessibility_statements_version_check" CHECK (version >= 1)
);
--> statement-breakpoint
ALTER TABLE "accessibility_feedback" ADD CONSTRAINT "accessibility_feedback_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accessibility_feedback" ADD CONSTRAINT "accessibility_feedback_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accessibility_statements" ADD CONSTRAINT "accessibility_statements_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accessibility_feedback_status_idx" ON "accessibility_feedback" USING btree ("status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "accessibility_statements_version_idx" ON "accessibility_statements" USING btree ("language","version");--> statement-breakpoint
-- The statement's history is its rows: a saved version is never changed or removed.
CREATE FUNCTION accessibility_statements_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'accessibility statement versions are kept as saved' USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
CREATE TRIGGER accessibility_statements_keep BEFORE UPDATE OR DELETE ON accessibility_statements FOR EACH ROW EXECUTE FUNCTION accessibility_statements_keep();
