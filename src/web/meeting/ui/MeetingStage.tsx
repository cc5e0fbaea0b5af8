import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/Alerts';
import type { LocalMedia } from '../localMedia';
import type { MeetingSnapshot, PeerView } from '../session';
import { VideoTile } from './VideoTile';

type Viewer = 'terminal' | 'expert' | 'interpreter';

/**
 * The pictures of a meeting: the others big, one's own small. With an interpreter present, the interpreter's
 * picture takes at least a third of the screen (sign language must be readable). The document camera is a second,
 * sharp picture that the expert can enlarge to the whole window.
 */
export function MeetingStage({ snapshot, local, viewer }: { snapshot: MeetingSnapshot; local?: LocalMedia; viewer: Viewer }) {
  const { t } = useTranslation('meeting');
  const [enlarged, setEnlarged] = useState<PeerView>();
  const peers = snapshot.peers;
  const interpreterFirst = [...peers].sort((a, b) => rank(a) - rank(b));
  const withInterpreter = viewer !== 'interpreter' && peers.some((p) => p.kind === 'interpreter');
  const label = (p: Pick<PeerView, 'name' | 'kind'>) => (p.name ? `${p.name} (${t(`kind.${p.kind}`)})` : t(`kind.${p.kind}`));
  const overlay = (p: PeerView) =>
    p.state === 'connected' ? undefined : p.state === 'connecting' ? t('peer.connecting', { name: label(p) }) : t('peer.reconnecting', { name: label(p) });
  const documents = peers.filter((p) => p.document);
  const departed = snapshot.departures.at(-1);
  // Over (ended, or no longer allowed in): no pictures, no "reconnecting…"; the phase notice says what happened.
  if (snapshot.phase === 'ended' || snapshot.phase === 'denied') return null;

  return (
    <div className={`meeting-stage meeting-stage-${viewer} ${withInterpreter ? 'meeting-stage-interpreter' : ''}`}>
      <div className="meeting-remote">
        {interpreterFirst.length === 0 && <p className="meeting-alone">{t('stage.alone')}</p>}
        {interpreterFirst.map((p) => (
          <VideoTile
            key={p.participantId}
            stream={p.camera}
            label={label(p)}
            overlay={overlay(p)}
            kind={p.kind}
            role="camera"
            className={p.kind === 'interpreter' && withInterpreter ? 'meeting-tile-interpreter' : undefined}
          />
        ))}
        {documents.map((p) => (
          <VideoTile key={`${p.participantId}-doc`} stream={p.document} label={t('tile.document')} kind={p.kind} role="document" className="meeting-tile-document">
            {viewer !== 'terminal' && (
              <button type="button" className="meeting-button meeting-tile-enlarge" onClick={() => setEnlarged(p)}>
                {t('tile.enlarge')}
              </button>
            )}
          </VideoTile>
        ))}
      </div>
      <div className="meeting-own">
        <VideoTile stream={local?.camera} label={t('tile.own')} own overlay={local?.cameraOff ? t('tile.cameraOff') : undefined} role="camera" />
        {viewer === 'terminal' && local?.document && <VideoTile stream={local.document} label={t('tile.ownDocument')} own role="document" />}
      </div>
      <StatusMessage message={departed && t('peer.left', { name: label(departed) })} />
      {enlarged?.document && <DocumentDialog stream={enlarged.document} onClose={() => setEnlarged(undefined)} />}
    </div>
  );
}

function rank(p: PeerView) {
  return p.kind === 'interpreter' ? 0 : p.kind === 'terminal' ? 1 : 2;
}

/** The document camera over the whole window; Esc or the button closes it and focus returns to the page. */
function DocumentDialog({ stream, onClose }: { stream: MediaStream; onClose(): void }) {
  const { t } = useTranslation('meeting');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="meeting-document-dialog" aria-label={t('tile.documentEnlarged')} onClose={onClose}>
      <VideoTile stream={stream} label={t('tile.documentEnlarged')} role="document" className="meeting-tile-enlarged" />
      <button type="button" className="meeting-button meeting-button-primary meeting-dialog-close" onClick={() => ref.current?.close()}>
        {t('tile.close')}
      </button>
    </dialog>
  );
}
