import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alerts';

/**
 * The document camera in the advisor's browser: choose the camera (the document camera is usually the second
 * one), see it live, and capture a still as JPEG. The still goes straight to the server; nothing is saved locally.
 */
export function CameraCapture({ onCapture, busy }: { onCapture: (jpeg: Blob) => void; busy: boolean }) {
  const { t } = useTranslation('documents');
  const id = useId();
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState('');
  const [stream, setStream] = useState<MediaStream>();
  const [error, setError] = useState(false);
  /** The preview shows the chosen camera's picture: until then a capture would take nothing, or the old camera. */
  const [ready, setReady] = useState(false);

  const start = useCallback(async (wanted: string) => {
    setError(false);
    try {
      const next = await navigator.mediaDevices.getUserMedia({ video: wanted ? { deviceId: { exact: wanted }, width: { ideal: 1920 } } : { width: { ideal: 1920 } }, audio: false });
      setStream((old) => {
        old?.getTracks().forEach((track) => track.stop());
        return next;
      });
      const cams = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      setDevices(cams);
      setDeviceId(next.getVideoTracks()[0]?.getSettings().deviceId ?? wanted);
    } catch {
      setError(true);
    }
  }, []);

  useEffect(() => {
    setReady(false);
    if (video.current && stream) video.current.srcObject = stream;
  }, [stream]);
  useEffect(() => () => stream?.getTracks().forEach((track) => track.stop()), [stream]);

  const capture = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')!.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && onCapture(blob), 'image/jpeg', 0.92);
  };

  return (
    <div className="doc-camera">
      {!stream ? (
        <button type="button" className="doc-button" onClick={() => void start('')}>
          {t('camera.start')}
        </button>
      ) : (
        <>
          <div className="doc-field">
            <label htmlFor={`${id}-device`}>{t('camera.device')}</label>
            <select
              id={`${id}-device`}
              value={deviceId}
              onChange={(e) => {
                setDeviceId(e.target.value);
                setReady(false);
                void start(e.target.value);
              }}
            >
              {devices.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || t('camera.unnamed', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
          <video ref={video} autoPlay playsInline muted aria-label={t('camera.preview')} onLoadedData={() => setReady(true)} />
          <div className="doc-actions">
            <button type="button" className="doc-button" onClick={capture} disabled={busy || !ready} aria-describedby={busy || !ready ? `${id}-why` : undefined}>
              {t('camera.capture')}
            </button>
            {/* A disabled button says why: the picture is still starting, or the previous one is being saved. */}
            {(busy || !ready) && (
              <span id={`${id}-why`} role="status">
                {busy ? t('camera.saving') : t('camera.starting')}
              </span>
            )}
            <button
              type="button"
              className="doc-button"
              onClick={() => {
                stream.getTracks().forEach((track) => track.stop());
                setStream(undefined);
              }}
            >
              {t('camera.stop')}
            </button>
          </div>
        </>
      )}
      {error && <ErrorAlert>{t('camera.error')}</ErrorAlert>}
    </div>
  );
}
