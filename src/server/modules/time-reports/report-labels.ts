import type { ReportLanguage } from './build-report.js';

/** The report's words in Finnish and Swedish (the languages of the parties' invoicing). */
export const REPORT_LABELS = {
  fi: {
    title: 'Korvausraportti',
    agreement: 'Sopimus',
    contractor: 'Toimeksisaaja',
    payer: 'Maksaja',
    principals: 'Toimeksiantajat',
    period: 'Ajanjakso',
    reference: 'Viite',
    rate: 'Tuntihinta',
    hours: 'Työaika',
    task: 'Tehtävä',
    agency: 'Viranomainen',
    minutes: 'Minuutit',
    hoursCol: 'Tunnit',
    totalTime: 'Työaika yhteensä',
    approvedTime: 'josta hyväksytyiltä kuukausilta',
    labour: 'Työaikakorvaus',
    claims: 'Kulut',
    date: 'Päivä',
    category: 'Luokka',
    description: 'Kuvaus',
    status: 'Tila',
    amount: 'Summa',
    counted: 'Laskutetaan',
    claimsTotal: 'Kulut yhteensä',
    approvedClaims: 'hyväksytyt',
    pendingClaims: 'odottaa päätöstä',
    caps: 'Kattosummat',
    cap: 'Katto',
    used: 'Käytetty',
    left: 'Jäljellä',
    total: 'Yhteensä',
    approvedTotal: 'Hyväksytty yhteensä',
    works: 'Tilan muutostyöt (Senaatti laskuttaa VM:ää, ei toimeksisaajan kulu)',
    signature: 'Allekirjoitus ja nimenselvennys',
    place: 'Paikka ja päivämäärä',
    none: 'Ei viranomaista',
    tasks: { 'identity-verification': 'Henkilöllisyyden varmentaminen', booking: 'Ajanvaraus', 'device-help': 'Laite- ja yhteysapu', 'document-reception': 'Asiakirjojen vastaanotto', training: 'Koulutus', other: 'Muu' },
    categories: { 'communication-materials': 'Viestintämateriaalit', 'premises-rent': 'Tilan vuokra', furniture: 'Kalusteet', other: 'Muut kulut', 'premises-works': 'Tilan muutostyöt' },
    states: { pending: 'odottaa', approved: 'hyväksytty', rejected: 'hylätty' },
  },
  sv: {
    title: 'Ersättningsrapport',
    agreement: 'Avtal',
    contractor: 'Uppdragstagare',
    payer: 'Betalare',
    principals: 'Uppdragsgivare',
    period: 'Period',
    reference: 'Referens',
    rate: 'Timpris',
    hours: 'Arbetstid',
    task: 'Uppgift',
    agency: 'Myndighet',
    minutes: 'Minuter',
    hoursCol: 'Timmar',
    totalTime: 'Arbetstid totalt',
    approvedTime: 'varav i godkända månader',
    labour: 'Ersättning för arbetstid',
    claims: 'Kostnader',
    date: 'Datum',
    category: 'Kategori',
    description: 'Beskrivning',
    status: 'Status',
    amount: 'Belopp',
    counted: 'Faktureras',
    claimsTotal: 'Kostnader totalt',
    approvedClaims: 'godkända',
    pendingClaims: 'väntar på beslut',
    caps: 'Maximibelopp',
    cap: 'Maximum',
    used: 'Använt',
    left: 'Kvar',
    total: 'Totalt',
    approvedTotal: 'Godkänt totalt',
    works: 'Ändringsarbeten i lokalen (Senatfastigheter fakturerar FM, inte uppdragstagarens kostnad)',
    signature: 'Underskrift och namnförtydligande',
    place: 'Ort och datum',
    none: 'Ingen myndighet',
    tasks: { 'identity-verification': 'Verifiering av identiteten', booking: 'Tidsbokning', 'device-help': 'Hjälp med utrustning och förbindelse', 'document-reception': 'Mottagning av handlingar', training: 'Utbildning', other: 'Övrigt' },
    categories: { 'communication-materials': 'Kommunikationsmaterial', 'premises-rent': 'Hyra för lokalen', furniture: 'Möbler', other: 'Övriga kostnader', 'premises-works': 'Ändringsarbeten i lokalen' },
    states: { pending: 'väntar', approved: 'godkänd', rejected: 'avslagen' },
  },
} as const;

export const labelsFor = (lang: ReportLanguage) => REPORT_LABELS[lang];

/** Cents as euros with two decimals, the Finnish/Swedish way (1 234,50 €). */
export function euros(cents: number): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${cents < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')} €`;
}
/** 'YYYY-MM-DD' as d.m.yyyy. */
export const day = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};
