-- Street addresses and organisations' short names become per language ({fi, sv, en}), like names and cities.
-- Existing rows keep their single value in every language; an admin then enters the Swedish (and English) forms.
ALTER TABLE "organisations" ALTER COLUMN "short_name" SET DATA TYPE jsonb USING jsonb_build_object('fi', "short_name", 'sv', "short_name", 'en', "short_name");--> statement-breakpoint
ALTER TABLE "service_points" ALTER COLUMN "street_address" SET DATA TYPE jsonb USING jsonb_build_object('fi', "street_address", 'sv', "street_address", 'en', "street_address");
