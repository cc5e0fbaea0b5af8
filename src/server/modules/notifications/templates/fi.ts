import type { Templates } from './types.js';

export const fi: Templates = {
  locale: 'fi-FI',
  subject: {
    confirmation: 'Etätapaaminen varattu',
    change: 'Etätapaamisesi on muuttunut',
    cancellation: 'Etätapaamisesi on peruttu',
    reminder: 'Muistutus etätapaamisesta',
  },
  lead: {
    confirmation: 'Sinulle on varattu etätapaaminen. Asioit viranomaisen asiantuntijan kanssa videoyhteydellä palvelupisteessä.',
    change: 'Etätapaamisesi aika tai tiedot ovat muuttuneet. Alla ovat uudet tiedot.',
    cancellation: 'Etätapaamisesi on peruttu.',
    reminder: 'Muistutamme tulevasta etätapaamisestasi.',
  },
  labels: { agency: 'Viranomainen', service: 'Asia', time: 'Aika', duration: 'Kesto', place: 'Paikka', reference: 'Varaustunnus' },
  minutes: (n) => `${n} min`,
  referenceHint: 'Kun saavut, kirjoita varaustunnus etäpalvelutilan kosketusnäytölle. Palveluneuvoja auttaa tarvittaessa.',
  interpreter: (language) => `Tapaamiseen on varattu tulkki (${language}).`,
  changeOrCancel: (f) => `Jos haluat perua tai siirtää ajan, soita palvelupisteeseen ${f.pointName}: ${f.phone}.`,
  manage: (url) => `Voit katsoa, siirtää tai perua varauksesi verkossa: ${url}`,
  bookAgain: (f) => `Uuden ajan voit varata soittamalla palvelupisteeseen ${f.pointName}: ${f.phone}.`,
  footer: 'Tämä on automaattinen viesti, eikä siihen voi vastata.',
  sms: {
    confirmation: 'Etätapaaminen varattu',
    change: 'Etätapaamisen uusi aika',
    cancellation: 'Etätapaaminen peruttu',
    reminder: 'Muistutus: etätapaaminen',
  },
  smsReference: (reference) => `Varaustunnus ${reference} (kirjoita se etäpalvelutilan näytölle).`,
  smsInterpreter: 'Tulkki varattu.',
  smsContact: (phone) => `Peruminen ja muutokset: ${phone}`,
  smsManage: (url) => `Siirrä tai peru: ${url}`,
  smsBookAgain: (phone) => `Uuden ajan voit varata numerosta ${phone}`,
  languageNames: { fse: 'suomalainen viittomakieli', fss: 'suomenruotsalainen viittomakieli' },
};
