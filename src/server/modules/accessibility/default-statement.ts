import type { StatementContent } from '../../../shared/accessibility.js';
import type { Language } from '../../../shared/common.js';

/**
 * The statement that stands until the main admin saves the first version of a language: what is known about this
 * app as built (self-assessed, see `assessment`). Its dates are those of that assessment.
 */
const ASSESSED_ON = '2026-12-06';

export const DEFAULT_STATEMENTS: Record<Language, StatementContent> = {
  fi: {
    service:
      'Etäpiste on etäpalvelupisteen ajanvaraus- ja etäasiointipalvelu. Seloste koskee koko verkkopalvelua: henkilöstön verkkosovellusta (ajanvaraus, etätapaamiset, asiakirjojen luovutus, raportit), etäpalvelutilan kosketusnäyttöä, tulkin tapaamislinkkiä ja tätä selostesivua. Palvelusta vastaa valtiovarainministeriö.',
    statementDate: ASSESSED_ON,
    reviewedOn: ASSESSED_ON,
    conformance: 'partial',
    shortcomings: [
      {
        description:
          'Palvelun tuottamat PDF-tiedostot (asiakirjojen luovutuksen kuitti, työaikaraportit) eivät ole saavutettavia: niissä ei ole rakennetta eikä kielimerkintöjä, joten ruudunlukija lukee ne pelkkänä tekstinä. Kuitissa saamen kielten kirjaimet đ, ŋ, ŧ ja ʒ eivät tulostu oikein.',
        criteria: '1.3.1, 1.3.2, 3.1.2',
        fixBy: '2027-06-30',
      },
      {
        description:
          'Etäpalvelutilan kosketusnäytössä ei ole puhesynteesiä eikä sitä voi käyttää näppäimistöllä tai ruudunlukijalla. Palveluneuvoja auttaa: hänet saa paikalle huoneen kutsupainikkeella.',
        criteria: '2.1.1, 4.1.2 (EN 301 549 luku 5)',
        fixBy: null,
      },
      {
        description:
          'Etätapaamisissa ei ole automaattista tekstitystä. Tulkkaus, myös kirjoitustulkkaus ja viittomakielen tulkkaus, pyydetään ajanvarauksen yhteydessä.',
        criteria: '1.2.4',
        fixBy: null,
      },
    ],
    feedback:
      'Huomasitko saavutettavuuspuutteen? Kerro siitä tämän sivun palautelomakkeella. Voit liittää viestiin sähköpostiosoitteesi, jos haluat vastauksen. Vastaamme 14 päivän kuluessa palautteen saapumisesta.',
    supervision:
      'Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit tehdä ilmoituksen Liikenne- ja viestintävirasto Traficomiin.\n\nLiikenne- ja viestintävirasto Traficom\nDigitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö\nwww.saavutettavuusvaatimukset.fi\nsaavutettavuus@traficom.fi\npuhelinnumero vaihde 029 534 5000',
    assessment:
      'Seloste perustuu itsearvioon. Jokaisen muutoksen automaattiset selaintestit tarkistavat jokaisen niissä avatun sivun axe-core-työkalulla WCAG 2.1 A- ja AA-tason sääntöjä vastaan. Automaattinen tarkistus löytää vain osan ongelmista. Asiantuntija-arviota tai ulkopuolista arviointia ei ole tehty.',
  },
  sv: {
    service:
      'Etäpiste är distansservicepunktens tjänst för tidsbokning och distansservice. Utlåtandet gäller hela webbtjänsten: personalens webbapplikation (tidsbokning, distansmöten, överlämning av handlingar, rapporter), pekskärmen i distansservicerummet, tolkens möteslänk och den här sidan. Finansministeriet ansvarar för tjänsten.',
    statementDate: ASSESSED_ON,
    reviewedOn: ASSESSED_ON,
    conformance: 'partial',
    shortcomings: [
      {
        description:
          'PDF-filerna som tjänsten skapar (kvittot för överlämning av handlingar, tidsrapporterna) är inte tillgängliga: de saknar struktur och språkmärkning, så en skärmläsare läser dem som löpande text. I kvittot skrivs de samiska bokstäverna đ, ŋ, ŧ och ʒ inte ut rätt.',
        criteria: '1.3.1, 1.3.2, 3.1.2',
        fixBy: '2027-06-30',
      },
      {
        description:
          'Pekskärmen i distansservicerummet har ingen talsyntes och kan inte användas med tangentbord eller skärmläsare. En servicerådgivare hjälper: tryck på anropsknappen i rummet.',
        criteria: '2.1.1, 4.1.2 (EN 301 549 kapitel 5)',
        fixBy: null,
      },
      {
        description:
          'Distansmötena har ingen automatisk textning. Tolkning, också skrivtolkning och teckenspråkstolkning, ska beställas när tiden bokas.',
        criteria: '1.2.4',
        fixBy: null,
      },
    ],
    feedback:
      'Har du upptäckt en tillgänglighetsbrist? Berätta om den med formuläret på den här sidan. Skriv din e-postadress om du vill ha svar. Vi svarar inom 14 dagar från att responsen kommit fram.',
    supervision:
      'Om du upptäcker tillgänglighetsproblem i tjänsten, ge först respons till oss. Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till Transport- och kommunikationsverket Traficom.\n\nTransport- och kommunikationsverket Traficom\nEnheten för tillsyn över tillgängligheten\nwww.tillgänglighetskrav.fi\nwebbtillganglighet@traficom.fi\ntelefonnummer växeln 029 534 5000',
    assessment:
      'Utlåtandet bygger på en självvärdering. De automatiska webbläsartesterna av varje ändring kontrollerar varje sida de öppnar med verktyget axe-core mot reglerna för WCAG 2.1 nivå A och AA. En automatisk kontroll hittar bara en del av problemen. Ingen expertgranskning eller extern granskning har gjorts.',
  },
  en: {
    service:
      'Etäpiste is the booking and remote service system of the remote customer service point. The statement covers the whole web service: the staff web app (bookings, remote meetings, document handover, reports), the touchscreen in the remote service room, the interpreter’s meeting link and this page. The Ministry of Finance is responsible for the service.',
    statementDate: ASSESSED_ON,
    reviewedOn: ASSESSED_ON,
    conformance: 'partial',
    shortcomings: [
      {
        description:
          'The PDF files the service produces (the document handover receipt, time reports) are not accessible: they have no structure or language tags, so a screen reader reads them as plain text. On the receipt the Sámi letters đ, ŋ, ŧ and ʒ are not printed correctly.',
        criteria: '1.3.1, 1.3.2, 3.1.2',
        fixBy: '2027-06-30',
      },
      {
        description:
          'The touchscreen in the remote service room has no speech output and cannot be used with a keyboard or a screen reader. A service advisor helps: the call button in the room calls them in.',
        criteria: '2.1.1, 4.1.2 (EN 301 549 chapter 5)',
        fixBy: null,
      },
      {
        description:
          'Remote meetings have no automatic captions. Interpreting, including speech-to-text and sign language interpreting, is requested when the appointment is booked.',
        criteria: '1.2.4',
        fixBy: null,
      },
    ],
    feedback:
      'Did you notice an accessibility problem? Tell us with the feedback form on this page. Add your e-mail address if you want an answer. We answer within 14 days of receiving your feedback.',
    supervision:
      'If you notice accessibility problems in the service, first give feedback to us. If you are not satisfied with the answer, or you get no answer within two weeks, you can report it to the Finnish Transport and Communications Agency Traficom.\n\nFinnish Transport and Communications Agency Traficom\nDigital Accessibility Supervision Unit\nwww.webaccessibility.fi\nsaavutettavuus@traficom.fi\ntelephone switchboard +358 29 534 5000',
    assessment:
      'The statement is based on a self-assessment. The automated browser tests of every change check every page they open with the axe-core tool against the WCAG 2.1 level A and AA rules. Automated checks find only some of the problems. No expert review or external audit has been made.',
  },
};
