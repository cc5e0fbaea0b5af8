import type { PressResponse, TerminalCallState } from '../../../../shared/assistance';
import { api } from '../../../api';

/** The kiosk's own calls to the assistance API, each with its device bearer token (docs/assistance.md). */
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const fetchCallState = (token: string) => api<TerminalCallState>('GET', '/api/terminal/call', undefined, bearer(token));
export const placeCall = (token: string) => api<PressResponse>('POST', '/api/terminal/call', undefined, bearer(token));

export type Devices = { camera: boolean; microphone: boolean; documentCamera: boolean };
export const sendHeartbeat = (token: string, devices: Devices) => api<{ receivedAt: string }>('POST', '/api/terminal/heartbeat', devices, bearer(token));

/** A second camera, or one whose name says so, is taken to be the document camera. */
const DOCUMENT_CAMERA = /document|doc[- ]?cam|visuali[sz]er|ipevo|elmo|czur|okiocam/i;

/** Which devices the kiosk has, from the browser's device list (names may be hidden until media is allowed). */
export async function detectDevices(): Promise<Devices> {
  const list = (await navigator.mediaDevices?.enumerateDevices?.().catch(() => [])) ?? [];
  const cameras = list.filter((d) => d.kind === 'videoinput');
  return {
    camera: cameras.length > 0,
    microphone: list.some((d) => d.kind === 'audioinput'),
    documentCamera: cameras.length > 1 || cameras.some((c) => DOCUMENT_CAMERA.test(c.label)),
  };
}
