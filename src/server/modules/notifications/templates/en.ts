import type { Templates } from './types.js';

export const en: Templates = {
  locale: 'en-GB',
  subject: {
    confirmation: 'Remote appointment booked',
    change: 'Your remote appointment has changed',
    cancellation: 'Your remote appointment has been cancelled',
    reminder: 'Reminder of your remote appointment',
  },
  lead: {
    confirmation: "You have a remote appointment. You will meet the agency's expert by video at the service point.",
    change: 'The time or details of your remote appointment have changed. The new details are below.',
    cancellation: 'Your remote appointment has been cancelled.',
    reminder: 'This is a reminder of your upcoming remote appointment.',
  },
  labels: { agency: 'Agency', service: 'Service', time: 'Time', duration: 'Duration', place: 'Place', reference: 'Booking reference' },
  minutes: (n) => `${n} min`,
  referenceHint: 'When you arrive, type the booking reference on the touchscreen in the remote service room. A service advisor will help you if needed.',
  interpreter: (language) => `An interpreter (${language}) has been booked for the meeting.`,
  changeOrCancel: (f) => `To cancel or change the time, call the service point ${f.pointName}: ${f.phone}.`,
  manage: (url) => `You can view, move or cancel your booking online: ${url}`,
  bookAgain: (f) => `To book a new time, call the service point ${f.pointName}: ${f.phone}.`,
  footer: 'This message was sent automatically; replies are not read.',
  sms: {
    confirmation: 'Remote appointment booked',
    change: 'New time for remote appointment',
    cancellation: 'Remote appointment cancelled',
    reminder: 'Reminder: remote appointment',
  },
  smsReference: (reference) => `Reference ${reference} (type it on the touchscreen).`,
  smsInterpreter: 'Interpreter booked.',
  smsContact: (phone) => `To cancel or change: ${phone}`,
  smsManage: (url) => `Move or cancel: ${url}`,
  smsBookAgain: (phone) => `To book a new time, call ${phone}`,
  languageNames: { fse: 'Finnish Sign Language', fss: 'Finland-Swedish Sign Language' },
};
