import { IdentityCheckPanel, IncidentReportButton } from '../identity';

/**
 * The assistance pieces on the meeting screen (src/web/routes/expert/identity/, owned by the assistance work):
 * ask the service point's advisor to check the customer's identity, and report a disruption in the room.
 */
export function AssistMount({ bookingId, roomId }: { bookingId: string; roomId: string }) {
  return (
    <div className="mt-assist">
      <IdentityCheckPanel bookingId={bookingId} level="h2" />
      <IncidentReportButton roomId={roomId} bookingId={bookingId} />
    </div>
  );
}
