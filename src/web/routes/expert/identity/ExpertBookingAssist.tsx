import { useBooking } from '../../desk/calendar/queries';
import { IdentityCheckPanel } from './IdentityCheckPanel';
import { IncidentReportButton } from './IncidentReportButton';

/** Under an expert's own booking: identity verification by the service point, and reporting a disruption. */
export function ExpertBookingAssist({ bookingId }: { bookingId: string }) {
  const booking = useBooking(bookingId);
  if (!booking.data) return null;
  return (
    <div className="identity-assist">
      <IdentityCheckPanel bookingId={bookingId} />
      <IncidentReportButton roomId={booking.data.roomId} bookingId={bookingId} />
    </div>
  );
}
