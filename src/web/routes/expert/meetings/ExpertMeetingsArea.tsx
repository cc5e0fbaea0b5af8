import { Route, Routes } from 'react-router';
import { useUser } from '../../../auth';
import { NotFoundPage } from '../../NotFoundPage';
import { ExpertMeetingPage } from './ExpertMeetingPage';
import { MeetingsListPage } from './MeetingsListPage';

/**
 * /expert/meetings: today's meetings; /expert/meetings/:id one meeting. Experts only (policy meeting:list): anyone
 * else (an agency booker) gets the not-found page, not a list that polls an endpoint it may not call.
 */
export function ExpertMeetingsArea() {
  const me = useUser();
  if (!me.roles.some((r) => r.role === 'expert')) return <NotFoundPage />;
  return (
    <Routes>
      <Route path=":id" element={<ExpertMeetingPage />} />
      <Route path="*" element={<MeetingsListPage />} />
    </Routes>
  );
}
