import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalMediaState } from '../../meeting/useMeeting';
import { VideoTile } from '../../meeting/ui/VideoTile';

/** The loudness of the microphone, 0–100, from a WebAudio analyser, a few times a second. */
function useMicLevel(stream: MediaStream | undefined): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    void context.resume().catch(() => undefined);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      // ~-60 dBFS (silence) … 0 dBFS on a 0–100 scale
      const db = 20 * Math.log10(Math.max(rms, 1e-6));
      setLevel(Math.round(Math.max(0, Math.min(100, ((db + 60) / 60) * 100))));
    }, 150);
    return () => {
      clearInterval(timer);
      source.disconnect();
      void context.close();
    };
  }, [stream]);
  return level;
}

/** Before the meeting: does the camera show me, does the microphone hear me, does the document camera work? */
export function DeviceCheck({ media }: { media: LocalMediaState }) {
  const { t } = useTranslation('terminal');
  const level = useMicLevel(media.media?.camera);
  if (media.failure) {
    return (
      <section className="terminal-devices" aria-labelledby="devices-heading">
        <h2 id="devices-heading" className="terminal-subtitle">
          {t('devices.heading')}
        </h2>
        <p className="terminal-notice" role="alert">
          {t(`devices.failure.${media.failure}`)}
        </p>
        <button type="button" className="terminal-secondary" onClick={media.retry}>
          {t('devices.retry')}
        </button>
      </section>
    );
  }
  return (
    <section className="terminal-devices" aria-labelledby="devices-heading">
      <h2 id="devices-heading" className="terminal-subtitle">
        {t('devices.heading')}
      </h2>
      {!media.media ? (
        <p className="terminal-text" role="status">
          {t('devices.opening')}
        </p>
      ) : (
        <div className="terminal-device-grid">
          <div className="terminal-device">
            <VideoTile stream={media.media.camera} label={t('devices.camera')} own role="camera" />
          </div>
          <div className="terminal-device">
            {media.media.document ? (
              <VideoTile stream={media.media.document} label={t('devices.document')} own role="document" />
            ) : (
              <p className="terminal-notice">{t('devices.noDocument')}</p>
            )}
          </div>
          <div className="terminal-device terminal-mic">
            <label htmlFor="mic-level" className="terminal-label">
              {t('devices.microphone')}
            </label>
            <meter id="mic-level" className="terminal-meter" min={0} max={100} low={15} high={85} optimum={50} value={level} />
            <p className="terminal-hint">{t('devices.microphoneHint')}</p>
          </div>
        </div>
      )}
    </section>
  );
}
