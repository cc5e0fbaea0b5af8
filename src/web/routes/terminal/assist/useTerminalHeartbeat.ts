import { useEffect } from 'react';
import { detectDevices, sendHeartbeat } from './terminalAssistApi';

const EVERY_MS = 30_000;

/**
 * Tells the server every 30 s that the kiosk is alive and which devices it has: the advisors' status board shows
 * it online, when it was last seen, and whether its camera and microphone are there.
 */
export function useTerminalHeartbeat(token: string, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const beat = async () => {
      try {
        const devices = await detectDevices();
        if (!stopped) await sendHeartbeat(token, devices);
      } catch {
        // The next beat tries again; the kiosk's own check-in notices a revoked token.
      }
    };
    void beat();
    const timer = setInterval(() => void beat(), EVERY_MS);
    const onDeviceChange = () => void beat();
    navigator.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);
    return () => {
      stopped = true;
      clearInterval(timer);
      navigator.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
    };
  }, [token, enabled]);
}
