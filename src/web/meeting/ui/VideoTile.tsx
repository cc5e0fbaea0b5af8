import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  stream?: MediaStream;
  /** Who or what this is, for everyone (visible caption and the video's accessible name). */
  label: string;
  own?: boolean;
  /** A state shown over the picture: "reconnecting…", "camera off". */
  overlay?: string;
  className?: string;
  /** For tests and styling: whose and which picture. */
  kind?: string;
  role?: 'camera' | 'document';
  children?: ReactNode;
};

/**
 * One picture. Remote pictures carry the sound too; the own picture is muted and mirrored. A browser that refuses
 * to start sound without a tap gets the picture at once and a "turn sound on" button.
 */
export function VideoTile({ stream, label, own, overlay, className, kind, role, children }: Props) {
  const { t } = useTranslation('meeting');
  const ref = useRef<HTMLVideoElement>(null);
  const [needsTap, setNeedsTap] = useState(false);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    if (video.srcObject !== (stream ?? null)) video.srcObject = stream ?? null;
    if (!stream) return;
    video.muted = !!own;
    video.play().catch((error: unknown) => {
      if (own || !(error instanceof DOMException) || error.name !== 'NotAllowedError') return;
      video.muted = true;
      setNeedsTap(true);
      void video.play().catch(() => undefined);
    });
  }, [stream, own]);

  const unmute = () => {
    const video = ref.current;
    if (!video) return;
    video.muted = false;
    void video.play().then(() => setNeedsTap(false), () => undefined);
  };

  return (
    <figure className={`meeting-tile ${own ? 'meeting-tile-own' : ''} ${className ?? ''}`} data-peer-kind={kind} data-role={role} data-own={own ? 'true' : undefined}>
      <video ref={ref} className="meeting-video" autoPlay playsInline muted={own} aria-label={label} />
      {!stream && !overlay && <span className="meeting-tile-overlay">{t('tile.noVideo')}</span>}
      {overlay && (
        <span className="meeting-tile-overlay" role="status">
          {overlay}
        </span>
      )}
      <figcaption className="meeting-tile-caption">{label}</figcaption>
      {needsTap && (
        <button type="button" className="meeting-tile-sound" onClick={unmute}>
          {t('tile.soundOn')}
        </button>
      )}
      {children}
    </figure>
  );
}
