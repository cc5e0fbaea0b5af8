import type { MessageKind } from '../../bookings/messages.js';

/** What every customer message says, already in the booking's language (names) and time zone (times). */
export type MessageFacts = {
  kind: MessageKind;
  agency: string;
  service: string;
  /** Long form: weekday, date and time. */
  when: string;
  /** Short form for subjects and SMS. */
  whenShort: string;
  durationMinutes: number;
  pointName: string;
  address: string;
  phone: string;
  reference: string;
  /** The interpreting language's name when an interpreter is booked. */
  interpreter?: string;
  /** The customer's own manage link (online bookings, docs/public-booking.md). */
  manageUrl?: string;
};

/** One language's texts. Every language has every key: the type makes a missing one a compile error. */
export type Templates = {
  /** Intl locale for dates and language names. */
  locale: string;
  subject: Record<MessageKind, string>;
  lead: Record<MessageKind, string>;
  labels: { agency: string; service: string; time: string; duration: string; place: string; reference: string };
  minutes: (n: number) => string;
  referenceHint: string;
  interpreter: (language: string) => string;
  changeOrCancel: (f: MessageFacts) => string;
  /** The manage link's line: view, move or cancel online (until the cut-off). */
  manage: (url: string) => string;
  bookAgain: (f: MessageFacts) => string;
  footer: string;
  sms: Record<MessageKind, string>;
  smsReference: (reference: string) => string;
  smsInterpreter: string;
  smsContact: (phone: string) => string;
  smsManage: (url: string) => string;
  smsBookAgain: (phone: string) => string;
  /** Names of the sign languages Intl does not know. */
  languageNames: Record<string, string>;
};
