import { Route, Routes } from 'react-router';
import { ExpertMeetingPage } from './ExpertMeetingPage';
import { MeetingsListPage } from './MeetingsListPage';

/** /expert/meetings: today's meetings; /expert/meetings/:id one meeting. */
export function ExpertMeetingsArea() {
  return (
    <Routes>
      <Route path=":id" element={<ExpertMeetingPage />} />
      <Route path="*" element={<MeetingsListPage />} />
    </Routes>
  );
}
