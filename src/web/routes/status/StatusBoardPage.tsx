import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading } from 'suomifi-ui-components';
import type { IncidentView, StatusBoard } from '../../../shared/assistance';
import type { ServicePointView } from '../../../shared/directory';
import { NoticeAlert, StatusMessage } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { localized, useLanguage } from '../../localized';
import { useServicePoints } from '../../queries';
import { LiveStatus } from '../../realtime/LiveStatus';
import { useLiveEvents } from '../../realtime/useLiveEvents';
import { useTitle } from '../../useTitle';
import { useResolveIncident, useStatusBoard } from '../desk/assistance/api';
import { assistanceError } from '../desk/assistance/assistanceError';
import { useFormatters } from '../desk/assistance/format';
import { IncidentForm } from './IncidentForm';
import '../desk/assistance/assistance.css';
import './status.css';

type Props = {
  /** The points this person watches: an advisor's own, or every active one for a coordinator. */
  pointIds?: string[];
  /** Advisors report disruptions from here; coordinators only watch and resolve. */
  canReport: boolean;
};

/** The live status board: each room's state, each kiosk's heartbeat, open calls, checks and incidents. */
export function StatusBoardPage({ pointIds, canReport }: Props) {
  const { t } = useTranslation('assistance');
  const { lang } = useLanguage();
  const points = useServicePoints();
  const [chosen, setChosen] = useState<string>();
  useTitle(t('board.title'));
  const list = (points.data ?? []).filter((p) => p.active && (!pointIds || pointIds.includes(p.id)));
  const point = list.find((p) => p.id === chosen) ?? list[0];
  return (
    <div className="status-board">
      <Heading variant="h1" mb="s">
        {t('board.title')}
      </Heading>
      <QueryStatus query={points}>
        {() =>
          !point ? (
            <NoticeAlert status="warning">{t('board.noPoint')}</NoticeAlert>
          ) : (
            <>
              {list.length > 1 && (
                <div className="status-picker">
                  <Dropdown labelText={t('board.point')} value={point.id} onChange={(v) => setChosen(String(v))}>
                    {list.map((p) => (
                      <DropdownItem key={p.id} value={p.id}>
                        {localized(p.name, lang)}
                      </DropdownItem>
                    ))}
                  </Dropdown>
                </div>
              )}
              <PointBoard point={point} canReport={canReport} />
            </>
          )
        }
      </QueryStatus>
    </div>
  );
}

function PointBoard({ point, canReport }: { point: ServicePointView; canReport: boolean }) {
  const { lang } = useLanguage();
  const board = useStatusBoard(point.id);
  const live = useLiveEvents([{ servicePointId: point.id }]);
  return (
    <>
      <div className="status-head">
        <p className="status-point">{localized(point.name, lang)}</p>
        <LiveStatus state={live} />
      </div>
      <QueryStatus query={board}>{(b) => <BoardSections board={b} point={point} canReport={canReport} />}</QueryStatus>
    </>
  );
}

function BoardSections({ board, point, canReport }: { board: StatusBoard; point: ServicePointView; canReport: boolean }) {
  const { t } = useTranslation('assistance');
  const { lang } = useLanguage();
  const fmt = useFormatters(point.timeZone);
  const ids = { rooms: useId(), terminals: useId(), calls: useId(), checks: useId(), incidents: useId() };
  const roomName = (roomId: string) => {
    const room = point.rooms.find((r) => r.id === roomId) ?? board.rooms.find((r) => r.id === roomId);
    return room ? localized(room.name, lang) : '';
  };
  const yesNo = (v: boolean | undefined) => (v === undefined ? t('board.unknown') : v ? t('board.present') : t('board.missing'));
  return (
    <div className="status-grid">
      <section className="status-section" aria-labelledby={ids.rooms}>
        <h2 id={ids.rooms}>{t('board.rooms')}</h2>
        <ul className="status-rooms">
          {board.rooms.map((r) => (
            <li key={r.id} className={`status-room status-room-${r.state}`} data-testid="room-state">
              <span className="status-room-name">{localized(r.name, lang)}</span>
              <span className="status-room-state">{t(`roomState.${r.state}`)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="status-section status-section-wide" aria-labelledby={ids.terminals}>
        <h2 id={ids.terminals}>{t('board.terminals')}</h2>
        {board.terminals.length === 0 ? (
          <p>{t('board.noTerminals')}</p>
        ) : (
          <table className="status-table">
            <thead>
              <tr>
                <th scope="col">{t('board.terminal')}</th>
                <th scope="col">{t('board.connection')}</th>
                <th scope="col">{t('board.lastSeen')}</th>
                <th scope="col">{t('board.camera')}</th>
                <th scope="col">{t('board.microphone')}</th>
                <th scope="col">{t('board.documentCamera')}</th>
              </tr>
            </thead>
            <tbody>
              {board.terminals.map((term) => (
                <tr key={term.id} data-testid="terminal-row">
                  <th scope="row">
                    {term.name}
                    <span className="status-sub">{roomName(term.roomId)}</span>
                  </th>
                  <td>
                    <span className={`status-dot ${term.online ? 'status-dot-on' : 'status-dot-off'}`} aria-hidden="true" />
                    {term.online ? t('board.online') : t('board.offline')}
                  </td>
                  <td>{term.lastSeenAt ? fmt.dateTime(term.lastSeenAt) : t('board.never')}</td>
                  <td>{yesNo(term.camera)}</td>
                  <td>{yesNo(term.microphone)}</td>
                  <td>{yesNo(term.documentCamera)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="status-section" aria-labelledby={ids.calls}>
        <h2 id={ids.calls}>{t('board.calls')}</h2>
        {board.calls.length === 0 ? (
          <p>{t('board.noCalls')}</p>
        ) : (
          <ul className="status-list">
            {board.calls.map((c) => (
              <li key={c.id} className={c.escalatedAt ? 'status-escalated' : undefined}>
                <strong>{roomName(c.roomId)}</strong>: {t(`call.source.${c.source}`)}, {t('alerts.since', { time: fmt.time(c.createdAt) })} ·{' '}
                {c.acknowledgedBy ? t('alerts.taken', { name: c.acknowledgedBy.name, time: fmt.time(c.acknowledgedAt) }) : t('board.waiting')}
                {c.escalatedAt && <span className="assist-tag assist-tag-escalated">{t('alerts.escalated')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="status-section" aria-labelledby={ids.checks}>
        <h2 id={ids.checks}>{t('board.checks')}</h2>
        {board.identityChecks.length === 0 ? (
          <p>{t('board.noChecks')}</p>
        ) : (
          <ul className="status-list">
            {board.identityChecks.map((c) => (
              <li key={c.id} className={c.escalatedAt ? 'status-escalated' : undefined}>
                <strong>{roomName(c.roomId)}</strong>: {t('check.requestedBy', { name: c.requestedBy.name })}, {t('alerts.since', { time: fmt.time(c.requestedAt) })} ·{' '}
                {c.acknowledgedBy ? t('alerts.taken', { name: c.acknowledgedBy.name, time: fmt.time(c.acknowledgedAt) }) : t('board.waiting')}
                {c.escalatedAt && <span className="assist-tag assist-tag-escalated">{t('alerts.escalated')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="status-section status-section-wide" aria-labelledby={ids.incidents}>
        <h2 id={ids.incidents}>{t('board.incidents')}</h2>
        <IncidentList incidents={board.incidents} roomName={roomName} fmt={fmt} />
        {canReport && <ReportIncident rooms={board.rooms.map((r) => ({ id: r.id, name: localized(r.name, lang) }))} />}
      </section>
    </div>
  );
}

function IncidentList({ incidents, roomName, fmt }: { incidents: IncidentView[]; roomName(id: string): string; fmt: ReturnType<typeof useFormatters> }) {
  const { t } = useTranslation('assistance');
  const resolve = useResolveIncident();
  if (incidents.length === 0) return <p>{t('board.noIncidents')}</p>;
  return (
    <>
      <ul className="status-list status-incidents">
        {incidents.map((i) => (
          <li key={i.id} data-testid="incident">
            <p className="status-incident-title">
              <strong>{t(`incidentCategory.${i.category}`)}</strong> · {roomName(i.roomId)} · {fmt.dateTime(i.reportedAt)} · {i.reportedBy.name}
            </p>
            {i.description && <p className="status-incident-text">{i.description}</p>}
            <Button variant="secondary" onClick={() => resolve.mutate(i.id)} disabled={resolve.isPending} aria-label={t('incident.resolveOne', { category: t(`incidentCategory.${i.category}`), time: fmt.time(i.reportedAt) })}>
              {t('incident.resolve')}
            </Button>
          </li>
        ))}
      </ul>
      {resolve.isError && (
        <p className="assist-error" role="alert">
          {assistanceError(t, resolve.error)}
        </p>
      )}
    </>
  );
}

function ReportIncident({ rooms }: { rooms: { id: string; name: string }[] }) {
  const { t } = useTranslation('assistance');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  if (!open)
    return (
      <div className="status-report">
        <StatusMessage message={done ? t('incident.reported') : undefined} />
        <Button
          variant="secondary"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t('incident.report')}
        </Button>
      </div>
    );
  return (
    <IncidentForm
      rooms={rooms}
      onCancel={() => setOpen(false)}
      onDone={() => {
        setOpen(false);
        setDone(true);
      }}
    />
  );
}
