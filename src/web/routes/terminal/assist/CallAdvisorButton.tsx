import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KEYS } from '../../../realtime/queryKeys';
import { useLiveEvents } from '../../../realtime/useLiveEvents';
import { fetchTerminalSelf } from '../terminalApi';
import { fetchCallState, placeCall } from './terminalAssistApi';
import { useTerminalHeartbeat } from './useTerminalHeartbeat';
import './assist.css';

type Props = {
  /** The kiosk's device token. */
  token: string;
  /** Also send the kiosk's heartbeat (on by default; turn off where another component sends it). */
  heartbeat?: boolean;
};

/**
 * The kiosk's on-screen "Call an advisor": one large button; then "an advisor has been called", and live, as
 * soon as someone at the desk acknowledges, "an advisor is coming" with their first name. The kiosk listens to
 * its service point's events with its own token and then reads only its own room's call.
 */
export function CallAdvisorButton({ token, heartbeat = true }: Props) {
  const { t } = useTranslation('assistance');
  const client = useQueryClient();
  const self = useQuery({ queryKey: ['terminal-self', token], queryFn: () => fetchTerminalSelf(token), staleTime: 60_000 });
  const pointId = self.data?.servicePoint.id;
  const live = useLiveEvents(pointId ? [{ servicePointId: pointId }] : [], !!pointId, { deviceToken: token });
  const stateKey = [...KEYS.assistance, 'terminal-call', token];
  // Events make this instant; while the socket is down, a slow poll keeps the screen honest.
  const state = useQuery({ queryKey: stateKey, queryFn: () => fetchCallState(token), refetchInterval: live === 'live' ? false : 15_000 });
  const call = useMutation({ mutationFn: () => placeCall(token), onSettled: () => client.invalidateQueries({ queryKey: stateKey }) });
  useTerminalHeartbeat(token, heartbeat);

  const current = state.data?.call;
  const press = () => call.mutate();
  return (
    <div className="assist-terminal">
      <div role="status" aria-live="polite" className="assist-terminal-status">
        {current?.status === 'acknowledged' ? (
          <p className="assist-terminal-coming">
            {current.advisorFirstName ? t('terminal.comingNamed', { name: current.advisorFirstName }) : t('terminal.coming')}
          </p>
        ) : current?.status === 'open' ? (
          <p className="assist-terminal-called">{t('terminal.called')}</p>
        ) : null}
        {call.isError && <p className="assist-terminal-error">{t('terminal.failed')}</p>}
      </div>
      {!current ? (
        <button type="button" className="assist-call-button" onClick={press} disabled={call.isPending || !state.isSuccess}>
          {t('terminal.call')}
        </button>
      ) : (
        current.status === 'open' && (
          <button type="button" className="assist-call-again" onClick={press} disabled={call.isPending}>
            {t('terminal.callAgain')}
          </button>
        )
      )}
    </div>
  );
}
