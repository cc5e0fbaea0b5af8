import type { LocalizedText } from '../schema/index.js';
import { interpreters, services, workingHours } from '../schema/index.js';
import type { Db } from '../client.js';

type ServiceSeed = { name: LocalizedText; durationMinutes: number; languages: string[]; interpretingPossible?: boolean; onlineBooking?: boolean };

/** A realistic remote-service catalogue of the three principals (names in fi, sv, en). */
export const DEMO_SERVICES: Record<'vero' | 'dvv' | 'kela', ServiceSeed[]> = {
  vero: [
    { name: { fi: 'Henkilöasiakkaan veroasiat', sv: 'Skatteärenden för privatpersoner', en: 'Personal taxation' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'] },
    { name: { fi: 'Verokortti ja ennakkovero', sv: 'Skattekort och förskottsskatt', en: 'Tax card and prepayment' }, durationMinutes: 20, languages: ['fi', 'sv', 'en'], onlineBooking: true },
    { name: { fi: 'Perintö- ja lahjaverotus', sv: 'Arvs- och gåvobeskattning', en: 'Inheritance and gift tax' }, durationMinutes: 45, languages: ['fi', 'sv'] },
  ],
  dvv: [
    { name: { fi: 'Väestötietojen tarkistus ja muutokset', sv: 'Kontroll och ändring av befolkningsuppgifter', en: 'Checking and changing population data' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'], onlineBooking: true },
    { name: { fi: 'Ulkomaalaisen rekisteröinti', sv: 'Registrering av utländska medborgare', en: 'Registering a foreign national' }, durationMinutes: 45, languages: ['fi', 'sv', 'en'] },
    { name: { fi: 'Edunvalvontavaltuutuksen vahvistaminen', sv: 'Fastställande av intressebevakningsfullmakt', en: 'Confirming a continuing power of attorney' }, durationMinutes: 60, languages: ['fi', 'sv'] },
  ],
  kela: [
    { name: { fi: 'Perustoimeentulotuki', sv: 'Grundläggande utkomststöd', en: 'Basic social assistance' }, durationMinutes: 45, languages: ['fi', 'sv', 'en'] },
    { name: { fi: 'Asumistuki', sv: 'Bostadsbidrag', en: 'Housing allowance' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'], onlineBooking: true },
    { name: { fi: 'Lapsiperheiden etuudet', sv: 'Förmåner för barnfamiljer', en: 'Benefits for families with children' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'] },
    { name: { fi: 'Eläkkeet', sv: 'Pensioner', en: 'Pensions' }, durationMinutes: 30, languages: ['fi', 'sv', 'en'] },
  ],
};

/** Fictional interpreters: Finnish and Finland-Swedish sign language, the three Sámi languages, spoken languages. */
const DEMO_INTERPRETERS = [
  { name: 'Aino Kivi', provider: 'Tulkkauspalvelu (demo)', languages: ['fse'] },
  { name: 'Elsa Sandberg', provider: 'Tulkkauspalvelu (demo)', languages: ['fss', 'fse'] },
  { name: 'Áile Magga', provider: 'Sámi tulkkaus (demo)', languages: ['se', 'smn', 'sms'] },
  { name: 'Omar Hassan', provider: 'Tulkkauspalvelu (demo)', languages: ['ar', 'so'] },
  { name: 'Irina Volkova', provider: 'Tulkkauspalvelu (demo)', languages: ['ru', 'uk'] },
];

const WEEKDAYS_8_TO_16 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '08:00', ends: '16:00' }));

export async function seedScheduling(db: Db, agencyIds: Record<'vero' | 'dvv' | 'kela', string>, expertIds: string[]) {
  for (const [agency, list] of Object.entries(DEMO_SERVICES) as ['vero' | 'dvv' | 'kela', ServiceSeed[]][]) {
    await db.insert(services).values(list.map((s) => ({ ...s, agencyId: agencyIds[agency], interpretingPossible: s.interpretingPossible ?? true })));
  }
  const interpreterRows = await db.insert(interpreters).values(DEMO_INTERPRETERS).returning({ id: interpreters.id });
  const hours = [
    ...expertIds.map((id) => ({ kind: 'expert' as const, id })),
    ...interpreterRows.map((r) => ({ kind: 'interpreter' as const, id: r.id })),
  ].flatMap(({ kind, id }) => WEEKDAYS_8_TO_16.map((w) => ({ ...w, resourceKind: kind, resourceId: id })));
  await db.insert(workingHours).values(hours);
}
