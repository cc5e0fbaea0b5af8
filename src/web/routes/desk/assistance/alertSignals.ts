/**
 * The desk's alert: a short two-tone chime made with WebAudio (no audio file), and a browser notification when
 * the advisor has allowed them. Browsers let a page make sound only after the person has interacted with it;
 * a chime that cannot play yet is skipped silently (the banner is still there).
 */
let audio: AudioContext | undefined;

function context(): AudioContext | undefined {
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return undefined;
  audio ??= new Ctor();
  return audio;
}

/** Two short tones (E6, then C6), about 0.6 s together, loud enough to hear across a service point. */
export function playChime(): void {
  try {
    const ctx = context();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.02;
    [1318.5, 1046.5].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t0 = start + i * 0.28;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.35, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.26);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + 0.3);
    });
  } catch {
    // No sound is no reason to lose the banner.
  }
}

/** Unlocks sound after a click (autoplay rules), so later alerts can chime. Call it inside the click's handler. */
export function unlockSound(): void {
  const ctx = context();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** Whether a chime can sound now: `blocked` until the browser lets this page make sound (after a click). */
export type SoundState = 'on' | 'blocked' | 'unsupported';

export function soundState(): SoundState {
  const ctx = context();
  return !ctx ? 'unsupported' : ctx.state === 'running' ? 'on' : 'blocked';
}

/** For useSyncExternalStore: the audio context says when the browser lets it run. */
export function subscribeSound(listener: () => void): () => void {
  const ctx = context();
  ctx?.addEventListener('statechange', listener);
  return () => ctx?.removeEventListener('statechange', listener);
}

export type NotificationState = NotificationPermission | 'unsupported';

export function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asked only from a button the advisor presses, never on load. */
export async function askNotificationPermission(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** One notification per alert, replacing the previous one of the same call (tag), that brings the desk forward. */
export function notify(title: string, body: string, tag: string): void {
  if (notificationState() !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag, requireInteraction: true });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    // Some platforms allow notifications only from a service worker; the banner and chime remain.
  }
}
