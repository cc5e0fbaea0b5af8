import type { Templates } from './types.js';

export const sv: Templates = {
  locale: 'sv-FI',
  subject: {
    confirmation: 'Distansmöte bokat',
    change: 'Ditt distansmöte har ändrats',
    cancellation: 'Ditt distansmöte har avbokats',
    reminder: 'Påminnelse om distansmöte',
  },
  lead: {
    confirmation: 'Du har ett bokat distansmöte. Du träffar myndighetens expert via videoförbindelse på servicepunkten.',
    change: 'Tiden eller uppgifterna för ditt distansmöte har ändrats. Här är de nya uppgifterna.',
    cancellation: 'Ditt distansmöte har avbokats.',
    reminder: 'Vi påminner om ditt kommande distansmöte.',
  },
  labels: { agency: 'Myndighet', service: 'Ärende', time: 'Tid', duration: 'Längd', place: 'Plats', reference: 'Bokningskod' },
  minutes: (n) => `${n} min`,
  referenceHint: 'När du kommer, skriv bokningskoden på pekskärmen i distansservicerummet. En servicerådgivare hjälper dig vid behov.',
  interpreter: (language) => `En tolk (${language}) är bokad till mötet.`,
  changeOrCancel: (f) => `Om du vill avboka eller byta tid, ring servicepunkten ${f.pointName}: ${f.phone}.`,
  manage: (url) => `Du kan se, flytta eller avboka din bokning på webben: ${url}`,
  bookAgain: (f) => `Du kan boka en ny tid genom att ringa servicepunkten ${f.pointName}: ${f.phone}.`,
  footer: 'Detta är ett automatiskt meddelande som inte kan besvaras.',
  sms: {
    confirmation: 'Distansmöte bokat',
    change: 'Ny tid för distansmöte',
    cancellation: 'Distansmöte avbokat',
    reminder: 'Påminnelse: distansmöte',
  },
  smsReference: (reference) => `Bokningskod ${reference} (skriv den på pekskärmen).`,
  smsInterpreter: 'Tolk bokad.',
  smsContact: (phone) => `Avbokning och ändringar: ${phone}`,
  smsManage: (url) => `Flytta eller avboka: ${url}`,
  smsBookAgain: (phone) => `Boka ny tid på nummer ${phone}`,
  languageNames: { fse: 'finskt teckenspråk', fss: 'finlandssvenskt teckenspråk' },
};
